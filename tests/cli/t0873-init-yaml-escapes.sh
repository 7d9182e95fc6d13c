#!/bin/sh
# tpa-init --previous copies last year's facts into double-quoted YAML:
# every character YAML reads as a line break (LF, CR, U+0085, U+2028,
# U+2029) or refuses raw (C1 controls, U+FEFF; the loader refuses C0
# controls but TAB and LF anyway) is written as an escape, so that
# village.yaml reads back as it was written.
. "$(dirname "$0")/lib.sh"

# last year's village.yaml: its name and contact given with YAML escapes
last() {
	mkdir -p 2015/v && cat >2015/v/village.yaml <<'YAML'
village:
  code: "371323105201"
  name: "甲\L乙\P丙\N丁\x9f庚\t辛\"壬\\癸\uFEFF子\n寅\x80卯"
  contact: "村委会\L张主任\u2029 0539-1234567"
year: 2015
YAML
}

# The escapes, as they must be written, worked out by hand.
NAME='  name: "甲\L乙\P丙\N丁\x9F庚\t辛\"壬\\癸\uFEFF子\n寅\x80卯"'
CONTACT='  contact: "村委会\L张主任\P 0539-1234567"'

expect "line breaks, tabs and controls are escaped as YAML escapes, worked out by hand" '
	last && tpa-init -q --code 371323105201 --year 2016 --previous 2015/v 2016/v &&
	grep -F "  name: " 2016/v/village.yaml | sed "s/ *# .*//" >got &&
	printf "%s\n" "$NAME" >want && same got want &&
	grep -F "  contact: " 2016/v/village.yaml | sed "s/ *# .*//" >got &&
	printf "%s\n" "$CONTACT" >want && same got want &&
	! LC_ALL=C grep -q "$(printf "\342\200\250")" 2016/v/village.yaml &&
	! LC_ALL=C grep -q "$(printf "\302\205")" 2016/v/village.yaml'

expect "the village.yaml loader reads them back as written: a second tpa-init from it copies the same lines" '
	last && tpa-init -q --code 371323105201 --year 2016 --previous 2015/v 2016/v 2>/dev/null &&
	sed -i "/^previous: /d" 2016/v/village.yaml &&
	tpa-init -q --code 371323105201 --year 2017 --previous 2016/v 2017/v 2>/dev/null &&
	grep -F "  name: " 2017/v/village.yaml | sed "s/ *# .*//" >got &&
	printf "%s\n" "$NAME" >want && same got want &&
	grep -F "  contact: " 2017/v/village.yaml | sed "s/ *# .*//" >got &&
	printf "%s\n" "$CONTACT" >want && same got want'

if python3 -c "import yaml" 2>/dev/null; then
expect "another YAML parser (PyYAML) reads the name and contact as last year's" '
	last && tpa-init -q --code 371323105201 --year 2016 --previous 2015/v 2016/v &&
	python3 -c "
import sys, yaml
a = yaml.safe_load(open(\"2015/v/village.yaml\", encoding=\"utf-8\"))[\"village\"]
b = yaml.safe_load(open(\"2016/v/village.yaml\", encoding=\"utf-8\"))[\"village\"]
assert a[\"name\"] == \"甲\u2028乙\u2029丙\x85丁\x9f庚\t辛\\\"壬\\\\癸\ufeff子\n寅\x80卯\", repr(a[\"name\"])
sys.exit(0 if (a[\"name\"], a[\"contact\"]) == (b[\"name\"], b[\"contact\"]) else 1)"'
else
skip "PyYAML missing: no second parser reads village.yaml"
fi
