/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The objects `nlhl OBJECT ...` knows, in ip's order of abbreviation. */
#include "tool.h"

const struct tool_object *const tool_objects[] = {
	&tool_obj_addr,
	&tool_obj_route,
	&tool_obj_rule,
	&tool_obj_neigh,
	&tool_obj_link,
	&tool_obj_netns,
	&tool_obj_monitor,
	&tool_obj_tc,
	NULL,
};
