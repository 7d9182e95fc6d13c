#!/bin/sh
# tpa-init: a new village-year folder; its templates filled in as a clerk
# would (Chinese headers and rows) and run through make; --previous.
. "$(dirname "$0")/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)
V=$SAMPLE_FLAT/county/2015/371323105201
BOM=$(printf '\357\273\277')

# A county folder with the shipped rules.
county() {
	sample_rules county
}
vmake() {
	make -s -C "$1" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" ${2:-}
}
# fill DIR: the facts, the meeting and the periods of village.yaml
fill_village() {
	sed -i -e 's/^  # name:.*/  name: 双河村/' -e 's/^  # population:.*/  population: 2937/' \
	    -e 's/^  # key_village:.*/  key_village: true/' -e 's/^  # contact:.*/  contact: 村委会 0539-1234567/' \
	    -e 's/^# appraisal:/appraisal:/' -e 's/^#   date:/  date:/' \
	    -e 's/^#   representatives:.*/  representatives: 32/' -e 's/^# publicity:/publicity:/' \
	    -e 's/^#   village: {/  village: {/' -e 's/^#   town:    {/  town:    {/' \
	    -e 's/^#   county:  {/  county:  {/' "$1/village.yaml"
}

expect "tpa-init makes the folder: village.yaml, the Makefile (no path of this machine in it), templates/" '
	tpa-init -q --code 371323105201 --year 2016 v &&
	[ "$(cd v && find . -type f | sort | tr "\n" " ")" = "./Makefile ./templates/applications.csv ./templates/objections.csv ./templates/survey.csv ./templates/votes.csv ./village.yaml " ] &&
	[ "$(wc -l <v/Makefile)" = 1 ] &&
	grep -q "^include \$(or \$(TPA_MK_DIR),\$(shell \$(patsubst %,%/,\$(or \$(TPA_BIN),\$(shell sed -n .s/^TPA_BIN ?= //p. ../.tpa-bin.mk 2>/dev/null)))tpa --mk-dir 2>/dev/null),.*)/village.mk\$" v/Makefile &&
	! grep -q "/usr\|/share/" v/Makefile &&
	grep -q "^  code: \"371323105201\"" v/village.yaml && grep -q "^year: 2016 " v/village.yaml'

