/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nlhl-link: network devices, as `ip link`.  `show -j` prints ip's fields
 * (ifindex, ifname, link, flags, mtu, qdisc, master, operstate, group,
 * txqlen, link_type, address, ifalias; with -d linkinfo.info_kind and
 * info_slave_kind, promiscuity, min_mtu, max_mtu, num_tx/rx_queues; with -s
 * stats64).
 */
#define _GNU_SOURCE
#include "tool.h"
#include "names.h"

#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* ------------------------------------------------------------ output */

static const char *link_type_name(unsigned short t, char *buf)
{
	switch (t) {
	case 1: return "ether";
	case 772: return "loopback";
	case 768: return "ipip";
	case 776: return "sit";
	case 778: return "gre";
	case 769: return "tunnel6";
	case 823: return "ip6gre";
	case 65534: return "none";
	case 65535: return "void";
	default:
		snprintf(buf, 16, "[%u]", t);
		return buf;
	}
}

static json_object *stats_json(const struct nlhl_link_stats *s)
{
	json_object *o = json_object_new_object(), *rx = json_object_new_object(),
		    *tx = json_object_new_object();

	tool_jint(rx, "bytes", (int64_t)s->rx_bytes);
	tool_jint(rx, "packets", (int64_t)s->rx_packets);
	tool_jint(rx, "errors", (int64_t)s->rx_errors);
	tool_jint(rx, "dropped", (int64_t)s->rx_dropped);
	tool_jint(rx, "over_errors", (int64_t)s->rx_over_errors);
	tool_jint(rx, "multicast", (int64_t)s->multicast);
	tool_jint(tx, "bytes", (int64_t)s->tx_bytes);
	tool_jint(tx, "packets", (int64_t)s->tx_packets);
	tool_jint(tx, "errors", (int64_t)s->tx_errors);
	tool_jint(tx, "dropped", (int64_t)s->tx_dropped);
	tool_jint(tx, "carrier_errors", (int64_t)s->tx_carrier_errors);
	tool_jint(tx, "collisions", (int64_t)s->collisions);
	json_object_object_add(o, "rx", rx);
	json_object_object_add(o, "tx", tx);
	return o;
}

json_object *tool_link_json(struct tool_ctx *c, const struct nlhl_link *l)
{
	const struct nlhl_link_attrs *a = &l->attrs;
	json_object *o = json_object_new_object(), *flags;
	char buf[NLHL_HWADDR_STRLEN];

	tool_jint(o, "ifindex", a->index);
	if (a->parent_index && a->parent_index != a->index) {
		if (a->link_netnsid >= 0) {
			tool_jint(o, "link_index", a->parent_index);
		} else {
			tool_jstr(o, "link", tool_ifname(c, a->parent_index, buf));
		}
	}
	tool_jstr(o, "ifname", a->name);
	flags = names_link_flags(a->flags);
	/* ip's M-DOWN: the link's lower device (a veth's peer) is down. */
	if (a->parent_index && a->parent_index != a->index && a->link_netnsid < 0) {
		const struct nlhl_link *p = tool_link_by_index(c, a->parent_index);

		if (p && !(p->attrs.flags & IFF_UP))
			json_object_array_add(flags, json_object_new_string("M-DOWN"));
	}
	json_object_object_add(o, "flags", flags);
	tool_jint(o, "mtu", a->mtu);
	if (a->qdisc[0])
		tool_jstr(o, "qdisc", a->qdisc);
	if (a->master_index)
		tool_jstr(o, "master", tool_ifname(c, a->master_index, buf));
	tool_jstr(o, "operstate", names_operstate(a->oper_state, buf));
	if (a->group)
		tool_jint(o, "group", a->group);
	else
		tool_jstr(o, "group", "default");
	tool_jint(o, "txqlen", a->txqlen);
	tool_jstr(o, "link_type", link_type_name(a->hw_type, buf));
	if (a->hw_addr.len && nlhl_format_hwaddr(&a->hw_addr, buf, sizeof(buf)) == 0)
		tool_jstr(o, "address", buf);
	if (a->parent_index && a->link_netnsid >= 0)
		tool_jint(o, "link_netnsid", a->link_netnsid);
	if (c->details) {
		json_object *info = json_object_new_object();

		tool_jint(o, "promiscuity", a->promiscuity);
		tool_jint(o, "allmulti", a->allmulti);
		tool_jint(o, "min_mtu", a->min_mtu);
		tool_jint(o, "max_mtu", a->max_mtu);
		if (l->kind[0])
			tool_jstr(info, "info_kind", l->kind);
		if (a->slave_kind[0])
			tool_jstr(info, "info_slave_kind", a->slave_kind);
		if (json_object_object_length(info))
			json_object_object_add(o, "linkinfo", info);
		else
			json_object_put(info);
		tool_jint(o, "num_tx_queues", a->num_tx_queues);
		tool_jint(o, "num_rx_queues", a->num_rx_queues);
		tool_jint(o, "gso_max_size", a->gso_max_size);
		tool_jint(o, "gso_max_segs", a->gso_max_segs);
	}
	if (a->alias[0])
		tool_jstr(o, "ifalias", a->alias);
	if (c->stats)
		json_object_object_add(o, "stats64", stats_json(&a->stats));
	return o;
}

