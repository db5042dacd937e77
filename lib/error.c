/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Thread-local error text.  nlhl_errmsg() is the only way a failure is
 * described: the library never prints.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <netlink/errno.h>

#include "internal.h"

static _Thread_local char errmsg[1024];
/* The extended ACK text (or the engine's own words) of the last request. */
static _Thread_local char detail[512];

NLHL_API const char *nlhl_errmsg(void)
{
	return errmsg;
}

void nlhl__detail_clear(void)
{
	detail[0] = '\0';
}

void nlhl__detail_set(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
}

const char *nlhl__detail(void)
{
	return detail;
}

static int vfail(int err, bool with_detail, const char *fmt, va_list ap)
{
	char ebuf[128];
	const char *etext;
	int n;

	if (err >= 0)  /* a bug in the caller; still report a failure */
		err = -EIO;
	etext = strerror_r(-err, ebuf, sizeof(ebuf));
	n = vsnprintf(errmsg, sizeof(errmsg), fmt, ap);
	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof(errmsg))
		return err;
	if (with_detail && detail[0])
		snprintf(errmsg + n, sizeof(errmsg) - n, ": %s (%s)", detail, etext);
	else
		snprintf(errmsg + n, sizeof(errmsg) - n, " (%s)", etext);
	return err;
}

int nlhl__fail(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err = vfail(err, false, fmt, ap);
	va_end(ap);
	return err;
}

int nlhl__fail_req(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err = vfail(err, true, fmt, ap);
	va_end(ap);
	return err;
}

/*
 * Puts "<prefix>" in front of the text already recorded.  The prefix is
 * formatted into a buffer of its own first: formatting nlhl_errmsg() into
 * itself (as nlhl__fail(err, "...: %s", nlhl_errmsg()) would) is undefined
 * behaviour and came out garbled.
 */
int nlhl__fail_prefix(int err, const char *fmt, ...)
{
	char prefix[256];
	size_t plen, mlen;
	va_list ap;
	int n;

	if (err >= 0)
		err = -EIO;
	va_start(ap, fmt);
	n = vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	if (n < 0)
		return err;
	plen = strlen(prefix);
	mlen = strnlen(errmsg, sizeof(errmsg) - 1);
	if (plen + mlen >= sizeof(errmsg))
		mlen = sizeof(errmsg) - 1 - plen;
	memmove(errmsg + plen, errmsg, mlen);
	memcpy(errmsg, prefix, plen);
	errmsg[plen + mlen] = '\0';
	return err;
}

int nlhl__errno_from_nle(int nle)
{
	static const struct { int nle, err; } map[] = {
		{ NLE_INTR, EINTR },         { NLE_BAD_SOCK, EBADF },
		{ NLE_AGAIN, EAGAIN },       { NLE_NOMEM, ENOMEM },
		{ NLE_EXIST, EEXIST },       { NLE_INVAL, EINVAL },
		{ NLE_RANGE, ERANGE },       { NLE_MSGSIZE, EMSGSIZE },
		{ NLE_OPNOTSUPP, EOPNOTSUPP }, { NLE_AF_NOSUPPORT, EAFNOSUPPORT },
		{ NLE_OBJ_NOTFOUND, ENOENT }, { NLE_NOATTR, ENODATA },
		{ NLE_MISSING_ATTR, EINVAL }, { NLE_AF_MISMATCH, EAFNOSUPPORT },
		{ NLE_SEQ_MISMATCH, EPROTO }, { NLE_MSG_OVERFLOW, EMSGSIZE },
		{ NLE_MSG_TRUNC, EMSGSIZE }, { NLE_NOADDR, EADDRNOTAVAIL },
		{ NLE_SRCRT_NOSUPPORT, EOPNOTSUPP }, { NLE_MSG_TOOSHORT, EPROTO },
		{ NLE_MSGTYPE_NOSUPPORT, EOPNOTSUPP }, { NLE_OBJ_MISMATCH, EINVAL },
		{ NLE_NOCACHE, EINVAL },     { NLE_BUSY, EBUSY },
		{ NLE_PROTO_MISMATCH, EPROTONOSUPPORT }, { NLE_NOACCESS, EACCES },
		{ NLE_PERM, EPERM },         { NLE_PKTLOC_FILE, ENOENT },
		{ NLE_PARSE_ERR, EINVAL },   { NLE_NODEV, ENODEV },
		{ NLE_IMMUTABLE, EPERM },    { NLE_DUMP_INTR, EINTR },
		{ NLE_ATTRSIZE, ERANGE },
	};

	if (nle < 0)
		nle = -nle;
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(map); i++)
		if (map[i].nle == nle)
			return -map[i].err;
	return -EIO;
}
