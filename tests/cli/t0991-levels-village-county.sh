#!/bin/sh
# A procedure that posts in the village and at the county, without the
# town's posting (publicity: {village: 7, county: 5}): the county notice
# shows publicized-village.csv, the registry is filed from
# publicized-county.csv; tpa status and the audits agree.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-levels.sh"

V=c/2015/371323105201

# steps FILE: the step names of tpa status's lines in FILE.
steps() {
	awk 'NR > 1 { sub(/^  /, ""); sub(/  +.*/, ""); print }' "$1"
}

expect "a village on its own: the county notice is made from publicized-village.csv, the registry from publicized-county.csv; nothing of the town" '
	flat_village c "{village: 7, county: 5}" &&
	[ "$(tpa status --levels $V)" = "village county" ] &&
	vmake $V TPA_AUDIT=0 >out 2>err &&
	for f in notice-town.html letters-town.html publicized-town.csv; do [ ! -e $V/$f ] || exit 1; done &&
	[ -f $V/notice-county.html ] && [ -f $V/letters-county.html ] && [ -f $V/publicized-county.csv ] &&
	sha=$(sha256sum <$V/publicized-village.csv | cut -c1-64) &&
	grep -q "^notice-county.html,.*publicized-village.csv@$sha" $V/PROVENANCE.csv &&
	grep -q "^publicized-county.csv,.*publicized-village.csv@$sha" $V/PROVENANCE.csv &&
	confirmed $V/publicized-county.csv >want && [ -s want ] && registered $V >got && same got want
'

expect "the county objections remove a household: the registry leaves it out (it is filed from the county list)" '
	flat_village c "{village: 7, county: 5}" && vmake $V TPA_AUDIT=0 >out 2>err &&
	h=$(confirmed $V/publicized-village.csv | head -1) && [ -n "$h" ] &&
	printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n%s,,2015-06-22,wrongly_included,x,upheld,2015-06-25,county office\n" "$h" \
	    >$V/objections-county.csv &&
	vmake $V TPA_AUDIT=0 >out 2>err &&
	! registered $V | grep -qx "$h" &&
	confirmed $V/publicized-village.csv | grep -vx "$h" >want && registered $V >got && same got want
'

expect "the county notice says the town reviewed the list, not that the town posted it" '
	flat_village c "{village: 7, county: 5}" && vmake $V TPA_AUDIT=0 >out 2>err &&
	grep -q "经村级公示、乡镇人民政府审核、县扶贫开发领导小组审定" $V/notice-county.html &&
	! grep -q "乡镇审核公示" $V/notice-county.html &&
	grep -q "县级审定公告" $V/notice-county.html
'

expect "tpa status: village posting, both audits, then the county posting and the registry; exit 0" '
	flat_village c "{village: 7, county: 5}" && vmake $V TPA_AUDIT=0 >out 2>err &&
	status 0 tpa status --no-audit $V >st && steps st >got &&
	printf "apply\nsurvey\nappraise\nvillage notice\nvillage objections\ntown audit\ncounty audit\ncounty notice\ncounty objections\nregistry\n" >want &&
	same got want
'

expect "make notice: the county notice once the village list is there" '
	flat_village c "{village: 7, county: 5}" && vmake $V TPA_AUDIT=0 publicized-village.csv >out 2>err &&
	[ ! -e $V/notice-county.html ] &&
	vmake $V TPA_AUDIT=0 notice >out 2>err &&
	[ -f $V/notice-county.html ] && [ -f $V/letters-county.html ] && [ ! -e $V/notice-town.html ]
'

expect "in an area: make in the county runs every village to its registry; the county audit covers publicized-village.csv and finds no error" '
	area_county c "{village: 7, county: 5}" && vmake c/2015/county-371323 >out 2>err &&
	status 0 tpa status --brief c/2015/3713* >b && [ "$(grep -c "every step done" b)" -eq 4 ] &&
	for v in c/2015/3713*; do
		[ ! -e $v/notice-town.html ] && [ ! -e $v/publicized-town.csv ] && [ -f $v/notice-county.html ] &&
		confirmed $v/publicized-county.csv >want && registered $v >got && same got want &&
		sha=$(sha256sum <$v/publicized-village.csv | cut -c1-64) &&
		grep -q "/${v##*/}/publicized-village.csv@$sha" c/2015/county-371323/PROVENANCE.csv || exit 1
	done &&
	! grep -q "^error," c/2015/county-371323/audit.csv c/2015/town-*/audit.csv &&
	status 0 tpa status $V >st && steps st >got &&
	printf "apply\nsurvey\nappraise\nvillage notice\nvillage objections\ntown audit\ncounty audit\ncounty notice\ncounty objections\nregistry\n" >want &&
	same got want
'

expect "in an area: the county notice waits for the town audit and the county audit" '
	area_county c "{village: 7, county: 5}" &&
	vmake $V >out 2>err &&
	grep -qx "tpa: waiting for the town audit: run make in ../town-371323105 (its audit covers the villages that have publicized-village.csv)" err &&
	[ ! -e $V/notice-county.html ] &&
	vmake c/2015/town-371323105 audit >out 2>err && vmake $V >out 2>err &&
	grep -qx "tpa: waiting for the county audit: run make in ../county-371323 (its audit covers the villages that have publicized-village.csv)" err &&
	[ ! -e $V/notice-county.html ] &&
	status 3 tpa status --brief $V >b && grep -q "county audit: waiting" b
'

expect "the county audit re-derives the county list from publicized-village.csv: a decision edited in publicized-county.csv is DECISION_MISMATCH" '
	area_county c "{village: 7, county: 5}" && vmake c/2015/county-371323 >out 2>err &&
	h=$(confirmed $V/publicized-county.csv | head -1) && [ -n "$h" ] &&
	sed -i "s/^\(371323105201,$h,.*\),confirmed,/\1,removed,/" $V/publicized-county.csv &&
	! confirmed $V/publicized-county.csv | grep -qx "$h" &&
	{ tpa-audit --level county -o c/2015/county-371323 >out 2>err; [ $? -eq 1 ]; } &&
	grep -q "^error,DECISION_MISMATCH,371323105201,$h," c/2015/county-371323/audit.csv
'