void tool_link_print_text(struct tool_ctx *c, json_object *o)
{
	json_object *v;
	const char *s;
	int64_t n = 0;
	char buf[512];

	tool_jget_int(o, "ifindex", &n);
	printf("%lld: %s", (long long)n, tool_jget_str(o, "ifname"));
	if ((s = tool_jget_str(o, "link")))
		printf("@%s", s);
	else if (tool_jget_int(o, "link_index", &n))
		printf("@if%lld", (long long)n);
	printf(": <%s>", names_join(json_object_object_get(o, "flags"), ",", buf, sizeof(buf)));
	tool_jget_int(o, "mtu", &n);
	printf(" mtu %lld", (long long)n);
	if ((s = tool_jget_str(o, "qdisc")))
		printf(" qdisc %s", s);
	if ((s = tool_jget_str(o, "master")))
		printf(" master %s", s);
	printf(" state %s", tool_jget_str(o, "operstate"));
	if (json_object_object_get_ex(o, "group", &v))
		printf(" group %s", json_object_get_string(v));
	tool_jget_int(o, "txqlen", &n);
	printf(" qlen %lld\n", (long long)n);
	printf("    link/%s", tool_jget_str(o, "link_type"));
	if ((s = tool_jget_str(o, "address")))
		printf(" %s", s);
	if (tool_jget_int(o, "link_netnsid", &n))
		printf(" link-netnsid %lld", (long long)n);
	printf("\n");
	if (json_object_object_get_ex(o, "linkinfo", &v)) {
		if ((s = tool_jget_str(v, "info_kind")))
			printf("    %s\n", s);
		if ((s = tool_jget_str(v, "info_slave_kind")))
			printf("    %s_slave\n", s);
	}
	if ((s = tool_jget_str(o, "ifalias")))
		printf("    alias %s\n", s);
	if (json_object_object_get_ex(o, "stats64", &v)) {
		json_object *rx = json_object_object_get(v, "rx"), *tx = json_object_object_get(v, "tx");

		printf("    RX:  bytes packets errors dropped\n    %s %s %s %s\n",
		       json_object_get_string(json_object_object_get(rx, "bytes")),
		       json_object_get_string(json_object_object_get(rx, "packets")),
		       json_object_get_string(json_object_object_get(rx, "errors")),
		       json_object_get_string(json_object_object_get(rx, "dropped")));
		printf("    TX:  bytes packets errors dropped\n    %s %s %s %s\n",
		       json_object_get_string(json_object_object_get(tx, "bytes")),
		       json_object_get_string(json_object_object_get(tx, "packets")),
		       json_object_get_string(json_object_object_get(tx, "errors")),
		       json_object_get_string(json_object_object_get(tx, "dropped")));
	}
}

/* --------------------------------------------------------------- add */

static int parse_onoff(struct tool_ctx *c, const char *kw, const char *s, nlhl_opt *ret)
{
	if (!strcmp(s, "on") || !strcmp(s, "1")) {
		*ret = NLHL_ON;
		return TOOL_OK;
	}
	if (!strcmp(s, "off") || !strcmp(s, "0")) {
		*ret = NLHL_OFF;
		return TOOL_OK;
	}
	return tool_syntax(c, "%s takes on or off, not \"%s\"", kw, s);
}

/* An int where 0 must be sent as NLHL_ZERO. */
static int parse_zint(struct tool_ctx *c, const char *kw, const char *s, int max, int32_t *ret)
{
	int v;

	if (tool_parse_int(s, 0, max, &v) < 0)
		return tool_syntax(c, "%s \"%s\" is not 0..%d", kw, s, max);
	*ret = v ? v : NLHL_ZERO;
	return TOOL_OK;
}

/* Names of other links given on the add line, resolved after parsing. */
struct add_refs {
	const char *link;      /* "link DEV": parent of vlan/macvlan/... */
	const char *master;
	const char *vxlan_dev;
	const char *netns;
	const char *peer_netns;
};

