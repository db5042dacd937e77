/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nlhl-tc: traffic control, as tc(8), for the common cases: qdiscs (htb,
 * tbf, pfifo, bfifo, prio, sfq, fq_codel, netem, ingress, clsact, any
 * other kind by name), htb and hfsc classes, u32 / matchall filters here,
 * flower / fw / basic / bpf filters in tc-filters.c and the actions
 * (gact, mirred, police, skbedit, vlan, nat) in tc-actions.c.
 *
 *   nlhl-tc qdisc add dev DEV root handle 1: htb default 20
 *   nlhl-tc class add dev DEV parent 1: classid 1:10 htb rate 10mbit ceil 20mbit
 *   nlhl-tc filter add dev DEV parent 1: protocol ip pref 1 u32 \
 *       match ip dst 10.0.0.0/8 match ip dport 22 0xffff flowid 1:10
 *
 * -j prints tc -j's fields for qdiscs (kind, handle, dev, root/parent,
 * refcnt) and classes and filters in the same spirit.
 */
#define _GNU_SOURCE
#include "tc-tool.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define ETH_P_ALL 0x0003
#define ETH_P_IP 0x0800
#define ETH_P_IPV6 0x86dd

/* tc's "1:" is Go's / the library's "1:0". */
int tc_parse_handle(struct tool_ctx *c, const char *s, uint32_t *ret)
{
	char buf[32];
	size_t n = strlen(s);

	if (n > 0 && n < sizeof(buf) - 1 && s[n - 1] == ':') {
		snprintf(buf, sizeof(buf), "%s0", s);
		s = buf;
	}
	if (nlhl_parse_handle(s, ret) < 0)
		return tool_syntax(c, "\"%s\" is not a tc handle (MAJ:MIN)", s);
	return TOOL_OK;
}

/* tc's text of a handle: "1:", "1:10", "ffff:". */
const char *tc_handle_str(uint32_t h, char *buf)
{
	if ((h & 0xffff) == 0)
		snprintf(buf, 16, "%x:", h >> 16);
	else
		snprintf(buf, 16, "%x:%x", h >> 16, h & 0xffff);
	return buf;
}

int tc_parse_rate(struct tool_ctx *c, const char *kw, const char *s, uint64_t *ret)
{
	if (nlhl_parse_rate(s, ret) < 0)
		return tool_syntax(c, "%s \"%s\" is not a rate (e.g. 10mbit)", kw, s);
	return TOOL_OK;
}

int tc_parse_size(struct tool_ctx *c, const char *kw, const char *s, uint32_t *ret)
{
	if (nlhl_parse_size(s, ret) < 0)
		return tool_syntax(c, "%s \"%s\" is not a size (e.g. 15k)", kw, s);
	return TOOL_OK;
}

int tc_parse_time(struct tool_ctx *c, const char *kw, const char *s, uint32_t *ret)
{
	if (nlhl_parse_time(s, ret) < 0)
		return tool_syntax(c, "%s \"%s\" is not a time (e.g. 10ms)", kw, s);
	return TOOL_OK;
}

/* "dev DEV", "root", "parent H", "handle H" / "classid H": the common
 * head of every tc object; returns TOOL_OK and leaves unknown words. */
struct head {
	const char *dev;
	uint32_t parent, handle;
	bool has_parent, has_handle;
	bool raw_handle;  /* filters: "handle 5" is a number (fw's mark) */
};

static int take_head(struct tool_ctx *c, int *argcp, char ***argvp, struct head *hd,
		     const char *handle_kw)
{
	int argc = *argcp, r;
	char **argv = *argvp;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "dev")) {
			TOOL_NEXT(c, argc, argv);
			hd->dev = argv[0];
		} else if (tool_is(w, "root")) {
			hd->parent = NLHL_HANDLE_ROOT;
			hd->has_parent = true;
		} else if (tool_is(w, "ingress") || tool_is(w, "clsact")) {
			break;  /* a kind, with its own parent */
		} else if (tool_is(w, "parent")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = tc_parse_handle(c, argv[0], &hd->parent)))
				return r;
			hd->has_parent = true;
		} else if (tool_is(w, handle_kw)) {
			TOOL_NEXT(c, argc, argv);
			if (hd->raw_handle && !strchr(argv[0], ':')) {
				if (tool_parse_u32(argv[0], &hd->handle) < 0)
					return tool_syntax(c, "handle \"%s\" is not a number", argv[0]);
			} else if ((r = tc_parse_handle(c, argv[0], &hd->handle))) {
				return r;
			}
			hd->has_handle = true;
		} else {
			break;
		}
	}
	*argcp = argc;
	*argvp = argv;
	if (!hd->dev)
		return tool_syntax(c, "\"dev DEV\" is needed");
	return TOOL_OK;
}

/* ------------------------------------------------------------ qdiscs */

