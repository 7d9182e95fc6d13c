# Shared by town.mk and county.mk: the phases of a town's or a county's
# folder. The including file sets LEVEL (town or county), AREA (its code),
# BELOW (the level whose list the audit covers: village or town), PLACES
# (the targets that run its towns and villages), VILLAGES, AUDITED (the
# villages with publicized-$(BELOW).csv) and REGISTRIES.

# The folder of these rules, passed to every nested make: a village's
# Makefile then finds them without asking tpa --mk-dir again. Read
# before any include, while this file is the last of MAKEFILE_LIST.
export TPA_MK_DIR := $(abspath $(or $(TPA_MK_DIR),$(dir $(lastword $(MAKEFILE_LIST)))))
# This machine's programs, when tpa-init wrote their folder beside the
# year's folders (TPA_BIN ?= ...; a TPA_BIN given to make wins).
-include ../.tpa-bin.mk
TPA_BIN ?=
T = $(if $(TPA_BIN),$(TPA_BIN)/,)
# make splits words at spaces: the folder of the programs cannot hold one
# (folders above a county's year folders may).
ifneq ($(word 2,$(TPA_BIN)),)
$(error tpa: TPA_BIN "$(TPA_BIN)" holds a space, which make cannot run programs from: install tpa, or build it, in a folder whose path has none)
endif
SUB = $(MAKE) --no-print-directory
# The towns and villages run from here wait quietly: the summary at the
# end says once what each village waits for (one line a village).
NESTED = $(SUB) TPA_NESTED=1

.PHONY: all places audit stats summary status notices clean .tpa-blocked
.DEFAULT_GOAL := all
.SUFFIXES:

# At the county, the audit runs once more after the places, to receive
# the registries made since (RECEIVE, below); the villages then see that
# audit once, so that a second make finds everything up to date.
# A phase that fails stops the phases after it; the summary still says
# where each village is (the towns' and villages' own makes, run from
# here, say nothing of it), and make fails.
PHASES := places audit places $(if $(filter county,$(LEVEL)),audit places) stats
all:
	@rc=0; for p in $(PHASES); do $(SUB) $$p || { rc=$$?; break; }; done; \
	$(SUB) summary || rc=$$?; exit $$rc

# The copies the level received hold ID numbers: a copy or a git checkout
# may have left them readable by others; back to 0600 (and their folders
# to 0700), every run. The audit reports them (PERMISSIONS).
all: .tpa-private
.PHONY: .tpa-private
.tpa-private:
	@if [ -d received ]; then chmod -R go-rwx received; fi
	@for f in objections-town.csv objections-county.csv; do \
	  if [ -f $$f ] && [ ! -L $$f ]; then chmod go-rwx $$f; fi; done

places: $(PLACES)
town-%:
	@$(NESTED) -s -C ../$* || true
village-%:
	@$(NESTED) -s -C ../$* || true

ifeq ($(AUDITED),)
audit:
	@$(if $(TPA_NESTED),:,$(T)tpa wait no-audit $(LEVEL) $(AREA) $(BELOW))
else
audit: audit.csv
endif

# What the audit read (each village's lists, data and village.yaml), as
# it wrote it: the audit runs again when any of them changes.
-include .tpa-deps.mk
-include .tpa-blocked.mk
.tpa-blocked: ;

# In an area (this folder holds town.yaml or county.yaml) the audit
# covers every village villages.csv lists: it is given no folders.
AREA_FILE := $(wildcard $(LEVEL).yaml)
# There a town's or county's objections file in a village folder is never
# read, and the audit reports it (OWNER_FILE_IN_VILLAGE): one that appears
# runs the audit again.
STRAY := $(if $(AREA_FILE),$(wildcard $(VILLAGES:%=%/objections-town.csv) $(VILLAGES:%=%/objections-county.csv)))
# The county receives each registry at its first audit after tpa-file
# (SPEC §8 "Receipts"): a new registry runs the county audit again.
RECEIVE := $(if $(filter county,$(LEVEL)),$(if $(AREA_FILE),$(REGISTRIES:%=%/households.csv)))
# A row of the level's reopen.csv makes a village's next receipt due
# (SPEC §8 "Reopening"): the file, once there, runs the audit again.
REOPEN := $(if $(AREA_FILE),$(wildcard reopen.csv))
# What the level received, and the towns' ledgers the county's pins: an
# edit of a ledger or of a received copy runs the audit again, which
# verifies them (LEDGER_BROKEN). The audit appends to LEDGER.csv before it
# writes audit.csv, so its own receipts run nothing again.
LEDGERS := $(if $(AREA_FILE),$(wildcard LEDGER.csv received/*/*/* received/*/*/registry/*) $(if $(filter county,$(LEVEL)),$(wildcard ../town-$(AREA)*/LEDGER.csv)))
# The level's own notices (make notices): the audit checks each village's
# part of them; one made, or edited, runs it again.
NOTICES := $(if $(AREA_FILE),$(wildcard notice-$(LEVEL)-*.html))
audit.csv sample.csv &: $(AUDITED:%=%/publicized-$(BELOW).csv) $(AUDITED:%=%/village.yaml) $(AREA_FILE) $(STRAY) $(RECEIVE) $(LEDGERS) $(REOPEN) $(NOTICES)
	@$(T)tpa-audit --level $(LEVEL) -o . $(if $(AREA_FILE),,$(AUDITED)) || [ $$? -eq 1 ]

ifeq ($(REGISTRIES),)
stats:
	@true
else
stats: stats.csv
endif

# The towns' statistics count what the county received: the county makes
# them again after its audit took its receipts (TOWNS: county.mk's).
ifeq ($(LEVEL),county)
stats: $(addprefix stats-,$(notdir $(TOWNS)))
stats-%:
	@$(SUB) -s -C ../$* stats || true
endif

# In an area the statistics count what the county received: they are made
# again when its LEDGER.csv changes.
COUNTY_LEDGER := $(if $(AREA_FILE),$(wildcard $(if $(filter county,$(LEVEL)),.,../county-$(shell printf '%.6s' '$(AREA)'))/LEDGER.csv))
stats.csv stats.svg &: $(REGISTRIES:%=%/households.csv) $(REGISTRIES:%=%/members.csv) $(COUNTY_LEDGER)
	@$(T)tpa-file stats -o . $(REGISTRIES)

# The notice of the whole town or county (tpa-publicize(1) area-notice):
# every village of villages.csv with its households, its list's
# fingerprint and its totals, one file per posting period
# (notice-$(LEVEL)-START-END.html). The office makes it when it posts.
notices:
	@$(T)tpa-publicize area-notice -q .

# Each village's first step not done. A village that waits is the normal
# state (tpa status exits 3: nothing fails here); one that is blocked or
# failed needs action, and make fails.
summary:
	@$(if $(TPA_NESTED),:,$(T)tpa status --brief $(VILLAGES) || [ $$? -eq 3 ])

# What the level received (in an area), each village's first step not
# done, and how many are done, wait or are blocked.
status:
	@$(T)tpa status . || [ $$? -eq 3 ]

clean:
	rm -f audit.csv sample.csv stats.csv stats.svg notice-$(LEVEL)-*.html PROVENANCE.csv .tpa-deps.mk .tpa-blocked.mk .*.tmp-*
