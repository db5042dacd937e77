/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private core interface: what families (lib/link.c, lib/route.c, ...) may
 * call.  Families never touch sockets; they build a message with libnl, hand
 * it to nlhl__request()/nlhl__dump() and parse what comes back.  Internal
 * names use the nlhl__ prefix (double underscore) and hidden visibility.
 *
 * The library is three rings; a ring calls only itself and the rings
 * inside it:
 *
 *   core         handle.c request.c batch.c monitor.c watch.c netns.c
 *                error.c parse.c opts.c: sockets, the one receive path
 *                (nlhl__recv), requests, dumps, pipelined batches, the event
 *                engine.  Only the core sees struct nlhl_handle
 *                (internal-handle.h); it knows no family.
 *   families     link*.c addr.c route*.c neigh.c rule.c nexthop.c tc-*.c:
 *                one object family each, with its public header
 *                (netlinkhl/<family>.h, pulled in by internal-<family>.h);
 *                they build and parse messages and reach the socket only
 *                through the core's calls and accessors.
 *   aggregators  batch-ops.c, monitor-objects.c (every family, for batches
 *                and events) and tc-link.c (tc lists that take a link):
 *                the only files that include several internal-<family>.h.
 *
 * This header includes only what the core itself needs, not the umbrella
 * netlinkhl.h, so that a core file cannot come to depend on a family.
 */
#ifndef NLHL_INTERNAL_H
#define NLHL_INTERNAL_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <linux/netlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "netlinkhl/common.h"
#include "netlinkhl/handle.h"
#include "netlinkhl/parse.h"

#define NLHL_INTERNAL __attribute__((visibility("hidden")))
#define NLHL_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define NLHL_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* How often a dump interrupted by concurrent changes (NLM_F_DUMP_INTR) is
 * restarted before the call fails with -EINTR. */
#define NLHL_DUMP_RETRIES 10
/* Receive buffer every handle starts with (docs/design.md trap 7). */
#define NLHL_DEFAULT_RCVBUF (1 << 20)

/* Options structs extensible the libbpf way (size_t sz first): copies the
 * caller's sz bytes of src into dst (dst_sz bytes), zeroes the rest, and sets
 * dst's sz to dst_sz.  src NULL: all defaults (zeroes).  -EINVAL with
 * "<op>: ..." recorded when sz is too small to hold sz itself, or when a
 * newer caller's larger struct sets fields this library does not know (its
 * tail past dst_sz is not zero).  Reads nothing of src beyond its sz. */
NLHL_INTERNAL int nlhl__opts_copy(void *dst, size_t dst_sz, const void *src,
				  const char *type, const char *op);
