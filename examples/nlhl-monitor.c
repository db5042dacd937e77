/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* nlhl-monitor: `ip monitor` on libnetlinkhl (see nlhl-monitor(1) and examples/common/). */
#include "tool.h"

int main(int argc, char **argv)
{
	return tool_main(&tool_obj_monitor, argc, argv);
}
