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
