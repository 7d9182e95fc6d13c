#!/bin/sh
# LEDGER_BROKEN (SPEC §8 "The ledger"): every audit of the town re-hashes
# every received file against its row and verifies the chain; a receipt
# stopped half-way is put right, never reported.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-area-sample.sh"
Z=0000000000000000000000000000000000000000000000000000000000000000
R=$T/received/371323105201
# received: the area, both villages received by the town.
received() {
	area && tpa-audit -q --level town -o $T && [ -d $R/1 ] && [ -d $T/received/371323105202/1 ]
}
# broken WHAT: the audit exits 1 and reports LEDGER_BROKEN naming WHAT.
broken() {
	status 1 tpa-audit -q --level town -o $T &&
	grep "^error,LEDGER_BROKEN," $T/audit.csv >found && grep -q -- "$1" found
}
# sha: SHA-256 of standard input, in hex.
sha() { sha256sum | cut -c1-64; }

expect "a row edited (another hash for survey.csv): the file differs from its row and the chain breaks at the next" '
	received && sed -i "4s/,[0-9a-f]\{64\},/,$(echo x | sha),/" $T/LEDGER.csv &&
	broken "LEDGER.csv:4: received/371323105201/1/survey.csv的SHA-256是" &&
	grep -q "LEDGER.csv:5: 链条断了：prev不是上一行的SHA-256" found'

expect "a received file edited: its hash differs from its row, naming the village" '
	received && chmod u+w $R/1/survey.csv && echo "H999,x" >>$R/1/survey.csv &&
	broken "received/371323105201/1/survey.csv的SHA-256是" &&
	grep -q "^error,LEDGER_BROKEN,371323105201," found'

expect "a received file edited together with the hash in its row: the chain breaks at the next row" '
	received && chmod u+w $R/1/survey.csv && echo "H999,x" >>$R/1/survey.csv &&
	sed -i "4s/,[0-9a-f]\{64\},/,$(sha <$R/1/survey.csv),/" $T/LEDGER.csv &&
	broken "LEDGER.csv:5: 链条断了"'

expect "a folder under received/ without rows" '
	received && mkdir $R/2 && cp $A/survey.csv $R/2/ &&
	broken "文件夹received/371323105201/2在台账中没有任何行" &&
	grep -q "received/371323105201/2/survey.csv在received文件夹中，但台账没有哪一行记录它" found'

expect "a row without its file" '
	received && rm -f $R/1/votes.csv && broken "received/371323105201/1/votes.csv不在了"'

expect "the first row pinned to a row of the previous year ledger that was edited since" '
	area && mkdir -p c/2014/town-371323105 &&
	printf "seq,village_code,receipt,file,sha256,prev\n1,371323105201,1,received/371323105201/1/survey.csv,%s,%s\n" \
	    "$(echo x | sha)" $Z >c/2014/town-371323105/LEDGER.csv &&
	tpa-audit -q --level town -o $T && sed -i "2s/,1,received/,2,received/" c/2014/town-371323105/LEDGER.csv &&
	broken "第一行的prev不是.*中任何一行能核对通过的哈希"'

expect "a receipt stopped before its rows were written (.N.tmp-PID without rows) is removed, and is no finding" '
	received && mkdir $R/.2.tmp-999999 && cp $A/survey.csv $R/.2.tmp-999999/ && cp $T/LEDGER.csv before &&
	status 0 tpa-audit -q --level town -o $T && [ ! -e $R/.2.tmp-999999 ] && [ ! -e $R/2 ] &&
	! grep -q LEDGER_BROKEN $T/audit.csv && same $T/LEDGER.csv before'

expect "a receipt stopped after its rows were written (still .N.tmp-PID) is completed by the rename, and is no finding" '
	received && mv $R/1 $R/.1.tmp-999999 && cp $T/LEDGER.csv before &&
	status 0 tpa-audit -q --level town -o $T && [ -d $R/1 ] && [ ! -e $R/.1.tmp-999999 ] &&
	cmp $R/1/survey.csv $A/survey.csv && ! grep -q LEDGER_BROKEN $T/audit.csv && same $T/LEDGER.csv before'

expect "a broken ledger receives nothing more" '
	received && rm -f $R/1/votes.csv && rm -rf $T/received/371323105202 &&
	sed -i "/,371323105202,/d" $T/LEDGER.csv && cp $T/LEDGER.csv before &&
	broken "votes.csv不在了" && same $T/LEDGER.csv before && [ ! -e $T/received/371323105202 ]'
