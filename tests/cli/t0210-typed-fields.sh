#!/bin/sh
# Typed fields (SPEC §3 survey.csv, §4 "Field types", issue 10): what a
# survey clerk types is what the rules test. Villages are built here, run
# through tpa-apply and tpa-survey, and every decision is worked out by hand.
. "$(dirname "$0")/lib.sh"
RULES=$(cd "$SAMPLE/../rules" && pwd)

# id 17DIGITS: the 18-character ID number with its check character.
id() {
	echo "$1" | awk '{ split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); s = 0
		for (i = 1; i <= 17; i++) s += substr($0, i, 1) * w[i]
		printf "%s%s\n", $0, substr("10X98765432", s % 11 + 1, 1) }'
}

# county RULES_FILE: the shipped rules in ./rules (includes may not leave
# that folder), and a village folder ./v whose village.yaml names
# rules/RULES_FILE; the current folder becomes ./v.
county() {
	mkdir rules v && cp "$RULES"/*.yaml rules/ &&
	printf 'version: 1\ninclude: [national-2015.yaml, nine-red-lines.yaml]\n' >rules/red.yaml &&
	printf 'version: 1\ninclude: [national-2015.yaml, seven-out.yaml]\n' >rules/seven.yaml &&
	printf 'version: 1\ninclude: [example-2015.yaml, nine-red-lines.yaml, seven-out.yaml]\n' >rules/both.yaml &&
	cd v && village && echo "rules: ../rules/$1" >>village.yaml
}

# col FILE NAME: column NAME of a CSV file without quoted cells, one line
# per row, as "household_id,value".
col() {
	awk -F, -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == name) c = i; if ($i == "household_id") h = i }; next }
		{ print $h "," $c }' "$1"
}

# decisions: household_id,decision,reasons of primary.csv.
decisions() {
	cut -d, -f2,8,9 primary.csv | tail -n +2
}

# survey: apply then survey, quietly, in the village folder.
survey() {
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	tpa-survey -q --village village.yaml -o primary.csv applicants.csv survey.csv
}

RED_COLS=urban_house,luxury_decoration,has_car,large_machinery,business_registered,employs_others,long_absent,study_abroad,commercial_pension,unrepentant_offence
SURVEY_HEAD=household_id,survey_date,surveyors,wage_income,business_income,property_income,transfer_income

# The case of the issue: a clerk's 是, 有 and 公务员 (H1); 否, 无 and a
# farmer (H2).
issue_village() {
	cat >applications.csv <<CSV
household_id,name,id_number,relation,occupation,apply_date
H1,张三,$(id 37132319580312011),head,务农,2015-05-01
H1,张四,$(id 37132319800101001),child,公务员,
H2,王五,$(id 37132319600705022),head,务农,2015-05-01
CSV
	cat >survey.csv <<CSV
$SURVEY_HEAD,housing,car_value,$RED_COLS
H1,2015-05-26,王,1000,0,0,0,安全,0,是,否,有,无,否,否,否,否,否,否
H2,2015-05-26,王,1000,0,0,0,安全,0,否,否,无,无,否,否,否,否,否,否
CSV
}

# H1: (1000)/2 = 500.00, below 2855; urban_house 是 -> R1, has_car 有 ->
# R3, the son a civil servant -> R5. H2: 1000.00, nothing holds -> eligible.
expect "issue 10 with nine-red-lines: 是 in urban_house, 有 in has_car, 公务员 -> excluded R1;R3;R5; stored as yes" '
	county red.yaml && issue_village && survey &&
	[ "$(decisions | head -1)" = "H1,excluded,R1;R3;R5" ] &&
	[ "$(col primary.csv urban_house | head -1)" = "H1,yes" ] &&
	[ "$(col primary.csv has_car | head -1)" = "H1,yes" ] &&
	[ "$(col primary.csv large_machinery | head -1)" = "H1,no" ]'

expect "issue 10 with example-2015: the same household -> excluded X1;X2" '
	county example-2015.yaml && issue_village && survey &&
	[ "$(decisions | head -1)" = "H1,excluded,X1;X2" ]'

expect "否, 无 and a farmer: not excluded, under nine-red-lines and example-2015" '
	county red.yaml && issue_village && survey &&
	[ "$(decisions | tail -1)" = "H2,eligible," ] &&
	[ "$(col primary.csv urban_house | tail -1)" = "H2,no" ] &&
	sed -i "s#^rules: .*#rules: ../rules/example-2015.yaml#" village.yaml && survey &&
	[ "$(decisions | tail -1)" = "H2,eligible," ]'

expect "--explain shows a clerk 是 and 公务员 as the stored yes and civil_servant" '
	county red.yaml && issue_village && survey &&
	tpa-survey --village village.yaml --explain H1 applicants.csv survey.csv >out &&
	grep -qx "  城镇商品房 等于 yes：“yes” → 是" out &&
	grep -qx "  私家车 等于 yes：“yes” → 是" out &&
	grep -qx "    \[张四\] 职业 属于 civil_servant、public_institution、state_enterprise：“civil_servant” → 是" out &&
	grep -qx "结论：属于排除情形（excluded）  原因：R1;R3;R5" out &&
	echo "language: en" >>village.yaml &&
	tpa-survey --village village.yaml --explain H1 applicants.csv survey.csv >out &&
	grep -qx "  urban_house equals yes: \"yes\" -> yes" out &&
	grep -qx "  has_car equals yes: \"yes\" -> yes" out &&
	grep -qx "    \[张四\] occupation in civil_servant, public_institution, state_enterprise: \"civil_servant\" -> yes" out &&
	grep -qx "decision: excluded  reasons: R1;R3;R5" out'

# H2 says maybe; H3 has a bad money cell. SPEC §3: a cell that is not a
# value of its type is a BAD_VALUE reject; issue 10: the household is
# unverified exactly as with a bad money cell.
maybe_village() {
	issue_village &&
	cat >>applications.csv <<CSV
H3,赵六,$(id 37132319650101001),head,务农,2015-05-01
CSV
	cat >survey.csv <<CSV
$SURVEY_HEAD,housing,car_value,$RED_COLS
H1,2015-05-26,王,1000,0,0,0,安全,0,否,否,无,无,否,否,否,否,否,否
H2,2015-05-26,王,1000,0,0,0,安全,0,maybe,否,无,无,否,否,否,否,否,否
H3,2015-05-26,王,"12,3x",0,0,0,安全,0,否,否,无,无,否,否,否,否,否,否
CSV
}

expect "maybe in a yes_no column: BAD_VALUE reject naming survey.csv, line 3, urban_house and what is accepted" '
	county red.yaml && maybe_village && survey &&
	grep -qx "survey,survey.csv,3,371323105201,H2,,urban_house,BAD_VALUE,\"城镇商品房 \"\"maybe\"\"不是是或否（是/否、有/无、√/×、y/n、true/false、1/0）\",error" rejects-survey.csv &&
	echo "language: en" >>village.yaml && survey &&
	grep -qx "survey,survey.csv,3,371323105201,H2,,urban_house,BAD_VALUE,\"urban_house \"\"maybe\"\" is not yes or no (是/否, 有/无, √/×, y/n, true/false, 1/0)\",error" rejects-survey.csv'

expect "maybe in a yes_no column: the household unverified, exactly as with a bad money cell" '
	county red.yaml && maybe_village && survey &&
	decisions >d && grep -q "^H2,unverified," d && grep -q "^H3,unverified," d &&
	[ "$(grep ^H2, d | cut -d, -f2-)" = "$(grep ^H3, d | cut -d, -f2-)" ] &&
	grep -qx "H1,excluded,R5" d'

# Load errors: each with FILE:LINE:COL, exit 2, nothing written.
load_village() {
	cat >applications.csv <<CSV
household_id,name,id_number,relation,occupation,apply_date
H1,张三,$(id 37132319580312011),head,务农,2015-05-01
CSV
	printf "$SURVEY_HEAD,has_car,car_value\nH1,2015-05-26,王,1000,0,0,0,否,0\n" >survey.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv
}
load_rules() {
	printf "version: 1\nincome: {poverty_line: 2855}\nexclusions:\n  - {id: A1, when: $1}\nfields:\n  has_car: {type: yes_no}\n  car_value: {type: money}\n  occupation: {type: code, values: {civil_servant: [公务员], farmer: [务农]}, other: allow}\n" >../rules/t.yaml
}
load_fails() {
	status 2 tpa-survey --rules ../rules/t.yaml -o p.csv applicants.csv survey.csv 2>err &&
	[ ! -e p.csv ] && [ ! -e rejects-survey.csv ] && cat err && grep -qx "$1" err
}

expect "load error: a condition on a column with no type" '
	county red.yaml && load_village && load_rules "{field: has_tractor, equals: \"yes\"}" &&
	load_fails "tpa-survey: ../rules/t.yaml:4:20: has_tractor has no type: declare it under fields: (type: yes_no, number, money, date, code or text)"'

expect "load error: equals ye on a yes_no field" '
	county red.yaml && load_village && load_rules "{field: has_car, equals: ye}" &&
	load_fails "tpa-survey: ../rules/t.yaml:4:45: \"ye\" is not a value of has_car, which is yes_no: yes or no (是/否, 有/无, √/×, y/n, true/false, 1/0)"'

expect "load error: a code not in the list, even with other: allow" '
	county red.yaml && load_village && load_rules "{any_member: {field: occupation, equals: astronaut}}" &&
	load_fails "tpa-survey: ../rules/t.yaml:4:61: \"astronaut\" is not a code of occupation (one of: civil_servant (公务员), farmer (务农); add it under fields: occupation: values: to test it)"'

expect "a label in a condition reads as its code: in [farmer, 公务员] tests civil_servant" '
	county red.yaml && load_village && sed -i "s/,务农,/,公务员,/" applications.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	load_rules "{any_member: {field: occupation, in: [farmer, 公务员]}}" &&
	tpa-survey -q --rules ../rules/t.yaml -o p.csv applicants.csv survey.csv && grep -q ",H1,.*,excluded,A1," p.csv &&
	load_rules "{any_member: {field: occupation, equals: 公务员}}" &&
	tpa-survey -q --rules ../rules/t.yaml -o p.csv applicants.csv survey.csv && grep -q ",H1,.*,excluded,A1," p.csv'

expect "load error: gt abc on a money field" '
	county red.yaml && load_village && load_rules "{field: car_value, gt: abc}" &&
	load_fails "tpa-survey: ../rules/t.yaml:4:43: \"abc\" is not a value of car_value, which is money: an amount in yuan (like 1200 or 1,200.50)"'

expect "load error: gt on a yes_no field" '
	county red.yaml && load_village && load_rules "{field: has_car, gt: 1}" &&
	status 2 tpa-survey --rules ../rules/t.yaml -o p.csv applicants.csv survey.csv 2>err &&
	grep -q "^tpa-survey: ../rules/t.yaml:4:20: gt compares numbers" err'

expect "load errors: three problems in a rules file and two files it includes, reported together" '
	county red.yaml && load_village && cd ../rules &&
	printf "version: 1\ninclude: [t-a.yaml, t-b.yaml]\nincome: {poverty_line: 2855}\nexclusions:\n  - {id: T1, when: {field: nothing_here, equals: \"yes\"}}\n" >t-top.yaml &&
	printf "version: 1\nfields:\n  has_car: {type: yes_no}\nexclusions:\n  - {id: A1, when: {field: has_car, equals: ye}}\n" >t-a.yaml &&
	printf "version: 1\nfields:\n  car_value: {type: money}\nexclusions:\n  - {id: B1, when: {field: car_value, gt: lots}}\n" >t-b.yaml &&
	cd ../v && status 2 tpa-survey --rules ../rules/t-top.yaml -o p.csv applicants.csv survey.csv 2>err && cat err &&
	grep -q "^tpa-survey: ../rules/t-a.yaml:5:45: \"ye\" is not a value of has_car" err &&
	grep -q "^tpa-survey: ../rules/t-b.yaml:5:43: \"lots\" is not a value of car_value" err &&
	grep -q "^tpa-survey: ../rules/t-top.yaml:5:20: nothing_here has no type" err &&
	[ ! -e p.csv ]'

# Two includes declare occupation: c gives civil_servant (公务员) and
# farmer (务农), d gives civil_servant another word (机关干部) and a new
# code village_cadre (村干部). Merged: 机关干部 reads as civil_servant.
expect "the same code field in two includes: codes and labels merged" '
	county red.yaml && cd ../rules &&
	printf "version: 1\nfields:\n  occupation:\n    type: code\n    values: {civil_servant: [公务员], farmer: [务农]}\n    other: reject\n" >t-c.yaml &&
	printf "version: 1\nfields:\n  occupation:\n    type: code\n    values: {civil_servant: [机关干部], village_cadre: [村干部]}\n" >t-d.yaml &&
	printf "version: 1\ninclude: [t-c.yaml, t-d.yaml]\nincome: {poverty_line: 2855}\nexclusions:\n  - {id: M1, when: {any_member: {field: occupation, equals: civil_servant}}}\n  - {id: M2, when: {any_member: {field: occupation, equals: village_cadre}}}\n" >t-m.yaml &&
	cd ../v && cat >applications.csv <<CSV &&
household_id,name,id_number,relation,occupation,apply_date
H1,张三,$(id 37132319580312011),head,机关干部,2015-05-01
H2,王五,$(id 37132319600705022),head,村干部,2015-05-01
H3,赵六,$(id 37132319650101001),head,公务员,2015-05-01
H4,钱七,$(id 37132319700101001),head,务农,2015-05-01
CSV
	printf "$SURVEY_HEAD\nH1,2015-05-26,王,1000,0,0,0\nH2,2015-05-26,王,1000,0,0,0\nH3,2015-05-26,王,1000,0,0,0\nH4,2015-05-26,王,1000,0,0,0\n" >survey.csv &&
	sed -i "s#^rules: .*#rules: ../rules/t-m.yaml#" village.yaml && survey && decisions >d && cat d &&
	printf "H1,excluded,M1\nH2,excluded,M2\nH3,excluded,M1\nH4,eligible,\n" >want && same d want'

expect "the same field in two includes with different types: an error naming both places" '
	county red.yaml && load_village && cd ../rules &&
	printf "version: 1\nfields:\n  occupation:\n    type: code\n    values: {civil_servant: [公务员]}\n" >t-c.yaml &&
	printf "version: 1\nfields:\n  occupation: {type: text}\n" >t-e.yaml &&
	printf "version: 1\ninclude: [t-c.yaml, t-e.yaml]\nincome: {poverty_line: 2855}\n" >t-n.yaml &&
	cd ../v && status 2 tpa-survey --rules ../rules/t-n.yaml -o p.csv applicants.csv survey.csv 2>err && cat err &&
	grep -qx "tpa-survey: ../rules/t-e.yaml:3:3: field occupation is declared text here and code at ../rules/t-c.yaml:3" err &&
	[ ! -e p.csv ]'

expect "a typed column of the spec cannot be re-declared; occupation may be" '
	county red.yaml && load_village &&
	printf "version: 1\nincome: {poverty_line: 2855}\nfields:\n  health: {type: text}\n" >../rules/t.yaml &&
	status 2 tpa-survey --rules ../rules/t.yaml -o p.csv applicants.csv survey.csv 2>err && cat err &&
	grep -q "^tpa-survey: ../rules/t.yaml:4:3: health is a column of the spec with its own type (code)" err &&
	printf "version: 1\nincome: {poverty_line: 2855}\nfields:\n  occupation: {type: yes_no}\n" >../rules/t.yaml &&
	status 2 tpa-survey --rules ../rules/t.yaml -o p.csv applicants.csv survey.csv 2>err && cat err &&
	grep -q "^tpa-survey: ../rules/t.yaml:4:.*occupation is free text in the spec: it may be declared text or code" err &&
	printf "version: 1\nincome: {poverty_line: 2855}\nfields:\n  occupation: {type: text}\n" >../rules/t.yaml &&
	tpa-survey -q --rules ../rules/t.yaml -o p.csv applicants.csv survey.csv'

# yes_village "COL:RULE ..." PARTNERS [EXTRA]: one household per yes_no
# column and per way of writing yes (√, ＹＥＳ, １), that column yes and
# every other 否, except a partner (A=B: when A is tested, B is yes too, for
# a rule that needs both); household COL-k is excluded by RULE. EXTRA
# columns are left empty. One more household, "none", has every column
# answered no in other ways (×, ＮＯ, ０) and is eligible.
yes_village() {
	awk -v specs="$1" -v partners="$2" -v extra="${3:-}" -v head="$SURVEY_HEAD" '
	function id(d,   s, i) {
		s = 0
		for (i = 1; i <= 17; i++) s += substr(d, i, 1) * w[i]
		return d substr("10X98765432", s % 11 + 1, 1)
	}
	function person(hid, n) {
		printf "%s,户%d,%s,head,务农,2015-05-01\n", hid, n, id(sprintf("37132319600101%03d", n)) >"applications.csv"
	}
	BEGIN {
		split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
		split("√ ＹＥＳ １", yes, " "); split("× ＮＯ ０", no, " ")
		m = split(specs, sp, " ")
		for (i = 1; i <= m; i++) { c[i] = sp[i]; sub(/:.*/, "", c[i]); rid[i] = sp[i]; sub(/^[^:]*:/, "", rid[i]) }
		np = split(partners, pp, " ")
		for (i = 1; i <= np; i++) { split(pp[i], ab, "="); partner[ab[1]] = ab[2] }
		empty = ""; if (extra != "") { ne = split(extra, ex, ","); for (i = 1; i <= ne; i++) empty = empty "," }
		print "household_id,name,id_number,relation,occupation,apply_date" >"applications.csv"
		cols = c[1]; for (i = 2; i <= m; i++) cols = cols "," c[i]
		print head "," cols (extra != "" ? "," extra : "") >"survey.csv"
		n = 0
		for (i = 1; i <= m; i++)
			for (k = 1; k <= 3; k++) {
				hid = c[i] "-" k; person(hid, ++n)
				row = hid ",2015-05-26,王,1000,0,0,0"
				for (o = 1; o <= m; o++)
					row = row "," (o == i ? yes[k] : partner[c[i]] == c[o] ? "yes" : "否")
				print row empty >"survey.csv"
				print hid ",excluded," rid[i] >"want"
			}
		person("none", ++n)
		row = "none,2015-05-26,王,1000,0,0,0"
		for (o = 1; o <= m; o++) row = row "," no[o % 3 + 1]
		print row empty >"survey.csv"
		print "none,eligible," >"want"
	}' && LC_ALL=C sort want -o want
}