static int parse_type_args(struct tool_ctx *c, int argc, char **argv, struct nlhl_link *l,
			   struct add_refs *refs)
{
	int r;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		switch (l->type) {
		case NLHL_LINK_VETH:
			if (tool_is(w, "peer"))
				continue;
			if (tool_is(w, "name")) {
				TOOL_NEXT(c, argc, argv);
				if (!tool_valid_ifname(argv[0]))
					return tool_syntax(c, "peer name \"%s\" is not valid", argv[0]);
				strcpy(l->veth.peer_name, argv[0]);
				continue;
			}
			if (tool_is(w, "netns")) {
				TOOL_NEXT(c, argc, argv);
				refs->peer_netns = argv[0];
				continue;
			}
			if (tool_is(w, "address")) {
				TOOL_NEXT(c, argc, argv);
				if (nlhl_parse_hwaddr(argv[0], &l->veth.peer_hw_addr) < 0)
					return tool_syntax(c, "\"%s\" is not a MAC address", argv[0]);
				continue;
			}
			if (tool_is(w, "mtu")) {
				TOOL_NEXT(c, argc, argv);
				if (tool_parse_int(argv[0], 1, 0x7fffffff, &l->veth.peer_mtu) < 0)
					return tool_syntax(c, "peer mtu \"%s\" is not a number", argv[0]);
				continue;
			}
			if (!l->veth.peer_name[0] && tool_valid_ifname(w) && !strchr(w, '=')) {
				strcpy(l->veth.peer_name, w);  /* "peer NAME", iproute2 >= 5.x */
				continue;
			}
			break;
		case NLHL_LINK_BRIDGE:
			if (tool_is(w, "stp_state")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = parse_onoff(c, w, argv[0], &l->bridge.stp)))
					return r;
				continue;
			}
			if (tool_is(w, "vlan_filtering")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = parse_onoff(c, w, argv[0], &l->bridge.vlan_filtering)))
					return r;
				continue;
			}
			if (tool_is(w, "mcast_snooping")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = parse_onoff(c, w, argv[0], &l->bridge.mcast_snooping)))
					return r;
				continue;
			}
			if (tool_is(w, "forward_delay")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = parse_zint(c, w, argv[0], 0x7fffffff, &l->bridge.forward_delay)))
					return r;
				continue;
			}
			if (tool_is(w, "hello_time")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = parse_zint(c, w, argv[0], 0x7fffffff, &l->bridge.hello_time)))
					return r;
				continue;
			}
			if (tool_is(w, "max_age")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = parse_zint(c, w, argv[0], 0x7fffffff, &l->bridge.max_age)))
					return r;
				continue;
			}
			if (tool_is(w, "ageing_time")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = parse_zint(c, w, argv[0], 0x7fffffff, &l->bridge.ageing_time)))
					return r;
				continue;
			}
			if (tool_is(w, "priority")) {
				int v;

				TOOL_NEXT(c, argc, argv);
				if (tool_parse_int(argv[0], 1, 65535, &v) < 0)
					return tool_syntax(c, "priority \"%s\" is not 1..65535", argv[0]);
				l->bridge.priority = (uint16_t)v;
				continue;
			}
			if (tool_is(w, "vlan_default_pvid")) {
				int v;

				TOOL_NEXT(c, argc, argv);
				if (tool_parse_int(argv[0], 1, 4094, &v) < 0)
					return tool_syntax(c, "vlan_default_pvid \"%s\" is not 1..4094", argv[0]);
				l->bridge.vlan_default_pvid = (uint16_t)v;
				continue;
			}
			break;
		case NLHL_LINK_VLAN:
			if (tool_is(w, "id")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = parse_zint(c, "id", argv[0], 4094, &l->vlan.id)))
					return r;
				continue;
			}
			if (tool_is(w, "protocol")) {
				TOOL_NEXT(c, argc, argv);
				if (!strcasecmp(argv[0], "802.1q"))
					l->vlan.protocol = NLHL_VLAN_PROTOCOL_8021Q;
				else if (!strcasecmp(argv[0], "802.1ad"))
					l->vlan.protocol = NLHL_VLAN_PROTOCOL_8021AD;
				else
					return tool_syntax(c, "protocol \"%s\" is not 802.1Q or 802.1ad", argv[0]);
				continue;
			}
			break;
		case NLHL_LINK_MACVLAN:
		case NLHL_LINK_MACVTAP:
			if (tool_is(w, "mode")) {
				TOOL_NEXT(c, argc, argv);
				if (!strcmp(argv[0], "private"))
					l->macvlan.mode = NLHL_MACVLAN_MODE_PRIVATE;
				else if (!strcmp(argv[0], "vepa"))
					l->macvlan.mode = NLHL_MACVLAN_MODE_VEPA;
				else if (!strcmp(argv[0], "bridge"))
					l->macvlan.mode = NLHL_MACVLAN_MODE_BRIDGE;
				else if (!strcmp(argv[0], "passthru"))
					l->macvlan.mode = NLHL_MACVLAN_MODE_PASSTHRU;
				else if (!strcmp(argv[0], "source"))
					l->macvlan.mode = NLHL_MACVLAN_MODE_SOURCE;
				else
					return tool_syntax(c, "macvlan mode \"%s\" is unknown", argv[0]);
				continue;
			}
			break;
		case NLHL_LINK_IPVLAN:
		case NLHL_LINK_IPVTAP:
			if (tool_is(w, "mode")) {
				TOOL_NEXT(c, argc, argv);
				if (!strcmp(argv[0], "l2"))
					l->ipvlan.mode = NLHL_IPVLAN_MODE_L2;
				else if (!strcmp(argv[0], "l3"))
					l->ipvlan.mode = NLHL_IPVLAN_MODE_L3;
				else if (!strcmp(argv[0], "l3s"))
					l->ipvlan.mode = NLHL_IPVLAN_MODE_L3S;
				else
					return tool_syntax(c, "ipvlan mode \"%s\" is unknown", argv[0]);
				continue;
			}
			if (tool_is(w, "bridge") || tool_is(w, "private") || tool_is(w, "vepa")) {
				l->ipvlan.flag = tool_is(w, "bridge") ? NLHL_IPVLAN_FLAG_BRIDGE :
						 tool_is(w, "private") ? NLHL_IPVLAN_FLAG_PRIVATE :
						 NLHL_IPVLAN_FLAG_VEPA;
				continue;
			}
			break;
		case NLHL_LINK_VXLAN:
			if (tool_is(w, "id") || tool_is(w, "vni")) {
				TOOL_NEXT(c, argc, argv);
				if (tool_parse_u32(argv[0], &l->vxlan.vni) < 0 || l->vxlan.vni > 0xffffff)
					return tool_syntax(c, "vni \"%s\" is not 0..16777215", argv[0]);
				continue;
			}
			if (tool_is(w, "remote") || tool_is(w, "group")) {
				TOOL_NEXT(c, argc, argv);
				if (nlhl_parse_ip(argv[0], &l->vxlan.group) < 0)
					return tool_syntax(c, "%s \"%s\" is not an address", w, argv[0]);
				continue;
			}
			if (tool_is(w, "local")) {
				TOOL_NEXT(c, argc, argv);
				if (nlhl_parse_ip(argv[0], &l->vxlan.local) < 0)
					return tool_syntax(c, "local \"%s\" is not an address", argv[0]);
				continue;
			}
			if (tool_is(w, "dstport") || tool_is(w, "port")) {
				int v;

				TOOL_NEXT(c, argc, argv);
				if (tool_parse_int(argv[0], 1, 65535, &v) < 0)
					return tool_syntax(c, "dstport \"%s\" is not 1..65535", argv[0]);
				l->vxlan.port = (uint16_t)v;
				continue;
			}
			if (tool_is(w, "dev")) {
				TOOL_NEXT(c, argc, argv);
				refs->vxlan_dev = argv[0];
				continue;
			}
			if (tool_is(w, "ttl") || tool_is(w, "hoplimit")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = parse_zint(c, "ttl", argv[0], 255, &l->vxlan.ttl)))
					return r;
				continue;
			}
			if (tool_is(w, "learning") || tool_is(w, "nolearning")) {
				l->vxlan.learning = w[0] == 'n' ? NLHL_OFF : NLHL_ON;
				continue;
			}
			if (tool_is(w, "external") || tool_is(w, "noexternal")) {
				l->vxlan.flow_based = w[0] == 'n' ? NLHL_OFF : NLHL_ON;
				continue;
			}
			break;
		case NLHL_LINK_GENEVE:
			if (tool_is(w, "id") || tool_is(w, "vni")) {
				TOOL_NEXT(c, argc, argv);
				if (tool_parse_u32(argv[0], &l->geneve.id) < 0 || l->geneve.id > 0xffffff)
					return tool_syntax(c, "vni \"%s\" is not 0..16777215", argv[0]);
				continue;
			}
			if (tool_is(w, "remote")) {
				TOOL_NEXT(c, argc, argv);
				if (nlhl_parse_ip(argv[0], &l->geneve.remote) < 0)
					return tool_syntax(c, "remote \"%s\" is not an address", argv[0]);
				continue;
			}
			if (tool_is(w, "dstport")) {
				int v;

				TOOL_NEXT(c, argc, argv);
				if (tool_parse_int(argv[0], 1, 65535, &v) < 0)
					return tool_syntax(c, "dstport \"%s\" is not 1..65535", argv[0]);
				l->geneve.port = (uint16_t)v;
				continue;
			}
			break;
		case NLHL_LINK_BOND:
			if (tool_is(w, "mode")) {
				static const char *const modes[] = { "balance-rr", "active-backup",
					"balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb" };
				size_t i;

				TOOL_NEXT(c, argc, argv);
				for (i = 0; i < 7 && strcmp(argv[0], modes[i]); i++)
					;
				if (i == 7)
					return tool_syntax(c, "bond mode \"%s\" is unknown", argv[0]);
				l->bond.mode = (enum nlhl_bond_mode)(i + 1);
				continue;
			}
			if (tool_is(w, "miimon")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = parse_zint(c, "miimon", argv[0], 0x7fffffff, &l->bond.miimon)))
					return r;
				continue;
			}
			break;
		case NLHL_LINK_VRF:
			if (tool_is(w, "table")) {
				TOOL_NEXT(c, argc, argv);
				if (names_table_parse(argv[0], &l->vrf.table) < 0 || !l->vrf.table)
					return tool_syntax(c, "table \"%s\" is not a table", argv[0]);
				continue;
			}
			break;
		case NLHL_LINK_GRE:
		case NLHL_LINK_GRETAP:
		case NLHL_LINK_IP6GRE:
		case NLHL_LINK_IP6GRETAP:
			if (tool_is(w, "local") || tool_is(w, "remote")) {
				TOOL_NEXT(c, argc, argv);
				if (nlhl_parse_ip(argv[0], w[0] == 'l' ? &l->gre.local : &l->gre.remote) < 0)
					return tool_syntax(c, "%s \"%s\" is not an address", w, argv[0]);
				continue;
			}
			if (tool_is(w, "ttl")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = parse_zint(c, "ttl", argv[0], 255, &l->gre.ttl)))
					return r;
				continue;
			}
			if (tool_is(w, "key")) {
				TOOL_NEXT(c, argc, argv);
				if (tool_parse_u32(argv[0], &l->gre.ikey) < 0)
					return tool_syntax(c, "key \"%s\" is not a number", argv[0]);
				l->gre.okey = l->gre.ikey;
				l->gre.iflags |= 0x2000;  /* GRE_KEY */
				l->gre.oflags |= 0x2000;
				continue;
			}
			break;
		case NLHL_LINK_IPIP:
		case NLHL_LINK_SIT:
		case NLHL_LINK_IP6TNL:
			if (tool_is(w, "local") || tool_is(w, "remote")) {
				TOOL_NEXT(c, argc, argv);
				if (nlhl_parse_ip(argv[0], w[0] == 'l' ? &l->iptun.local : &l->iptun.remote) < 0)
					return tool_syntax(c, "%s \"%s\" is not an address", w, argv[0]);
				continue;
			}
			if (tool_is(w, "ttl")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = parse_zint(c, "ttl", argv[0], 255, &l->iptun.ttl)))
					return r;
				continue;
			}
			break;
		default:
			break;
		}
		return tool_syntax(c, "\"%s\" is not an option of type %s", w, l->kind);
	}
	if (l->type == NLHL_LINK_VETH && !l->veth.peer_name[0])
		return tool_syntax(c, "a veth needs \"peer name NAME\"");
	if (l->type == NLHL_LINK_VRF && !l->vrf.table)
		return tool_syntax(c, "a vrf needs \"table ID\"");
	if (l->type == NLHL_LINK_VLAN && !l->vlan.id)
		return tool_syntax(c, "a vlan needs \"id ID\"");
	return TOOL_OK;
}

