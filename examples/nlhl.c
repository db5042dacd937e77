/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* nlhl OBJECT COMMAND: every nlhl-* tool in one program, like ip(8); its
 * -batch files take ip's form ("link add ...", "address add ..."). */
#include "tool.h"

int main(int argc, char **argv)
{
	return tool_main_multi(argc, argv);
}
