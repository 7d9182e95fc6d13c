#!/bin/sh
# Whole-program fuzzing of the stage programs with AFL++ (see README).
#
#   run.sh [-s SECONDS] [-j JOBS] [TARGET...]   fuzz each target SECONDS
#   run.sh --replay [TARGET...]                 only re-run seeds and findings
#   run.sh --show TARGET FILE...                run a target on FILEs, show stderr
#
# Targets: apply survey appraise resolve (the default: the files people
# type), survey-applicants appraise-primary resolve-list (the lists the
# stages write); "all" for the seven. The programs are those of AFL_BIN (default
# build-afl/bin: afl-clang-fast with ASan+UBSan); AFL's state goes to
# AFL_WORK (default build-afl/afl/<target>), the stages' outputs to a fresh
# folder on a tmpfs when there is one.
#
# Before fuzzing, every seed (fuzz/afl/seeds/<target>/) and every recorded
# finding (fuzz/afl/findings/<target>/) is run once: those that crash are
# reported and left out of AFL's input. Exit status 1 when any input ended
# in a signal (a crash: SIGSEGV, or ASan/UBSan aborting) or hung; exits 1
# and 2 of the programs are ordinary outcomes.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
fixed=$here/fixed
bin=${AFL_BIN:-$top/build-afl/bin}
work=${AFL_WORK:-$top/build-afl/afl}
all_targets="apply survey survey-applicants appraise appraise-primary resolve resolve-list"
default_targets="apply survey appraise resolve"

seconds=60 jobs=1 mode=fuzz
while [ $# -gt 0 ]; do
	case $1 in
	-s) seconds=$2; shift 2 ;;
	-j) jobs=$2; shift 2 ;;
	--replay) mode=replay; shift ;;
	--show) mode=show; shift ;;
	-h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
	-*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done

# The command line of a target, with @@ where the fuzzed file goes; $2 is
# the folder for its outputs.
target_cmd() {
	o=$2
	case $1 in
	apply) set -- tpa-apply -q --village "$fixed/village.yaml" -o "$o/applicants.csv" @@ ;;
	survey) set -- tpa-survey -q --village "$fixed/village.yaml" -o "$o/primary.csv" "$fixed/applicants.csv" @@ ;;
	survey-applicants) set -- tpa-survey -q --village "$fixed/village.yaml" -o "$o/primary.csv" @@ "$fixed/survey.csv" ;;
	appraise) set -- tpa-appraise -q --village "$fixed/village.yaml" -o "$o/appraised.csv" "$fixed/primary.csv" @@ ;;
	appraise-primary) set -- tpa-appraise -q --village "$fixed/village.yaml" -o "$o/appraised.csv" @@ "$fixed/votes.csv" ;;
	resolve) set -- tpa-publicize resolve -q --level village --village "$fixed/village.yaml" --resurvey "$o/resurvey.csv" -o "$o/publicized-village.csv" "$fixed/appraised.csv" @@ ;;
	resolve-list) set -- tpa-publicize resolve -q --level village --village "$fixed/village.yaml" --resurvey "$o/resurvey.csv" -o "$o/publicized-village.csv" @@ "$fixed/objections.csv" ;;
	*) echo "run.sh: unknown target $1 (targets: $all_targets)" >&2; return 2 ;;
	esac
	prog=$bin/$1
	shift
	cmd="$prog"
	for a in "$@"; do cmd="$cmd '$a'"; done
	echo "$cmd"
}

# A scratch folder, on a tmpfs when one is writable.
scratch_dir() {
	for d in "${XDG_RUNTIME_DIR:-}" /dev/shm "${TMPDIR:-/tmp}"; do
		[ -n "$d" ] && [ -d "$d" ] && [ -w "$d" ] &&
		    mktemp -d "$d/tpa-afl.XXXXXX" 2>/dev/null && return 0
	done
	mktemp -d
}

symbolizer=$(command -v llvm-symbolizer || ls /usr/lib/llvm-*/bin/llvm-symbolizer 2>/dev/null | head -n 1)

