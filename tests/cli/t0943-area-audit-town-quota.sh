#!/bin/sh
# county.yaml towns.T.quota caps the people proposed in all of the town's
# villages together: the town audit, and the county audit for each town,
# report OVER_QUOTA naming the town with an empty village_code; not
# checked when the rules have no scale (SPEC §8 "Who owns which fact").
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-audit-area.sh"

# quota TOWN N: county.yaml hands N people down to town TOWN.
quota() {
	printf 'towns: {"%s": {quota: %s}}\n' "$1" "$2" >>2015/county-371323/county.yaml
}

expect "each village proposes 4 people (A1 2, A2 1, A3 1; A4 voted down by 25 present)" '
	area && for v in 371323105201 371323105202 371323106201; do
		[ "$(grep -c ",proposed," 2015/$v/appraised.csv)" -eq 3 ] &&
		grep ",proposed," 2015/$v/appraised.csv | cut -d, -f2,5 | sort >got &&
		printf "A1,2\nA2,1\nA3,1\n" >want && same got want || exit 1
	done'

expect "town 105 handed 7 people, its two villages propose 8: OVER_QUOTA naming the town, village_code empty" '
	area && quota 371323105 7 &&
	(cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o .) &&
	grep "^error,OVER_QUOTA," 2015/town-371323105/audit.csv >found && cat found &&
	[ $(wc -l <found) -eq 1 ] &&
	grep -q "^error,OVER_QUOTA,,,乡镇371323105（镇105）各村共纳入8人，超过县下达的规模7人（.*county-371323/county.yaml）" found'

expect "the county audit reports it for each town over its quota, and only for those" '
	area && printf "towns: {\"371323105\": {quota: 8}, \"371323106\": {quota: 3}}\n" >>2015/county-371323/county.yaml &&
	status 1 tpa-audit -q --level county -o 2015/county-371323 &&
	grep "^error,OVER_QUOTA," 2015/county-371323/audit.csv >found && cat found &&
	[ $(wc -l <found) -eq 1 ] &&
	grep -q "^error,OVER_QUOTA,,,乡镇371323106（镇106）各村共纳入4人，超过县下达的规模3人" found'

expect "within the quota (8 of 8): no OVER_QUOTA error" '
	area && quota 371323105 8 &&
	(cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o .) &&
	! grep -q "^error,OVER_QUOTA," 2015/town-371323105/audit.csv'

expect "rules with no scale: the town quota is not checked" '
	area && quota 371323105 7 &&
	sed -i "/^scale:/d" 2015/county-371323/rules.yaml && ! grep -q scale 2015/county-371323/rules.yaml &&
	(cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o .) &&
	! grep -q "^error,OVER_QUOTA," 2015/town-371323105/audit.csv'

expect "a town with no quota in county.yaml: nothing to check" '
	area && quota 371323106 1 &&
	(cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o .) &&
	! grep -q "^error,OVER_QUOTA," 2015/town-371323105/audit.csv'
