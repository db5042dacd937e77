/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Network namespaces as fds.  Everything works on the calling thread
 * (/proc/thread-self), never on the whole process, and nothing runs `ip`:
 * named namespaces are made the way iproute2 makes them, so both see the
 * same /run/netns.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <linux/magic.h>
#include <linux/nsfs.h>

#include "internal.h"
#include "netlinkhl/netns.h"

#define NETNS_RUN_DIR "/run/netns"

int nlhl__netns_check_fd(int fd, const char *op)
{
	struct statfs sfs;
	int type;

	if (fd < 0)
		return nlhl__fail(-EBADF, "%s: netns fd %d is not an fd", op, fd);
	if (fstatfs(fd, &sfs) < 0)
		return nlhl__fail(-errno, "%s: netns fd %d", op, fd);
	if (sfs.f_type != NSFS_MAGIC)
		return nlhl__fail(-EINVAL, "%s: fd %d is not a namespace", op, fd);
	type = ioctl(fd, NS_GET_NSTYPE);
	if (type >= 0 && type != CLONE_NEWNET)
		return nlhl__fail(-EINVAL, "%s: fd %d is not a network namespace", op, fd);
	return 0;
}

static int open_ns(const char *path, const char *op)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int r;

	if (fd < 0)
		return nlhl__fail(-errno, "%s: %s", op, path);
	r = nlhl__netns_check_fd(fd, op);
	if (r < 0) {
		close(fd);
		return r;
	}
	return fd;
}

int nlhl__netns_enter(int netns_fd, int *saved)
{
	int cur = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);

	if (cur < 0)
		return -errno;
	if (setns(netns_fd, CLONE_NEWNET) < 0) {
		int err = -errno;

		close(cur);
		return err;
	}
	*saved = cur;
	return 0;
}

int nlhl__netns_leave(int saved)
{
	int r = setns(saved, CLONE_NEWNET) < 0 ? -errno : 0;

	close(saved);
	return r;
}

NLHL_API int nlhl_netns_current(void)
{
	return open_ns("/proc/thread-self/ns/net", "netns current");
}

NLHL_API int nlhl_netns_new(void)
{
	int saved, fd, r;

	saved = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	if (saved < 0)
		return nlhl__fail(-errno, "netns new: cannot open the current netns");
	/* unshare() moves only this thread; move it straight back. */
	if (unshare(CLONE_NEWNET) < 0) {
		r = -errno;
		close(saved);
		return nlhl__fail(r, "netns new: unshare");
	}
	fd = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	r = fd < 0 ? -errno : 0;
	if (nlhl__netns_leave(saved) < 0) {
		if (fd >= 0)
			close(fd);
		return nlhl__fail(-errno, "netns new: cannot return to the original netns");
	}
	if (r < 0)
		return nlhl__fail(r, "netns new: cannot open the new netns");
	return fd;
}

NLHL_API int nlhl_netns_get_by_pid(pid_t pid)
{
	char path[64];

	if (pid <= 0)
		return nlhl__fail(-EINVAL, "netns get by pid: %d is not a pid", (int)pid);
	snprintf(path, sizeof(path), "/proc/%d/ns/net", (int)pid);
	return open_ns(path, "netns get by pid");
}

NLHL_API int nlhl_netns_get_by_path(const char *path)
{
	NLHL_CHECK_PTR(path, "netns get by path");
	if (!*path)
		return nlhl__fail(-EINVAL, "netns get by path: empty path");
	return open_ns(path, "netns get by path");
}

/* iproute2's rule for names under /run/netns. */
static int netns_path(const char *name, const char *op, char *buf, size_t size)
{
	if (!name)
		return nlhl__fail(-EINVAL, "%s: name is NULL", op);
	if (!*name || strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, ".."))
		return nlhl__fail(-EINVAL, "%s: \"%s\" is not a valid netns name", op, name);
	if ((size_t)snprintf(buf, size, NETNS_RUN_DIR "/%s", name) >= size ||
	    strlen(name) > NAME_MAX)
		return nlhl__fail(-EINVAL, "%s: netns name too long", op);
	return 0;
}

NLHL_API int nlhl_netns_get_by_name(const char *name)
{
	char path[PATH_MAX];
	int r = netns_path(name, "netns get by name", path, sizeof(path));

	if (r < 0)
		return r;
	return open_ns(path, "netns get by name");
}

/* Like iproute2: /run/netns is a shared mount point, so that a netns pinned
 * in it shows up in every mount namespace that shares /run. */
static int make_run_dir_shared(void)
{
	if (mkdir(NETNS_RUN_DIR, 0755) < 0 && errno != EEXIST)
		return -errno;
	for (int tries = 0; tries < 2; tries++) {
		if (mount("", NETNS_RUN_DIR, "none", MS_SHARED | MS_REC, NULL) == 0)
			return 0;
		if (errno != EINVAL)
			return -errno;
		/* Not a mount point yet: bind it onto itself, then retry. */
		if (mount(NETNS_RUN_DIR, NETNS_RUN_DIR, "none", MS_BIND | MS_REC, NULL) < 0)
			return -errno;
	}
	return -EINVAL;
}

