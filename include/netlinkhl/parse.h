/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Value types (IP addresses, prefixes, hardware addresses) and their text
 * forms.  All are plain structs, zero-initialisable; family 0 (AF_UNSPEC)
 * means "unset".
 */
#ifndef NETLINKHL_PARSE_H
#define NETLINKHL_PARSE_H

#include <netlinkhl/common.h>

NLHL_BEGIN_DECLS

/* An IPv4 (family AF_INET, 4 bytes used) or IPv6 (AF_INET6, 16 bytes)
 * address in network byte order. */
struct nlhl_ip {
	int family;
	uint8_t addr[16];
};

/* An address with a prefix length, e.g. 10.0.0.1/24.  The host bits are
 * kept as given (an interface address needs them); routes use the prefix. */
struct nlhl_ipnet {
	int family;
	uint8_t addr[16];
	uint8_t prefixlen;
};

/* A link-layer address: len bytes of addr (6 for Ethernet); len 0 = unset. */
#define NLHL_HWADDR_MAX 32
struct nlhl_hwaddr {
	uint8_t len;
	uint8_t addr[NLHL_HWADDR_MAX];
};

/* Buffer sizes for the nlhl_format_* functions, terminating NUL included. */
#define NLHL_IP_STRLEN 46     /* INET6_ADDRSTRLEN */
#define NLHL_IPNET_STRLEN 50  /* address + "/128" */
#define NLHL_HWADDR_STRLEN (NLHL_HWADDR_MAX * 3)

/* "192.0.2.1" or "2001:db8::1".  -EINVAL for anything else. */
NLHL_API int nlhl_parse_ip(const char *s, struct nlhl_ip *ret);

/* "10.0.0.1/24", "2001:db8::/32"; a bare address is a host prefix (/32 or
 * /128), as in iproute2.  -EINVAL for "10.0.0/33", "1.2.3.4/", "::g". */
NLHL_API int nlhl_parse_ipnet(const char *s, struct nlhl_ipnet *ret);

/* "02:00:00:00:00:01" (':' or '-' between bytes, 1 to 32 bytes). */
NLHL_API int nlhl_parse_hwaddr(const char *s, struct nlhl_hwaddr *ret);
/* Alias of nlhl_parse_hwaddr (Go: net.ParseMAC). */
NLHL_API int nlhl_parse_mac(const char *s, struct nlhl_hwaddr *ret);

/* Text forms; -EINVAL for an unset or malformed value, -ENOSPC when buf is
 * too small (use the NLHL_*_STRLEN sizes). */
NLHL_API int nlhl_format_ip(const struct nlhl_ip *ip, char *buf, size_t size);
NLHL_API int nlhl_format_ipnet(const struct nlhl_ipnet *net, char *buf, size_t size);
NLHL_API int nlhl_format_hwaddr(const struct nlhl_hwaddr *hw, char *buf, size_t size);
NLHL_API int nlhl_format_mac(const struct nlhl_hwaddr *hw, char *buf, size_t size);

/* Helpers between the two address forms. */
NLHL_API int nlhl_ipnet_ip(const struct nlhl_ipnet *net, struct nlhl_ip *ret);
/* Clears the host bits: 10.0.0.1/24 -> 10.0.0.0/24. */
NLHL_API int nlhl_ipnet_mask(const struct nlhl_ipnet *net, struct nlhl_ipnet *ret);

NLHL_END_DECLS

#endif