# run_one TARGET FILE ERRFILE: the target on FILE in a fresh output folder,
# sanitizers symbolized; prints the program's exit status (128+N for signal
# N, 124 for a hang of 10 s).
run_one() {
	d=$(scratch_dir)
	cmd=$(target_cmd "$1" "$d" | sed "s|@@|'$2'|")
	eval "env ASAN_OPTIONS=abort_on_error=1:detect_leaks=0:symbolize=1 \
	    UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1:symbolize=1 \
	    ASAN_SYMBOLIZER_PATH='$symbolizer' timeout -s KILL 10 $cmd" \
	    >/dev/null 2>"$3" </dev/null
	rc=$?
	[ $rc -eq 137 ] && rc=124
	rm -rf "$d"
	echo $rc
}

# The one line that names a crash: the sanitizer's SUMMARY, else the signal.
crash_summary() {
	s=$(grep -m 1 '^SUMMARY: ' "$1" | sed 's/^SUMMARY: //; s|'"$top"'/||g; s/ in $//')
	if [ -n "$s" ]; then echo "$s"
	elif [ "$2" -eq 124 ]; then echo "hang (killed after 10 s)"
	else echo "signal $(($2 - 128)), no sanitizer report"; fi
}

is_crash() { [ "$1" -gt 128 ] || [ "$1" -eq 124 ]; }

# report TARGET LISTFILE: LISTFILE has "summary<TAB>path" per crashing
# input; print each distinct crash once, with the program's stderr.
report() {
	[ -s "$2" ] || return 0
	cut -f 1 "$2" | sort | uniq -c | sort -rn | while read -r n what; do
		first=$(awk -F '\t' -v w="$what" '$1 == w { print $2; exit }' "$2")
		echo "---- $1: $n input(s): $what"
		awk -F '\t' -v w="$what" '$1 == w { print "     " $2 }' "$2" | head -n 5
		echo "     command: $(target_cmd "$1" OUT | sed "s|@@|$first|; s|$top/||g")"
		e=$work/$1.stderr
		run_one "$1" "$first" "$e" >/dev/null
		sed '/^Shadow bytes around/,$d; /^ *#[0-9]* .* in _start /d; s|'"$top"'/||g; s/^/     | /' "$e" | head -n 40
	done
}

