#!/bin/sh
# Doxygen input filter: the headers document themselves with plain C
# comments (/* ... */, libgit2 style); doxygen reads only /** ... */.  This
# turns a header's first comment into its @file text, every other comment
# that opens a line into a doc comment of what follows it, and a comment
# after a member on its line into a /**< member doc.  Not for .md files.
case "$1" in
*.h) ;;
*) exec cat "$1" ;;
esac
exec awk '
/SPDX-License-Identifier/ { print; next }
!seen_file && /^\/\*([^*]|$)/ { sub(/^\/\*/, "/** @file\n"); seen_file = 1; print; next }
/^[ \t]*\/\*([^*]|$)/ { sub(/\/\*/, "/**"); print; next }
/;[ \t]*\/\*[^*]/ { sub(/\/\*/, "/**<"); print; next }
{ print }
' "$1"