static int parse_qdisc_opts(struct tool_ctx *c, int argc, char **argv, struct nlhl_qdisc *q)
{
	int r;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		switch (q->type) {
		case NLHL_QDISC_HTB:
			if (tool_is(w, "default")) {
				char *end;

				TOOL_NEXT(c, argc, argv);
				/* tc reads "default 20" as hex (the minor 0x20) */
				q->htb.defcls = (uint32_t)strtoul(argv[0], &end, 16);
				if (!*argv[0] || *end || q->htb.defcls > 0xffff)
					return tool_syntax(c, "default \"%s\" is not a class minor", argv[0]);
				continue;
			}
			if (tool_is(w, "r2q")) {
				TOOL_NEXT(c, argc, argv);
				if (tool_parse_u32(argv[0], &q->htb.r2q) < 0)
					return tool_syntax(c, "r2q \"%s\" is not a number", argv[0]);
				continue;
			}
			break;
		case NLHL_QDISC_HFSC:
			if (tool_is(w, "default")) {
				char *end;
				unsigned long v;

				TOOL_NEXT(c, argc, argv);
				v = strtoul(argv[0], &end, 16);  /* hex, as tc */
				if (!*argv[0] || *end || v > 0xffff)
					return tool_syntax(c, "default \"%s\" is not a class minor", argv[0]);
				q->hfsc.defcls = (uint16_t)v;
				continue;
			}
			break;
		case NLHL_QDISC_TBF:
			if (tool_is(w, "rate")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = tc_parse_rate(c, w, argv[0], &q->tbf.rate)))
					return r;
				continue;
			}
			if (tool_is(w, "burst") || tool_is(w, "buffer") || tool_is(w, "maxburst")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = tc_parse_size(c, w, argv[0], &q->tbf.burst)))
					return r;
				continue;
			}
			if (tool_is(w, "limit")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = tc_parse_size(c, w, argv[0], &q->tbf.limit)))
					return r;
				continue;
			}
			if (tool_is(w, "latency")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = tc_parse_time(c, w, argv[0], &q->tbf.latency_us)))
					return r;
				continue;
			}
			break;
		case NLHL_QDISC_PFIFO:
		case NLHL_QDISC_BFIFO:
			if (tool_is(w, "limit")) {
				TOOL_NEXT(c, argc, argv);
				if (tool_parse_u32(argv[0], &q->fifo.limit) < 0)
					return tool_syntax(c, "limit \"%s\" is not a number", argv[0]);
				continue;
			}
			break;
		case NLHL_QDISC_PRIO:
			if (tool_is(w, "bands")) {
				TOOL_NEXT(c, argc, argv);
				if (tool_parse_u32(argv[0], &q->prio.bands) < 0)
					return tool_syntax(c, "bands \"%s\" is not a number", argv[0]);
				continue;
			}
			break;
		case NLHL_QDISC_NETEM:
			if (tool_is(w, "delay")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = tc_parse_time(c, w, argv[0], &q->netem.latency_us)))
					return r;
				if (argc > 1 && nlhl_parse_time(argv[1], &q->netem.jitter_us) == 0) {
					argc--;
					argv++;
				}
				continue;
			}
			if (tool_is(w, "loss")) {
				TOOL_NEXT(c, argc, argv);
				q->netem.loss = strtod(argv[0], NULL);
				continue;
			}
			if (tool_is(w, "limit")) {
				TOOL_NEXT(c, argc, argv);
				if (tool_parse_u32(argv[0], &q->netem.limit) < 0)
					return tool_syntax(c, "limit \"%s\" is not a number", argv[0]);
				continue;
			}
			break;
		default:
			break;
		}
		return tool_syntax(c, "\"%s\" is not an option of qdisc %s", w, q->kind);
	}
	if (q->type == NLHL_QDISC_TBF && (!q->tbf.rate || !q->tbf.burst ||
					  (!q->tbf.limit && !q->tbf.latency_us)))
		return tool_syntax(c, "tbf needs rate, burst and limit or latency");
	return TOOL_OK;
}

static enum nlhl_qdisc_type qdisc_type_of(const char *kind)
{
	for (int t = 1; t <= NLHL_QDISC_CAKE; t++) {
		const char *k = nlhl_qdisc_type_kind((enum nlhl_qdisc_type)t);

		if (k && !strcmp(k, kind))
			return (enum nlhl_qdisc_type)t;
	}
	return NLHL_QDISC_UNKNOWN;
}

enum tc_op { TC_ADD, TC_REPLACE, TC_CHANGE, TC_DEL };

static int qdisc_change(struct tool_ctx *c, int argc, char **argv, enum tc_op op)
{
	struct nlhl_qdisc q;
	struct head hd = { 0 };
	int r = take_head(c, &argc, &argv, &hd, "handle");

	if (r)
		return r;
	memset(&q, 0, sizeof(q));
	if (argc > 0) {
		if (strlen(argv[0]) >= sizeof(q.kind))
			return tool_syntax(c, "qdisc kind \"%s\" is too long", argv[0]);
		strcpy(q.kind, argv[0]);
		q.type = qdisc_type_of(argv[0]);
		if (q.type == NLHL_QDISC_INGRESS || q.type == NLHL_QDISC_CLSACT) {
			hd.parent = NLHL_HANDLE_INGRESS;
			hd.has_parent = true;
		}
		r = parse_qdisc_opts(c, argc - 1, argv + 1, &q);
		if (r)
			return r;
	} else if (op != TC_DEL) {
		return tool_syntax(c, "a qdisc kind is needed");
	}
	if (!hd.has_parent)
		return tool_syntax(c, "\"root\", \"parent H\", \"ingress\" or \"clsact\" is needed");
	if ((r = tool_ifindex(c, hd.dev, &q.attrs.link_index)))
		return r;
	q.attrs.parent = hd.parent;
	q.attrs.handle = hd.handle;
	r = op == TC_ADD ? nlhl_qdisc_add(c->h, &q) : op == TC_REPLACE ? nlhl_qdisc_replace(c->h, &q) :
	    op == TC_CHANGE ? nlhl_qdisc_change(c->h, &q) : nlhl_qdisc_del(c->h, &q);
	return r < 0 ? tool_fail(c) : TOOL_OK;
}

