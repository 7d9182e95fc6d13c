#!/bin/sh
# tpa-audit -o DIR makes DIR (and its missing parents) as mkdir -p does;
# a message about an output names each path once.
. "$(dirname "$0")/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)/village.mk
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)
V=t/371323100000

town() {
	tpa-gen --villages 1 --households 25 --seed 7 -o t >/dev/null &&
	mkdir -p t/rules && cp "$RULES"/*.yaml t/rules/ &&
	for l in village town county; do
		printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n" >$V/objections-$l.csv
	done &&
	echo "include $MK" >$V/Makefile &&
	make -s -C $V TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >/dev/null 2>&1
}

# once TEXT FILE: TEXT occurs exactly once in FILE.
once() {
	[ "$(grep -o -F "$1" "$2" | wc -l)" -eq 1 ] || { echo "\"$1\" not once in:"; cat "$2"; return 1; }
}

expect "-o a/b/c that does not exist: made, the audit written there, no message" '
	town && tpa-audit -q --level county -o a/b/c $V 2>err && [ ! -s err ] &&
	[ -d a/b/c ] && [ -s a/b/c/audit.csv ] && [ -s a/b/c/sample.csv ] && [ -s a/b/c/PROVENANCE.csv ] &&
	tpa-audit -q --level county -o a/b/c $V 2>err && [ ! -s err ]'

expect "-o an absolute path with a trailing slash, and one with //: made" '
	town && tpa-audit -q --level county -o "$PWD/x/y/" $V && [ -s x/y/audit.csv ] &&
	tpa-audit -q --level county -o "p//q" $V && [ -s p/q/audit.csv ]'

expect "-o under a file: exit 2, the message names each path once, nothing made" '
	town && : >f && { status 2 tpa-audit -q --level county -o f/x/y $V 2>err; } &&
	grep -qxF "tpa-audit: cannot make the folder f/x/y: f is not a folder" err && [ -f f ] && [ ! -s f ]'

expect "-o a file: exit 2, named once" '
	town && : >f && { status 2 tpa-audit -q --level county -o f $V 2>err; } &&
	grep -qxF "tpa-audit: f: not a folder" err'

expect "a stage whose output folder is missing: exit 2, the path named once" '
	town && { status 2 tpa-apply -q --village $V/village.yaml -o nos/x.csv $V/applications.csv 2>err; } &&
	grep -qxF "tpa-apply: cannot write nos/x.csv: folder nos: No such file or directory" err &&
	once nos/x.csv err && [ ! -e nos ]'
