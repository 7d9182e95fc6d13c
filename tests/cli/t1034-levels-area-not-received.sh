#!/bin/sh
# NOT_RECEIVED when the procedure posts at fewer levels than three (SPEC §8
# "What the audit covers in an area"): a file that comes after a receipt
# the village lacks is the files of the levels that post — the county's
# notice, the registry — never a town posting's; the village is then not
# received, the others are.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-levels.sh"

Y=c/2015
V=$Y/371323105201
T=$Y/town-371323105
CO=$Y/county-371323

# town_made PUBLICITY: the area, made in town 371323105 alone (the town
# received its three villages; the county audited none).
town_made() {
	area_county c "$1" && vmake $T >out 2>err &&
	[ "$(grep -c ",371323105201,1,received/" $T/LEDGER.csv)" = 10 ] && [ ! -e $CO/LEDGER.csv ]
}

expect "village only: a registry filed before the county received the village is NOT_RECEIVED at the county audit, naming registry; it is not received, the town other villages are" '
	town_made "{village: 7}" &&
	(cd $V && tpa-file -q --village village.yaml .) && [ -f $V/registry/households.csv ] &&
	status 1 tpa-audit -q --level county -o $CO &&
	grep -q "^error,NOT_RECEIVED,371323105201,,村已有registry，但县尚未接收该村" $CO/audit.csv &&
	[ "$(grep -c ",NOT_RECEIVED," $CO/audit.csv)" = 1 ] &&
	! grep -q ",371323105201," $CO/LEDGER.csv &&
	grep -q "^[0-9]*,371323105202,1,received/371323105202/1/publicized-village.csv," $CO/LEDGER.csv &&
	grep -q "^[0-9]*,371323105203,1,received/371323105203/1/publicized-village.csv," $CO/LEDGER.csv
'

expect "village and county: a county notice made before the county received the village is NOT_RECEIVED at the county, naming notice-county.html; the town, which has no posting, finds nothing missing" '
	town_made "{village: 7, county: 5}" &&
	(cd $V && tpa-publicize notice -q --level county --village village.yaml -o notice-county.html publicized-village.csv) &&
	[ -f $V/notice-county.html ] &&
	status 1 tpa-audit -q --level county -o $CO &&
	grep -q "^error,NOT_RECEIVED,371323105201,,村已有notice-county.html，但县尚未接收该村" $CO/audit.csv &&
	[ "$(grep -c ",NOT_RECEIVED," $CO/audit.csv)" = 1 ] &&
	! grep -q ",371323105201," $CO/LEDGER.csv &&
	grep -q "^[0-9]*,371323105202,1,received/371323105202/1/publicized-village.csv," $CO/LEDGER.csv &&
	{ tpa-audit -q --level town -o $T; [ $? -le 1 ]; } && [ -f $T/audit.csv ] && ! grep -q ",NOT_RECEIVED," $T/audit.csv
'

expect "village and county: once the county received the village, its notice and registry are no NOT_RECEIVED, at either audit" '
	area_county c "{village: 7, county: 5}" && vmake $CO >out 2>err &&
	[ -f $V/notice-county.html ] && [ -f $V/registry/households.csv ] &&
	status 0 tpa-audit -q --level county -o $CO && ! grep -q ",NOT_RECEIVED," $CO/audit.csv &&
	status 0 tpa-audit -q --level town -o $T && ! grep -q ",NOT_RECEIVED," $T/audit.csv
'
