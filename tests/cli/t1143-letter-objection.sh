#!/bin/sh
# A letter after an objection decided at a level below says what the
# objection was (its kind and summary, never who raised it) and what came
# of it: removed after an upheld one, not "passed the vote" as if nothing
# followed; unchanged after a dismissed one. The objections are read from
# their conventional files (objections-village.csv beside the list; in an
# area the town's shared file) and recorded in PROVENANCE.csv.
. "$(dirname "$0")/lib.sh"
V=$SAMPLE_FLAT/county/2015/371323105201

appraised_village() {
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ &&
	sample_rules county && cd county/2015/371323105201 &&
	cp "$DATA/sample/appraised.expected" appraised.csv &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv
}

# letter_of FILE HOUSEHOLD: the text of HOUSEHOLD's letter in FILE, tags
# taken out.
letter_of() {
	awk -v h="<td>$2</td>" '/<section class="letter">/ { s = "" } { s = s $0 "\n" }
	    /<\/section>/ && index(s, h) { printf "%s", s }' "$1" | sed "s/<[^>]*>//g"
}

expect "the household removed at the village: the objection, its kind, summary and outcome, no vote passed as final" '
	appraised_village &&
	grep -q "^H033,,2015/6/7,错评,反映该户长期在外经商，收入较高,成立,2015-06-10,村民代表会议" objections-village.csv &&
	tpa-publicize letter -q --level town --village . -o t.html publicized-village.csv &&
	letter_of t.html H033 >h033 && [ -s h033 ] &&
	grep -qx "村级公示期间，有人对您家提出异议（错评）：反映该户长期在外经商，收入较高。经调查核实，异议成立（2015年6月10日，村民代表会议），您家因此从名单中取消。" h033 &&
	grep -q "您家当时通过了评议。" h033 && ! grep -q "您家通过评议。" h033 &&
	grep -q "您家当时在规模之内，列入了拟评名单，但此后公示期间的异议经核实成立（见下）。" h033 &&
	! grep -q "您家在规模之内。" h033 &&
	grep -q "您家本年度不列入建档立卡贫困户名单" h033'

expect "a dismissed objection is told as dismissed, the decision unchanged; a data error upheld; others hear of none" '
	appraised_village &&
	tpa-publicize letter -q --level town --village . -o t.html publicized-village.csv &&
	letter_of t.html H031 >h031 &&
	grep -qx "村级公示期间，有人对您家提出异议（错评）：反映该户在县城有门面房出租。经调查核实，异议不成立（2015年6月10日，村民代表会议），不影响您家的结果。" h031 &&
	grep -q "您家确认列入" h031 && grep -q "您家通过评议。" h031 &&
	letter_of t.html H037 | grep -qx "村级公示期间，有人对您家提出异议（信息错误）：户主身份证号码录入有误。经调查核实，异议成立（2015年6月10日，村委会），您家的情况将重新入户调查核实。" &&
	[ "$(grep -c "有人对您家提出异议（" t.html)" -eq 3 ] &&
	letter_of t.html H001 >h001 && [ -s h001 ] && ! grep -q "异议（\|门面房\|在外经商\|王五" h001'

expect "the objections read are recorded; at village level none are read" '
	appraised_village &&
	tpa-publicize letter -q --level town --village . -o t.html publicized-village.csv &&
	grep "^t.html," PROVENANCE.csv | grep -q "objections-village.csv@$(sha256sum objections-village.csv | cut -c1-64)" &&
	tpa-publicize letter -q --level village --village . -o v.html appraised.csv &&
	! grep "^v.html," PROVENANCE.csv | grep -q "objections-village.csv" &&
	! grep -q "有人对您家提出异议（" v.html'

expect "the county letter tells both levels: the removal at the village and a town objection, data_error upheld" '
	appraised_village &&
	printf "household_id,about,received,kind,summary,outcome,decided,decided_by\nH001,,2015-06-15,data_error,家庭人口登记有误,upheld,2015-06-18,镇扶贫办\n" >objections-town.csv &&
	tpa-publicize resolve -q --level town --village . -o publicized-town.csv publicized-village.csv objections-town.csv &&
	tpa-publicize letter -q --level county --village . -o c.html publicized-town.csv &&
	letter_of c.html H001 | grep -qx "乡镇审核公示期间，有人对您家提出异议（信息错误）：家庭人口登记有误。经调查核实，异议成立（2015年6月18日，镇扶贫办），您家的情况将重新入户调查核实。" &&
	letter_of c.html H033 | grep -q "^村级公示期间，有人对您家提出异议（错评）" &&
	grep "^c.html," PROVENANCE.csv | grep -q "objections-town.csv@"'

expect "a long summary is cut at 120 characters; markup is escaped; in English, the codes" '
	appraised_village &&
	long=$(printf "很%.0s" $(seq 1 130)) &&
	sed -i "s/反映该户长期在外经商，收入较高/<b>$long<\/b>/" objections-village.csv &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	tpa-publicize letter -q --level town --village . -o t.html publicized-village.csv &&
	grep -q "（错评）：&lt;b&gt;$(printf "很%.0s" $(seq 1 117))……。经调查核实" t.html &&
	! grep -q "<b>" t.html &&
	echo "language: en" >>village.yaml &&
	tpa-publicize letter -q --level town --village . -o e.html publicized-village.csv &&
	grep -q "During the village&#39;s publicity, an objection was raised against your household (wrongly_included): &lt;b&gt;" e.html &&
	grep -q ". It was looked into and upheld (10 June 2015, 村民代表会议), and your household was removed from the list for it." e.html'

# An upheld wrongly_excluded objection puts the household on the resurvey
# worklist (resurvey.csv), as the resolve decides: the letter says it is
# surveyed again, never that nothing changes.
expect "an upheld wrongly_excluded objection at the town: the county letter says the household is surveyed again, and resurvey.csv lists it" '
	appraised_village &&
	printf "household_id,about,received,kind,summary,outcome,decided,decided_by\nH001,,2015-06-15,wrongly_excluded,遗漏了一名残疾家庭成员,upheld,2015-06-18,镇扶贫办\n" >objections-town.csv &&
	tpa-publicize resolve -q --level town --village . -o publicized-town.csv publicized-village.csv objections-town.csv &&
	grep -q ",H001," resurvey.csv &&
	tpa-publicize letter -q --level county --village . -o c.html publicized-town.csv &&
	letter_of c.html H001 | grep -qx "乡镇审核公示期间，有人对您家提出异议（漏评）：遗漏了一名残疾家庭成员。经调查核实，异议成立（2015年6月18日，镇扶贫办），您家的情况将重新入户调查核实。" &&
	! letter_of c.html H001 | grep -q "不影响您家的结果"'
