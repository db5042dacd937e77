/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Neighbours (RTM_NEWNEIGH / RTM_DELNEIGH / RTM_GETNEIGH): the ARP and
 * IPv6 neighbour tables (`ip neigh`), proxy entries (`ip neigh ... proxy`)
 * and bridge forwarding database entries of family AF_BRIDGE (`bridge
 * fdb`) on bridges, bridge ports and vxlan devices.
 *
 * Go: netlink.Neigh -> struct nlhl_neigh, NeighAdd -> nlhl_neigh_add,
 * NeighSet -> nlhl_neigh_set, NeighAppend -> nlhl_neigh_append, NeighDel
 * -> nlhl_neigh_del, NeighList -> nlhl_neigh_list, NeighProxyList ->
 * nlhl_neigh_list_filtered with NLHL_NEIGH_FILTER_PROXY, NeighListExecute
 * -> nlhl_neigh_list_filtered.
 *
 * Ownership: struct nlhl_neigh is plain data (no heap memory); lists are
 * freed with nlhl_neigh_list_free(); an entry passed to a foreach callback
 * is only valid during the call.
 */
#ifndef NETLINKHL_NEIGH_H
#define NETLINKHL_NEIGH_H

#include <netlinkhl/common.h>
#include <netlinkhl/handle.h>
#include <netlinkhl/parse.h>

NLHL_BEGIN_DECLS

/* Neighbour states (bits, the kernel's NUD_* values).  bridge(8) names
 * NOARP "static" and PERMANENT "permanent"/"local". */
#define NLHL_NUD_NONE 0x00
#define NLHL_NUD_INCOMPLETE 0x01
#define NLHL_NUD_REACHABLE 0x02
#define NLHL_NUD_STALE 0x04
#define NLHL_NUD_DELAY 0x08
#define NLHL_NUD_PROBE 0x10
#define NLHL_NUD_FAILED 0x20
#define NLHL_NUD_NOARP 0x40
#define NLHL_NUD_PERMANENT 0x80

/* Entry flags (the kernel's NTF_* values). */
#define NLHL_NTF_USE 0x01
#define NLHL_NTF_SELF 0x02         /* fdb: the device's own table (vxlan, ...) */
#define NLHL_NTF_MASTER 0x04       /* fdb: the master bridge's table */
#define NLHL_NTF_PROXY 0x08        /* proxy ARP / NDP entry */
#define NLHL_NTF_EXT_LEARNED 0x10  /* "extern_learn" */
#define NLHL_NTF_OFFLOADED 0x20
#define NLHL_NTF_STICKY 0x40       /* fdb "sticky" */
#define NLHL_NTF_ROUTER 0x80       /* IPv6 "router" */
/* Extended flags (NDA_FLAGS_EXT). */
#define NLHL_NTF_EXT_MANAGED 0x01  /* "managed" */
#define NLHL_NTF_EXT_LOCKED 0x02   /* fdb "locked" (read only) */

struct nlhl_neigh {
	int link_index;          /* device (Go: LinkIndex); required except for
				  * a proxy entry without device */
	int family;              /* AF_INET, AF_INET6, AF_BRIDGE; 0: from ip */
	uint16_t state;          /* NLHL_NUD_*; 0 on add: PERMANENT, as `ip neigh
				  * add` does, and NOARP|PERMANENT for AF_BRIDGE,
				  * as `bridge fdb add` does (on a bridge that is a
				  * "local" entry: use NOARP for "static",
				  * REACHABLE for "dynamic"); a managed entry
				  * (flags_ext) is sent with 0 (NONE) */
	uint8_t type;            /* RTN_*; 0: unicast */
	uint8_t flags;           /* NLHL_NTF_* */
	uint32_t flags_ext;      /* NLHL_NTF_EXT_* */
	struct nlhl_ip ip;       /* neighbour address; for AF_BRIDGE the vxlan
				  * remote ("dst"), family 0: none */
	struct nlhl_hwaddr hw_addr; /* "lladdr"; the MAC of an fdb entry */
	uint16_t vlan;           /* fdb "vlan" (0: none) */
	uint32_t vni;            /* fdb "vni" of a vxlan remote (0: the device's) */
	uint32_t src_vni;        /* fdb "src_vni" (collect-metadata vxlan) */
	uint16_t port;           /* fdb "port": vxlan remote UDP port, host order */
	int via_index;           /* fdb "via": vxlan outgoing device (NDA_IFINDEX) */
	int master_index;        /* read only: the bridge of an fdb entry
				  * (NDA_MASTER); see NLHL_NEIGH_FILTER_MASTER */
	uint32_t nh_id;          /* fdb "nhid": vxlan nexthop group */
	uint8_t protocol;        /* "protocol": originator; 0: unset */
	/* Read only. */
	int32_t link_netnsid;    /* NDA_LINK_NETNSID; -1 when absent */
	uint32_t probes;         /* NDA_PROBES */
	uint32_t confirmed;      /* clock ticks ago (NDA_CACHEINFO), Go's Confirmed */
	uint32_t used;
	uint32_t updated;
};

