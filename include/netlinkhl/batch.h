/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Batches: many add/del/replace requests of any family queued on one
 * handle and sent pipelined, several hundred per sendmsg(), with one
 * result (errno + the kernel's extended ACK text) per request, at its own
 * index.
 *
 *     nlhl_batch *b;
 *     nlhl_batch_new(h, NULL, &b);
 *     for (...) nlhl_batch_route_add(b, &route);     // index 0, 1, 2 ...
 *     if (nlhl_batch_send(b) < 0)                     // all were tried
 *         for (size_t i = 0; i < nlhl_batch_len(b); i++)
 *             if (nlhl_batch_result(b, i, &err, &msg) == 0 && err)
 *                 fprintf(stderr, "#%zu: %s\n", i, msg);
 *     nlhl_batch_free(b);
 *
 * Ownership: the batch copies every request when it is queued (the caller's
 * structs are only read); texts returned by nlhl_batch_result() belong to
 * the batch and live until nlhl_batch_reset() or nlhl_batch_free().
 * A batch is used by one thread at a time, like its handle.
 */
#ifndef NETLINKHL_BATCH_H
#define NETLINKHL_BATCH_H

#include <stdbool.h>
#include <netlinkhl/common.h>
#include <netlinkhl/handle.h>

NLHL_BEGIN_DECLS

typedef struct nlhl_batch nlhl_batch;

struct nlhl_route;
struct nlhl_addr;
struct nlhl_link;
struct nlhl_rule;
struct nlhl_nexthop;
struct nlhl_neigh;

/*
 * Options, extensible in the libbpf way: set sz = sizeof(struct
 * nlhl_batch_opts); fields a newer library adds read as zero from an older
 * caller.  NULL = all defaults.
 */
struct nlhl_batch_opts {
	size_t sz;
	/* Default (false): every request is tried; failures do not stop the
	 * batch.  true: requests are sent one at a time and the first failure
	 * stops the batch; the requests after it get -ECANCELED (no request
	 * after a failed one reaches the kernel). */
	bool stop_on_error;
	/* Default (false): only the last message of each sendmsg() asks for
	 * an ACK; the kernel still answers every failing request with its own
	 * error message, so results stay exact.  true: an ACK per request
	 * (slower; only useful to compare). */
	bool ack_each;
	/* Bytes of requests per sendmsg(); 0 = 256 KiB. */
	size_t send_bytes;
};

/* A batch that will send on h (NULL: a transient socket in the calling
 * thread's netns at each nlhl_batch_send()).  opts may be NULL. */
NLHL_API int nlhl_batch_new(nlhl_handle *h, const struct nlhl_batch_opts *opts,
			    nlhl_batch **ret);
/* Frees the batch and every queued request and result.  NULL is allowed. */
NLHL_API void nlhl_batch_free(nlhl_batch *b);
/* Number of requests queued (sent or not); the next one gets this index. */
NLHL_API size_t nlhl_batch_len(const nlhl_batch *b);
/* Forgets every request and result; the batch can be filled again. */
NLHL_API void nlhl_batch_reset(nlhl_batch *b);

/*
 * Queues a complete netlink message of the handle's protocol (rtnetlink):
 * a struct nlmsghdr with its payload, nlmsg_len bytes, e.g. built with
 * libnl or by hand.  The batch sets NLM_F_REQUEST, the ACK flag and the
 * sequence number; other flags (NLM_F_CREATE, ...) are kept.  what (may be
 * NULL) names the request in its failure text ("route add 10.0.0.0/8").
 */
NLHL_API int nlhl_batch_add_raw(nlhl_batch *b, const void *nlmsg, size_t len,
				const char *what);

/*
 * Typed entries: the same validation and message as the single calls
 * (nlhl_route_add(), ...); bad input fails here with -EINVAL and the
 * single call's text, and is not queued.  Links are named by attrs.index,
 * or by attrs.name (one lookup on the batch's handle when queued).
 */
NLHL_API int nlhl_batch_route_add(nlhl_batch *b, const struct nlhl_route *route);
NLHL_API int nlhl_batch_route_append(nlhl_batch *b, const struct nlhl_route *route);
NLHL_API int nlhl_batch_route_replace(nlhl_batch *b, const struct nlhl_route *route);
NLHL_API int nlhl_batch_route_del(nlhl_batch *b, const struct nlhl_route *route);
NLHL_API int nlhl_batch_addr_add(nlhl_batch *b, const struct nlhl_link *link,
				 const struct nlhl_addr *addr);
NLHL_API int nlhl_batch_addr_replace(nlhl_batch *b, const struct nlhl_link *link,
				     const struct nlhl_addr *addr);
NLHL_API int nlhl_batch_addr_del(nlhl_batch *b, const struct nlhl_link *link,
				 const struct nlhl_addr *addr);
NLHL_API int nlhl_batch_rule_add(nlhl_batch *b, const struct nlhl_rule *rule);
NLHL_API int nlhl_batch_rule_del(nlhl_batch *b, const struct nlhl_rule *rule);
/* With id 0 the kernel picks an id, which the batch does not report. */
NLHL_API int nlhl_batch_nexthop_add(nlhl_batch *b, const struct nlhl_nexthop *nh);
NLHL_API int nlhl_batch_nexthop_replace(nlhl_batch *b, const struct nlhl_nexthop *nh);
NLHL_API int nlhl_batch_nexthop_del(nlhl_batch *b, uint32_t id);
NLHL_API int nlhl_batch_neigh_add(nlhl_batch *b, const struct nlhl_neigh *neigh);
NLHL_API int nlhl_batch_neigh_set(nlhl_batch *b, const struct nlhl_neigh *neigh);
NLHL_API int nlhl_batch_neigh_del(nlhl_batch *b, const struct nlhl_neigh *neigh);
/* Links: the new ifindex is not written back (no echo in a batch); look
 * links up by name afterwards when needed. */
NLHL_API int nlhl_batch_link_add(nlhl_batch *b, const struct nlhl_link *link);
NLHL_API int nlhl_batch_link_del(nlhl_batch *b, const struct nlhl_link *link);

/*
 * Sends every request not sent yet and collects their results.  Returns 0
 * when all of them succeeded; otherwise the errno of the first one that
 * failed, with nlhl_errmsg() = "batch: N of M requests failed, first #I:
 * <op> <object>: <kernel text> (<errno text>)".  A socket failure fails the
 * requests it left without an answer.  Requests queued afterwards can be
 * sent by another nlhl_batch_send(); indexes keep counting.
 */
NLHL_API int nlhl_batch_send(nlhl_batch *b);
/* Number of requests that failed (or were cancelled) so far. */
NLHL_API size_t nlhl_batch_failed(const nlhl_batch *b);
/*
 * Result of request index: *ret_err = 0 or its negative errno, *ret_msg =
 * its failure text like nlhl_errmsg() ("" on success); either may be NULL.
 * -ERANGE for an index past the end, -EAGAIN for a request not sent yet.
 */
NLHL_API int nlhl_batch_result(const nlhl_batch *b, size_t index, int *ret_err,
			       const char **ret_msg);

NLHL_END_DECLS

#endif
