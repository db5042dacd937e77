/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Addresses: every call and field against `ip -j addr`, both directions. */
#include "harness-route.h"
#include "../lib/internal-addr.h"

#include <errno.h>
#include <stddef.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <netlinkhl/link.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

static struct nlhl_link link_idx(const char *name)
{
	struct nlhl_link l;

	memset(&l, 0, sizeof(l));
	l.attrs.index = nlt_ifindex(name);
	return l;
}

static struct nlhl_link link_name(const char *name)
{
	struct nlhl_link l;

	memset(&l, 0, sizeof(l));
	snprintf(l.attrs.name, sizeof(l.attrs.name), "%s", name);
	return l;
}

/* The addr_info entry of dev with local address local (caller puts). */
static json_object *ip_addr(const char *dev, const char *local)
{
	json_object *arr = nlt_json("ip -j addr show dev %s", dev);
	json_object *info = nlt_jpath(json_object_array_get_idx(arr, 0), "addr_info", NULL);
	json_object *found = NULL;

	for (int i = 0; i < nlt_jlen(info) && !found; i++) {
		json_object *o = json_object_array_get_idx(info, i);

		if (nlt_jstr(o, "local") && !strcmp(nlt_jstr(o, "local"), local))
			found = json_object_get(o);
	}
	json_object_put(arr);
	return found;
}

static const struct nlhl_addr *find(const struct nlhl_addr *list, size_t n, const char *ipnet)
{
	char buf[NLHL_IPNET_STRLEN];

	for (size_t i = 0; i < n; i++)
		if (nlhl_format_ipnet(&list[i].ipnet, buf, sizeof(buf)) == 0 && !strcmp(buf, ipnet))
			return &list[i];
	return NULL;
}

static const char *ipstr(const struct nlhl_ip *ip, char *buf)
{
	if (nlhl_format_ip(ip, buf, NLHL_IP_STRLEN) < 0)
		strcpy(buf, "-");
	return buf;
}

