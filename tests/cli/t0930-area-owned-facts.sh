#!/bin/sh
# In a county's area the stages take what the town and the county own
# from town.yaml, villages.csv and county.yaml, never from village.yaml
# (tpa-area(5)); a village.yaml that sets them is refused naming the
# owner's file.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-area.sh"

V=2015/371323105201

expect "population and quota come from villages.csv: 800 people need 20 present, quota 5 of the row" '
	area && status 0 appraise 371323105201 &&
	same $V/appraised.csv "$D/appraised-quota5.expected" &&
	sed -i "s/^371323105201,双河村,800,200,no,5,/371323105201,双河村,800,200,no,4,/" 2015/town-371323105/villages.csv &&
	status 0 appraise 371323105201 && same $V/appraised.csv "$D/appraised-quota4.expected"'

expect "changing population in villages.csv changes the quorum needed: 1,200 people need 30 present" '
	area && sed -i "s/^371323105201,双河村,800,/371323105201,双河村,1200,/" 2015/town-371323105/villages.csv &&
	status 1 appraise 371323105201 2>err &&
	grep -q "20 representatives present, 30 needed for a village of 1200 people" err'

# refused KEY LINE YAML OWNER: village.yaml with YAML added is refused at
# LINE:1 with "KEY is the OWNER" naming the owner file.
refused() {
	area && printf "%s\n" "$3" >>$V/village.yaml &&
	status 2 appraise 371323105201 2>err && cat err &&
	grep -qF "./village.yaml:$2: $1 is the $4" err && [ ! -e $V/appraised.csv ]
}

expect "quota in village.yaml is refused, naming the town's villages.csv (exit 2, nothing written)" '
	refused quota 8:1 "quota: 9" "town'"'"'s: set it in ../town-371323105/villages.csv"'

expect "population in village.yaml is refused, naming villages.csv" '
	area && sed -i "s/^  name: 村371323105201/&\n  population: 600/" $V/village.yaml &&
	status 2 appraise 371323105201 2>err &&
	grep -qF "./village.yaml:4:3: village.population is the town'"'"'s: set it in ../town-371323105/villages.csv" err'

expect "key_village in village.yaml is refused, naming villages.csv" '
	area && sed -i "s/^  name: 村371323105201/&\n  key_village: yes/" $V/village.yaml &&
	status 2 appraise 371323105201 2>err &&
	grep -qF "./village.yaml:4:3: village.key_village is the town'"'"'s: set it in ../town-371323105/villages.csv" err'

expect "publicity.town in village.yaml is refused, naming villages.csv; publicity.county naming county.yaml" '
	refused publicity.town 9:3 "publicity:
  town: {start: 2015-06-10, end: 2015-06-14}" "town'"'"'s: set it in ../town-371323105/villages.csv" &&
	refused publicity.county 9:3 "publicity:
  county: {start: 2015-06-21, end: 2015-06-25}" "county'"'"'s: set it in ../county-371323/county.yaml"'

expect "rules and columns in village.yaml are refused, naming county.yaml" '
	area && cp 2015/county-371323/rules.yaml $V/mine.yaml &&
	refused rules 8:1 "rules: mine.yaml" "county'"'"'s: set it in ../county-371323/county.yaml" &&
	rm -rf 2015 && area && printf "aliases: {}\n" >$V/cols.yaml &&
	refused columns 8:1 "columns: cols.yaml" "county'"'"'s: set it in ../county-371323/county.yaml"'

expect "previous in village.yaml is refused, naming villages.csv (its previous_code)" '
	area && mkdir -p $V/last &&
	refused previous 8:1 "previous: last" "town'"'"'s: set it in ../town-371323105/villages.csv"'

expect "contacts in village.yaml are refused, naming town.yaml and county.yaml" '
	area && printf "contacts:\n  town: 我的手机 13900000000\n" >>$V/village.yaml &&
	status 2 appraise 371323105201 2>err &&
	grep -qF "./village.yaml:8:1: contacts are the town'"'"'s and the county'"'"'s: set them in ../town-371323105/town.yaml and ../county-371323/county.yaml" err'

