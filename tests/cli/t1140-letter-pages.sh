#!/bin/sh
# A letter is numbered within its household: each letter is laid out to
# fit one A4 page and its margin says 第 1 页，共 1 页, never the page's
# place in the file (a page counter runs over the whole file). The same
# for the cards of the registry. Read back from headless Chromium's PDF.
. "$(dirname "$0")/lib.sh"
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

# The fullest letters still keep to their page: a household whose list
# names every rule and code at once (two columns), and one removed after
# an objection whose summary is cut at its longest, under a long name.
expect "on paper: the fullest letters keep to one page each" '
	command -v chromium >/dev/null && command -v pdftotext >/dev/null && appraised_village &&
	long=$(printf "很%.0s" $(seq 1 130)) && name=$(printf "欧阳%.0s" $(seq 1 12)) &&
	sed -i "s/反映该户长期在外经商，收入较高/$long/" objections-village.csv &&
	sed -i "s/,李志刚,/,$name,/; s/,excluded,X1;X2,/,excluded,X1;X2;X3;C1;C2;INCOME;VOTE;SCALE;SURVEY_MISSING,/" appraised.csv &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	tpa-publicize letter -q --level town --village . -o t.html publicized-village.csv &&
	grep -q "<ul class=\"reasons many\">" t.html && grep -q "很……。经调查核实，异议成立" t.html &&
	m=$(tail -n +2 publicized-village.csv | wc -l) && pdf t.html t.pdf && one_each t.pdf "$m"'