expect "village.yaml has every key of SPEC 3, commented, and loads as it is" '
	tpa-init -q --code 371323105201 --year 2015 v &&
	for k in "  code" "  # name" "  # town" "  # county" "  # population" "  # key_village" \
	    "  # contact" "# contacts" "#   town" "#   county" "#   hotline" "language" "year" \
	    "# rules" "# columns" "# previous" "# quota" "# appraisal" "#   date" \
	    "#   representatives" "#   total" "# publicity" "#   village" "#   town" "#   county"; do
		grep -q "^$k: *" v/village.yaml || { echo "no $k"; exit 1; }
	done &&
	grep -q "^# previous: ../../2014/371323105201/registry " v/village.yaml &&
	[ "$(grep -v "^ *#" v/village.yaml | grep -c "#")" -ge 3 ] &&
	printf "户编号,姓名,身份证号,与户主关系,申请日期\nH1,张三,37132319580312011X,户主,2015-05-01\n" >a.csv &&
	tpa-apply -q --village v -o applicants.csv a.csv && grep -q "^371323105201,H1," applicants.csv'

expect "the templates: UTF-8 with a BOM, Chinese headers, the columns the rules read, headed with their titles" '
	county && tpa-init -q --code 371323105201 --year 2015 --rules county/rules/example-2015.yaml v &&
	for f in applications survey votes objections; do
		[ "$(head -c 3 v/templates/$f.csv)" = "$BOM" ] || exit 1; [ "$(wc -l <v/templates/$f.csv)" = 1 ] || exit 1
	done &&
	[ "$(cat v/templates/applications.csv)" = "${BOM}户编号,姓名,身份证号,与户主关系,性别,出生日期,健康状况,劳动能力,文化程度,在校生状况,职业,联系电话,村民小组,申请日期,申请理由" ] &&
	[ "$(cat v/templates/survey.csv)" = "${BOM}户编号,调查日期,调查人,工资性收入,生产经营性收入,财产性收入,转移性收入,住房情况,饮水安全,是否低保,主要致贫原因,城镇商品房,汽车价值" ] &&
	[ "$(cat v/templates/votes.csv)" = "${BOM}户编号,赞成票,反对票,弃权票" ] &&
	[ "$(cat v/templates/objections.csv)" = "${BOM}户编号,反映对象,受理日期,异议类型,反映内容,处理结果,处理日期,处理人" ] &&
	grep -q "^rules: \"../county/rules/example-2015.yaml\" " v/village.yaml'

expect "templates filled in Chinese run through make: apply, survey, appraise, the notice, then objections with Chinese headers" '
	county && d=county/2015/371323105201 &&
	tpa-init -q --code 371323105201 --year 2015 --rules county/rules/example-2015.yaml $d && fill_village $d &&
	cp $d/templates/applications.csv $d/templates/survey.csv $d/templates/votes.csv $d/ &&
	printf "%s\n" "H001,张建国,37132319580312011X,户主,男,,长期慢性病,弱劳动力或半劳动力,小学,,务农,13905391234,一组,2015/5/20,老伴患病" \
	    "H001,李秀英,371323196007050223,配偶,女,1960年7月5日,患有大病,丧失劳动力,文盲或半文盲,,务农,,一组,," \
	    "H002,王德明,371323197209180311,户主,男,,健康,普通劳动力,初中,,务农,,二组,2015.5.21,孩子上学" >>$d/applications.csv &&
	printf "%s\n" "H001,2015/5/26,李干事,0,\"2,400\",0,1800,安全,安全,是,因病,否,0" \
	    "H002,2015/5/26,李干事,6000,2500.50,0,500,C级危房,安全,否,因学,否,0" >>$d/survey.csv &&
	printf "H001,30,2,0\n" >>$d/votes.csv &&
	vmake $d TPA_AUDIT=0 2>err && grep -q "waiting for objections-village.csv" err &&
	grep -q "^371323105201,H001,张建国,37132319580312011X,head,male,1958-03-12,chronic,partial,primary,,务农,13905391234,一组,2015-05-20," $d/applicants.csv &&
	grep -q "^371323105201,H001,张建国,37132319580312011X,2,2100.00,2855.00,eligible,,一组," $d/primary.csv &&
	grep -q "^371323105201,H002,.*,above_line,INCOME," $d/primary.csv &&
	grep -q "^371323105201,H001,.*,proposed,.*,30,2,0,1$" $d/appraised.csv && [ -s $d/notice-village.html ] &&
	cp $d/templates/objections.csv $d/objections-village.csv &&
	printf "%s\n" "H001,,2015/6/8,错评,反映该户有车,不成立,2015-06-10,村民代表会议" >>$d/objections-village.csv &&
	vmake $d TPA_AUDIT=0 2>err && grep -q "waiting for objections-town.csv" err &&
	grep -q "^371323105201,H001,.*,confirmed,.*,1$" $d/publicized-village.csv'

expect "--previous copies the facts forward, names last year's registry and rules" '
	county && mkdir -p county/2015 && cp -R "$V" county/2015/ && { vmake county/2015/371323105201 TPA_AUDIT=0 2>/dev/null; true; } &&
	[ -s county/2015/371323105201/registry/households.csv ] &&
	tpa-init -q --code 371323105201 --year 2016 --previous county/2015/371323105201 county/2016/371323105201 &&
	y=county/2016/371323105201/village.yaml &&
	grep -q "^  name: \"双河村\" " $y && grep -q "^  town: \"临涧镇\" " $y && grep -q "^  county: \"沂水县\" " $y &&
	grep -q "^  population: 2937 " $y && grep -q "^  key_village: true " $y &&
	grep -q "^  contact: \"村委会 张主任 0539-1234567\" " $y && grep -q "^language: zh " $y &&
	grep -q "^year: 2016 " $y && grep -q "^rules: \"../../rules/yishui-2015.yaml\" " $y &&
	grep -q "^previous: \"../../2015/371323105201/registry\" " $y &&
	grep -q "^# appraisal:" $y && grep -q "^#   village: {start: 2016-06-05, end: 2016-06-11}" $y && grep -q "^# quota:" $y &&
	grep -q ",城镇商品房,汽车价值$" county/2016/371323105201/templates/survey.csv &&
	printf "户编号,姓名,身份证号,与户主关系,申请日期\nH090,赵四,371323196512034411,户主,2016-05-01\n" >a.csv &&
	tpa-apply --village county/2016/371323105201 -o applicants.csv a.csv 2>err &&
	grep -q "carried from last year" err && grep -q ",H001,.*,registry$" applicants.csv'

expect "--previous with contacts and language en copies them; a missing registry is named all the same, with a warning" '
	mkdir last && cat >last/village.yaml <<-EOF &&
	village: {code: "371323105201", name: "A \"B\" 村", population: 800}
	contacts: {town: 镇扶贫办, hotline: "12317"}
	language: en
	year: 2015
	EOF
	tpa-init -q --code 371323105201 --year 2016 --previous last new 2>err &&
	grep -q "registry does not exist yet" err && y=new/village.yaml &&
	grep -q "^  name: \"A \\\\\"B\\\\\" 村\" " $y && grep -q "^contacts:" $y && grep -q "^  town: \"镇扶贫办\"" $y &&
	grep -q "^  hotline: \"12317\" " $y && grep -q "^language: en " $y && grep -q "^  key_village: false " $y &&
	grep -q "^previous: \"../last/registry\" " $y'

expect "an existing non-empty folder, or a file, is refused and left as it was; an empty folder is used" '
	mkdir v && echo keep >v/notes.txt &&
	status 2 tpa-init --code 371323105201 --year 2016 v 2>err && grep -q "v exists and is not empty" err &&
	[ "$(ls -A v)" = notes.txt ] && [ "$(cat v/notes.txt)" = keep ] &&
	echo x >f && status 2 tpa-init --code 371323105201 --year 2016 f 2>err && [ "$(cat f)" = x ] &&
	mkdir e && tpa-init -q --code 371323105201 --year 2016 e && [ -f e/village.yaml ]'

expect "bad code, bad year, a year not after last year, bad rules: exit 2, nothing made" '
	county && status 2 tpa-init --code 37132310520 --year 2016 v 2>err && grep -q "12 digits" err &&
	status 2 tpa-init --code 37132310520X --year 2016 v 2>err &&
	status 2 tpa-init --code 371323105201 --year 16 v 2>err && grep -q "4 digits" err &&
	status 2 tpa-init --code 371323105201 --year 2016x v 2>err &&
	mkdir -p last && printf "village: {code: \"371323105201\"}\nyear: 2015\n" >last/village.yaml &&
	status 2 tpa-init --code 371323105201 --year 2015 --previous last a/b/v 2>err && grep -q "must come after" err &&
	printf "version: 1\nincome: {poverty_line: x}\n" >bad.yaml &&
	status 2 tpa-init --code 371323105201 --year 2016 --rules bad.yaml a/b/v 2>err && grep -q "bad.yaml:" err &&
	status 2 tpa-init --code 371323105201 v 2>err && grep -q "^usage:" err &&
	status 2 tpa-init --code 371323105201 --year 2016 2>err &&
	[ ! -e v ] && [ ! -e a ] && tpa-init --help | grep -q "^usage: tpa-init"'

expect "missing parent folders are made" '
	tpa-init -q --code 371323105201 --year 2016 x/y/v && [ -f x/y/v/village.yaml ]'

if [ "$(id -u)" = 0 ] && mkdir -p "$scratch/probe" && mount -t tmpfs -o nr_inodes=5,size=1m tmpfs "$scratch/probe" 2>/dev/null; then
	umount "$scratch/probe"
	expect "a run that fails after making folders removes them again (a file system out of inodes)" '
		mkdir m && mount -t tmpfs -o nr_inodes=5,size=1m tmpfs m &&
		{ status 2 tpa-init --code 371323105201 --year 2016 m/x/v 2>err; rc=$?; } ;
		left=$(ls -A m); umount m; [ "$rc" -eq 0 ] && [ -z "$left" ] && grep -q "No space left on device" err'
else
	skip "a failed run removes the folders it made (needs root to mount a small tmpfs)"
fi

expect "no PROVENANCE.csv: the folder is people s to fill in" '
	tpa-init -q --code 371323105201 --year 2016 v && [ ! -e v/PROVENANCE.csv ] && [ ! -e v/.tpa-deps.mk ]'