static enum nlhl_link_type type_of_kind(const char *kind)
{
	for (int t = NLHL_LINK_VETH; t < NLHL_LINK_TYPE_COUNT; t++) {
		const char *k = nlhl_link_type_kind((enum nlhl_link_type)t);

		if (k && !strcmp(k, kind))
			return (enum nlhl_link_type)t;
	}
	return NLHL_LINK_UNSPEC;
}

/* Opens -n style netns words given inside a command ("netns NS"). */
static int open_ns(struct tool_ctx *c, const char *arg, int *ret)
{
	int fd = tool_netns_open(arg);

	if (fd < 0)
		return tool_error(c, "cannot open network namespace \"%s\": %s", arg, nlhl_errmsg());
	*ret = fd;
	return TOOL_OK;
}

static int do_add(struct tool_ctx *c, int argc, char **argv)
{
	struct nlhl_link l;
	struct add_refs refs = { 0 };
	struct nlhl_link other;
	int ns = -1, peer_ns = -1, r;
	bool up = false;

	memset(&l, 0, sizeof(l));
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "type")) {
			TOOL_NEXT(c, argc, argv);
			if (strlen(argv[0]) >= sizeof(l.kind))
				return tool_syntax(c, "type \"%s\" is too long", argv[0]);
			strcpy(l.kind, argv[0]);
			l.type = type_of_kind(argv[0]);
			/* ip tuntap's two modes, as persistent devices. */
			if (!strcmp(argv[0], "tun") || !strcmp(argv[0], "tap")) {
				l.type = NLHL_LINK_TUNTAP;
				l.tuntap.mode = argv[0][2] == 'n' ? NLHL_TUNTAP_MODE_TUN :
								   NLHL_TUNTAP_MODE_TAP;
				l.tuntap.persist = NLHL_ON;
				strcpy(l.kind, "tun");
			}
			r = parse_type_args(c, argc - 1, argv + 1, &l, &refs);
			if (r)
				return r;
			break;
		} else if (tool_is(w, "name") || tool_is(w, "dev")) {
			TOOL_NEXT(c, argc, argv);
			if (!tool_valid_ifname(argv[0]))
				return tool_syntax(c, "\"%s\" is not a valid interface name", argv[0]);
			strcpy(l.attrs.name, argv[0]);
		} else if (tool_is(w, "link")) {
			TOOL_NEXT(c, argc, argv);
			refs.link = argv[0];
		} else if (tool_is(w, "mtu")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_int(argv[0], 1, 0x7fffffff, &l.attrs.mtu) < 0)
				return tool_syntax(c, "mtu \"%s\" is not a number", argv[0]);
		} else if (tool_matches(w, "txqueuelen") || tool_is(w, "qlen") || tool_is(w, "txqlen")) {
			int v;

			TOOL_NEXT(c, argc, argv);
			if (tool_parse_int(argv[0], 0, 0x7fffffff, &v) < 0)
				return tool_syntax(c, "txqueuelen \"%s\" is not a number", argv[0]);
			l.attrs.txqlen = v ? v : NLHL_ZERO;
		} else if (tool_is(w, "address")) {
			TOOL_NEXT(c, argc, argv);
			if (nlhl_parse_hwaddr(argv[0], &l.attrs.hw_addr) < 0)
				return tool_syntax(c, "\"%s\" is not a link-layer address", argv[0]);
		} else if (tool_is(w, "numtxqueues") || tool_is(w, "numrxqueues")) {
			uint32_t v;

			TOOL_NEXT(c, argc, argv);
			if (tool_parse_u32(argv[0], &v) < 0 || !v)
				return tool_syntax(c, "%s \"%s\" is not a positive number", w, argv[0]);
			if (w[3] == 't')
				l.attrs.num_tx_queues = v;
			else
				l.attrs.num_rx_queues = v;
		} else if (tool_is(w, "netns")) {
			TOOL_NEXT(c, argc, argv);
			refs.netns = argv[0];
		} else if (tool_is(w, "master")) {
			TOOL_NEXT(c, argc, argv);
			refs.master = argv[0];
		} else if (tool_is(w, "alias")) {
			TOOL_NEXT(c, argc, argv);
			if (strlen(argv[0]) >= sizeof(l.attrs.alias))
				return tool_syntax(c, "alias is too long");
			strcpy(l.attrs.alias, argv[0]);
		} else if (tool_is(w, "group")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_u32(argv[0], &l.attrs.group) < 0)
				return tool_syntax(c, "group \"%s\" is not a number", argv[0]);
		} else if (tool_is(w, "up")) {
			up = true;
		} else if (!l.attrs.name[0] && tool_valid_ifname(w)) {
			strcpy(l.attrs.name, w);
		} else {
			return tool_syntax(c, "\"%s\" is unexpected", w);
		}
	}
	if (!l.kind[0])
		return tool_syntax(c, "\"type TYPE\" is needed");
	if (!l.attrs.name[0])
		return tool_syntax(c, "a name is needed");
	if ((refs.link && !tool_valid_ifname(refs.link)) ||
	    (refs.master && !tool_valid_ifname(refs.master)) ||
	    (refs.vxlan_dev && !tool_valid_ifname(refs.vxlan_dev)))
		return tool_syntax(c, "an interface name is not valid");

	/* The line is valid: resolve names (reads only), then create. */
	if (refs.link) {
		if ((r = tool_dev(c, refs.link, &other)))
			return r;
		l.attrs.parent_index = other.attrs.index;
	}
	if (refs.master) {
		if ((r = tool_dev(c, refs.master, &other)))
			return r;
		l.attrs.master_index = other.attrs.index;
	}
	if (refs.vxlan_dev) {
		if ((r = tool_dev(c, refs.vxlan_dev, &other)))
			return r;
		l.vxlan.vtep_index = other.attrs.index;
	}
	if (refs.netns && (r = open_ns(c, refs.netns, &ns)))
		return r;
	if (refs.peer_netns && (r = open_ns(c, refs.peer_netns, &peer_ns))) {
		if (ns >= 0)
			close(ns);
		return r;
	}
	if (ns >= 0)
		l.attrs.netns_fd = ns;
	if (peer_ns >= 0)
		l.veth.peer_netns_fd = peer_ns;
	if (up)
		l.attrs.flags |= IFF_UP;
	r = nlhl_link_add(c->h, &l) < 0 ? tool_fail(c) : TOOL_OK;
	if (ns >= 0)
		close(ns);
	if (peer_ns >= 0)
		close(peer_ns);
	return r;
}

