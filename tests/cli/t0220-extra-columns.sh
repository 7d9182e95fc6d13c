#!/bin/sh
# Extra columns through every stage (issue 9 §1: 0, 1, 2, 12 and 400 extra
# columns with a rejected household), and no full ID number in any file
# meant for people (issue 9 §2, SPEC §3), nor a raw control character
# (issue 9 §4).
. "$(dirname "$0")/lib.sh"
RULES=$(cd "$SAMPLE/../rules" && pwd)

# id 17DIGITS: the 18-character ID number with its check character.
id() {
	echo "$1" | awk '{ split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); s = 0
		for (i = 1; i <= 17; i++) s += substr($0, i, 1) * w[i]
		printf "%s%s\n", $0, substr("10X98765432", s % 11 + 1, 1) }'
}

# A county folder: ./rules (the shipped ones), ./town, ./county and the
# village ./v, which becomes the current folder.
county() {
	mkdir rules town county v && cp "$RULES"/*.yaml rules/ && cd v &&
	cat >village.yaml <<'YAML'
village:
  code: "371323105201"
  name: 双河村
  town: 临涧镇
  county: 沂水县
  population: 800
  contact: 村委会 张主任 0539-1234567
year: 2015
rules: ../rules/example-2015.yaml
appraisal:
  date: 2015-06-03
  representatives: 25
publicity:
  village: {start: 2015-06-05, end: 2015-06-11}
  town:    {start: 2015-06-14, end: 2015-06-20}
  county:  {start: 2015-06-21, end: 2015-06-25}
YAML
}

# cols PREFIX N: ",PREFIX0,...,PREFIX(N-1)", nothing when N is 0.
cols() {
	[ "$2" -eq 0 ] || seq -s, -f "$1%g" 0 $(($2 - 1)) | sed 's/^/,/'
}

# row TAG: the N (global n) extra cells of the row TAG: TAG0, then
# "x,""y""TAG" (a comma and a quote), then TAG2...
row() {
	[ "$n" -eq 0 ] || seq -s, -f "$1%g" 0 $(($n - 1)) | sed 's/^/,/; s/^\(,[^,]*\),[^,]*/\1,"x,""y""'"$1"'"/'
}

# extra_village N: applications.csv and survey.csv with N extra columns
# each. H1 is the reproduction of issue 9: its spouse's ID is "123", so
# the whole household is rejected. H2 (one person) and H3 (two) are
# accepted; their extra cells say whose they are, and the second extra
# cell holds a comma and a quote, so order and quoting both show.
extra_village() {
	n=$1
	x=$(cols e "$n") sx=$(cols s "$n")
	{
		echo "household_id,name,id_number,relation,apply_date$x"
		echo "H1,张三,37132319580312011X,head,2015-05-01$(row a)"
		echo "H1,李四,123,spouse,$(row b)"
		echo "H2,王五,$(id 37132319600705022),head,2015-05-01$(row c)"
		echo "H3,赵六,$(id 37132319650101001),head,2015-05-02$(row d)"
		echo "H3,钱七,$(id 37132319680202002),spouse,$(row e)"
	} >applications.csv
	{
		echo "household_id,survey_date,surveyors,wage_income,business_income,property_income,transfer_income,housing,urban_house,car_value$sx"
		echo "H2,2015-05-26,王,1000,0,0,0,安全,否,0$(row f)"
		echo "H3,2015-05-26,王,2000,0,0,0,C级危房,否,0$(row g)"
	} >survey.csv
	printf 'household_id,votes_for,votes_against,votes_abstain\nH2,20,5,0\nH3,18,7,0\n' >votes.csv
	for l in village town county; do
		echo "household_id,about,received,kind,summary,outcome,decided,decided_by" >objections-$l.csv
	done
}

# chain: every stage, as the Makefiles run them, each exit status 0.
chain() {
	step() { "$@" || { echo "exit $? from: $*"; return 1; }; }
	step tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	step tpa-survey -q --village village.yaml -o primary.csv applicants.csv survey.csv &&
	step tpa-appraise -q --village village.yaml -o appraised.csv primary.csv votes.csv &&
	step tpa-publicize notice -q --level village --village village.yaml -o notice-village.html appraised.csv &&
	step tpa-publicize resolve -q --level village --village village.yaml -o publicized-village.csv appraised.csv objections-village.csv &&
	step tpa-audit -q --level town -o ../town . &&
	step tpa-publicize notice -q --level town --village village.yaml -o notice-town.html publicized-village.csv &&
	step tpa-publicize resolve -q --level town --village village.yaml -o publicized-town.csv publicized-village.csv objections-town.csv &&
	step tpa-audit -q --level county -o ../county . &&
	step tpa-publicize notice -q --level county --village village.yaml -o notice-county.html publicized-town.csv &&
	step tpa-publicize resolve -q --level county --village village.yaml -o publicized-county.csv publicized-town.csv objections-county.csv &&
	step tpa-file -q --village village.yaml .
}

