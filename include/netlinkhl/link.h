/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Links (network interfaces): the calls of vishvananda/netlink's Link* API.
 *
 *     struct nlhl_link l = { .type = NLHL_LINK_VETH };
 *     strcpy(l.attrs.name, "veth0");
 *     strcpy(l.veth.peer_name, "veth1");
 *     if (nlhl_link_add(h, &l) == 0)       // l.attrs.index is now set
 *             nlhl_link_set_up(h, &l);
 *
 * Conventions of this header:
 *  - Every struct is plain and zero-initialisable; a zero field means
 *    "unset: leave it to the kernel" when sent, and "absent" when read back.
 *  - Boolean options that must be able to say "off" are nlhl_opt
 *    (int8_t): 0 = unset, NLHL_ON (1), NLHL_OFF (-1).  Read back as
 *    NLHL_ON/NLHL_OFF when the kernel reports them.
 *  - Integer options where 0 is a meaningful value document NLHL_ZERO: set
 *    the field to NLHL_ZERO (-1) to send an explicit 0.  They read back as
 *    the plain kernel value (0 reads back as 0).
 *  - Enumerations whose kernel value 0 is meaningful (bond mode balance-rr,
 *    ipvlan mode l2, ...) are shifted by one here, so that 0 stays "unset".
 *  - A link is identified by attrs.index when it is non-zero, else by
 *    attrs.name.  A struct nlhl_link holds no heap memory (tun/tap queue
 *    fds returned by nlhl_link_add are the caller's to close).
 *  - Calls taking a link never modify it, except nlhl_link_add, which
 *    writes attrs.index (and veth.peer_index, tuntap.fds).
 */
#ifndef NETLINKHL_LINK_H
#define NETLINKHL_LINK_H

#include <netlinkhl/common.h>
#include <netlinkhl/handle.h>
#include <netlinkhl/parse.h>

#include <stdbool.h>

NLHL_BEGIN_DECLS

/* IFNAMSIZ of <net/if.h>: names are at most 15 bytes + NUL. */
#define NLHL_IFNAMSIZ 16
/* Alternative names: at most 127 bytes + NUL (ALTIFNAMSIZ). */
#define NLHL_ALTIFNAMSIZ 128
/* IFALIASZ: aliases are at most 255 bytes + NUL. */
#define NLHL_IFALIASZ 256
/* Kind strings ("veth", "bridge", "vxlan", ...). */
#define NLHL_KINDSIZ 32

typedef int8_t nlhl_opt;
#define NLHL_ON 1
#define NLHL_OFF (-1)
#define NLHL_ZERO (-1)

enum nlhl_link_type {
	NLHL_LINK_UNSPEC = 0,  /* add: use kind[] as given, no type data */
	NLHL_LINK_DEVICE,      /* read back: a device without a kind (lo, NICs) */
	NLHL_LINK_GENERIC,     /* read back: a kind this library has no type for */
	NLHL_LINK_VETH,
	NLHL_LINK_BRIDGE,
	NLHL_LINK_VLAN,
	NLHL_LINK_MACVLAN,
	NLHL_LINK_MACVTAP,
	NLHL_LINK_IPVLAN,
	NLHL_LINK_IPVTAP,
	NLHL_LINK_VXLAN,
	NLHL_LINK_GENEVE,
	NLHL_LINK_BOND,
	NLHL_LINK_DUMMY,
	NLHL_LINK_IFB,
	NLHL_LINK_TUNTAP,      /* kind "tun" */
	NLHL_LINK_GRE,         /* kind "gre" */
	NLHL_LINK_GRETAP,      /* kind "gretap" */
	NLHL_LINK_IP6GRE,      /* kind "ip6gre" */
	NLHL_LINK_IP6GRETAP,   /* kind "ip6gretap" */
	NLHL_LINK_IPIP,
	NLHL_LINK_SIT,
	NLHL_LINK_IP6TNL,
	NLHL_LINK_VTI,         /* kind "vti" */
	NLHL_LINK_VTI6,        /* kind "vti6" */
	NLHL_LINK_VRF,
	NLHL_LINK_WIREGUARD,
	NLHL_LINK_NETKIT,
	NLHL_LINK_TYPE_COUNT
};

/* Operational state (RFC 2863, IF_OPER_* of <linux/if.h>). */
enum nlhl_oper_state {
	NLHL_OPER_UNKNOWN = 0,
	NLHL_OPER_NOTPRESENT = 1,
	NLHL_OPER_DOWN = 2,
	NLHL_OPER_LOWERLAYERDOWN = 3,
	NLHL_OPER_TESTING = 4,
	NLHL_OPER_DORMANT = 5,
	NLHL_OPER_UP = 6
};

/* 64-bit counters (struct rtnl_link_stats64). */
struct nlhl_link_stats {
	uint64_t rx_packets, tx_packets, rx_bytes, tx_bytes;
	uint64_t rx_errors, tx_errors, rx_dropped, tx_dropped;
	uint64_t multicast, collisions;
	uint64_t rx_length_errors, rx_over_errors, rx_crc_errors;
	uint64_t rx_frame_errors, rx_fifo_errors, rx_missed_errors;
	uint64_t tx_aborted_errors, tx_carrier_errors, tx_fifo_errors;
	uint64_t tx_heartbeat_errors, tx_window_errors;
	uint64_t rx_compressed, tx_compressed, rx_nohandler;
};

/* XDP state read back (IFLA_XDP); attach with nlhl_link_set_xdp_fd*. */
struct nlhl_link_xdp {
	bool attached;
	uint8_t attach_mode;  /* XDP_ATTACHED_DRV/SKB/HW/MULTI */
	uint32_t prog_id;
	uint32_t flags;       /* IFLA_XDP_FLAGS, when reported */
};

/* Bridge port options (IFLA_BRPORT_*): read back in attrs.slave.brport of
 * a bridge port; set with nlhl_link_set_brport() or the Go-named setters. */
struct nlhl_bridge_port {
	nlhl_opt hairpin, guard, fast_leave, learning, flood, root_block;
	nlhl_opt proxy_arp, isolated, neigh_suppress, mcast_flood, bcast_flood;
	uint32_t cost;        /* path cost, 0 = unset */
	int32_t priority;     /* 0..63; NLHL_ZERO sends 0 */
	uint8_t state;        /* read back: BR_STATE_* */
};

/* Bond slave state read back in attrs.slave.bond of a bond slave. */
struct nlhl_bond_slave {
	uint8_t state;         /* BOND_STATE_ACTIVE 0 / BACKUP 1 */
	uint8_t mii_status;    /* BOND_LINK_UP 0 ... */
	uint32_t link_failure_count;
	struct nlhl_hwaddr perm_hw_addr;
	uint16_t queue_id;
	uint16_t aggregator_id;
};

/* Common attributes of every link (Go: LinkAttrs). */
struct nlhl_link_attrs {
	int index;                   /* 0: unset; set by nlhl_link_add */
	char name[NLHL_IFNAMSIZ];
	int mtu;                     /* 0: kernel default */
	int txqlen;                  /* 0: kernel default; NLHL_ZERO sends 0 */
	struct nlhl_hwaddr hw_addr;  /* len 0: kernel chooses */
	unsigned int flags;          /* IFF_* of <net/if.h>; add: IFF_UP brings it up */
	int master_index;            /* bridge/bond/vrf this link is enslaved to */
	int parent_index;            /* IFLA_LINK: lower device (vlan, macvlan,
	                                ...), a veth's peer */
	char alias[NLHL_IFALIASZ];
	enum nlhl_oper_state oper_state;  /* read back */
	int netns_fd;                /* add: create the link in this netns (0: the
	                                handle's own); not read back */
	uint32_t group;
	int link_netnsid;            /* read back: netnsid of parent_index's netns,
	                                -1 when in the same netns */
	uint32_t num_tx_queues, num_rx_queues;  /* 0: kernel default */
	uint32_t gso_max_size, gso_max_segs, gro_max_size;  /* 0: default */
	uint32_t gso_ipv4_max_size, gro_ipv4_max_size;      /* kernel >= 6.3 */
	uint32_t tso_max_size, tso_max_segs;                /* read back */
	uint32_t min_mtu, max_mtu;                          /* read back */
	uint32_t promiscuity, allmulti;                     /* read back counts */
	uint32_t carrier, carrier_changes;                  /* read back */
	char qdisc[NLHL_KINDSIZ];                           /* read back */
	struct nlhl_hwaddr perm_hw_addr;                    /* read back */
	unsigned short hw_type;                             /* read back: ARPHRD_* */
	struct nlhl_link_stats stats;                       /* read back */
	struct nlhl_link_xdp xdp;                           /* read back */
	/* Read back: kind of the master ("bridge", "bond", "vrf") and the
	 * per-port data for a bridge or bond port. */
	char slave_kind[NLHL_KINDSIZ];
	union {
		struct nlhl_bridge_port brport;
		struct nlhl_bond_slave bond;
	} slave;
};

/* ----------------------------------------------------------------- types */

struct nlhl_veth {
	char peer_name[NLHL_IFNAMSIZ];   /* required by nlhl_link_add */
	struct nlhl_hwaddr peer_hw_addr;
	int peer_netns_fd;               /* 0: same netns as the link */
	int peer_mtu, peer_txqlen;       /* 0: kernel default */
	int peer_index;                  /* add and read back: the peer's ifindex
	                                    (in its own netns) */
};

struct nlhl_bridge {
	nlhl_opt stp;                  /* stp_state */
	nlhl_opt vlan_filtering;
	nlhl_opt mcast_snooping;
	nlhl_opt mcast_querier;
	int32_t forward_delay;         /* centiseconds (ip: seconds*100); NLHL_ZERO */
	int32_t hello_time;            /* centiseconds */
	int32_t max_age;               /* centiseconds */
	int32_t ageing_time;           /* centiseconds; NLHL_ZERO: never age */
	int32_t priority;              /* 0..65535; NLHL_ZERO sends 0 */
	uint16_t vlan_protocol;        /* 0x8100 / 0x88a8 host order; 0 unset */
	int32_t vlan_default_pvid;     /* 1..4094; NLHL_ZERO: no pvid */
	uint32_t group_fwd_mask;
};

enum nlhl_vlan_protocol {
	NLHL_VLAN_PROTOCOL_8021Q = 0x8100,
	NLHL_VLAN_PROTOCOL_8021AD = 0x88a8
};

struct nlhl_vlan {
	int32_t id;                    /* 1..4094; NLHL_ZERO sends id 0 */
	uint16_t protocol;             /* enum nlhl_vlan_protocol; 0: 802.1q */
	nlhl_opt reorder_hdr, gvrp, mvrp, loose_binding;
};

/* Kernel values (MACVLAN_MODE_*); 0 = unset (kernel default vepa). */
enum nlhl_macvlan_mode {
	NLHL_MACVLAN_MODE_PRIVATE = 1,
	NLHL_MACVLAN_MODE_VEPA = 2,
	NLHL_MACVLAN_MODE_BRIDGE = 4,
	NLHL_MACVLAN_MODE_PASSTHRU = 8,
	NLHL_MACVLAN_MODE_SOURCE = 16
};

struct nlhl_macvlan {                /* macvlan and macvtap */
	enum nlhl_macvlan_mode mode;
	nlhl_opt nopromisc;            /* passthru mode only */
	uint32_t bc_queue_len;         /* read back; kernel >= 5.19 */
};

/* Kernel value + 1 (IPVLAN_MODE_L2 is 0 in the kernel). */
enum nlhl_ipvlan_mode {
	NLHL_IPVLAN_MODE_L2 = 1,
	NLHL_IPVLAN_MODE_L3 = 2,
	NLHL_IPVLAN_MODE_L3S = 3
};
/* Kernel value + 1 (bridge 0, private 1, vepa 2 in the kernel). */
enum nlhl_ipvlan_flag {
	NLHL_IPVLAN_FLAG_BRIDGE = 1,
	NLHL_IPVLAN_FLAG_PRIVATE = 2,
	NLHL_IPVLAN_FLAG_VEPA = 3
};

struct nlhl_ipvlan {                 /* ipvlan and ipvtap */
	enum nlhl_ipvlan_mode mode;
	enum nlhl_ipvlan_flag flag;
};

struct nlhl_vxlan {
	uint32_t vni;                  /* IFLA_VXLAN_ID */
	struct nlhl_ip group;          /* multicast group or remote (unicast) */
	struct nlhl_ip local;
	uint16_t port;                 /* destination UDP port, host byte order;
	                                  0: kernel default (8472) */
	uint16_t port_low, port_high;  /* source port range, host order */
	int vtep_index;                /* IFLA_VXLAN_LINK ("dev") */
	int32_t ttl;                   /* NLHL_ZERO: ttl 0 (inherit) */
	uint8_t tos;
	nlhl_opt learning, proxy, rsc, l2miss, l3miss;
	nlhl_opt udp_csum, udp6_zero_csum_tx, udp6_zero_csum_rx;
	nlhl_opt flow_based;           /* "external" (collect metadata) */
	nlhl_opt gbp;
	int32_t ageing;                /* seconds; 0: default (300; the kernel
	                                  takes 0 as the default too) */
	uint32_t limit;                /* max FDB entries */
};

struct nlhl_geneve {
	uint32_t id;                   /* VNI */
	struct nlhl_ip remote;
	int32_t ttl;                   /* NLHL_ZERO: ttl 0 (inherit) */
	uint8_t tos;
	uint16_t port;                 /* host byte order; 0: 6081 */
	nlhl_opt udp_csum, udp6_zero_csum_tx, udp6_zero_csum_rx;
	nlhl_opt flow_based;           /* "external" */
	uint32_t flow_label;           /* IPv6 only */
};

/* Kernel value + 1: 0 here is unset (kernel default balance-rr). */
enum nlhl_bond_mode {
	NLHL_BOND_MODE_BALANCE_RR = 1,
	NLHL_BOND_MODE_ACTIVE_BACKUP = 2,
	NLHL_BOND_MODE_BALANCE_XOR = 3,
	NLHL_BOND_MODE_BROADCAST = 4,
	NLHL_BOND_MODE_802_3AD = 5,
	NLHL_BOND_MODE_BALANCE_TLB = 6,
	NLHL_BOND_MODE_BALANCE_ALB = 7
};
/* Kernel value + 1 (BOND_XMIT_POLICY_*). */
enum nlhl_bond_xmit_hash_policy {
	NLHL_BOND_XMIT_LAYER2 = 1,
	NLHL_BOND_XMIT_LAYER34 = 2,
	NLHL_BOND_XMIT_LAYER23 = 3,
	NLHL_BOND_XMIT_ENCAP23 = 4,
	NLHL_BOND_XMIT_ENCAP34 = 5,
	NLHL_BOND_XMIT_VLAN_SRCMAC = 6
};
/* Kernel value + 1. */
enum nlhl_bond_lacp_rate {
	NLHL_BOND_LACP_RATE_SLOW = 1,
	NLHL_BOND_LACP_RATE_FAST = 2
};

struct nlhl_bond {
	enum nlhl_bond_mode mode;
	int32_t miimon;                /* ms; NLHL_ZERO: off */
	int32_t updelay, downdelay;    /* ms; NLHL_ZERO sends 0 */
	enum nlhl_bond_xmit_hash_policy xmit_hash_policy;
	enum nlhl_bond_lacp_rate lacp_rate;
	int32_t min_links;             /* NLHL_ZERO sends 0 */
	int32_t arp_interval;          /* ms; NLHL_ZERO sends 0 */
	nlhl_opt use_carrier, all_slaves_active, tlb_dynamic_lb;
	uint8_t ad_select;             /* read back */
	int32_t num_peer_notif, resend_igmp;  /* NLHL_ZERO sends 0 */
	int primary_index;             /* IFLA_BOND_PRIMARY */
	int active_slave_index;        /* IFLA_BOND_ACTIVE_SLAVE */
};

enum nlhl_tuntap_mode {
	NLHL_TUNTAP_MODE_TUN = 1,
	NLHL_TUNTAP_MODE_TAP = 2
};

#define NLHL_TUNTAP_MAX_QUEUES 16

/*
 * tun/tap: the kernel creates these only through /dev/net/tun (not
 * rtnetlink), in the handle's netns.  Persistent devices (persist NLHL_ON,
 * or unset: the default, as in Go) outlive the call; otherwise the queue
 * fds are returned in fds[0..queues-1] and the device lives as long as
 * they are open: the caller closes them.
 */
struct nlhl_tuntap {
	enum nlhl_tuntap_mode mode;    /* required by nlhl_link_add */
	nlhl_opt persist;              /* unset = persistent */
	nlhl_opt multi_queue, vnet_hdr, pi;  /* pi unset = no packet info */
	bool owner_set, group_set;     /* owner/group valid (uid 0 is root) */
	uint32_t owner, group;         /* uid / gid allowed to attach */
	int queues;                    /* 0: 1 queue */
	int fds[NLHL_TUNTAP_MAX_QUEUES];  /* add, non-persistent: the queue fds */
};

/* gre, gretap, ip6gre, ip6gretap (IFLA_GRE_*). */
struct nlhl_gre {
	struct nlhl_ip local, remote;  /* AF_INET for gre/gretap, AF_INET6 ip6* */
	uint32_t ikey, okey;           /* keys; 0 with GRE_KEY flags unset */
	uint16_t iflags, oflags;       /* GRE_CSUM|GRE_KEY|GRE_SEQ of
	                                  <linux/if_tunnel.h>, as ip shows them
	                                  (the library converts byte order) */
	int link_index;                /* IFLA_GRE_LINK (underlying device) */
	int32_t ttl;                   /* NLHL_ZERO: inherit */
	uint8_t tos;
	nlhl_opt pmtudisc;
	nlhl_opt flow_based;           /* "external" */
	uint8_t encap_limit;           /* ip6gre */
	uint32_t flowinfo;             /* ip6gre */
};

/* ipip, sit, ip6tnl (IFLA_IPTUN_*). */
struct nlhl_iptun {
	struct nlhl_ip local, remote;
	int link_index;
	int32_t ttl;                   /* NLHL_ZERO: inherit */
	uint8_t tos;
	nlhl_opt pmtudisc;
	nlhl_opt flow_based;
	uint8_t proto;                 /* ip6tnl: IPPROTO_IPV6 / IPPROTO_IPIP /
	                                  0 (any); sit: IPPROTO_IPV6 ... */
	uint8_t encap_limit;           /* ip6tnl */
	uint32_t flowinfo;             /* ip6tnl */
	uint32_t flags;                /* ip6tnl IP6_TNL_F_*, sit ISATAP */
};

/* vti, vti6 (IFLA_VTI_*). */
struct nlhl_vti {
	struct nlhl_ip local, remote;
	uint32_t ikey, okey;
	int link_index;
	uint32_t fwmark;
};

struct nlhl_vrf {
	uint32_t table;                /* required by nlhl_link_add */
};

/* Kernel values + 1 (NETKIT_L2 0 / NETKIT_L3 1). */
enum nlhl_netkit_mode {
	NLHL_NETKIT_MODE_L2 = 1,
	NLHL_NETKIT_MODE_L3 = 2
};
/* Kernel values + 1 (NETKIT_PASS 0 / NETKIT_DROP 2). */
enum nlhl_netkit_policy {
	NLHL_NETKIT_POLICY_PASS = 1,
	NLHL_NETKIT_POLICY_DROP = 3
};

struct nlhl_netkit {
	char peer_name[NLHL_IFNAMSIZ];
	enum nlhl_netkit_mode mode;
	enum nlhl_netkit_policy policy, peer_policy;
	bool primary;                  /* read back */
	int peer_index;                /* read back */
};

/*
 * A link.  type picks the union member (veth for NLHL_LINK_VETH, macvlan for
 * MACVLAN and MACVTAP, ipvlan for IPVLAN and IPVTAP, gre for the four GRE
 * types, iptun for IPIP/SIT/IP6TNL, vti for VTI/VTI6; dummy, ifb and
 * wireguard have no options).  kind is the kernel's name of the type; for
 * nlhl_link_add it is filled from type, or used as given with
 * NLHL_LINK_UNSPEC (a kind this library has no type for).
 */
struct nlhl_link {
	struct nlhl_link_attrs attrs;
	enum nlhl_link_type type;
	char kind[NLHL_KINDSIZ];
	union {
		struct nlhl_veth veth;
		struct nlhl_bridge bridge;
		struct nlhl_vlan vlan;
		struct nlhl_macvlan macvlan;
		struct nlhl_ipvlan ipvlan;
		struct nlhl_vxlan vxlan;
		struct nlhl_geneve geneve;
		struct nlhl_bond bond;
		struct nlhl_tuntap tuntap;
		struct nlhl_gre gre;
		struct nlhl_iptun iptun;
		struct nlhl_vti vti;
		struct nlhl_vrf vrf;
		struct nlhl_netkit netkit;
	};
};

/* "veth", "bridge", ... for a type; NULL for UNSPEC/DEVICE/GENERIC. */
NLHL_API const char *nlhl_link_type_kind(enum nlhl_link_type type);

/* ----------------------------------------------------------------- calls */

/*
 * Creates the link (RTM_NEWLINK, NLM_F_CREATE|NLM_F_EXCL) and writes its
 * ifindex into link->attrs.index, also when attrs.netns_fd puts it into
 * another netns (then the index is the one in that netns).  -EEXIST for a
 * duplicate name, -EOPNOTSUPP for a kind the kernel lacks.  Without a
 * name on a kernel older than 6.3 (no NLM_F_ECHO), attrs.index stays 0.
 */
NLHL_API int nlhl_link_add(nlhl_handle *h, struct nlhl_link *link);
/* Deletes the link (by index, else by name).  -ENODEV if it is missing. */
NLHL_API int nlhl_link_del(nlhl_handle *h, const struct nlhl_link *link);
/* Applies the set attributes (and type options) to an existing link
 * (RTM_NEWLINK without NLM_F_CREATE): mtu, name (when attrs.index is set),
 * hw_addr, txqlen, group, alias, master_index, flags' IFF_UP, type data. */
NLHL_API int nlhl_link_modify(nlhl_handle *h, const struct nlhl_link *link);

/* One RTM_GETLINK each (never a dump).  by_name also finds alternative
 * names (up to 127 bytes).  -ENODEV when there is no such link. */
NLHL_API int nlhl_link_by_name(nlhl_handle *h, const char *name, struct nlhl_link *ret);
NLHL_API int nlhl_link_by_index(nlhl_handle *h, int index, struct nlhl_link *ret);
/* The first link whose alias is alias (a dump: the kernel cannot look up
 * aliases).  -ENODEV when none. */
NLHL_API int nlhl_link_by_alias(nlhl_handle *h, const char *alias, struct nlhl_link *ret);

/* Every link of the handle's netns.  *ret (NULL when *ret_n is 0) is freed
 * with nlhl_link_list_free().  Links the library cannot parse are dropped. */
NLHL_API int nlhl_link_list(nlhl_handle *h, struct nlhl_link **ret, size_t *ret_n);
NLHL_API void nlhl_link_list_free(struct nlhl_link *list, size_t n);

/* Filter of nlhl_link_list_filtered(); zero fields match everything.  A
 * NULL filter is the same as a zeroed one (nlhl_link_list()). */
struct nlhl_link_filter {
	enum nlhl_link_type type;      /* NLHL_LINK_UNSPEC: any */
	const char *kind;              /* NULL: any (e.g. for unknown kinds) */
	int master_index;              /* 0: any */
	bool no_master;                /* only links without master */
	unsigned int flags_set;        /* links with all these IFF_* set */
};
NLHL_API int nlhl_link_list_filtered(nlhl_handle *h, const struct nlhl_link_filter *filter,
				     struct nlhl_link **ret, size_t *ret_n);

/*
 * Streams the links of the handle's netns to cb, one parsed link at a time
 * (memory stays flat: nothing is collected).  link is valid during the call
 * only.  cb returns 0 to go on or a negative errno to stop; that value is
 * then returned.  A dump interrupted by concurrent changes cannot be
 * restarted here: links keep flowing and the call returns -EINTR.
 */
typedef int (*nlhl_link_cb)(const struct nlhl_link *link, void *arg);
NLHL_API int nlhl_link_foreach(nlhl_handle *h, nlhl_link_cb cb, void *arg);
NLHL_API int nlhl_link_foreach_filtered(nlhl_handle *h, const struct nlhl_link_filter *filter,
					nlhl_link_cb cb, void *arg);

/* The peer of a veth (Go: VethPeerIndex + LinkByIndex): one RTM_GETLINK by
 * veth.peer_index in the handle's netns.  -EXDEV when the peer lives in
 * another netns (attrs.link_netnsid >= 0: open a handle there), -EINVAL
 * for a link that is not a veth read back from the kernel. */
NLHL_API int nlhl_link_veth_peer(nlhl_handle *h, const struct nlhl_link *veth,
				 struct nlhl_link *ret);

/* ------------------------------------------------------------- setters */

NLHL_API int nlhl_link_set_up(nlhl_handle *h, const struct nlhl_link *link);
NLHL_API int nlhl_link_set_down(nlhl_handle *h, const struct nlhl_link *link);
NLHL_API int nlhl_link_set_mtu(nlhl_handle *h, const struct nlhl_link *link, int mtu);
NLHL_API int nlhl_link_set_name(nlhl_handle *h, const struct nlhl_link *link, const char *name);
NLHL_API int nlhl_link_set_hardware_addr(nlhl_handle *h, const struct nlhl_link *link,
					 const struct nlhl_hwaddr *hw);
/* Enslaves link to master (a bridge, bond, vrf...). */
NLHL_API int nlhl_link_set_master(nlhl_handle *h, const struct nlhl_link *link,
				  const struct nlhl_link *master);
NLHL_API int nlhl_link_set_master_by_index(nlhl_handle *h, const struct nlhl_link *link,
					   int master_index);
NLHL_API int nlhl_link_set_no_master(nlhl_handle *h, const struct nlhl_link *link);
/* "" removes the alias. */
NLHL_API int nlhl_link_set_alias(nlhl_handle *h, const struct nlhl_link *link, const char *alias);
/* Sends qlen as is (0 is a valid queue length here). */
NLHL_API int nlhl_link_set_txqlen(nlhl_handle *h, const struct nlhl_link *link, int qlen);
NLHL_API int nlhl_link_set_group(nlhl_handle *h, const struct nlhl_link *link, uint32_t group);

NLHL_API int nlhl_set_promisc_on(nlhl_handle *h, const struct nlhl_link *link);
NLHL_API int nlhl_set_promisc_off(nlhl_handle *h, const struct nlhl_link *link);
NLHL_API int nlhl_link_set_promisc_on(nlhl_handle *h, const struct nlhl_link *link);
NLHL_API int nlhl_link_set_promisc_off(nlhl_handle *h, const struct nlhl_link *link);
NLHL_API int nlhl_link_set_allmulticast_on(nlhl_handle *h, const struct nlhl_link *link);
NLHL_API int nlhl_link_set_allmulticast_off(nlhl_handle *h, const struct nlhl_link *link);
NLHL_API int nlhl_link_set_multicast_on(nlhl_handle *h, const struct nlhl_link *link);
NLHL_API int nlhl_link_set_multicast_off(nlhl_handle *h, const struct nlhl_link *link);
NLHL_API int nlhl_link_set_arp_on(nlhl_handle *h, const struct nlhl_link *link);
NLHL_API int nlhl_link_set_arp_off(nlhl_handle *h, const struct nlhl_link *link);

/* Moves the link into the netns of netns_fd / of process pid. */
NLHL_API int nlhl_link_set_ns_fd(nlhl_handle *h, const struct nlhl_link *link, int netns_fd);
NLHL_API int nlhl_link_set_ns_pid(nlhl_handle *h, const struct nlhl_link *link, int pid);

/* Attaches the XDP program prog_fd (BPF_PROG_TYPE_XDP); prog_fd -1
 * detaches.  flags: XDP_FLAGS_* of <linux/if_link.h>; with
 * XDP_FLAGS_UPDATE_IF_NOEXIST a second attach fails with -EBUSY. */
NLHL_API int nlhl_link_set_xdp_fd(nlhl_handle *h, const struct nlhl_link *link, int prog_fd);
NLHL_API int nlhl_link_set_xdp_fd_with_flags(nlhl_handle *h, const struct nlhl_link *link,
					     int prog_fd, uint32_t flags);

/* Segmentation/aggregation limits (kernel >= 5.19 for gro, 6.3 for ipv4). */
NLHL_API int nlhl_link_set_gso_max_size(nlhl_handle *h, const struct nlhl_link *link, uint32_t size);
NLHL_API int nlhl_link_set_gso_max_segs(nlhl_handle *h, const struct nlhl_link *link, uint32_t segs);
NLHL_API int nlhl_link_set_gro_max_size(nlhl_handle *h, const struct nlhl_link *link, uint32_t size);
NLHL_API int nlhl_link_set_gso_ipv4_max_size(nlhl_handle *h, const struct nlhl_link *link, uint32_t size);
NLHL_API int nlhl_link_set_gro_ipv4_max_size(nlhl_handle *h, const struct nlhl_link *link, uint32_t size);

/* Alternative names (RTM_NEWLINKPROP / RTM_DELLINKPROP), 1..127 bytes. */
NLHL_API int nlhl_link_add_alt_name(nlhl_handle *h, const struct nlhl_link *link, const char *name);
NLHL_API int nlhl_link_del_alt_name(nlhl_handle *h, const struct nlhl_link *link, const char *name);
struct nlhl_altname {
	char name[NLHL_ALTIFNAMSIZ];
};
/* The alternative names of link (one RTM_GETLINK); free with free(). */
NLHL_API int nlhl_link_alt_names(nlhl_handle *h, const struct nlhl_link *link,
				 struct nlhl_altname **ret, size_t *ret_n);

/* ---------------------------------------------------------- bridge ports */

/* Applies the set fields of port to the bridge port link. */
NLHL_API int nlhl_link_set_brport(nlhl_handle *h, const struct nlhl_link *link,
				  const struct nlhl_bridge_port *port);
/* Reads the bridge port options of link (Go: LinkGetProtinfo). */
NLHL_API int nlhl_link_get_protinfo(nlhl_handle *h, const struct nlhl_link *link,
				    struct nlhl_bridge_port *ret);
NLHL_API int nlhl_link_set_hairpin(nlhl_handle *h, const struct nlhl_link *link, bool on);
NLHL_API int nlhl_link_set_guard(nlhl_handle *h, const struct nlhl_link *link, bool on);
NLHL_API int nlhl_link_set_fast_leave(nlhl_handle *h, const struct nlhl_link *link, bool on);
NLHL_API int nlhl_link_set_learning(nlhl_handle *h, const struct nlhl_link *link, bool on);
NLHL_API int nlhl_link_set_root_block(nlhl_handle *h, const struct nlhl_link *link, bool on);
NLHL_API int nlhl_link_set_flood(nlhl_handle *h, const struct nlhl_link *link, bool on);
NLHL_API int nlhl_link_set_br_proxy_arp(nlhl_handle *h, const struct nlhl_link *link, bool on);
NLHL_API int nlhl_link_set_isolated(nlhl_handle *h, const struct nlhl_link *link, bool on);
NLHL_API int nlhl_link_set_brport_cost(nlhl_handle *h, const struct nlhl_link *link, uint32_t cost);
NLHL_API int nlhl_link_set_brport_priority(nlhl_handle *h, const struct nlhl_link *link, uint16_t prio);

/* Bridge VLANs of a port (or of the bridge itself with self). */
struct nlhl_bridge_vlan {
	int link_index;                /* port (list output) */
	uint16_t vid;
	bool pvid, untagged;
};
/* Go: BridgeVlanAdd(link, vid, pvid, untagged, self, master). */
NLHL_API int nlhl_bridge_vlan_add(nlhl_handle *h, const struct nlhl_link *link, uint16_t vid,
				  bool pvid, bool untagged, bool self, bool master);
NLHL_API int nlhl_bridge_vlan_del(nlhl_handle *h, const struct nlhl_link *link, uint16_t vid,
				  bool pvid, bool untagged, bool self, bool master);
/* Every VLAN of every port of the handle's netns (vid ranges expanded);
 * free *ret with free(). */
NLHL_API int nlhl_bridge_vlan_list(nlhl_handle *h, struct nlhl_bridge_vlan **ret, size_t *ret_n);

NLHL_END_DECLS

#endif
