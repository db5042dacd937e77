/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* nlhl-link: `ip link` on libnetlinkhl (see nlhl-link(1) and examples/common/). */
#include "tool.h"

int main(int argc, char **argv)
{
	return tool_main(&tool_obj_link, argc, argv);
}
