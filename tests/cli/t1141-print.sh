#!/bin/sh
# tpa print FILE.html: the page printed to PDF by headless Chromium,
# without the browser's header and footer, beside the HTML (or -o), with
# its privacy; the same bytes on every run; a clear message and exit 2
# when no browser can print it. A stand-in browser (a script) shows what
# Chromium is asked and how a failure is reported.
. "$(dirname "$0")/lib.sh"
V=$SAMPLE_FLAT/county/2015/371323105201

appraised_village() {
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ &&
	sample_rules county && cd county/2015/371323105201 &&
	cp "$DATA/sample/appraised.expected" appraised.csv
}

# fake: a stand-in browser that writes its arguments to args and, as
# Chromium, a small PDF with the time of the run in its dates.
fake() {
	cat >fake-chromium <<'SH'
#!/bin/sh
for a in "$@"; do echo "$a"; done >"$(dirname "$0")/args"
for a in "$@"; do
	case $a in --print-to-pdf=*) out=${a#--print-to-pdf=} ;; esac
done
printf "%%PDF-1.4\n1 0 obj <</Type /Page>> endobj\n2 0 obj <</Type /Pages>> endobj\n3 0 obj <</Producer (x) /CreationDate (D:$(date +%Y%m%d%H%M%S)+00'"'"'00'"'"') /ModDate (D:$(date +%Y%m%d%H%M%S)+00'"'"'00'"'"')>> endobj\n%%%%EOF\n" >"$out"
cp "$out" "$(dirname "$0")/orig.pdf"
SH
	chmod +x fake-chromium
}

expect "letters printed by Chromium: beside the HTML, 0600, a page a household, no browser header or footer" '
	command -v chromium >/dev/null && command -v pdftotext >/dev/null && appraised_village &&
	tpa-publicize letter -q --level village --village . -o letters-village.html appraised.csv &&
	(umask 022 && tpa print letters-village.html 2>err) && [ -s letters-village.pdf ] &&
	grep -qx "printed letters-village.pdf: 15 pages" err &&
	[ "$(stat -c %a letters-village.pdf)" = 600 ] &&
	[ "$(pages letters-village.pdf)" -eq 15 ] &&
	pdftotext letters-village.pdf all.txt &&
	! grep -q "file:\|letters-village\|建档立卡贫困户识别结果告知书$(date +%Y)" all.txt &&
	! grep -Eq "[0-9]+/15|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2}, " all.txt &&
	[ "$(grep -c "第 *1 *页，共 *1 *页" all.txt)" -eq 15 ] &&
	! pdfinfo letters-village.pdf | grep -q "CreationDate\|ModDate" &&
	ls "${TMPDIR:-/tmp}" >tmps && ! grep -q "^tpa-print-" tmps'

expect "a notice with -o, public (0644 under umask 022); the same bytes whatever the time, the zone and the locale" '
	command -v chromium >/dev/null && appraised_village &&
	tpa-publicize notice -q --level village --village . -o notice-village.html appraised.csv &&
	(umask 022 && tpa print -q -o a.pdf notice-village.html) && [ "$(stat -c %a a.pdf)" = 644 ] &&
	[ "$(pages a.pdf)" -eq 1 ] && sleep 1 &&
	LC_ALL=zh_CN.UTF-8 TZ=Asia/Shanghai tpa print -q -o b.pdf notice-village.html &&
	cmp a.pdf b.pdf && [ ! -e notice-village.pdf ]'

expect "what Chromium is asked: headless, no header and footer in both spellings, the file by its absolute URL" '
	fake && mkdir "a b" && echo "<p>x</p>" >"a b/公示 1.html" &&
	tpa print -q --chromium "$PWD/fake-chromium" "a b/公示 1.html" &&
	[ -s "a b/公示 1.pdf" ] &&
	grep -qx -- "--headless" args && grep -qx -- "--no-pdf-header-footer" args &&
	grep -qx -- "--print-to-pdf-no-header" args &&
	grep -qx "file://$(pwd -P | sed "s/ /%20/g")/a%20b/%E5%85%AC%E7%A4%BA%201.html" args &&
	grep -q "^--user-data-dir=" args'

