/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Message allocation with one spare message per thread.  A batch of a
 * million routes builds a million messages, copies each into its buffer
 * and frees it; libnl's nlmsg_alloc_size() is two calloc()s and
 * nlmsg_free() two free()s, about a third of the batch's user-space work.
 * nlhl__msg_free() keeps the message as the thread's spare instead, and
 * nlhl__msg_alloc() hands it back, zeroed as a new one would be.
 */
#include <pthread.h>
#include <string.h>

#include "internal.h"

static __thread struct nl_msg *spare;
static __thread bool spare_registered;
static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;
static bool spare_key_ok;

/* A thread that ends frees its spare (TLS destructors run while its
 * __thread variables are still there); the main thread's stays
 * reachable until exit. */
static void spare_drop(void *unused)
{
	(void)unused;
	nlmsg_free(spare);
	spare = NULL;
}

static void spare_init(void)
{
	spare_key_ok = pthread_key_create(&spare_key, spare_drop) == 0;
}

struct nl_msg *nlhl__msg_alloc(size_t size)
{
	struct nl_msg *msg = spare;

	if (msg && nlmsg_get_max_size(msg) >= size) {
		struct nlmsghdr *nlh = nlmsg_hdr(msg);

		spare = NULL;
		memset(nlh, 0, nlh->nlmsg_len);
		nlh->nlmsg_len = NLMSG_HDRLEN;
		return msg;
	}
	return nlmsg_alloc_size(size);
}

void nlhl__msg_free(struct nl_msg *msg)
{
	if (!msg)
		return;
	if (spare || nlmsg_hdr(msg)->nlmsg_len > nlmsg_get_max_size(msg)) {
		nlmsg_free(msg);
		return;
	}
	if (!spare_registered) {
		/* once per thread: the key's destructor frees the spare */
		pthread_once(&spare_once, spare_init);
		if (!spare_key_ok || pthread_setspecific(spare_key, (void *)1) != 0) {
			nlmsg_free(msg);
			return;
		}
		spare_registered = true;
	}
	spare = msg;
}
