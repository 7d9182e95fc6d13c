#!/bin/sh
# The household cards call a member without labour by the words of the
# forms: 无劳动力 for a child under 16 or one at school, who has none yet,
# 丧失劳动力 for an adult who lost it, whichever of the two the clerk typed.
# A card is one page for one household, even of ten members, and says
# 第 1 页，共 1 页 (Chromium's PDF).
. "$(dirname "$0")/lib.sh"
eval "$(sed -n '/^RULES=/,/^votes() {/p' "$(dirname "$0")/t0500-file.sh" | sed '$d')"
eval "$(sed -n '/^votes() {/,/^}/p' "$(dirname "$0")/t0500-file.sh")"

# ID numbers, their check characters worked out by hand with the MOD 11-2
# rule: the household L of ten (a pupil of 17 at senior school, a young
# man of 17 not at school, children of 15, 12, 10 and 8, parents and
# grandparents) and C of two (a head who lost his labour, a baby).
L1=370102197505052118; L2=370102197606062120; L3=370102200007072110
L4=370102200308082128; L5=370102200509092111; L6=370102200710102123
L7=370102195001112114; L8=370102195202122124; L9=370102199803032114
L10=370102199803132115

village() {
	mkdir -p v/rules v/2015 && cp "$RULES"/*.yaml v/rules/ && cd v/2015 &&
	village_yaml 2015 "" &&
	printf "%s\n" "户编号,姓名,身份证号,与户主关系,健康状况,劳动能力,在校生状况,村民小组,申请日期" \
	    "C,赵四,$IDC1,户主,患有大病,丧失劳动力,非在校生,二组,2015-05-21" \
	    "C,赵小宝,$IDC2,子女,健康,丧失劳动力,学前,二组," \
	    "L,钱一,$L1,户主,健康,弱劳动力,非在校生,一组,2015-05-20" \
	    "L,孙二,$L2,配偶,长期慢性病,普通劳动力,非在校生,一组," \
	    "L,钱三,$L3,子女,健康,无劳动力,初中,一组," \
	    "L,钱四,$L4,子女,健康,丧失劳动力,小学,一组," \
	    "L,钱五,$L5,子女,健康,无劳动力,,一组," \
	    "L,钱六,$L6,子女,健康,无劳动力,小学,一组," \
	    "L,钱七,$L7,父母,残疾,丧失劳动力,非在校生,一组," \
	    "L,周八,$L8,父母,患有大病,无劳动力,非在校生,一组," \
	    "L,钱九,$L9,子女,健康,丧失劳动力,高中,一组," \
	    "L,钱十,$L10,子女,残疾,丧失劳动力,非在校生,一组," >applications.csv &&
	printf "%s\n" "$HDR_SUR" \
	    "C,2015-05-27,李,0,0,0,900,D级危房,是,否,0" \
	    "L,2015-05-26,李,9000,0,0,2000,C级危房,否,否,0" >survey.csv &&
	votes C L >votes.csv &&
	make -s TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >make.log 2>&1 || { tail -20 make.log >&2; return 1; }
}

# labor NAME: the labour shown on the cards for member NAME.
labor() {
	sed -n "s/.*<tr><td>$1<\/td>\(<td[^>]*>[^<]*<\/td>\)\{5\}<td>\([^<]*\)<\/td>.*/\2/p" registry/cards.html
}

expect "children and pupils have 无劳动力, adults who lost it 丧失劳动力, as typed or not" '
	village && [ -s registry/cards.html ] &&
	[ "$(labor 赵小宝)" = 无劳动力 ] && [ "$(labor 钱三)" = 无劳动力 ] &&
	[ "$(labor 钱四)" = 无劳动力 ] && [ "$(labor 钱五)" = 无劳动力 ] &&
	[ "$(labor 钱六)" = 无劳动力 ] && [ "$(labor 钱九)" = 无劳动力 ] &&
	[ "$(labor 赵四)" = 丧失劳动力 ] && [ "$(labor 钱七)" = 丧失劳动力 ] &&
	[ "$(labor 周八)" = 丧失劳动力 ] && [ "$(labor 钱十)" = 丧失劳动力 ] &&
	[ "$(labor 钱一)" = 弱劳动力或半劳动力 ] && [ "$(labor 孙二)" = 普通劳动力 ]'

expect "an en village keeps the code" '
	village && echo "language: en" >>village.yaml &&
	make -s TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >make.log 2>&1 &&
	[ "$(labor 赵小宝)" = none ] && [ "$(labor 赵四)" = none ]'

expect "on paper: a card a page, each 第1页，共1页, the household of ten included" '
	command -v chromium >/dev/null && command -v pdftotext >/dev/null && village &&
	[ "$(grep -c "<section class=\"card\">" registry/cards.html)" -eq 2 ] &&
	tpa print -q registry/cards.html && [ "$(stat -c %a registry/cards.pdf)" = 600 ] &&
	[ "$(pdfinfo registry/cards.pdf | sed -n "s/^Pages: *//p")" -eq 2 ] &&
	for i in 1 2; do
		pdftotext -f $i -l $i registry/cards.pdf - | tr -d " \n" | grep -q "第1页，共1页" || exit 1
	done &&
	pdftotext registry/cards.pdf - | tr -d " " | grep -q "钱十"'
