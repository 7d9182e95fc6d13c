#!/bin/sh
# Hostile village.yaml and rules files: each is refused at once with exit 2
# and FILE:LINE:COL, and nothing is written. Every run is under a timeout
# (10 s; 120 s under valgrind, which runs the program some 30 times
# slower), so that a return of quadratic loading fails instead of hanging.
. "$(dirname "$0")/lib.sh"
limit=10
[ "${TPA_VALGRIND:-0}" = 1 ] && limit=120

# refused MESSAGE: tpa-apply on v.yaml exits 2 within $limit s, says MESSAGE
# (the whole line) and leaves nothing beside its inputs.
refused() {
	printf "household_id,name,id_number,relation,apply_date\n" >a.csv &&
	{ status 2 timeout $limit tpa-apply --village v.yaml -o out.csv a.csv 2>err ||
	  { cut -c1-300 err; return 1; }; } &&
	{ grep -qxF "tpa-apply: $1" err || { cut -c1-300 err; return 1; }; } &&
	[ -z "$(ls -A | grep -v -x -e v.yaml -e a.csv -e err)" ]
}

# rep N S: S, N times, on one line without a newline.
rep() {
	awk -v n="$1" -v s="$2" "BEGIN { for (i = 0; i < n; i++) printf \"%s\", s }"
}

expect "[[[...]]] 100,000 deep: refused at level 65" '
	{ printf "village: "; rep 100000 "["; rep 100000 "]"; echo; } >v.yaml &&
	refused "v.yaml:1:74: nested more than 64 levels deep"'

expect "{a: {a: ...}} 100,000 deep: refused at level 65" '
	{ printf "village: "; rep 100000 "{a: "; printf 1; rep 100000 "}"; echo; } >v.yaml &&
	refused "v.yaml:1:263: nested more than 64 levels deep"'

expect "40,000 keys and a duplicate at the end: the duplicate is found" '
	{ printf "village:\n  code: \"371323105201\"\n"; seq 0 39999 | sed "s/^/  k/; s/$/: 1/";
	  printf "  k0: 2\nyear: 2015\n"; } >v.yaml &&
	refused "v.yaml:40003:3: duplicate key \"k0\" (first at line 3)"'

expect "40,000 keys without a duplicate load; the first unknown one is named" '
	{ printf "village:\n  code: \"371323105201\"\n"; seq 0 39999 | sed "s/^/  k/; s/$/: 1/";
	  printf "year: 2015\n"; } >v.yaml &&
	refused "v.yaml:3:3: unknown key \"k0\" (expected code, name, town, county, population, key_village, contact)"'

expect "more than 1,000,000 values: refused before the document is built" '
	{ printf "village: ["; rep 1000000 "1,"; echo "1]"; } >v.yaml &&
	refused "v.yaml:1:2000005: more than 1000000 values in one file"'

expect "village.yaml saved as GBK: the line and column, and save it as UTF-8" '
	printf "village:\n  code: \"371323105201\"\n  name: \313\253\272\323\264\345\nyear: 2015\n" >v.yaml &&
	refused "v.yaml:3:10: byte 0xBA is not UTF-8: the file must be UTF-8 (if it was saved as GBK or ANSI, save it as UTF-8)"'

expect "a second YAML document is refused, not ignored" '
	printf "village:\n  code: \"371323105201\"\nyear: 2015\n---\nyear: 2016\n" >v.yaml &&
	refused "v.yaml:4:1: a second YAML document starts here: the file must hold only one"'

expect "a terminal escape in the village name is refused" '
	printf "village:\n  code: \"371323105201\"\n  name: \"\\\\e]0;x\\\\a\\\\e[2J\"\nyear: 2015\n" >v.yaml &&
	refused "v.yaml:3:9: a control character (U+001B) in the value"'

expect "rules, columns and previous must exist; a FIFO is not a rules file" '
	printf "village:\n  code: \"371323105201\"\nyear: 2015\nrules: nosuch.yaml\n" >v.yaml &&
	refused "v.yaml:4:8: rules: \"nosuch.yaml\" does not exist" &&
	mkfifo fifo && printf "village:\n  code: \"371323105201\"\nyear: 2015\nrules: fifo\n" >v.yaml &&
	rm -f err && status 2 timeout $limit tpa-apply --village v.yaml -o out.csv a.csv 2>err &&
	grep -qxF "tpa-apply: v.yaml:4:8: rules: \"fifo\" is not a regular file" err && [ ! -e out.csv ] &&
	rm fifo && printf "village:\n  code: \"371323105201\"\nyear: 2015\ncolumns: c.yaml\n" >v.yaml &&
	refused "v.yaml:4:10: columns: \"c.yaml\" does not exist" &&
	printf "village:\n  code: \"371323105201\"\nyear: 2015\nprevious: ../2014/registry\n" >v.yaml &&
	refused "v.yaml:4:11: previous: \"../2014/registry\" does not exist"'

expect "a rules file 100,000 deep stops tpa-survey at once" '
	{ printf "version: 1\nincome: {poverty_line: 2855}\nexclusions: "; rep 100000 "["; rep 100000 "]"; echo; } >r.yaml &&
	status 2 timeout $limit tpa-survey --rules r.yaml -o p.csv "$DATA/survey/applicants.csv" "$DATA/survey/survey.csv" 2>err &&
	grep -qxF "tpa-survey: r.yaml:3:77: nested more than 64 levels deep" err && [ ! -e p.csv ]'