static int qdisc_add(struct tool_ctx *c, int argc, char **argv) { return qdisc_change(c, argc, argv, TC_ADD); }
static int qdisc_replace(struct tool_ctx *c, int argc, char **argv) { return qdisc_change(c, argc, argv, TC_REPLACE); }
static int qdisc_chg(struct tool_ctx *c, int argc, char **argv) { return qdisc_change(c, argc, argv, TC_CHANGE); }
static int qdisc_del(struct tool_ctx *c, int argc, char **argv) { return qdisc_change(c, argc, argv, TC_DEL); }

static void jparent(json_object *o, uint32_t parent)
{
	char buf[16];

	if (parent == NLHL_HANDLE_ROOT)
		tool_jbool(o, "root", true);
	else if (parent == NLHL_HANDLE_INGRESS)
		tool_jstr(o, "parent", "ffff:fff1");
	else if (parent)
		tool_jstr(o, "parent", tc_handle_str(parent, buf));
}

/* hide_dev: a listing of one device (tc then leaves "dev" out). */
static json_object *qdisc_json(struct tool_ctx *c, const struct nlhl_qdisc *q, bool hide_dev)
{
	json_object *o = json_object_new_object(), *opts = json_object_new_object();
	char buf[32];

	tool_jstr(o, "kind", q->kind);
	tool_jstr(o, "handle", tc_handle_str(q->attrs.handle, buf));
	if (!hide_dev)
		tool_jstr(o, "dev", tool_ifname(c, q->attrs.link_index, buf));
	jparent(o, q->attrs.parent);
	tool_jint(o, "refcnt", q->attrs.refcnt);
	if (q->type == NLHL_QDISC_HTB) {
		tool_jint(opts, "r2q", q->htb.r2q);
		snprintf(buf, sizeof(buf), "%#x", q->htb.defcls);
		tool_jstr(opts, "default", buf);
	} else if (q->type == NLHL_QDISC_HFSC) {
		snprintf(buf, sizeof(buf), "%#x", q->hfsc.defcls);
		tool_jstr(opts, "default", buf);
	} else if (q->type == NLHL_QDISC_PFIFO || q->type == NLHL_QDISC_BFIFO) {
		tool_jint(opts, "limit", q->fifo.limit);
	} else if (q->type == NLHL_QDISC_TBF) {
		tool_jint(opts, "rate", (int64_t)q->tbf.rate);
		tool_jint(opts, "burst", q->tbf.burst);
	}
	json_object_object_add(o, "options", opts);
	if (c->stats) {
		tool_jint(o, "bytes", (int64_t)q->stats.bytes);
		tool_jint(o, "packets", (int64_t)q->stats.packets);
		tool_jint(o, "drops", q->stats.drops);
		tool_jint(o, "overlimits", q->stats.overlimits);
		tool_jint(o, "requeues", q->stats.requeues);
	}
	return o;
}

static void print_qdisc(struct tool_ctx *c, json_object *o)
{
	const char *s;
	int64_t v = 0;

	printf("qdisc %s %s", tool_jget_str(o, "kind"), tool_jget_str(o, "handle"));
	if (tool_jget_str(o, "dev"))
		printf(" dev %s", tool_jget_str(o, "dev"));
	if (json_object_object_get_ex(o, "root", NULL))
		printf(" root");
	else if ((s = tool_jget_str(o, "parent")))
		printf(" parent %s", s);
	tool_jget_int(o, "refcnt", &v);
	printf(" refcnt %lld", (long long)v);
	json_object_object_foreach(json_object_object_get(o, "options"), k, val)
		printf(" %s %s", k, json_object_get_string(val));
	printf("\n");
}

static int show_dev(struct tool_ctx *c, int argc, char **argv, int *ifindex, uint32_t *parent,
		    bool need_dev)
{
	int r;

	*ifindex = 0;
	*parent = 0;
	for (; argc > 0; argc--, argv++) {
		if (tool_is(argv[0], "dev")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = tool_ifindex(c, argv[0], ifindex)))
				return r;
		} else if (tool_is(argv[0], "parent")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = tc_parse_handle(c, argv[0], parent)))
				return r;
		} else if (tool_is(argv[0], "root")) {
			*parent = NLHL_HANDLE_ROOT;
		} else if (tool_is(argv[0], "ingress")) {
			*parent = NLHL_HANDLE_MIN_INGRESS;
		} else if (tool_is(argv[0], "egress")) {
			*parent = NLHL_HANDLE_MIN_EGRESS;
		} else {
			return tool_syntax(c, "\"%s\" is unexpected", argv[0]);
		}
	}
	if (need_dev && !*ifindex)
		return tool_syntax(c, "\"dev DEV\" is needed");
	return TOOL_OK;
}

static int qdisc_show(struct tool_ctx *c, int argc, char **argv)
{
	struct nlhl_qdisc *list;
	size_t n;
	uint32_t parent;
	int ifindex, r = show_dev(c, argc, argv, &ifindex, &parent, false);

	if (r)
		return r;
	if (tool_links_load(c) < 0 || nlhl_qdisc_list_by_index(c->h, ifindex, &list, &n) < 0)
		return tool_fail(c);
	for (size_t i = 0; i < n; i++)
		tool_emit(c, qdisc_json(c, &list[i], ifindex != 0), print_qdisc);
	nlhl_qdisc_list_free(list, n);
	return TOOL_OK;
}

