/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The request engine shared by every family: send, wait for the ACK, run a
 * dump.  Written on the raw socket rather than nl_recvmsgs() because libnl
 * 3.7 hides the extended ACK, retries interrupted dumps without clearing and
 * drops errors carried in NLMSG_DONE (DESIGN.md rules 1 and 2).
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "internal-handle.h"

int nlhl__send(nlhl_handle *h, struct nlmsghdr *nlh)
{
	ssize_t n;

	do
		n = send(h->fd, nlh, nlh->nlmsg_len, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		int err = -errno;

		nlhl__detail_set("cannot send to the kernel: %s", strerror(-err));
		return err;
	}
	if ((size_t)n != nlh->nlmsg_len) {
		nlhl__detail_set("short send to the kernel");
		return -EIO;
	}
	return 0;
}

static int grow_buf(nlhl_handle *h, size_t need)
{
	uint8_t *p;

	if (need <= h->buf_size)
		return 0;
	p = realloc(h->buf, need);
	if (!p) {
		nlhl__detail_set("out of memory for a %zu byte answer", need);
		return -ENOMEM;
	}
	h->buf = p;
	h->buf_size = need;
	return 0;
}

static bool from_kernel(const struct msghdr *m, const struct sockaddr_nl *sa)
{
	/* Only the kernel (port 0) answers; anything else is another
	 * process talking to our port. */
	return m->msg_namelen == sizeof(*sa) && sa->nl_pid == 0;
}

static int recv_error(const nlhl_handle *h, int err, int flags)
{
	if (err == EAGAIN || err == EWOULDBLOCK) {
		if (flags & NLHL__RECV_NOWAIT)
			return -EAGAIN;
		nlhl__detail_set("no answer from the kernel within %d ms", h->timeout_ms);
		return -ETIMEDOUT;
	}
	if (err == ENOBUFS)
		nlhl__detail_set("receive buffer overrun: the kernel dropped messages");
	else
		nlhl__detail_set("cannot receive from the kernel: %s", strerror(err));
	return -err;
}

ssize_t nlhl__recv(nlhl_handle *h, int flags, const uint8_t **ret_buf)
{
	int wait = flags & NLHL__RECV_NOWAIT ? MSG_DONTWAIT : 0;

	for (;;) {
		struct sockaddr_nl sa;
		struct iovec iov = { h->buf, h->buf_size };
		struct msghdr m = {
			.msg_name = &sa, .msg_namelen = sizeof(sa),
			.msg_iov = &iov, .msg_iovlen = 1,
		};
		int rflags = MSG_TRUNC | wait;
		ssize_t n;

		if (flags & NLHL__RECV_PEEK) {
			/* Learn the sender and the size first: a dump datagram
			 * or a link with many VFs can exceed the buffer, and
			 * only the kernel's datagrams may make it grow. */
			n = recvmsg(h->fd, &m, MSG_PEEK | MSG_TRUNC | wait);
			if (n < 0) {
				if (errno == EINTR)
					continue;
				return recv_error(h, errno, flags);
			}
			if (from_kernel(&m, &sa) && (size_t)n > h->buf_size) {
				int r = grow_buf(h, (size_t)n);

				if (r < 0)
					return r;
				iov.iov_base = h->buf;
				iov.iov_len = h->buf_size;
			}
			/* the datagram is queued: take it without waiting */
			rflags |= MSG_DONTWAIT;
			m.msg_namelen = sizeof(sa);
		}
		n = recvmsg(h->fd, &m, rflags);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return recv_error(h, errno, flags);
		}
		if (!from_kernel(&m, &sa))
			continue;  /* dropped before its size can matter */
		if ((m.msg_flags & MSG_TRUNC) || (size_t)n > h->buf_size) {
			/* The datagram is lost; grow so that a retry fits. */
			nlhl__detail_set("answer of %zd bytes truncated to the %zu byte buffer",
					 n, h->buf_size);
			if ((size_t)n > h->buf_size && grow_buf(h, (size_t)n) < 0)
				return -ENOMEM;
			return -EMSGSIZE;
		}
		*ret_buf = h->buf;
		return n;
	}
}

