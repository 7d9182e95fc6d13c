#!/bin/sh
# In an area (tpa-area(5)) the town's objections are the town's file,
# town-T/objections-town.csv, and the county's county-C/objections-county.csv,
# each with a village_code column: a village's resolve takes only its own
# rows, records only them in PROVENANCE.csv, and waits until the owner has
# closed the posting (villages.csv town_closed, county.yaml
# publicity.closed). An objections-town.csv in the village folder is never
# read.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-area-sample.sh"

expect "each village's town resolve takes only its own rows of the town's objections-town.csv: A's upheld objection removes A's H031 and nothing of B; B's upheld one removes B's 002 and nothing of A" '
	area && objections && closed 371323105201 2015-06-21 && closed 371323105202 2015-06-22 &&
	resolve $A && resolve $B &&
	[ "$(decision $A/publicized-town.csv H031)" = removed ] &&
	[ "$(decision $A/publicized-town.csv H032)" = confirmed ] &&
	[ "$(decision $A/publicized-town.csv H001)" = confirmed ] &&
	[ "$(decision $B/publicized-town.csv 001)" = confirmed ] &&
	[ "$(decision $B/publicized-town.csv 002)" = removed ] &&
	[ "$(decision $B/publicized-town.csv 003)" = confirmed ] &&
	[ "$(grep -c ",removed,.*OBJECTION" $A/publicized-town.csv)" -ge 1 ] &&
	[ "$(awk -F, "\$8 == \"removed\"" $B/publicized-town.csv | wc -l)" = 1 ]'

expect "PROVENANCE.csv records the town file as FILE#VILLAGE with the SHA-256 of the village's rows as name=value lines; .tpa-deps.mk names the file itself" '
	area && objections && closed 371323105201 2015-06-21 && resolve $A &&
	sha=$(printf "village_code=371323105201\nhousehold_id=H031\nabout=\nreceived=2015-06-16\nkind=wrongly_included\nsummary=has a car\noutcome=upheld\ndecided=2015-06-19\ndecided_by=town office\n" | sha256sum | cut -c1-64) &&
	grep "^publicized-town.csv," $A/PROVENANCE.csv | grep -q "\.\./town-371323105/objections-town\.csv#371323105201@$sha" &&
	! grep "^publicized-town.csv," $A/PROVENANCE.csv | grep -q "objections-town\.csv@" &&
	grep "^publicized-town.csv:" $A/.tpa-deps.mk | grep -q " \.\./town-371323105/objections-town\.csv " &&
	! grep -q "objections-town.csv\\\\#" $A/.tpa-deps.mk'

expect "editing, adding or removing B's rows changes nothing in A's PROVENANCE.csv nor in A's list" '
	area && objections && closed 371323105201 2015-06-21 && resolve $A &&
	cp $A/PROVENANCE.csv p1 && cp $A/publicized-town.csv l1 &&
	sed -i "s/^371323105202,001,\(.*\),dismissed,/371323105202,001,\1,upheld,/" $T/objections-town.csv &&
	{ head -1 $T/objections-town.csv; echo "371323105202,005,,2015-06-18,data_error,z,dismissed,2015-06-19,town"; tail -n +2 $T/objections-town.csv; } >o && mv o $T/objections-town.csv &&
	resolve $A && same $A/PROVENANCE.csv p1 && same $A/publicized-town.csv l1 &&
	grep -v "^371323105202," $T/objections-town.csv >o && mv o $T/objections-town.csv &&
	resolve $A && same $A/PROVENANCE.csv p1 &&
	sed -i "s/has a car/owns a car/" $T/objections-town.csv && resolve $A &&
	! cmp -s $A/PROVENANCE.csv p1'

