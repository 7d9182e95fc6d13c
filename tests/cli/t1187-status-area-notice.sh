#!/bin/sh
# tpa status in a town's or county's folder says whether its own notices
# (tpa-publicize area-notice, make notices) are made, in the words of the
# other steps: ready when a village has its list and none is made; done;
# made too early, to be made again, when a list it shows changed after
# it, when a village's list came after it, or when the notice was edited
# since it was made; not yet when no village has its list. In Chinese
# under zh_CN. The line does not change the exit status.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make; t0954 runs tpa status of a level under memcheck"
. "$(dirname "$0")/lib-area-sample.sh"

TN=notice-town-20150614-20150620.html
# notice_line [LOCALE]: the status's line of the town-wide notice.
notice_line() {
	LC_ALL=${1:-C.UTF-8} tpa status $T >out; rc=$?
	[ "$rc" -eq 3 ] || { echo "exit status $rc"; return 1; }
	grep "^  town-wide notice \|^  全镇公示 " out
}

expect "none made while the villages have their lists: ready, make notices writes it (zh: 可以进行)" '
	area && [ "$(notice_line | sed "s/  */ /g")" = " town-wide notice ready: make notices writes it" ] &&
	[ "$(notice_line zh_CN.UTF-8 | sed "s/  */ /g")" = " 全镇公示 可以进行: 运行 make notices 即可生成" ] &&
	[ "$(grep -c "全镇公示" out)" -eq 1 ]'

expect "made by make notices: done, naming the notice (zh: 完成)" '
	area && make -C $T -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" notices &&
	[ "$(notice_line | sed "s/  */ /g")" = " town-wide notice done: $TN" ] &&
	[ "$(notice_line zh_CN.UTF-8 | sed "s/  */ /g")" = " 全镇公示 完成: $TN" ]'

expect "a village list changed after it: made too early, to be made again, naming the list (zh: 做得过早，须重做); made again: done" '
	area && tpa-publicize area-notice -q $T &&
	sed -i "s/^\(371323105201,H001,[^,]*,[^,]*,[^,]*,\)2100.00,/\11900.00,/" $A/publicized-village.csv &&
	[ "$(notice_line | sed "s/  */ /g")" = " town-wide notice made too early, to be made again: $TN: ../371323105201/publicized-village.csv changed after it was made" ] &&
	[ "$(notice_line zh_CN.UTF-8 | sed "s/  */ /g")" = " 全镇公示 做得过早，须重做: $TN：做好以后 ../371323105201/publicized-village.csv 又变了" ] &&
	tpa-publicize area-notice -q $T && [ "$(notice_line | sed "s/  */ /g")" = " town-wide notice done: $TN" ]'

expect "a village list that came after it: made too early, naming the village list on no notice" '
	area && mv $B/publicized-village.csv b.csv && tpa-publicize area-notice -q $T && mv b.csv $B/publicized-village.csv &&
	notice_line >lines && [ "$(wc -l <lines)" -eq 2 ] &&
	[ "$(sed -n 1p lines | sed "s/  */ /g")" = " town-wide notice done: $TN" ] &&
	[ "$(sed -n 2p lines | sed "s/  */ /g")" = " town-wide notice made too early, to be made again: 371323105202/publicized-village.csv: on no notice, made after them" ] &&
	notice_line zh_CN.UTF-8 | grep -q "全镇公示 *做得过早，须重做: 371323105202/publicized-village.csv：不在任何一份公示上，是公示做好以后才有的"'

expect "a notice edited by hand since it was made: made too early, to be made again" '
	area && tpa-publicize area-notice -q $T && sed -i "/<td>H031<\/td>/d" $T/$TN &&
	[ "$(notice_line | sed "s/  */ /g")" = " town-wide notice made too early, to be made again: $TN: changed since tpa-publicize area-notice made it" ]'

expect "the county before any village has publicized-town.csv: county-wide notice not yet (zh: 全县公告 尚未开始)" '
	area && LC_ALL=C.UTF-8 tpa status $CO >out; [ $? -eq 3 ] &&
	grep "^  county-wide notice" out | sed "s/  */ /g" >line && [ "$(cat line)" = " county-wide notice not yet" ] &&
	LC_ALL=zh_CN.UTF-8 tpa status $CO >out; [ $? -eq 3 ] &&
	[ "$(grep "^  全县公告" out | sed "s/  */ /g")" = " 全县公告 尚未开始" ]'

expect "after the town audit received both villages, made by make notices from the lists received: done" '
	area && tpa-audit -q --level town -o $T; [ -d $T/received/371323105202/1 ] &&
	make -C $T -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" notices &&
	[ "$(notice_line | sed "s/  */ /g")" = " town-wide notice done: $TN" ]'

expect "a village the town received after the notice was made: made too early, naming the list received" '
	area && mv $B/publicized-village.csv b.csv && tpa-audit -q --level town -o $T; [ ! -d $T/received/371323105202 ] &&
	tpa-publicize area-notice -q $T && LC_ALL=C.UTF-8 tpa status $T >out; grep -q "^  town-wide notice  *done: $TN" out &&
	mv b.csv $B/publicized-village.csv && tpa-audit -q --level town -o $T; [ -d $T/received/371323105202/1 ] &&
	LC_ALL=C.UTF-8 tpa status $T >out; grep -q "^  town-wide notice  *made too early, to be made again: received/371323105202/1/publicized-village.csv: on no notice, made after them" out'