START_TEST(addr_add_v4_fields)
{
	nlhl_handle *h;
	struct nlhl_link va;
	struct nlhl_addr a = { 0 }, *list;
	const struct nlhl_addr *got;
	char buf[NLHL_IP_STRLEN];
	json_object *o;
	size_t n;

	nlt_rt_setup();
	va = link_idx("va");
	NLT_OK(nlhl_handle_new(&h));
	NLT_OK(nlhl_parse_addr("10.9.0.1/24 va:1", &a));
	a.auto_broadcast = 1;
	a.rt_priority = 50;
	NLT_OK(nlhl_addr_add(h, &va, &a));
	NLT_ERR(nlhl_addr_add(h, &va, &a), -EEXIST);
	NLT_ERRMSG_HAS("addr add 10.9.0.1/24");

	o = ip_addr("va", "10.9.0.1");
	ck_assert_ptr_nonnull(o);
	ck_assert_int_eq(nlt_jint(o, "prefixlen", -1), 24);
	ck_assert_str_eq(nlt_jstr(o, "broadcast"), "10.9.0.255");
	ck_assert_str_eq(nlt_jstr(o, "label"), "va:1");
	ck_assert_str_eq(nlt_jstr(o, "scope"), "global");
	ck_assert_int_eq(nlt_jint(o, "metric", -1), 50);
	json_object_put(o);
	/* IFA_RT_PRIORITY is the metric of the kernel's prefix route. */
	o = nlt_ip_route1("route show 10.9.0.0/24");
	ck_assert_int_eq(nlt_jint(o, "metric", -1), 50);
	json_object_put(o);

	NLT_OK(nlhl_addr_list(h, &va, AF_INET, &list, &n));
	ck_assert_uint_eq(n, 2);  /* 10.0.0.1/24 from the setup and this one */
	got = find(list, n, "10.9.0.1/24");
	ck_assert_ptr_nonnull(got);
	ck_assert_int_eq(got->link_index, va.attrs.index);
	ck_assert_str_eq(got->label, "va:1");
	ck_assert_str_eq(ipstr(&got->broadcast, buf), "10.9.0.255");
	ck_assert_int_eq(got->scope, NLHL_SCOPE_UNIVERSE);
	ck_assert_uint_eq(got->rt_priority, 50);
	ck_assert_uint_eq(got->valid_lft, NLHL_ADDR_LFT_FOREVER);
	ck_assert_uint_eq(got->preferred_lft, NLHL_ADDR_LFT_FOREVER);
	ck_assert(got->flags & NLHL_IFA_F_PERMANENT);
	ck_assert(got->flags & NLHL_IFA_F_SECONDARY ? 0 : 1);
	ck_assert_int_eq(got->peer.family, 0);

	/* A listed address deletes as it is. */
	NLT_OK(nlhl_addr_del(h, &va, got));
	nlhl_addr_list_free(list, n);
	o = ip_addr("va", "10.9.0.1");
	ck_assert_ptr_null(o);
	NLT_ERR(nlhl_addr_del(h, &va, &a), -EADDRNOTAVAIL);
	NLT_ERRMSG_HAS("addr del 10.9.0.1/24");

	/* Without auto_broadcast no broadcast is sent; an explicit one is. */
	memset(&a, 0, sizeof(a));
	NLT_OK(nlhl_parse_addr("10.9.1.1/16", &a));
	NLT_OK(nlhl_addr_add(h, &va, &a));
	o = ip_addr("va", "10.9.1.1");
	ck_assert_ptr_null(nlt_jstr(o, "broadcast"));
	json_object_put(o);
	NLT_OK(nlhl_parse_addr("10.19.2.1/16", &a));
	NLT_OK(nlhl_parse_ip("10.19.2.9", &a.broadcast));
	a.scope = NLHL_SCOPE_LINK;
	NLT_OK(nlhl_addr_add(h, &va, &a));
	o = ip_addr("va", "10.19.2.1");
	ck_assert_str_eq(nlt_jstr(o, "broadcast"), "10.19.2.9");
	ck_assert_str_eq(nlt_jstr(o, "scope"), "link");
	json_object_put(o);
	/* /31 gets no computed broadcast (RFC 3021). */
	memset(&a, 0, sizeof(a));
	NLT_OK(nlhl_parse_addr("10.9.3.0/31", &a));
	a.auto_broadcast = 1;
	NLT_OK(nlhl_addr_add(h, &va, &a));
	o = ip_addr("va", "10.9.3.0");
	ck_assert_ptr_null(nlt_jstr(o, "broadcast"));
	json_object_put(o);
	/* 127.0.0.0/8 gets host scope by default, as from iproute2. */
	NLT_OK(nlhl_parse_addr("127.0.0.5/8", &a));
	NLT_OK(nlhl_addr_add(h, &va, &a));
	o = ip_addr("va", "127.0.0.5");
	ck_assert_str_eq(nlt_jstr(o, "scope"), "host");
	json_object_put(o);
	nlhl_handle_free(h);
}
END_TEST

