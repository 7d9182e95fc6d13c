#!/bin/sh
# In an area the audit re-derives each village with the rules county.yaml
# names for its town (rules_by_town, else rules), and a village whose
# PROVENANCE.csv records rules of other content is RULES_DIFFER (SPEC §8
# "What the audit covers in an area").
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-audit-area.sh"

expect "villages made with the rules of their town (106 has its own): no RULES_DIFFER, town or county" '
	area && (cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o .) &&
	(cd 2015/town-371323106 && status 1 tpa-audit -q --level town -o .) &&
	status 1 tpa-audit -q --level county -o 2015/county-371323 &&
	! grep -q RULES_DIFFER 2015/town-371323105/audit.csv 2015/town-371323106/audit.csv 2015/county-371323/audit.csv'

expect "a village run with a private rules file (a higher line): RULES_DIFFER naming it and the rules of the county" '
	area_files && made 371323105201 &&
	sed "s/poverty_line: 2855/poverty_line: 9000/" 2015/county-371323/rules.yaml >mine.yaml &&
	! cmp -s mine.yaml 2015/county-371323/rules.yaml &&
	mkdir -p work/371323105202 && cp mine.yaml work/371323105202/mine.yaml && made 371323105202 mine.yaml &&
	made 371323106201 &&
	(cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o .) &&
	grep "^error,RULES_DIFFER," 2015/town-371323105/audit.csv >found &&
	[ $(wc -l <found) -eq 1 ] &&
	grep -q "^error,RULES_DIFFER,371323105202,,本村使用的规则mine.yaml与县规则.*county-371323/rules.yaml内容不同" found &&
	status 1 tpa-audit -q --level county -o 2015/county-371323 &&
	grep "^error,RULES_DIFFER," 2015/county-371323/audit.csv | cut -d, -f3 >got &&
	echo 371323105202 >want && same got want'

expect "per town: a village of 106 made with the rules of the county, not of its town, is RULES_DIFFER; those of 105 are not" '
	area_files && made 371323105201 && made 371323105202 &&
	mkdir -p work/371323106201 && cp 2015/county-371323/rules.yaml work/371323106201/county.yaml &&
	made 371323106201 county.yaml &&
	status 1 tpa-audit -q --level county -o 2015/county-371323 &&
	grep "^error,RULES_DIFFER," 2015/county-371323/audit.csv | cut -d, -f3 >got &&
	echo 371323106201 >want && same got want &&
	grep -q "^error,RULES_DIFFER,371323106201,,.*county-371323/rules-106.yaml" 2015/county-371323/audit.csv'

expect "the rules of the town decide the re-derivation: a quorum of 25 (the rules of 106) with 20 present is QUORUM" '
	area_files && made 371323105201 && made 371323105202 && made 371323106201 &&
	for v in 371323105201 371323106201; do
		printf "village:\n  code: \"%s\"\n  name: 村%s\nyear: 2015\nappraisal:\n  date: 2015-06-03\n  representatives: 20\n" $v $v >2015/$v/village.yaml || exit 1
	done &&
	status 1 tpa-audit -q --level county -o 2015/county-371323 &&
	grep "^error,QUORUM," 2015/county-371323/audit.csv | cut -d, -f3 >got &&
	echo 371323106201 >want && same got want'

expect "a town folder with no county beside: each village is a finding naming the missing county.yaml, none is re-derived without the county's rules" '
	area && rm -rf 2015/county-371323 &&
	(cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o .) &&
	! grep -q RULES_DIFFER 2015/town-371323105/audit.csv &&
	for v in 371323105201 371323105202; do
		grep -q "^error,BAD_VALUE,$v,,.*county-371323/county.yaml does not exist" 2015/town-371323105/audit.csv || exit 1
	done'