/* Reads NLMSGERR_ATTR_MSG (or the missing-attribute hint) without trusting
 * any length the kernel sent. */
static void parse_ext_ack(const struct nlmsghdr *nlh, const void *tlvs, int len)
{
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];

	(void)nlh;
	if (len <= 0)
		return;
	if (nla_parse(tb, NLMSGERR_ATTR_MAX, (struct nlattr *)tlvs, len, NULL) < 0)
		return;
	if (tb[NLMSGERR_ATTR_MSG] && nla_len(tb[NLMSGERR_ATTR_MSG]) > 0) {
		const char *s = nla_data(tb[NLMSGERR_ATTR_MSG]);
		int slen = (int)strnlen(s, (size_t)nla_len(tb[NLMSGERR_ATTR_MSG]));

		nlhl__detail_set("%.*s", slen, s);
	} else if (tb[NLMSGERR_ATTR_MISS_TYPE] &&
		   nla_len(tb[NLMSGERR_ATTR_MISS_TYPE]) >= 4) {
		nlhl__detail_set("missing required attribute type %u",
				 nla_get_u32(tb[NLMSGERR_ATTR_MISS_TYPE]));
	}
}

/* The kernel sends a negative errno (its MAX_ERRNO is 4095); anything
 * else, e.g. INT_MIN, whose negation overflows, is a broken message. */
static int kernel_errno(int e)
{
	if (e > 0 && e <= 4095)
		return -e;
	if (e > 0 || e < -4095) {
		nlhl__detail_set("error code %d from the kernel is not an errno", e);
		return -EPROTO;
	}
	return e;
}

int nlhl__parse_ack(const struct nlmsghdr *nlh)
{
	int payload = (int)nlh->nlmsg_len - NLMSG_HDRLEN;

	if (nlh->nlmsg_type == NLMSG_DONE) {
		int err = 0;

		if (payload >= (int)sizeof(int)) {
			memcpy(&err, NLMSG_DATA(nlh), sizeof(int));
			if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
				parse_ext_ack(nlh, (const uint8_t *)NLMSG_DATA(nlh) + NLMSG_ALIGN(sizeof(int)),
					      payload - (int)NLMSG_ALIGN(sizeof(int)));
		}
		return kernel_errno(err);
	}
	if (nlh->nlmsg_type == NLMSG_ERROR) {
		const struct nlmsgerr *e = NLMSG_DATA(nlh);
		int hlen = sizeof(*e);

		if (payload < (int)sizeof(*e)) {
			nlhl__detail_set("truncated error message from the kernel");
			return -EPROTO;
		}
		if (nlh->nlmsg_flags & NLM_F_ACK_TLVS) {
			/* The echoed request is capped to its header when
			 * NETLINK_CAP_ACK took effect, else carried whole; its
			 * length is checked against what arrived, never trusted. */
			uint32_t inner = e->msg.nlmsg_len;

			if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
				if (inner < NLMSG_HDRLEN || inner > (uint32_t)payload)
					inner = (uint32_t)payload + NLMSG_HDRLEN;  /* no room for TLVs */
				hlen += (int)NLMSG_ALIGN(inner) - NLMSG_HDRLEN;
			}
			if (hlen < payload)
				parse_ext_ack(nlh, (const uint8_t *)e + hlen, payload - hlen);
		}
		return kernel_errno(e->error);
	}
	return 0;
}

/* State of one request in flight. */
struct exchange {
	uint32_t seq;
	nlhl_msg_cb cb;
	void *arg;
	int cb_err;      /* first error a callback returned */
	bool intr;       /* NLM_F_DUMP_INTR seen */
	bool get;        /* a GET without ACK: done at its answer */
};

/* Reads answers until the ACK / NLMSG_DONE of ex->seq: 1 = done with
 * *err set, or a negative errno when the socket failed. */