START_TEST(addr_v6_flags_lifetimes_replace)
{
	struct nlhl_link va;
	struct nlhl_addr a = { 0 }, *list;
	const struct nlhl_addr *got;
	json_object *o;
	size_t n;

	nlt_rt_setup();
	va = link_name("va");  /* looked up by name */
	NLT_OK(nlhl_parse_addr("2001:db8:9::1/64", &a));
	a.flags = NLHL_IFA_F_NODAD | NLHL_IFA_F_NOPREFIXROUTE | NLHL_IFA_F_HOMEADDRESS |
		  NLHL_IFA_F_MANAGETEMPADDR;
	a.valid_lft = 300;
	a.preferred_lft = 200;
	NLT_OK(nlhl_addr_add(NULL, &va, &a));
	o = ip_addr("va", "2001:db8:9::1");
	ck_assert_ptr_nonnull(o);
	ck_assert_int_eq(nlt_jint(o, "prefixlen", -1), 64);
	ck_assert(json_object_object_get_ex(o, "nodad", NULL));
	ck_assert(json_object_object_get_ex(o, "noprefixroute", NULL));
	ck_assert(json_object_object_get_ex(o, "home", NULL));
	ck_assert(json_object_object_get_ex(o, "mngtmpaddr", NULL));
	ck_assert_int_le(nlt_jint(o, "valid_life_time", -1), 300);
	ck_assert_int_gt(nlt_jint(o, "valid_life_time", -1), 250);
	ck_assert_int_le(nlt_jint(o, "preferred_life_time", -1), 200);
	json_object_put(o);
	/* noprefixroute: no 2001:db8:9::/64 route. */
	ck_assert(nlt_output_is("", "ip -6 route show 2001:db8:9::/64"));

	NLT_OK(nlhl_addr_list(NULL, &va, AF_INET6, &list, &n));
	got = find(list, n, "2001:db8:9::1/64");
	ck_assert_ptr_nonnull(got);
	ck_assert(got->flags & NLHL_IFA_F_NODAD);
	ck_assert(got->flags & NLHL_IFA_F_NOPREFIXROUTE);  /* > 0xff: from IFA_FLAGS */
	ck_assert(got->flags & NLHL_IFA_F_MANAGETEMPADDR);
	ck_assert(got->flags & NLHL_IFA_F_HOMEADDRESS);
	ck_assert(got->valid_lft <= 300 && got->valid_lft > 250);
	ck_assert(got->preferred_lft <= 200 && got->preferred_lft > 150);
	ck_assert_int_eq(got->ipnet.family, AF_INET6);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(list[i].ipnet.family, AF_INET6);
	nlhl_addr_list_free(list, n);

	/* Replace changes lifetimes and flags of the existing address. */
	a.valid_lft = 1000;
	a.preferred_lft = 900;
	a.flags = NLHL_IFA_F_NODAD;
	NLT_OK(nlhl_addr_replace(NULL, &va, &a));
	o = ip_addr("va", "2001:db8:9::1");
	ck_assert_int_gt(nlt_jint(o, "valid_life_time", -1), 900);
	ck_assert(!json_object_object_get_ex(o, "home", NULL));
	json_object_put(o);
	/* ... and adds when absent. */
	NLT_OK(nlhl_parse_addr("2001:db8:a::1/64", &a));
	NLT_OK(nlhl_addr_replace(NULL, &va, &a));
	o = ip_addr("va", "2001:db8:a::1");
	ck_assert_ptr_nonnull(o);
	json_object_put(o);
}
END_TEST

START_TEST(addr_peer_and_ip_made)
{
	struct nlhl_link va, vb;
	struct nlhl_addr a = { 0 }, *list;
	const struct nlhl_addr *got;
	char buf[NLHL_IP_STRLEN];
	json_object *o;
	size_t n;

	nlt_rt_setup();
	va = link_idx("va");
	vb = link_idx("vb");
	NLT_OK(nlhl_parse_addr("10.9.9.1/32", &a));
	a.peer = nlt_net("10.9.9.2/32");
	NLT_OK(nlhl_addr_add(NULL, &va, &a));
	o = ip_addr("va", "10.9.9.1");
	ck_assert_str_eq(nlt_jstr(o, "address"), "10.9.9.2");
	ck_assert_int_eq(nlt_jint(o, "prefixlen", -1), 32);
	json_object_put(o);
	NLT_OK(nlhl_addr_list(NULL, &va, AF_INET, &list, &n));
	got = find(list, n, "10.9.9.1/32");
	ck_assert_ptr_nonnull(got);
	ck_assert_int_eq(got->peer.family, AF_INET);
	ck_assert_str_eq(ipstr(&(struct nlhl_ip){ got->peer.family, { 0 } }, buf), "0.0.0.0");
	ck_assert_mem_eq(got->peer.addr, "\x0a\x09\x09\x02", 4);
	NLT_OK(nlhl_addr_del(NULL, &va, got));
	nlhl_addr_list_free(list, n);
	ck_assert_ptr_null(ip_addr("va", "10.9.9.1"));
	/* Deleting by the local address alone works too (as ip addr del). */
	NLT_OK(nlhl_addr_add(NULL, &va, &a));
	a.peer.family = 0;
	NLT_OK(nlhl_addr_del(NULL, &va, &a));
	ck_assert_ptr_null(ip_addr("va", "10.9.9.1"));

	/* Reverse: made by ip, read by the library. */
	NLT_SH_OK("ip addr add 10.7.0.1/16 brd + dev vb label vb:x scope link metric 9"
		  " && ip addr add 2001:db8:7::1/80 dev vb nodad preferred_lft 100 valid_lft 200");
	NLT_OK(nlhl_addr_list(NULL, &vb, AF_UNSPEC, &list, &n));
	got = find(list, n, "10.7.0.1/16");
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got->label, "vb:x");
	ck_assert_int_eq(got->scope, NLHL_SCOPE_LINK);
	ck_assert_str_eq(ipstr(&got->broadcast, buf), "10.7.255.255");
	ck_assert_uint_eq(got->rt_priority, 9);
	got = find(list, n, "2001:db8:7::1/80");
	ck_assert_ptr_nonnull(got);
	ck_assert(got->flags & NLHL_IFA_F_NODAD);
	ck_assert(got->valid_lft <= 200 && got->valid_lft > 150);
	/* Every address ip shows on vb, and no other. */
	o = nlt_json("ip -j addr show dev vb");
	ck_assert_int_eq((int)n, nlt_jlen(nlt_jpath(json_object_array_get_idx(o, 0), "addr_info", NULL)));
	json_object_put(o);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(list[i].link_index, vb.attrs.index);
	nlhl_addr_list_free(list, n);
}
END_TEST

