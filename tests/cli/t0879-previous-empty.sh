#!/bin/sh
# A previous registry's year is that of its households (the year column of
# households.csv; history.csv has none): a registry with no household
# could be of any year, a later one included, so it is refused, exit 2,
# nothing written, by tpa-apply and tpa-file alike. A village with no
# household last year names no previous registry.
#
# The village of t0500-file.sh, made up to 2017: 2017's registry, emptied
# to its header rows, given as the previous registry of 2016.
. "$(dirname "$0")/lib.sh"
eval "$(sed -n '/^RULES=/,/^# status YEAR HOUSEHOLD/p' "$(dirname "$0")/t0500-file.sh")"

ready() {
	years && run 2015 && run 2016 && run 2017 && cp -R v/2017/registry empty &&
	for f in households members; do head -1 v/2017/registry/$f.csv >empty/$f.csv || return 1; done &&
	[ -s empty/history.csv ] && [ "$(wc -l <empty/households.csv)" -eq 1 ]
}

expect "tpa-apply --previous an empty registry (of 2017) on 2016: exit 2 naming households.csv, nothing written" '
	ready &&
	status 2 tpa-apply -q --village v/2016 --previous empty -o a.csv v/2016/applications.csv 2>err &&
	grep -qxF "tpa-apply: empty/households.csv: the registry holds no household, so its year cannot be checked against the village'"'"'s: a village with no household last year names no previous registry" err &&
	[ ! -e a.csv ]'

expect "tpa-file --previous an empty registry: exit 2, the village registry unchanged" '
	ready && cp -R v/2016/registry before &&
	status 2 tpa-file -q --previous empty v/2016 2>err &&
	grep -qF "empty/households.csv: the registry holds no household" err &&
	diff -r before v/2016/registry'

expect "without history.csv too: refused" '
	ready && rm empty/history.csv &&
	status 2 tpa-apply -q --village v/2016 --previous empty -o a.csv v/2016/applications.csv 2>err &&
	grep -qF "empty/households.csv: the registry holds no household" err && [ ! -e a.csv ]'
