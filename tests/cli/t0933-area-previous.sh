#!/bin/sh
# In a county's area a village's last-year registry is
# ../../Y/CODE/registry from its folder: Y county.yaml's previous_year
# (default year - 1), CODE villages.csv's previous_code, else the
# village's own code; none when that folder does not exist (the first
# year of the area).
. "$(dirname "$0")/lib.sh"
V=$SAMPLE_FLAT/county/2015/371323105201

# sample_area: the sample village 双河村 in an area; its village.yaml keeps
# only what the village owns.
sample_area() {
	mkdir -p 2015/county-371323 2015/town-371323105 rules && cp -R "$V" 2015/ &&
	cp "$SAMPLE/../rules/"*.yaml "$SAMPLE_FLAT/county/rules/"*.yaml rules/ &&
	cp "$SAMPLE_FLAT/county/columns.yaml" . &&
	printf "county: {code: \"371323\", name: 沂水县, contact: 县扶贫办}\nyear: 2015\nrules: ../../rules/yishui-2015.yaml\ncolumns: ../../columns.yaml\n" \
	    >2015/county-371323/county.yaml &&
	printf "town: {code: \"371323105\", name: 临涧镇, contact: 镇扶贫办}\n" >2015/town-371323105/town.yaml &&
	printf "village_code,name,population,households,key_village,quota,town_start,town_end,town_closed,previous_code,posted_village,posted_town\n371323105201,双河村,2937,812,yes,20,,,,%s,,\n" "${1:-}" \
	    >2015/town-371323105/villages.csv &&
	sed -i "/^  population:/d; /^  key_village:/d; /^contacts:/,/^  hotline:/d; /^rules:/d; /^columns:/d; /^quota:/d; /^  town: *{/d; /^  county: *{/d" \
	    2015/371323105201/village.yaml
}

# apply: tpa-apply in the village folder.
apply() {
	(cd 2015/371323105201 && tpa-apply -q --village . -o applicants.csv applications.csv)
}

expect "with no last year's folder (the area's first year) there is no previous registry: apply takes the applications alone" '
	sample_area && apply && ! grep -q "registry" 2015/371323105201/PROVENANCE.csv'

expect "../../2014/CODE/registry is read when it exists (here empty: refused naming it)" '
	sample_area && mkdir -p 2014/371323105201/registry && status 2 apply 2>err &&
	grep -q "cannot open ../../2014/371323105201/registry/households.csv" err'

expect "county.yaml's previous_year names the year whose registry is last year's" '
	sample_area && printf "previous_year: 2013\n" >>2015/county-371323/county.yaml &&
	mkdir -p 2014/371323105201/registry 2013/371323105201/registry && status 2 apply 2>err &&
	grep -q "cannot open ../../2013/371323105201/registry/households.csv" err'

expect "villages.csv's previous_code names last year's code after a renumbering" '
	sample_area 371323105299 && mkdir -p 2014/371323105201/registry 2014/371323105299/registry &&
	status 2 apply 2>err && grep -q "cannot open ../../2014/371323105299/registry/households.csv" err'
