/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Pipelined batches.  Queued messages sit back to back in one buffer, so a
 * run of them goes to the kernel in one send().  rtnetlink handles every
 * message of a send() in turn, inside that send() call, and answers each
 * failure with an error message even when the request did not ask for an
 * ACK; so asking an ACK of the last message only still yields one exact
 * result per request, at the cost of one answer per send() instead of one
 * per request.  Answers are matched to requests by sequence number.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "internal-batch.h"
#include "internal-handle.h"

#define DEFAULT_SEND_BYTES (256 * 1024)
/* Room one answer (an nlmsgerr with its extended ACK text) takes in the
 * receive buffer, skb overhead included: bounds how many requests one
 * send() may carry so that even "all of them failed" fits. */
#define ANSWER_TRUESIZE 1536
#define MIN_RCVBUF (4 << 20)

enum { REQ_QUEUED, REQ_DONE };

struct breq {
	uint8_t *p;                       /* the message, in one of b->chunks */
	uint32_t len;
	uint8_t state;
	int err;
	nlhl__batch_describe_fn describe;
	char *what;                       /* raw requests: caller's words */
	char *msg;                        /* failure text, "" if none */
	size_t msg_prefix;                /* msg without " (errno text)" */
};

struct nlhl_batch {
	nlhl_handle *h;
	struct nlhl_batch_opts opts;
	/* Queued messages, back to back in chunks that are never moved (a
	 * growing single buffer copied a million routes over and over); a
	 * send() carries a run of requests within one chunk. */
	uint8_t **chunks;
	size_t nchunks, capchunks;
	size_t chunk_len, chunk_cap;      /* of the last chunk */
	size_t first_cap;
	struct breq *reqs;
	size_t n, cap;
	size_t sent;                      /* requests [0, sent) are done */
	size_t failed;
};

static char empty_text[] = "";

NLHL_API int nlhl_batch_new(nlhl_handle *h, const struct nlhl_batch_opts *opts,
			    nlhl_batch **ret)
{
	nlhl_batch *b;

	struct nlhl_batch_opts o;
	int r;

	NLHL_CHECK_PTR(ret, "batch new");
	r = NLHL_OPTS_COPY(nlhl_batch_opts, &o, opts, "batch new");
	if (r < 0)
		return r;
	b = calloc(1, sizeof(*b));
	if (!b)
		return nlhl__fail(-ENOMEM, "batch new: out of memory");
	b->h = h;
	b->opts = o;
	if (!b->opts.send_bytes)
		b->opts.send_bytes = DEFAULT_SEND_BYTES;
	*ret = b;
	return 0;
}

NLHL_API void nlhl_batch_reset(nlhl_batch *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++) {
		free(b->reqs[i].what);
		if (b->reqs[i].msg != empty_text)
			free(b->reqs[i].msg);
	}
	b->n = b->sent = b->failed = 0;
	/* the first chunk is kept for the next use */
	for (size_t i = 1; i < b->nchunks; i++)
		free(b->chunks[i]);
	if (b->nchunks > 1) {
		b->nchunks = 1;
		b->chunk_cap = b->first_cap;
	}
	b->chunk_len = 0;
}

NLHL_API void nlhl_batch_free(nlhl_batch *b)
{
	if (!b)
		return;
	nlhl_batch_reset(b);
	free(b->reqs);
	for (size_t i = 0; i < b->nchunks; i++)
		free(b->chunks[i]);
	free(b->chunks);
	free(b);
}

nlhl_handle *nlhl__batch_handle(const nlhl_batch *b)
{
	return b->h;
}

NLHL_API size_t nlhl_batch_len(const nlhl_batch *b)
{
	return b ? b->n : 0;
}

NLHL_API size_t nlhl_batch_failed(const nlhl_batch *b)
{
	return b ? b->failed : 0;
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap ? *cap : 64;
	void *q;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	q = realloc(*p, c * elem);
	if (!q)
		return -ENOMEM;
	*p = q;
	*cap = c;
	return 0;
}

/* Starts a chunk for a message of alen bytes: small for small batches,
 * then doubling up to the bytes of one send(). */
