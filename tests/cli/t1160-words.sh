#!/bin/sh
# tpa words [COLUMN]: the words each coded column accepts, printed from the
# tables the readers use. Checked against the readers themselves: every word
# printed for health, labor and education, typed into applications.csv, is
# read by tpa-apply as the code it is printed under; a word it does not print
# (良好) is refused. The words of the headings and lines below are SPEC §3's
# (与户主关系: 户主, 本人 are head) and the rules files' (example-2015's
# occupation, the sample county's rules_by_town), written out by hand.
. "$(dirname "$0")/lib.sh"
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)
LOCALES=${TPA_LOCALEDIR:-$(cd "$(dirname "$0")/../.." && pwd)/build/locale}

# id N: a valid ID number (ISO 7064 check digit), born early in 1970.
id() {
	printf '371323197001%02d%03d\n' "$(($1 % 28 + 1))" "$(($1 + 100))" | awk '{
		split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); s = 0
		for (i = 1; i <= 17; i++) s += substr($0, i, 1) * w[i]
		printf "%s%s\n", $0, substr("10X98765432", s % 11 + 1, 1) }'
}

expect "relation: the heading names the column and its title, head reads 户主 and 本人" '
	tpa words relation >out && head -2 out >got &&
	printf "relation (与户主关系):\n  head: 户主, 本人\n" >want && same got want &&
	grep -qx "  other: 其他, 其它" out && [ "$(grep -c "^[^ ]" out)" -eq 1 ]'

