#!/bin/sh
# tpa-apply refuses what it cannot read: exit 2, FILE:LINE, nothing written.
. "$(dirname "$0")/lib.sh"
H="household_id,name,id_number,relation,apply_date"

expect "empty file: exit 2, no output" '
	village && : >in.csv &&
	status 2 tpa-apply --village village.yaml -o out.csv in.csv 2>err &&
	grep -q "^tpa-apply: in.csv:1: empty file" err && [ ! -e out.csv ] && [ -z "$(ls -A | grep -v -e village.yaml -e in.csv -e err)" ]'

expect "unterminated quote: exit 2 with the line it opened on" '
	village && printf "$H\nA1,\"张建国,37132319580312011X,户主,2015-05-20\nA2,x,y,z,w\n" >in.csv &&
	status 2 tpa-apply --village village.yaml -o out.csv in.csv 2>err &&
	grep -q "^tpa-apply: in.csv:2: a quoted cell opened here is never closed" err && [ ! -e out.csv ]'

expect "a stray quote: exit 2, not valid CSV" '
	village && printf "$H\nA1,张\"建国,37132319580312011X,户主,2015-05-20\n" >in.csv &&
	status 2 tpa-apply --village village.yaml -o out.csv in.csv 2>err &&
	grep -q "^tpa-apply: in.csv:2: not valid CSV" err && [ ! -e out.csv ]'

expect "NUL bytes: exit 2 with the line" '
	village && printf "$H\nA1,张建国,37132319580312011X,户主,2015-05-20\nA2,\000,x,y,z\n" >in.csv &&
	status 2 tpa-apply --village village.yaml -o out.csv in.csv 2>err &&
	grep -q "^tpa-apply: in.csv:3: a NUL byte" err && [ ! -e out.csv ]'

expect "text that is neither UTF-8 nor GB18030: exit 2" '
	village && printf "$H\nA1,\377\377,x,y,z\n" >in.csv &&
	status 2 tpa-apply --village village.yaml -o out.csv in.csv 2>err &&
	grep -q "^tpa-apply: in.csv:2: " err && [ ! -e out.csv ]'

expect "a missing required column names it, in Chinese too" '
	village && printf "household_id,name,relation,apply_date\nA1,张建国,户主,2015-05-20\n" >in.csv &&
	status 2 tpa-apply --village village.yaml -o out.csv in.csv 2>err &&
	grep -qx "tpa-apply: in.csv:1: required column id_number (身份证号) is missing" err && [ ! -e out.csv ]'

expect "two cells naming one column" '
	village && printf "household_id,户编号,name,id_number,relation,apply_date\n" >in.csv &&
	status 2 tpa-apply --village village.yaml -o out.csv in.csv 2>err &&
	grep -q "in.csv:1: columns 1 and 2 both name household_id" err'

expect "unknown option: usage on stderr, exit 2" '
	status 2 tpa-apply --frobnicate x.csv 2>err && grep -q "unknown option --frobnicate" err &&
	grep -q "^usage: tpa-apply" err'

expect "--help on stdout, exit 0; --version" '
	tpa-apply --help >out && grep -q "^usage: tpa-apply --village V" out &&
	tpa-apply --version | grep -q "^tpa-apply (tpa) [0-9]"'

expect "missing input: exit 2" '
	village && status 2 tpa-apply --village village.yaml -o out.csv nosuch.csv 2>err &&
	grep -qx "tpa-apply: cannot open nosuch.csv: No such file or directory" err && [ ! -e out.csv ]'

expect "missing --village: usage error" '
	status 2 tpa-apply x.csv 2>err && grep -q "village is required" err'

expect "invalid village.yaml: FILE:LINE:COL, exit 2" '
	printf "village:\n  code: \"371323105201\"\n  population: lots\nyear: 2015\n" >village.yaml &&
	printf "$H\n" >in.csv &&
	status 2 tpa-apply --village village.yaml -o out.csv in.csv 2>err &&
	grep -qx "tpa-apply: village.yaml:3:15: expected a whole number from 0 to 1000000000, not \"lots\"" err && [ ! -e out.csv ]'

expect "duplicate key in village.yaml" '
	printf "village:\n  code: \"371323105201\"\nyear: 2015\nyear: 2016\n" >village.yaml &&
	printf "$H\n" >in.csv &&
	status 2 tpa-apply --village village.yaml -o out.csv in.csv 2>err &&
	grep -qx "tpa-apply: village.yaml:4:1: duplicate key \"year\" (first at line 3)" err'

expect "output folder missing: exit 2, nothing written" '
	village && printf "$H\n" >in.csv &&
	status 2 tpa-apply --village village.yaml -o nodir/out.csv in.csv 2>err &&
	grep -q "cannot write nodir/out.csv" err'

expect "a failed write (file size limit) keeps the old output, no temporary" '
	village && awk "NR==1{print;next} END{for(i=0;i<200;i++) printf \"B%d,王德明,371323197209180311,户主,2015-05-21\n\", i}" \
	    "$DATA/apply/formats.csv" >big.csv &&
	printf "old applicants\n" >out.csv && printf "old rejects\n" >rejects-apply.csv &&
	(ulimit -f 1; trap "" XFSZ; status 2 tpa-apply --village village.yaml -o out.csv big.csv 2>err) &&
	grep -q "^tpa-apply: cannot write .*: File too large" err &&
	[ "$(cat out.csv)" = "old applicants" ] && [ "$(cat rejects-apply.csv)" = "old rejects" ] &&
	[ -z "$(ls -A | grep tmp)" ]'
