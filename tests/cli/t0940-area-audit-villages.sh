#!/bin/sh
# In an area the audit's folder decides what it covers (SPEC §8): with -o
# a town's folder it audits every village of the town's villages.csv, with
# -o a county's folder every village of every town's; VILLAGE_DIRs are
# then optional, and one that is not listed is an error (exit 2).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-audit-area.sh"

# villages FILE: the village codes FILE's findings name, one a line.
villages() {
	tail -n +2 "$1" | cut -d, -f3 | grep . | sort -u
}

# (Neither is received, its findings being errors: in an area the sample
# is drawn from what was received, and each says why it gave none.)
expect "town audit without operands: the town's two listed villages, not the other town's" '
	area && (cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o .) &&
	villages 2015/town-371323105/audit.csv >got &&
	printf "371323105201\n371323105202\n" >want && same got want &&
	grep "^info,SAMPLE_NOT_DRAWN," 2015/town-371323105/audit.csv | cut -d, -f3 | sort -u >drawn &&
	same drawn want'

expect "county audit without operands: the listed villages of every town" '
	area && status 1 tpa-audit -q --level county -o 2015/county-371323 &&
	villages 2015/county-371323/audit.csv >got &&
	printf "371323105201\n371323105202\n371323106201\n" >want && same got want'

expect "a listed operand: only that village is audited" '
	area && (cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o . ../371323105202/) &&
	villages 2015/town-371323105/audit.csv >got && echo 371323105202 >want && same got want'

expect "the operand . from inside a listed village folder is that village" '
	area && (cd 2015/371323105202 && status 1 tpa-audit -q --level town -o ../town-371323105 .) &&
	villages 2015/town-371323105/audit.csv >got && echo 371323105202 >want && same got want'

expect "an operand the town does not list: exit 2 naming it, nothing written" '
	area && (cd 2015/town-371323105 && status 2 tpa-audit -q --level town -o . ../371323106201) 2>err &&
	grep -q "\.\./371323106201 is not a village of the town.s villages.csv" err &&
	[ ! -e 2015/town-371323105/audit.csv ] && [ ! -e 2015/town-371323105/sample.csv ]'

expect "an operand outside the area named by a listed code: exit 2" '
	area && mkdir -p elsewhere && cp -R 2015/371323105201 elsewhere/ &&
	status 2 tpa-audit -q --level town -o 2015/town-371323105 elsewhere/371323105201 2>err &&
	grep -q "elsewhere/371323105201 is not a village of the town.s villages.csv" err'

expect "the county takes an operand of any of its towns, not one no town lists" '
	area && status 1 tpa-audit -q --level county -o 2015/county-371323 2015/371323106201 &&
	villages 2015/county-371323/audit.csv >got && echo 371323106201 >want && same got want &&
	mkdir 2015/371323107201 && printf "village:\n  code: \"371323107201\"\n" >2015/371323107201/village.yaml &&
	status 2 tpa-audit -q --level county -o 2015/county-371323 2015/371323107201 2>err &&
	grep -q "2015/371323107201 is not a village of the county.s villages.csv" err'

expect "outside an area the audit still needs its VILLAGE_DIRs (exit 2)" '
	mkdir out && status 2 tpa-audit --level town -o out 2>err &&
	grep -q "at least one VILLAGE_DIR" err && [ ! -e out/audit.csv ]'

expect "--level must match the folder: a county folder audited as a town is exit 2" '
	area && status 2 tpa-audit -q --level town -o 2015/county-371323 2>err &&
	grep -q "county.s folder: audit it with --level county" err'

expect "--sample or --rules for an audit written into a town's or county's folder is refused (exit 2): the county's county.yaml decides" '
	area &&
	status 2 tpa-audit -q --level town --sample 3 -o 2015/town-371323105 2>err &&
	grep -q "^tpa-audit: --sample: .*town-371323105 is a town.s or a county.s folder" err &&
	status 2 tpa-audit -q --level county --rules 2015/county-371323/rules.yaml -o 2015/county-371323 2>err &&
	grep -q "^tpa-audit: --rules: " err && [ ! -e 2015/county-371323/audit.csv ]'
