/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Text <-> value for addresses, prefixes and hardware addresses.  inet_pton
 * does the address grammar; we only add the strict prefix-length rules.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

int nlhl__family_len(int family)
{
	return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
}

int nlhl__check_ifname(const char *name, const char *op)
{
	size_t len;

	if (!name)
		return nlhl__fail(-EINVAL, "%s: interface name is NULL", op);
	len = strnlen(name, IFNAMSIZ);
	if (len == 0)
		return nlhl__fail(-EINVAL, "%s: empty interface name", op);
	if (len >= IFNAMSIZ)
		return nlhl__fail(-EINVAL, "%s: interface name \"%.*s...\" is longer than %d bytes",
				  op, IFNAMSIZ - 1, name, IFNAMSIZ - 1);
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return nlhl__fail(-EINVAL, "%s: \"%s\" is not a valid interface name", op, name);
	for (const char *p = name; *p; p++)
		if (*p == '/' || *p == ':' || isspace((unsigned char)*p))
			return nlhl__fail(-EINVAL, "%s: interface name \"%s\" contains '%c'",
					  op, name, *p);
	return 0;
}

static int parse_ip(const char *s, struct nlhl_ip *ip)
{
	memset(ip, 0, sizeof(*ip));
	if (strchr(s, ':')) {
		if (inet_pton(AF_INET6, s, ip->addr) != 1)
			return -EINVAL;
		ip->family = AF_INET6;
	} else {
		if (inet_pton(AF_INET, s, ip->addr) != 1)
			return -EINVAL;
		ip->family = AF_INET;
	}
	return 0;
}

NLHL_API int nlhl_parse_ip(const char *s, struct nlhl_ip *ret)
{
	struct nlhl_ip ip;

	NLHL_CHECK_PTR(s, "parse ip");
	NLHL_CHECK_PTR(ret, "parse ip");
	if (parse_ip(s, &ip) < 0)
		return nlhl__fail(-EINVAL, "parse ip: \"%s\" is not an IPv4 or IPv6 address", s);
	*ret = ip;
	return 0;
}

