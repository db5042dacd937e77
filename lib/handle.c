/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Handles: one configured rtnetlink socket each.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/sockios.h>
#include <netlink/handlers.h>
#include <netlink/socket.h>

#include "internal-handle.h"
#include "netlinkhl/sys/nlsock.h"

#define RECV_BUF_INITIAL (64 * 1024)

int nlhl__sock_set_rcvbuf(int fd, int bytes)
{
	/* SO_RCVBUFFORCE ignores rmem_max but needs CAP_NET_ADMIN; fall back
	 * to the capped SO_RCVBUF for unprivileged users. */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &bytes, sizeof(bytes)) == 0)
		return 0;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof(bytes)) == 0)
		return 0;
	return -errno;
}

int nlhl__sock_open(int protocol, struct nl_sock **ret)
{
	static const int on = 1;
	static const int opts[] = { NETLINK_EXT_ACK, NETLINK_CAP_ACK,
				    NETLINK_GET_STRICT_CHK };
	struct nl_cb *cb;
	struct nl_sock *sk;
	int r, fd;

	/* An explicit NL_CB_DEFAULT set: the NLCB/NLDBG environment variables
	 * must not change how the library behaves (docs/design.md trap 6). */
	cb = nl_cb_alloc(NL_CB_DEFAULT);
	if (!cb)
		return nlhl__fail(-ENOMEM, "socket: out of memory");
	sk = nl_socket_alloc_cb(cb);
	nl_cb_put(cb);
	if (!sk)
		return nlhl__fail(-ENOMEM, "socket: out of memory");
	r = nl_connect(sk, protocol);
	if (r < 0) {
		nl_socket_free(sk);
		return nlhl__fail(nlhl__errno_from_nle(r), "socket: cannot open netlink socket");
	}
	fd = nl_socket_get_fd(sk);
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(opts); i++) {
		/* EXT_ACK (4.12) and STRICT_CHK (4.20) are best effort: an old
		 * kernel still works, with less precise errors and filters. */
		if (setsockopt(fd, SOL_NETLINK, opts[i], &on, sizeof(on)) < 0 &&
		    errno != ENOPROTOOPT) {
			r = -errno;
			nl_socket_free(sk);
			return nlhl__fail(r, "socket: setsockopt");
		}
	}
	r = nlhl__sock_set_rcvbuf(fd, NLHL_DEFAULT_RCVBUF);
	if (r < 0) {
		nl_socket_free(sk);
		return nlhl__fail(r, "socket: cannot set receive buffer");
	}
	*ret = sk;
	return 0;
}

NLHL_API int nlhl_handle_new(nlhl_handle **ret)
{
	nlhl_handle *h;
	int r;

	NLHL_CHECK_PTR(ret, "handle new");
	h = calloc(1, sizeof(*h));
	if (!h)
		return nlhl__fail(-ENOMEM, "handle new: out of memory");
	h->buf_size = RECV_BUF_INITIAL;
	h->buf = malloc(h->buf_size);
	if (!h->buf) {
		free(h);
		return nlhl__fail(-ENOMEM, "handle new: out of memory");
	}
	r = nlhl__sock_open(NETLINK_ROUTE, &h->sk);
	if (r < 0) {
		free(h->buf);
		free(h);
		return r;
	}
	h->fd = nl_socket_get_fd(h->sk);
	/* Any start works; a varied one keeps answers meant for an earlier
	 * handle that reused this port from ever matching. */
	h->seq = (uint32_t)(uintptr_t)h ^ (uint32_t)getpid();
	*ret = h;
	return 0;
}

NLHL_API int nlhl_handle_new_at(int netns_fd, nlhl_handle **ret)
{
	int saved, r, r2;

	NLHL_CHECK_PTR(ret, "handle new at");
	r = nlhl__netns_check_fd(netns_fd, "handle new at");
	if (r < 0)
		return r;
	r = nlhl__netns_enter(netns_fd, &saved);
	if (r < 0)
		return nlhl__fail(r, "handle new at: cannot enter netns fd %d", netns_fd);
	r = nlhl_handle_new(ret);
	r2 = nlhl__netns_leave(saved);
	if (r2 < 0) {
		if (r == 0)
			nlhl_handle_free(*ret);
		return nlhl__fail(r2, "handle new at: cannot return to the original netns");
	}
	return r;
}

NLHL_API void nlhl_handle_free(nlhl_handle *h)
{
	if (!h)
		return;
	nl_socket_free(h->sk);
	free(h->buf);
	free(h);
}

NLHL_API int nlhl_handle_set_rcvbuf(nlhl_handle *h, int bytes)
{
	int r;

	NLHL_CHECK_PTR(h, "handle set rcvbuf");
	if (bytes <= 0)
		return nlhl__fail(-EINVAL, "handle set rcvbuf: %d bytes is not a size", bytes);
	r = nlhl__sock_set_rcvbuf(h->fd, bytes);
	if (r < 0)
		return nlhl__fail(r, "handle set rcvbuf %d", bytes);
	return 0;
}

NLHL_API int nlhl_handle_set_timeout(nlhl_handle *h, int timeout_ms)
{
	struct timeval tv;

	NLHL_CHECK_PTR(h, "handle set timeout");
	if (timeout_ms < 0)
		return nlhl__fail(-EINVAL, "handle set timeout: %d ms is negative", timeout_ms);
	tv.tv_sec = timeout_ms / 1000;
	tv.tv_usec = (timeout_ms % 1000) * 1000;
	if (setsockopt(h->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) < 0)
		return nlhl__fail(-errno, "handle set timeout");
	h->timeout_ms = timeout_ms;
	return 0;
}

NLHL_API struct nl_sock *nlhl_handle_nl_sock(nlhl_handle *h)
{
	return h ? h->sk : NULL;
}

int nlhl__handle_acquire(nlhl_handle *h, nlhl_handle **use)
{
	if (h) {
		*use = h;
		return 0;
	}
	return nlhl_handle_new(use);
}

void nlhl__handle_release(nlhl_handle *h, nlhl_handle *use)
{
	if (use != h)
		nlhl_handle_free(use);
}

int nlhl__handle_fd(const nlhl_handle *h)
{
	return h->fd;
}

uint32_t nlhl__handle_next_seq(nlhl_handle *h)
{
	return ++h->seq;
}

size_t nlhl__handle_buf_size(const nlhl_handle *h)
{
	return h->buf_size;
}

int nlhl__handle_netns(const nlhl_handle *h)
{
	/* The socket keeps the netns it was made in, whatever the thread
	 * did since (nlhl_handle_new_at, setns). */
	int fd = ioctl(h->fd, SIOCGSKNS);

	return fd < 0 ? -errno : fd;
}