/* ----------------------------------------------------------- del/set */

/* "DEV" or "dev DEV" as the first words; returns words consumed or -1. */
static int take_dev(struct tool_ctx *c, int argc, char **argv, const char **dev)
{
	if (argc >= 2 && tool_is(argv[0], "dev")) {
		*dev = argv[1];
		return 2;
	}
	if (argc >= 1 && strcmp(argv[0], "dev")) {
		*dev = argv[0];
		return 1;
	}
	return -1;
}

static int do_del(struct tool_ctx *c, int argc, char **argv)
{
	const char *dev = NULL;
	struct nlhl_link l;
	int n = take_dev(c, argc, argv, &dev), r;

	if (n < 0)
		return tool_syntax(c, "delete needs a device");
	argc -= n;
	argv += n;
	/* ip accepts and ignores "type TYPE" here. */
	if (argc == 2 && tool_is(argv[0], "type"))
		argc = 0;
	if (argc > 0)
		return tool_syntax(c, "\"%s\" is unexpected", argv[0]);
	if ((r = tool_dev(c, dev, &l)))
		return r;
	return nlhl_link_del(c->h, &l) < 0 ? tool_fail(c) : TOOL_OK;
}

struct set_args {
	int up;                 /* 1 up, -1 down, 0 unchanged */
	int mtu, txqlen;
	bool has_txqlen;
	const char *name, *alias, *master, *netns;
	bool nomaster, has_group;
	uint32_t group;
	struct nlhl_hwaddr hw;
	nlhl_opt arp, multicast, allmulticast, promisc;
};

