#!/bin/sh
# The files people provide are read within bounds: a cell of 1 MiB, a
# record of 16 MiB and 1,048,576 cells; beyond them "cell too long" or
# "record too long" at FILE:LINE, exit 2, and an input without end stops
# there. PROVENANCE.csv, written by tpa, is read whatever its cells hold.
. "$(dirname "$0")/lib.sh"
D=$DATA/survey
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)/village.mk
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)

# xs N: N bytes "x".
xs() { head -c "$1" /dev/zero | tr "\0" x; }

# survey N FILE: the survey of $D with a column "note", N bytes long in its
# first row (line 2).
survey() {
	{ printf "%s,note\n" "$(head -1 "$D/survey.csv")" &&
	  printf "%s," "$(sed -n 2p "$D/survey.csv")" && xs "$1" && echo &&
	  tail -n +3 "$D/survey.csv" | sed "s/\$/,/"; } >"$2"
}

# run INPUT: tpa-survey of $D's applicants with INPUT as survey.csv, bounded
# in time.
run() {
	timeout 60 tpa-survey -q --rules "$D/rules.yaml" -o p.csv "$D/applicants.csv" "$1"
}

expect "a cell of exactly 1 MiB is read" '
	survey 1048576 s.csv && run s.csv && [ -s p.csv ] && grep -q ",E01,.*xxxxxxxx" p.csv'

