#!/bin/sh
# Across years (SPEC §8): last year's registry must be, file by file as the
# stages read it, the latest registry receipt of the village in that
# year's county ledger. A stage that reads it exits 2 with PREVIOUS_CHANGED
# when it is not; the audit reports PREVIOUS_CHANGED per difference, and
# PREVIOUS_UNRECEIVED: a warning when that year's county keeps no ledger
# (taken as it is), an error when its ledger never received the registry.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "a longer script of the area's checks; t0950, t0951, t0961 and t0972 run the same code under memcheck"
. "$(dirname "$0")/lib-received.sh"
V=$SAMPLE_FLAT/county/2015/371323105201
HDR=village_code,household_id,head_name,head_id_number,members,per_capita_income,attribute,main_cause,other_causes,status,year,registered_since,exited_year
MHDR=village_code,household_id,name,id_number,relation,labor,health,age
R=2014/371323105201/registry
C14=2014/county-371323

# sample_area: the sample village 双河村 of 2015 in an area, and its
# registry of 2014 (one household, H090, of one person).
sample_area() {
	mkdir -p 2015/county-371323 2015/town-371323105 $C14 rules $R && cp -R "$V" 2015/ &&
	cp "$SAMPLE/../rules/"*.yaml "$SAMPLE_FLAT/county/rules/"*.yaml rules/ &&
	cp "$SAMPLE_FLAT/county/columns.yaml" . &&
	printf "county: {code: \"371323\", name: 沂水县, contact: 县扶贫办}\nyear: 2015\nrules: ../../rules/yishui-2015.yaml\ncolumns: ../../columns.yaml\n" \
	    >2015/county-371323/county.yaml &&
	printf "town: {code: \"371323105\", name: 临涧镇, contact: 镇扶贫办}\n" >2015/town-371323105/town.yaml &&
	printf "village_code,name,population,households,key_village,quota,town_start,town_end,town_closed,previous_code,posted_village,posted_town\n371323105201,双河村,2937,812,yes,20,,,,,,\n" \
	    >2015/town-371323105/villages.csv &&
	sed -i "/^  population:/d; /^  key_village:/d; /^contacts:/,/^  hotline:/d; /^rules:/d; /^columns:/d; /^quota:/d; /^  town: *{/d; /^  county: *{/d" \
	    2015/371323105201/village.yaml &&
	printf "%s\n" "$HDR" "371323105201,H090,张一,370102195001011217,1,1000,general,illness,,continuing,2014,2013," >$R/households.csv &&
	printf "%s\n" "$MHDR" "371323105201,H090,张一,370102195001011217,head,full,healthy,64" >$R/members.csv
}

# received_2014: the county of 2014 received the registry (receipt 1).
received_2014() {
	for f in households.csv members.csv; do
		mkdir -p $C14/received/371323105201/1/registry &&
		cp $R/$f $C14/received/371323105201/1/registry/$f &&
		ledger_row $C14 371323105201 1 registry/$f || return 1
	done
}

apply() {
	(cd 2015/371323105201 && tpa-apply -q --village . -o applicants.csv applications.csv)
}
audit() {
	(cd 2015/town-371323105 && tpa-audit -q --level town -o .) ; true
}
A=2015/town-371323105/audit.csv

expect "no ledger in 2014 (the first year a county keeps one): apply takes the registry as it is; the audit warns PREVIOUS_UNRECEIVED naming the registry and the county folder" '
	sample_area && status 0 apply && grep -q "registry/households.csv@" 2015/371323105201/PROVENANCE.csv &&
	audit && grep -qx "warning,PREVIOUS_UNRECEIVED,371323105201,,上年建档../../2014/371323105201/registry按现状采用：../../2014/county-371323没有接收台账（LEDGER.csv）" $A'

expect "the registry as the county of 2014 received it: apply proceeds, no PREVIOUS_* finding" '
	sample_area && received_2014 && status 0 apply && audit &&
	! grep -q ",PREVIOUS_" $A'

expect "a re-save of the registry (CRLF, columns reordered, 1000 written 1000.00): no difference" '
	sample_area && received_2014 &&
	awk -F, -v OFS=, "{ t = \$2; \$2 = \$3; \$3 = t; if (NR > 1) \$6 = \$6 \".00\"; print \$0 \"\r\" }" $R/households.csv >h && mv h $R/households.csv &&
	grep -q "^371323105201,张一,H090,.*,1000.00," $R/households.csv &&
	status 0 apply && audit && ! grep -q ",PREVIOUS_" $A'

expect "an income changed in the registry after the county of 2014 received it: apply exits 2 with PREVIOUS_CHANGED naming the file, H090, the column and both values; the audit reports it for H090" '
	sample_area && received_2014 &&
	sed -i "s/^\(371323105201,H090,[^,]*,[^,]*,1\),1000,/\1,2500,/" $R/households.csv &&
	status 2 apply 2>err &&
	grep -qx "tpa-apply: ../../2014/371323105201/registry: PREVIOUS_CHANGED: last year'"'"'s registry is not what the county received (differences: 1; the first: registry/households.csv H090 per_capita_income 1000.00 → 2500.00); it is corrected only through that year'"'"'s county reopen.csv" err &&
	[ ! -e 2015/371323105201/applicants.csv ] &&
	audit && [ "$(grep ",PREVIOUS_CHANGED," $A)" = "error,PREVIOUS_CHANGED,371323105201,H090,上年建档 registry/households.csv H090 per_capita_income 1000.00 → 2500.00，与县里接收的不一致" ]'

expect "a person added to the registry after the receipt: PREVIOUS_CHANGED names members.csv and H090, the ID number masked" '
	sample_area && received_2014 &&
	echo "371323105201,H090,李二,370102195203041223,spouse,full,healthy,62" >>$R/members.csv &&
	sed -i "s/^\(371323105201,H090,[^,]*,[^,]*\),1,/\1,2,/" $R/households.csv &&
	status 2 apply 2>/dev/null && audit &&
	grep -qx "error,PREVIOUS_CHANGED,371323105201,H090,上年建档 registry/members.csv H090 [^ ]* 是县里接收之后新增的" $A &&
	[ "$(grep -c ",PREVIOUS_CHANGED," $A)" = 2 ] &&
	! grep -q 370102195203041223 $A'

expect "a ledger in 2014 that never received this village's registry: PREVIOUS_UNRECEIVED is an error naming the ledger" '
	sample_area && mkdir -p $C14/received/371323105299/1/registry && cp $R/households.csv $C14/received/371323105299/1/registry/ &&
	ledger_row $C14 371323105299 1 registry/households.csv && audit &&
	grep -qx "error,PREVIOUS_UNRECEIVED,371323105201,,上年建档../../2014/371323105201/registry未经县里接收（../../2014/county-371323/LEDGER.csv中没有）" $A'
