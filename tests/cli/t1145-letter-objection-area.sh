#!/bin/sh
# In an area, a county letter tells the objections of the town's shared
# file (town-T/objections-town.csv), the rows of its own village only,
# and records them as the town resolve does (FILE#VILLAGE with the hash
# of the village's rows).
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area's folders run through make; t1143 runs the letters' objections under memcheck"
. "$(dirname "$0")/lib-area-sample.sh"

letter_of() {
	awk -v h="<td>$2</td>" '/<section class="letter">/ { s = "" } { s = s $0 "\n" }
	    /<\/section>/ && index(s, h) { printf "%s", s }' "$1" | sed "s/<[^>]*>//g"
}

expect "A's county letters: H031's two objections, the village's dismissed and the town's upheld; nothing of B's" '
	area && objections && closed 371323105201 2015-06-21 && closed 371323105202 2015-06-22 &&
	resolve $A && resolve $B &&
	(cd $A && tpa-publicize letter -q --level county --village village.yaml -o l.html publicized-town.csv) &&
	letter_of $A/l.html H031 >h &&
	grep -qx "村级公示期间，有人对您家提出异议（错评）：反映该户在县城有门面房出租。经调查核实，异议不成立（2015年6月10日，村民代表会议），不影响您家的结果。" h &&
	grep -qx "乡镇审核公示期间，有人对您家提出异议（错评）：has a car。经调查核实，异议成立（2015年6月19日，town office），您家因此从名单中取消。" h &&
	grep -q "您家当时通过了评议。" h &&
	[ "$(grep -c "乡镇审核公示期间，有人对您家提出异议" $A/l.html)" -eq 1 ] &&
	sha=$(grep "^371323105201," $T/objections-town.csv | awk -F, "{ print \"village_code=\" \$1; print \"household_id=\" \$2; print \"about=\" \$3; print \"received=\" \$4; print \"kind=\" \$5; print \"summary=\" \$6; print \"outcome=\" \$7; print \"decided=\" \$8; print \"decided_by=\" \$9 }" | sha256sum | cut -c1-64) &&
	grep "^l.html," $A/PROVENANCE.csv | grep -q "\.\./town-371323105/objections-town\.csv#371323105201@$sha" &&
	(cd $B && tpa-publicize letter -q --level county --village village.yaml -o l.html publicized-town.csv) &&
	letter_of $B/l.html 002 | grep -q "乡镇审核公示期间，有人对您家提出异议（错评）：y。经调查核实，异议成立" &&
	! grep -q "has a car" $B/l.html && ! grep -q "：x。\|：y。" $A/l.html'