# precheck TARGET INDIR LISTFILE: run every seed and finding once; copy
# those that do not crash into INDIR, list those that do in LISTFILE.
precheck() {
	for f in "$here/seeds/$1"/* "$here/findings/$1"/*; do
		[ -f "$f" ] || continue
		rc=$(run_one "$1" "$f" "$work/$1.precheck")
		if is_crash "$rc"; then
			printf '%s\t%s\n' "$(crash_summary "$work/$1.precheck" "$rc")" "$f" >>"$3"
		elif [ -n "$2" ]; then
			cp "$f" "$2/$(basename "$(dirname "$f")")-$(basename "$f")"
		fi
	done
}

stat_of() { sed -n "s/^$2 *: *//p" "$1" 2>/dev/null | head -n 1; }

# fuzz_one TARGET: one AFL++ campaign; its summary line in $work/TARGET.result.
fuzz_one() {
	t=$1
	out=$work/$t
	rm -rf "$out" "$work/$t.crashes" "$work/$t.result"
	mkdir -p "$out"
	s=$(scratch_dir)
	mkdir -p "$s/in" "$s/cur" "$s/o"
	: >"$work/$t.crashes"
	precheck "$t" "$s/in" "$work/$t.crashes"
	if [ -z "$(ls "$s/in")" ]; then
		echo "$t: every seed crashes; nothing to fuzz" >"$work/$t.result"
		rm -rf "$s"
		return
	fi
	cmd=$(target_cmd "$t" "$s/o")
	# eatmydata: no fsync in the stages' atomic writes, a tenfold exec rate
	# on a disk; AFL_TMPDIR puts AFL's current input on the tmpfs too.
	eval "env AFL_TMPDIR='$s/cur' AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 \
	    AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CRASHES=1 AFL_FAST_CAL=1 \
	    AFL_NO_WARN_INSTABILITY=1 eatmydata afl-fuzz -V '$seconds' -t '${AFL_TIMEOUT:-1000}' -m none \
	    -x '$here/tpa.dict' -i '$s/in' -o '$out' -- $cmd" \
	    >"$work/$t.log" 2>&1 </dev/null
	rc=$?
	st=$out/default/fuzzer_stats
	if [ ! -f "$st" ]; then
		echo "$t: afl-fuzz failed (exit $rc), see $work/$t.log" >"$work/$t.result"
		tail -n 20 "$work/$t.log" >>"$work/$t.result"
		rm -rf "$s"
		return
	fi
	for f in "$out"/default/crashes/id:* "$out"/default/hangs/id:*; do
		[ -f "$f" ] || continue
		rc=$(run_one "$t" "$f" "$work/$t.rerun")
		if is_crash "$rc"; then
			what=$(crash_summary "$work/$t.rerun" "$rc")
		else
			case $f in
			*/hangs/*) what="hang under AFL (timeout ${AFL_TIMEOUT:-1000} ms), exit $rc when run alone" ;;
			*) what="crash under AFL, exit $rc when run alone in a fresh folder" ;;
			esac
		fi
		printf '%s\t%s\n' "$what" "$f" >>"$work/$t.crashes"
	done
	printf '%-18s %8s execs %6s/s  corpus %4s  stability %7s  crashes %s  hangs %s  (seed/finding crashes %s)\n' \
	    "$t" "$(stat_of "$st" execs_done)" "$(stat_of "$st" execs_per_sec)" \
	    "$(stat_of "$st" corpus_count)" "$(stat_of "$st" stability)" \
	    "$(stat_of "$st" saved_crashes)" "$(stat_of "$st" saved_hangs)" \
	    "$(grep -c -F "$here/" "$work/$t.crashes")" >"$work/$t.result"
	rm -rf "$s"
}

if [ $# -eq 0 ]; then set -- $default_targets; fi
if [ "$*" = all ]; then set -- $all_targets; fi
[ "$mode" = show ] || for t in "$@"; do target_cmd "$t" x >/dev/null || exit 2; done
for p in tpa-apply tpa-survey tpa-appraise tpa-publicize; do
	[ -x "$bin/$p" ] || { echo "run.sh: $bin/$p is missing: make fuzz-stages-build" >&2; exit 2; }
done
mkdir -p "$work"

case $mode in
show)
	t=$1
	shift
	for f in "$@"; do
		rc=$(run_one "$t" "$f" "$work/show.stderr")
		echo "== $t $f: exit $rc"
		cat "$work/show.stderr"
	done
	exit 0 ;;
replay)
	fail=0
	for t in "$@"; do
		: >"$work/$t.crashes"
		precheck "$t" "" "$work/$t.crashes"
		n=$(wc -l <"$work/$t.crashes")
		echo "$t: $n crashing seed(s) or finding(s)"
		report "$t" "$work/$t.crashes"
		[ "$n" -eq 0 ] || fail=1
	done
	exit $fail ;;
esac

command -v afl-fuzz >/dev/null && command -v eatmydata >/dev/null ||
    { echo "run.sh: afl-fuzz and eatmydata are needed: sh build-aux/deps.sh afl++ eatmydata" >&2; exit 2; }
echo "fuzz-stages: $# target(s), $seconds s each, $jobs at a time"
started=$(date +%s)
running=0
for t in "$@"; do
	fuzz_one "$t" &
	running=$((running + 1))
	if [ $running -ge "$jobs" ]; then wait; running=0; fi
done
wait
fail=0
for t in "$@"; do
	cat "$work/$t.result"
	[ -s "$work/$t.crashes" ] && fail=1
	grep -q 'afl-fuzz failed\|nothing to fuzz' "$work/$t.result" && fail=1
done
for t in "$@"; do report "$t" "$work/$t.crashes"; done
echo "fuzz-stages: $(($(date +%s) - started)) s; AFL's state in $work"
[ $fail -eq 0 ] || echo "fuzz-stages: FAILED: crashes or hangs above (keep each input under fuzz/afl/findings/<target>/)"
exit $fail