static int new_chunk(nlhl_batch *b, size_t alen)
{
	size_t cap = b->nchunks ? 2 * b->chunk_cap : 4096;
	uint8_t *c;

	if (cap > b->opts.send_bytes)
		cap = b->opts.send_bytes;
	if (cap < alen)
		cap = alen;
	if (grow((void **)&b->chunks, &b->capchunks, b->nchunks + 1, sizeof(*b->chunks)) < 0)
		return -ENOMEM;
	/* the first chunk is kept by nlhl_batch_reset; when it is empty and
	 * too small, it is replaced */
	if (b->nchunks == 1 && b->chunk_len == 0) {
		free(b->chunks[0]);
		b->nchunks = 0;
	}
	if (!(c = malloc(cap)))
		return -ENOMEM;
	if (!b->nchunks)
		b->first_cap = cap;
	b->chunks[b->nchunks++] = c;
	b->chunk_len = 0;
	b->chunk_cap = cap;
	return 0;
}

int nlhl__batch_queue(nlhl_batch *b, const struct nlmsghdr *nlh,
		      nlhl__batch_describe_fn describe, const char *op)
{
	size_t len, alen;
	struct breq *q;
	uint8_t *p;

	if (nlh->nlmsg_len < NLMSG_HDRLEN || nlh->nlmsg_len > UINT32_MAX / 2)
		return nlhl__fail(-EINVAL, "%s: message length %u is not valid", op, nlh->nlmsg_len);
	len = nlh->nlmsg_len;
	alen = NLMSG_ALIGN(len);
	if (grow((void **)&b->reqs, &b->cap, b->n + 1, sizeof(*b->reqs)) < 0 ||
	    (b->chunk_len + alen > b->chunk_cap && new_chunk(b, alen) < 0))
		return nlhl__fail(-ENOMEM, "%s: out of memory", op);
	p = b->chunks[b->nchunks - 1] + b->chunk_len;
	memcpy(p, nlh, len);
	memset(p + len, 0, alen - len);
	q = &b->reqs[b->n++];
	*q = (struct breq){ .p = p, .len = (uint32_t)len, .state = REQ_QUEUED,
			    .describe = describe, .msg = empty_text };
	b->chunk_len += alen;
	return 0;
}

NLHL_API int nlhl_batch_add_raw(nlhl_batch *b, const void *nlmsg, size_t len, const char *what)
{
	const struct nlmsghdr *nlh = nlmsg;
	char *w = NULL;
	int r;

	NLHL_CHECK_PTR(b, "batch add raw");
	NLHL_CHECK_PTR(nlmsg, "batch add raw");
	if (len < NLMSG_HDRLEN || nlh->nlmsg_len < NLMSG_HDRLEN || nlh->nlmsg_len > len)
		return nlhl__fail(-EINVAL, "batch add raw: nlmsg_len %u does not fit the %zu bytes given",
				  len >= NLMSG_HDRLEN ? nlh->nlmsg_len : 0, len);
	if (nlh->nlmsg_type < NLMSG_MIN_TYPE)
		return nlhl__fail(-EINVAL, "batch add raw: message type %u is a control message",
				  nlh->nlmsg_type);
	if (what && !(w = strdup(what)))
		return nlhl__fail(-ENOMEM, "batch add raw: out of memory");
	r = nlhl__batch_queue(b, nlh, NULL, "batch add raw");
	if (r < 0) {
		free(w);
		return r;
	}
	b->reqs[b->n - 1].what = w;
	return 0;
}

/* Records the result of request q; the kernel's extended ACK text (if any)
 * is nlhl__detail() at this point. */
static void set_result(nlhl_batch *b, struct breq *q, int err)
{
	char what[256], ebuf[128];
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)q->p;
	const char *etext, *detail = nlhl__detail();
	char *s;
	int n;

	q->state = REQ_DONE;
	q->err = err;
	if (!err)
		return;
	b->failed++;
	if (q->what)
		snprintf(what, sizeof(what), "%s", q->what);
	else if (q->describe)
		q->describe(nlh, what, sizeof(what));
	else
		snprintf(what, sizeof(what), "request type %u", nlh->nlmsg_type);
	etext = strerror_r(-err, ebuf, sizeof(ebuf));
	if (detail[0])
		n = asprintf(&s, "%s: %s (%s)", what, detail, etext);
	else
		n = asprintf(&s, "%s (%s)", what, etext);
	if (n < 0)
		return;  /* the errno is kept; only the text is lost */
	q->msg = s;
	q->msg_prefix = (size_t)n - strlen(etext) - 3;
}

