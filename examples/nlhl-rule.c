/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* nlhl-rule: `ip rule` on libnetlinkhl (see nlhl-rule(1) and examples/common/). */
#include "tool.h"

int main(int argc, char **argv)
{
	return tool_main(&tool_obj_rule, argc, argv);
}
