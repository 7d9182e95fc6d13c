#!/bin/sh
# A procedure with one posting, the village's (publicity: {village: 7}):
# make runs a village from its applications to its registry, filed from
# publicized-village.csv, with no town or county notice, letters,
# objections or list; tpa status and the audits agree.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-levels.sh"

V=c/2015/371323105201

expect "a village on its own: make runs to the registry of the village's confirmed households, and nothing of the town or county is made" '
	flat_village c "{village: 7}" &&
	[ "$(tpa status --levels $V)" = village ] &&
	vmake $V TPA_AUDIT=0 >out 2>err &&
	[ -f $V/publicized-village.csv ] && [ -f $V/registry/households.csv ] &&
	for f in notice-town.html letters-town.html publicized-town.csv notice-county.html \
	    letters-county.html publicized-county.csv; do [ ! -e $V/$f ] || { echo "$f made"; exit 1; }; done &&
	confirmed $V/publicized-village.csv >want && [ -s want ] &&
	registered $V >got && same got want &&
	grep -q "^registry/households.csv,.*publicized-village.csv@$(sha256sum <$V/publicized-village.csv | cut -c1-64)" $V/PROVENANCE.csv
'

expect "tpa status: the village notice and objections, both audits skipped, the registry; no town or county posting; exit 0" '
	flat_village c "{village: 7}" && vmake $V TPA_AUDIT=0 >out 2>err &&
	status 0 tpa status --no-audit $V >st &&
	awk "NR > 1 { sub(/^  /, \"\"); sub(/  +.*/, \"\"); print }" st >steps &&
	printf "apply\nsurvey\nappraise\nvillage notice\nvillage objections\ntown audit\ncounty audit\nregistry\n" >want &&
	same steps want
'

expect "the village letters say the household is registered once the village posting is over, not that the list goes to the town" '
	flat_village c "{village: 7}" && vmake $V TPA_AUDIT=0 >out 2>err &&
	grep -q "公示期满无异议或异议经核实不成立的，您家将建档立卡" $V/letters-village.html &&
	! grep -q "报乡镇人民政府审核" $V/letters-village.html
'

expect "tpa-publicize refuses a notice, letters or resolution at a level the procedure does not post: exit 2, naming the rules" '
	flat_village c "{village: 7}" && vmake $V TPA_AUDIT=0 >out 2>err &&
	cd $V &&
	status 2 tpa-publicize notice --level town --village village.yaml -o n.html publicized-village.csv 2>e1 &&
	grep -q "tpa-publicize: --level town: the procedure of ../../rules/own-2015.yaml does not post at that level (it posts at village)" e1 &&
	status 2 tpa-publicize letter --level county --village village.yaml -o l.html publicized-village.csv 2>e2 &&
	grep -q "^tpa-publicize: --level county: the procedure of" e2 &&
	printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n" >o.csv &&
	status 2 tpa-publicize resolve --level county --village village.yaml -o p.csv publicized-village.csv o.csv 2>e3 &&
	grep -q "^tpa-publicize: --level county: the procedure of" e3 &&
	[ ! -e n.html ] && [ ! -e l.html ] && [ ! -e p.csv ]
'

expect "in an area: make in the county runs every village to its registry; both audits cover publicized-village.csv and find no error" '
	area_county c "{village: 7}" && vmake c/2015/county-371323 >out 2>err &&
	status 0 tpa status --brief c/2015/3713* >b && [ "$(grep -c "every step done" b)" -eq 4 ] &&
	for v in c/2015/3713*; do
		[ -f $v/registry/households.csv ] && [ ! -e $v/notice-town.html ] && [ ! -e $v/notice-county.html ] &&
		[ ! -e $v/publicized-town.csv ] && [ ! -e $v/publicized-county.csv ] &&
		confirmed $v/publicized-village.csv >want && registered $v >got && same got want &&
		sha=$(sha256sum <$v/publicized-village.csv | cut -c1-64) &&
		grep -q "/${v##*/}/publicized-village.csv@$sha" c/2015/county-371323/PROVENANCE.csv &&
		grep -q "/${v##*/}/publicized-village.csv@$sha" c/2015/town-$(printf %.9s ${v##*/})/PROVENANCE.csv || exit 1
	done &&
	! grep -q "^error," c/2015/county-371323/audit.csv c/2015/town-*/audit.csv &&
	! grep -q "publicized-town.csv\|publicized-county.csv" c/2015/county-371323/audit.csv c/2015/town-*/audit.csv
'

expect "in an area: tpa status shows the town and county audits before the registry, and no town or county notice" '
	area_county c "{village: 7}" && vmake c/2015/county-371323 >out 2>err &&
	status 0 tpa status $V >st &&
	awk "NR > 1 { sub(/^  /, \"\"); sub(/  +.*/, \"\"); print }" st >steps &&
	printf "apply\nsurvey\nappraise\nvillage notice\nvillage objections\ntown audit\ncounty audit\nregistry\n" >want &&
	same steps want &&
	grep -q "county audit *done: ../county-371323/audit.csv" st
'

expect "in an area: the registry waits for the county audit, which covers publicized-village.csv" '
	area_county c "{village: 7}" && vmake c/2015/town-371323105 >out 2>err &&
	[ -f $V/publicized-village.csv ] && [ ! -e $V/registry ] &&
	vmake $V >out 2>err &&
	grep -qx "tpa: waiting for the county audit: run make in ../county-371323 (its audit covers the villages that have publicized-village.csv)" err &&
	[ ! -e $V/registry ] &&
	status 3 tpa status --brief $V >b && grep -q "county audit: waiting" b
'
