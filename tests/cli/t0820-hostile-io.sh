#!/bin/sh
# Hostile outputs and inputs (issue 9 §1, §3, §4; issue 11 "Make"):
# devices written in place, outputs that are not files refused, long
# names, a PROVENANCE.csv damaged by a crash, mojibake, the make
# dependency file.
. "$(dirname "$0")/lib.sh"
V=$SAMPLE_FLAT/county/2015/371323105201
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)/village.mk

# Issue 9 §1 reproduction, without extra columns (H1 has a rejected member).
apps() {
	printf "household_id,name,id_number,relation,apply_date\nH1,张三,37132319580312011X,head,2015-05-01\nH1,李四,123,spouse,\nH2,王五,371323196007050223,head,2015-05-01\n" >a.csv
}
# Nothing of ours in /dev: no record, no rejects, no temporary.
dev_clean() {
	for f in PROVENANCE.csv .tpa-deps.mk rejects-apply.csv; do
		[ ! -e "/dev/$f" ] || { echo "/dev/$f exists"; return 1; }
	done
	[ -z "$(find /dev -maxdepth 1 -name ".*.tmp-*")" ]
}
no_temporaries() {
	[ -z "$(find . -name "*.tmp-*")" ] || { find . -name "*.tmp-*"; return 1; }
}

expect "-o /dev/null: written through, /dev/null stays a device, nothing put in /dev" '
	village && apps && tpa-apply -q --village village.yaml -o /dev/null a.csv &&
	[ -c /dev/null ] && dev_clean &&
	[ "$(tail -n +2 PROVENANCE.csv | cut -d, -f1)" = rejects-apply.csv ] &&
	grep -q "^apply,a.csv,3,371323105201,H1,.*,BAD_ID_FORMAT," rejects-apply.csv'

expect "--rejects /dev/null: the device gets no PROVENANCE row; the data file does" '
	village && apps && tpa-apply -q --village village.yaml --rejects /dev/null -o o.csv a.csv &&
	[ -c /dev/null ] && dev_clean && [ ! -e rejects-apply.csv ] &&
	[ "$(tail -n +2 PROVENANCE.csv | cut -d, -f1)" = o.csv ] &&
	! grep -q null PROVENANCE.csv .tpa-deps.mk'

