#!/bin/sh
# Run the sample county through the procedure, in a copy under build/.
# TPA_BIN names the folder of the programs.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
work=$top/build/sample-county
rm -rf "$work"
mkdir -p "$work"
cp -R "$here/county/." "$work/"
mkdir -p "$work/rules"
cp "$top"/rules/*.yaml "$work/rules/"
for v in "$work"/2015/[0-9]*/; do
	echo "== village $(basename "$v")"
	make -s -C "$v" TPA_MK="$top/build-aux/village.mk" TPA_BIN="$TPA_BIN"
done
echo
echo "Outputs are in $work (each village folder)."
