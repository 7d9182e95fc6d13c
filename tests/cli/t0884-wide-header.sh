#!/bin/sh
# A header's cost is linear in its number of columns: files of 200,000
# columns (the header hashed once, each row's cells walked once) go through
# the stages in seconds, where comparing every column with every other one
# took minutes.
. "$(dirname "$0")/lib.sh"
D=$DATA/survey
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)/village.mk
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)
N=200000

# widen FILE PREFIX: FILE gets N more columns PREFIX1..PREFIXN, empty in
# every row.
widen() {
	head -c $N /dev/zero | tr "\0" , >commas &&
	{ printf "%s" "$(head -1 "$1")" && seq -f ",$2%g" 1 $N | tr -d "\n" && echo &&
	  tail -n +2 "$1" | while IFS= read -r line; do
		printf "%s" "$line" && cat commas && echo || exit 1
	  done; } >wide.tmp && mv wide.tmp "$1" && rm commas
}

# columns FILE: the number of cells in FILE's header.
columns() { head -1 "$1" | tr -cd , | wc -c | awk "{ print \$1 + 1 }"; }

expect "tpa-survey: a survey.csv of 200,000 more columns, in seconds; primary.csv keeps them" '
	cp "$D/survey.csv" s.csv && widen s.csv extra && [ "$(columns s.csv)" -eq $((N + 10)) ] &&
	timeout 60 tpa-survey -q --rules "$D/rules.yaml" -o p.csv "$D/applicants.csv" s.csv &&
	head -1 p.csv | grep -q ",extra1,extra2," && head -1 p.csv | grep -q ",extra199999,extra200000\$" &&
	[ "$(columns p.csv)" -eq $(($(columns "$D/primary.expected") + N)) ]'

expect "tpa-survey: an applicants.csv of 200,000 more columns, in seconds" '
	cp "$D/applicants.csv" a.csv && widen a.csv extra &&
	timeout 60 tpa-survey -q --rules "$D/rules.yaml" -o p.csv a.csv "$D/survey.csv" &&
	same p.csv "$D/primary.expected"'

expect "two header cells of one name 200,000 columns apart: both named, in seconds" '
	cp "$D/survey.csv" s.csv && widen s.csv extra &&
	sed -i "1s/\$/,extra1/" s.csv && sed -i "2,\$s/\$/,/" s.csv &&
	{ status 2 timeout 60 tpa-survey -q --rules "$D/rules.yaml" -o p.csv "$D/applicants.csv" s.csv 2>err; } &&
	grep -qxF "tpa-survey: s.csv:1: columns 11 and 200011 both name extra1" err'

# The village chain with applications.csv 200,000 columns wide: tpa-apply
# places each extra column once, tpa-file walks each member's cells once.
expect "a village whose applications.csv has 200,000 more columns runs to its registry in seconds" '
	tpa-gen --villages 1 --households 25 --seed 7 -o t >/dev/null &&
	mkdir -p t/rules && cp "$RULES"/*.yaml t/rules/ && V=t/371323100000 &&
	for l in village town county; do
		printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n" >$V/objections-$l.csv
	done && echo "include $MK" >$V/Makefile && widen $V/applications.csv note &&
	timeout 120 make -s -C $V TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >/dev/null 2>&1 &&
	[ "$(columns $V/applicants.csv)" -gt $N ] && head -1 $V/registry/members.csv | grep -q ",note200000,age\$" &&
	timeout 60 tpa-audit -q --level county -o . $V && ! grep -q "^error" audit.csv'