/*
 * Add a new entry (`ip neigh add`, `bridge fdb add`); -EEXIST when it
 * exists.  A proxy entry sets NLHL_NTF_PROXY (lladdr and state unused).
 * A bridge fdb entry (family AF_BRIDGE) needs a 6-byte hw_addr; flags
 * SELF puts it in link_index's own table (bridge or vxlan device, or the
 * address list of a plain device), MASTER in the table of the bridge that
 * link_index is a port of.  With neither, the kernel's default applies:
 * MASTER on a bridge port, -EOPNOTSUPP elsewhere (bridge(8) defaults to
 * SELF; Go's NeighAdd, like this call, to the kernel's).  Entries read
 * back from a bridge carry master_index, not the MASTER flag (the kernel
 * does not report it); one whose master_index is its own link_index (the
 * bridge device's own entry) is sent with SELF, so that every entry read
 * back adds and deletes as it is.
 */
NLHL_API int nlhl_neigh_add(nlhl_handle *h, const struct nlhl_neigh *neigh);
/* Add or replace (`ip neigh replace`, `bridge fdb replace`). */
NLHL_API int nlhl_neigh_set(nlhl_handle *h, const struct nlhl_neigh *neigh);
/* Add another entry beside existing ones (`bridge fdb append`: one more
 * vxlan remote for the same MAC). */
NLHL_API int nlhl_neigh_append(nlhl_handle *h, const struct nlhl_neigh *neigh);
/* Delete (`ip neigh del`, `bridge fdb del`): keyed by link_index, family,
 * ip (and flags PROXY), or for AF_BRIDGE by hw_addr, vlan, SELF/MASTER and,
 * on vxlan, the remote ip/port/vni. */
NLHL_API int nlhl_neigh_del(nlhl_handle *h, const struct nlhl_neigh *neigh);

/*
 * Entries of link_index (0: all devices) and family (AF_INET, AF_INET6,
 * AF_UNSPEC = both, AF_BRIDGE = the fdb); proxy entries are not included
 * (NLHL_NEIGH_FILTER_PROXY).  An entry whose link vanished while the list
 * was made is dropped, never returned with a dangling link_index.
 */
NLHL_API int nlhl_neigh_list(nlhl_handle *h, int link_index, int family,
			     struct nlhl_neigh **ret, size_t *ret_n);
NLHL_API void nlhl_neigh_list_free(struct nlhl_neigh *list, size_t n);

/* Which fields of the filter entry must match. */
#define NLHL_NEIGH_FILTER_LINK (1u << 0)    /* link_index (by the kernel) */
#define NLHL_NEIGH_FILTER_MASTER (1u << 1)  /* master_index (by the kernel): entries
					     * of the bridge's ports, or of the
					     * devices enslaved to that master */
#define NLHL_NEIGH_FILTER_STATE (1u << 2)   /* any of filter->state's bits */
#define NLHL_NEIGH_FILTER_FLAGS (1u << 3)   /* all of filter->flags */
#define NLHL_NEIGH_FILTER_IP (1u << 4)
#define NLHL_NEIGH_FILTER_HWADDR (1u << 5)
#define NLHL_NEIGH_FILTER_VLAN (1u << 6)
#define NLHL_NEIGH_FILTER_VNI (1u << 7)
#define NLHL_NEIGH_FILTER_PROXY (1u << 8)   /* the proxy table instead (not AF_BRIDGE) */

/* Entries of family whose fields named in mask equal filter's; filter may
 * be NULL when mask is 0.  An unknown mask bit is -EINVAL. */
NLHL_API int nlhl_neigh_list_filtered(nlhl_handle *h, int family,
				      const struct nlhl_neigh *filter, uint32_t mask,
				      struct nlhl_neigh **ret, size_t *ret_n);

/*
 * Streams what nlhl_neigh_list_filtered() would return to cb, one entry at
 * a time, without holding them.  cb returns 0 to go on or a negative errno
 * to stop; foreach then returns that value.  A stream cannot be restarted:
 * when the kernel flags the dump as interrupted by concurrent changes,
 * foreach returns -EINTR after the last entry.  Entries are delivered as
 * the kernel dumps them: one whose link vanished meanwhile may still come.
 */
typedef int (*nlhl_neigh_cb)(const struct nlhl_neigh *neigh, void *arg);
NLHL_API int nlhl_neigh_foreach(nlhl_handle *h, int family, const struct nlhl_neigh *filter,
				uint32_t mask, nlhl_neigh_cb cb, void *arg);

NLHL_END_DECLS

#endif