NLHL_API int nlhl_parse_ipnet(const char *s, struct nlhl_ipnet *ret)
{
	char addr[INET6_ADDRSTRLEN + 1];
	const char *slash;
	struct nlhl_ip ip;
	struct nlhl_ipnet net;
	unsigned long plen;
	size_t alen;

	NLHL_CHECK_PTR(s, "parse ipnet");
	NLHL_CHECK_PTR(ret, "parse ipnet");
	slash = strchr(s, '/');
	alen = slash ? (size_t)(slash - s) : strlen(s);
	if (alen == 0 || alen >= sizeof(addr))
		return nlhl__fail(-EINVAL, "parse ipnet: \"%s\" has no valid address", s);
	memcpy(addr, s, alen);
	addr[alen] = '\0';
	if (parse_ip(addr, &ip) < 0)
		return nlhl__fail(-EINVAL, "parse ipnet: \"%s\" is not an IPv4 or IPv6 address", addr);
	plen = (unsigned long)nlhl__family_len(ip.family) * 8;
	if (slash) {
		const char *p = slash + 1;
		char *end;

		/* Digits only: no sign, no spaces, no hex, at most 3 of them. */
		if (!*p || strlen(p) > 3 || strspn(p, "0123456789") != strlen(p))
			return nlhl__fail(-EINVAL, "parse ipnet: \"%s\": prefix length \"%s\" is not a number",
					  s, p);
		unsigned long v = strtoul(p, &end, 10);
		if (v > plen)
			return nlhl__fail(-EINVAL, "parse ipnet: \"%s\": prefix length %lu is over %lu",
					  s, v, plen);
		plen = v;
	}
	memset(&net, 0, sizeof(net));
	net.family = ip.family;
	memcpy(net.addr, ip.addr, sizeof(net.addr));
	net.prefixlen = (uint8_t)plen;
	*ret = net;
	return 0;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

NLHL_API int nlhl_parse_hwaddr(const char *s, struct nlhl_hwaddr *ret)
{
	struct nlhl_hwaddr hw = { 0 };
	const char *p;
	char sep = 0;

	NLHL_CHECK_PTR(s, "parse hwaddr");
	NLHL_CHECK_PTR(ret, "parse hwaddr");
	/* Two hex digits per byte; one separator (':' or '-') used throughout. */
	for (p = s;;) {
		int hi, lo;

		if (hw.len == NLHL_HWADDR_MAX)
			goto bad;
		hi = hexval((unsigned char)p[0]);
		lo = hi < 0 ? -1 : hexval((unsigned char)p[1]);
		if (lo < 0)
			goto bad;
		hw.addr[hw.len++] = (uint8_t)(hi << 4 | lo);
		p += 2;
		if (!*p)
			break;
		if (*p != ':' && *p != '-')
			goto bad;
		if (sep && *p != sep)
			goto bad;
		sep = *p++;
	}
	*ret = hw;
	return 0;
bad:
	return nlhl__fail(-EINVAL, "parse hwaddr: \"%s\" is not a hardware address", s);
}

NLHL_API int nlhl_parse_mac(const char *s, struct nlhl_hwaddr *ret)
{
	return nlhl_parse_hwaddr(s, ret);
}

NLHL_API int nlhl_format_ip(const struct nlhl_ip *ip, char *buf, size_t size)
{
	char tmp[INET6_ADDRSTRLEN];

	NLHL_CHECK_PTR(ip, "format ip");
	NLHL_CHECK_PTR(buf, "format ip");
	if (!nlhl__family_len(ip->family))
		return nlhl__fail(-EINVAL, "format ip: address family %d is not IPv4 or IPv6",
				  ip->family);
	inet_ntop(ip->family, ip->addr, tmp, sizeof(tmp));
	if (strlen(tmp) >= size)
		return nlhl__fail(-ENOSPC, "format ip: buffer of %zu bytes too small", size);
	strcpy(buf, tmp);
	return 0;
}

NLHL_API int nlhl_format_ipnet(const struct nlhl_ipnet *net, char *buf, size_t size)
{
	char tmp[NLHL_IPNET_STRLEN];
	int len;

	NLHL_CHECK_PTR(net, "format ipnet");
	NLHL_CHECK_PTR(buf, "format ipnet");
	len = nlhl__family_len(net->family);
	if (!len)
		return nlhl__fail(-EINVAL, "format ipnet: address family %d is not IPv4 or IPv6",
				  net->family);
	if (net->prefixlen > len * 8)
		return nlhl__fail(-EINVAL, "format ipnet: prefix length %u is over %d",
				  net->prefixlen, len * 8);
	inet_ntop(net->family, net->addr, tmp, INET6_ADDRSTRLEN);
	snprintf(tmp + strlen(tmp), 5, "/%u", net->prefixlen);
	if (strlen(tmp) >= size)
		return nlhl__fail(-ENOSPC, "format ipnet: buffer of %zu bytes too small", size);
	strcpy(buf, tmp);
	return 0;
}

NLHL_API int nlhl_format_hwaddr(const struct nlhl_hwaddr *hw, char *buf, size_t size)
{
	NLHL_CHECK_PTR(hw, "format hwaddr");
	NLHL_CHECK_PTR(buf, "format hwaddr");
	if (hw->len == 0 || hw->len > NLHL_HWADDR_MAX)
		return nlhl__fail(-EINVAL, "format hwaddr: length %u is not 1 to %d",
				  hw->len, NLHL_HWADDR_MAX);
	if ((size_t)hw->len * 3 > size)
		return nlhl__fail(-ENOSPC, "format hwaddr: buffer of %zu bytes too small", size);
	for (int i = 0; i < hw->len; i++)
		snprintf(buf + 3 * i, 4, i + 1 < hw->len ? "%02x:" : "%02x", hw->addr[i]);
	return 0;
}

NLHL_API int nlhl_format_mac(const struct nlhl_hwaddr *hw, char *buf, size_t size)
{
	return nlhl_format_hwaddr(hw, buf, size);
}

NLHL_API int nlhl_ipnet_ip(const struct nlhl_ipnet *net, struct nlhl_ip *ret)
{
	NLHL_CHECK_PTR(net, "ipnet ip");
	NLHL_CHECK_PTR(ret, "ipnet ip");
	if (!nlhl__family_len(net->family))
		return nlhl__fail(-EINVAL, "ipnet ip: address family %d is not IPv4 or IPv6",
				  net->family);
	ret->family = net->family;
	memcpy(ret->addr, net->addr, sizeof(ret->addr));
	return 0;
}

NLHL_API int nlhl_ipnet_mask(const struct nlhl_ipnet *net, struct nlhl_ipnet *ret)
{
	struct nlhl_ipnet m;
	int len;

	NLHL_CHECK_PTR(net, "ipnet mask");
	NLHL_CHECK_PTR(ret, "ipnet mask");
	len = nlhl__family_len(net->family);
	if (!len || net->prefixlen > len * 8)
		return nlhl__fail(-EINVAL, "ipnet mask: not a valid IPv4 or IPv6 prefix");
	m = *net;
	for (int i = 0; i < 16; i++) {
		int bits = (int)net->prefixlen - i * 8;

		if (i >= len || bits <= 0)
			m.addr[i] = 0;
		else if (bits < 8)
			m.addr[i] &= (uint8_t)(0xff << (8 - bits));
	}
	*ret = m;
	return 0;
}
