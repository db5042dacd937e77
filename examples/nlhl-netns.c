/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* nlhl-netns: `ip netns` on libnetlinkhl (see nlhl-netns(1) and examples/common/). */
#include "tool.h"

int main(int argc, char **argv)
{
	return tool_main(&tool_obj_netns, argc, argv);
}
