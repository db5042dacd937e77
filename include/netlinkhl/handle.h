/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Handles and errors.
 *
 * A handle owns one rtnetlink socket bound to one network namespace (the one
 * it was created in, for its whole life).  A handle is used by one thread at
 * a time; different handles may be used from different threads at once.
 *
 * Every call that takes a handle accepts NULL: the "default handle".  Such a
 * call opens a transient socket in the calling thread's current netns and
 * closes it before returning, so it is correct after setns() and safe from
 * any thread, at the price of one socket per call.
 */
#ifndef NETLINKHL_HANDLE_H
#define NETLINKHL_HANDLE_H

#include <netlinkhl/common.h>

NLHL_BEGIN_DECLS

typedef struct nlhl_handle nlhl_handle;

/* A handle in the calling thread's current netns.  *ret is set on success;
 * free it with nlhl_handle_free(). */
NLHL_API int nlhl_handle_new(nlhl_handle **ret);

/* A handle whose socket lives in the netns referred to by netns_fd.  The
 * caller's thread does not move (its netns is restored before returning);
 * the handle keeps working from any thread, and after netns_fd is closed. */
NLHL_API int nlhl_handle_new_at(int netns_fd, nlhl_handle **ret);

/* Closes the socket and frees the handle.  NULL is allowed. */
NLHL_API void nlhl_handle_free(nlhl_handle *h);

/* Kernel receive buffer of the handle's socket in bytes (SO_RCVBUF, forced
 * past rmem_max when the caller has CAP_NET_ADMIN).  Dumps of large tables
 * need more than the 32 KiB that libnl sets; handles start with 1 MiB. */
NLHL_API int nlhl_handle_set_rcvbuf(nlhl_handle *h, int bytes);

/* How long a call waits for the kernel's answer, in milliseconds; 0 (the
 * default) waits forever.  An expired wait returns -ETIMEDOUT; the handle
 * stays usable (late answers are recognised by sequence number and dropped). */
NLHL_API int nlhl_handle_set_timeout(nlhl_handle *h, int timeout_ms);

/*
 * Describes the last failed call of the calling thread (thread-local): the
 * operation, the object and the kernel's extended ACK text when it sent one,
 * e.g. "route add 10.1.0.0/16: Nexthop has invalid gateway (Invalid argument)".
 * Never NULL; "" before any failure.  Valid until the thread's next failing
 * call.  Successful calls do not reset it, as with errno.
 */
NLHL_API const char *nlhl_errmsg(void);

NLHL_END_DECLS

#endif
