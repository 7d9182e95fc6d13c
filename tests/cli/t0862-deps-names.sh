#!/bin/sh
# .tpa-deps.mk names what each output was made from, so that make runs a
# stage again when one of them changes. A rules file, an included rules
# file, a columns file or an input whose name make cannot write in a rule
# (a line end, a tab, %, =, ; or a backslash) would be left out, and
# editing it would re-run nothing: the stage refuses it (exit 2, nothing
# written) wherever it writes .tpa-deps.mk.
. "$(dirname "$0")/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)
NL='
'

# sample FOLDER: 双河村 of 2015 in FOLDER/2015/371323105201, its rules
# beside it (../../rules/, ../../columns.yaml), applicants.csv made; the
# village folder becomes the current one.
sample() {
	mkdir -p "$1/2015" && cp -R "$SAMPLE_FLAT/county/2015/371323105201" "$1/2015/" &&
	sample_rules "$1" && cd "$1/2015/371323105201" && rm -f Makefile &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	cp PROVENANCE.csv p.ref && cp .tpa-deps.mk d.ref
}
# survey: tpa-survey as make runs it.
survey() {
	tpa-survey --village village.yaml -o primary.csv applicants.csv survey.csv "$@"
}
# nothing_written: no primary.csv, the record as it was.
nothing_written() {
	[ ! -e primary.csv ] && same PROVENANCE.csv p.ref && same .tpa-deps.mk d.ref &&
	[ -z "$(find . -name ".*.tmp-*")" ]
}

expect "a rules file whose name holds a line end: exit 2 naming it on one line, nothing written" '
	sample c && mv ../../rules/yishui-2015.yaml "../../rules/yishui${NL}2015.yaml" &&
	sed -i "s|^rules: .*|rules: \"../../rules/yishui\\\\n2015.yaml\"|" village.yaml &&
	{ status 2 survey 2>err; } && [ "$(wc -l <err)" -eq 1 ] &&
	grep -q "^tpa-survey: ../../rules/yishui.n2015.yaml: make cannot name this file in .tpa-deps.mk" err &&
	nothing_written
'

expect "a rules file included by the rules, its name holding a tab: exit 2 naming it" '
	sample c && mv ../../rules/procedure.yaml "../../rules/proce	dure.yaml" &&
	sed -i "s|\[procedure.yaml\]|[\"proce\\\\tdure.yaml\"]|" ../../rules/yishui-2015.yaml &&
	grep -q "proce.*tdure" ../../rules/yishui-2015.yaml &&
	{ status 2 survey 2>err; } &&
	grep -q "proce.tdure.yaml: make cannot name this file in .tpa-deps.mk" err && nothing_written
'

expect "a columns file named with % and a --rules file named with ; or =: exit 2 each, nothing written" '
	sample c && mv ../../columns.yaml "../../col%umns.yaml" &&
	sed -i "s|^columns: .*|columns: ../../col%umns.yaml|" village.yaml &&
	{ status 2 survey 2>err; } &&
	grep -q "col%umns.yaml: make cannot name" err && nothing_written &&
	mv "../../col%umns.yaml" ../../columns.yaml && sed -i "s|^columns: .*|columns: ../../columns.yaml|" village.yaml &&
	cp ../../rules/yishui-2015.yaml "../../rules/a;b.yaml" && cp ../../rules/yishui-2015.yaml "../../rules/a=b.yaml" &&
	{ status 2 tpa-survey --village village.yaml --rules "../../rules/a;b.yaml" -o primary.csv applicants.csv survey.csv 2>err; } &&
	grep -q "a;b.yaml: make cannot name" err && [ ! -e primary.csv ] &&
	{ status 2 tpa-survey --village village.yaml --rules "../../rules/a=b.yaml" -o primary.csv applicants.csv survey.csv 2>err; } &&
	grep -q "a=b.yaml: make cannot name" err && [ ! -e primary.csv ]
'

expect "a name with a space, # or : is written escaped, and make reads it: editing the rules re-runs the stage" '
	sample c && mv ../../rules/yishui-2015.yaml "../../rules/yishui 2015#1:x.yaml" &&
	sed -i "s|^rules: .*|rules: \"../../rules/yishui 2015#1:x.yaml\"|" village.yaml &&
	survey -q && grep -q "yishui\\\\ 2015\\\\#1\\\\:x.yaml" .tpa-deps.mk &&
	echo "include $MK/village.mk" >Makefile &&
	find ../.. -exec touch -d "-1 hour" {} + && make -q TPA_BIN="$TPA_BIN" primary.csv &&
	touch "../../rules/yishui 2015#1:x.yaml" && ! make -q TPA_BIN="$TPA_BIN" primary.csv
'