#define NLHL_OPTS_COPY(type, dst, src, op)                                     \
	nlhl__opts_copy((dst), sizeof(struct type), (src), #type, (op))

/* ------------------------------------------------------------ error.c */

/*
 * Every public function reports failure as
 *     return nlhl__fail(-EINVAL, "link add %s: name longer than 15 bytes", n);
 * which records "<text> (<strerror>)" as nlhl_errmsg() and returns err.
 * nlhl__fail_req() does the same after a failed request and inserts the
 * request's detail (the kernel's extended ACK text, or the engine's own
 * description of a timeout, overrun, ...) before the errno text.
 * err must be a negative errno; both return it.
 */
NLHL_INTERNAL int nlhl__fail(int err, const char *fmt, ...) NLHL_PRINTF(2, 3);
NLHL_INTERNAL int nlhl__fail_req(int err, const char *fmt, ...) NLHL_PRINTF(2, 3);
/*
 * A step failed and already said why; this puts what the caller was doing
 * in front: nlhl__fail_prefix(r, "link add %s: created, but then: ", n).
 * Never pass nlhl_errmsg() to nlhl__fail(): that formats the buffer into
 * itself.
 */
NLHL_INTERNAL int nlhl__fail_prefix(int err, const char *fmt, ...) NLHL_PRINTF(2, 3);
/* Detail of the last request of this thread ("" if none). */
NLHL_INTERNAL void nlhl__detail_clear(void);
NLHL_INTERNAL void nlhl__detail_set(const char *fmt, ...) NLHL_PRINTF(1, 2);
NLHL_INTERNAL const char *nlhl__detail(void);
/* libnl's NLE_* code (positive or negative) -> negative errno. */
NLHL_INTERNAL int nlhl__errno_from_nle(int nle);

/* Argument checks at the top of every entry point. */
#define NLHL_CHECK_PTR(p, op)                                                  \
	do {                                                                   \
		if (!(p))                                                      \
			return nlhl__fail(-EINVAL, "%s: " #p " is NULL", (op));\
	} while (0)

/* ------------------------------------------------------------ handle.c */

/* A configured libnl socket in the calling thread's netns: explicit
 * NL_CB_DEFAULT callbacks, connected, EXT_ACK, CAP_ACK, STRICT_CHK, 1 MiB
 * receive buffer.  Also used by the event monitor for its own socket. */
NLHL_INTERNAL int nlhl__sock_open(int protocol, struct nl_sock **ret);
/* Grows/forces SO_RCVBUF on any netlink fd. */
NLHL_INTERNAL int nlhl__sock_set_rcvbuf(int fd, int bytes);

/* For calls that send several requests: *use is h, or a transient handle
 * when h is NULL; release closes the transient one. */
NLHL_INTERNAL int nlhl__handle_acquire(nlhl_handle *h, nlhl_handle **use);
NLHL_INTERNAL void nlhl__handle_release(nlhl_handle *h, nlhl_handle *use);

/* Accessors for the files outside the core that own a socket's life (the
 * monitor's subscriptions and epoll set): the socket's fd, and the next
 * sequence number (taken, so that no other request reuses it). */
NLHL_INTERNAL int nlhl__handle_fd(const nlhl_handle *h);
NLHL_INTERNAL uint32_t nlhl__handle_next_seq(nlhl_handle *h);
/* A new fd of the netns h's socket lives in (close it), or a negative
 * errno (-EPERM without CAP_NET_ADMIN, ...).  Records no message. */
NLHL_INTERNAL int nlhl__handle_netns(const nlhl_handle *h);
/* Bytes of h's receive buffer (tests watch it grow, or not). */
NLHL_INTERNAL size_t nlhl__handle_buf_size(const nlhl_handle *h);

/* ------------------------------------------------------------ request.c */

/* Called for every answer message that belongs to the request (not for
 * ACKs, errors or NLMSG_DONE).  Return 0 to go on, a negative errno to fail
 * the call (the rest of the answer is still read and dropped). */
typedef int (*nlhl_msg_cb)(const struct nlmsghdr *nlh, void *arg);

/*
 * Sends msg (NLM_F_REQUEST | NLM_F_ACK added, sequence number set) and waits
 * for the kernel's ACK.  Answers before the ACK (NLM_F_ECHO, RTM_GET* single
 * objects) go to cb when cb is non-NULL.  Returns 0 or the kernel's negative
 * errno; the extended ACK text goes to nlhl__detail().  msg stays the
 * caller's.  h may be NULL (transient socket).
 */
NLHL_INTERNAL int nlhl__request(nlhl_handle *h, struct nl_msg *msg,
				nlhl_msg_cb cb, void *arg);

/*
 * A single-object GET (RTM_GETLINK by name, ...) without NLM_F_ACK: the
 * kernel answers with the object or an error, so the call returns after
 * one datagram instead of two (the answer, then the ACK).  cb sees the
 * answer.  Not for requests that change state or may answer with several
 * messages.
 */
NLHL_INTERNAL int nlhl__request_get(nlhl_handle *h, struct nl_msg *msg,
				    nlhl_msg_cb cb, void *arg);

/*
 * Sends msg as a dump request (NLM_F_REQUEST | NLM_F_DUMP) and passes each
 * object to cb.  When the kernel flags the dump as interrupted by concurrent
 * changes (NLM_F_DUMP_INTR), the dump is read to its end, restart(arg) is
 * called to throw away what cb collected, and the dump is sent again, at
 * most NLHL_DUMP_RETRIES times; then -EINTR.  restart == NULL means "cannot
 * restart" (streaming): objects keep flowing and the call returns -EINTR at
 * the end.  An error carried in NLMSG_DONE is returned.
 */
NLHL_INTERNAL int nlhl__dump(nlhl_handle *h, struct nl_msg *msg, nlhl_msg_cb cb,
			     int (*restart)(void *arg), void *arg);

/* Lower-level pieces, for pipelined batches and event sockets. */
NLHL_INTERNAL int nlhl__send(nlhl_handle *h, struct nlmsghdr *nlh);

/*
 * The one receive path: one datagram from the kernel into h's buffer;
 * *ret_buf points at it until the next receive on h.  Datagrams from any
 * other sender are dropped before their size is looked at, so another
 * process cannot fail a call or grow the buffer.  Flags:
 *   NLHL__RECV_PEEK    size the buffer to the datagram first (dumps,
 *                      answers of unknown size, events): never truncates;
 *   NLHL__RECV_NOWAIT  -EAGAIN (no detail) when nothing is queued.
 * Without PEEK, a datagram larger than the buffer is lost: the buffer grows
 * so that a retry fits and the call returns -EMSGSIZE.  Other failures
 * (-ETIMEDOUT after the handle's timeout, -ENOBUFS on an overrun, ...)
 * record a detail.
 */
enum { NLHL__RECV_PEEK = 1, NLHL__RECV_NOWAIT = 2 };
NLHL_INTERNAL ssize_t nlhl__recv(nlhl_handle *h, int flags, const uint8_t **ret_buf);
/* The errno (<= 0) of an NLMSG_ERROR or NLMSG_DONE message; stores the
 * extended ACK text (if any) as the request detail. */
NLHL_INTERNAL int nlhl__parse_ack(const struct nlmsghdr *nlh);

/* ------------------------------------------------------------ msg.c */

/* nlmsg_alloc_size()/nlmsg_free() with one spare message kept per thread,
 * for builders that run once per request of a batch.  A message of either
 * may also be released with nlmsg_free(). */
NLHL_INTERNAL struct nl_msg *nlhl__msg_alloc(size_t size);
NLHL_INTERNAL void nlhl__msg_free(struct nl_msg *msg);

/* ------------------------------------------------------------ netns.c */

/* Moves the calling thread into netns_fd; *saved gets an fd of the netns
 * it was in.  nlhl__netns_leave moves it back and closes saved. */
NLHL_INTERNAL int nlhl__netns_enter(int netns_fd, int *saved);
NLHL_INTERNAL int nlhl__netns_leave(int saved);
/* 0 if fd refers to a network namespace, else -EINVAL/-EBADF with the
 * message "<op>: ..." recorded. */
NLHL_INTERNAL int nlhl__netns_check_fd(int fd, const char *op);

/* ------------------------------------------------------------ parse.c */

/* IFNAMSIZ-1 bytes, no '/', no whitespace, not "." or "..": the kernel's
 * dev_valid_name(). */
NLHL_INTERNAL int nlhl__check_ifname(const char *name, const char *op);
/* Bytes of an address of family (4, 16) or 0 for an unknown family. */
NLHL_INTERNAL int nlhl__family_len(int family);

#endif