static int count_cb(const struct nlhl_addr *a, void *arg)
{
	(void)a;
	if (++*(int *)arg == 1000)
		return -ECANCELED;
	return 0;
}

START_TEST(addr_list_all_foreach)
{
	nlhl_handle *h;
	struct nlhl_addr *list;
	size_t n;
	int c = 0;
	json_object *o;
	int want = 0;

	nlt_rt_setup();
	NLT_SH_OK("for i in $(seq 1 200); do echo addr add 10.50.$i.1/24 dev vb; done | ip -batch -");
	NLT_OK(nlhl_handle_new(&h));
	NLT_OK(nlhl_addr_list(h, NULL, AF_UNSPEC, &list, &n));
	o = nlt_json("ip -j addr show");
	for (int i = 0; i < nlt_jlen(o); i++)
		want += nlt_jlen(nlt_jpath(json_object_array_get_idx(o, i), "addr_info", NULL));
	json_object_put(o);
	ck_assert_int_eq((int)n, want);
	ck_assert_ptr_nonnull(find(list, n, "10.50.200.1/24"));
	ck_assert_ptr_nonnull(find(list, n, "127.0.0.1/8"));
	nlhl_addr_list_free(list, n);
	NLT_OK(nlhl_addr_foreach(h, NULL, AF_UNSPEC, count_cb, &c));
	ck_assert_int_eq(c, want);
	c = 0;
	NLT_OK(nlhl_addr_foreach(h, NULL, AF_INET, count_cb, &c));
	ck_assert_int_eq(c, 203);  /* 200 + 127.0.0.1 + the setup's two */
	c = 998;
	NLT_ERR(nlhl_addr_foreach(h, NULL, AF_UNSPEC, count_cb, &c), -ECANCELED);
	NLT_OK(nlhl_addr_list(h, NULL, AF_INET6, &list, &n));  /* still in sync */
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(list[i].ipnet.family, AF_INET6);
	nlhl_addr_list_free(list, n);
	nlhl_handle_free(h);
}
END_TEST

/* Address dumps are flagged when concurrent changes interrupt them: the
 * list restarts from scratch (each address exactly once) or fails with
 * -EINTR and says so. */
static void *addr_churn(void *arg)
{
	volatile int *stop = arg;
	struct nlhl_link va = link_name("va");
	struct nlhl_addr a = { 0 };
	nlhl_handle *h;

	if (nlhl_handle_new(&h) < 0)
		return NULL;
	nlhl_parse_addr("10.99.0.1/32", &a);
	while (!*stop)
		for (int i = 0; i < 50 && !*stop; i++) {
			a.ipnet.addr[3] = (uint8_t)(i + 1);
			nlhl_addr_add(h, &va, &a);
			nlhl_addr_del(h, &va, &a);
		}
	nlhl_handle_free(h);
	return NULL;
}

