# Helpers for command-line tests: each case is a named expectation,
# its commands chained with &&, run in a fresh folder.
#   expect "what should hold" 'commands'
set -u
PATH=$TPA_BIN:$PATH
export PATH LC_ALL=C.UTF-8 TZ=UTC
# A make run by a case is its own, not a child of the make running the
# tests: no inherited jobserver, flags or level.
unset MAKEFLAGS MFLAGS MAKELEVEL
DATA=$(cd "$(dirname "$0")" && pwd)/data
SAMPLE=$(cd "$(dirname "$0")/../../samples" && pwd)
# The sample county as it was before its towns and county had their own
# folders' files: each village.yaml names every fact and holds the town's
# and county's objections. The cases that take a sample village as a
# village on its own (no town or county beside it) use this copy.
SAMPLE_FLAT=$(cd "$(dirname "$0")/../cli/data/sample-flat" && pwd)
test_name=$(basename "$0" .sh)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

ncase=0
expect() {
	ncase=$((ncase + 1))
	dir=$scratch/case$ncase
	mkdir -p "$dir"
	if (cd "$dir" && eval "$2") >"$dir.log" 2>&1; then
		echo "ok $test_name: $1" >>"$TPA_RESULTS"
	else
		echo "not ok $test_name: $1" >>"$TPA_RESULTS"
		echo "FAIL $test_name: $1" >&2
		sed 's/^/    /' "$dir.log" | tail -20 >&2
	fi
}

# skip "why": a case that cannot run here; counted apart, never as a pass.
skip() {
	echo "skip $test_name: $1" >>"$TPA_RESULTS"
}

# not_under_valgrind WHY: under valgrind (TPA_VALGRIND=1) the script is
# one skip, never a pass, WHY saying what makes it too long for the
# suite's budget under memcheck (an area's folders run through make: some
# hundred programs). The same code runs under memcheck through the smaller
# scripts WHY names and the unit suites, and every script runs in the
# plain and the ASan+UBSan builds.
not_under_valgrind() {
	if [ "${TPA_VALGRIND:-0}" = 1 ]; then
		skip "$1 (not under valgrind)"
		exit 0
	fi
}

# have_zh: zh_CN.UTF-8 is generated on this machine (CI generates it).
have_zh() {
	locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\?8'
}

# zh CMD...: CMD under zh_CN.UTF-8, with no TPA_LOCALEDIR (the programs
# find their catalogue beside themselves).
zh() {
	env -u TPA_LOCALEDIR -u LC_ALL -u LANGUAGE -u LC_MESSAGES LANG=zh_CN.UTF-8 "$@"
}

# clerk CMD...: CMD as a clerk runs it: Chinese locale, no tpa variable,
# PATH without the programs (a clone's bin/ is not on it).
clerk() {
	env -u TPA_MK_DIR -u TPA_LOCALEDIR -u TPA_BIN -u LC_ALL -u LANGUAGE \
	    -u LC_MESSAGES PATH=/usr/bin:/bin LANG=zh_CN.UTF-8 "$@"
}

# pages PDF: its number of pages.
pages() {
	pdfinfo "$1" | sed -n "s/^Pages: *//p"
}

# one_each PDF N: N pages, each saying 第1页，共1页 and no other page count;
# the household numbers of its pages, in order, in ./households.
one_each() {
	[ "$(pages "$1")" -eq "$2" ] || { echo "$1: $(pages "$1") pages, not $2"; return 1; }
	: >households
	i=0
	while [ "$i" -lt "$2" ]; do
		i=$((i + 1))
		t=$(pdftotext -f "$i" -l "$i" "$1" - | tr -d " \n")
		echo "$t" | grep -q "第1页，共1页" || { echo "$1 page $i: no 第1页，共1页"; return 1; }
		! echo "$t" | grep -q "第[02-9][0-9]*页\|共[02-9][0-9]*页\|第1[0-9]\+页" ||
		    { echo "$1 page $i: counts the file"; return 1; }
		echo "$t" | grep -o "户编号[0-9]*" | head -1 >>households
	done
}

# status CODE CMD...: run CMD, succeed when it exits with CODE.
status() {
	want=$1
	shift
	"$@"
	got=$?
	[ "$got" -eq "$want" ] || { echo "exit status $got, expected $want" >&2; return 1; }
}

# A minimal village.yaml in the current folder.
village() {
	cat >village.yaml <<YAML
village:
  code: "371323105201"
  name: 双河村
  town: 临涧镇
  county: 沂水县
  population: ${1:-800}
year: 2015
YAML
}

# sample_rules DIR: what the sample county's villages name beside them
# (../../rules/, ../../columns.yaml): tpa's shipped rules files and the
# county's own in DIR/rules/, the county's header aliases in DIR/.
sample_rules() {
	mkdir -p "$1/rules" && cp "$SAMPLE/../rules/"*.yaml "$SAMPLE/county/rules/"*.yaml "$1/rules/" &&
	cp "$SAMPLE/county/columns.yaml" "$1/"
}

# same FILE EXPECTED: byte-identical, showing the difference if not.
same() {
	cmp -s "$1" "$2" || { diff -u "$2" "$1" | head -40 >&2; return 1; }
}
