/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Events: order and content for create/modify/delete of each family,
 * listing without gap or duplicate under concurrent changes, overruns,
 * stop from another thread and from a signal handler.  Changes are made
 * with `ip`/`tc` (the oracle drives the kernel, the library reports).
 */
#include "harness.h"
#include "harness-reliability.h"
#include "../lib/internal-monitor.h"

#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

/* ------------------------------------------------------------ recorder */

struct rec {
	int type, object;
	uint32_t flags;
	int ifindex;
	char desc[192];
};

struct recorder {
	struct rec *v;
	size_t n, cap;
	int stop_after;  /* > 0: the callback fails with -ECANCELED at n == this */
};

static const struct nlattr *attr(const struct nlmsghdr *nlh, size_t hdrlen, int type)
{
	const struct nlattr *a = (const struct nlattr *)((const uint8_t *)NLMSG_DATA(nlh) + NLMSG_ALIGN(hdrlen));
	int rem = (int)(nlh->nlmsg_len - NLMSG_HDRLEN - NLMSG_ALIGN(hdrlen));

	for (; nla_ok(a, rem); a = nla_next(a, &rem))
		if (nla_type(a) == type)
			return a;
	return NULL;
}

/* One line per event, e.g. "+link ev0 mtu 1400", "-route 10.9.0.0/16 table 254". */
static void describe(const struct nlhl_event *ev, char *d, size_t size)
{
	const struct nlmsghdr *nlh = ev->nlh;
	char a[INET6_ADDRSTRLEN + 8] = "";
	const struct nlattr *x;
	char sign = ev->type == NLHL_EVENT_NEW ? '+' : '-';

	switch (ev->object) {
	case NLHL_OBJ_LINK:
	{
		const struct nlattr *mtu = attr(nlh, sizeof(struct ifinfomsg), IFLA_MTU);

		/* the parsed link says what the message says */
		x = attr(nlh, sizeof(struct ifinfomsg), IFLA_IFNAME);
		ck_assert_ptr_nonnull(ev->link);
		ck_assert_int_eq(ev->link->attrs.index, ev->ifindex);
		if (x)
			ck_assert_str_eq(ev->link->attrs.name, (const char *)nla_data(x));
		if (mtu)
			ck_assert_int_eq(ev->link->attrs.mtu, (int)nla_get_u32(mtu));
		snprintf(d, size, "%clink %s mtu %u", sign, x ? (const char *)nla_data(x) : "?",
			 mtu ? nla_get_u32(mtu) : 0);
	}
		break;
	case NLHL_OBJ_ADDR:
		ck_assert_ptr_nonnull(ev->addr);
		nlhl_format_ipnet(&ev->addr->ipnet, a, sizeof(a));
		snprintf(d, size, "%caddr %s dev %d", sign, a, ev->addr->link_index);
		break;
	case NLHL_OBJ_ROUTE: {
		char gw[INET6_ADDRSTRLEN] = "-";

		ck_assert_ptr_nonnull(ev->route);
		if (ev->route->dst.family)
			nlhl_format_ipnet(&ev->route->dst, a, sizeof(a));
		else
			strcpy(a, "default");
		if (ev->route->gw.family)
			nlhl_format_ip(&ev->route->gw, gw, sizeof(gw));
		snprintf(d, size, "%croute %s table %u gw %s", sign, a, ev->route->table, gw);
		break;
	}
	case NLHL_OBJ_RULE:
		ck_assert_ptr_nonnull(ev->rule);
		snprintf(d, size, "%crule family %d pref %u table %u", sign, ev->family,
			 ev->rule->priority, ev->rule->table);
		break;
	case NLHL_OBJ_NEXTHOP:
		ck_assert_ptr_nonnull(ev->nexthop);
		if (ev->nexthop->gw.family)
			nlhl_format_ip(&ev->nexthop->gw, a, sizeof(a));
		snprintf(d, size, "%cnexthop id %u gw %s", sign, ev->nexthop->id, a[0] ? a : "-");
		break;
	case NLHL_OBJ_NEIGH: {
		char ll[32] = "-";

		ck_assert_ptr_nonnull(ev->neigh);
		ck_assert_int_eq(ev->neigh->link_index, ev->ifindex);
		if (ev->neigh->ip.family)
			nlhl_format_ip(&ev->neigh->ip, a, sizeof(a));
		if (ev->neigh->hw_addr.len == 6) {
			const uint8_t *m = ev->neigh->hw_addr.addr;

			snprintf(ll, sizeof(ll), "%02x:%02x:%02x:%02x:%02x:%02x",
				 m[0], m[1], m[2], m[3], m[4], m[5]);
		}
		snprintf(d, size, "%cneigh %s lladdr %s", sign, a, ll);
		break;
	}
	case NLHL_OBJ_QDISC: {
		const struct tcmsg *t = NLMSG_DATA(nlh);

		x = attr(nlh, sizeof(struct tcmsg), TCA_KIND);
		ck_assert_ptr_nonnull(ev->qdisc);
		ck_assert_int_eq(ev->qdisc->attrs.link_index, t->tcm_ifindex);
		ck_assert_uint_eq(ev->qdisc->attrs.handle, t->tcm_handle);
		if (x)
			ck_assert_str_eq(ev->qdisc->kind, (const char *)nla_data(x));
		snprintf(d, size, "%cqdisc %s handle %x: dev %d", sign,
			 x ? (const char *)nla_data(x) : "?", t->tcm_handle >> 16, t->tcm_ifindex);
		break;
	}
	case NLHL_OBJ_NSID:
		snprintf(d, size, "%cnsid %d", sign, ev->nsid);
		break;
	default:
		snprintf(d, size, "%s", ev->type == NLHL_EVENT_OVERRUN ? "overrun"
					: ev->type == NLHL_EVENT_SYNCED ? "synced" : "?");
	}
}

