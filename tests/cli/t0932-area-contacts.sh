#!/bin/sh
# In a county's area the notices and letters print each level's contact
# from its owner: the town's from town.yaml, the county's and the hotline
# from county.yaml, the village's from village.yaml; the posting periods
# from villages.csv and county.yaml.
. "$(dirname "$0")/lib.sh"
V=$SAMPLE_FLAT/county/2015/371323105201

# sample_area: the sample village 双河村 after appraisal in an area whose
# town and county have contacts of their own; its village.yaml keeps only
# what the village owns.
sample_area() {
	mkdir -p 2015/county-371323 2015/town-371323105 rules && cp -R "$V" 2015/ &&
	cp "$SAMPLE/../rules/"*.yaml "$SAMPLE_FLAT/county/rules/"*.yaml rules/ &&
	cp "$SAMPLE_FLAT/county/columns.yaml" . &&
	cat >2015/county-371323/county.yaml <<'YAML' &&
county: {code: "371323", name: 沂水县, contact: 县扶贫办 王科长 0539-3000001, hotline: "12399"}
year: 2015
rules: ../../rules/yishui-2015.yaml
columns: ../../columns.yaml
publicity: {start: 2015-06-22, end: 2015-06-26}
YAML
	printf "town: {code: \"371323105\", name: 临涧镇, contact: 镇扶贫办 赵主任 0539-2000002}\n" \
	    >2015/town-371323105/town.yaml &&
	printf "village_code,name,population,households,key_village,quota,town_start,town_end,town_closed,previous_code,posted_village,posted_town\n371323105201,双河村,2937,812,yes,20,2015-06-15,2015-06-21,,,,\n" \
	    >2015/town-371323105/villages.csv &&
	cd 2015/371323105201 &&
	sed -i "/^  population:/d; /^  key_village:/d; /^contacts:/,/^  hotline:/d; /^rules:/d; /^columns:/d; /^quota:/d; /^  town: *{/d; /^  county: *{/d" village.yaml &&
	cp "$DATA/sample/appraised.expected" appraised.csv
}

expect "the town notice names town.yaml's contact and county.yaml's hotline, and villages.csv's period; none of the sample village's" '
	sample_area &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	tpa-publicize notice -q --level town --village . --format text -o n.txt publicized-village.csv &&
	grep -q "镇扶贫办 赵主任 0539-2000002" n.txt && grep -q "12399" n.txt &&
	grep -q "2015年6月15日" n.txt && grep -q "2015年6月21日" n.txt &&
	! grep -q "孙主任\|0539-2516018\|12317" n.txt'

expect "the county notice names county.yaml's contact and its announcement period" '
	sample_area &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	tpa-publicize notice -q --level county --village . --format text -o n.txt publicized-village.csv &&
	grep -q "县扶贫办 王科长 0539-3000001" n.txt && grep -q "2015年6月22日" n.txt &&
	! grep -q "0539-2251369\|12317" n.txt'

expect "the village letters name the village's own contact and county.yaml's hotline; the town letters town.yaml's contact and villages.csv's period" '
	sample_area && tpa-publicize letter -q --level village --village . -o letter.html appraised.csv &&
	grep -q "受理异议：村委会 张主任 0539-1234567。监督电话：12399。" letter.html &&
	! grep -q "12317" letter.html &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	tpa-publicize letter -q --level town --village . -o town.html publicized-village.csv &&
	grep -q "请在2015年6月15日至2015年6月21日（共7天）内提出.*受理异议：镇扶贫办 赵主任 0539-2000002。监督电话：12399。" town.html &&
	! grep -q "孙主任\|0539-2516018\|12317" town.html'

expect "a missing town or county period is an error naming the area's files, not village.yaml's publicity" '
	sample_area && sed -i "s/,2015-06-15,2015-06-21,/,,,/" ../town-371323105/villages.csv &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	status 2 tpa-publicize notice -q --level town --village . -o n.txt publicized-village.csv 2>err &&
	grep -qF "tpa-publicize: ./village.yaml: village 371323105201 has no town posting period: set town_start and town_end in ../town-371323105/villages.csv, or publicity: {start, end} in ../town-371323105/town.yaml" err &&
	printf "publicity: {start: 2015-06-14, end: 2015-06-20}\n" >>../town-371323105/town.yaml &&
	tpa-publicize notice -q --level town --village . --format text -o n.txt publicized-village.csv &&
	grep -q "2015年6月14日" n.txt &&
	sed -i "/^publicity:/d" ../county-371323/county.yaml &&
	status 2 tpa-publicize letter -q --level county --village . -o l.html publicized-village.csv 2>err &&
	grep -qF "tpa-publicize: ./village.yaml: the county'"'"'s announcement period is missing: set publicity: {start, end} in ../county-371323/county.yaml" err'
