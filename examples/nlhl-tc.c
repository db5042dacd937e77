/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* nlhl-tc: `tc` qdisc/class/filter on libnetlinkhl (see nlhl-tc(1) and examples/common/). */
#include "tool.h"

int main(int argc, char **argv)
{
	return tool_main(&tool_obj_tc, argc, argv);
}