/* ------------------------------------------------------------ classes */

/* hfsc: { sc | rt | ls | ul } [m1 R d T] m2 R (or "rate R", the m2 alone),
 * as tc-hfsc(8); sc sets rt and ls. */
static int parse_hfsc_class(struct tool_ctx *c, int argc, char **argv, struct nlhl_hfsc_class *k)
{
	struct nlhl_hfsc_curve cur, *dst[2];
	int r;

	while (argc > 0) {
		const char *w = argv[0];

		if (!strcmp(w, "sc") || !strcmp(w, "rt") || !strcmp(w, "ls") || !strcmp(w, "ul")) {
			dst[0] = w[0] == 'u' ? &k->usc : w[0] == 'l' ? &k->fsc : &k->rsc;
			dst[1] = w[0] == 's' ? &k->fsc : NULL;
		} else {
			return tool_syntax(c, "\"%s\" is not an hfsc curve (sc, rt, ls, ul)", w);
		}
		memset(&cur, 0, sizeof(cur));
		for (argc--, argv++; argc > 1; argc -= 2, argv += 2) {
			const char *kw = argv[0];

			if (!strcmp(kw, "m1") || !strcmp(kw, "m2") || !strcmp(kw, "rate")) {
				if ((r = tc_parse_rate(c, kw, argv[1], kw[1] == '1' ? &cur.m1 : &cur.m2)))
					return r;
			} else if (!strcmp(kw, "d")) {
				if ((r = tc_parse_time(c, kw, argv[1], &cur.d_us)))
					return r;
			} else {
				break;
			}
		}
		if (!cur.m2)
			return tool_syntax(c, "hfsc %s needs m2 R (or rate R)", w);
		*dst[0] = cur;
		if (dst[1])
			*dst[1] = cur;
	}
	return TOOL_OK;
}

static void jcurve(json_object *o, const char *name, const struct nlhl_hfsc_curve *cv)
{
	json_object *j = json_object_new_object();

	tool_jint(j, "m1", (int64_t)cv->m1);
	tool_jint(j, "d", cv->d_us);
	tool_jint(j, "m2", (int64_t)cv->m2);
	json_object_object_add(o, name, j);
}

static int class_change(struct tool_ctx *c, int argc, char **argv, enum tc_op op)
{
	struct nlhl_class k;
	struct head hd = { 0 };
	int r = take_head(c, &argc, &argv, &hd, "classid");

	if (r)
		return r;
	memset(&k, 0, sizeof(k));
	if (argc > 0 && tool_is(argv[0], "htb")) {
		k.type = NLHL_CLASS_HTB;
		for (argc--, argv++; argc > 0; argc--, argv++) {
			const char *w = argv[0];

			if (tool_is(w, "rate") || tool_is(w, "ceil")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = tc_parse_rate(c, w, argv[0], w[0] == 'r' ? &k.htb.rate : &k.htb.ceil)))
					return r;
			} else if (tool_is(w, "burst") || tool_is(w, "cburst")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = tc_parse_size(c, w, argv[0], w[0] == 'b' ? &k.htb.burst : &k.htb.cburst)))
					return r;
			} else if (tool_is(w, "prio")) {
				TOOL_NEXT(c, argc, argv);
				if (tool_parse_u32(argv[0], &k.htb.prio) < 0)
					return tool_syntax(c, "prio \"%s\" is not a number", argv[0]);
			} else if (tool_is(w, "quantum")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = tc_parse_size(c, w, argv[0], &k.htb.quantum)))
					return r;
			} else {
				return tool_syntax(c, "\"%s\" is not an option of an htb class", w);
			}
		}
		if (op != TC_DEL && !k.htb.rate)
			return tool_syntax(c, "an htb class needs a rate");
	} else if (argc > 0 && tool_is(argv[0], "hfsc")) {
		k.type = NLHL_CLASS_HFSC;
		if ((r = parse_hfsc_class(c, argc - 1, argv + 1, &k.hfsc)))
			return r;
		if (op != TC_DEL && !k.hfsc.rsc.m2 && !k.hfsc.fsc.m2 && !k.hfsc.usc.m2)
			return tool_syntax(c, "an hfsc class needs a curve (sc, rt, ls or ul)");
	} else if (argc > 0) {
		return tool_syntax(c, "class kind \"%s\" is not supported (htb, hfsc are)", argv[0]);
	} else if (op != TC_DEL) {
		return tool_syntax(c, "a class kind is needed (htb or hfsc)");
	}
	if (!hd.has_handle)
		return tool_syntax(c, "\"classid H\" is needed");
	if ((r = tool_ifindex(c, hd.dev, &k.attrs.link_index)))
		return r;
	k.attrs.parent = hd.has_parent ? hd.parent : hd.handle & 0xffff0000u;
	k.attrs.handle = hd.handle;
	r = op == TC_ADD ? nlhl_class_add(c->h, &k) : op == TC_REPLACE ? nlhl_class_replace(c->h, &k) :
	    op == TC_CHANGE ? nlhl_class_change(c->h, &k) : nlhl_class_del(c->h, &k);
	return r < 0 ? tool_fail(c) : TOOL_OK;
}