static int do_set(struct tool_ctx *c, int argc, char **argv)
{
	struct set_args s = { 0 };
	const char *dev = NULL;
	struct nlhl_link l, m;
	int n = take_dev(c, argc, argv, &dev), r = 0, ns = -1;

	if (n < 0)
		return tool_syntax(c, "set needs a device");
	argc -= n;
	argv += n;
	if (!tool_valid_ifname(dev))
		return tool_syntax(c, "\"%s\" is not a valid interface name", dev);
	if (argc == 0)
		return tool_syntax(c, "set %s: nothing to change", dev);
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "up")) {
			s.up = 1;
		} else if (tool_is(w, "down")) {
			s.up = -1;
		} else if (tool_is(w, "mtu")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_int(argv[0], 1, 0x7fffffff, &s.mtu) < 0)
				return tool_syntax(c, "mtu \"%s\" is not a number", argv[0]);
		} else if (tool_matches(w, "txqueuelen") || tool_is(w, "qlen") || tool_is(w, "txqlen")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_int(argv[0], 0, 0x7fffffff, &s.txqlen) < 0)
				return tool_syntax(c, "txqueuelen \"%s\" is not a number", argv[0]);
			s.has_txqlen = true;
		} else if (tool_is(w, "name")) {
			TOOL_NEXT(c, argc, argv);
			if (!tool_valid_ifname(argv[0]))
				return tool_syntax(c, "\"%s\" is not a valid interface name", argv[0]);
			s.name = argv[0];
		} else if (tool_is(w, "alias")) {
			TOOL_NEXT(c, argc, argv);
			if (strlen(argv[0]) >= NLHL_IFALIASZ)
				return tool_syntax(c, "alias is too long");
			s.alias = argv[0];
		} else if (tool_is(w, "address")) {
			TOOL_NEXT(c, argc, argv);
			if (nlhl_parse_hwaddr(argv[0], &s.hw) < 0)
				return tool_syntax(c, "\"%s\" is not a link-layer address", argv[0]);
		} else if (tool_is(w, "master")) {
			TOOL_NEXT(c, argc, argv);
			if (!tool_valid_ifname(argv[0]))
				return tool_syntax(c, "\"%s\" is not a valid interface name", argv[0]);
			s.master = argv[0];
		} else if (tool_is(w, "nomaster")) {
			s.nomaster = true;
		} else if (tool_is(w, "netns")) {
			TOOL_NEXT(c, argc, argv);
			s.netns = argv[0];
		} else if (tool_is(w, "group")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_u32(argv[0], &s.group) < 0)
				return tool_syntax(c, "group \"%s\" is not a number", argv[0]);
			s.has_group = true;
		} else if (tool_is(w, "arp") || tool_is(w, "multicast") ||
			   tool_is(w, "allmulticast") || tool_is(w, "promisc")) {
			nlhl_opt *o = w[0] == 'a' && w[1] == 'r' ? &s.arp : w[0] == 'm' ? &s.multicast :
				      w[0] == 'a' ? &s.allmulticast : &s.promisc;

			TOOL_NEXT(c, argc, argv);
			if ((r = parse_onoff(c, w, argv[0], o)))
				return r;
		} else {
			return tool_syntax(c, "\"%s\" is not a setting of a link", w);
		}
	}
	if (s.master && s.nomaster)
		return tool_syntax(c, "master and nomaster together");

	if ((r = tool_dev(c, dev, &l)))
		return r;
	if (s.master && (r = tool_dev(c, s.master, &m)))
		return r;
	if (s.netns && (r = open_ns(c, s.netns, &ns)))
		return r;
	/* Index-addressed from here on, so a rename does not lose it. */
	l.attrs.name[0] = '\0';
	if (s.mtu && nlhl_link_set_mtu(c->h, &l, s.mtu) < 0)
		goto fail;
	if (s.has_txqlen && nlhl_link_set_txqlen(c->h, &l, s.txqlen) < 0)
		goto fail;
	if (s.hw.len && nlhl_link_set_hardware_addr(c->h, &l, &s.hw) < 0)
		goto fail;
	if (s.alias && nlhl_link_set_alias(c->h, &l, s.alias) < 0)
		goto fail;
	if (s.has_group && nlhl_link_set_group(c->h, &l, s.group) < 0)
		goto fail;
	if (s.master && nlhl_link_set_master(c->h, &l, &m) < 0)
		goto fail;
	if (s.nomaster && nlhl_link_set_no_master(c->h, &l) < 0)
		goto fail;
	if (s.arp && (s.arp == NLHL_ON ? nlhl_link_set_arp_on(c->h, &l) :
					 nlhl_link_set_arp_off(c->h, &l)) < 0)
		goto fail;
	if (s.multicast && (s.multicast == NLHL_ON ? nlhl_link_set_multicast_on(c->h, &l) :
						     nlhl_link_set_multicast_off(c->h, &l)) < 0)
		goto fail;
	if (s.allmulticast && (s.allmulticast == NLHL_ON ? nlhl_link_set_allmulticast_on(c->h, &l) :
							   nlhl_link_set_allmulticast_off(c->h, &l)) < 0)
		goto fail;
	if (s.promisc && (s.promisc == NLHL_ON ? nlhl_link_set_promisc_on(c->h, &l) :
						 nlhl_link_set_promisc_off(c->h, &l)) < 0)
		goto fail;
	/* Down before a rename and up after it: kernels before 6.2 refuse to
	 * rename a link that is up (-EBUSY). */
	if (s.up < 0 && nlhl_link_set_down(c->h, &l) < 0)
		goto fail;
	if (s.name && nlhl_link_set_name(c->h, &l, s.name) < 0)
		goto fail;
	if (s.up > 0 && nlhl_link_set_up(c->h, &l) < 0)
		goto fail;
	if (ns >= 0 && nlhl_link_set_ns_fd(c->h, &l, ns) < 0)
		goto fail;
	if (ns >= 0)
		close(ns);
	return TOOL_OK;
