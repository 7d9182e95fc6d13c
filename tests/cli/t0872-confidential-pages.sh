#!/bin/sh
# Pages for one household each: the letters (tpa-publicize letter) hold
# every applicant household's income in its parts, its rule and its votes,
# and the household cards (tpa-file) its members: both are confidential,
# mode 0600 whatever the umask, made by hand or by make, replacing a file
# of another mode. The cards show ID numbers masked, never in full.
. "$(dirname "$0")/lib.sh"
eval "$(sed -n '/^RULES=/,/^# status YEAR HOUSEHOLD/p' "$(dirname "$0")/t0500-file.sh")"
V=$SAMPLE_FLAT/county/2015/371323105201

appraised_village() {
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ &&
	sample_rules county && cd county/2015/371323105201 &&
	cp "$DATA/sample/appraised.expected" appraised.csv
}

expect "letters at each level are 0600 under umask 022 and 000, replacing a 0644 file" '
	appraised_village &&
	(umask 022 && tpa-publicize letter -q --level village --village . -o letters-village.html appraised.csv) &&
	[ "$(stat -c %a letters-village.html)" = 600 ] &&
	chmod 644 letters-village.html && (umask 000 && tpa-publicize letter -q --level village --village . -o letters-village.html appraised.csv) &&
	[ "$(stat -c %a letters-village.html)" = 600 ] &&
	cp "$DATA/sample/publicized-village.expected" p.csv &&
	(umask 000 && tpa-publicize letter -q --level town --village . -o letters-town.html p.csv &&
	 tpa-publicize letter -q --level county --village . -o letters-county.html p.csv) &&
	[ "$(stat -c %a letters-town.html)" = 600 ] && [ "$(stat -c %a letters-county.html)" = 600 ]'

expect "make leaves letters and cards 0600 (nothing makes them readable again); the notices stay public" '
	years && (umask 022 && run 2015) && d=v/2015 &&
	for f in letters-village.html letters-town.html letters-county.html registry/cards.html; do
		[ "$(stat -c %a $d/$f)" = 600 ] || { echo "$f: $(stat -c %a $d/$f)"; exit 1; }
	done &&
	[ "$(stat -c %a $d/notice-village.html)" = 644 ]'

expect "the cards show ID numbers masked: no full ID of members.csv in cards.html" '
	years && run 2015 && run 2016 && r=v/2016/registry &&
	ids=$(awk -F, "NR == 1 { for (i = 1; i <= NF; i++) if (\$i == \"id_number\") c = i; next } { print \$c }" $r/members.csv) &&
	[ "$(echo "$ids" | wc -l)" -eq 7 ] &&
	for id in $ids; do
		! grep -q "$id" $r/cards.html || { echo "full $id"; exit 1; }
		m=$(echo "$id" | sed "s/^\(......\)........\(....\)$/\1********\2/") &&
		grep -qF "$m" $r/cards.html || { echo "no masked $m"; exit 1; }
	done &&
	! grep -Eq "[0-9]{17}[0-9X]" $r/cards.html'