NLHL_API int nlhl_netns_new_named(const char *name)
{
	const char *op = "netns new named";
	char path[PATH_MAX], src[64];
	int r, fd, pin;

	r = netns_path(name, op, path, sizeof(path));
	if (r < 0)
		return r;
	r = make_run_dir_shared();
	if (r < 0)
		return nlhl__fail(r, "%s %s: cannot prepare " NETNS_RUN_DIR, op, name);
	pin = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
	if (pin < 0)
		return nlhl__fail(-errno, "%s %s: cannot create %s", op, name, path);
	close(pin);
	fd = nlhl_netns_new();
	if (fd < 0) {
		unlink(path);
		return fd;
	}
	snprintf(src, sizeof(src), "/proc/thread-self/fd/%d", fd);
	if (mount(src, path, "none", MS_BIND, NULL) < 0) {
		r = -errno;
		close(fd);
		unlink(path);
		return nlhl__fail(r, "%s %s: cannot bind mount the netns on %s", op, name, path);
	}
	return fd;
}

NLHL_API int nlhl_netns_delete_named(const char *name)
{
	const char *op = "netns delete named";
	char path[PATH_MAX];
	int r = netns_path(name, op, path, sizeof(path));

	if (r < 0)
		return r;
	/* EINVAL: not mounted (a stale file); remove it all the same. */
	if (umount2(path, MNT_DETACH) < 0 && errno != EINVAL) {
		r = -errno;
		if (r == -ENOENT)
			return nlhl__fail(r, "%s %s: no such netns", op, name);
		return nlhl__fail(r, "%s %s: cannot unmount %s", op, name, path);
	}
	if (unlink(path) < 0)
		return nlhl__fail(-errno, "%s %s: cannot remove %s", op, name, path);
	return 0;
}

NLHL_API int nlhl_netns_ino(int fd, uint64_t *ret_ino)
{
	struct stat st;
	int r;

	NLHL_CHECK_PTR(ret_ino, "netns ino");
	r = nlhl__netns_check_fd(fd, "netns ino");
	if (r < 0)
		return r;
	if (fstat(fd, &st) < 0)
		return nlhl__fail(-errno, "netns ino: fd %d", fd);
	*ret_ino = (uint64_t)st.st_ino;
	return 0;
}

NLHL_API int nlhl_netns_set(int fd)
{
	int r = nlhl__netns_check_fd(fd, "netns set");

	if (r < 0)
		return r;
	if (setns(fd, CLONE_NEWNET) < 0)
		return nlhl__fail(-errno, "netns set: fd %d", fd);
	return 0;
}

NLHL_API int nlhl_netns_exec(int fd, int (*fn)(void *arg), void *arg)
{
	int saved, r, r2;

	NLHL_CHECK_PTR(fn, "netns exec");
	r = nlhl__netns_check_fd(fd, "netns exec");
	if (r < 0)
		return r;
	r = nlhl__netns_enter(fd, &saved);
	if (r < 0)
		return nlhl__fail(r, "netns exec: cannot enter netns fd %d", fd);
	r = fn(arg);
	r2 = nlhl__netns_leave(saved);
	if (r2 < 0)
		return nlhl__fail(r2, "netns exec: cannot return to the original netns");
	return r;
}

/* ---------------------------------------------------------------- codec */

#include <linux/net_namespace.h>

#include "internal-attr.h"
#include "internal-codec.h"

/* An nsid has no struct of its own: events carry the message and the id. */
static bool codec_key(const struct nlmsghdr *nlh, struct nlhl__key *k, uint64_t *content)
{
	const struct nlattr *tb[NLHL_CODEC_MAX_ATTR];
	struct rtgenmsg g;

	nlhl__codec_hdr(nlh, &g, sizeof(g));
	nlhl__codec_attrs(nlh, sizeof(g), tb);
	if (!tb[NETNSA_NSID])
		return false;
	nlhl__key_attr(k, tb[NETNSA_NSID], NETNSA_NSID);
	*content = nlhl__content_hash(nlh, &g, sizeof(g), NULL, 0);
	return true;
}

static void codec_ids(const struct nlmsghdr *nlh, int *ifindex, int32_t *nsid)
{
	const struct nlattr *tb[NLHL_CODEC_MAX_ATTR];

	(void)ifindex;
	nlhl__codec_attrs(nlh, sizeof(struct rtgenmsg), tb);
	*nsid = (int32_t)nlhl__get_u32_or(tb[NETNSA_NSID], 0);
}

const struct nlhl__codec nlhl__nsid_codec = {
	.name = "nsid",
	.new_type = RTM_NEWNSID, .del_type = RTM_DELNSID, .get_type = RTM_GETNSID,
	.hdrlen = sizeof(struct rtgenmsg),
	.object = NLHL_OBJ_NSID, .group_bit = NLHL_MONITOR_NSID,
	.groups = { { NLHL_MONITOR_NSID, RTNLGRP_NSID, AF_UNSPEC } },
	.key = codec_key, .key_tag = 'S', .ids = codec_ids,
};
