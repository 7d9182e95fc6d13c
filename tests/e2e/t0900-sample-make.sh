#!/bin/sh
# The sample county through the village Makefile, as a county office runs it.
. "$(dirname "$0")/../cli/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)/village.mk
DATA=$(cd "$(dirname "$0")/../cli/data" && pwd)

county() {
	mkdir -p "$1" && cp -R "$SAMPLE/county/." "$1/" && mkdir -p "$1/rules" &&
	cp "$SAMPLE/../rules/"*.yaml "$1/rules/"
}
vmake() {
	make -s -C "$1" TPA_MK="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 ${2:-}
}

expect "make runs every stage and the lists are the hand-checked ones" '
	county c && vmake c/2015/371323105201 2>log &&
	d=c/2015/371323105201 &&
	same $d/applicants.csv "$DATA/sample/applicants.expected" &&
	same $d/primary.csv "$DATA/sample/primary.expected" &&
	same $d/appraised.csv "$DATA/sample/appraised.expected" &&
	same $d/publicized-village.csv "$DATA/sample/publicized-village.expected" &&
	for f in notice-village.html notice-town.html notice-county.html letters-village.html letters-town.html letters-county.html publicized-town.csv publicized-county.csv resurvey.csv PROVENANCE.csv; do
		[ -s $d/$f ] || { echo "no $f"; exit 1; }
	done &&
	[ "$(tail -n +2 $d/PROVENANCE.csv | cut -d, -f1 | tr "\n" " ")" = "applicants.csv appraised.csv letters-county.html letters-town.html letters-village.html notice-county.html notice-town.html notice-village.html primary.csv publicized-county.csv publicized-town.csv publicized-village.csv registry/cards.html registry/history.csv registry/households.csv registry/members.csv registry/stats.csv registry/stats.svg rejects-apply.csv rejects-survey.csv resurvey.csv " ]'

expect "every PROVENANCE hash matches the file it names" '
	county c && vmake c/2015/371323105201 2>log && cd c/2015/371323105201 &&
	tail -n +2 PROVENANCE.csv | while IFS=, read out sha rest; do
		[ "$(sha256sum "$out" | cut -c1-64)" = "$sha" ] || { echo "$out"; exit 1; }
	done'

expect "the same run elsewhere, in another locale and time zone, is byte-identical" '
	county a && county b && vmake a/2015/371323105201 2>/dev/null &&
	(export LC_ALL=C TZ=Pacific/Kiritimati; vmake b/2015/371323105201 2>/dev/null) &&
	diff -r a b'

expect "a level whose objections are not in yet stops make with a clear message" '
	county c && rm c/2015/371323105201/objections-town.csv &&
	! vmake c/2015/371323105201 2>err &&
	grep -qx "tpa: waiting for objections-town.csv: post notice-town.html; when its period is over, record the objections there (a header row alone if there were none) and run make again" err &&
	[ -f c/2015/371323105201/notice-town.html ] && [ ! -f c/2015/371323105201/publicized-town.csv ] &&
	vmake c/2015/371323105201 notice 2>/dev/null'

expect "a pending objection stops make; once decided, make goes on" '
	county c && d=c/2015/371323105201 &&
	printf "household_id,about,received,kind,summary,outcome,decided,decided_by\nH032,,2015-06-07,wrongly_included,x,pending,,\n" >$d/objections-village.csv &&
	! vmake $d 2>err && grep -q "still pending" err &&
	grep -q ",H032,.*,pending," $d/publicized-village.csv && [ ! -f $d/notice-town.html ] &&
	! vmake $d 2>/dev/null &&
	sed -i "s/,pending,,/,dismissed,2015-06-10,村民代表会议/" $d/objections-village.csv &&
	vmake $d 2>/dev/null && grep -q ",H032,.*,confirmed," $d/publicized-county.csv'

expect "make install puts programs, man pages, rules, make rules and the Chinese messages in place" '
	make -s -C "$(dirname "$MK")/.." install DESTDIR="$PWD/root" PREFIX=/usr >/dev/null 2>&1 &&
	[ -x root/usr/bin/tpa ] && [ -x root/usr/bin/tpa-publicize ] && [ -f root/usr/share/man/man1/tpa-apply.1 ] &&
	[ -f root/usr/share/man/man5/tpa-rules.5 ] && [ -f root/usr/share/tpa/rules/example-2015.yaml ] &&
	[ -f root/usr/share/tpa/village.mk ] &&
	msgunfmt root/usr/share/locale/zh_CN/LC_MESSAGES/tpa.mo | grep -qx "msgstr \"申请受理：检查申请表，按户归并\"" &&
	root/usr/bin/tpa apply --version | grep -q "^tpa-apply (tpa)" &&
	make -s -C "$(dirname "$MK")/.." uninstall DESTDIR="$PWD/root" PREFIX=/usr >/dev/null 2>&1 &&
	[ ! -e root/usr/bin/tpa ] && [ ! -e root/usr/share/tpa ] &&
	[ ! -e root/usr/share/locale/zh_CN/LC_MESSAGES/tpa.mo ]'
