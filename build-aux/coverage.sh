#!/bin/sh
# Summarise gcov line coverage of lib/LAYER/*.c (objects and .gcda in
# $1/LAYER).
set -eu
objdir=$1
total=0 covered=0
printf '| file | lines | covered |\n|---|---|---|\n'
for src in lib/*/*.c; do
	layer=${src#lib/}
	layer=${layer%/*}
	out=$(gcov -n -o "$objdir/$layer" "$src" 2>/dev/null | awk -v f="$src" '
		$0 ~ "^File .*" f "\x27" { want = 1; next }
		want && /^Lines executed:/ { sub(/^Lines executed:/, ""); print; exit }')
	[ -n "$out" ] || continue
	pct=${out%%%*}
	n=${out##* of }
	c=$(awk -v p="$pct" -v n="$n" 'BEGIN { printf "%d", p * n / 100 + 0.5 }')
	total=$((total + n))
	covered=$((covered + c))
	printf '| %s | %s | %s%% |\n' "$src" "$n" "$pct"
done
printf '| all of lib/ | %s | %s%% |\n' "$total" \
	"$(awk -v c="$covered" -v t="$total" 'BEGIN { printf "%.1f", 100 * c / t }')"