static int record_cb(const struct nlhl_event *ev, void *arg)
{
	struct recorder *R = arg;
	struct rec *r;

	if (R->stop_after && (int)R->n == R->stop_after)
		return -ECANCELED;
	if (R->n == R->cap) {
		R->cap = R->cap ? 2 * R->cap : 256;
		R->v = realloc(R->v, R->cap * sizeof(*R->v));
		ck_assert_ptr_nonnull(R->v);
	}
	r = &R->v[R->n++];
	r->type = ev->type;
	r->object = ev->object;
	r->flags = ev->flags;
	r->ifindex = ev->ifindex;
	if (ev->type == NLHL_EVENT_NEW || ev->type == NLHL_EVENT_DEL)
		ck_assert_ptr_nonnull(ev->nlh);
	describe(ev, r->desc, sizeof(r->desc));
	return 0;
}

/* Index of the first event at or after from whose text starts with want;
 * fails the test (showing every event) when there is none. */
static size_t find_from(struct recorder *R, size_t from, const char *want)
{
	for (size_t i = from; i < R->n; i++)
		if (!strncmp(R->v[i].desc, want, strlen(want)))
			return i;
	for (size_t i = 0; i < R->n; i++)
		fprintf(stderr, "  event %zu: %s\n", i, R->v[i].desc);
	ck_abort_msg("no event \"%s\" at or after #%zu", want, from);
	return 0;
}

static bool has_event(struct recorder *R, const char *want)
{
	for (size_t i = 0; i < R->n; i++)
		if (!strncmp(R->v[i].desc, want, strlen(want)))
			return true;
	return false;
}

/* Delivers what is queued and what arrives within quiet_ms after. */
static void drain(nlhl_monitor *m, int quiet_ms)
{
	struct pollfd p = { .fd = nlhl_monitor_fd(m), .events = POLLIN };

	do
		NLT_OK(nlhl_monitor_process(m));
	while (poll(&p, 1, quiet_ms) > 0);
}

static nlhl_monitor *monitor(uint32_t groups, bool list, struct recorder *R)
{
	struct nlhl_monitor_opts o = { .sz = sizeof(o), .groups = groups, .list_existing = list };
	nlhl_monitor *m = NULL;

	NLT_OK(nlhl_monitor_new(NULL, &o, record_cb, R, &m));
	return m;
}

static int ifindex_of(const char *name)
{
	char *s = nlt_output("ip -j link show dev %s | jq '.[0].ifindex'", name);
	int i = atoi(s);

	free(s);
	return i;
}

/* A veth pair, up, with carrier: IPv6 holds back the events of its
 * addresses until the link is ready, so tests start from there. */
static void veth(const char *a, const char *b)
{
	NLT_SH_OK("ip link add %s type veth peer name %s && ip link set %s up && ip link set %s up",
		  a, b, a, b);
	for (int i = 0; i < 500; i++) {
		if (nlt_sh("ip -j link show dev %s | jq -e '.[0].operstate == \"UP\"' >/dev/null", a) == 0)
			return;
		usleep(10000);
	}
	ck_abort_msg("%s never came up", a);
}

/* ------------------------------------------------------------ families */