# provenance_ok DIR: PROVENANCE.csv of DIR is UTF-8, has its seven
# columns on every row, and every hash matches the file it names.
provenance_ok() {
	p=$1/PROVENANCE.csv
	[ -s "$p" ] && iconv -f UTF-8 -t UTF-8 "$p" >/dev/null &&
	[ "$(head -1 "$p")" = "output,sha256,stage,tool_version,rules,rules_sha256,inputs" ] &&
	awk -F, 'NF != 7 { print FILENAME ":" NR ": " NF " columns"; bad = 1 } END { exit bad }' "$p" &&
	tail -n +2 "$p" | while IFS=, read -r out sha rest; do
		[ "$(sha256sum "$1/$out" | cut -c1-64)" = "$sha" ] || { echo "$p: $out does not match"; exit 1; }
	done
}

# no_full_id FILE...: no run of exactly 18 ID characters or exactly 15
# digits, bounded by non-digits (SPEC §3), in any of the files.
no_full_id() {
	for f in "$@"; do
		[ -f "$f" ] || { echo "no $f"; return 1; }
		if grep -nE '(^|[^0-9])([0-9]{17}[0-9Xx]|[0-9]{15})([^0-9]|$)' "$f"; then
			echo "$f holds a full ID"
			return 1
		fi
	done
}
PEOPLE="rejects-apply.csv rejects-survey.csv notice-village.html notice-town.html notice-county.html resurvey.csv ../town/audit.csv ../town/sample.csv ../county/audit.csv ../county/sample.csv registry/stats.csv"

for N in 0 1 2 12 400; do
	# The chain runs once per N, in a folder the next cases read.
	expect "$N extra columns and a rejected household: every stage exits 0, the registry is built" '
		mkdir "$scratch/n'$N'" && cd "$scratch/n'$N'" && county && extra_village '$N' && chain &&
		for f in applicants.csv rejects-apply.csv primary.csv appraised.csv publicized-county.csv registry/households.csv registry/members.csv; do
			[ -s $f ] || { echo "no $f"; exit 1; }; done &&
		[ "$(grep -c ",H1," rejects-apply.csv)" -eq 2 ] &&
		[ "$(cut -d, -f2 applicants.csv | tail -n +2 | tr "\n" " ")" = "H2 H3 H3 " ] &&
		[ "$(tail -n +2 registry/households.csv | cut -d, -f2 | tr "\n" " ")" = "H2 H3 " ]'

	expect "$N extra columns: they pass through applicants.csv in order, the survey columns through the lists" '
		cd "$scratch/n'$N'/v" && n='$N' &&
		x=$(cols e '$N') sx=$(cols s '$N') &&
		[ "$(head -1 applicants.csv)" = "village_code,household_id,name,id_number,relation,sex,birth_date,health,labor,education,in_school,occupation,phone,group,apply_date,declared_reason,source$x" ] &&
		for t in c d e; do
			want=$(grep "^H[23],[^,]*,[^,]*,[^,]*,[^,]*$(row $t)\$" applications.csv | sed "s/^\(H[23]\),\([^,]*\),\([^,]*\),.*/\1,\2,\3/") &&
			got=$(grep ",application$(row $t)\$" applicants.csv | cut -d, -f2-4) &&
			[ -n "$want" ] && [ "$want" = "$got" ] || { echo "row $t: want [$want] got [$got]"; exit 1; }
		done &&
		for f in primary.csv appraised.csv publicized-village.csv publicized-county.csv; do
			head -1 $f | grep -q ",urban_house,car_value$sx\(,\|\$\)" || { echo "$f: $(head -1 $f | cut -c1-200)"; exit 1; }
		done &&
		grep -q "^371323105201,H3,.*,c_grade,,,,no,0.00$(row g)\$" primary.csv &&
		grep -q "^371323105201,H2,.*,safe,,,,no,0.00$(row f)\$" primary.csv'

	expect "$N extra columns: no full ID number in any file meant for people" '
		cd "$scratch/n'$N'/v" && no_full_id $PEOPLE'

	expect "$N extra columns: PROVENANCE.csv readable and its hashes matching, in the village (its registry included), the town and the county" '
		cd "$scratch/n'$N'/v" &&
		provenance_ok . && provenance_ok ../town && provenance_ok ../county &&
		[ "$(tail -n +2 PROVENANCE.csv | cut -d, -f1 | tr "\n" " ")" = "applicants.csv appraised.csv notice-county.html notice-town.html notice-village.html primary.csv publicized-county.csv publicized-town.csv publicized-village.csv registry/cards.html registry/history.csv registry/households.csv registry/members.csv registry/stats.csv registry/stats.svg rejects-apply.csv rejects-survey.csv resurvey.csv " ] &&
		tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
		tpa-survey -q --village village.yaml -o primary.csv applicants.csv survey.csv &&
		provenance_ok .'
