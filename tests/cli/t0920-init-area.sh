#!/bin/sh
# tpa-init --town and --county: a town's and a county's folder of an area
# (tpa-area(5)), ready to fill in. That what they write loads once the
# required values are filled in is tests/unit/test_area.c
# (area_init_round_trip).
. "$(dirname "$0")/lib.sh"
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)
BOM=$(printf '\357\273\277')

# files DIR: the files under DIR, one line.
files() {
	(cd "$1" && find . -type f | sort | tr "\n" " ")
}

expect "tpa-init --town makes town-T: town.yaml, villages.csv, reopen.csv and the Makefile of town.mk, and no objections file" '
	tpa-init -q --town 371323105 --year 2015 2015/town-371323105 &&
	[ "$(files 2015/town-371323105)" = "./Makefile ./reopen.csv ./town.yaml ./villages.csv " ] &&
	grep -q "^include \$(or \$(TPA_MK_DIR),\$(shell \$(patsubst %,%/,\$(or \$(TPA_BIN),\$(shell sed -n .s/^TPA_BIN ?= //p. ../.tpa-bin.mk 2>/dev/null)))tpa --mk-dir 2>/dev/null),.*)/town.mk\$" 2015/town-371323105/Makefile &&
	[ "$(wc -l <2015/town-371323105/Makefile)" = 1 ] &&
	[ ! -e 2015/town-371323105/objections-town.csv ]'

expect "villages.csv is its Chinese header alone, UTF-8 with a BOM, in the column order of tpa-area(5); reopen.csv is village_code,date,reason" '
	tpa-init -q --town 371323105 --year 2015 2015/town-371323105 &&
	printf "%s村代码,村名,户籍人口,户数,重点村,规模,乡镇公示开始日期,乡镇公示结束日期,乡镇公示办结日期,上年村代码,村级公示指纹,乡镇公示指纹\n" "$BOM" >want.csv &&
	same 2015/town-371323105/villages.csv want.csv &&
	printf "%svillage_code,date,reason\n" "$BOM" >want-reopen.csv &&
	same 2015/town-371323105/reopen.csv want-reopen.csv'

