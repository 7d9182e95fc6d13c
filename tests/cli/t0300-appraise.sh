#!/bin/sh
# tpa-appraise: quorum, the vote, ranking and the quota, worked out by hand.
. "$(dirname "$0")/lib.sh"
D=$DATA/appraise
V=$SAMPLE_FLAT/county/2015/371323105201

# village.yaml: population $1, $2 present, quota $3 (none when empty)
meeting() {
	{
		printf 'village:\n  code: "371323105201"\n  name: 双河村\n  population: %s\nyear: 2015\n' "$1"
		printf 'rules: %s/rules.yaml\n' "$D"
		[ -n "${3:-}" ] && printf 'quota: %s\n' "$3"
		printf 'appraisal:\n  date: 2015-06-03\n  representatives: %s\n' "$2"
		[ -n "${4:-}" ] && printf '  total: %s\n' "$4"
	} >village.yaml
	return 0
}

expect "ties by votes then household_id; quota filled exactly" '
	meeting 800 20 5 && tpa-appraise -q --village . -o appraised.csv "$D/primary.csv" "$D/votes.csv" &&
	same appraised.csv "$D/appraised-quota5.expected"'

expect "a household that does not fit stops admission for all after it" '
	meeting 800 20 4 && tpa-appraise -q --village . -o appraised.csv "$D/primary.csv" "$D/votes.csv" &&
	same appraised.csv "$D/appraised-quota4.expected"'

expect "quorum exactly met (20 of a village under 1,000) passes; 19 blocks" '
	meeting 800 20 5 && status 0 tpa-appraise -q --village . -o a.csv "$D/primary.csv" "$D/votes.csv" &&
	meeting 800 19 5 && status 1 tpa-appraise -q --village . -o b.csv "$D/primary.csv" "$D/votes.csv" 2>err &&
	grep -q "quorum not met: 19 representatives present, 20 needed for a village of 800 people; nobody is proposed" err &&
	! grep -q ",proposed," b.csv && [ "$(grep -c ",not_appraised," b.csv)" -eq 5 ]'

expect "a village of 1,000 needs 30: with 20 present nobody is proposed, votes kept" '
	meeting 1000 20 5 && status 1 tpa-appraise -q --village . -o appraised.csv "$D/primary.csv" "$D/votes.csv" 2>err &&
	grep -q "20 representatives present, 30 needed" err &&
	same appraised.csv "$D/appraised-noquorum.expected"'

expect "a share of all representatives: 0.667 of 30 needs 21" '
	meeting 800 20 5 30 && sed "s/^  quorum:.*//; s/^    - .*//" "$D/rules.yaml" >r.yaml &&
	printf "appraisal:\n  quorum: {min_share: 0.667}\n" | sed -n p >/dev/null &&
	{ grep -v -e "quorum" -e "representatives" -e "pass:" -e "^appraisal" "$D/rules.yaml"; printf "appraisal:\n  quorum: {min_share: 0.667}\n"; } >r.yaml &&
	status 1 tpa-appraise -q --village . --rules r.yaml -o a.csv "$D/primary.csv" "$D/votes.csv" 2>err &&
	grep -q "20 representatives present, 21 needed" err &&
	meeting 800 21 5 30 && status 0 tpa-appraise -q --village . --rules r.yaml -o a.csv "$D/primary.csv" "$D/votes.csv"'

expect "bad vote rows are reported with their line and set aside; a row for a household not eligible is only counted" '
	meeting 800 20 5 &&
	printf "household_id,votes_for,votes_against,votes_abstain\nA1,15,5,1\nA3,x,1,1\nA4,11,9,0\nA4,12,8,0\nZZ,1,1,1\nA5,20,0,0\n" >v.csv &&
	tpa-appraise -q --village . -o a.csv "$D/primary.csv" v.csv 2>err &&
	grep -q "^tpa-appraise: v.csv:2: household A1: more votes than representatives (21 votes, 20 representatives present)" err &&
	grep -q "^tpa-appraise: v.csv:3: household A3: the votes are not whole numbers" err &&
	grep -q "^tpa-appraise: v.csv:5: household A4 has a second vote row" err &&
	grep -q "^tpa-appraise: v.csv:6: household \"ZZ\" is not in the list" err &&
	! grep -q "A5" err &&
	tpa-appraise --village . -o a.csv "$D/primary.csv" v.csv 2>err &&
	grep -qx "1 vote row for a household that is not eligible changes nothing" err &&
	grep -q "^371323105201,A1,.*,not_appraised,BAD_VOTE,,,,$" a.csv &&
	grep -q "^371323105201,A3,.*,not_appraised,BAD_VOTE,,,,$" a.csv &&
	grep -q "^371323105201,A4,.*,not_appraised,BAD_VOTE,,,,$" a.csv &&
	grep -q "^371323105201,A2,.*,not_appraised,C1;NO_VOTE,,,,$" a.csv &&
	grep -q "^371323105201,A5,.*,above_line,INCOME,,,,$" a.csv'