done

# The same with the audit finding errors: a hand edit of a list is caught
# and reported without quoting an ID either.
expect "12 extra columns, a list edited by hand: the audit finds it, exit 1, and quotes no full ID" '
	county && extra_village 12 && chain &&
	sed -i "s/^\(371323105201,H2,[^,]*,[^,]*,[^,]*,\)[^,]*/\\1900.00/" primary.csv &&
	status 1 tpa-audit -q --level town -o ../town . &&
	grep -q "^error,.*,H2," ../town/audit.csv &&
	no_full_id ../town/audit.csv ../town/sample.csv'

# The audit summary line counts the households it drew: as many as
# sample.csv holds (both confirmed households: the sample is 5 a village).
expect "the audit summary line counts the households of sample.csv" '
	county && extra_village 2 && chain &&
	tpa-audit --level town -o ../town . 2>err && cat err &&
	n=$(($(wc -l <../town/sample.csv) - 1)) && [ "$n" -eq 2 ] &&
	grep -q "; $n households drawn for re-visits\$" err'

# Issue 9 §2: an ID in the wrong column lands in a reject message.
#   H1: an unquoted comma in the name shifts the ID into relation
#   H2: an ID typed into birth_date
#   H3: a value (an ID) under an empty header cell
#   H4: an old 15-digit ID, and a 15-digit number in birth_date
#   H5: ESC in a name; H6: BEL in a name (issue 9 §4)
leak_village() {
	printf 'household_id,name,id_number,relation,birth_date,apply_date,,bank_card%s\n' "$(cols e "$1")" >applications.csv
	v=$(cols v "$1")
	{
		printf 'H1,张,三,37132319580312011X,head,,2015-05-01,,6222020200112233%s\n' "$v"
		printf 'H2,王五,%s,head,%s,2015-05-01,,6222020200112234%s\n' "$(id 37132319600705022)" "$(id 37132319650101001)" "$v"
		printf 'H3,赵六,%s,head,,2015-05-01,%s,6222020200112235%s\n' "$(id 37132319680202002)" "$(id 37132319700101001)" "$v"
		printf 'H4,孙八,371323580312011,head,371323600705022,2015-05-01,,6222020200112236%s\n' "$v"
		printf 'H5,周\033[31m九,%s,head,,2015-05-01,,6222020200112237%s\n' "$(id 37132319720303003)" "$v"
		printf 'H6,吴\007十,%s,head,,2015-05-01,,6222020200112238%s\n' "$(id 37132319740404004)" "$v"
		printf 'H7,郑一,%s,head,,2015-05-01,,6222020200112239%s\n' "$(id 37132319760505005)" "$v"
	} >>applications.csv
}

for N in 0 12; do
	expect "$N extra columns, IDs in the wrong columns (shifted by a comma, in birth_date, under an empty header, 15 digits): rejected, and no full ID in rejects-apply.csv" '
		county && leak_village '$N' &&
		tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
		for h in H1 H2 H3 H4; do grep -q "^apply,applications.csv,[0-9]*,371323105201,$h," rejects-apply.csv || { echo "$h not rejected"; exit 1; }; done &&
		grep -q ",H1,.*,RAGGED_ROW," rejects-apply.csv &&
		grep -q ",H2,.*,birth_date,BAD_DATE," rejects-apply.csv &&
		grep -q ",H4,.*,OLD_15_DIGIT_ID," rejects-apply.csv &&
		[ "$(cut -d, -f2 applicants.csv | tail -n +2 | tr "\n" " ")" = "H7 " ] &&
		no_full_id rejects-apply.csv'
done

expect "ESC and BEL in a name: BAD_VALUE, and no raw control character in any output" '
	county && leak_village 12 &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	grep -q "^apply,applications.csv,6,371323105201,H5,[^,]*,name,BAD_VALUE," rejects-apply.csv &&
	grep -q "^apply,applications.csv,7,371323105201,H6,[^,]*,name,BAD_VALUE," rejects-apply.csv &&
	! grep -q "$(printf "\033")" rejects-apply.csv applicants.csv &&
	! grep -q "$(printf "\007")" rejects-apply.csv applicants.csv &&
	! grep -q ",H[56]," applicants.csv'

expect "an ID under an empty header cell is named by its column, masked" '
	county && leak_village 0 &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	grep "^apply,applications.csv,4,371323105201,H3," rejects-apply.csv | grep -q "371323\*\*\*\*\*\*\*\*" &&
	no_full_id rejects-apply.csv'