static int class_add(struct tool_ctx *c, int argc, char **argv) { return class_change(c, argc, argv, TC_ADD); }
static int class_replace(struct tool_ctx *c, int argc, char **argv) { return class_change(c, argc, argv, TC_REPLACE); }
static int class_chg(struct tool_ctx *c, int argc, char **argv) { return class_change(c, argc, argv, TC_CHANGE); }
static int class_del(struct tool_ctx *c, int argc, char **argv) { return class_change(c, argc, argv, TC_DEL); }

static json_object *class_json(struct tool_ctx *c, const struct nlhl_class *k)
{
	json_object *o = json_object_new_object();
	char buf[32];

	tool_jstr(o, "class", k->kind);
	tool_jstr(o, "handle", tc_handle_str(k->attrs.handle, buf));
	tool_jstr(o, "dev", tool_ifname(c, k->attrs.link_index, buf));
	if (k->attrs.parent == NLHL_HANDLE_ROOT || k->attrs.parent == (k->attrs.handle & 0xffff0000u))
		tool_jbool(o, "root", true);
	else
		jparent(o, k->attrs.parent);
	if (k->type == NLHL_CLASS_HTB) {
		tool_jint(o, "prio", k->htb.prio);
		tool_jint(o, "rate", (int64_t)k->htb.rate);
		tool_jint(o, "ceil", (int64_t)k->htb.ceil);
		tool_jint(o, "burst", k->htb.burst);
		tool_jint(o, "cburst", k->htb.cburst);
	} else if (k->type == NLHL_CLASS_HFSC) {
		/* tc -j: "sc" when rt and ls are the same curve, then "ul" */
		json_object *opts = json_object_new_object();
		const struct nlhl_hfsc_class *hf = &k->hfsc;

		if (hf->rsc.m2 && !memcmp(&hf->rsc, &hf->fsc, sizeof(hf->rsc))) {
			jcurve(opts, "sc", &hf->rsc);
		} else {
			if (hf->rsc.m2)
				jcurve(opts, "rt", &hf->rsc);
			if (hf->fsc.m2)
				jcurve(opts, "ls", &hf->fsc);
		}
		if (hf->usc.m2)
			jcurve(opts, "ul", &hf->usc);
		json_object_object_add(o, "options", opts);
	}
	return o;
}

static void print_class(struct tool_ctx *c, json_object *o)
{
	json_object *opts;
	const char *s;
	int64_t v;
	char buf[32];

	printf("class %s %s", tool_jget_str(o, "class"), tool_jget_str(o, "handle"));
	if (json_object_object_get_ex(o, "root", NULL))
		printf(" root");
	else if ((s = tool_jget_str(o, "parent")))
		printf(" parent %s", s);
	if (tool_jget_int(o, "rate", &v) && nlhl_format_rate((uint64_t)v, buf, sizeof(buf)) == 0)
		printf(" rate %s", buf);
	if (tool_jget_int(o, "ceil", &v) && nlhl_format_rate((uint64_t)v, buf, sizeof(buf)) == 0)
		printf(" ceil %s", buf);
	if (tool_jget_int(o, "burst", &v))
		printf(" burst %lldb", (long long)v);
	if (!json_object_object_get_ex(o, "options", &opts))
		opts = json_object_new_object();  /* htb: no options object */
	else
		json_object_get(opts);
	json_object_object_foreach(opts, name, cv) {
		printf(" %s", name);
		json_object_object_foreach(cv, kw, val) {
			if (kw[0] == 'm' && nlhl_format_rate((uint64_t)json_object_get_int64(val), buf, sizeof(buf)) == 0)
				printf(" %s %s", kw, buf);
			else
				printf(" %s %lldus", kw, (long long)json_object_get_int64(val));
		}
	}
	json_object_put(opts);
	printf("\n");
}

static int class_show(struct tool_ctx *c, int argc, char **argv)
{
	struct nlhl_class *list;
	size_t n;
	uint32_t parent;
	int ifindex, r = show_dev(c, argc, argv, &ifindex, &parent, true);

	if (r)
		return r;
	if (tool_links_load(c) < 0 || nlhl_class_list_by_index(c->h, ifindex, parent, &list, &n) < 0)
		return tool_fail(c);
	for (size_t i = 0; i < n; i++)
		tool_emit(c, class_json(c, &list[i]), print_class);
	nlhl_class_list_free(list, n);
	return TOOL_OK;
}

/* ------------------------------------------------------------ filters */