/* One answer datagram, waiting for it or not.  Peeked, so that an answer
 * larger than the buffer (an error echoing a big request when CAP_ACK is
 * missing) makes the buffer grow instead of being lost; with ACKs on the
 * last request only this costs one syscall per send(), not per request. */
static ssize_t recv_answer(nlhl_handle *h, bool wait, const uint8_t **buf)
{
	return nlhl__recv(h, NLHL__RECV_PEEK | (wait ? 0 : NLHL__RECV_NOWAIT), buf);
}

/* Handles the answers in one datagram; returns true when the answer to
 * request last (the ACK that closes the send) was among them. */
static bool take_answers(nlhl_batch *b, const uint8_t *buf, int len, uint32_t base,
			 size_t first, size_t last)
{
	bool closed = false;

	for (struct nlmsghdr *nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, len);
	     nlh = NLMSG_NEXT(nlh, len)) {
		size_t idx = (uint32_t)(nlh->nlmsg_seq - base);

		if (nlh->nlmsg_type != NLMSG_ERROR || idx < first || idx > last)
			continue;  /* late answer to something else */
		nlhl__detail_clear();
		if (b->reqs[idx].state == REQ_QUEUED)
			set_result(b, &b->reqs[idx], nlhl__parse_ack(nlh));
		if (idx == last)
			closed = true;
	}
	return closed;
}

/* Makes the socket able to take a whole send() and all its answers; the
 * number of requests one send() may carry. */
static size_t tune_socket(nlhl_handle *use, size_t send_bytes)
{
	int rcv = 0, snd = 0;
	socklen_t sl = sizeof(int);

	if (getsockopt(use->fd, SOL_SOCKET, SO_RCVBUF, &rcv, &sl) == 0 && rcv < 2 * MIN_RCVBUF &&
	    nlhl__sock_set_rcvbuf(use->fd, MIN_RCVBUF) == 0) {
		sl = sizeof(int);
		getsockopt(use->fd, SOL_SOCKET, SO_RCVBUF, &rcv, &sl);
	}
	sl = sizeof(int);
	if (getsockopt(use->fd, SOL_SOCKET, SO_SNDBUF, &snd, &sl) == 0 &&
	    (size_t)snd < 2 * send_bytes + 65536) {
		int want = (int)(send_bytes + 65536);

		if (setsockopt(use->fd, SOL_SOCKET, SO_SNDBUFFORCE, &want, sizeof(want)) < 0)
			setsockopt(use->fd, SOL_SOCKET, SO_SNDBUF, &want, sizeof(want));
	}
	/* SO_RCVBUF reads back doubled; half of it is what answers may use */
	return rcv > 2 * ANSWER_TRUESIZE ? (size_t)rcv / 2 / ANSWER_TRUESIZE : 1;
}

/* Sends requests [first, last] in one send() and collects their results.
 * A negative errno when the socket failed. */
