#!/bin/sh
# An objection received outside its level's posting period is
# OBJECTION_OUTSIDE_PERIOD (warning), naming the household (SPEC §8): the
# village's period from village.yaml, the town's from villages.csv or
# town.yaml, the county's from county.yaml.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "a longer script of the area's checks; t0950, t0951, t0961 and t0972 run the same code under memcheck"
. "$(dirname "$0")/lib-area-sample.sh"

audit() {
	rm -rf out && mkdir -p out && { tpa-audit -q --level "${1:-town}" -o out $A >/dev/null 2>&1 || true; } &&
	[ -f out/audit.csv ]
}
# outside: the OBJECTION_OUTSIDE_PERIOD findings as severity,household.
outside() {
	awk -F, '$2 == "OBJECTION_OUTSIDE_PERIOD" { print $1 "," $4 }' out/audit.csv
}
# A's village period is 2015-06-05 to 2015-06-11 (village.yaml), the
# town's 2015-06-14 to 2015-06-20 (town.yaml), the county's 2015-06-21 to
# 2015-06-25 (county.yaml).

expect "objections within the village period: no OBJECTION_OUTSIDE_PERIOD" '
	area && audit && [ -z "$(outside)" ]'

expect "a village objection received the day after the period: a warning naming the household" '
	area && sed -i "s/^H031,,2015-06-06,/H031,,2015-06-12,/" $A/objections-village.csv &&
	(cd $A && tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv 2>/dev/null) &&
	audit && outside >got && echo warning,H031 >want && same got want &&
	grep -q "objections-village.csv第2行：受理日期2015-06-12不在村级公示期2015-06-05至2015-06-11内" out/audit.csv'

expect "a village objection received the day before the period: a warning" '
	area && sed -i "s/^H037,,2015-06-09,/H037,,2015-06-04,/" $A/objections-village.csv &&
	(cd $A && tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv 2>/dev/null) &&
	audit && outside >got && echo warning,H037 >want && same got want'

expect "a town objection outside the period villages.csv gives the village: a warning naming it" '
	area && objections && echo "371323105201,H001,,2015-06-19,wrongly_included,z,dismissed,2015-06-19,town office" >>$T/objections-town.csv &&
	awk -F, -v OFS=, "\$1 == \"371323105201\" { \$7 = \"2015-06-14\"; \$8 = \"2015-06-18\" } { print }" $T/villages.csv >v.csv && cat v.csv >$T/villages.csv &&
	closed 371323105201 2015-06-22 && { resolve $A town 2>/dev/null || true; } && [ -f $A/publicized-town.csv ] &&
	audit && outside >got && echo warning,H001 >want && same got want &&
	grep -q "objections-town.csv第5行：受理日期2015-06-19不在乡镇级公示期2015-06-14至2015-06-18内" out/audit.csv'

expect "a county objection outside the period county.yaml gives: a warning naming the household" '
	area && objections && closed 371323105201 2015-06-22 && { resolve $A town 2>/dev/null || true; } &&
	{ echo "$HEAD"; echo "371323105201,H001,,2015-06-26,wrongly_included,w,dismissed,2015-06-26,county office"; } >$CO/objections-county.csv &&
	sed -i "s/^#   closed: 2015-06-26 /  closed: 2015-06-27 /" $CO/county.yaml &&
	{ resolve $A county 2>/dev/null || true; } && [ -f $A/publicized-county.csv ] &&
	audit county && outside >got && echo warning,H001 >want && same got want &&
	grep -q "objections-county.csv第2行：受理日期2015-06-26不在县级公示期2015-06-21至2015-06-25内" out/audit.csv'