expect "every word printed for health, labor and education is read by tpa-apply as its code" '
	village && n=0 && echo "household_id,name,id_number,relation,health,labor,education,apply_date" >applications.csv &&
	echo "01,王一,$(id 0),户主,,,,2015-05-20" >>applications.csv && : >want &&
	for col in health labor education; do
		tpa words $col >w.$col &&
		sed -n "s/^  \([a-z_]*\): \(.*\)$/\1 \2/p" w.$col >lines &&
		[ -s lines ] &&
		while read -r code words; do
			for w in $(echo "$words" | tr -d ","); do
				n=$((n + 1)) && i=$(id $n) &&
				case $col in
				health) row="$w,," ;; labor) row=",$w," ;; education) row=",,$w" ;;
				esac &&
				echo "01,某$n,$i,子女,$row," >>applications.csv &&
				echo "$i $col $code" >>want || return 1
			done
		done <lines || return 1
	done &&
	[ "$n" -ge 20 ] &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	[ "$(wc -l <rejects-apply.csv)" -eq 1 ] &&
	awk -F, "FNR == NR { split(\$0, w, \" \"); col[w[1]] = w[2]; next }
	    FNR == 1 { for (i = 1; i <= NF; i++) c[\$i] = i; next }
	    \$c[\"id_number\"] in col { k = col[\$c[\"id_number\"]]
	    print \$c[\"id_number\"], k, \$c[k] }" want applicants.csv >got &&
	same got want'

expect "a word not printed for health (良好) is refused by tpa-apply" '
	village && tpa words health >w && ! grep -q 良好 w &&
	printf "household_id,name,id_number,relation,health,apply_date\n01,王一,%s,户主,良好,2015-05-20\n" "$(id 1)" >applications.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv;
	grep -q ",health,.*良好" rejects-apply.csv'

expect "a column is chosen by its name, its Chinese title or a header it is known by" '
	tpa words labor >a && tpa words 劳动能力 >b && tpa words 劳动技能 >c &&
	same b a && same c a && head -1 a | grep -qx "labor (劳动能力):" &&
	grep -qx "  none: 丧失劳动力, 无劳动力, 丧失劳动力/无劳动力" a'

expect "the objection kinds and outcomes, and yes/no (是/否), are listed" '
	tpa words >all &&
	grep -qx "kind (异议类型):" all && grep -qx "  wrongly_included: 错评, 不应纳入" all &&
	grep -qx "outcome (处理结果):" all && grep -qx "  upheld: 成立, 属实" all &&
	grep -qx "dibao (是否低保):" all && grep -q "^  yes: 是, 有, " all && grep -q "^  no: 否, 无, " all &&
	grep -qx "housing (住房情况):" all && grep -qx "  d_grade: D级危房, d级危房" all &&
	! grep -q "^name\|^id_number\|^wage_income\|^occupation" all'

expect "in Chinese under zh_CN: 与户主关系（relation）, 户主、本人（代码 head）" '
	[ -f "$LOCALES/zh_CN/LC_MESSAGES/tpa.mo" ] &&
	LC_ALL=zh_CN.UTF-8 TPA_LOCALEDIR=$LOCALES tpa words relation >out &&
	head -2 out >got && printf "与户主关系（relation）：\n  户主、本人（代码 head）\n" >want && same got want'

expect "an unknown column: exit 2, nothing on stdout, the coded columns named with their Chinese titles" '
	status 2 tpa words 收入 >out 2>err && [ ! -s out ] &&
	grep -q "\"收入\" is not a coded column" err &&
	grep -q "relation (与户主关系), sex (性别), " err && grep -q "kind (异议类型), outcome (处理结果)" err'

expect "an unknown column under zh_CN: the list is of the Chinese titles a clerk types, each with its name" '
	[ -f "$LOCALES/zh_CN/LC_MESSAGES/tpa.mo" ] &&
	LC_ALL=zh_CN.UTF-8 TPA_LOCALEDIR=$LOCALES status 2 tpa words 收入 2>err &&
	grep -q "这样的列有：与户主关系（relation）、性别（sex）、" err &&
	grep -q "异议类型（kind）、处理结果（outcome）" err && ! grep -q ", " err'

expect "a village folder: the code columns its rules declare, with their words; outside it occupation is no coded column" '
	status 2 tpa words occupation 2>err &&
	village && cp "$RULES/example-2015.yaml" rules.yaml && cp "$RULES/procedure.yaml" . &&
	echo "rules: rules.yaml" >>village.yaml &&
	tpa words occupation >out && head -1 out | grep -qx "occupation (职业):" &&
	grep -qx "  farmer: 务农, 农民, 种地" out &&
	grep -q "^  public_institution: 事业单位, .*公办教师, 在编教师" out &&
	! grep -q "[:,] 教师\(,\|\$\)" out &&
	tail -1 out | grep -qx "  any other word: kept as typed, with a warning" &&
	tpa words urban_house >u && printf "urban_house (城镇商品房):\n" >want && head -1 u >got && same got want &&
	tpa words -C . 职业 >again && same again out'

expect "a folder whose rules cannot be read: exit 2 naming the file" '
	village && echo "rules: rules.yaml" >>village.yaml && printf "version: 1\nfields: [\n" >rules.yaml &&
	status 2 tpa words relation >out 2>err && [ ! -s out ] && grep -q "rules.yaml:" err'

expect "the sample county: a town with its own rules has its own columns, in its villages and its town folder; the county folder reads the county's rules" '
	cp -R "$SAMPLE/county/." c/ && sample_rules c &&
	tpa words -C c/2015/371323106201 house_reason >t &&
	head -1 t | grep -qx "house_reason (购建住房原因):" &&
	status 2 tpa words -C c/2015/371323105201 house_reason 2>err &&
	tpa words -C c/2015/county-371323 城镇商品房 >u && head -1 u | grep -qx "urban_house (城镇商品房):" &&
	status 2 tpa words -C c/2015/county-371323 house_reason 2>err &&
	tpa words -C c/2015/town-371323106 house_reason >t2 && same t2 t &&
	grep -qx "  relocation: 易地搬迁, 搬迁, 扶贫搬迁" t &&
	status 2 tpa words -C c/2015/town-371323105 house_reason 2>err'

expect "a column is also chosen by a header the county's columns file gives it (身体状况 for health)" '
	village && printf "health: [身体状况]\n" >cols.yaml && echo "columns: cols.yaml" >>village.yaml &&
	tpa words 身体状况 >out && head -1 out | grep -qx "health (健康状况):" &&
	grep -qx "  chronic: 长期慢性病" out &&
	tpa words health >by_name && same out by_name &&
	mkdir other && status 2 tpa words -C other 身体状况 >none 2>err && [ ! -s none ] &&
	grep -q "身体状况" err'
