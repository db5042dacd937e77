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

static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;
static bool spare_ok;

/* a thread that ends frees its spare (the main thread's stays reachable) */
static void spare_drop(void *msg)
{
	nlmsg_free(msg);
}

static void spare_init(void)
{
	spare_ok = pthread_key_create(&spare_key, spare_drop) == 0;
}

struct nl_msg *nlhl__msg_alloc(size_t size)
{
	struct nl_msg *msg;

	pthread_once(&spare_once, spare_init);
	msg = spare_ok ? pthread_getspecific(spare_key) : NULL;
	if (msg && nlmsg_get_max_size(msg) >= size) {
		struct nlmsghdr *nlh = nlmsg_hdr(msg);
		size_t used = nlh->nlmsg_len;

		pthread_setspecific(spare_key, NULL);
		memset(nlh, 0, used);
		nlh->nlmsg_len = NLMSG_HDRLEN;
		return msg;
	}
	return nlmsg_alloc_size(size);
}

void nlhl__msg_free(struct nl_msg *msg)
{
	struct nl_msg *old;

	if (!msg)
		return;
	pthread_once(&spare_once, spare_init);
	old = spare_ok ? pthread_getspecific(spare_key) : msg;
	if (old || nlmsg_hdr(msg)->nlmsg_len > nlmsg_get_max_size(msg) ||
	    pthread_setspecific(spare_key, msg) != 0)
		nlmsg_free(msg);
}