# Lines longer than the reader holds at once are fed in pieces, never
# cutting a character: 300,000 three-byte characters come out whole.
expect "a cell of 900,000 bytes of Chinese characters is read byte for byte" '
	{ printf "%s,note\n" "$(head -1 "$D/survey.csv")" &&
	  printf "%s,x" "$(sed -n 2p "$D/survey.csv")" && yes 调 | head -300000 | tr -d "\n" && echo &&
	  tail -n +3 "$D/survey.csv" | sed "s/\$/,/"; } >s.csv &&
	run s.csv && grep ",E01," p.csv | grep -o "x调*" >got && [ "$(wc -c <got)" -eq 900002 ] &&
	[ "$(tr -d "\n" <got | sed "s/^x//; s/调//g" | wc -c)" -eq 0 ]'

expect "a cell of 1 MiB and one byte: survey.csv:2: cell too long, exit 2, nothing written" '
	survey 1048577 s.csv && { status 2 run s.csv 2>err; } &&
	grep -qxF "tpa-survey: s.csv:2: cell too long: a cell of this record holds more than 1 MiB (is a quote left open?)" err &&
	[ ! -e p.csv ]'

expect "tpa-apply: a cell over 1 MiB in applications.csv is cell too long at its line" '
	village && { head -2 "$DATA/apply/applications.csv" 2>/dev/null || head -2 "$SAMPLE_FLAT/county/2015/371323105201/applications.csv"; } >a.csv &&
	{ head -1 a.csv; printf "\"%s\"\n" "$(xs 1100000)"; } >b.csv &&
	{ status 2 timeout 60 tpa-apply -q --village village.yaml -o o.csv b.csv 2>err; } &&
	grep -qF "tpa-apply: b.csv:2: cell too long" err && [ ! -e o.csv ]'

expect "a quoted cell spanning lines counts whole: cell too long at the line it starts" '
	{ head -3 "$D/survey.csv" && printf "E03,\"" && for i in $(seq 1 20); do xs 60000; echo; done && echo "\",x"; } >s.csv &&
	{ status 2 run s.csv 2>err; } && grep -qF "s.csv:4: cell too long" err'

expect "a record over 16 MiB (200 cells of 100,000 bytes): record too long at its line" '
	{ head -2 "$D/survey.csv" && for i in $(seq 1 200); do xs 100000; printf ,; done && echo; } >s.csv &&
	{ status 2 run s.csv 2>err; } &&
	grep -qxF "tpa-survey: s.csv:3: record too long: this record holds more than 16 MiB (is a quote left open?)" err'

expect "a record of more than 1,048,576 cells: record too long" '
	{ head -2 "$D/survey.csv" && xs 1100000 | tr x ,; echo; } >s.csv &&
	{ status 2 run s.csv 2>err; } &&
	grep -qxF "tpa-survey: s.csv:3: record too long: this record has more than 1,048,576 cells" err'

expect "/dev/zero as survey.csv stops at once (a NUL byte), exit 2" '
	{ status 2 run /dev/zero 2>err; } && grep -qxF "tpa-survey: /dev/zero:1: a NUL byte: this is not a text file" err &&
	[ ! -e p.csv ]'

expect "an input without end and without a line end, on standard input: cell too long at stdin:1" '
	tr "\0" x </dev/zero | { status 2 run - 2>err; } &&
	grep -qxF "tpa-survey: stdin:1: cell too long: a cell of this record holds more than 1 MiB (is a quote left open?)" err'

expect "an input without end after a quote left open: cell too long at the line of the quote" '
	{ head -2 "$D/survey.csv"; printf "\""; yes; } | { status 2 run - 2>err; } &&
	grep -qF "tpa-survey: stdin:3: cell too long" err'

expect "an input without end of short lines in one quoted cell, GB18030: stops, cell too long" '
	{ head -2 "$D/survey.csv" | iconv -f UTF-8 -t GB18030; printf "\""; yes "$(printf "\265\367\262\351")"; } |
	{ status 2 timeout 60 tpa-survey -q --encoding gb18030 --rules "$D/rules.yaml" -o p.csv "$D/applicants.csv" - 2>err; } &&
	grep -qF "tpa-survey: stdin:3: cell too long" err'

# A village whose PROVENANCE.csv row for applicants.csv lists village.yaml
# 15,000 times: a cell of 1.2 MB, as an audit over thousands of villages
# writes one. It is read whole: the audit finds nothing, a stage rewrites
# the file keeping that row, and a change in the last entry is seen.
expect "PROVENANCE.csv with a cell over 1 MiB is read, kept and verified to its end" '
	tpa-gen --villages 1 --households 25 --seed 7 -o t >/dev/null &&
	mkdir -p t/rules && cp "$RULES"/*.yaml t/rules/ && V=t/371323100000 &&
	for l in village town county; do
		printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n" >$V/objections-$l.csv
	done && echo "include $MK" >$V/Makefile &&
	make -s -C $V TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >/dev/null 2>&1 &&
	vy=$(grep "^applicants.csv," $V/PROVENANCE.csv | grep -o "village.yaml@[0-9a-f]*") && [ -n "$vy" ] &&
	awk -v e="$vy" "BEGIN { FS = OFS = \",\" } \$1 == \"applicants.csv\" { s = \"\"; for (i = 0; i < 15000; i++) s = s \";\" e; \$7 = \$7 s } { print }" \
	    $V/PROVENANCE.csv >x && mv x $V/PROVENANCE.csv &&
	cell=$(grep "^applicants.csv," $V/PROVENANCE.csv | cut -d, -f7 | wc -c) && [ "$cell" -gt 1100000 ] &&
	status 0 timeout 60 tpa-audit -q --level county -o . $V && ! grep -q "^error" audit.csv &&
	timeout 60 tpa-survey -q --village $V/village.yaml --rules t/rules/example-2015.yaml \
	    -o $V/primary.csv $V/applicants.csv $V/survey.csv &&
	[ "$(grep "^applicants.csv," $V/PROVENANCE.csv | cut -d, -f7 | wc -c)" -eq "$cell" ] &&
	sed -i "/^applicants.csv,/s/\\(village.yaml@[0-9a-f]*\\)[0-9a-f]\$/\\10/; /^applicants.csv,/s/\\(village.yaml@[0-9a-f]*\\)[1-9a-f]0\$/\\100/" $V/PROVENANCE.csv &&
	[ "$(grep "^applicants.csv," $V/PROVENANCE.csv | cut -d, -f7 | wc -c)" -eq "$cell" ] &&
	grep "^applicants.csv," $V/PROVENANCE.csv | grep -q "0$" && mkdir again &&
	status 1 timeout 60 tpa-audit -q --level county -o again $V &&
	grep -q "^error,PROVENANCE_MISMATCH,371323100000,,.*village.yaml" again/audit.csv'

expect "tpa-audit: a village whose votes.csv holds a cell over 1 MiB gets a finding; the other is audited" '
	tpa-gen --villages 2 --households 25 --seed 7 -o t >/dev/null &&
	mkdir -p t/rules && cp "$RULES"/*.yaml t/rules/ &&
	for v in t/3*; do
		for l in village town county; do
			printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n" >$v/objections-$l.csv
		done
		echo "include $MK" >$v/Makefile
		make -s -C $v TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >/dev/null 2>&1 || exit 1
	done && V=t/371323100000 &&
	{ cat $V/votes.csv; xs 1100000; echo; } >x && mv x $V/votes.csv &&
	status 1 timeout 60 tpa-audit -q --level county -o . $V t/371323100001 &&
	grep -q "^error,BAD_VALUE,371323100000,,.*votes.csv:[0-9]*: cell too long" audit.csv &&
	[ "$(grep -c "^371323100001," sample.csv)" -eq 5 ] && ! grep -q "^error,[A-Z_]*,371323100001," audit.csv'
