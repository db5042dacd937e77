/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Watching link events: the C twin of
 *
 *	ch := make(chan netlink.LinkUpdate)
 *	done := make(chan struct{})
 *	netlink.LinkSubscribe(ch, done)
 *	for u := range ch {
 *		fmt.Println(u.Header.Type, u.Link.Attrs().Name, u.Attrs().OperState)
 *	}
 *
 * A callback instead of a channel; poll nlhl_monitor_fd() to fit it into
 * an event loop.  Here the program makes its own events (a veth pair that
 * goes up, then away) and stops when it sees the deletion.
 * Build: cc ex-link-events.c $(pkg-config --cflags --libs netlinkhl)
 */
#include <netlinkhl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>

static int on_event(const struct nlhl_event *ev, void *arg)
{
	int *seen_del = arg;

	if (ev->object != NLHL_OBJ_LINK || !ev->link)
		return 0;
	if (strncmp(ev->link->attrs.name, "ev", 2))
		return 0;  /* only ours */
	printf("%s link %s%s\n", ev->type == NLHL_EVENT_NEW ? "new" : "del",
	       ev->link->attrs.name, ev->link->attrs.flags & 1 /* IFF_UP */ ? " up" : "");
	if (ev->type == NLHL_EVENT_DEL && !strcmp(ev->link->attrs.name, "ev0"))
		*seen_del = 1;
	return 0;
}

static int fail(const char *what)
{
	fprintf(stderr, "%s: %s\n", what, nlhl_errmsg());
	return 1;
}

int main(void)
{
	struct nlhl_monitor_opts opts = { .sz = sizeof(opts), .groups = NLHL_MONITOR_LINK };
	struct nlhl_link veth = { .type = NLHL_LINK_VETH };
	nlhl_monitor *m;
	int seen_del = 0;

	if (nlhl_monitor_new(NULL, &opts, on_event, &seen_del, &m) < 0)
		return fail("monitor");

	strcpy(veth.attrs.name, "ev0");
	strcpy(veth.veth.peer_name, "ev1");
	if (nlhl_link_add(NULL, &veth) < 0 || nlhl_link_set_up(NULL, &veth) < 0 ||
	    nlhl_link_del(NULL, &veth) < 0)
		return fail("veth");

	while (!seen_del) {
		struct pollfd p = { .fd = nlhl_monitor_fd(m), .events = POLLIN };

		if (poll(&p, 1, 5000) <= 0) {
			fprintf(stderr, "no deletion event within 5 s\n");
			return 1;
		}
		if (nlhl_monitor_process(m) < 0)
			return fail("events");
	}
	nlhl_monitor_free(m);
	return 0;
}