fail:
	r = tool_fail(c);
	if (ns >= 0)
		close(ns);
	return r;
}

/* -------------------------------------------------------------- show */

static int do_show(struct tool_ctx *c, int argc, char **argv)
{
	const char *dev = NULL, *kind = NULL, *master = NULL;
	bool up = false, nomaster = false;
	struct nlhl_link one, m;
	int r;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "dev")) {
			TOOL_NEXT(c, argc, argv);
			dev = argv[0];
		} else if (tool_is(w, "up")) {
			up = true;
		} else if (tool_is(w, "type")) {
			TOOL_NEXT(c, argc, argv);
			kind = argv[0];
		} else if (tool_is(w, "master")) {
			TOOL_NEXT(c, argc, argv);
			master = argv[0];
		} else if (tool_is(w, "nomaster")) {
			nomaster = true;
		} else if (!dev) {
			dev = w;
		} else {
			return tool_syntax(c, "\"%s\" is unexpected", w);
		}
	}
	if ((dev && !tool_valid_ifname(dev)) || (master && !tool_valid_ifname(master)))
		return tool_syntax(c, "an interface name is not valid");
	if (master && (r = tool_dev(c, master, &m)))
		return r;
	if (dev) {
		if ((r = tool_dev(c, dev, &one)))
			return r;
		tool_emit(c, tool_link_json(c, &one), tool_link_print_text);
		return TOOL_OK;
	}
	if (tool_links_load(c) < 0)
		return tool_fail(c);
	for (size_t i = 0; i < c->n_links; i++) {
		const struct nlhl_link *l = &c->links[i];

		if (up && !(l->attrs.flags & IFF_UP))
			continue;
		if (kind && strcmp(kind, l->kind))
			continue;
		if (master && l->attrs.master_index != m.attrs.index)
			continue;
		if (nomaster && l->attrs.master_index)
			continue;
		tool_emit(c, tool_link_json(c, l), tool_link_print_text);
	}
	return TOOL_OK;
}

