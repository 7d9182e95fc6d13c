#!/bin/sh
# The Chinese catalogue of messages (po/zh_CN.po): every message of the
# code is in it, translated, none fuzzy, and no translation drops or
# changes a printf conversion.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PO=$ROOT/po/zh_CN.po

# extract DIR OUT: the messages marked in DIR's lib/ and cmd/, as make pot
# extracts them.
extract() {
	xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 \
	    --add-comments=TRANSLATORS -o "$2" "$1"/lib/*/*.c "$1"/cmd/*.c
}

# msgids FILE: the msgids of a .po or .pot file, one per line as written
# (escapes kept), sorted; obsolete entries (#~) left out.
msgids() {
	awk '/^msgid /  { s = substr($0, 7); on = 1; next }
	     on && /^"/ { s = s $0; next }
	     on         { print s; on = 0 }' "$1" | sort -u
}

# same_msgids A B: A and B hold the same msgids, else the difference.
same_msgids() {
	msgids "$1" >a.ids && msgids "$2" >b.ids &&
	[ "$(wc -l <a.ids)" -gt 1 ] &&
	{ out=$(comm -3 a.ids b.ids) && [ -z "$out" ] || { echo "$out" | head -20; return 1; }; }
}

expect "msgfmt -c accepts po/zh_CN.po: the header is right and every translation keeps its printf conversions" '
	msgfmt -c -o zh.mo "$PO" && [ -s zh.mo ] &&
	grep -qx "\"Content-Type: text/plain; charset=UTF-8\\\\n\"" "$PO" &&
	grep -qx "\"Plural-Forms: nplurals=1; plural=0;\\\\n\"" "$PO"'

expect "msgfmt -c refuses a translation that drops a conversion (the check above can fail)" '
	sed "s/^msgstr \"户 %s 在名单中出现了两次\"$/msgstr \"户在名单中出现了两次\"/" "$PO" >broken.po &&
	! cmp -s "$PO" broken.po && ! msgfmt -c -o /dev/null broken.po 2>err &&
	grep -q "format" err'

expect "msgfmt --statistics: every message translated, 0 fuzzy, 0 untranslated" '
	msgfmt -c --statistics -o /dev/null "$PO" 2>stats && cat stats &&
	translated=$(sed -n "s/^\([0-9][0-9]*\) translated message.*/\1/p" stats) &&
	fuzzy=$(grep -o "[0-9][0-9]* fuzzy" stats | cut -d" " -f1) &&
	untranslated=$(grep -o "[0-9][0-9]* untranslated" stats | cut -d" " -f1) &&
	[ "${fuzzy:-0}" -eq 0 ] && [ "${untranslated:-0}" -eq 0 ] &&
	extract "$ROOT" code.pot && n=$(msgids code.pot | grep -vcx "\"\"") &&
	echo "$translated translated of $n in the code" && [ "$translated" -eq "$n" ] && [ "$n" -gt 200 ]'

expect "every message xgettext extracts from the code is in po/zh_CN.po, and no other" '
	extract "$ROOT" code.pot && same_msgids code.pot "$PO"'

expect "a message added to the code and not to the catalogue is caught" '
	mkdir -p src && cp -R "$ROOT/lib" "$ROOT/cmd" src/ &&
	printf "static const char *added(void) { return _(\"a message nobody translated\"); }\n" >>src/lib/stages/shell.c &&
	extract src code.pot && ! same_msgids code.pot "$PO" >diff &&
	grep -q "a message nobody translated" diff'
