/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The tc lists on a struct nlhl_link (Go's QdiscList(link), ...): the link's
 * index, looked up by name when only the name is set, then the _by_index
 * calls.
 */
#include "internal-tc.h"
#include "internal-link.h"

static int link_index(nlhl_handle *h, const struct nlhl_link *link, const char *op, int *ret)
{
	return nlhl__link_index(h, link, op, ret);
}

NLHL_API int nlhl_qdisc_list(nlhl_handle *h, const struct nlhl_link *link,
			     struct nlhl_qdisc **ret, size_t *ret_n)
{
	int idx = 0, r;

	if (link) {
		r = link_index(h, link, "qdisc list", &idx);
		if (r < 0)
			return r;
	}
	return nlhl_qdisc_list_by_index(h, idx, ret, ret_n);
}

NLHL_API int nlhl_class_list(nlhl_handle *h, const struct nlhl_link *link, uint32_t parent,
			     struct nlhl_class **ret, size_t *ret_n)
{
	int idx = 0, r;

	NLHL_CHECK_PTR(link, "class list");
	r = link_index(h, link, "class list", &idx);
	if (r < 0)
		return r;
	return nlhl_class_list_by_index(h, idx, parent, ret, ret_n);
}

NLHL_API int nlhl_filter_list(nlhl_handle *h, const struct nlhl_link *link, uint32_t parent,
			      struct nlhl_filter **ret, size_t *ret_n)
{
	int idx = 0, r;

	NLHL_CHECK_PTR(link, "filter list");
	r = link_index(h, link, "filter list", &idx);
	if (r < 0)
		return r;
	return nlhl_filter_list_by_index(h, idx, parent, ret, ret_n);
}