static int send_run(nlhl_batch *b, nlhl_handle *use, uint32_t base, size_t first, size_t last)
{
	uint8_t *start = b->reqs[first].p;
	size_t bytes = (size_t)(b->reqs[last].p - start) + b->reqs[last].len;
	ssize_t n;

	for (size_t i = first; i <= last; i++) {
		struct nlmsghdr *nlh = (struct nlmsghdr *)b->reqs[i].p;

		nlh->nlmsg_flags |= NLM_F_REQUEST;
		if (b->opts.ack_each || i == last)
			nlh->nlmsg_flags |= NLM_F_ACK;
		else
			nlh->nlmsg_flags &= ~NLM_F_ACK;
		nlh->nlmsg_seq = base + (uint32_t)i;
		nlh->nlmsg_pid = 0;
	}
	do
		n = send(use->fd, start, bytes, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0 || (size_t)n != bytes) {
		int err = n < 0 ? -errno : -EIO;

		nlhl__detail_set("cannot send to the kernel: %s", strerror(-err));
		for (size_t i = first; i <= last; i++)
			set_result(b, &b->reqs[i], err);
		return err;
	}
	for (;;) {
		const uint8_t *buf;
		ssize_t len = recv_answer(use, true, &buf);

		if (len == -ENOBUFS) {
			/* Answers were dropped: take what is left, then
			 * the requests without an answer are unknown. */
			while ((len = recv_answer(use, false, &buf)) > 0)
				if (take_answers(b, buf, (int)len, base, first, last))
					break;
			nlhl__detail_set("answer lost in a receive buffer overrun; "
					 "the request may have been applied");
			for (size_t i = first; i <= last; i++)
				if (b->reqs[i].state == REQ_QUEUED)
					set_result(b, &b->reqs[i], -ENOBUFS);
			return 0;
		}
		if (len < 0) {
			int err = (int)len;

			if (err == -EAGAIN || err == -EWOULDBLOCK)
				err = -ETIMEDOUT;
			nlhl__detail_set("no answer from the kernel: %s", strerror(-err));
			for (size_t i = first; i <= last; i++)
				if (b->reqs[i].state == REQ_QUEUED)
					set_result(b, &b->reqs[i], err);
			return err;
		}
		if (take_answers(b, buf, (int)len, base, first, last))
			break;
	}
	/* No error answer means success (the kernel answers every failure). */
	nlhl__detail_clear();
	for (size_t i = first; i <= last; i++)
		if (b->reqs[i].state == REQ_QUEUED)
			set_result(b, &b->reqs[i], 0);
	return 0;
}

NLHL_API int nlhl_batch_send(nlhl_batch *b)
{
	nlhl_handle *use;
	size_t first, total, failed_before, max_reqs;
	uint32_t base;
	int r;

	NLHL_CHECK_PTR(b, "batch send");
	if (b->sent == b->n)
		return 0;
	r = nlhl__handle_acquire(b->h, &use);
	if (r < 0)
		return r;
	failed_before = b->failed;
	first = b->sent;
	total = b->n - first;
	max_reqs = tune_socket(use, b->opts.send_bytes);
	/* request i carries sequence number base + i */
	base = use->seq + 1 - (uint32_t)first;
	use->seq += (uint32_t)total;

	r = 0;
	for (size_t i = first; i < b->n && r == 0;) {
		size_t last = i, bytes = b->reqs[i].len;

		if (!b->opts.stop_on_error)
			while (last + 1 < b->n && last + 1 - i < max_reqs &&
			       bytes + NLMSG_ALIGN(b->reqs[last + 1].len) <= b->opts.send_bytes &&
			       b->reqs[last + 1].p == b->reqs[last].p + NLMSG_ALIGN(b->reqs[last].len))
				bytes += NLMSG_ALIGN(b->reqs[++last].len);
		r = send_run(b, use, base, i, last);
		i = last + 1;
		if (b->opts.stop_on_error && b->failed > failed_before) {
			nlhl__detail_set("not sent: an earlier request of the batch failed");
			for (; i < b->n; i++)
				set_result(b, &b->reqs[i], -ECANCELED);
		}
	}
	b->sent = b->n;
	nlhl__handle_release(b->h, use);

	if (b->failed == failed_before)
		return 0;
	for (size_t i = first; i < b->n; i++) {
		struct breq *q = &b->reqs[i];

		if (q->err) {
			nlhl__detail_set("%.*s", (int)q->msg_prefix, q->msg);
			return nlhl__fail_req(q->err, "batch: %zu of %zu requests failed, first #%zu",
					      b->failed - failed_before, total, i);
		}
	}
	return r;
}

NLHL_API int nlhl_batch_result(const nlhl_batch *b, size_t index, int *ret_err,
			       const char **ret_msg)
{
	NLHL_CHECK_PTR(b, "batch result");
	if (index >= b->n)
		return nlhl__fail(-ERANGE, "batch result: index %zu, but the batch has %zu requests",
				  index, b->n);
	if (b->reqs[index].state != REQ_DONE)
		return nlhl__fail(-EAGAIN, "batch result: request #%zu is not sent yet", index);
	if (ret_err)
		*ret_err = b->reqs[index].err;
	if (ret_msg)
		*ret_msg = b->reqs[index].msg;
	return 0;
}