expect "village.town or village.county other than town.yaml's or county.yaml's name is refused; the same names are fine" '
	area && sed -i "s/^  name: 村371323105201/&\n  town: 镇105\n  county: 沂水县/" $V/village.yaml &&
	status 0 appraise 371323105201 &&
	sed -i "s/^  town: 镇105/  town: 别镇/" $V/village.yaml &&
	status 2 appraise 371323105201 2>err &&
	grep -qF "./village.yaml:4:3: village.town \"别镇\" is not the town'"'"'s name \"镇105\" in ../town-371323105/town.yaml" err &&
	sed -i "s/^  town: 别镇/  town: 镇105/; s/^  county: 沂水县/  county: 别县/" $V/village.yaml &&
	status 2 appraise 371323105201 2>err &&
	grep -qF "./village.yaml:5:3: village.county \"别县\" is not the county'"'"'s name \"沂水县\" in ../county-371323/county.yaml" err'

expect "a village not listed in its town's villages.csv is refused (exit 2)" '
	area && sed -i "/^371323105201,/d" 2015/town-371323105/villages.csv &&
	status 2 appraise 371323105201 2>err &&
	grep -qF "./village.yaml: village 371323105201 is not listed in ../town-371323105/villages.csv" err'

expect "a village.yaml year other than the county's is refused" '
	area && sed -i "s/^year: 2015/year: 2016/" $V/village.yaml &&
	status 2 appraise 371323105201 2>err &&
	grep -qF "./village.yaml:4:1: year 2016 is not the county'"'"'s year 2015 in ../county-371323/county.yaml" err'

expect "an empty town or county contact is an error naming its file, never replaced by the village's" '
	area && sed -i "s/^  name: 村371323105201/&\n  contact: 村委会/" $V/village.yaml &&
	sed -i "s/^  contact: .*/  contact: \"\"/" 2015/town-371323105/town.yaml &&
	status 2 appraise 371323105201 2>err && grep -q "town-371323105/town.yaml:4:.*contact" err &&
	rm -rf 2015 && area && sed -i "/^  contact: /d" 2015/county-371323/county.yaml &&
	status 2 appraise 371323105201 2>err && grep -q "county-371323/county.yaml:.*contact" err'

expect "--rules and --columns are errors in an area: the county's county.yaml decides" '
	area && status 2 appraise 371323105201 --rules 2015/county-371323/rules.yaml 2>err &&
	grep -qF "tpa-appraise: --rules: village 371323105201 is in a county'"'"'s area: the county'"'"'s ../county-371323/county.yaml decides, not --rules" err &&
	printf "aliases: {}\n" >c.yaml && status 2 appraise 371323105201 --columns "$PWD/c.yaml" 2>err &&
	grep -qF "county.yaml decides, not --columns" err'

expect "a town with its own rules (rules_by_town) has them: 20 present are no quorum there (25 needed), and are in a town under the county's rules" '
	area && status 1 appraise 371323106201 2>err && grep -q "20 representatives present, 25 needed" err &&
	grep -q "^appraised.csv,[0-9a-f]*,appraise,[^,]*,../county-371323/rules-106.yaml,.*county.yaml#rules_by_town.371323106@" 2015/371323106201/PROVENANCE.csv &&
	status 0 appraise 371323105201 &&
	grep -q "^appraised.csv,[0-9a-f]*,appraise,[^,]*,../county-371323/rules.yaml,.*county.yaml#rules@" $V/PROVENANCE.csv'

