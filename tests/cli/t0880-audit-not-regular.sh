#!/bin/sh
# tpa-audit reads only regular files: a FIFO, a device or a folder in place
# of any file of a village, or named by its PROVENANCE.csv, is the finding
# NOT_REGULAR_FILE for that village (never a hang, never a read without
# end), and the other villages are audited as usual.
. "$(dirname "$0")/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)/village.mk
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)
V=t/371323100000
W=t/371323100001

# Two villages of one town run to the registry (without the audit gates),
# made once and copied into each case.
base=$scratch/base
mkdir -p "$base" && (cd "$base" &&
	tpa-gen --villages 2 --households 25 --seed 7 -o t >/dev/null &&
	mkdir -p t/rules && cp "$RULES"/*.yaml t/rules/ &&
	for v in t/3*; do
		for l in village town county; do
			printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n" >$v/objections-$l.csv
		done
		echo "include $MK" >$v/Makefile
		make -s -C $v TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >/dev/null 2>&1 || exit 1
	done) || echo "the two villages could not be made" >&2
town() { cp -R "$base/t" t; }

# audit: the county audit of both villages, bounded in time: exit 1.
audit() {
	status 1 timeout 60 tpa-audit -q --level county -o . $V $W
}

# not_regular NAME: audit.csv has NOT_REGULAR_FILE for V naming NAME, and
# W was audited (drawn for the sample, no error of its own).
not_regular() {
	grep -q "^error,NOT_REGULAR_FILE,371323100000,,\"\?$1 不是普通文件" audit.csv ||
	grep -q "^error,NOT_REGULAR_FILE,371323100000,,$1不是普通文件" audit.csv ||
	    { echo "no NOT_REGULAR_FILE for $1"; cat audit.csv; return 1; }
	[ "$(grep -c "^371323100001," sample.csv)" -eq 5 ] &&
	! grep -q "^error,[A-Z_]*,371323100001," audit.csv
}

# fifo FILE / zero FILE: FILE of V replaced by a FIFO nobody writes to, or
# by a symbolic link to /dev/zero.
fifo() { rm -f "$V/$1" && mkfifo "$V/$1"; }
zero() { rm -f "$V/$1" && ln -s /dev/zero "$V/$1"; }

expect "the two villages audit clean as they are" '
	town && status 0 timeout 60 tpa-audit -q --level county -o . $V $W &&
	! grep -q "^error," audit.csv && [ "$(grep -c "^37132310000[01]," sample.csv)" -eq 10 ]'

for f in survey.csv votes.csv primary.csv publicized-town.csv objections-village.csv \
    registry/households.csv registry/members.csv PROVENANCE.csv village.yaml; do
	expect "a FIFO as $f: NOT_REGULAR_FILE, the other village audited" "
		town && fifo $f && audit && not_regular $f"
	expect "a link to /dev/zero as $f: NOT_REGULAR_FILE, the other village audited" "
		town && zero $f && audit && not_regular $f"
done

expect "a folder as votes.csv: NOT_REGULAR_FILE" '
	town && rm $V/votes.csv && mkdir $V/votes.csv && audit && not_regular votes.csv'

expect "a FIFO in place of survey.csv: the rest of the village is still checked" '
	town && fifo survey.csv && line=$(grep -n ",proposed," $V/appraised.csv | head -1 | cut -d: -f1) && [ -n "$line" ] &&
	sed -i "${line}s/,proposed,/,not_proposed,/" $V/appraised.csv &&
	audit && not_regular survey.csv &&
	grep -q "^error,PROVENANCE_MISMATCH,371323100000,.*appraised.csv" audit.csv &&
	grep -q "^error,DECISION_MISMATCH,371323100000,.*appraised.csv" audit.csv'

expect "PROVENANCE.csv naming a FIFO as an input: NOT_REGULAR_FILE" '
	town && sed -i "s/votes.csv@/pipe.csv@/" $V/PROVENANCE.csv && mkfifo $V/pipe.csv &&
	audit && not_regular pipe.csv'

expect "PROVENANCE.csv naming /dev/zero as an input: NOT_REGULAR_FILE" '
	town && sed -i "s|votes.csv@|/dev/zero@|" $V/PROVENANCE.csv &&
	audit && not_regular /dev/zero'

expect "PROVENANCE.csv naming a FIFO as the rules: NOT_REGULAR_FILE" '
	town && sed -i "s|,\.\./rules/example-2015.yaml,|,../rules/pipe.yaml,|" $V/PROVENANCE.csv &&
	mkfifo t/rules/pipe.yaml && audit && not_regular ../rules/pipe.yaml'

expect "PROVENANCE.csv naming /dev/zero as the rules: NOT_REGULAR_FILE" '
	town && sed -i "s|,\.\./rules/example-2015.yaml,|,/dev/zero,|" $V/PROVENANCE.csv &&
	audit && not_regular /dev/zero'

expect "a FIFO as the village.yaml of the only village: exit 1 at once" '
	town && fifo village.yaml &&
	status 1 timeout 60 tpa-audit -q --level town -o . $V &&
	grep -q "^error,NOT_REGULAR_FILE,371323100000,,village.yaml不是普通文件" audit.csv'

expect "tpa-survey given a FIFO nobody writes to as survey.csv: exit 2 at once; a pipe on - still reads" '
	town && mkfifo fifo &&
	{ status 2 timeout 60 tpa-survey -q --village $V/village.yaml --rules t/rules/example-2015.yaml \
	    -o p.csv $V/applicants.csv fifo 2>err; } && grep -q "fifo:1: empty file" err && [ ! -e p.csv ] &&
	cat $V/survey.csv | tpa-survey -q --village $V/village.yaml --rules t/rules/example-2015.yaml \
	    -o p.csv $V/applicants.csv - && [ "$(tail -n +2 p.csv | wc -l)" -eq 25 ]'

expect "a stage given a FIFO as village.yaml or as the rules: exit 2 at once" '
	town && mkfifo fifo &&
	{ status 2 timeout 60 tpa-survey -q --village fifo --rules t/rules/example-2015.yaml \
	    -o p.csv $V/applicants.csv $V/survey.csv 2>err1; } && grep -q "fifo: not a regular file" err1 &&
	{ status 2 timeout 60 tpa-survey -q --village $V/village.yaml --rules fifo \
	    -o p.csv $V/applicants.csv $V/survey.csv 2>err2; } && grep -q "fifo: not a regular file" err2 &&
	[ ! -e p.csv ]'
