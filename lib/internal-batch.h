/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private: how a family queues its own messages on a batch
 * (lib/batch-<family>.c).  The family builds the message with its usual
 * builder (lib/internal-<family>.h) and hands it over with a describer
 * that names the request from the stored message, called only when the
 * request failed (so a million successful routes cost no text).
 */
#ifndef NLHL_INTERNAL_BATCH_H
#define NLHL_INTERNAL_BATCH_H

#include "internal.h"
#include "netlinkhl/batch.h"

/* Writes "<op> <object>" of the request nlh into buf (e.g. "route add
 * 10.0.0.0/8"). */
typedef void (*nlhl__batch_describe_fn)(const struct nlmsghdr *nlh, char *buf, size_t size);

/* Copies the message nlh (nlmsg_len bytes) into the batch.  describe may
 * be NULL ("request <type>").  0, -ENOMEM, or -EINVAL for a bad message;
 * failures are recorded with op as "<op>: ...". */
NLHL_INTERNAL int nlhl__batch_queue(nlhl_batch *b, const struct nlmsghdr *nlh,
				    nlhl__batch_describe_fn describe, const char *op);

/* The handle the batch sends on (NULL: the default handle). */
NLHL_INTERNAL nlhl_handle *nlhl__batch_handle(const nlhl_batch *b);

#endif