START_TEST(addr_dump_interrupted)
{
	nlhl_handle *h;
	pthread_t t;
	volatile int stop = 0;
	int ok = 0, intr = 0;

	nlt_rt_setup();
	NLT_SH_OK("for i in $(seq 1 250); do echo addr add 10.60.$i.1/24 dev vb;"
		  " echo addr add 10.61.$i.1/24 dev vb; done | ip -batch -");
	NLT_OK(nlhl_handle_new(&h));
	ck_assert_int_eq(pthread_create(&t, NULL, addr_churn, (void *)&stop), 0);
	for (int i = 0; i < 30; i++) {
		struct nlhl_addr *list;
		size_t n;
		int stable = 0, r = nlhl_addr_list(h, NULL, AF_INET, &list, &n);

		if (r == -EINTR) {
			NLT_ERRMSG_HAS("addr list: dump interrupted by concurrent changes");
			intr++;
			continue;
		}
		NLT_OK(r);
		ok++;
		for (size_t k = 0; k < n; k++)
			if (list[k].ipnet.addr[0] == 10 &&
			    (list[k].ipnet.addr[1] == 60 || list[k].ipnet.addr[1] == 61))
				stable++;
		ck_assert_int_eq(stable, 500);
		nlhl_addr_list_free(list, n);
	}
	stop = 1;
	pthread_join(t, NULL);
	ck_assert_int_eq(ok + intr, 30);
	nlhl_handle_free(h);
}
END_TEST

/* Deterministic: an address added from inside the dump (between two of
 * its datagrams) makes the kernel flag it; the engine under the list
 * starts over once and the result is whole; a stream reports -EINTR. */
struct inject {
	nlhl_handle *other;
	int n, restarts, injected;
};

static void inject_addr(struct inject *in)
{
	struct nlhl_link vb = link_name("vb");
	struct nlhl_addr a = { 0 };

	ck_assert_int_eq(nlhl_parse_addr("10.90.0.1/24", &a), 0);
	ck_assert_int_eq(nlhl_addr_add(in->other, &vb, &a), 0);
	in->injected = 1;
}

static int inject_msg_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct inject *in = arg;

	(void)nlh;
	if (++in->n == 5 && !in->injected)
		inject_addr(in);
	return 0;
}

static int inject_restart(void *arg)
{
	struct inject *in = arg;

	in->n = 0;
	in->restarts++;
	return 0;
}

static int inject_addr_cb(const struct nlhl_addr *a, void *arg)
{
	(void)a;
	return inject_msg_cb(NULL, arg);
}

START_TEST(addr_dump_restart_deterministic)
{
	struct ifaddrmsg ifa = { .ifa_family = AF_INET };
	struct inject in = { 0 };
	struct nl_msg *msg;
	nlhl_handle *h;

	nlt_rt_setup();
	/* Several datagrams: the kernel fills the next one while the
	 * library reads the current, so the change shows two later. */
	NLT_SH_OK("for k in $(seq 60 67); do for i in $(seq 1 250); do"
		  " echo addr add 10.$k.$i.1/24 dev vb; done; done | ip -batch -");
	NLT_OK(nlhl_handle_new(&h));
	NLT_OK(nlhl_handle_new(&in.other));
	msg = nlmsg_alloc_simple(RTM_GETADDR, 0);
	ck_assert(nlmsg_append(msg, &ifa, sizeof(ifa), NLMSG_ALIGNTO) == 0);
	NLT_OK(nlhl__dump(h, msg, inject_msg_cb, inject_restart, &in));
	nlmsg_free(msg);
	ck_assert_int_eq(in.restarts, 1);
	ck_assert_int_eq(in.n, 2000 + 4);  /* + lo, va, the setup's vb one, the injected */

	memset(&in.n, 0, sizeof(in) - offsetof(struct inject, n));
	NLT_SH_OK("ip addr del 10.90.0.1/24 dev vb");
	NLT_ERR(nlhl_addr_foreach(h, NULL, AF_INET, inject_addr_cb, &in), -EINTR);
	NLT_ERRMSG_HAS("addr foreach: dump interrupted by concurrent changes");
	ck_assert_int_ge(in.n, 2000);
	nlhl_handle_free(in.other);
	nlhl_handle_free(h);
}
END_TEST

