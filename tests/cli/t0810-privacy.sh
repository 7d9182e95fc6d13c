#!/bin/sh
# Privacy: what is posted shows no full ID number and no phone number;
# files that hold full ID numbers are readable by their owner only; rules
# cannot reach outside the rules folder or hang a stage.
. "$(dirname "$0")/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)

county() {
	mkdir -p c && cp -R "$SAMPLE_FLAT/county/." c/ && sample_rules c &&
	(umask 022 && make -s -C c/2015/371323105201 TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 2>/dev/null)
}

expect "files meant for people hold no full ID number and no household phone" '
	county && cd c/2015/371323105201 &&
	for l in village town county; do
		tpa-publicize notice -q --level $l --village . --format text -o n-$l.txt $( [ $l = village ] && echo appraised.csv || { [ $l = town ] && echo publicized-village.csv || echo publicized-town.csv; } ) &&
		tpa-publicize notice -q --level $l --village . --format csv -o n-$l.csv $( [ $l = village ] && echo appraised.csv || { [ $l = town ] && echo publicized-village.csv || echo publicized-town.csv; } ) || exit 1
	done &&
	for f in notice-*.html n-*.txt n-*.csv rejects-*.csv resurvey.csv; do
		! grep -Eq "[0-9]{17}[0-9Xx]" $f || { echo "full ID in $f"; exit 1; }
		! grep -Eq "[0-9]{15}" $f || { echo "15 digits in $f"; exit 1; }
		! grep -Eq "1[3-9][0-9]{9}" $f || { echo "phone in $f"; exit 1; }
	done'

# A clerk who types an ID number where a name or a household number goes:
# H001's head named with his ID, H002's head with it in full-width digits,
# and a household numbered with a full-width ID (rejected: not a household
# number). Every file for people shows them masked.
expect "an ID typed into a name or a household number, in either width (a full-width household number reads as its ASCII form), is masked on notices, letters and rejects" '
	mkdir -p c && cp -R "$SAMPLE_FLAT/county/." c/ && sample_rules c &&
	cd c/2015/371323105201 &&
	sed -i "s/^H001,张建国,/H001,张建国37132319580312011X,/; s/^H002,\([^,]*\),/H002,\1３７０１０２１９５００１０１１２１７,/" applications.csv &&
	printf "３７０１０２１９５００１０１１２１７,王某,370102195001011217,户主,男,,健康,,,,务农,,2015/5/20,\n" >>applications.csv &&
	(umask 022 && make -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 2>/dev/null) &&
	grep -q "37132319580312011X" applicants.csv &&
	tpa-publicize letter -q --level village --village . -o letters.html appraised.csv &&
	tpa-publicize notice -q --level village --village . --format text -o n.txt appraised.csv &&
	tpa-publicize notice -q --level village --village . --format csv -o n.csv appraised.csv &&
	grep -q "张建国371323\*\*\*\*\*\*\*\*011X" notice-village.html &&
	grep -q "张建国371323\*\*\*\*\*\*\*\*011X" n.txt && grep -q "张建国371323\*\*\*\*\*\*\*\*011X" letters.html &&
	grep -q "370102\*\*\*\*\*\*\*\*1217" letters.html && grep -q "^371323105201,370102195001011217,王某," applicants.csv &&
	for f in notice-village.html n.txt n.csv letters.html rejects-*.csv; do
		! grep -Eq "[0-9]{17}[0-9Xx]|[0-9]{15}" $f || { echo "full ID in $f"; exit 1; }
		! grep -q "３７０１０２１９５００１０１１２１７\|１９５００１０１" $f || { echo "full-width ID in $f"; exit 1; }
	done'

expect "files with full ID numbers are mode 0600 even under umask 022" '
	county && cd c/2015/371323105201 &&
	for f in applicants.csv primary.csv appraised.csv publicized-village.csv publicized-town.csv publicized-county.csv; do
		[ "$(stat -c %a $f)" = 600 ] || { echo "$f is $(stat -c %a $f)"; exit 1; }
		grep -Eq "[0-9]{17}[0-9X]" $f || { echo "$f has no ID?"; exit 1; }
	done &&
	for f in notice-village.html rejects-apply.csv rejects-survey.csv resurvey.csv PROVENANCE.csv; do
		[ "$(stat -c %a $f)" = 644 ] || { echo "$f is $(stat -c %a $f)"; exit 1; }
	done'

expect "an include outside the rules folder is refused, unless --include-anywhere" '
	mkdir rules elsewhere && printf "exclusions:\n  - {id: Z1, when: {}}\n" >elsewhere/more.yaml &&
	printf "version: 1\ninclude: [../elsewhere/more.yaml]\nincome: {poverty_line: 2855}\n" >rules/r.yaml &&
	status 2 tpa-survey --rules rules/r.yaml -o p.csv "$DATA/survey/applicants.csv" "$DATA/survey/survey.csv" 2>err &&
	grep -q "rules/r.yaml:2:11: include rules/../elsewhere/more.yaml lies outside the rules folder" err &&
	tpa-survey -q --include-anywhere --rules rules/r.yaml -o p.csv "$DATA/survey/applicants.csv" "$DATA/survey/survey.csv" &&
	grep -q ",excluded,Z1," p.csv'

expect "conditions nested 100 deep end with a clear error" '
	{ printf "version: 1\nincome: {poverty_line: 2855}\nexclusions:\n  - id: D\n    when: "
	  i=0; while [ $i -lt 100 ]; do printf "{not: "; i=$((i + 1)); done; printf "{}"
	  i=0; while [ $i -lt 100 ]; do printf "}"; i=$((i + 1)); done; echo; } >r.yaml &&
	status 2 tpa-survey --rules r.yaml -o p.csv "$DATA/survey/applicants.csv" "$DATA/survey/survey.csv" 2>err &&
	grep -q "nested more than 64 levels deep" err'

expect "a list of 200,000 values loads and runs promptly" '
	{ printf "version: 1\nincome: {poverty_line: 2855}\nexclusions:\n  - id: L\n    when: {field: surveyors, in: ["
	  seq 1 200000 | sed "s/^/v/" | tr "\n" ","; printf "李]}\n"; } >r.yaml &&
	timeout 60 tpa-survey -q --rules r.yaml -o p.csv "$DATA/survey/applicants.csv" "$DATA/survey/survey.csv" &&
	[ "$(grep -c ",excluded,L," p.csv)" -eq 11 ]'