expect "town.yaml has every key, each with a Chinese comment: the code filled in, name and contact empty to be filled in, the rest commented out" '
	tpa-init -q --town 371323105 --year 2015 2015/town-371323105 && y=2015/town-371323105/town.yaml &&
	grep -qx "  code: \"371323105\" *# 乡镇代码 .*" $y &&
	grep -qx "  name: \"\" *# 乡镇名称 .*(fill in)" $y &&
	grep -qx "  contact: \"\" *# 乡镇异议受理 .*(fill in)" $y &&
	for k in "town" "# publicity" "#   start" "#   end" "#   closed" "# audit" "#   sample" "#   seed"; do
		grep -q "^$k:.* # .*[^ -~]" $y || { echo "no $k with a Chinese comment"; exit 1; }
	done &&
	grep -q "^#   start: 2015-06-14 " $y && grep -q "^#   closed: 2015-06-21 " $y &&
	[ "$(grep -vc "^#" $y)" = 4 ]'

expect "tpa-init --county makes county-C: county.yaml, reopen.csv and the Makefile of county.mk; --rules is written relative to the folder" '
	tpa-init -q --county 371323 --year 2015 --rules "$RULES/example-2015.yaml" 2015/county-371323 &&
	[ "$(files 2015/county-371323)" = "./Makefile ./county.yaml ./reopen.csv " ] &&
	[ "$(wc -l <2015/county-371323/Makefile)" = 1 ] &&
	grep -q "^include \$(or \$(TPA_MK_DIR),\$(shell \$(patsubst %,%/,\$(or \$(TPA_BIN),\$(shell sed -n .s/^TPA_BIN ?= //p. ../.tpa-bin.mk 2>/dev/null)))tpa --mk-dir 2>/dev/null),.*)/county.mk\$" 2015/county-371323/Makefile &&
	[ ! -e 2015/county-371323/objections-county.csv ] &&
	rel=$(realpath --relative-to=2015/county-371323 "$RULES/example-2015.yaml") &&
	grep -q "^rules: \"$rel\" " 2015/county-371323/county.yaml &&
	printf "%svillage_code,date,reason\n" "$BOM" >want.csv && same 2015/county-371323/reopen.csv want.csv'

expect "county.yaml has every key of tpa-area(5), each with a Chinese comment: code and year filled in; name, contact and rules empty to be filled in" '
	tpa-init -q --county 371323 --year 2016 2016/county-371323 && y=2016/county-371323/county.yaml &&
	grep -qx "  code: \"371323\" *# 县代码 .*" $y && grep -q "^year: 2016 *# 年度" $y &&
	grep -qx "  name: \"\" *# 县名称 .*(fill in)" $y &&
	grep -qx "  contact: \"\" *# 县级异议受理 .*(fill in)" $y &&
	grep -q "^rules: \"\" *# 识别规则 .*(fill in)" $y &&
	for k in "county" "  # hotline" "# previous_year" "# rules_by_town" "# columns" "# publicity" \
	    "#   start" "#   end" "#   closed" "# towns" "# audit" "#   sample" "#   seed" "# as_of"; do
		grep -q "^$k:.* # .*[^ -~]" $y || { echo "no $k with a Chinese comment"; exit 1; }
	done &&
	grep -q "^# previous_year: 2015 " $y && grep -q "^#   \"371323101\": {quota: 120}" $y'

expect "a folder not named by its level and code is refused, nothing made (exit 2)" '
	status 2 tpa-init --town 371323105 --year 2015 2015/town-371323106 2>err &&
	grep -q "2015/town-371323106: a town.s folder is named town-371323105, after its code" err &&
	[ ! -e 2015 ] &&
	status 2 tpa-init --county 371323 --year 2015 2015/371323 2>err &&
	grep -q "a county.s folder is named county-371323" err && [ ! -e 2015 ]'

expect "an existing folder that is not empty is refused and left as it was (exit 2)" '
	mkdir -p town-371323105 && echo x >town-371323105/town.yaml &&
	status 2 tpa-init --town 371323105 --year 2015 town-371323105 2>err &&
	grep -q "exists and is not empty" err &&
	[ "$(files town-371323105)" = "./town.yaml " ] && [ "$(cat town-371323105/town.yaml)" = x ] &&
	mkdir county-371323 && tpa-init -q --county 371323 --year 2015 county-371323 &&
	[ -f county-371323/county.yaml ]'

expect "bad codes and options: a town code of 9 digits, a county code of 6, one of --code/--town/--county, --rules and --previous not for a town (exit 2, nothing made)" '
	status 2 tpa-init --town 37132310 --year 2015 town-37132310 2>err &&
	grep -q "a town code is 9 digits" err &&
	status 2 tpa-init --county 3713231 --year 2015 county-3713231 2>err &&
	grep -q "a county code is 6 digits" err &&
	status 2 tpa-init --town 371323105 --county 371323 --year 2015 town-371323105 2>err &&
	grep -q "one of --code, --town and --county is needed" err &&
	status 2 tpa-init --town 371323105 town-371323105 2>err && grep -q "year is needed" err &&
	status 2 tpa-init --town 371323105 --year 2015 --rules "$RULES/example-2015.yaml" town-371323105 2>err &&
	grep -q "a town.s rules are the county.s" err &&
	status 2 tpa-init --county 371323 --year 2015 --previous ../2014/county-371323 county-371323 2>err &&
	grep -q "previous is for a village.s folder" err &&
	status 2 tpa-init --county 371323 --year 15 county-371323 2>err && grep -q "a year is 4 digits" err &&
	status 2 tpa-init --county 371323 --year 2015 --rules nowhere.yaml county-371323 2>err &&
	[ "$(ls)" = err ]'

expect "the year folder gets .gitignore and .gitattributes when it has none, and keeps its own" '
	tpa-init -q --county 371323 --year 2015 y/county-371323 &&
	grep -qx ".\*.tmp-\*" y/.gitignore && grep -qx "\* -text" y/.gitattributes &&
	echo mine >y/.gitignore &&
	tpa-init -q --town 371323105 --year 2015 y/town-371323105 &&
	[ "$(cat y/.gitignore)" = mine ]'

expect "the summary line names the files and what to fill in; -q silences it" '
	tpa-init --town 371323105 --year 2015 town-371323105 2>err &&
	grep -qx "init: town-371323105: town.yaml, villages.csv, reopen.csv, Makefile; fill in town.yaml.s name and contact and a row of villages.csv per village" err &&
	tpa-init -q --county 371323 --year 2015 county-371323 2>err && [ ! -s err ]'
