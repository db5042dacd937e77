/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Network namespaces as file descriptors.
 *
 * Every fd returned here is O_CLOEXEC and owned by the caller (close() it).
 * A netns lives as long as an fd, a task, a bind mount or a socket refers to
 * it.  Nothing here runs the ip program; names are iproute2's /run/netns/NAME
 * bind mounts, so `ip netns` and this library see the same names.
 * Functions that return an fd return it (>= 0) or a negative errno.
 */
#ifndef NETLINKHL_NETNS_H
#define NETLINKHL_NETNS_H

#include <sys/types.h>
#include <netlinkhl/common.h>

NLHL_BEGIN_DECLS

/* An fd of a fresh, empty netns (only a down "lo").  The calling thread
 * stays where it is. */
NLHL_API int nlhl_netns_new(void);

/* An fd of the calling thread's current netns. */
NLHL_API int nlhl_netns_current(void);

/* An fd of the netns of process pid (/proc/PID/ns/net). */
NLHL_API int nlhl_netns_get_by_pid(pid_t pid);

/* An fd of the netns at path (a /proc/.../ns/net file or a bind mount of
 * one); -EINVAL if path is not a network namespace. */
NLHL_API int nlhl_netns_get_by_path(const char *path);

/* An fd of iproute2's named netns /run/netns/NAME. */
NLHL_API int nlhl_netns_get_by_name(const char *name);

/* Creates a fresh netns pinned at /run/netns/NAME (as `ip netns add NAME`)
 * and returns an fd of it; -EEXIST if the name is taken. */
NLHL_API int nlhl_netns_new_named(const char *name);

/* Unpins /run/netns/NAME (as `ip netns delete NAME`); the netns itself dies
 * when nothing else refers to it. */
NLHL_API int nlhl_netns_delete_named(const char *name);

/* The inode number of the netns behind fd: two fds refer to the same netns
 * exactly when their inodes are equal. */
NLHL_API int nlhl_netns_ino(int fd, uint64_t *ret_ino);

/* Moves the calling thread (only it) into the netns behind fd. */
NLHL_API int nlhl_netns_set(int fd);

/* Runs fn(arg) with the calling thread inside the netns behind fd and moves
 * the thread back before returning, also when fn fails.  Returns fn's
 * result, or a negative errno when the netns could not be entered (fn did
 * not run) or the thread could not be moved back (fn ran).  fn should
 * return >= 0 on success or a negative errno. */
NLHL_API int nlhl_netns_exec(int fd, int (*fn)(void *arg), void *arg);

NLHL_END_DECLS

#endif
