/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* nlhl-neigh: `ip neigh` on libnetlinkhl (see nlhl-neigh(1) and examples/common/). */
#include "tool.h"

int main(int argc, char **argv)
{
	return tool_main(&tool_obj_neigh, argc, argv);
}