# every_yes: each household excluded by its rule, the column stored as
# yes, and --explain showing the stored yes.
every_yes() {
	survey && decisions >d && same d want &&
	echo "language: en" >>village.yaml &&
	for s in $1; do
		c=${s%%:*}
		for k in 1 2 3; do
			tpa-survey --village village.yaml --explain "$c-$k" applicants.csv survey.csv >"$c-$k.out" || exit 1
		done
	done &&
	awk -F, -v specs="$1" "
		BEGIN { m = split(specs, sp, \" \"); for (i = 1; i <= m; i++) { sub(/:.*/, \"\", sp[i]); want[sp[i]] = 1 } }
		NR == 1 { for (i = 1; i <= NF; i++) at[\$i] = i; next }
		{ c = \$2; sub(/-[123]\$/, \"\", c); if (c in want && \$at[c] != \"yes\") { print \$2 \": \" c \" stored as \" \$at[c]; bad = 1 } }
		END { exit bad }" primary.csv &&
	for f in *-[123].out; do
		c=${f%-?.out}
		grep -qx " *$c equals yes: \"yes\" -> yes" "$f" || { echo "$f: --explain"; cat "$f"; exit 1; }
	done
}

RED="urban_house:R1 luxury_decoration:R2 has_car:R3 large_machinery:R3 business_registered:R6 employs_others:R6 long_absent:R7 study_abroad:R8 commercial_pension:R8 unrepentant_offence:R9"
expect "nine-red-lines: every yes_no column answered √, ＹＥＳ and １ excludes with its rule; stored and explained as yes" '
	county red.yaml && yes_village "$RED" "" && every_yes "$RED"'

# S1 holds when the house is new and house_reason is neither disaster nor
# relocation (here empty); S6 needs away_a_year and above_average_income.
SEVEN="house_since_2014:S1 luxury_car:S2 has_ship:S2 large_machinery:S2 taxpaying_business:S3 away_a_year:S6 above_average_income:S6 other_mismatch:S7"
expect "seven-out: every yes_no column answered √, ＹＥＳ and １ excludes with its rule; stored and explained as yes" '
	county seven.yaml &&
	yes_village "$SEVEN" "away_a_year=above_average_income above_average_income=away_a_year" house_reason &&
	every_yes "$SEVEN"'

expect "full-width ＹＥＳ, ｙｅｓ, Ｙ, １ and √ read as yes, ×, ＮＯ and ０ as no, in a declared and in a built-in yes_no column" '
	county example-2015.yaml &&
	{ echo "household_id,name,id_number,relation,occupation,apply_date"; n=0
	  for v in ＹＥＳ ｙｅｓ Ｙ １ √ × ＮＯ ０; do n=$((n + 1)); echo "F$n,户$n,$(id 37132319600101$(printf %03d $n)),head,务农,2015-05-01"; done; } >applications.csv &&
	{ echo "$SURVEY_HEAD,housing,car_value,urban_house,dibao"; n=0
	  for v in ＹＥＳ ｙｅｓ Ｙ １ √ × ＮＯ ０; do n=$((n + 1)); echo "F$n,2015-05-26,王,1000,0,0,0,安全,0,$v,$v"; done; } >survey.csv &&
	survey && decisions >d &&
	printf "F1,excluded,X2\nF2,excluded,X2\nF3,excluded,X2\nF4,excluded,X2\nF5,excluded,X2\nF6,eligible,\nF7,eligible,\nF8,eligible,\n" >want && same d want &&
	col primary.csv urban_house | tr "\n" " " >u && [ "$(cat u)" = "F1,yes F2,yes F3,yes F4,yes F5,yes F6,no F7,no F8,no " ] &&
	col primary.csv dibao | tr "\n" " " >u && [ "$(cat u)" = "F1,yes F2,yes F3,yes F4,yes F5,yes F6,no F7,no F8,no " ] &&
	[ "$(wc -l <rejects-survey.csv)" -eq 1 ]'

# example-2015 + nine-red-lines + seven-out, every column they read.
# Exclusions in load order: X1-X3, R1-R9, S1-S7. Income line 2855, margin
# to 3140.50.
#   K01 farmer, 1000, nothing -> eligible
#   K02 farmer + civil servant son, 是 town house, 有 car, 1000/2 -> X1;X2;R1;R3;R5;S4
#   K03 car worth 50000 -> X3
#   K04 国企 (state_enterprise) -> R5
#   K05 村支书 (village_cadre) -> R4;S5
#   K06 new house, rebuilt after a disaster (因灾重建) -> eligible
#   K07 new house (√), 装修 (other words, kept) -> S1
#   K08 large machinery (ＹＥＳ) -> R3;S2
#   K09 10000 alone -> above_line INCOME
#   K10 3000 alone, C级危房: within the margin, C2 -> eligible C2
#   K11 away a year and above the average income -> S6
expect "example-2015 with nine-red-lines and seven-out included loads and decides a village with all their columns" '
	county both.yaml &&
	cat >applications.csv <<CSV &&
household_id,name,id_number,relation,occupation,apply_date
K01,甲,$(id 37132319600101001),head,务农,2015-05-01
K02,乙,$(id 37132319600101002),head,务农,2015-05-01
K02,乙子,$(id 37132319850101003),child,公务员,
K03,丙,$(id 37132319600101004),head,务农,2015-05-01
K04,丁,$(id 37132319600101005),head,国企,2015-05-01
K05,戊,$(id 37132319600101006),head,村支书,2015-05-01
K06,己,$(id 37132319600101007),head,务农,2015-05-01
K07,庚,$(id 37132319600101008),head,务农,2015-05-01
K08,辛,$(id 37132319600101009),head,务农,2015-05-01
K09,壬,$(id 37132319600101010),head,务农,2015-05-01
K10,癸,$(id 37132319600101011),head,务农,2015-05-01
K11,子,$(id 37132319600101012),head,务农,2015-05-01
CSV
	cat >survey.csv <<CSV &&
$SURVEY_HEAD,housing,car_value,urban_house,luxury_decoration,has_car,large_machinery,business_registered,employs_others,long_absent,study_abroad,commercial_pension,unrepentant_offence,house_since_2014,house_reason,luxury_car,has_ship,taxpaying_business,away_a_year,above_average_income,other_mismatch
K01,2015-05-26,王,1000,0,0,0,安全,0,否,否,无,无,否,否,否,否,否,否,否,,否,否,否,否,否,否
K02,2015-05-26,王,1000,0,0,0,安全,0,是,否,有,无,否,否,否,否,否,否,否,,否,否,否,否,否,否
K03,2015-05-26,王,1000,0,0,0,安全,50000,否,否,否,无,否,否,否,否,否,否,否,,否,否,否,否,否,否
K04,2015-05-26,王,1000,0,0,0,安全,0,否,否,无,无,否,否,否,否,否,否,否,,否,否,否,否,否,否
K05,2015-05-26,王,1000,0,0,0,安全,0,否,否,无,无,否,否,否,否,否,否,否,,否,否,否,否,否,否
K06,2015-05-26,王,1000,0,0,0,安全,0,否,否,无,无,否,否,否,否,否,否,是,因灾重建,否,否,否,否,否,否
K07,2015-05-26,王,1000,0,0,0,安全,0,否,否,无,无,否,否,否,否,否,否,√,装修,否,否,否,否,否,否
K08,2015-05-26,王,1000,0,0,0,安全,0,否,否,无,ＹＥＳ,否,否,否,否,否,否,否,,否,否,否,否,否,否
K09,2015-05-26,王,10000,0,0,0,安全,0,否,否,无,无,否,否,否,否,否,否,否,,否,否,否,否,否,否
K10,2015-05-26,王,3000,0,0,0,C级危房,0,否,否,无,无,否,否,否,否,否,否,否,,否,否,否,否,否,否
K11,2015-05-26,王,1000,0,0,0,安全,0,否,否,无,无,否,否,否,否,否,否,否,,否,否,否,是,是,否
CSV
	survey && decisions >d &&
	cat >want <<CSV &&
K01,eligible,
K02,excluded,X1;X2;R1;R3;R5;S4
K03,excluded,X3
K04,excluded,R5
K05,excluded,R4;S5
K06,eligible,
K07,excluded,S1
K08,excluded,R3;S2
K09,above_line,INCOME
K10,eligible,C2
K11,excluded,S6
CSV
	same d want && [ "$(col primary.csv house_reason | tr "\n" " ")" = "K01, K02, K03, K04, K05, K06,disaster K07,装修 K08, K09, K10, K11, " ]'

# A closed code list (other: reject) on a member column: 个体 is not in it.
expect "a bad member cell (occupation not in a closed list): BAD_VALUE reject in rejects-survey.csv, household unverified BAD_VALUE" '
	county red.yaml &&
	printf "version: 1\ninclude: [national-2015.yaml]\nfields:\n  occupation:\n    type: code\n    values: {civil_servant: [公务员], farmer: [务农]}\n    other: reject\nexclusions:\n  - {id: K1, when: {any_member: {field: occupation, equals: civil_servant}}}\n" >../rules/closed.yaml &&
	sed -i "s#^rules: .*#rules: ../rules/closed.yaml#" village.yaml &&
	cat >applications.csv <<CSV &&
household_id,name,id_number,relation,occupation,apply_date
H1,张三,$(id 37132319580312011),head,务农,2015-05-01
H1,张四,$(id 37132319800101001),child,个体,
H2,王五,$(id 37132319600705022),head,务农,2015-05-01
CSV
	printf "$SURVEY_HEAD\nH1,2015-05-26,王,1000,0,0,0\nH2,2015-05-26,王,1000,0,0,0\n" >survey.csv &&
	survey && decisions >d && printf "H1,unverified,BAD_VALUE\nH2,eligible,\n" >want && same d want &&
	grep -qx "survey,applicants.csv,3,371323105201,H1,371323\*\*\*\*\*\*\*\*0019,occupation,BAD_VALUE,\"occupation \"\"个体\"\"不是以下之一：civil_servant (公务员), farmer (务农)\",error" rejects-survey.csv'

# An extra column of applications.csv read inside any_member follows its
# declared type too.
expect "an extra member column read by a rule is typed: 是 reads as yes, maybe is a BAD_VALUE reject" '
	county red.yaml &&
	printf "version: 1\ninclude: [national-2015.yaml]\nfields:\n  disability_card: {type: yes_no, title_zh: 残疾证}\nexclusions:\n  - {id: D1, when: {any_member: {field: disability_card, equals: \"yes\"}}}\n" >../rules/card.yaml &&
	sed -i "s#^rules: .*#rules: ../rules/card.yaml#" village.yaml &&
	cat >applications.csv <<CSV &&
household_id,name,id_number,relation,apply_date,disability_card
H1,张三,$(id 37132319580312011),head,2015-05-01,否
H1,张四,$(id 37132319800101001),child,,是
H2,王五,$(id 37132319600705022),head,2015-05-01,maybe
H3,赵六,$(id 37132319650101001),head,2015-05-01,×
CSV
	printf "$SURVEY_HEAD\nH1,2015-05-26,王,1000,0,0,0\nH2,2015-05-26,王,1000,0,0,0\nH3,2015-05-26,王,1000,0,0,0\n" >survey.csv &&
	survey && decisions >d && printf "H1,excluded,D1\nH2,unverified,BAD_VALUE\nH3,eligible,\n" >want && same d want &&
	grep -q "^survey,applicants.csv,4,371323105201,H2,371323\*\*\*\*\*\*\*\*0223,disability_card,BAD_VALUE,\"残疾证 \"\"maybe\"\"不是是或否" rejects-survey.csv'

# other: allow: 10 households, unlisted occupations 个体 x3 (one household
# of two), 教师 x2, 厨师 x1, 司机 x1; listed ones (务农, 公务员) and
# empty cells are not counted. By count, then bytewise: 厨 (e5 8e a8)
# before 司 (e5 8f b8).
unlisted_village() {
	{ echo "household_id,name,id_number,relation,occupation,apply_date"; i=0
	  for occ in 个体 个体 教师 教师 司机 厨师 务农 "" 公务员; do
		i=$((i + 1)); echo "H$i,人$i,$(id 37132319600101$(printf %03d $i)),head,$occ,2015-05-01"
	  done
	  echo "H1,人10,$(id 37132319850101010),child,个体,"; } >applications.csv &&
	{ echo "$SURVEY_HEAD,housing,car_value,urban_house"
	  for i in 1 2 3 4 5 6 7 8 9; do echo "H$i,2015-05-26,王,1000,0,0,0,安全,0,否"; done; } >survey.csv
}
UNLISTED="occupation: 4 values not in the list: 个体 (3), 教师 (2), 厨师 (1), 司机 (1)"

expect "other: allow: the summary line names the unlisted values and how often, by count then bytewise" '
	county example-2015.yaml && unlisted_village &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	tpa-survey --village village.yaml -o primary.csv applicants.csv survey.csv 2>err && cat err &&
	grep -qx "$UNLISTED" err && [ "$(grep -c "not in the list" err)" -eq 1 ] &&
	[ "$(col primary.csv decision | tr "\n" " ")" = "H1,eligible H2,eligible H3,eligible H4,eligible H5,eligible H6,eligible H7,eligible H8,eligible H9,excluded " ] &&
	grep -q ",个体," applicants.csv &&
	tpa-survey -q --village village.yaml -o primary.csv applicants.csv survey.csv 2>err && [ ! -s err ]'

expect "other: allow: --explain names the unlisted values and how often" '
	county example-2015.yaml && unlisted_village &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	tpa-survey --village village.yaml --explain H2 applicants.csv survey.csv >out && cat out &&
	grep -qx "$UNLISTED" out && grep -qx "结论：符合条件（eligible）" out &&
	echo "language: en" >>village.yaml &&
	tpa-survey --village village.yaml --explain H2 applicants.csv survey.csv >out &&
	grep -qx "$UNLISTED" out && grep -qx "decision: eligible" out'

expect "nine-red-lines on a survey without its columns: all ten named in one run, exit 2, nothing written" '
	county red.yaml && issue_village && cut -d, -f1-9 survey.csv >s && mv s survey.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	status 2 tpa-survey --village village.yaml -o primary.csv applicants.csv survey.csv 2>err && cat err &&
	for c in $(echo $RED_COLS | tr , " "); do grep -q "^tpa-survey: ../rules/nine-red-lines.yaml:[0-9]*:[0-9]*: rule R[0-9]: $c is not a column of the household" err || { echo "$c not named"; exit 1; }; done &&
	[ "$(grep -c "is not a column" err)" -eq 10 ] &&
	grep -qx "tpa-survey: ../rules/red.yaml: the rules read 10 columns that survey.csv and applicants.csv lack: add them, or leave out the rules that read them" err &&
	[ ! -e primary.csv ] && [ ! -e rejects-survey.csv ]'

# example-2015 and nine-red-lines read 12 columns the bare survey lacks:
# urban_house (by X2 and R1), car_value, housing and nine more of the red
# lines (large_machinery... each once). Every one named; the count is of
# columns, not of the places that read them.
expect "columns missing for two included lists: each named, and counted once" '
	county red.yaml && printf "version: 1\ninclude: [example-2015.yaml, nine-red-lines.yaml]\n" >../rules/ex-red.yaml &&
	issue_village && cut -d, -f1-7 survey.csv >s && mv s survey.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	status 2 tpa-survey --rules ../rules/ex-red.yaml -o primary.csv applicants.csv survey.csv 2>err && cat err &&
	for c in urban_house car_value housing $(echo $RED_COLS | tr , " "); do grep -q ": $c is not a column of the household" err || { echo "$c not named"; exit 1; }; done &&
	grep -q "the rules read 12 columns that survey.csv and applicants.csv lack" err'

# How a county adds its own words (rules/README.md): a file beside the
# shipped ones that includes them and declares more labels for a code.
expect "a county adds its own word for a code: 公安干警 reads as civil_servant" '
	county county.yaml &&
	printf "version: 1\ninclude: [national-2015.yaml, nine-red-lines.yaml]\nfields:\n  occupation:\n    type: code\n    values:\n      civil_servant: [公安干警, 乡镇干部]\n" >../rules/county.yaml &&
	cat >applications.csv <<CSV &&
household_id,name,id_number,relation,occupation,apply_date
H1,张三,$(id 37132319580312011),head,务农,2015-05-01
H1,张四,$(id 37132319800101001),child,公安干警,
H2,王五,$(id 37132319600705022),head,务农,2015-05-01
CSV
	printf "$SURVEY_HEAD,$RED_COLS\nH1,2015-05-26,王,1000,0,0,0,否,否,否,否,否,否,否,否,否,否\nH2,2015-05-26,王,1000,0,0,0,否,否,否,否,否,否,否,否,否,否\n" >survey.csv &&
	survey && decisions >d && printf "H1,excluded,R5\nH2,eligible,\n" >want && same d want'

expect "a word that already reads as another code is refused at load" '
	county county.yaml &&
	printf "version: 1\ninclude: [national-2015.yaml, nine-red-lines.yaml]\nfields:\n  occupation:\n    type: code\n    values:\n      farmer: [公务员]\n" >../rules/county.yaml &&
	load_village &&
	status 2 tpa-survey --village village.yaml -o p.csv applicants.csv survey.csv 2>err && cat err &&
	grep -q "^tpa-survey: ../rules/county.yaml:7:16: label \"公务员\" already reads as code civil_servant" err'