expect "until the town closes the village posting, resolve --level town waits: one line naming villages.csv, exit 1, nothing written; once town_closed is set it proceeds" '
	area && objections && cp $A/resurvey.csv r0 && cp $A/PROVENANCE.csv p0 &&
	(cd $A && status 1 tpa-publicize resolve --level town --village village.yaml -o publicized-town.csv publicized-village.csv ../town-371323105/objections-town.csv) 2>err &&
	[ "$(wc -l <err)" = 1 ] &&
	grep -qx "tpa-publicize: the town has not closed the posting of 371323105201: its objections are not final; set town_closed in ../town-371323105/villages.csv" err &&
	[ ! -e $A/publicized-town.csv ] && same $A/resurvey.csv r0 && same $A/PROVENANCE.csv p0 &&
	! grep -q publicized-town $A/.tpa-blocked.mk 2>/dev/null &&
	closed 371323105202 2015-06-21 && (cd $A && status 1 tpa-publicize resolve -q --level town --village village.yaml -o publicized-town.csv publicized-village.csv ../town-371323105/objections-town.csv) 2>/dev/null &&
	closed 371323105201 2015-06-21 && status 0 resolve $A && [ -f $A/publicized-town.csv ]'

expect "town.yaml publicity.closed closes every village whose town_closed is empty" '
	area && objections && sed -i "s/^#   closed:/  closed:/" $T/town.yaml &&
	grep -q "^  closed: 2015-06-21" $T/town.yaml &&
	status 0 resolve $A && status 0 resolve $B'

expect "a closing date on or before the end of the posting is refused: DATE_ORDER naming villages.csv and the line (exit 2, nothing written)" '
	area && objections && closed 371323105201 2015-06-20 &&
	(cd $A && status 2 tpa-publicize resolve --level town --village village.yaml -o publicized-town.csv publicized-village.csv ../town-371323105/objections-town.csv) 2>err &&
	grep -q "villages.csv:2: town_closed 2015-06-20 of village 371323105201 is not after the end of its posting 2015-06-20 (DATE_ORDER)" err &&
	[ ! -e $A/publicized-town.csv ] &&
	closed 371323105201 2015-06-01 && (cd $A && status 2 tpa-publicize resolve -q --level town --village village.yaml -o publicized-town.csv publicized-village.csv ../town-371323105/objections-town.csv) 2>err &&
	grep -q "DATE_ORDER" err && [ ! -e $A/publicized-town.csv ]'

expect "a row of the town file with an empty or unknown village_code is an error naming the file and line (exit 2); so is a file without the village_code column" '
	area && objections && closed 371323105201 2015-06-21 &&
	echo ",H032,,2015-06-16,wrongly_included,x,upheld,2015-06-19,town" >>$T/objections-town.csv &&
	echo "371323105299,H032,,2015-06-16,wrongly_included,x,upheld,2015-06-19,town" >>$T/objections-town.csv &&
	(cd $A && status 2 tpa-publicize resolve -q --level town --village village.yaml -o publicized-town.csv publicized-village.csv ../town-371323105/objections-town.csv) 2>err &&
	grep -q "objections-town.csv:5: village_code is empty" err &&
	grep -q "objections-town.csv:6: village_code \"371323105299\" is not a village" err &&
	[ ! -e $A/publicized-town.csv ] &&
	printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n" >$T/objections-town.csv &&
	(cd $A && status 2 tpa-publicize resolve -q --level town --village village.yaml -o publicized-town.csv publicized-village.csv ../town-371323105/objections-town.csv) 2>err &&
	grep -q "objections-town.csv:1: required column village_code .*is missing" err'

expect "an objections-town.csv in the village folder is never read: naming it is an error naming the town file, and with the town file its upheld objection changes nothing" '
	area && objections && closed 371323105201 2015-06-21 &&
	{ echo "household_id,about,received,kind,summary,outcome,decided,decided_by";
	  echo "H032,,2015-06-16,wrongly_included,rival,upheld,2015-06-19,county office"; } >$A/objections-town.csv &&
	(cd $A && status 2 tpa-publicize resolve --level town --village village.yaml -o publicized-town.csv publicized-village.csv objections-town.csv) 2>err &&
	grep -q "in an area the town.s objections are read from .*town-371323105/objections-town.csv, never from objections-town.csv" err &&
	[ ! -e $A/publicized-town.csv ] &&
	resolve $A && [ "$(decision $A/publicized-town.csv H032)" = confirmed ] &&
	! grep "^publicized-town.csv," $A/PROVENANCE.csv | grep -q "[,;]objections-town.csv@"'

