/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private to the core (handle.c, request.c, batch.c): the handle's fields.
 * Everything else goes through the accessors of internal.h, so the socket
 * is read in one place (nlhl__recv) and no family can grow the buffer or
 * reuse a sequence number behind the engine's back.
 */
#ifndef NLHL_INTERNAL_HANDLE_H
#define NLHL_INTERNAL_HANDLE_H

#include "internal.h"

struct nlhl_handle {
	struct nl_sock *sk;
	int fd;              /* nl_socket_get_fd(sk), cached */
	uint32_t seq;        /* last sequence number sent */
	uint8_t *buf;        /* receive buffer, grown on demand */
	size_t buf_size;
	int timeout_ms;      /* 0: wait forever */
};

#endif
