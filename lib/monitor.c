/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The event monitor.  One rtnetlink socket joins the multicast groups and
 * also runs the dumps of a listing, so that dump answers and notifications
 * arrive in one queue, in the order the kernel produced them.
 *
 * Listing without gap or duplicate: the socket subscribes first, then
 * dumps.  While a dump runs, notifications are held back with the number
 * of dumped objects seen before them ("position").  When the listing is
 * complete, a held notification about an object that the dump reported
 * later than the notification arrived is dropped (the dump already showed
 * its effect); one whose content equals what was reported is dropped (the
 * change raced with the dump and the dump won); the others are delivered in
 * order.  A deletion of an object that was never reported is dropped.
 *
 * Overrun: ENOBUFS on the socket means the kernel dropped notifications.
 * The callback gets NLHL_EVENT_OVERRUN; with the resync option the monitor
 * lists again and reports the difference to the table of what it reported
 * before (one copy of each object's message).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

#include "internal-attr.h"
#include "internal-monitor.h"

#define DEFAULT_RCVBUF (4 << 20)
#define LIST_RETRIES 10
/* Datagrams one nlhl_monitor_process() reads before it returns, so that a
 * flood of events cannot keep an event loop from its other work. */
#define PROCESS_BUDGET 256

/* ------------------------------------------------------ the object table */

struct entry {
	struct entry *next;       /* hash chain */
	uint64_t khash, content;
	uint64_t pos;             /* dump position; 0: known from an event */
	uint8_t *msg;             /* copy of the message (resync only) */
	size_t klen;
	uint8_t key[];
};

struct table {
	struct entry **b;
	size_t nb, n;
};

static uint64_t key_hash(const uint8_t *key, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (size_t i = 0; i < len; i++) {
		h ^= key[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

static struct entry **tab_slot(struct table *t, const uint8_t *key, size_t klen, uint64_t kh)
{
	struct entry **p;

	if (!t->nb)
		return NULL;
	for (p = &t->b[kh & (t->nb - 1)]; *p; p = &(*p)->next)
		if ((*p)->khash == kh && (*p)->klen == klen && !memcmp((*p)->key, key, klen))
			return p;
	return p;
}

static struct entry *tab_find(struct table *t, const uint8_t *key, size_t klen)
{
	struct entry **p = tab_slot(t, key, klen, key_hash(key, klen));

	return p ? *p : NULL;
}

static int tab_grow(struct table *t)
{
	size_t nb = t->nb ? t->nb * 2 : 1024;
	struct entry **b = calloc(nb, sizeof(*b));

	if (!b)
		return -ENOMEM;
	for (size_t i = 0; i < t->nb; i++)
		for (struct entry *e = t->b[i], *next; e; e = next) {
			next = e->next;
			e->next = b[e->khash & (nb - 1)];
			b[e->khash & (nb - 1)] = e;
		}
	free(t->b);
	t->b = b;
	t->nb = nb;
	return 0;
}

/* Inserts or updates the entry of key; keeps a copy of nlh if keep_msg. */
static int tab_put(struct table *t, const uint8_t *key, size_t klen, uint64_t content,
		   uint64_t pos, const struct nlmsghdr *nlh, bool keep_msg)
{
	uint64_t kh = key_hash(key, klen);
	struct entry **p, *e;
	uint8_t *copy = NULL;

	if (t->n + 1 > t->nb && tab_grow(t) < 0)
		return -ENOMEM;
	if (keep_msg) {
		copy = malloc(nlh->nlmsg_len);
		if (!copy)
			return -ENOMEM;
		memcpy(copy, nlh, nlh->nlmsg_len);
	}
	p = tab_slot(t, key, klen, kh);
	e = *p;
	if (!e) {
		e = malloc(sizeof(*e) + klen);
		if (!e) {
			free(copy);
			return -ENOMEM;
		}
		e->next = NULL;
		e->khash = kh;
		e->klen = klen;
		e->msg = NULL;
		memcpy(e->key, key, klen);
		*p = e;
		t->n++;
	}
	free(e->msg);
	e->msg = copy;
	e->content = content;
	e->pos = pos;
	return 0;
}

static void tab_del(struct table *t, const uint8_t *key, size_t klen)
{
	struct entry **p = tab_slot(t, key, klen, key_hash(key, klen)), *e;

	if (!p || !*p)
		return;
	e = *p;
	*p = e->next;
	free(e->msg);
	free(e);
	t->n--;
}

static void tab_free(struct table *t);

/* Moves what src says into dst (entries known from a listing). */
static int tab_merge(struct table *dst, struct table *src)
{
	for (size_t i = 0; i < src->nb; i++)
		for (struct entry *e = src->b[i]; e; e = e->next) {
			int r = tab_put(dst, e->key, e->klen, e->content, 0,
					(struct nlmsghdr *)e->msg, e->msg != NULL);

			if (r < 0)
				return r;
		}
	tab_free(src);
	return 0;
}

static void tab_free(struct table *t)
{
	for (size_t i = 0; i < t->nb; i++)
		for (struct entry *e = t->b[i], *next; e; e = next) {
			next = e->next;
			free(e->msg);
			free(e);
		}
	free(t->b);
	*t = (struct table){ 0 };
}

/* ------------------------------------------------------------ monitor */

struct held {
	uint64_t pos;
	struct nlmsghdr *nlh;
};

struct nlhl_monitor {
	nlhl_handle *h;           /* the subscribed socket; runs the dumps too */
	uint32_t port;            /* its netlink port id */
	int epfd, workfd, stopfd;
	struct nlhl_monitor_opts opts;
	nlhl_monitor_cb cb;
	void *arg;
	bool list_due;            /* a listing is to be run */
	bool listed_once;         /* tab is the baseline of what was reported */
	bool synced;              /* the first listing is complete */
	struct table tab;         /* what was reported (list_existing/resync) */
	void *scratch[NLHL_OBJ_QDISC + 1]; /* parsed objects, one per kind */
};

/* Delivers one message as an event: parses it with its family's parser
 * when this build has one. */
static int deliver(nlhl_monitor *m, const struct nlmsghdr *nlh, uint32_t flags)
{
	const struct nlhl__codec *k = nlhl__mon_kind_of(nlh->nlmsg_type);
	struct nlhl_event ev = { 0 };
	void *obj = NULL;
	int r;

	if (!k || !(m->opts.groups & k->group_bit))
		return 0;
	ev.type = nlhl__mon_is_del(nlh->nlmsg_type) ? NLHL_EVENT_DEL : NLHL_EVENT_NEW;
	ev.object = k->object;
	ev.flags = flags;
	ev.nlh = nlh;
	nlhl__mon_ids(nlh, &ev.ifindex, &ev.family, &ev.nsid);
	if (k->parse) {
		if (!m->scratch[k->object] && !(m->scratch[k->object] = calloc(1, k->obj_size)))
			return -ENOMEM;
		obj = m->scratch[k->object];
		r = k->parse(nlh, obj);
		if (r == -EAFNOSUPPORT || r == -ENODEV)
			return 0;  /* objects the family does not model (MPLS ...) */
		if (r < 0)
			obj = NULL;  /* still an event: the message is there */
	}
	ev.obj = obj;
	r = m->cb(&ev, m->arg);
	if (obj && k->clear)
		k->clear(obj);
	return r < 0 ? r : 0;
}

static int deliver_simple(nlhl_monitor *m, enum nlhl_event_type type)
{
	struct nlhl_event ev = { .type = type, .object = NLHL_OBJ_NONE };
	int r = m->cb(&ev, m->arg);

	return r < 0 ? r : 0;
}

/* A live notification: delivered, and the table kept up to date. */
static int live_event(nlhl_monitor *m, const struct nlmsghdr *nlh)
{
	uint8_t key[NLHL_MON_KEY_MAX];
	uint64_t content;
	size_t klen;

	if (m->opts.resync && (klen = nlhl__mon_key(nlh, key, &content))) {
		if (nlhl__mon_is_del(nlh->nlmsg_type))
			tab_del(&m->tab, key, klen);
		else if (tab_put(&m->tab, key, klen, content, 0, nlh, true) < 0)
			return -ENOMEM;
	}
	return deliver(m, nlh, 0);
}

/* One datagram into *buf; -EAGAIN when nothing is ready (wait = false).
 * Peeked: events and dump datagrams may be of any size. */
static ssize_t mon_recv(nlhl_monitor *m, bool wait, const uint8_t **buf)
{
	return nlhl__recv(m->h, NLHL__RECV_PEEK | (wait ? 0 : NLHL__RECV_NOWAIT), buf);
}

/* ---------------------------------------------------------- listing */

struct listing {
	struct table fresh;       /* what the dumps returned */
	uint64_t pos;
	struct nlhl__vec held;     /* struct held: notifications held back */
	bool report;              /* report the dumped objects */
};

static int hold(struct listing *L, const struct nlmsghdr *nlh)
{
	struct nlmsghdr *copy = malloc(nlh->nlmsg_len);
	struct held *hd;

	if (!copy)
		return -ENOMEM;
	hd = nlhl__vec_push(&L->held);
	if (!hd) {
		free(copy);
		return -ENOMEM;
	}
	memcpy(copy, nlh, nlh->nlmsg_len);
	*hd = (struct held){ L->pos, copy };
	return 0;
}

static void listing_free(struct listing *L)
{
	struct held *hd = L->held.items;

	for (size_t i = 0; i < L->held.n; i++)
		free(hd[i].nlh);
	free(L->held.items);
	tab_free(&L->fresh);
	*L = (struct listing){ 0 };
}

/* One dumped object: into the fresh table, and reported now (initial
 * listing) or when it differs from what was reported before (resync). */
static int dumped(nlhl_monitor *m, struct listing *L, const struct nlmsghdr *nlh)
{
	uint8_t key[NLHL_MON_KEY_MAX];
	uint64_t content = 0;
	size_t klen = nlhl__mon_key(nlh, key, &content);
	struct entry *old, *prev;
	bool seen_same;
	int r;

	L->pos++;
	/* an interrupted dump runs again: what it gave before and gives
	 * again unchanged is not reported twice */
	prev = klen ? tab_find(&L->fresh, key, klen) : NULL;
	seen_same = prev && prev->content == content;
	if (klen) {
		/* the messages are kept for a resync, and during the first
		 * listing in case an overrun makes it a resync */
		r = tab_put(&L->fresh, key, klen, content, L->pos, nlh,
			    m->opts.resync || !m->synced);
		if (r < 0)
			return r;
	}
	if (!L->report || seen_same)
		return 0;
	if (!m->listed_once || prev)
		return deliver(m, nlh, m->synced ? NLHL_EVENT_F_RESYNC : NLHL_EVENT_F_EXISTING);
	old = klen ? tab_find(&m->tab, key, klen) : NULL;
	if (old && old->content == content)
		return 0;
	return deliver(m, nlh, m->synced ? NLHL_EVENT_F_RESYNC : NLHL_EVENT_F_EXISTING);
}

/* Runs one dump on the subscribed socket.  Returns 1 when the kernel
 * flagged it as interrupted, 0 when complete, or a negative errno
 * (-ENOBUFS: notifications were lost meanwhile). */
static int run_dump(nlhl_monitor *m, struct listing *L, struct nl_msg *msg)
{
	struct nlmsghdr *req = nlmsg_hdr(msg);
	bool intr = false;
	int r;

	req->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req->nlmsg_seq = nlhl__handle_next_seq(m->h);
	req->nlmsg_pid = 0;
	r = nlhl__send(m->h, req);
	if (r < 0)
		return r;
	for (;;) {
		const uint8_t *buf;
		ssize_t n = mon_recv(m, true, &buf);
		int len;

		if (n < 0)
			return (int)n;
		len = (int)n;
		for (const struct nlmsghdr *nlh = (const struct nlmsghdr *)buf; NLMSG_OK(nlh, len);
		     nlh = NLMSG_NEXT(nlh, len)) {
			bool ours = nlh->nlmsg_seq == req->nlmsg_seq && nlh->nlmsg_pid == m->port;

			if (!ours) {
				if (nlh->nlmsg_type >= NLMSG_MIN_TYPE && (r = hold(L, nlh)) < 0)
					return r;
				continue;
			}
			if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
				intr = true;
			if (nlh->nlmsg_type == NLMSG_DONE || nlh->nlmsg_type == NLMSG_ERROR) {
				r = nlhl__parse_ack(nlh);
				/* a family this kernel lacks lists nothing */
				if (r == -EOPNOTSUPP || r == -EAFNOSUPPORT)
					r = 0;
				return r < 0 ? r : intr;
			}
			if (nlh->nlmsg_type >= NLMSG_MIN_TYPE && (r = dumped(m, L, nlh)) < 0)
				return r;
		}
	}
}

/* A held notification, replayed after the listing (see the top).  When
 * the listing was silent (resync's baseline, nothing reported), every
 * notification is delivered as it came: the table alone follows the
 * rules. */
static int replay(nlhl_monitor *m, const struct held *hd, bool silent)
{
	uint8_t key[NLHL_MON_KEY_MAX];
	uint64_t content = 0;
	size_t klen = nlhl__mon_key(hd->nlh, key, &content);
	struct entry *e;
	bool news = true;

	if (!klen)
		return deliver(m, hd->nlh, 0);  /* untracked: as it came */
	e = tab_find(&m->tab, key, klen);
	if (e && e->pos > hd->pos)
		news = false;  /* the dump read the object after this change */
	else if (nlhl__mon_is_del(hd->nlh->nlmsg_type)) {
		if (!e)
			news = false;  /* never reported: nothing to delete */
		else
			tab_del(&m->tab, key, klen);
	} else if (e && e->content == content) {
		news = false;  /* the dump showed this very state */
	} else if (tab_put(&m->tab, key, klen, content, 0, hd->nlh, m->opts.resync) < 0) {
		return -ENOMEM;
	}
	return news || silent ? deliver(m, hd->nlh, 0) : 0;
}

/* Reports objects of the old table the new listing lacks (resync). */
static int report_gone(nlhl_monitor *m, struct table *fresh)
{
	for (size_t i = 0; i < m->tab.nb; i++)
		for (struct entry *e = m->tab.b[i]; e; e = e->next) {
			struct nlmsghdr *nlh = (struct nlmsghdr *)e->msg;
			int r;

			if (!nlh || tab_find(fresh, e->key, e->klen))
				continue;
			/* the old message, as a deletion */
			switch (nlh->nlmsg_type) {
			case RTM_NEWLINK: nlh->nlmsg_type = RTM_DELLINK; break;
			case RTM_NEWADDR: nlh->nlmsg_type = RTM_DELADDR; break;
			case RTM_NEWROUTE: nlh->nlmsg_type = RTM_DELROUTE; break;
			case RTM_NEWNEIGH: nlh->nlmsg_type = RTM_DELNEIGH; break;
			case RTM_NEWRULE: nlh->nlmsg_type = RTM_DELRULE; break;
			case RTM_NEWNEXTHOP: nlh->nlmsg_type = RTM_DELNEXTHOP; break;
			case RTM_NEWNSID: nlh->nlmsg_type = RTM_DELNSID; break;
			case RTM_NEWQDISC: nlh->nlmsg_type = RTM_DELQDISC; break;
			default: break;
			}
			r = deliver(m, nlh, m->synced ? NLHL_EVENT_F_RESYNC : NLHL_EVENT_F_EXISTING);
			if (r < 0)
				return r;
		}
	return 0;
}

/* Drops every datagram waiting on the socket (before a resync lists). */
static void drain(nlhl_monitor *m)
{
	const uint8_t *buf;

	while (mon_recv(m, false, &buf) >= 0)
		;
}

/* The listing: every dump the groups need, then the held notifications. */
static int run_listing(nlhl_monitor *m)
{
	bool report = m->opts.list_existing || m->listed_once;
	int r = 0;

	for (int attempt = 0;; attempt++) {
		struct listing L = { .held = NLHL__VEC(struct held), .report = report };
		struct nl_msg *msg = NULL;
		int i = 0;

		while ((r = nlhl__mon_dump_next(m->opts.groups, &i, &msg)) > 0) {
			int tries = 0;

			do {
				/* an interrupted dump starts over: the objects it
				 * gave are in the table and will compare equal */
				r = run_dump(m, &L, msg);
			} while (r == 1 && ++tries < LIST_RETRIES);
			nlmsg_free(msg);
			if (r == 1) {
				nlhl__detail_set("dump interrupted by concurrent changes %d times",
						 LIST_RETRIES);
				r = -EINTR;
			}
			if (r < 0)
				break;
		}
		if (r == -ENOBUFS && attempt + 1 < LIST_RETRIES) {
			/* Notifications were lost while listing: list again.
			 * What this attempt reported joins the baseline, so the
			 * next attempt reports only the difference. */
			if (L.report) {
				r = tab_merge(&m->tab, &L.fresh);
				if (r < 0) {
					listing_free(&L);
					return r;
				}
				m->listed_once = true;
			}
			listing_free(&L);
			drain(m);  /* also runs the broken dump to its end */
			continue;
		}
		if (r < 0) {
			listing_free(&L);
			return r;
		}
		if (report && m->listed_once) {
			r = report_gone(m, &L.fresh);
			if (r < 0) {
				listing_free(&L);
				return r;
			}
		}
		tab_free(&m->tab);
		m->tab = L.fresh;
		L.fresh = (struct table){ 0 };
		m->listed_once = true;
		for (size_t j = 0; j < L.held.n && r >= 0; j++)
			r = replay(m, (struct held *)L.held.items + j, !report);
		listing_free(&L);
		if (r < 0)
			return r;
		if (!m->opts.resync)
			tab_free(&m->tab);  /* only a resync needs it later */
		m->synced = true;
		return report ? deliver_simple(m, NLHL_EVENT_SYNCED) : 0;
	}
}

/* ------------------------------------------------------------ public */

static void set_work(nlhl_monitor *m, bool due)
{
	uint64_t v = 1;

	m->list_due = due;
	if (due) {
		if (write(m->workfd, &v, sizeof(v)) < 0) {
			/* the counter is already set: fine */
		}
	} else if (read(m->workfd, &v, sizeof(v)) < 0) {
		/* it was not set: fine */
	}
}

static int monitor_setup(const struct nlhl_monitor_opts *opts, nlhl_monitor_cb cb, void *arg,
			 nlhl_monitor **ret, nlhl_monitor **out)
{
	struct nlhl_monitor_opts o;
	nlhl_monitor *m;
	int r;

	NLHL_CHECK_PTR(ret, "monitor new");
	NLHL_CHECK_PTR(cb, "monitor new");
	/* validated after the copy: fields past the caller's sz read as 0 */
	r = NLHL_OPTS_COPY(nlhl_monitor_opts, &o, opts, "monitor new");
	if (r < 0)
		return r;
	if (o.groups & ~NLHL_MONITOR_ALL)
		return nlhl__fail(-EINVAL, "monitor new: unknown groups 0x%x",
				  o.groups & ~NLHL_MONITOR_ALL);
	if (o.rcvbuf < 0)
		return nlhl__fail(-EINVAL, "monitor new: rcvbuf %d is negative", o.rcvbuf);
	m = calloc(1, sizeof(*m));
	if (!m)
		return nlhl__fail(-ENOMEM, "monitor new: out of memory");
	m->epfd = m->workfd = m->stopfd = -1;
	m->opts = o;
	if (!m->opts.groups)
		m->opts.groups = NLHL_MONITOR_ALL;
	if (!m->opts.rcvbuf)
		m->opts.rcvbuf = DEFAULT_RCVBUF;
	m->cb = cb;
	m->arg = arg;
	*out = m;
	return 0;
}

/* Subscribes m->h and makes the fds. */
static int monitor_start(nlhl_monitor *m)
{
	unsigned int grp[16];
	int n = nlhl__mon_rtnl_groups(m->opts.groups, grp), r, fd = nlhl__handle_fd(m->h);
	struct epoll_event ev = { .events = EPOLLIN };
	struct sockaddr_nl sa;
	socklen_t sl = sizeof(sa);

	r = nlhl__sock_set_rcvbuf(fd, m->opts.rcvbuf);
	if (r < 0)
		return nlhl__fail(r, "monitor new: cannot set a %d byte receive buffer", m->opts.rcvbuf);
	for (int i = 0; i < n; i++)
		if (setsockopt(fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &grp[i], sizeof(grp[i])) < 0) {
			r = -errno;
			/* a group this kernel lacks (nexthop < 5.3) is not fatal */
			if (r != -EINVAL)
				return nlhl__fail(r, "monitor new: cannot join group %u", grp[i]);
		}
	if (getsockname(fd, (struct sockaddr *)&sa, &sl) < 0)
		return nlhl__fail(-errno, "monitor new: getsockname");
	m->port = sa.nl_pid;
	m->workfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	m->stopfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	m->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (m->workfd < 0 || m->stopfd < 0 || m->epfd < 0)
		return nlhl__fail(-errno, "monitor new: cannot make its file descriptors");
	ev.data.fd = fd;
	if (epoll_ctl(m->epfd, EPOLL_CTL_ADD, fd, &ev) < 0)
		return nlhl__fail(-errno, "monitor new: epoll_ctl");
	ev.data.fd = m->workfd;
	if (epoll_ctl(m->epfd, EPOLL_CTL_ADD, m->workfd, &ev) < 0)
		return nlhl__fail(-errno, "monitor new: epoll_ctl");
	/* resync needs a baseline even when the listing is not reported */
	if (m->opts.list_existing || m->opts.resync)
		set_work(m, true);
	return 0;
}

/* netns_fd < 0: the calling thread's netns */
static int monitor_new(int netns_fd, const struct nlhl_monitor_opts *opts,
		       nlhl_monitor_cb cb, void *arg, nlhl_monitor **ret)
{
	nlhl_monitor *m = NULL;
	int r;

	r = monitor_setup(opts, cb, arg, ret, &m);
	if (r < 0)
		return r;
	r = netns_fd >= 0 ? nlhl_handle_new_at(netns_fd, &m->h) : nlhl_handle_new(&m->h);
	if (r < 0) {
		free(m);
		return r;
	}
	r = monitor_start(m);
	if (r < 0) {
		nlhl_monitor_free(m);
		return r;
	}
	*ret = m;
	return 0;
}

NLHL_API int nlhl_monitor_new_at(int netns_fd, const struct nlhl_monitor_opts *opts,
				 nlhl_monitor_cb cb, void *arg, nlhl_monitor **ret)
{
	int r = nlhl__netns_check_fd(netns_fd, "monitor new at");

	return r < 0 ? r : monitor_new(netns_fd, opts, cb, arg, ret);
}

NLHL_API int nlhl_monitor_new(nlhl_handle *h, const struct nlhl_monitor_opts *opts,
			      nlhl_monitor_cb cb, void *arg, nlhl_monitor **ret)
{
	int nsfd, r;

	if (!h)
		return monitor_new(-1, opts, cb, arg, ret);
	nsfd = nlhl__handle_netns(h);
	if (nsfd < 0)
		return nlhl__fail(nsfd, "monitor new: cannot find the netns of the handle");
	r = monitor_new(nsfd, opts, cb, arg, ret);
	close(nsfd);
	return r;
}

NLHL_API void nlhl_monitor_free(nlhl_monitor *m)
{
	if (!m)
		return;
	if (m->epfd >= 0)
		close(m->epfd);
	if (m->workfd >= 0)
		close(m->workfd);
	if (m->stopfd >= 0)
		close(m->stopfd);
	nlhl_handle_free(m->h);
	tab_free(&m->tab);
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(m->scratch); i++)
		free(m->scratch[i]);
	free(m);
}

nlhl_handle *nlhl__monitor_handle(const nlhl_monitor *m)
{
	return m->h;
}

NLHL_API int nlhl_monitor_fd(const nlhl_monitor *m)
{
	if (!m)
		return nlhl__fail(-EINVAL, "monitor fd: m is NULL");
	return m->epfd;
}

NLHL_API int nlhl_monitor_process(nlhl_monitor *m)
{
	int r;

	NLHL_CHECK_PTR(m, "monitor process");
	nlhl__detail_clear();
	if (m->list_due) {
		r = run_listing(m);
		if (r < 0)
			return nlhl__fail_req(r, "monitor: listing the existing objects");
		set_work(m, false);
	}
	for (int budget = PROCESS_BUDGET; budget > 0; budget--) {
		const uint8_t *buf;
		ssize_t n = mon_recv(m, false, &buf);
		int len;

		if (n == -EAGAIN || n == -EWOULDBLOCK)
			return 0;
		if (n == -ENOBUFS) {
			r = deliver_simple(m, NLHL_EVENT_OVERRUN);
			if (r < 0)
				return r;
			if (m->opts.resync) {
				drain(m);
				r = run_listing(m);
				if (r < 0)
					return nlhl__fail_req(r, "monitor: resync after an overrun");
			}
			continue;
		}
		if (n < 0)
			return nlhl__fail((int)n, "monitor: cannot receive events");
		len = (int)n;
		for (const struct nlmsghdr *nlh = (const struct nlmsghdr *)buf; NLMSG_OK(nlh, len);
		     nlh = NLMSG_NEXT(nlh, len)) {
			if (nlh->nlmsg_type < NLMSG_MIN_TYPE)
				continue;
			r = live_event(m, nlh);
			if (r < 0)
				return r == -ENOMEM ? nlhl__fail(r, "monitor: out of memory") : r;
		}
	}
	return 0;
}

NLHL_API int nlhl_monitor_run(nlhl_monitor *m)
{
	NLHL_CHECK_PTR(m, "monitor run");
	for (;;) {
		struct pollfd p[2] = { { .fd = m->epfd, .events = POLLIN },
				       { .fd = m->stopfd, .events = POLLIN } };
		uint64_t v;
		int r;

		if (read(m->stopfd, &v, sizeof(v)) == sizeof(v))
			return 0;
		r = nlhl_monitor_process(m);
		if (r < 0)
			return r;
		if (poll(p, 2, -1) < 0 && errno != EINTR)
			return nlhl__fail(-errno, "monitor run: poll");
	}
}

NLHL_API int nlhl_monitor_stop(nlhl_monitor *m)
{
	uint64_t v = 1;
	int saved = errno;  /* async-signal-safe: errno is preserved */

	if (!m)
		return -EINVAL;
	if (write(m->stopfd, &v, sizeof(v)) < 0) {
		int r = -errno;

		errno = saved;
		return r == -EAGAIN ? 0 : r;
	}
	errno = saved;
	return 0;
}