static int filter_change(struct tool_ctx *c, int argc, char **argv, enum tc_op op)
{
	struct nlhl_filter f;
	struct head hd = { 0 };
	uint32_t v;
	int r;

	memset(&f, 0, sizeof(f));
	/* tc's default protocol is all; a delete matches any protocol */
	f.attrs.protocol = op == TC_DEL ? 0 : ETH_P_ALL;
	hd.raw_handle = true;
	for (;;) {
		r = take_head(c, &argc, &argv, &hd, "handle");
		if (r)
			return r;
		if (argc > 1 && tool_is(argv[0], "protocol")) {
			f.attrs.protocol = !strcmp(argv[1], "ip") ? ETH_P_IP :
					   !strcmp(argv[1], "ipv6") ? ETH_P_IPV6 :
					   !strcmp(argv[1], "all") ? ETH_P_ALL : 0;
			if (!f.attrs.protocol)
				return tool_syntax(c, "protocol \"%s\" is not ip, ipv6 or all", argv[1]);
		} else if (argc > 1 && (tool_is(argv[0], "pref") || tool_is(argv[0], "prio") ||
					tool_is(argv[0], "priority"))) {
			if (tool_parse_u32(argv[1], &v) < 0 || v > 0xffff)
				return tool_syntax(c, "pref \"%s\" is not 0..65535", argv[1]);
			f.attrs.priority = (uint16_t)v;
		} else {
			break;
		}
		argc -= 2;
		argv += 2;
	}
	if (argc > 0 && tool_is(argv[0], "u32")) {
		f.type = NLHL_FILTER_U32;
		for (argc--, argv++; argc > 0; argc--, argv++) {
			const char *w = argv[0];

			if (tool_is(w, "flowid") || tool_is(w, "classid")) {
				TOOL_NEXT(c, argc, argv);
				if ((r = tc_parse_handle(c, argv[0], &f.u32.classid)))
					return r;
			} else if (tool_is(w, "match") && argc >= 4 && tool_is(argv[1], "ip")) {
				const char *what = argv[2], *val = argv[3];

				if (tool_is(what, "src") || tool_is(what, "dst")) {
					if (nlhl_parse_ipnet(val, what[0] == 's' ? &f.u32.src : &f.u32.dst) < 0)
						return tool_syntax(c, "match ip %s \"%s\" is not a prefix", what, val);
				} else if (tool_is(what, "sport") || tool_is(what, "dport") ||
					   tool_is(what, "protocol")) {
					if (tool_parse_u32(val, &v) < 0 || v > 0xffff)
						return tool_syntax(c, "match ip %s \"%s\" is not a number", what, val);
					if (what[0] == 's')
						f.u32.sport = (uint16_t)v;
					else if (what[0] == 'd')
						f.u32.dport = (uint16_t)v;
					else
						f.u32.ip_proto = (uint8_t)v;
					/* the mask word tc wants after a port or protocol */
					if (argc > 4 && !strncmp(argv[4], "0x", 2)) {
						argc--;
						argv++;
					}
				} else {
					return tool_syntax(c, "match ip %s is not supported (src, dst, sport, dport, protocol are)", what);
				}
				argc -= 3;
				argv += 3;
			} else if (tool_is(w, "action") || !strcmp(w, "actions")) {
				if ((r = tc_parse_actions(c, &argc, &argv, &f)))
					return r;
				if (argc == 0)
					break;
				return tool_syntax(c, "\"%s\" is not an action option here", argv[0]);
			} else {
				return tool_syntax(c, "\"%s\" is not a u32 option here", w);
			}
		}
	} else if (argc > 0 && tool_is(argv[0], "matchall")) {
		f.type = NLHL_FILTER_MATCHALL;
		for (argc--, argv++; argc > 0; argc--, argv++) {
			if ((tool_is(argv[0], "flowid") || tool_is(argv[0], "classid")) && argc > 1) {
				argc--;
				argv++;
				if ((r = tc_parse_handle(c, argv[0], &f.matchall.classid)))
					return r;
			} else if (!strcmp(argv[0], "skip_hw") || !strcmp(argv[0], "skip_sw")) {
				*(argv[0][5] == 'h' ? &f.matchall.skip_hw : &f.matchall.skip_sw) = true;
			} else if (tool_is(argv[0], "action") || !strcmp(argv[0], "actions")) {
				if ((r = tc_parse_actions(c, &argc, &argv, &f)))
					return r;
				if (argc == 0)
					break;
				return tool_syntax(c, "\"%s\" is not an action option here", argv[0]);
			} else {
				return tool_syntax(c, "\"%s\" is not a matchall option here", argv[0]);
			}
		}
	} else if (argc > 0) {
		if ((r = tc_parse_filter_kind(c, argc, argv, &f)))
			return r;
	} else if (op != TC_DEL) {
		return tool_syntax(c, "a filter kind is needed (u32, matchall, flower, fw, basic or bpf)");
	}
	if (!hd.has_parent)
		return tool_syntax(c, "\"parent H\" (or root) is needed");
	if (op == TC_DEL && !f.attrs.priority)
		return tool_syntax(c, "delete needs \"pref N\"");
	if ((r = tool_ifindex(c, hd.dev, &f.attrs.link_index)))
		return r;
	f.attrs.parent = hd.parent;
	if (hd.has_handle)
		f.attrs.handle = hd.handle;
	r = op == TC_ADD ? nlhl_filter_add(c->h, &f) : op == TC_DEL ? nlhl_filter_del(c->h, &f) :
	    nlhl_filter_replace(c->h, &f);
	return r < 0 ? tool_fail(c) : TOOL_OK;
}

static int filter_add(struct tool_ctx *c, int argc, char **argv) { return filter_change(c, argc, argv, TC_ADD); }
static int filter_replace(struct tool_ctx *c, int argc, char **argv) { return filter_change(c, argc, argv, TC_REPLACE); }
static int filter_del(struct tool_ctx *c, int argc, char **argv) { return filter_change(c, argc, argv, TC_DEL); }

