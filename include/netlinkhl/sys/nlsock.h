/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Escape hatch: the libnl socket behind a handle, for code that needs a
 * message type this library does not wrap.  This is the only public header
 * that exposes a libnl type; including it ties the program to libnl-3.
 *
 * The socket stays owned by the handle: do not free it, do not change its
 * callbacks, and do not leave unread answers on it.  The socket has
 * NETLINK_EXT_ACK, NETLINK_CAP_ACK and NETLINK_GET_STRICT_CHK set.
 */
#ifndef NETLINKHL_SYS_NLSOCK_H
#define NETLINKHL_SYS_NLSOCK_H

#include <netlinkhl/handle.h>
#include <netlink/socket.h>

NLHL_BEGIN_DECLS

/* NULL when h is NULL (the default handle has no lasting socket). */
NLHL_API struct nl_sock *nlhl_handle_nl_sock(nlhl_handle *h);

NLHL_END_DECLS

#endif
