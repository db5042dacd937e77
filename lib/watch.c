/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Change watches for dumps the kernel cannot flag (see internal-watch.h).
 * A plain non-blocking socket: it only ever counts datagrams.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal-watch.h"

static int open_here(unsigned int group)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE);

	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    setsockopt(fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &group, sizeof(group)) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

static bool same_netns(int nsfd)
{
	struct stat a, b;

	return fstat(nsfd, &a) == 0 && stat("/proc/thread-self/ns/net", &b) == 0 &&
	       a.st_ino == b.st_ino && a.st_dev == b.st_dev;
}

int nlhl__watch_open(nlhl_handle *h, unsigned int group, int *ret_fd)
{
	int nsfd, saved, fd;

	*ret_fd = -1;
	if (!h)
		return 0;
	/* The handle's socket may live in another netns than this thread
	 * (nlhl_handle_new_at): the watch must be where the socket is. */
	nsfd = nlhl__handle_netns(h);
	if (nsfd < 0)
		return 0;
	if (same_netns(nsfd)) {
		fd = open_here(group);
	} else if (nlhl__netns_enter(nsfd, &saved) == 0) {
		fd = open_here(group);
		if (nlhl__netns_leave(saved) < 0) {
			/* Cannot happen short of a kernel bug; never leave the
			 * thread elsewhere silently. */
			if (fd >= 0)
				close(fd);
			close(nsfd);
			return -EIO;
		}
	} else {
		fd = -1;
	}
	close(nsfd);
	if (fd == -ENOMEM || fd == -EMFILE || fd == -ENFILE)
		return fd;
	*ret_fd = fd >= 0 ? fd : -1;
	return 0;
}

int nlhl__watch_fired(int fd)
{
	char buf[8192];
	int fired = 0;

	if (fd < 0)
		return 0;
	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), MSG_TRUNC);

		if (n >= 0) {
			fired = 1;
			continue;
		}
		if (errno == EINTR)
			continue;
		if (errno == ENOBUFS)  /* overrun: changes were dropped */
			fired = 1;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return fired;
		if (errno != ENOBUFS)
			return 1;  /* unknown state: assume changes */
	}
}

void nlhl__watch_close(int fd)
{
	if (fd >= 0)
		close(fd);
}