static json_object *filter_json(struct tool_ctx *c, const struct nlhl_filter *f)
{
	json_object *o = json_object_new_object(), *opts = json_object_new_object(), *actions;
	char buf[NLHL_IPNET_STRLEN];

	tool_jstr(o, "parent", tc_handle_str(f->attrs.parent, buf));
	tool_jstr(o, "protocol", f->attrs.protocol == ETH_P_IP ? "ip" :
				 f->attrs.protocol == ETH_P_IPV6 ? "ipv6" :
				 f->attrs.protocol == ETH_P_ALL ? "all" : "other");
	tool_jint(o, "pref", f->attrs.priority);
	tool_jstr(o, "kind", f->kind);
	if (f->type == NLHL_FILTER_U32) {
		if (f->u32.classid)
			tool_jstr(opts, "flowid", tc_handle_str(f->u32.classid, buf));
		if (f->u32.src.family && nlhl_format_ipnet(&f->u32.src, buf, sizeof(buf)) == 0)
			tool_jstr(opts, "src", buf);
		if (f->u32.dst.family && nlhl_format_ipnet(&f->u32.dst, buf, sizeof(buf)) == 0)
			tool_jstr(opts, "dst", buf);
		if (f->u32.ip_proto)
			tool_jint(opts, "protocol", f->u32.ip_proto);
		if (f->u32.sport)
			tool_jint(opts, "sport", f->u32.sport);
		if (f->u32.dport)
			tool_jint(opts, "dport", f->u32.dport);
	} else if (f->type == NLHL_FILTER_MATCHALL) {
		if (f->matchall.classid)
			tool_jstr(opts, "flowid", tc_handle_str(f->matchall.classid, buf));
		if (f->matchall.skip_hw)
			tool_jbool(opts, "skip_hw", true);
		if (f->matchall.skip_sw)
			tool_jbool(opts, "skip_sw", true);
	} else {
		tc_filter_kind_json(c, f, opts);
	}
	if ((actions = tc_actions_json(c, f)))
		json_object_object_add(opts, "actions", actions);
	json_object_object_add(o, "options", opts);
	return o;
}

static void print_filter(struct tool_ctx *c, json_object *o)
{
	int64_t v = 0;

	tool_jget_int(o, "pref", &v);
	printf("filter parent %s protocol %s pref %lld %s", tool_jget_str(o, "parent"),
	       tool_jget_str(o, "protocol"), (long long)v, tool_jget_str(o, "kind"));
	json_object_object_foreach(json_object_object_get(o, "options"), k, val) {
		if (!strcmp(k, "actions"))
			continue;
		if (json_object_is_type(val, json_type_object)) {  /* flower's keys */
			json_object_object_foreach(val, k2, v2)
				printf(" %s %s", k2, json_object_get_string(v2));
		} else if (json_object_is_type(val, json_type_boolean)) {
			printf(" %s", k);
		} else {
			printf(" %s %s", k, json_object_get_string(val));
		}
	}
	printf("\n");
	tc_actions_print(json_object_object_get(json_object_object_get(o, "options"), "actions"));
}

static int filter_show(struct tool_ctx *c, int argc, char **argv)
{
	struct nlhl_filter *list;
	size_t n;
	uint32_t parent;
	int ifindex, r = show_dev(c, argc, argv, &ifindex, &parent, true);

	if (r)
		return r;
	if (!parent)
		return tool_syntax(c, "\"parent H\" (or root, ingress, egress) is needed");
	if (nlhl_filter_list_by_index(c->h, ifindex, parent, &list, &n) < 0)
		return tool_fail(c);
	for (size_t i = 0; i < n; i++)
		tool_emit(c, filter_json(c, &list[i]), print_filter);
	nlhl_filter_list_free(list, n);
	return TOOL_OK;
}

/* ------------------------------------------------------------ objects */

static const struct tool_cmd qdisc_cmds[] = {
	{ "show", qdisc_show, true, false },
	{ "add", qdisc_add, false, false },
	{ "change", qdisc_chg, false, false },
	{ "replace", qdisc_replace, false, false },
	{ "delete", qdisc_del, false, false },
	{ "list", qdisc_show, true, false },
	{ NULL, NULL, false, false },
};
static const struct tool_cmd class_cmds[] = {
	{ "show", class_show, true, false },
	{ "add", class_add, false, false },
	{ "change", class_chg, false, false },
	{ "replace", class_replace, false, false },
	{ "delete", class_del, false, false },
	{ "list", class_show, true, false },
	{ NULL, NULL, false, false },
};
static const struct tool_cmd filter_cmds[] = {
	{ "show", filter_show, true, false },
	{ "add", filter_add, false, false },
	{ "replace", filter_replace, false, false },
	{ "delete", filter_del, false, false },
	{ "list", filter_show, true, false },
	{ NULL, NULL, false, false },
};