static int run_exchange(nlhl_handle *h, struct exchange *ex, bool dump, int *err)
{
	for (;;) {
		const uint8_t *buf;
		ssize_t n = nlhl__recv(h, dump || (ex->cb && !ex->get) ? NLHL__RECV_PEEK : 0, &buf);
		bool answered = false;
		int len;

		if (n < 0)
			return (int)n;
		len = (int)n;
		for (struct nlmsghdr *nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, len);
		     nlh = NLMSG_NEXT(nlh, len)) {
			if (nlh->nlmsg_seq != ex->seq)
				continue;  /* late answer to an abandoned request */
			if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
				ex->intr = true;
			if (nlh->nlmsg_type == NLMSG_ERROR || nlh->nlmsg_type == NLMSG_DONE) {
				*err = nlhl__parse_ack(nlh);
				return 1;
			}
			if (nlh->nlmsg_type < NLMSG_MIN_TYPE)
				continue;  /* NOOP, OVERRUN */
			answered = true;
			if (ex->cb && !ex->cb_err) {
				int r = ex->cb(nlh, ex->arg);

				if (r < 0)
					ex->cb_err = r;
			}
		}
		if (ex->get && answered) {
			*err = 0;
			return 1;
		}
	}
}

static int send_and_run(nlhl_handle *h, struct nl_msg *msg, uint16_t flags,
			struct exchange *ex, bool dump)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	int r, err = 0;

	nlh->nlmsg_flags |= NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ex->seq = ++h->seq;
	nlh->nlmsg_pid = 0;
	r = nlhl__send(h, nlh);
	if (r < 0)
		return r;
	r = run_exchange(h, ex, dump, &err);
	if (r < 0)
		return r;
	if (err < 0)
		return err;
	if (ex->cb_err < 0) {
		nlhl__detail_clear();
		return ex->cb_err;
	}
	return 0;
}

int nlhl__request(nlhl_handle *h, struct nl_msg *msg, nlhl_msg_cb cb, void *arg)
{
	nlhl_handle *use;
	int r;

	nlhl__detail_clear();
	r = nlhl__handle_acquire(h, &use);
	if (r < 0)
		return r;
	struct exchange ex = { .cb = cb, .arg = arg };
	r = send_and_run(use, msg, NLM_F_ACK, &ex, false);
	nlhl__handle_release(h, use);
	return r;
}

int nlhl__request_get(nlhl_handle *h, struct nl_msg *msg, nlhl_msg_cb cb, void *arg)
{
	nlhl_handle *use;
	int r;

	nlhl__detail_clear();
	r = nlhl__handle_acquire(h, &use);
	if (r < 0)
		return r;
	/* A GET is idempotent: an answer larger than the buffer (a link with
	 * many VFs) is asked for again once the buffer has grown to fit. */
	for (int attempt = 0; attempt < 3; attempt++) {
		struct exchange ex = { .cb = cb, .arg = arg, .get = true };

		r = send_and_run(use, msg, 0, &ex, false);
		if (r != -EMSGSIZE)
			break;
	}
	nlhl__handle_release(h, use);
	return r;
}

int nlhl__dump(nlhl_handle *h, struct nl_msg *msg, nlhl_msg_cb cb,
	       int (*restart)(void *arg), void *arg)
{
	nlhl_handle *use;
	int r;

	nlhl__detail_clear();
	r = nlhl__handle_acquire(h, &use);
	if (r < 0)
		return r;
	for (int attempt = 0;; attempt++) {
		struct exchange ex = { .cb = cb, .arg = arg };

		r = send_and_run(use, msg, NLM_F_DUMP, &ex, true);
		if (r < 0 || !ex.intr)
			break;
		if (!restart) {
			nlhl__detail_set("dump interrupted by concurrent changes; "
					 "objects may be missing or repeated");
			r = -EINTR;
			break;
		}
		if (attempt + 1 >= NLHL_DUMP_RETRIES) {
			nlhl__detail_set("dump interrupted by concurrent changes %d times in a row",
					 NLHL_DUMP_RETRIES);
			r = -EINTR;
			break;
		}
		r = restart(arg);
		if (r < 0)
			break;
	}
	nlhl__handle_release(h, use);
	return r;
}