START_TEST(events_link)
{
	struct recorder R = { 0 };
	nlhl_monitor *m = monitor(NLHL_MONITOR_LINK, false, &R);
	size_t i;

	NLT_SH_OK("ip link add ev0 type veth peer name ev1");
	NLT_SH_OK("ip link set ev0 mtu 1400");
	NLT_SH_OK("ip link del ev0");
	drain(m, 50);
	i = find_from(&R, 0, "+link ev0 mtu 1500");
	find_from(&R, 0, "+link ev1 mtu 1500");
	i = find_from(&R, i, "+link ev0 mtu 1400");
	i = find_from(&R, i, "-link ev0");
	find_from(&R, i - 1 > 0 ? 0 : 0, "-link ev1");
	/* nothing after the deletes is about ev0 */
	for (size_t j = i + 1; j < R.n; j++)
		ck_assert_msg(!strstr(R.v[j].desc, "ev0"), "%s after the delete", R.v[j].desc);
	ck_assert_int_eq(R.v[i].object, NLHL_OBJ_LINK);
	ck_assert_int_eq(R.v[i].flags, 0);
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

START_TEST(events_addr)
{
	struct recorder R = { 0 };
	nlhl_monitor *m;
	char want[64];
	size_t i;
	int ev0;

	veth("ev0", "ev1");
	ev0 = ifindex_of("ev0");
	m = monitor(NLHL_MONITOR_ADDR, false, &R);
	NLT_SH_OK("ip addr add 10.1.0.1/24 dev ev0");
	NLT_SH_OK("ip -6 addr add 2001:db8::1/64 dev ev0 nodad");
	/* IPv6 announces an address from a work queue, after `ip` returns:
	 * wait for it before deleting (else the kernel never announces it) */
	snprintf(want, sizeof(want), "+addr 2001:db8::1/64 dev %d", ev0);
	for (int t = 0; t < 100 && !has_event(&R, want); t++)
		drain(m, 20);
	NLT_SH_OK("ip addr del 10.1.0.1/24 dev ev0");
	NLT_SH_OK("ip -6 addr del 2001:db8::1/64 dev ev0");
	drain(m, 50);
	snprintf(want, sizeof(want), "+addr 10.1.0.1/24 dev %d", ev0);
	i = find_from(&R, 0, want);
	snprintf(want, sizeof(want), "+addr 2001:db8::1/64 dev %d", ev0);
	find_from(&R, 0, want);
	snprintf(want, sizeof(want), "-addr 10.1.0.1/24 dev %d", ev0);
	i = find_from(&R, i, want);
	snprintf(want, sizeof(want), "-addr 2001:db8::1/64 dev %d", ev0);
	i = find_from(&R, i, want);
	ck_assert_int_eq(R.v[i].ifindex, ev0);
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

START_TEST(events_route)
{
	struct recorder R = { 0 };
	nlhl_monitor *m;
	size_t i;

	veth("ev0", "ev1");
	NLT_SH_OK("ip addr add 10.1.0.1/24 dev ev0");
	m = monitor(NLHL_MONITOR_ROUTE, false, &R);
	NLT_SH_OK("ip route add 10.9.0.0/16 via 10.1.0.2");
	NLT_SH_OK("ip route replace 10.9.0.0/16 via 10.1.0.3");
	NLT_SH_OK("ip -6 route add 2001:db8:9::/48 dev ev0 table 300");
	NLT_SH_OK("ip route del 10.9.0.0/16");
	NLT_SH_OK("ip -6 route del 2001:db8:9::/48 dev ev0 table 300");
	drain(m, 50);
	i = find_from(&R, 0, "+route 10.9.0.0/16 table 254 gw 10.1.0.2");
	i = find_from(&R, i, "+route 10.9.0.0/16 table 254 gw 10.1.0.3");
	i = find_from(&R, i, "+route 2001:db8:9::/48 table 300 gw -");
	i = find_from(&R, i, "-route 10.9.0.0/16 table 254 gw 10.1.0.3");
	find_from(&R, i, "-route 2001:db8:9::/48 table 300");
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

START_TEST(events_neigh)
{
	struct recorder R = { 0 };
	nlhl_monitor *m;
	size_t i;

	veth("ev0", "ev1");
	NLT_SH_OK("ip addr add 10.1.0.1/24 dev ev0");
	m = monitor(NLHL_MONITOR_NEIGH, false, &R);
	NLT_SH_OK("ip neigh add 10.1.0.5 lladdr 02:00:00:00:00:05 dev ev0 nud permanent");
	NLT_SH_OK("ip neigh change 10.1.0.5 lladdr 02:00:00:00:00:06 dev ev0 nud permanent");
	NLT_SH_OK("ip neigh del 10.1.0.5 dev ev0");
	drain(m, 50);
	i = find_from(&R, 0, "+neigh 10.1.0.5 lladdr 02:00:00:00:00:05");
	i = find_from(&R, i, "+neigh 10.1.0.5 lladdr 02:00:00:00:00:06");
	find_from(&R, i, "-neigh 10.1.0.5");
	ck_assert_int_eq(R.v[i].ifindex, ifindex_of("ev0"));
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

START_TEST(events_rule)
{
	struct recorder R = { 0 };
	nlhl_monitor *m = monitor(NLHL_MONITOR_RULE, false, &R);
	char want[64];
	size_t i;

	NLT_SH_OK("ip rule add pref 100 table 100");
	NLT_SH_OK("ip -6 rule add pref 101 table 101");
	NLT_SH_OK("ip rule del pref 100");
	NLT_SH_OK("ip -6 rule del pref 101");
	drain(m, 50);
	snprintf(want, sizeof(want), "+rule family %d pref 100 table 100", AF_INET);
	i = find_from(&R, 0, want);
	snprintf(want, sizeof(want), "+rule family %d pref 101 table 101", AF_INET6);
	i = find_from(&R, i, want);
	snprintf(want, sizeof(want), "-rule family %d pref 100 table 100", AF_INET);
	i = find_from(&R, i, want);
	snprintf(want, sizeof(want), "-rule family %d pref 101 table 101", AF_INET6);
	find_from(&R, i, want);
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

START_TEST(events_nexthop)
{
	struct recorder R = { 0 };
	nlhl_monitor *m;
	size_t i;

	veth("ev0", "ev1");
	NLT_SH_OK("ip addr add 10.1.0.1/24 dev ev0");
	m = monitor(NLHL_MONITOR_NEXTHOP, false, &R);
	NLT_SH_OK("ip nexthop add id 7 via 10.1.0.2 dev ev0");
	NLT_SH_OK("ip nexthop replace id 7 via 10.1.0.3 dev ev0");
	NLT_SH_OK("ip nexthop del id 7");
	drain(m, 50);
	i = find_from(&R, 0, "+nexthop id 7 gw 10.1.0.2");
	i = find_from(&R, i, "+nexthop id 7 gw 10.1.0.3");
	find_from(&R, i, "-nexthop id 7");
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

START_TEST(events_qdisc)
{
	struct recorder R = { 0 };
	nlhl_monitor *m;
	char want[64];
	size_t i;
	int ev0;

	NLT_REQUIRE_QDISC_KIND("htb");
	veth("ev0", "ev1");
	ev0 = ifindex_of("ev0");
	m = monitor(NLHL_MONITOR_QDISC, false, &R);
	NLT_SH_OK("tc qdisc add dev ev0 root handle 1: htb default 10");
	NLT_SH_OK("tc qdisc replace dev ev0 root handle 2: htb default 12");
	NLT_SH_OK("tc qdisc del dev ev0 root");
	drain(m, 50);
	snprintf(want, sizeof(want), "+qdisc htb handle 1: dev %d", ev0);
	i = find_from(&R, 0, want);
	/* the replace: the old one goes, the new one comes */
	snprintf(want, sizeof(want), "-qdisc htb handle 1: dev %d", ev0);
	i = find_from(&R, i, want);
	snprintf(want, sizeof(want), "+qdisc htb handle 2: dev %d", ev0);
	i = find_from(&R, i, want);
	snprintf(want, sizeof(want), "-qdisc htb handle 2: dev %d", ev0);
	find_from(&R, i, want);
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

/* RTM_NEWNSID for a peer netns fd (what `ip netns set` does). */
static int set_nsid(int fd, int id)
{
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_NEWNSID, 0);
	int r;

	ck_assert_ptr_nonnull(msg);
	ck_assert(nlmsg_append(msg, &g, sizeof(g), NLMSG_ALIGNTO) == 0);
	ck_assert(nla_put_u32(msg, NETNSA_FD, (uint32_t)fd) == 0);
	ck_assert(nla_put_u32(msg, NETNSA_NSID, (uint32_t)id) == 0);
	r = nlhl__request(NULL, msg, NULL, NULL);
	nlmsg_free(msg);
	return r;
}

START_TEST(events_nsid)
{
	struct recorder R = { 0 };
	nlhl_monitor *m = monitor(NLHL_MONITOR_NSID, false, &R);
	int peer = nlhl_netns_new();
	char *ids;

	ck_assert_int_ge(peer, 0);
	NLT_OK(set_nsid(peer, 42));
	ids = nlt_output("ip -j netns list-id | jq -c '[.[].nsid]'");
	ck_assert_msg(strstr(ids, "42"), "ip netns list-id: %s", ids);
	free(ids);
	drain(m, 50);
	find_from(&R, 0, "+nsid 42");
	/* the peer dies with its last fd; the kernel withdraws the id */
	close(peer);
	for (int t = 0; t < 100 && R.n < 2; t++)
		drain(m, 50);
	find_from(&R, 1, "-nsid 42");
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

/* ------------------------------------------------------------ listing */

START_TEST(list_existing)
{
	struct recorder R = { 0 };
	nlhl_monitor *m;
	struct pollfd p;
	size_t synced, n_links = 0;
	char *names;

	veth("ev0", "ev1");
	veth("ev2", "ev3");
	NLT_SH_OK("ip addr add 10.1.0.1/24 dev ev0 && ip route add 10.9.0.0/16 via 10.1.0.2");
	m = monitor(NLHL_MONITOR_LINK | NLHL_MONITOR_ADDR4 | NLHL_MONITOR_ROUTE4, true, &R);
	/* the listing is due: the fd says so before any event */
	p = (struct pollfd){ .fd = nlhl_monitor_fd(m), .events = POLLIN };
	ck_assert_int_eq(poll(&p, 1, 0), 1);
	NLT_OK(nlhl_monitor_process(m));
	synced = find_from(&R, 0, "synced");
	for (size_t i = 0; i < synced; i++) {
		ck_assert_msg(R.v[i].flags == NLHL_EVENT_F_EXISTING && R.v[i].type == NLHL_EVENT_NEW,
			      "%s", R.v[i].desc);
		n_links += R.v[i].object == NLHL_OBJ_LINK;
	}
	find_from(&R, 0, "+link ev0");
	find_from(&R, 0, "+link ev3");
	find_from(&R, 0, "+addr 10.1.0.1/24");
	find_from(&R, 0, "+route 10.9.0.0/16 table 254 gw 10.1.0.2");
	/* the oracle: as many links as ip shows */
	names = nlt_output("ip -j link show | jq length");
	ck_assert_int_eq((int)n_links, atoi(names));
	free(names);
	/* then live events, without the flag */
	NLT_SH_OK("ip link set ev2 mtu 1300");
	drain(m, 50);
	ck_assert_uint_eq(find_from(&R, synced, "+link ev2 mtu 1300") > synced, 1);
	ck_assert_int_eq(R.v[find_from(&R, synced, "+link ev2 mtu 1300")].flags, 0);
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

/* A view of the links built only from events, checked for duplicates and
 * gaps as it goes. */
struct view {
	bool present[65536];
	bool synced;
	int dups, gaps;
};

static int view_cb(const struct nlhl_event *ev, void *arg)
{
	struct view *v = arg;

	if (ev->type == NLHL_EVENT_SYNCED)
		v->synced = true;
	if (ev->object != NLHL_OBJ_LINK || ev->ifindex <= 0 || ev->ifindex >= 65536)
		return 0;
	if (ev->type == NLHL_EVENT_NEW) {
		if ((ev->flags & NLHL_EVENT_F_EXISTING) && v->present[ev->ifindex])
			v->dups++;  /* listed twice */
		v->present[ev->ifindex] = true;
	} else if (ev->type == NLHL_EVENT_DEL) {
		if (!v->present[ev->ifindex])
			v->gaps++;  /* deleting what was never reported */
		v->present[ev->ifindex] = false;
	}
	return 0;
}

static volatile int churn_stop;

static void *churn(void *arg)
{
	(void)arg;
	for (int i = 0; !churn_stop; i++) {
		nlt_sh("ip link add ch%d type veth peer name chp%d 2>/dev/null", i % 8, i % 8);
		nlt_sh("ip link del ch%d 2>/dev/null", (i + 4) % 8);
	}
	return NULL;
}

START_TEST(list_existing_concurrent)
{
	enum { N = 12 };
	static struct view views[N];
	nlhl_monitor *m[N];
	struct nlhl_monitor_opts o = { .sz = sizeof(o), .groups = NLHL_MONITOR_LINK,
				       .list_existing = true };
	pthread_t t;
	json_object *links;

	/* a table long enough for the dump to take several datagrams */
	NLT_SH_OK("for i in $(seq 0 149); do echo link add pre$i type veth peer name prp$i; done"
		  " | ip -batch -");
	churn_stop = 0;
	ck_assert_int_eq(pthread_create(&t, NULL, churn, NULL), 0);
	for (int i = 0; i < N; i++) {
		memset(&views[i], 0, sizeof(views[i]));
		NLT_OK(nlhl_monitor_new(NULL, &o, view_cb, &views[i], &m[i]));
		NLT_OK(nlhl_monitor_process(m[i]));  /* lists while links change */
		ck_assert(views[i].synced);
		usleep(20000);
	}
	churn_stop = 1;
	pthread_join(t, NULL);
	for (int i = 0; i < N; i++)
		drain(m[i], 100);

	/* every view equals what ip shows now: nothing missed */
	links = nlt_json("ip -j link show");
	for (int i = 0; i < N; i++) {
		int n = 0;

		ck_assert_msg(views[i].dups == 0, "monitor %d: %d links listed twice", i, views[i].dups);
		ck_assert_msg(views[i].gaps == 0, "monitor %d: %d deletions of unknown links", i,
			      views[i].gaps);
		for (size_t k = 0; k < json_object_array_length(links); k++) {
			int idx = (int)nlt_jint(json_object_array_get_idx(links, k), "ifindex", 0);

			ck_assert_msg(views[i].present[idx], "monitor %d misses ifindex %d", i, idx);
		}
		for (int idx = 0; idx < 65536; idx++)
			n += views[i].present[idx];
		ck_assert_int_eq(n, (int)json_object_array_length(links));
		nlhl_monitor_free(m[i]);
	}
	json_object_put(links);
}
END_TEST

/* ------------------------------------------------------------ overruns */

/* 10k blackhole routes in one batch: a burst of 10k notifications. */
static void route_burst(int first, int n, bool del)
{
	nlhl_batch *b;

	NLT_OK(nlhl_batch_new(NULL, NULL, &b));
	for (int i = first; i < first + n; i++) {
		struct nlhl_route r = { .type = NLHL_RTN_BLACKHOLE };

		r.dst.family = AF_INET;
		r.dst.prefixlen = 32;
		r.dst.addr[0] = 10;
		r.dst.addr[1] = (uint8_t)(i >> 16);
		r.dst.addr[2] = (uint8_t)(i >> 8);
		r.dst.addr[3] = (uint8_t)i;
		NLT_OK(del ? nlhl_batch_route_del(b, &r) : nlhl_batch_route_add(b, &r));
	}
	NLT_OK(nlhl_batch_send(b));
	nlhl_batch_free(b);
}

struct route_view {
	int overruns, synced_after_overrun, resync_events;
	int n;   /* routes of the main table known from events */
};

static int route_view_cb(const struct nlhl_event *ev, void *arg)
{
	struct route_view *v = arg;

	if (ev->type == NLHL_EVENT_OVERRUN)
		v->overruns++;
	if (ev->type == NLHL_EVENT_SYNCED && v->overruns)
		v->synced_after_overrun++;
	if (ev->object != NLHL_OBJ_ROUTE || ev->route->table != 254)
		return 0;
	if (ev->flags & NLHL_EVENT_F_RESYNC)
		v->resync_events++;
	v->n += ev->type == NLHL_EVENT_NEW ? 1 : -1;
	return 0;
}

START_TEST(overrun_reported)
{
	struct route_view v = { 0 };
	struct nlhl_monitor_opts o = { .sz = sizeof(o), .groups = NLHL_MONITOR_ROUTE4,
				       .rcvbuf = 4096 };
	nlhl_monitor *m;

	NLT_OK(nlhl_monitor_new(NULL, &o, route_view_cb, &v, &m));
	route_burst(0, 10000, false);
	drain(m, 50);
	ck_assert_int_ge(v.overruns, 1);
	ck_assert_int_lt(v.n, 10000);  /* events were lost: the overrun said so */
	nlhl_monitor_free(m);
}
END_TEST

START_TEST(overrun_resync)
{
	struct route_view v = { 0 };
	struct nlhl_monitor_opts o = { .sz = sizeof(o), .groups = NLHL_MONITOR_ROUTE4,
				       .rcvbuf = 4096, .resync = true };
	nlhl_monitor *m;
	char *count;

	route_burst(100000, 5, false);   /* there before: the silent baseline */
	NLT_OK(nlhl_monitor_new(NULL, &o, route_view_cb, &v, &m));
	NLT_OK(nlhl_monitor_process(m));
	ck_assert_int_eq(v.n, 0);        /* resync alone reports no listing */
	route_burst(0, 10000, false);
	route_burst(100000, 5, true);    /* and gone during the burst */
	drain(m, 50);
	ck_assert_int_ge(v.overruns, 1);
	ck_assert_int_ge(v.synced_after_overrun, 1);
	ck_assert_int_gt(v.resync_events, 0);
	/* events + resync differences add up to the table ip shows: 10k
	 * NEW, and DEL of the 5 that were there before the monitor */
	count = nlt_output("ip -j route show table main | jq length");
	ck_assert_int_eq(atoi(count), 10000);
	ck_assert_int_eq(v.n, 10000 - 5);
	free(count);
	nlhl_monitor_free(m);
}
END_TEST

/* resync without list_existing: the baseline listing is silent, and a
 * change made between nlhl_monitor_new() and the first process (which the
 * listing's dump also shows) still comes as an event. */
START_TEST(resync_baseline_keeps_events)
{
	struct recorder R = { 0 };
	struct nlhl_monitor_opts o = { .sz = sizeof(o), .groups = NLHL_MONITOR_ROUTE4,
				       .resync = true };
	nlhl_monitor *m;

	NLT_SH_OK("ip route add blackhole 10.77.0.0/16");
	NLT_OK(nlhl_monitor_new(NULL, &o, record_cb, &R, &m));
	NLT_SH_OK("ip route add blackhole 10.78.0.0/16");
	drain(m, 50);
	find_from(&R, 0, "+route 10.78.0.0/16 table 254");
	for (size_t i = 0; i < R.n; i++) {
		ck_assert_msg(!strstr(R.v[i].desc, "10.77.0.0"), "listed: %s", R.v[i].desc);
		ck_assert_msg(strcmp(R.v[i].desc, "synced"), "a silent listing said synced");
	}
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

/* ------------------------------------------------------ loop, stop, misc */

static void *stop_later(void *arg)
{
	usleep(100000);
	nlhl_monitor_stop(arg);
	return NULL;
}

START_TEST(run_stop_from_thread)
{
	struct recorder R = { 0 };
	nlhl_monitor *m = monitor(NLHL_MONITOR_LINK, false, &R);
	pthread_t t;

	ck_assert_int_eq(pthread_create(&t, NULL, stop_later, m), 0);
	NLT_OK(nlhl_monitor_run(m));
	pthread_join(t, NULL);
	/* a stop before run: run returns at once */
	NLT_OK(nlhl_monitor_stop(m));
	NLT_OK(nlhl_monitor_run(m));
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

static nlhl_monitor *sig_mon;

static void on_alarm(int sig)
{
	(void)sig;
	nlhl_monitor_stop(sig_mon);
}

START_TEST(run_stop_from_signal)
{
	struct recorder R = { 0 };
	struct itimerval it = { .it_value = { 0, 100000 } };

	sig_mon = monitor(NLHL_MONITOR_LINK, false, &R);
	signal(SIGALRM, on_alarm);
	setitimer(ITIMER_REAL, &it, NULL);
	NLT_OK(nlhl_monitor_run(sig_mon));
	nlhl_monitor_free(sig_mon);
	free(R.v);
}
END_TEST

/* A callback's error stops the run and is returned. */
START_TEST(run_callback_error)
{
	struct recorder R = { .stop_after = 1 };
	nlhl_monitor *m = monitor(NLHL_MONITOR_LINK, false, &R);

	NLT_SH_OK("ip link add ev0 type veth peer name ev1");
	NLT_ERR(nlhl_monitor_run(m), -ECANCELED);
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

/* After forged datagrams were sent: the kernel's event for a new veth
 * arrives, and nothing of the forgeries (ifindex 4242) came out. */
static void kernel_events_only(nlhl_monitor *m, struct recorder *R)
{
	NLT_SH_OK("ip link add ev0 type veth peer name ev1");
	drain(m, 50);
	find_from(R, 0, "+link ev0");
	for (size_t i = 0; i < R->n; i++)
		ck_assert_int_ne(R->v[i].ifindex, 4242);
}

/* Messages from another process (sender port != 0) are not events. */
START_TEST(foreign_sender_ignored)
{
	struct recorder R = { 0 };
	nlhl_monitor *m = monitor(NLHL_MONITOR_LINK, false, &R);
	struct {
		struct nlmsghdr nlh;
		struct ifinfomsg ifi;
	} forged = { { sizeof(forged), RTM_NEWLINK, 0, 1, 0 }, { .ifi_index = 4242 } };
	int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	int sent = 0;

	ck_assert_int_ge(s, 0);
	/* to every netlink port of this process: one is the monitor's */
	for (int fd = 3; fd < 1024; fd++) {
		struct sockaddr_nl sa;
		socklen_t sl = sizeof(sa);

		if (fd == s || getsockname(fd, (struct sockaddr *)&sa, &sl) < 0 ||
		    sa.nl_family != AF_NETLINK)
			continue;
		sa = (struct sockaddr_nl){ .nl_family = AF_NETLINK, .nl_pid = sa.nl_pid };
		if (sendto(s, &forged, sizeof(forged), 0, (struct sockaddr *)&sa, sizeof(sa)) > 0)
			sent++;
	}
	ck_assert_int_ge(sent, 1);
	kernel_events_only(m, &R);
	close(s);
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

/* A datagram from another process, larger than the monitor's buffer, is
 * dropped before its size is looked at: the buffer does not grow to it
 * (any local process could otherwise make the monitor hold as much as its
 * receive buffer), and the kernel's events still arrive. */
START_TEST(foreign_oversized_no_growth)
{
	struct recorder R = { 0 };
	nlhl_monitor *m = monitor(NLHL_MONITOR_LINK, false, &R);
	nlhl_handle *h = nlhl__monitor_handle(m);
	size_t before = nlhl__handle_buf_size(h);
	int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

	ck_assert_int_ge(s, 0);
	NLT_OK(nlt_rel_forge_big(s, nlt_rel_port(nlhl__handle_fd(h)), 4 * before));
	kernel_events_only(m, &R);
	ck_assert_uint_eq(nlhl__handle_buf_size(h), before);
	close(s);
	nlhl_monitor_free(m);
	free(R.v);
}
END_TEST

/* A monitor on a handle of another netns sees that netns only. */
START_TEST(monitor_other_netns)
{
	struct recorder R = { 0 };
	int peer = nlhl_netns_new(), home = nlhl_netns_current();
	nlhl_handle *h;
	nlhl_monitor *m, *m2;
	struct recorder R2 = { 0 };
	struct nlhl_monitor_opts o = { .sz = sizeof(o), .groups = NLHL_MONITOR_LINK };

	ck_assert_int_ge(peer, 0);
	NLT_OK(nlhl_handle_new_at(peer, &h));
	NLT_OK(nlhl_monitor_new(h, &o, record_cb, &R, &m));
	NLT_OK(nlhl_monitor_new_at(peer, &o, record_cb, &R2, &m2));
	NLT_SH_OK("ip link add here0 type veth peer name here1");
	NLT_OK(nlhl_netns_set(peer));
	NLT_SH_OK("ip link add there0 type veth peer name there1");
	NLT_OK(nlhl_netns_set(home));
	drain(m, 50);
	drain(m2, 50);
	find_from(&R, 0, "+link there0");
	find_from(&R2, 0, "+link there0");
	for (size_t i = 0; i < R.n; i++)
		ck_assert_msg(!strstr(R.v[i].desc, "link here"), "%s", R.v[i].desc);
	nlhl_monitor_free(m);
	nlhl_monitor_free(m2);
	nlhl_handle_free(h);
	close(peer);
	close(home);
	free(R.v);
	free(R2.v);
}
END_TEST

START_TEST(monitor_bad_input)
{
	struct recorder R = { 0 };
	nlhl_monitor *m = NULL;
	struct nlhl_monitor_opts o = { .sz = 0 };
	int fds = nlt_count_fds();

	NLT_ERR(nlhl_monitor_new(NULL, NULL, record_cb, &R, NULL), -EINVAL);
	NLT_ERR(nlhl_monitor_new(NULL, NULL, NULL, &R, &m), -EINVAL);
	NLT_ERR(nlhl_monitor_new(NULL, &o, record_cb, &R, &m), -EINVAL);
	o = (struct nlhl_monitor_opts){ .sz = sizeof(o), .groups = 1u << 30 };
	NLT_ERR(nlhl_monitor_new(NULL, &o, record_cb, &R, &m), -EINVAL);
	NLT_ERRMSG_HAS("unknown groups");
	ck_assert_int_lt(nlhl_monitor_new_at(-1, NULL, record_cb, &R, &m), 0);
	ck_assert_ptr_null(m);
	NLT_ERR(nlhl_monitor_process(NULL), -EINVAL);
	NLT_ERR(nlhl_monitor_run(NULL), -EINVAL);
	ck_assert_int_lt(nlhl_monitor_fd(NULL), 0);
	nlhl_monitor_free(NULL);
	/* an older caller's smaller options struct: the rest reads as zero */
	o = (struct nlhl_monitor_opts){ .sz = offsetof(struct nlhl_monitor_opts, list_existing),
					.groups = NLHL_MONITOR_LINK };
	NLT_OK(nlhl_monitor_new(NULL, &o, record_cb, &R, &m));
	nlhl_monitor_free(m);
	ck_assert_int_eq(nlt_count_fds(), fds);  /* nothing leaks */
}
END_TEST

/* Options of any size: an older caller's 8-byte struct (only sz) is read
 * no further than its end (groups and rcvbuf were read past it: an ASan
 * heap-buffer-overflow); a newer caller's larger struct is taken when the
 * fields this library does not know are zero, refused when they are set. */
START_TEST(monitor_opts_sizes)
{
	struct {
		struct nlhl_monitor_opts o;
		uint64_t newer;
	} big;
	struct recorder R = { 0 };
	size_t *tiny = malloc(sizeof(size_t));
	nlhl_monitor *m = NULL;

	ck_assert_ptr_nonnull(tiny);
	*tiny = sizeof(size_t);
	NLT_OK(nlhl_monitor_new(NULL, (const struct nlhl_monitor_opts *)tiny, record_cb, &R, &m));
	free(tiny);
	NLT_SH_OK("ip link add ev0 type veth peer name ev1");
	drain(m, 50);
	find_from(&R, 0, "+link ev0");  /* all groups, the default */
	nlhl_monitor_free(m);

	memset(&big, 0, sizeof(big));
	big.o.sz = sizeof(big);
	big.o.groups = NLHL_MONITOR_LINK;
	NLT_OK(nlhl_monitor_new(NULL, &big.o, record_cb, &R, &m));
	nlhl_monitor_free(m);
	big.newer = 1;
	m = NULL;
	NLT_ERR(nlhl_monitor_new(NULL, &big.o, record_cb, &R, &m), -EINVAL);
	NLT_ERRMSG_HAS("struct nlhl_monitor_opts");
	ck_assert_ptr_null(m);
	free(R.v);
}
END_TEST

static Suite *monitor_suite(void)
{
	Suite *s = suite_create("monitor");
	TCase *tc = nlt_tcase(s, "events");

	tcase_add_test(tc, events_link);
	tcase_add_test(tc, events_addr);
	tcase_add_test(tc, events_route);
	tcase_add_test(tc, events_neigh);
	tcase_add_test(tc, events_rule);
	tcase_add_test(tc, events_nexthop);
	tcase_add_test(tc, events_qdisc);
	tcase_add_test(tc, events_nsid);
	tc = nlt_tcase(s, "listing");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, list_existing);
	tcase_add_test(tc, list_existing_concurrent);
	tcase_add_test(tc, overrun_reported);
	tcase_add_test(tc, overrun_resync);
	tcase_add_test(tc, resync_baseline_keeps_events);
	tc = nlt_tcase(s, "loop");
	tcase_add_test(tc, run_stop_from_thread);
	tcase_add_test(tc, run_stop_from_signal);
	tcase_add_test(tc, run_callback_error);
	tcase_add_test(tc, foreign_sender_ignored);
	tcase_add_test(tc, foreign_oversized_no_growth);
	tcase_add_test(tc, monitor_other_netns);
	tcase_add_test(tc, monitor_bad_input);
	tcase_add_test(tc, monitor_opts_sizes);
	return s;
}
NLT_SUITE(monitor_suite)
