#!/bin/sh
# The library's layers (lib/README): a file may include headers of its own
# layer and of the layers below it, never above. Below the stage shell
# nothing exits or prints.
. "$(dirname "$0")/lib.sh"
LIB=$(cd "$(dirname "$0")/../../lib" && pwd)

# upward FILE: print the includes of FILE that go up a layer.
upward() {
	awk -v layers="base values io rules household decide stages" '
	BEGIN { n = split(layers, l, " "); for (i = 1; i <= n; i++) rank[l[i]] = i }
	FNR == 1 { split(FILENAME, p, "/"); me = p[length(p) - 1] }
	/^#include "/ {
		h = $2; gsub(/"/, "", h); split(h, q, "/")
		if ((q[1] in rank) && rank[q[1]] > rank[me])
			print FILENAME ": " $0
	}' "$@"
}

expect "no file of a lower layer includes a header of a higher one" '
	out=$(upward "$LIB"/*/*.[ch]) && [ -z "$out" ] || { echo "$out"; exit 1; }'

expect "the check itself catches an upward include" '
	mkdir -p lib/values && cp "$LIB/values/date.c" lib/values/ &&
	echo "#include \"stages/shell.h\"" >>lib/values/date.c &&
	upward lib/values/date.c | grep -q "stages/shell.h"'

expect "every layer folder is one of the seven, in order" '
	[ "$(ls "$LIB" | grep -v README | tr "\n" " ")" = "base decide household io rules stages values " ]'

expect "below the stage shell nothing calls exit, die or writes to stderr" '
	out=$(grep -nE "\\<(exit|_exit|abort|die)\\(|stderr|printf\\(\"" "$LIB"/base/*.c "$LIB"/values/*.c \
	    "$LIB"/io/*.c "$LIB"/rules/*.c "$LIB"/household/*.c "$LIB"/decide/*.c |
	    grep -v "base/alloc.c" | grep -v "io/csvin.c:.*stderr") ;
	[ -z "$out" ] || { echo "$out"; exit 1; }'
