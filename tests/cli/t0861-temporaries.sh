#!/bin/sh
# The temporaries a stage leaves when it is stopped (kill -9, a power cut):
# ".NAME.tmp-PID-XXXXXX", mode 0600, full ID numbers inside. A stage that
# runs again removes its own, but make may never run it again: make clean
# removes them, tpa status names them, and tpa-init gives the year's
# folder a .gitignore that keeps them out of git (and a .gitattributes
# that keeps every file's bytes).
. "$(dirname "$0")/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)

# year DIR: the sample county's 2015 in DIR, its rules beside it.
year() {
	mkdir -p "$1" && cp -R "$SAMPLE_FLAT/county/." "$1/" && sample_rules "$1" &&
	rm -rf "$1/2016" "$1/2017"
}
# stale FILE: a temporary of a stage killed long ago (no such process).
stale() {
	(umask 077 && echo "371323195803120119" >"$1") && [ -f "$1" ]
}

expect "a village run to its registry, a stage killed earlier: make leaves its temporaries, tpa status names them, make clean removes them" '
	year c && V=c/2015/371323105201 &&
	make -s -C $V TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >/dev/null 2>&1 &&
	stale $V/.applicants.csv.tmp-4194300-a1B2c3 && stale $V/registry/.households.csv.tmp-4194301-Zz9yY8 &&
	make -s -C $V TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >/dev/null 2>&1 &&
	[ -f $V/.applicants.csv.tmp-4194300-a1B2c3 ] &&
	status 3 tpa status --no-audit $V >st &&
	grep -q "temporaries left by a stage that was stopped (make clean removes them): .applicants.csv.tmp-4194300-a1B2c3, registry/.households.csv.tmp-4194301-Zz9yY8" st &&
	make -s -C $V TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" clean >/dev/null &&
	[ -z "$(find $V -name ".*.tmp-*")" ] && [ -f $V/applications.csv ] && [ -f $V/village.yaml ] &&
	{ tpa status --no-audit $V >st2; [ $? -eq 3 ]; } && ! grep -q "temporaries" st2
'

expect "tpa status --brief stays one line per village with a temporary there; a folder without one gets no such line" '
	year c && V=c/2015/371323105201 && stale $V/.primary.csv.tmp-4194300-a1B2c3 &&
	tpa status --brief $V >b; [ $? -ne 2 ] && [ "$(wc -l <b)" -eq 1 ] &&
	rm $V/.primary.csv.tmp-4194300-a1B2c3 && { tpa status $V >s; [ $? -eq 3 ]; } && ! grep -q "tmp-" s
'

expect "make clean in a town and a county folder removes the audit's temporaries" '
	year c && stale c/2015/town-371323105/.audit.csv.tmp-4194300-a1B2c3 &&
	stale c/2015/county-371323/.stats.csv.tmp-4194300-a1B2c3 &&
	make -s -C c/2015/town-371323105 TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" clean >/dev/null &&
	make -s -C c/2015/county-371323 TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" clean >/dev/null &&
	[ -z "$(find c/2015 -name ".*.tmp-*")" ] && [ -f c/2015/town-371323105/Makefile ]
'

expect "tpa-init gives the year folder a .gitignore of the temporaries and a .gitattributes of * -text" '
	tpa-init -q --code 371323105201 --year 2015 county/2015/371323105201 &&
	grep -qx ".\\*.tmp-\\*" county/2015/.gitignore && grep -qx "\\* -text" county/2015/.gitattributes &&
	[ ! -e county/2015/371323105201/.gitignore ] &&
	if command -v git >/dev/null; then
		(cd county && git init -q . && mkdir -p 2015/town-371323105 &&
		 : >2015/371323105201/.applicants.csv.tmp-1-abcdef && : >2015/town-371323105/.audit.csv.tmp-1-abcdef &&
		 git check-ignore -q 2015/371323105201/.applicants.csv.tmp-1-abcdef &&
		 git check-ignore -q 2015/town-371323105/.audit.csv.tmp-1-abcdef &&
		 ! git check-ignore -q 2015/371323105201/village.yaml &&
		 [ "$(git check-attr text 2015/371323105201/village.yaml)" = "2015/371323105201/village.yaml: text: unset" ])
	fi
'

expect "a second village of the year keeps the .gitignore and .gitattributes the county has (tpa-init overwrites nothing)" '
	tpa-init -q --code 371323105201 --year 2015 y/371323105201 &&
	echo "/notes/" >>y/.gitignore && cp y/.gitignore want &&
	tpa-init -q --code 371323105202 --year 2015 y/371323105202 &&
	same y/.gitignore want && [ -f y/371323105202/village.yaml ]
'
