#!/bin/sh
# A letter is numbered within its household: each letter is laid out to
# fit one A4 page and its margin says 第 1 页，共 1 页, never the page's
# place in the file (a page counter runs over the whole file). The same
# for the cards of the registry. Read back from headless Chromium's PDF.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "prints through Chromium; t0410 runs the letters under memcheck"
V=$SAMPLE_FLAT/county/2015/371323105201

appraised_village() {
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ &&
	sample_rules county && cd county/2015/371323105201 &&
	cp "$DATA/sample/appraised.expected" appraised.csv
}

pdf() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update --disable-sync \
	    --user-data-dir="$PWD/chrome-$2" --no-pdf-header-footer --print-to-pdf="$PWD/$2" \
	    "file://$PWD/$1" 2>/dev/null && [ -s "$2" ]
}

pages() {
	pdfinfo "$1" | sed -n "s/^Pages: *//p"
}

# one_each PDF N: N pages, each saying page 1 of 1 and no other number.
one_each() {
	[ "$(pages "$1")" -eq "$2" ] || { echo "$1: $(pages "$1") pages, not $2"; return 1; }
	i=0
	while [ "$i" -lt "$2" ]; do
		i=$((i + 1))
		t=$(pdftotext -f "$i" -l "$i" "$1" - | tr -d " \n")
		echo "$t" | grep -q "第1页，共1页" || { echo "$1 page $i: no 第1页，共1页"; return 1; }
		! echo "$t" | grep -q "第[02-9][0-9]*页\|共[02-9][0-9]*页\|第1[0-9]\+页" ||
		    { echo "$1 page $i: counts the file"; return 1; }
	done
}

expect "the style of letters holds no page counter; the notice's still counts its pages" '
	appraised_village &&
	tpa-publicize letter -q --level village --village . -o l.html appraised.csv &&
	tpa-publicize notice -q --level village --village . -o n.html appraised.csv &&
	grep -q "content: \"第 1 页，共 1 页\"" l.html && ! grep -q "counter(page" l.html &&
	grep -q "counter(pages)" n.html &&
	echo "language: en" >>village.yaml &&
	tpa-publicize letter -q --level village --village . -o e.html appraised.csv &&
	grep -q "content: \"page 1 of 1\"" e.html && ! grep -q "counter(page" e.html'

expect "on paper: as many pages as households, each 第1页，共1页, at every level" '
	command -v chromium >/dev/null && command -v pdftotext >/dev/null && appraised_village &&
	tpa-publicize letter -q --level village --village . -o l.html appraised.csv &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	tpa-publicize letter -q --level town --village . -o t.html publicized-village.csv &&
	n=$(tail -n +2 appraised.csv | wc -l) && [ "$n" -eq 15 ] &&
	m=$(tail -n +2 publicized-village.csv | wc -l) &&
	{ pdf l.html l.pdf & pdf t.html t.pdf && wait $!; } &&
	one_each l.pdf "$n" && one_each t.pdf "$m"'
