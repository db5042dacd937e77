#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Fails when library files call each other in a cycle.  A cycle means no
# file of it can be read, tested or replaced without the others; the link
# family had one of seven files.
#
# Graph: one node per object in DIR (default build/lib); an edge a -> b
# when a.o has an undefined symbol that b.o defines as a function (nm type
# T).  Data (the link kinds table, tc kind tables) is not a call and makes
# no edge.  Every strongly connected component of more than one file is
# printed with the calls that close it; the exit status is 1 if any.
#
# Usage: test/check-calls.sh [DIR]   (after `make lib`)
set -eu

dir=${1:-build/lib}
NM=${NM:-nm}
set -- "$dir"/*.o
[ -e "$1" ] || { echo "check-calls: no objects in $dir (run make lib)" >&2; exit 2; }

# "D <file> <sym>": file defines function sym; "U <file> <sym>": uses sym.
for o in "$@"; do
	f=$(basename "$o" .o)
	$NM -P "$o" | awk -v f="$f" '
		$2 == "T" { print "D", f, $1 }
		$2 == "U" { print "U", f, $1 }'
done | awk '
$1 == "D" { def[$3] = $2; node[$2] = 1; next }
$1 == "U" { node[$2] = 1; use[++nu] = $2 " " $3; next }
END {
	for (i = 1; i <= nu; i++) {
		split(use[i], p, " ")
		to = def[p[2]]
		if (to == "" || to == p[1])
			continue
		if (!((p[1], to) in edge)) {
			edge[p[1], to] = p[2]
			adj[p[1]] = adj[p[1]] " " to
		} else if (index(" " edge[p[1], to] " ", " " p[2] " ") == 0) {
			edge[p[1], to] = edge[p[1], to] " " p[2]
		}
	}
	# Tarjan: names sorted so the report is stable.
	n = 0
	for (v in node)
		names[++n] = v
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && names[j - 1] > names[j]; j--) {
			t = names[j]; names[j] = names[j - 1]; names[j - 1] = t
		}
	idx = 0; sp = 0; ncomp = 0
	for (i = 1; i <= n; i++)
		if (!(names[i] in num))
			visit(names[i])
	exit ncomp > 0
}
function visit(v,    w, k, m, succ, comp, c, members) {
	num[v] = low[v] = ++idx
	stack[++sp] = v; onstack[v] = 1
	m = split(adj[v], succ, " ")
	for (k = 1; k <= m; k++) {
		w = succ[k]
		if (!(w in num)) {
			visit(w)
			if (low[w] < low[v]) low[v] = low[w]
		} else if (onstack[w] && num[w] < low[v]) {
			low[v] = num[w]
		}
	}
	if (low[v] != num[v])
		return
	c = 0
	do {
		w = stack[sp--]; onstack[w] = 0
		comp[++c] = w; members[w] = 1
	} while (w != v)
	if (c < 2)
		return
	ncomp++
	printf "call cycle of %d files:", c
	for (k = c; k >= 1; k--) printf " %s", comp[k]
	printf "\n"
	for (k = c; k >= 1; k--) {
		m = split(adj[comp[k]], succ, " ")
		for (j = 1; j <= m; j++)
			if (succ[j] in members)
				printf "  %s -> %s: %s\n", comp[k], succ[j], edge[comp[k], succ[j]]
	}
}'
