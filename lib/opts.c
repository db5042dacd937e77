/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Options structs that grow the libbpf way: the caller says how big its
 * struct is (sz, first field), so an older caller's smaller struct is read
 * no further than its end, and a newer caller's larger one is refused when
 * it sets fields this library would silently ignore.
 */
#include <string.h>

#include "internal.h"

int nlhl__opts_copy(void *dst, size_t dst_sz, const void *src, const char *type,
		    const char *op)
{
	const uint8_t *s = src;
	size_t sz;

	memset(dst, 0, dst_sz);
	if (src) {
		memcpy(&sz, src, sizeof(sz));
		if (sz < sizeof(size_t))
			return nlhl__fail(-EINVAL, "%s: opts->sz is %zu, not sizeof(struct %s)",
					  op, sz, type);
		for (size_t i = dst_sz; i < sz; i++)
			if (s[i])
				return nlhl__fail(-EINVAL, "%s: struct %s of %zu bytes sets fields "
						  "past the %zu this library knows",
						  op, type, sz, dst_sz);
		memcpy(dst, src, sz < dst_sz ? sz : dst_sz);
	}
	memcpy(dst, &dst_sz, sizeof(dst_sz));
	return 0;
}