# Sample: 32 present, so 17 votes pass (H037) and 16 do not (H036); quota
# 20 people: H033 1 + H037 6 + H031 4 + H001 2 + H032 3 = 16; H034 (5) does
# not fit, H002 comes after it. H032 and H034 share 2400.00: H032 has more
# votes. H038 has no vote row; H039 counts 35 votes for 32 present.
expect "sample village: the appraised list worked out by hand" '
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ && sample_rules county &&
	cd county/2015/371323105201 &&
	cp "$DATA/sample/primary.expected" primary.csv &&
	tpa-appraise -q --village . -o appraised.csv primary.csv votes.csv 2>err &&
	same appraised.csv "$DATA/sample/appraised.expected" &&
	! grep -q "H004" err &&
	grep -q "^appraised.csv,[0-9a-f]\{64\},appraise," PROVENANCE.csv'

expect "a vote row for a household not eligible (H004) is counted once in the summary, not warned" '
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ && sample_rules county &&
	cd county/2015/371323105201 &&
	cp "$DATA/sample/primary.expected" primary.csv &&
	tpa-appraise --village . -o appraised.csv primary.csv votes.csv 2>err &&
	! grep -q "H004" err &&
	grep -qx "1 vote row for a household that is not eligible changes nothing" err &&
	grep -q "votes.csv:12: household H039: more votes than representatives" err'

expect "missing representatives in village.yaml: exit 2" '
	printf "village:\n  code: \"371323105201\"\n  population: 800\nyear: 2015\n" >village.yaml &&
	status 2 tpa-appraise --village . --rules "$D/rules.yaml" -o a.csv "$D/primary.csv" "$D/votes.csv" 2>err &&
	grep -q "appraisal.representatives (present at the meeting) is missing" err && [ ! -e a.csv ]'

expect "a list that is not from tpa-survey: exit 2" '
	meeting 800 20 5 && printf "household_id,name\nA1,x\n" >p.csv &&
	status 2 tpa-appraise --village . -o a.csv p.csv "$D/votes.csv" 2>err &&
	grep -q "p.csv:1: required column village_code is missing" err'

# explain H: --explain of household H of the sample's 双河村 (its
# primary.csv as expected), into out, from that village's folder.
explain() {
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ && sample_rules county &&
	cd county/2015/371323105201 && cp "$DATA/sample/primary.expected" primary.csv &&
	tpa-appraise --village . --explain "$1" primary.csv votes.csv >out 2>/dev/null
}

# H034: 5 members, 2400.00 a person, 22 of 32 votes: passed, sixth by
# income (after H033 1500, H037 1800, H031 2000, H001 2100, H032 2400 with
# more votes); the five before it hold 1 + 6 + 4 + 2 + 3 = 16 people, and
# 16 + 5 = 21 is over the quota of 20.
expect "--explain: the vote, the quorum, the rank and the running total against the quota" '
	explain H034 &&
	grep -qx "民主评议：到会代表32人，至少需要30人：达到法定人数" out &&
	grep -qx "表决：赞成22票，反对10票，弃权0票；赞成票须超过到会代表32人的一半：通过" out &&
	grep -q "^排序：通过评议的户中第6位" out &&
	grep -qx "规模：20人；排在前面已纳入16人，加上本户5人共21人 → 超出规模（over_quota）" out &&
	grep -qx "结论：超出规模（over_quota）  增加原因：SCALE" out && [ ! -e appraised.csv ]'

# H002: 3 members, 3000.17 a person, passed, seventh: 16 + 3 = 19 would
# fit, but the quota closed at H034 (sixth, 16 + 5 = 21), and every
# household from it on is over the quota (decide/appraisal.c).
expect "--explain of a household after the cut: it names the household the quota closed at, not a running total that fits" '
	explain H002 &&
	grep -q "^排序：通过评议的户中第7位" out &&
	grep -qx "规模：20人；排在前面的H034（第6位，5人）已放不下（已纳入16人，加上该户共21人），从该户起其后各户均超出规模 → 超出规模（over_quota）" out &&
	! grep -q "共19人" out'

