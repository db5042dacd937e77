/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libnetlinkhl - common definitions shared by every public header.
 *
 * The public headers need C11 (anonymous unions in struct nlhl_link) and
 * compile as C++.  Every function returns 0 on success or the kernel's own
 * errno negated (-EEXIST, -ENODEV, ...) and leaves its outputs untouched on
 * failure; nlhl_errmsg() then describes what went wrong.
 */
#ifndef NETLINKHL_COMMON_H
#define NETLINKHL_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define NLHL_BEGIN_DECLS extern "C" {
#define NLHL_END_DECLS }
#else
#define NLHL_BEGIN_DECLS
#define NLHL_END_DECLS
#endif

/* Marks exported functions; everything else in the library is hidden. */
#define NLHL_API __attribute__((visibility("default")))

#define NLHL_VERSION_MAJOR 0
#define NLHL_VERSION_MINOR 1
#define NLHL_VERSION_PATCH 0

#endif
