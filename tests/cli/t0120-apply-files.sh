#!/bin/sh
# What tpa-apply leaves on disk: modes, provenance, determinism.
. "$(dirname "$0")/lib.sh"
V=$SAMPLE_FLAT/county/2015/371323105201

# Work in a village folder of a county whose rules/ holds the shipped rules,
# where the sample's village.yaml names them (../../rules/).
in_county() {
	mkdir -p county/rules county/2015/371323105201 &&
	sample_rules county && cd county/2015/371323105201
}

expect "applicants.csv (full ID numbers) is mode 0600 whatever the umask" '
	in_county && cp "$V/village.yaml" "$V/applications.csv" . &&
	(umask 000 && tpa-apply -q --village village.yaml -o applicants.csv applications.csv) &&
	[ "$(stat -c %a applicants.csv)" = 600 ] && [ "$(stat -c %a rejects-apply.csv)" = 666 ]'

expect "PROVENANCE.csv records the outputs and inputs by their sha256" '
	in_county && cp "$V/village.yaml" "$V/applications.csv" . &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	[ "$(head -1 PROVENANCE.csv)" = "output,sha256,stage,tool_version,rules,rules_sha256,inputs" ] &&
	a=$(sha256sum applicants.csv | cut -c1-64) && r=$(sha256sum rejects-apply.csv | cut -c1-64) &&
	i=$(sha256sum applications.csv | cut -c1-64) && y=$(sha256sum village.yaml | cut -c1-64) &&
	c=$(sha256sum ../../columns.yaml | cut -c1-64) && v=$(tpa-apply --version | sed "s/.* //") &&
	[ "$(sed -n 2p PROVENANCE.csv)" = "applicants.csv,$a,apply,$v,,,applications.csv@$i;village.yaml@$y;../../columns.yaml@$c" ] &&
	[ "$(sed -n 3p PROVENANCE.csv)" = "rejects-apply.csv,$r,apply,$v,,,applications.csv@$i;village.yaml@$y;../../columns.yaml@$c" ] &&
	[ "$(wc -l <PROVENANCE.csv)" -eq 3 ]'

expect "a re-run replaces its own provenance rows and keeps others" '
	in_county && cp "$V/village.yaml" "$V/applications.csv" . &&
	printf "output,sha256,stage,tool_version,rules,rules_sha256,inputs\nprimary.csv,abc,survey,0,r,x,i\n" >PROVENANCE.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	[ "$(wc -l <PROVENANCE.csv)" -eq 4 ] && grep -qx "primary.csv,abc,survey,0,r,x,i" PROVENANCE.csv &&
	[ "$(cut -d, -f1 PROVENANCE.csv | tail -n +2 | tr "\n" " ")" = "applicants.csv primary.csv rejects-apply.csv " ]'

expect "byte-identical outputs under other locales and time zones" '
	in_county && cp "$V/village.yaml" "$V/applications.csv" . && mkdir a b &&
	LC_ALL=C TZ=UTC tpa-apply -q --village village.yaml -o a/applicants.csv applications.csv &&
	LC_ALL=C.UTF-8 TZ=Asia/Shanghai tpa-apply -q --village village.yaml -o b/applicants.csv applications.csv &&
	same a/applicants.csv b/applicants.csv && same a/rejects-apply.csv b/rejects-apply.csv'

expect "rows in any order give the same output" '
	in_county && cp "$V/village.yaml" . && head -1 "$V/applications.csv" >shuffled.csv &&
	tail -n +2 "$V/applications.csv" | sort -r >>shuffled.csv &&
	tpa-apply -q --village village.yaml -o a.csv "$V/applications.csv" &&
	tpa-apply -q --village village.yaml -o b.csv shuffled.csv && same b.csv a.csv'

expect "rejects mask ID numbers and neutralise formulas" '
	village && printf "household_id,name,id_number,relation,apply_date\nA1,=cmd|x,37132319580312011X,户主,2015-13-01\n" >in.csv &&
	tpa-apply -q --village village.yaml -o out.csv in.csv &&
	! grep -q 37132319580312011X rejects-apply.csv &&
	grep -q "371323\*\*\*\*\*\*\*\*011X" rejects-apply.csv'

expect "applications on standard input: every reject row names it stdin" '
	village && printf "household_id,name,id_number,relation,apply_date\nH1,甲,371323197001010014,户主,2015-05-01\nH1,乙,371323197001010030,子女,\nH2,丙,371323197001010022,户主,2015-05-01\nH2,丁,371323197001010030,子女,\nH3,戊,37132370010100,户主,2015-05-01\n" >in.csv &&
	tpa-apply -q --village village.yaml -o out.csv - <in.csv &&
	[ "$(grep -c "^apply,stdin,[35],.*,DUPLICATE_PERSON," rejects-apply.csv)" = 2 ] &&
	[ "$(grep -c "^apply,stdin,[24],.*,HOUSEHOLD_INCOMPLETE," rejects-apply.csv)" = 2 ] &&
	grep -q "^apply,stdin,6,.*,BAD_ID_FORMAT," rejects-apply.csv &&
	[ "$(tail -n +2 rejects-apply.csv | grep -vc "^apply,stdin,")" = 0 ]'

expect "the front door runs a stage and lists them all" '
	tpa --help >out && for s in apply survey appraise publicize audit file; do grep -q "^  $s " out || exit 1; done &&
	tpa apply --help | grep -q "^usage: tpa-apply" &&
	status 2 tpa nosuch 2>err && grep -q "unknown stage" err'

expect "a progress line on a terminal, none without one" '
	tpa-gen --households 120000 --seed 9 -o gen >/dev/null && cd gen/* &&
	mkdir -p ../rules && cp "$SAMPLE/../rules/"*.yaml ../rules/ &&
	script -qec "tpa-apply --village . -o a.csv applications.csv" /dev/null >tty.out &&
	grep -q "tpa-apply: applications.csv: [0-9,]* rows, [0-9]* MB, [0-9.]* MB/s" tty.out &&
	tpa-apply --village . -o b.csv applications.csv 2>err && ! grep -q "MB/s" err &&
	grep -q "^applicants: 120,000 households" err && cmp a.csv b.csv'