/* nlhl_route_list by link: index or name. */
START_TEST(route_list_by_link)
{
	struct nlhl_link vb = link_name("vb"), bad = link_name("nosuch");
	struct nlhl_route *list;
	size_t n;

	nlt_rt_setup();
	NLT_SH_OK("ip route add 10.70.0.0/16 via 10.0.1.2 && ip route add 10.71.0.0/16 via 10.0.0.2"
		  " && ip -6 route add 2001:db8:70::/48 via 2001:db8:1::2");
	NLT_OK(nlhl_route_list(NULL, &vb, AF_INET, &list, &n));
	ck_assert_uint_eq(n, 2);  /* 10.0.1.0/24 and 10.70.0.0/16 */
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(list[i].link_index, nlt_ifindex("vb"));
	nlhl_route_list_free(list, n);
	vb = link_idx("vb");
	NLT_OK(nlhl_route_list(NULL, &vb, AF_UNSPEC, &list, &n));
	/* + 2001:db8:1::/64 and 2001:db8:70::/48; fe80::/64 not counted */
	size_t global = 0;
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(list[i].link_index, vb.attrs.index);
		if (!(list[i].dst.family == AF_INET6 && list[i].dst.addr[0] == 0xfe))
			global++;
	}
	ck_assert_uint_eq(global, 4);
	nlhl_route_list_free(list, n);
	NLT_ERR(nlhl_route_list(NULL, &bad, AF_INET, &list, &n), -ENODEV);
	NLT_ERRMSG_HAS("route list nosuch");
}
END_TEST

START_TEST(addr_bad_input)
{
	struct nlhl_link va, missing, longname;
	struct nlhl_addr a = { 0 }, *list;
	size_t n;

	nlt_rt_setup();
	va = link_idx("va");
	missing = link_name("nosuch");
	longname = link_name("x");
	memset(longname.attrs.name, 'x', sizeof(longname.attrs.name));  /* no NUL */
	NLT_OK(nlhl_parse_addr("10.9.0.1/24", &a));
	NLT_ERR(nlhl_addr_add(NULL, &missing, &a), -ENODEV);
	NLT_ERRMSG_HAS("addr add nosuch");
	NLT_ERR(nlhl_addr_add(NULL, &longname, &a), -EINVAL);
	NLT_ERR(nlhl_addr_add(NULL, NULL, &a), -EINVAL);
	NLT_ERR(nlhl_addr_add(NULL, &va, NULL), -EINVAL);
	a.ipnet.prefixlen = 33;
	NLT_ERR(nlhl_addr_add(NULL, &va, &a), -EINVAL);
	NLT_ERRMSG_HAS("prefix length 33 is over 32");
	a.ipnet.family = 0;
	NLT_ERR(nlhl_addr_add(NULL, &va, &a), -EINVAL);
	NLT_OK(nlhl_parse_addr("2001:db8::5/64", &a));
	strcpy(a.label, "va:1");
	NLT_ERR(nlhl_addr_add(NULL, &va, &a), -EINVAL);
	NLT_ERRMSG_HAS("IPv4 only");
	a.label[0] = 0;
	a.peer = nlt_net("10.0.0.1/32");
	NLT_ERR(nlhl_addr_add(NULL, &va, &a), -EINVAL);
	NLT_ERR(nlhl_addr_list(NULL, &va, 77, &list, &n), -EINVAL);
	NLT_ERR(nlhl_addr_list(NULL, &missing, AF_INET, &list, &n), -ENODEV);
	NLT_ERR(nlhl_addr_list(NULL, NULL, AF_INET, NULL, &n), -EINVAL);
	NLT_ERR(nlhl_addr_foreach(NULL, NULL, AF_INET, NULL, NULL), -EINVAL);
	/* Nothing reached the kernel. */
	ck_assert_ptr_null(ip_addr("va", "2001:db8::5"));
}
END_TEST