static const struct tool_object tc_qdisc = {
	.name = "qdisc", .cmds = qdisc_cmds,
	.usage = "  qdisc { add | change | replace | delete } dev DEV { root | parent H | ingress | clsact }\n"
		 "        [handle H] KIND [OPTIONS]\n"
		 "  qdisc show [dev DEV]\n"
		 "KIND [OPTIONS] := htb [default MINOR] [r2q N] | hfsc [default MINOR] | tbf rate R burst B (limit B | latency T)\n"
		 "        | pfifo|bfifo [limit N] | prio [bands N] | netem [delay T [JITTER]] [loss P]\n"
		 "        [limit N] | sfq | fq_codel | ingress | clsact | any other kind (no options)",
};
static const struct tool_object tc_class = {
	.name = "class", .cmds = class_cmds,
	.usage = "  class { add | change | replace | delete } dev DEV [parent H] classid H\n"
		 "        { htb rate R [ceil R] [burst B] [cburst B] [prio N] [quantum B]\n"
		 "        | hfsc { sc | rt | ls | ul } [m1 R d T] m2 R|rate R ... }\n"
		 "  class show dev DEV [parent H]",
};
static const struct tool_object tc_filter = {
	.name = "filter", .cmds = filter_cmds,
	.usage = "  filter { add | replace | delete } dev DEV parent H [protocol ip|ipv6|all]\n"
		 "        [pref N] [handle H] u32 [match ip { src | dst } PREFIX]\n"
		 "        [match ip { sport | dport | protocol } N [MASK]] flowid H [ACTIONS]\n"
		 "        | matchall [flowid H] [ACTIONS] | flower [classid H] [ip_proto P] [src_ip P]\n"
		 "        [dst_ip P] [src_port N] [dst_port N] [vlan_id N] [vlan_prio N] [ACTIONS]\n"
		 "        | fw [handle MARK[/MASK]] [classid H] [ACTIONS] | basic [classid H] [ACTIONS]\n"
		 "        | bpf { pinned PATH | fd N } [da] [classid H] [ACTIONS]\n"
		 "  filter show dev DEV parent H | root | ingress | egress\n"
		 "ACTIONS := action { drop | pass | ... | gact VERDICT\n"
		 "        | mirred { egress | ingress } { redirect | mirror } dev DEV\n"
		 "        | police rate R burst B [mtu B] [conform-exceed E[/C]]\n"
		 "        | skbedit [priority H] [mark M[/MASK]] [queue_mapping N] [ptype P]\n"
		 "        | vlan { pop | push id N [protocol P] [priority N] | modify id N }\n"
		 "        | nat { ingress | egress } OLD[/LEN] NEW } [VERDICT] [index N] [action ...]",
};

/* `nlhl-tc qdisc|class|filter COMMAND ...`: a second level of objects. */
static int do_tc(struct tool_ctx *c, int argc, char **argv)
{
	static const struct tool_object *const subs[] = { &tc_qdisc, &tc_class, &tc_filter };

	if (argc == 0)
		return tool_syntax(c, "which object: qdisc, class or filter?");
	for (size_t i = 0; i < 3; i++)
		if (tool_matches(argv[0], subs[i]->name)) {
			int r;

			/* the inner run makes (and prints) its own -j array */
			json_object_put(c->out);
			c->out = NULL;
			r = tool_run(c, subs[i], argc - 1, argv + 1);

			c->obj = &tool_obj_tc;
			return r;
		}
	return tool_syntax(c, "\"%s\" is not qdisc, class or filter", argv[0]);
}

static const struct tool_cmd tc_cmds[] = {
	{ "tc", do_tc, false, false },
	{ NULL, NULL, false, false },
};

const struct tool_object tool_obj_tc = {
	.name = "tc",
	.one_command = true,
	.usage = "  { qdisc | class | filter } COMMAND ...  (as tc(8); see below)\n"
		 "  qdisc { add | change | replace | delete } dev DEV { root | parent H | ingress | clsact }\n"
		 "        [handle H] KIND [OPTIONS]\n"
		 "  qdisc show [dev DEV]\n"
		 "  class { add | change | replace | delete } dev DEV [parent H] classid H\n"
		 "        { htb rate R [ceil R] [burst B] [cburst B] [prio N] [quantum B]\n"
		 "        | hfsc { sc | rt | ls | ul } [m1 R d T] m2 R|rate R ... }\n"
		 "  class show dev DEV [parent H]\n"
		 "  filter { add | replace | delete } dev DEV parent H [protocol ip|ipv6|all]\n"
		 "        [pref N] [handle H] u32 [match ip { src | dst } PREFIX]\n"
		 "        [match ip { sport | dport | protocol } N [MASK]] flowid H [ACTIONS]\n"
		 "        | matchall [flowid H] [ACTIONS] | flower [classid H] [ip_proto P] [src_ip P]\n"
		 "        [dst_ip P] [src_port N] [dst_port N] [vlan_id N] [vlan_prio N] [ACTIONS]\n"
		 "        | fw [handle MARK[/MASK]] [classid H] [ACTIONS] | basic [classid H] [ACTIONS]\n"
		 "        | bpf { pinned PATH | fd N } [da] [classid H] [ACTIONS]\n"
		 "  filter show dev DEV { parent H | root | ingress | egress }\n"
		 "ACTIONS := action { drop | pass | ... | gact VERDICT\n"
		 "        | mirred { egress | ingress } { redirect | mirror } dev DEV\n"
		 "        | police rate R burst B [mtu B] [conform-exceed E[/C]]\n"
		 "        | skbedit [priority H] [mark M[/MASK]] [queue_mapping N] [ptype P]\n"
		 "        | vlan { pop | push id N [protocol P] [priority N] | modify id N }\n"
		 "        | nat { ingress | egress } OLD[/LEN] NEW } [VERDICT] [index N] [action ...]\n"
		 "KIND [OPTIONS] := htb [default MINOR] [r2q N] | hfsc [default MINOR] | tbf rate R burst B (limit B | latency T)\n"
		 "        | pfifo|bfifo [limit N] | prio [bands N] | netem [delay T [JITTER]] [loss P]\n"
		 "        | sfq | fq_codel | ingress | clsact | any other kind (no options)",
	.cmds = tc_cmds,
};
