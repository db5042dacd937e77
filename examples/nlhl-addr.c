/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* nlhl-addr: `ip address` on libnetlinkhl (see nlhl-addr(1) and examples/common/). */
#include "tool.h"

int main(int argc, char **argv)
{
	return tool_main(&tool_obj_addr, argc, argv);
}
