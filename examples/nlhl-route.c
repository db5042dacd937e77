/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* nlhl-route: `ip route` on libnetlinkhl (see nlhl-route(1) and examples/common/). */
#include "tool.h"

int main(int argc, char **argv)
{
	return tool_main(&tool_obj_route, argc, argv);
}
