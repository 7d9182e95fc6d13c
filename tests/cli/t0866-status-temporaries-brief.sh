#!/bin/sh
# tpa status --brief never says "every step done" while a stage stopped in
# the folder (or running now) left its temporaries: it names them, and
# tpa status exits 3 (not done, waiting for make to run again), with or
# without --brief.
. "$(dirname "$0")/lib.sh"
# make's own behaviour: the programs it runs are checked under valgrind
# by the scripts that call them directly.
not_under_valgrind "make's statuses and dependencies"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)

V=c/2015/371323106201
done_village() {
	mkdir -p c && cp -R "$SAMPLE_FLAT/county/." c/ && sample_rules c && rm -rf c/2016 c/2017 &&
	make -s --no-print-directory -C c/2015/county-371323 TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" \
	    >/dev/null 2>&1 &&
	status 0 tpa status --brief $V >b && grep -q ": every step done$" b
}

expect "a temporary left in the folder: --brief names it instead of every step done, exit 3" '
	done_village && : >$V/.publicized-county.csv.tmp-4242-AbCdEf &&
	status 3 tpa status --brief $V >b && ! grep -q "every step done" b &&
	grep -qx "371323106201 (石门村), 2015: temporaries left by a stage that was stopped (make clean removes them): .publicized-county.csv.tmp-4242-AbCdEf" b &&
	status 3 tpa status $V >l && grep -q "temporaries left by a stage that was stopped (make clean removes them): .publicized-county.csv.tmp-4242-AbCdEf" l
'

expect "a temporary left in registry/: named under registry/, exit 3; another village done still exits 0" '
	done_village && : >$V/registry/.households.csv.tmp-17-xyzXYZ &&
	status 3 tpa status --brief $V >b && grep -q ": temporaries left by a stage that was stopped (make clean removes them): registry/.households.csv.tmp-17-xyzXYZ$" b &&
	status 0 tpa status --brief c/2015/371323105203 >/dev/null &&
	status 3 tpa status --brief c/2015/371323105203 $V >/dev/null
'

expect "in Chinese too" '
	done_village && : >$V/.appraised.csv.tmp-9-aaaaaa &&
	LC_ALL=zh_CN.UTF-8 TPA_LOCALEDIR=${TPA_LOCALEDIR:-} status 3 tpa status --brief $V >b &&
	grep -q "中途停止的环节留下的临时文件（make clean 会删除）：.appraised.csv.tmp-9-aaaaaa" b
'