START_TEST(addr_parse_format)
{
	struct nlhl_addr a;
	char buf[NLHL_ADDR_STRLEN];

	NLT_OK(nlhl_parse_addr("192.0.2.1/24 eth0:1", &a));
	ck_assert_int_eq(a.ipnet.family, AF_INET);
	ck_assert_int_eq(a.ipnet.prefixlen, 24);
	ck_assert_str_eq(a.label, "eth0:1");
	NLT_OK(nlhl_format_addr(&a, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "192.0.2.1/24 eth0:1");
	NLT_OK(nlhl_parse_addr("2001:db8::1", &a));
	ck_assert_int_eq(a.ipnet.prefixlen, 128);
	ck_assert_str_eq(a.label, "");
	NLT_OK(nlhl_format_addr(&a, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "2001:db8::1/128");
	NLT_ERR(nlhl_format_addr(&a, buf, 5), -ENOSPC);
	NLT_ERR(nlhl_parse_addr("10.0.0.1/33", &a), -EINVAL);
	NLT_ERR(nlhl_parse_addr("10.0.0.1/24 ", &a), -EINVAL);
	NLT_ERR(nlhl_parse_addr("10.0.0.1/24 a b", &a), -EINVAL);
	NLT_ERR(nlhl_parse_addr("10.0.0.1/24 0123456789abcdef", &a), -EINVAL);
	NLT_ERR(nlhl_parse_addr("", &a), -EINVAL);
	NLT_ERR(nlhl_parse_addr(NULL, &a), -EINVAL);
}
END_TEST

START_TEST(addr_parse_untrusted)
{
	struct {
		struct nlmsghdr h;
		struct ifaddrmsg i;
		uint8_t attrs[32];
	} m;
	struct nlhl_addr a;

	memset(&m, 0, sizeof(m));
	m.h.nlmsg_len = NLMSG_LENGTH(3);
	ck_assert_int_eq(nlhl__addr_parse(&m.h, &a), -EPROTO);
	m.h.nlmsg_len = NLMSG_LENGTH(sizeof(m.i) + 8);
	m.i.ifa_family = AF_INET6;
	m.i.ifa_prefixlen = 64;
	m.attrs[0] = 8;  /* IFA_ADDRESS of 4 bytes for IPv6: too short */
	m.attrs[2] = IFA_ADDRESS;
	ck_assert_int_eq(nlhl__addr_parse(&m.h, &a), -EPROTO);
	m.i.ifa_family = AF_INET;
	ck_assert_int_eq(nlhl__addr_parse(&m.h, &a), -EPROTO);  /* /64 on IPv4 */
	m.i.ifa_prefixlen = 8;
	ck_assert_int_eq(nlhl__addr_parse(&m.h, &a), 0);
	m.attrs[0] = 200;  /* longer than the message */
	ck_assert_int_le(nlhl__addr_parse(&m.h, &a), 0);
	m.i.ifa_family = 17;
	ck_assert_int_eq(nlhl__addr_parse(&m.h, &a), -EAFNOSUPPORT);
}
END_TEST

NLT_SUITE(addr_suite)
static Suite *addr_suite(void)
{
	Suite *s = suite_create("addr");
	TCase *tc = nlt_tcase(s, "addr");

	tcase_add_test(tc, addr_add_v4_fields);
	tcase_add_test(tc, addr_v6_flags_lifetimes_replace);
	tcase_add_test(tc, addr_peer_and_ip_made);
	tcase_add_test(tc, addr_list_all_foreach);
	tcase_add_test(tc, addr_dump_interrupted);
	tcase_add_test(tc, addr_dump_restart_deterministic);
	tcase_add_test(tc, route_list_by_link);
	tcase_add_test(tc, addr_bad_input);
	tcase_add_test(tc, addr_parse_format);
	tcase_add_test(tc, addr_parse_untrusted);
	return s;
}
