# Shared make rules for one village-year folder. A village's Makefile is one
# line:    include /usr/local/share/tpa/village.mk
# (or wherever `make install` put it). `make` runs every stage whose inputs
# changed, in the order of the procedure, and stops where it is blocked:
# a stage that exits 1 (quorum not met, an objection pending, a period too
# short) leaves its output written but dated 1970, so that make stops now
# and runs the stage again next time. The programs write atomically, so a
# failed stage (exit 2) leaves the previous output as it was.
#
#   make            every stage that can run
#   make notice     the notice to post now (village, town or county level)
#
# Variables: TPA_BIN (folder of the tpa programs; default: from PATH).

TPA_BIN ?=
T = $(if $(TPA_BIN),$(TPA_BIN)/,)

# Run a stage; on "blocked" (exit 1) keep its output but mark it stale.
blocked = || { rc=$$?; [ $$rc -eq 1 ] && touch -d @0 $@; exit $$rc; }

.PHONY: all apply survey appraise publicize notice

all: publicize

apply: applicants.csv
applicants.csv rejects-apply.csv &: applications.csv village.yaml
	$(T)tpa-apply --village village.yaml -o applicants.csv applications.csv

survey: primary.csv
primary.csv rejects-survey.csv &: applicants.csv survey.csv village.yaml
	$(T)tpa-survey --village village.yaml -o primary.csv applicants.csv survey.csv

appraise: appraised.csv
appraised.csv: primary.csv votes.csv village.yaml
	$(T)tpa-appraise --village village.yaml -o $@ primary.csv votes.csv $(blocked)

publicize: publicized-county.csv

notice-village.html: appraised.csv village.yaml
	$(T)tpa-publicize notice --level village --village village.yaml -o $@ appraised.csv
publicized-village.csv: notice-village.html appraised.csv objections-village.csv village.yaml
	$(T)tpa-publicize resolve --level village --village village.yaml -o $@ appraised.csv objections-village.csv $(blocked)

notice-town.html: publicized-village.csv village.yaml
	$(T)tpa-publicize notice --level town --village village.yaml -o $@ publicized-village.csv
publicized-town.csv: notice-town.html publicized-village.csv objections-town.csv village.yaml
	$(T)tpa-publicize resolve --level town --village village.yaml -o $@ publicized-village.csv objections-town.csv $(blocked)

notice-county.html: publicized-town.csv village.yaml
	$(T)tpa-publicize notice --level county --village village.yaml -o $@ publicized-town.csv
publicized-county.csv: notice-county.html publicized-town.csv objections-county.csv village.yaml
	$(T)tpa-publicize resolve --level county --village village.yaml -o $@ publicized-town.csv objections-county.csv $(blocked)

# An objections file that does not exist yet: that level's publicity has
# not ended. Say so and stop.
objections-%.csv:
	@echo "tpa: $@ does not exist yet: the $* publicity has not ended." >&2
	@echo "tpa: post notice-$*.html; when its period is over, record the objections" >&2
	@echo "tpa: in $@ (a header row alone when there were none) and run make again." >&2
	@exit 1

# The notice to post now: the furthest level reached.
notice:
	@if [ -f publicized-town.csv ]; then $(MAKE) --no-print-directory notice-county.html; \
	elif [ -f publicized-village.csv ]; then $(MAKE) --no-print-directory notice-town.html; \
	else $(MAKE) --no-print-directory notice-village.html; fi
