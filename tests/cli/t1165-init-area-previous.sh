#!/bin/sh
# The next year in a county's area, begun as tpa-init(1) says: the county
# and town folders first, then each village with --previous last year's
# folder. The village takes this year's county rules (county.yaml names
# them), never last year's, and is refused nothing the clerk did not type.
. "$(dirname "$0")/lib.sh"

# county2018: the county's and the town's folders of 2018 by tpa-init,
# county.yaml's name and contact filled in as a clerk fills them.
county2018() {
	tpa-init -q --county 371323 --year 2018 --rules c/rules/yishui-2017.yaml c/2018/county-371323 &&
	sed -i 's/^  name: ""   /  name: 沂水县/; s/^  contact: ""/  contact: "县扶贫办 0539-2251369"/; s/^# columns:/columns:/' \
	    c/2018/county-371323/county.yaml &&
	tpa-init -q --town 371323105 --year 2018 c/2018/town-371323105
}

expect "tpa-init --code --previous of the sample county's 2017 village into 2018: exit 0, village.yaml with no rules key, the templates with this year's county columns" '
	cp -R "$SAMPLE/county/." c/ && sample_rules c &&
	county2018 &&
	tpa-init -q --code 371323105201 --year 2018 --previous c/2017/371323105201 c/2018/371323105201 2>err &&
	! grep -q "\-\-rules" err &&
	grep -q "^  name: \"双河村\"" c/2018/371323105201/village.yaml &&
	! grep -q "^rules:" c/2018/371323105201/village.yaml &&
	grep -q "^year: 2018" c/2018/371323105201/village.yaml &&
	head -1 c/2018/371323105201/templates/survey.csv | grep -q "城镇商品房"'

expect "the same under zh_CN: no message about an option not given" '
	cp -R "$SAMPLE/county/." c/ && sample_rules c &&
	county2018 &&
	LC_ALL=zh_CN.UTF-8 tpa-init -q --code 371323105201 --year 2018 --previous c/2017/371323105201 c/2018/371323105201 2>err &&
	! grep -q "不能用" err && [ -f c/2018/371323105201/Makefile ]'

expect "this year's county columns file, not last year's: the template heads urban_house as 2018's file names it" '
	cp -R "$SAMPLE/county/." c/ && sample_rules c && county2018 &&
	printf "urban_house: [商品房2018]\n" >c/columns-2018.yaml &&
	sed -i "s|^columns: .*|columns: ../../columns-2018.yaml|" c/2018/county-371323/county.yaml &&
	grep -q "^columns: ../../columns-2018.yaml" c/2018/county-371323/county.yaml &&
	tpa-init -q --code 371323105201 --year 2018 --previous c/2017/371323105201 c/2018/371323105201 &&
	head -1 c/2018/371323105201/templates/survey.csv | grep -q "商品房2018" &&
	! head -1 c/2018/371323105201/templates/survey.csv | grep -q "城镇商品房"'