static const struct tool_cmd link_cmds[] = {
	{ "show", do_show, true, false },
	{ "add", do_add, false, false },
	{ "delete", do_del, false, false },
	{ "set", do_set, false, false },
	{ "change", do_set, false, false },
	{ "list", do_show, true, false },
	{ "lst", do_show, true, false },
	{ NULL, NULL, false, false },
};

const struct tool_object tool_obj_link = {
	.name = "link",
	.usage = "  add [link DEV] [name] NAME [address LLADDR] [mtu MTU] [txqueuelen N]\n"
		 "      [numtxqueues N] [numrxqueues N] [netns NETNS] [master DEV] [alias TEXT]\n"
		 "      [group N] [up] type TYPE [ARGS]\n"
		 "  delete { DEV | dev DEV }\n"
		 "  set { DEV | dev DEV } [up | down] [mtu MTU] [txqueuelen N] [name NEWNAME]\n"
		 "      [address LLADDR] [alias TEXT] [group N] [master DEV | nomaster]\n"
		 "      [netns NETNS] [arp on|off] [multicast on|off] [allmulticast on|off]\n"
		 "      [promisc on|off]\n"
		 "  show [[dev] DEV] [up] [type TYPE] [master DEV] [nomaster]\n"
		 "TYPE [ARGS] := veth peer [name] NAME [address LLADDR] [mtu N] [netns NETNS]\n"
		 "  | bridge [stp_state on|off] [vlan_filtering on|off] [forward_delay CS]\n"
		 "           [hello_time CS] [max_age CS] [ageing_time CS] [priority N]\n"
		 "  | vlan id ID [protocol 802.1Q|802.1ad]     (with link DEV)\n"
		 "  | macvlan|macvtap [mode private|vepa|bridge|passthru|source]  (with link DEV)\n"
		 "  | ipvlan|ipvtap [mode l2|l3|l3s] [bridge|private|vepa]        (with link DEV)\n"
		 "  | vxlan id VNI [remote|group ADDR] [local ADDR] [dstport PORT] [dev DEV]\n"
		 "          [ttl N] [[no]learning] [[no]external]\n"
		 "  | geneve id VNI remote ADDR [dstport PORT]\n"
		 "  | bond [mode MODE] [miimon MS]   | vrf table ID\n"
		 "  | gre|gretap|ip6gre|ip6gretap [local ADDR] [remote ADDR] [ttl N] [key N]\n"
		 "  | ipip|sit|ip6tnl [local ADDR] [remote ADDR] [ttl N]\n"
		 "  | dummy | ifb | wireguard | KIND (any other kernel kind, without options)\n"
		 "NETNS := NAME | PATH | PID",
	.cmds = link_cmds,
};
