#!/bin/sh
# tpa status (and every stage) opens only regular files: a FIFO or a
# device in place of village.yaml, the rules, .tpa-blocked.mk, an audit's
# files or a list is an error or is passed over, never a wait. Each case
# runs under timeout: a hang fails it (status 124).
. "$(dirname "$0")/lib.sh"

# sample DIR: 双河村 of 2015 in DIR/2015/371323105201, its rules beside it.
sample() {
	mkdir -p "$1/2015" && cp -R "$SAMPLE_FLAT/county/2015/371323105201" "$1/2015/" && sample_rules "$1"
}
V=c/2015/371323105201
T=${TPA_TIMEOUT:-20}

expect "village.yaml a FIFO: tpa status, --brief and --code exit 2 at once, naming it" '
	sample c && rm $V/village.yaml && mkfifo $V/village.yaml &&
	{ timeout $T tpa status $V 2>err; [ $? -eq 2 ]; } &&
	grep -q "village.yaml: not a regular file" err &&
	{ timeout $T tpa status --brief $V 2>err; [ $? -eq 2 ]; } &&
	{ timeout $T tpa status --code $V 2>err; [ $? -eq 2 ]; } &&
	{ (cd $V && timeout $T tpa status) 2>err; [ $? -eq 2 ]; } && grep -q "not a regular file" err
'

expect "village.yaml a link to /dev/zero: tpa status exits 2 at once" '
	sample c && rm $V/village.yaml && ln -s /dev/zero $V/village.yaml &&
	{ timeout $T tpa status $V 2>err; [ $? -eq 2 ]; } && grep -q "not a regular file" err
'

expect "a stage given a FIFO village.yaml, or FIFO rules, exits 2 at once" '
	sample c && mkfifo fifo.yaml &&
	{ timeout $T tpa-apply --village fifo.yaml -o a.csv $V/applications.csv 2>err; [ $? -eq 2 ]; } &&
	grep -q "fifo.yaml: not a regular file" err && [ ! -e a.csv ] &&
	tpa-apply -q --village $V -o $V/applicants.csv $V/applications.csv &&
	{ timeout $T tpa-survey --village $V --rules fifo.yaml -o p.csv $V/applicants.csv $V/survey.csv 2>err; [ $? -eq 2 ]; } &&
	grep -q "fifo.yaml: not a regular file" err && [ ! -e p.csv ]
'

expect "FIFOs for .tpa-blocked.mk, the town audit, its PROVENANCE.csv and a list: tpa status answers at once" '
	sample c && mkfifo $V/.tpa-blocked.mk && mkdir c/2015/town-371323105 &&
	mkfifo c/2015/town-371323105/audit.csv c/2015/town-371323105/PROVENANCE.csv $V/publicized-village.csv &&
	{ timeout $T tpa status $V >out 2>err; rc=$?; } ; [ "$rc" -eq 3 ] &&
	grep -q "^  apply  *ready" out
'
