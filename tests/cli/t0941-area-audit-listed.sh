#!/bin/sh
# In an area every village is a row of its town's villages.csv (SPEC §8):
# a listed village with no folder is VILLAGE_MISSING, a village folder
# beside the town and county folders that no villages.csv lists is
# VILLAGE_NOT_LISTED, both errors of the audit.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-audit-area.sh"

# codes FILE VILLAGE: the finding codes FILE gives VILLAGE, one a line.
codes() {
	grep "^[a-z]*,[A-Z_]*,$2," "$1" | cut -d, -f2 | sort -u
}

expect "a listed village with no folder: VILLAGE_MISSING naming its code and villages.csv, in the town and the county audit" '
	area && rm -rf 2015/371323105202 &&
	(cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o .) &&
	codes 2015/town-371323105/audit.csv 371323105202 >got && echo VILLAGE_MISSING >want && same got want &&
	grep -q "^error,VILLAGE_MISSING,371323105202,,村371323105202列在villages.csv中，但没有该村的文件夹" 2015/town-371323105/audit.csv &&
	status 1 tpa-audit -q --level county -o 2015/county-371323 &&
	grep -q "^error,VILLAGE_MISSING,371323105202,,村371323105202列在2015/county-371323/\.\./town-371323105/villages.csv中" 2015/county-371323/audit.csv'

expect "a village folder named by a code of the town that villages.csv does not list: VILLAGE_NOT_LISTED, and it is not audited" '
	area && sed -i "/^371323105202,/d" 2015/town-371323105/villages.csv &&
	(cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o .) &&
	codes 2015/town-371323105/audit.csv 371323105202 >got && echo VILLAGE_NOT_LISTED >want && same got want &&
	grep -q "^error,VILLAGE_NOT_LISTED,371323105202,,文件夹371323105202是村文件夹，但不在villages.csv中" 2015/town-371323105/audit.csv &&
	status 1 tpa-audit -q --level county -o 2015/county-371323 &&
	codes 2015/county-371323/audit.csv 371323105202 >got && same got want'

expect "an empty folder named by a code of the town is not listed either; a village of another town is left to that town" '
	area && mkdir 2015/371323105299 &&
	(cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o .) &&
	grep -q "^error,VILLAGE_NOT_LISTED,371323105299," 2015/town-371323105/audit.csv &&
	! grep -q "371323106201" 2015/town-371323105/audit.csv'

expect "a folder of any name holding a village.yaml is not listed: named in the detail, village_code empty" '
	area && mkdir 2015/dongyu && cp 2015/371323105201/village.yaml 2015/dongyu/ &&
	(cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o .) &&
	grep -q "^error,VILLAGE_NOT_LISTED,,,文件夹dongyu是村文件夹" 2015/town-371323105/audit.csv'

expect "the county: a village whose town has no folder is listed nowhere" '
	area && mkdir 2015/371323107201 && cp 2015/371323105201/village.yaml 2015/371323107201/ &&
	status 1 tpa-audit -q --level county -o 2015/county-371323 &&
	grep -q "^error,VILLAGE_NOT_LISTED,371323107201,,文件夹371323107201是村文件夹，但不在villages.csv中" 2015/county-371323/audit.csv'

expect "every village listed and present: neither code" '
	area && (cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o .) &&
	status 1 tpa-audit -q --level county -o 2015/county-371323 &&
	! grep -q "VILLAGE_MISSING\|VILLAGE_NOT_LISTED" 2015/town-371323105/audit.csv 2015/county-371323/audit.csv'