expect "the county: resolve --level county waits for county.yaml publicity.closed, then takes the village rows of county-C/objections-county.csv (and of the town file for the worklist)" '
	area && objections && closed 371323105201 2015-06-21 && resolve $A &&
	{ echo "$HEAD"; echo "371323105201,H032,,2015-06-22,wrongly_included,a,upheld,2015-06-24,county office";
	  echo "371323105202,002,,2015-06-22,wrongly_included,b,upheld,2015-06-24,county office"; } >$CO/objections-county.csv &&
	(cd $A && status 1 tpa-publicize resolve --level county --village village.yaml -o publicized-county.csv publicized-town.csv ../county-371323/objections-county.csv) 2>err &&
	grep -qx "tpa-publicize: the county has not closed the announcement of 371323105201: its objections are not final; set publicity.closed in .*county-371323/county.yaml" err &&
	[ ! -e $A/publicized-county.csv ] &&
	sed -i "s/^#   closed: 2015-06-26/  closed: 2015-06-25/" $CO/county.yaml &&
	(cd $A && status 2 tpa-publicize resolve -q --level county --village village.yaml -o publicized-county.csv publicized-town.csv ../county-371323/objections-county.csv) 2>err &&
	grep -q "county.yaml: publicity.closed 2015-06-25 is not after the end of the announcement 2015-06-25 (DATE_ORDER)" err &&
	sed -i "s/^  closed: 2015-06-25/  closed: 2015-06-26/" $CO/county.yaml &&
	resolve $A county && [ "$(decision $A/publicized-county.csv H032)" = removed ] &&
	[ "$(decision $A/publicized-county.csv H037)" = confirmed ] &&
	grep "^publicized-county.csv," $A/PROVENANCE.csv | grep -q "\.\./county-371323/objections-county\.csv#371323105201@" &&
	grep "^publicized-county.csv," $A/PROVENANCE.csv | grep -q "\.\./town-371323105/objections-town\.csv#371323105201@"'

expect "outside an area a town objections file is the village folder's, read whole, no village_code needed, no closing date" '
	area && rm -rf $T $CO && cp "$SAMPLE_FLAT/county/2015/371323105201/village.yaml" $A/ && (cd $A && printf "household_id,about,received,kind,summary,outcome,decided,decided_by\nH031,,2015-06-16,wrongly_included,x,upheld,2015-06-19,town\n" >objections-town.csv &&
	tpa-publicize resolve -q --level town --village village.yaml -o publicized-town.csv publicized-village.csv objections-town.csv) &&
	grep "^publicized-town.csv," $A/PROVENANCE.csv | grep -q ";objections-town.csv@" &&
	[ "$(decision $A/publicized-town.csv H031)" = removed ]'

expect "with --town and --county a village folder away from its area reads the town's file there: resolve waits until the town closes its posting, then takes only the village's rows" '
	area && objections && mkdir w && mv $A w/ &&
	r() { (cd w/371323105201 && tpa-publicize resolve -q --level town --village village.yaml \
	    --town ../../$T --county ../../$CO -o publicized-town.csv publicized-village.csv \
	    ../../$T/objections-town.csv); } &&
	status 1 r 2>err && grep -q "set town_closed in ../../$T/villages.csv" err &&
	[ ! -e w/371323105201/publicized-town.csv ] &&
	closed 371323105201 2015-06-21 && r &&
	[ "$(decision w/371323105201/publicized-town.csv H031)" = removed ] &&
	[ "$(decision w/371323105201/publicized-town.csv H032)" = confirmed ] &&
	grep "^publicized-town.csv," w/371323105201/PROVENANCE.csv | grep -q "objections-town\.csv#371323105201@"'
