#!/bin/sh
# tpa-audit refuses a village folder given twice (by another spelling or
# through a symbolic link): it would report every person as a duplicate of
# itself and add the village's quota twice.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area's villages through make; the plain and ASan+UBSan builds run it, and the audit runs under memcheck in t0700"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)/village.mk
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)
V=t/371323100000
W=t/371323100001

town() {
	tpa-gen --villages 2 --households 25 --seed 7 -o t >/dev/null &&
	mkdir -p t/rules && cp "$RULES"/*.yaml t/rules/ &&
	for v in t/3*; do
		for l in village town county; do
			printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n" >$v/objections-$l.csv
		done
		echo "include $MK" >$v/Makefile
		make -s -C $v TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >/dev/null 2>&1 || return 1
	done
}

# twice A B...: tpa-audit of the folders exits 2 naming the folder twice,
# and writes nothing.
twice() {
	{ status 2 tpa-audit -q --level county -o out "$@" 2>err; } &&
	grep -q "are the same village folder" err && [ ! -e out/audit.csv ] && [ ! -e out/sample.csv ]
}

expect "two villages audit clean: no DUPLICATE_PERSON" '
	town && mkdir out && tpa-audit -q --level county -o out $V $W &&
	! grep -q DUPLICATE_PERSON out/audit.csv'

expect "V and V/: exit 2, nothing written" '
	town && mkdir out && twice $V $W $V/ &&
	grep -qxF "tpa-audit: $V and $V/ are the same village folder: it would be audited twice, each person a duplicate of itself" err'

expect "V and ./V, and V and t/../t/V: exit 2" '
	town && mkdir out && twice $V ./$V && twice $W t/../$W $V'

expect "V and a symbolic link to V: exit 2" '
	town && mkdir out && ln -s 371323100000 t/link && twice t/link $W $V &&
	grep -qF "t/link and $V are the same village folder" err'

expect "the same village at both ends of a long list: exit 2" '
	town && mkdir out && for i in $(seq 1 50); do cp -R $W t/copy$i || exit 1; done &&
	twice $V t/copy* $W "$PWD/$V"'

expect "tpa-file stats refuses a registry given twice, by another spelling or a link (the same check)" '
	town && mkdir out && ln -s 371323100000 t/link &&
	{ status 2 tpa-file stats -q -o out $V/registry $W/registry t/link/registry/ 2>err; } &&
	grep -qF "is given twice (as $V/registry and t/link/registry/)" err && [ ! -e out/stats.csv ] &&
	tpa-file stats -q -o out $V/registry $W/registry && [ -s out/stats.csv ]'