expect "-o /dev/null --rejects /dev/null: both in place" '
	village && apps && tpa-apply -q --village village.yaml -o /dev/null --rejects /dev/null a.csv &&
	[ -c /dev/null ] && dev_clean && [ "$(ls -A)" = "a.csv
village.yaml" ]'

expect "-o /dev/stdout into a pipe or a file: written through, /dev/stdout left alone" '
	village && apps && tpa-apply -q --village village.yaml -o - a.csv >ref.csv && rm rejects-apply.csv &&
	tpa-apply -q --village village.yaml -o /dev/stdout a.csv | cat >piped.csv &&
	tpa-apply -q --village village.yaml -o /dev/stdout a.csv >file.csv &&
	cmp piped.csv ref.csv && cmp file.csv ref.csv && [ -L /dev/stdout ] && dev_clean &&
	[ "$(tail -n +2 PROVENANCE.csv | cut -d, -f1)" = rejects-apply.csv ] && [ -s rejects-apply.csv ]'

expect "-o /dev/fd/3 (another open file): exit 2, nothing replaced" '
	village && apps && { status 2 tpa-apply -q --village village.yaml -o /dev/fd/3 a.csv 3>three.csv 2>err; } &&
	grep -q "output is an open file of a process" err && [ ! -s three.csv ] && [ -L /dev/fd ]'

expect "-o /dev/full: exit 2, No space left on device, nothing left behind" '
	village && apps && { status 2 tpa-apply -q --village village.yaml -o /dev/full a.csv 2>err; } &&
	grep -q "^tpa-apply: cannot write /dev/full: No space left on device$" err &&
	[ -c /dev/full ] && dev_clean && [ "$(ls -A)" = "a.csv
err
village.yaml" ]'

expect "--rejects /dev/full: exit 2, the previous outputs kept" '
	village && apps && printf "old\n" >o.csv &&
	{ status 2 tpa-apply -q --village village.yaml --rejects /dev/full -o o.csv a.csv 2>err; } &&
	grep -q "No space left on device" err && [ "$(cat o.csv)" = old ] &&
	[ ! -e PROVENANCE.csv ] && no_temporaries'

expect "a FIFO, a folder or a block device as output: exit 2, never replaced" '
	village && apps && mkfifo fifo && mkdir dir &&
	{ status 2 timeout 10 tpa-apply -q --village village.yaml -o fifo a.csv 2>err1; } &&
	grep -q "fifo: output is a FIFO" err1 && [ -p fifo ] &&
	{ status 2 tpa-apply -q --village village.yaml -o dir a.csv 2>err2; } &&
	grep -q "dir: output is a folder" err2 && [ -d dir ] &&
	{ status 2 tpa-apply -q --village village.yaml -o o.csv --rejects fifo a.csv 2>err3; } &&
	[ ! -e o.csv ] && [ -p fifo ] &&
	if [ -b /dev/loop0 ]; then
		{ status 2 tpa-apply -q --village village.yaml -o /dev/loop0 a.csv 2>err4; } &&
		grep -q "output is a block device" err4 && [ -b /dev/loop0 ]
	fi && no_temporaries && [ ! -e PROVENANCE.csv ]'

expect "output names of 244 and 255 bytes work (temporaries fit NAME_MAX)" '
	village && apps && n244=$(printf "%0240d" 0).csv && n255=$(printf "%0251d" 0).csv &&
	tpa-apply -q --village village.yaml -o "$n244" a.csv &&
	tpa-apply -q --village village.yaml -o "$n255" --rejects r.csv a.csv &&
	[ -s "$n244" ] && cmp "$n244" "$n255" &&
	grep -q "^$n244,[0-9a-f]\{64\},apply," PROVENANCE.csv &&
	grep -q "^$n255,[0-9a-f]\{64\},apply," PROVENANCE.csv && no_temporaries'

# Issue 9 §1: a crash once wrote garbage into PROVENANCE.csv as an input
# name; every later run of the folder stopped at it. The stage's own rows
# are rewritten; another stage's row is named with the way out.
expect "a garbage row of the stage's own output is replaced, with a warning" '
	village && apps && tpa-apply -q --village village.yaml -o o.csv a.csv &&
	cp o.csv o.ref && printf "\241\376\001garbage" >g &&
	LC_ALL=C sed "2s/;village.yaml@/;$(cat g)@/" PROVENANCE.csv >p && mv p PROVENANCE.csv &&
	! tail -n +2 PROVENANCE.csv | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 &&
	tpa-apply -q --village village.yaml -o o.csv a.csv 2>err &&
	grep -q "^tpa-apply: PROVENANCE.csv:2: an unreadable row of o.csv was replaced (byte 157 of the line is not UTF-8)$" err &&
	iconv -f UTF-8 -t UTF-8 PROVENANCE.csv >/dev/null && cmp o.csv o.ref &&
	[ "$(tail -n +2 PROVENANCE.csv | cut -d, -f1 | tr "\n" " ")" = "o.csv rejects-apply.csv " ] &&
	tpa-apply -q --village village.yaml -o o.csv a.csv 2>err2 && [ ! -s err2 ]'

expect "a garbage row of another output: exit 2 naming the line and the way out; deleting it recovers" '
	village && apps && tpa-apply -q --village village.yaml -o o.csv a.csv &&
	printf "primary.csv,1,survey,0.1.0,,,applicants.csv@1;\241x@2\n" >>PROVENANCE.csv &&
	cp PROVENANCE.csv p.ref && printf "old\n" >o.csv &&
	{ status 2 tpa-apply -q --village village.yaml -o o.csv a.csv 2>err; } &&
	grep -q "^tpa-apply: PROVENANCE.csv:4: byte 47 of the line is not UTF-8; fix or delete that line (the stage that wrote it writes it again)$" err &&
	cmp PROVENANCE.csv p.ref && [ "$(cat o.csv)" = old ] && no_temporaries &&
	sed -i 4d PROVENANCE.csv && tpa-apply -q --village village.yaml -o o.csv a.csv &&
	[ "$(wc -l <PROVENANCE.csv)" -eq 3 ]'

expect "a record made from another folder names files from its own folder" '
	mkdir -p c/v && (cd c/v && village && apps) &&
	tpa-apply -q --village c/v/village.yaml -o c/v/o.csv c/v/a.csv &&
	a=$(sha256sum c/v/a.csv | cut -c1-64) && y=$(sha256sum c/v/village.yaml | cut -c1-64) &&
	grep -q "^o.csv,[0-9a-f]\{64\},apply,[^,]*,,,a.csv@$a;village.yaml@$y$" c/v/PROVENANCE.csv &&
	cd c/v && make -q -f .tpa-deps.mk o.csv'

# Issue 9 §4.
expect "a UTF-8 file with one truncated character: exit 2 at its line, not mojibake" '
	village && printf "household_id,name,id_number,relation,apply_date,x\nH1,王五,37132319580312011X,head,2015-05-01,\347\227\nH2,李四,371323196007050223,head,2015-05-01,a\n" >a.csv &&
	{ status 2 tpa-apply -q --village village.yaml -o o.csv a.csv 2>err; } &&
	grep -q "^tpa-apply: a.csv:2: byte 46 of the line is not UTF-8" err && [ ! -e o.csv ]'

expect "a stray byte at line 21 is reported at line 21, in UTF-8 and in GBK files" '
	village && { echo 户编号,姓名,身份证号,与户主关系,申请日期
		i=2; while [ $i -le 20 ]; do echo "H$i,张三,371323196007050223,户主,2015-05-01"; i=$((i + 1)); done
		printf "H21,\377,371323196007050223,户主,2015-05-01\n"; } >u.csv &&
	{ head -20 u.csv | iconv -f UTF-8 -t GBK; tail -1 u.csv | LC_ALL=C sed "s/户主/head/"; } >g.csv &&
	{ status 2 tpa-apply -q --village village.yaml -o o.csv u.csv 2>err1; } &&
	grep -q "^tpa-apply: u.csv:21: byte 5 of the line is not UTF-8" err1 &&
	{ status 2 tpa-apply -q --village village.yaml -o o.csv g.csv 2>err2; } &&
	grep -q "^tpa-apply: g.csv:21: byte 5 of the line cannot be decoded as GB18030" err2'

# Issue 11 "Make": each stage writes .tpa-deps.mk, what it read, includes
# included; village.mk can include it.
sample_village() {
	mkdir -p county/2015 county/rules &&
	cp -R "$V" county/2015/ && sample_rules county &&
	cd county/2015/371323105201 &&
	printf "include %s\n-include .tpa-deps.mk\n" "$MK" >Makefile &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	tpa-survey -q --village . -o primary.csv applicants.csv survey.csv
}

expect "the dependency file names every input, the rules and their includes" '
	sample_village && grep -qx "primary.csv: ../../columns.yaml ../../rules/procedure.yaml ../../rules/yishui-2015.yaml applicants.csv survey.csv village.yaml" .tpa-deps.mk &&
	grep -qx "applicants.csv: ../../columns.yaml applications.csv village.yaml" .tpa-deps.mk &&
	grep -qx "../../rules/procedure.yaml:" .tpa-deps.mk'

expect "make: touching a rules include makes primary.csv out of date" '
	sample_village && make -q TPA_BIN="$TPA_BIN" primary.csv &&
	touch ../../rules/procedure.yaml &&
	{ status 1 make -q TPA_BIN="$TPA_BIN" primary.csv; } &&
	make -s TPA_BIN="$TPA_BIN" primary.csv 2>/dev/null &&
	[ primary.csv -nt ../../rules/procedure.yaml ]'

expect "make: a prerequisite that is removed does not break make" '
	sample_village && rm ../../rules/procedure.yaml &&
	{ status 1 make -q TPA_BIN="$TPA_BIN" primary.csv 2>err; } &&
	! grep -q "No rule to make target" err'