expect "the dates Chromium stamps are blanked, to the byte: the same length, the same bytes on every run" '
	fake && echo "<p>x</p>" >p.html &&
	TPA_CHROMIUM=$PWD/fake-chromium tpa print -q p.html && cp p.pdf first.pdf && sleep 1.1 &&
	TPA_CHROMIUM=$PWD/fake-chromium tpa print -q p.html && cmp first.pdf p.pdf &&
	! grep -q "D:[0-9]" p.pdf && grep -q "<</Producer (x) *>>" p.pdf &&
	PATH=$PWD:$PATH TPA_CHROMIUM=fake-chromium tpa print p.html -o q.pdf 2>err &&
	grep -qx "printed q.pdf: 1 page" err && grep -q "D:[0-9]\{14\}" orig.pdf &&
	[ "$(wc -c <q.pdf)" -eq "$(wc -c <orig.pdf)" ] &&
	sed "s#/CreationDate (D:[^)]*)##; s#/ModDate (D:[^)]*)##" orig.pdf | tr -d " " >want &&
	tr -d " " <q.pdf | cmp - want'

# A PATH with no browser in it (only valgrind and its helper, which run
# the programs under memcheck).
expect "no Chromium: a message saying what to install, exit 2, nothing written" '
	echo "<p>x</p>" >p.html && mkdir bare &&
	if command -v valgrind >/dev/null; then
		for f in "$(command -v valgrind)"*; do ln -s "$f" bare/ || exit 1; done
	fi &&
	status 2 env -u TPA_CHROMIUM PATH=$PWD/bare "$TPA_BIN/tpa" print p.html 2>err &&
	grep -q "^tpa print: no Chromium to print with" err && grep -q "apt-get install chromium" err &&
	[ ! -e p.pdf ] &&
	status 2 tpa print --chromium /nonexistent/chrome p.html 2>err &&
	grep -q "^tpa print: cannot run /nonexistent/chrome" err && [ ! -e p.pdf ] &&
	if locale -a 2>/dev/null | grep -qix "zh_CN.utf-\{0,1\}8"; then
		status 2 env -u TPA_CHROMIUM -u LANGUAGE LC_ALL=zh_CN.UTF-8 PATH=$PWD/bare "$TPA_BIN/tpa" print p.html 2>err &&
		grep -q "^tpa print: 没有可用于打印的Chromium浏览器.*请安装（apt-get install chromium）" err
	fi'

expect "a browser that fails or hangs: its exit status and last line, or the time out; an earlier PDF is kept" '
	echo "<p>x</p>" >p.html && echo old >p.pdf &&
	printf "#!/bin/sh\necho starting\necho \"cannot open display\" >&2\nexit 3\n" >bad && chmod +x bad &&
	status 2 tpa print --chromium "$PWD/bad" p.html 2>err &&
	grep -q "^tpa print: $PWD/bad failed to print p.html (exit status 3): cannot open display" err &&
	[ "$(cat p.pdf)" = old ] &&
	printf "#!/bin/sh\nsleep 30\n" >slow && chmod +x slow &&
	start=$(date +%s) &&
	TPA_PRINT_TIMEOUT=1 status 2 tpa print --chromium "$PWD/slow" p.html 2>err &&
	[ $(($(date +%s) - start)) -lt 10 ] &&
	grep -q "did not finish printing p.html within 1 seconds" err && [ "$(cat p.pdf)" = old ] &&
	! pgrep -f "$PWD/slow" >/dev/null'

expect "a print killed before it removed its folder: the next print removes it (its PID gone), not a running one’s nor any other folder" '
	fake && echo "<p>x</p>" >p.html && mkdir t &&
	dead=$(sh -c "echo \$\$") && mkdir "t/tpa-print-$dead-Ab3dEf" && echo secret >"t/tpa-print-$dead-Ab3dEf/out.pdf" &&
	mkdir "t/tpa-print-$$-Zz9yXw" "t/tpa-print-keep" "t/tpa-print-$dead-toolong1" &&
	TMPDIR=$PWD/t TPA_CHROMIUM=$PWD/fake-chromium tpa print -q p.html && [ -s p.pdf ] &&
	ls t >left && printf "%s\n" "tpa-print-$$-Zz9yXw" "tpa-print-$dead-toolong1" tpa-print-keep | sort >want &&
	sort left >got && same got want'

expect "usage: one FILE.html, readable" '
	status 2 tpa print 2>err && grep -q "print needs one FILE.html" err &&
	echo "<p>x</p>" >p.html &&
	status 2 tpa print p.html p.html 2>err && grep -q "print needs one FILE.html" err &&
	status 2 tpa print nope.html 2>err && grep -q "cannot read nope.html" err &&
	mkdir d.html && status 2 tpa print d.html 2>err && grep -q "cannot read d.html" err &&
	tpa print --help | grep -q "^usage: tpa print" &&
	tpa --help | grep -q "print \[-o FILE.pdf\] FILE.html"'