expect "PROVENANCE.csv records the villages.csv row used, and an edit of another village's row leaves it identical" '
	area && appraise 371323105201 &&
	grep -q "../town-371323105/villages.csv#371323105201@[0-9a-f]\{64\}" $V/PROVENANCE.csv &&
	! grep -q "villages.csv@\|villages.csv#371323105202" $V/PROVENANCE.csv &&
	cp $V/PROVENANCE.csv before.csv &&
	sed -i "s/^371323105202,李庄村,1200,/371323105202,李庄村,1500,/" 2015/town-371323105/villages.csv &&
	appraise 371323105201 && same $V/PROVENANCE.csv before.csv &&
	sed -i "s/^371323105201,双河村,800,200,no,5,/371323105201,双河村,800,200,no,6,/" 2015/town-371323105/villages.csv &&
	appraise 371323105201 && ! cmp -s $V/PROVENANCE.csv before.csv'

expect "a village folder outside an area keeps village.yaml's population, quota and rules as before" '
	mkdir -p 2015/371323105201 && cd 2015/371323105201 &&
	printf "village:\n  code: \"371323105201\"\n  name: 双河村\n  population: 800\nyear: 2015\nrules: %s/rules.yaml\nquota: 4\nappraisal:\n  date: 2015-06-03\n  representatives: 20\n" "$D" >village.yaml &&
	tpa-appraise -q --village . -o appraised.csv "$D/primary.csv" "$D/votes.csv" &&
	same appraised.csv "$D/appraised-quota4.expected" &&
	! grep -q "#" PROVENANCE.csv'

expect "--town DIR and --county DIR name the area's folders elsewhere: the facts are theirs, and a village folder beside none is then in an area" '
	area && mkdir elsewhere && mv 2015/town-371323105 2015/county-371323 elsewhere/ &&
	rm -rf 2015/town-371323106 && mv $V v && cd v &&
	sed -i "s/^371323105201,双河村,800,/371323105201,双河村,1200,/" ../elsewhere/town-371323105/villages.csv &&
	status 1 tpa-appraise -q --village . --town ../elsewhere/town-371323105 --county ../elsewhere/county-371323 \
	    -o appraised.csv "$D/primary.csv" "$D/votes.csv" 2>err &&
	grep -q "20 representatives present, 30 needed for a village of 1200 people" err &&
	grep -q "../elsewhere/town-371323105/villages.csv#371323105201@" PROVENANCE.csv &&
	printf "quota: 9\n" >>village.yaml &&
	status 2 tpa-appraise -q --village . --town ../elsewhere/town-371323105 --county ../elsewhere/county-371323 \
	    -o appraised.csv "$D/primary.csv" "$D/votes.csv" 2>err &&
	grep -qF "quota is the town'"'"'s: set it in ../elsewhere/town-371323105/villages.csv" err'

expect "-o over the county's county.yaml, the town's town.yaml or villages.csv is refused (exit 2), each left as it was" '
	area && cp 2015/county-371323/county.yaml c.yaml && cp 2015/town-371323105/town.yaml t.yaml &&
	cp 2015/town-371323105/villages.csv v.csv &&
	for f in ../county-371323/county.yaml ../town-371323105/town.yaml ../town-371323105/villages.csv; do
		(cd $V && status 2 tpa-appraise -q --village . -o $f "$D/primary.csv" "$D/votes.csv" 2>err &&
		    grep -q "is the same file as input" err) || exit 1
	done &&
	cmp c.yaml 2015/county-371323/county.yaml && cmp t.yaml 2015/town-371323105/town.yaml &&
	cmp v.csv 2015/town-371323105/villages.csv'

expect "a FIFO in place of town.yaml, villages.csv or county.yaml: exit 2 at once, not a regular file (not \"does not exist\")" '
	area && for f in town-371323105/town.yaml town-371323105/villages.csv county-371323/county.yaml; do
		mv 2015/$f keep && mkfifo 2015/$f &&
		(cd $V && status 2 timeout 20 tpa-appraise -q --village . -o a.csv "$D/primary.csv" "$D/votes.csv" 2>../../err) &&
		grep -q "not a regular file" err && ! grep -q "does not exist" err &&
		rm 2015/$f && mv keep 2015/$f || exit 1
	done'
