# Shared make rules for one village-year folder (SPEC §7). A village's
# Makefile is one line:
#     include $(or $(TPA_MK_DIR),$(shell ... tpa --mk-dir ...))/village.mk
# (the same line on every machine: the rules of TPA_MK_DIR when given,
# else those `tpa --mk-dir` prints — the tpa of TPA_BIN, else of the
# folder ../.tpa-bin.mk names, else of PATH; tpa-make(7)).
# The town's and county's Makefiles include town.mk and county.mk the
# same way.
#
# `make` runs every stage whose inputs changed — the rules file and every
# file it includes, village.yaml, the column aliases and last year's
# registry included (.tpa-deps.mk, written by the stages) — in the order of
# the procedure:
#   apply -> survey -> appraise -> village notice and letters ->
#   (objections-village.csv) -> publicized-village.csv -> town audit ->
#   town notice and letters -> (objections-town.csv) -> publicized-town.csv
#   -> county audit -> county notice and letters -> (objections-county.csv)
#   -> publicized-county.csv -> registry/
# and stops where the procedure waits (an objections file not there yet:
# that level's publicity has not ended; an audit not done yet: one plain
# line, and make exits 0, for waiting is the normal state) or is blocked
# (quorum not met, an objection pending, a period too short, a list
# changed after its notice was posted, an error of the audit for this
# village, an input a stage refused: make fails, for someone must act). A
# blocked stage writes its outputs and names them in .tpa-blocked.mk, so
# make runs it again next time until it is no longer blocked.
#
# The rules say which levels post (publicity: in tpa-rules(5); `tpa status
# --levels` prints them): a level that does not post has no notice,
# letters, objections or list, and the next step takes the list of the
# last level that posted. Both audits run whatever posts; each covers the
# list of the last posting level below it and clears the first step after
# it (the next posting, or the registry, filed from the last level's list).
#
#   make            every stage that can run
#   make status     which step the village is at and what it waits for
#   make notice     the notice to post now and the letters to hand to the
#                   households (village, town or county level)
#   make clean      remove the outputs (never an input) and the
#                   temporaries of a stage that was stopped
#
# Every line a waiting point prints comes from `tpa wait`, in the locale's
# language.
#
# Variables: TPA_BIN (the folder of the tpa programs; default: PATH);
# TPA_AUDIT=0 runs a village alone, without the town and county audits
# (their steps are skipped, and `make status` says so).

# This machine's programs, when tpa-init wrote their folder beside the
# year's folders (TPA_BIN ?= ...; a TPA_BIN given to make wins).
-include ../.tpa-bin.mk
TPA_BIN ?=
TPA_AUDIT ?= 1
# A stage that fails is named in .tpa-blocked.mk (for make status).
export TPA_RECORD_FAILURE := 1
T = $(if $(TPA_BIN),$(TPA_BIN)/,)
# The line of a normal waiting point, in the locale's language (tpa wait).
# Run by a town's or county's make (TPA_NESTED=1), which says once at its
# end what each village waits for, the village says nothing.
SAY = $(if $(TPA_NESTED),:,$(T)tpa wait)
# make splits words at spaces: the folder of the programs cannot hold one
# (folders above a county's year folders may).
ifneq ($(word 2,$(TPA_BIN)),)
$(error tpa: TPA_BIN "$(TPA_BIN)" holds a space, which make cannot run programs from: install tpa, or build it, in a folder whose path has none)
endif
# The village's code, as its village.yaml gives it (never its folder's
# name); its town's and county's folders are named by the code's first 9
# and 6 digits. Empty when village.yaml cannot be read: the stages say why.
CODE := $(shell $(T)tpa status --code . 2>/dev/null)
TOWN_DIR := ../town-$(shell printf '%.9s' '$(CODE)')
COUNTY_DIR := ../county-$(shell printf '%.6s' '$(CODE)')
# The levels that post, in order (village first), as the rules say; all
# three when they cannot be read: the stages say why.
LEVELS := $(or $(shell $(T)tpa status --levels . 2>/dev/null),village town county)
posts = $(filter $(1),$(LEVELS))
LAST := $(lastword $(LEVELS))
# The list each audit covers: that of the last posting level below it.
BELOW_TOWN := publicized-village.csv
BELOW_COUNTY := publicized-$(if $(call posts,town),town,village).csv
ifeq ($(TPA_AUDIT),0)
town_gate =
county_gate =
else
town_gate = .tpa-town-audit
county_gate = .tpa-county-audit
endif
# The gates each step waits for: an audit clears the first posting at or
# after its level, else the registry.
GATES_TOWN := $(town_gate)
GATES_COUNTY := $(if $(call posts,town),,$(town_gate)) $(county_gate)
GATES_REGISTRY := $(if $(call posts,county),,$(if $(call posts,town),,$(town_gate)) $(county_gate))

.PHONY: all status notice clean .tpa-blocked

# The files a step waits for: when one of them is not there (its level's
# publicity has not ended, its audit has not cleared the village), the
# step waiting for it said so in one line and the steps after it do
# nothing. $(call after,$^ $|[,OUTPUTS]) starts each of those steps'
# recipes: make runs a recipe only when its output is out of date, so a
# step that waits removes its OUTPUTS (default: its target), as make clean
# would, and each step after it in turn finds its input gone and removes
# its own: nothing made from a list older than the one it depends on is
# left looking current, nor rebuilt from it.
# In an area (a town-*/town.yaml or county-*/county.yaml beside this
# folder: tpa-area(5)) the town's and the county's objections are their
# files, ../town-T/objections-town.csv and ../county-C/objections-county.csv,
# and they are final for this village only once the owner closed its
# posting (villages.csv town_closed, county.yaml publicity.closed):
# .tpa-town-closed and .tpa-county-closed stand for that, made by
# `tpa status --closed`. Waiting for them is normal, as for any file.
IN_AREA := $(if $(wildcard ../town-*/town.yaml ../county-*/county.yaml),1)
ifeq ($(IN_AREA),1)
OBJ_TOWN := $(TOWN_DIR)/objections-town.csv
OBJ_COUNTY := $(COUNTY_DIR)/objections-county.csv
CLOSED_TOWN := .tpa-town-closed
CLOSED_COUNTY := .tpa-county-closed
else
OBJ_TOWN := objections-town.csv
OBJ_COUNTY := objections-county.csv
CLOSED_TOWN :=
CLOSED_COUNTY :=
endif
WAITED := applications.csv survey.csv votes.csv \
    applicants.csv primary.csv appraised.csv notice-village.html letters-village.html \
    objections-village.csv $(OBJ_TOWN) $(OBJ_COUNTY) \
    publicized-village.csv publicized-town.csv publicized-county.csv \
    notice-town.html letters-town.html notice-county.html letters-county.html \
    .tpa-town-audit .tpa-county-audit $(CLOSED_TOWN) $(CLOSED_COUNTY)
after = for f in $(filter $(WAITED),$(1)); do [ -e $$f ] || { $(call forget,$(call unposted,$(or $(2),$@))) exit 0; }; done;
# The village notice, once objections-village.csv exists, was posted: it
# is a record, and the households, rows and totals it shows are what keeps
# a list changed since from being posted as if it had been (tpa-publicize
# compares them by value). No receipt covers the village's list before the
# town's, so neither make clean nor a step that waits removes it. (The
# town's and county's notices show lists a level received: a change to
# them is CHANGED_AFTER_RECEIPT whatever make removes.)
POSTED_NOTICES := $(if $(wildcard objections-village.csv),notice-village.html)
unposted = $(or $(filter-out $(POSTED_NOTICES),$(1)),.tpa-none)
# $(call forget,OUTPUTS): remove OUTPUTS (a folder with what is in it) and
# their rows in PROVENANCE.csv and .tpa-blocked.mk, so that neither the
# audits nor tpa status take a removed output for one changed or blocked.
# It holds the folder's lock, as the stages do when they write them (make
# -j may run two steps at once).
forget = rm -rf $(1); if command -v flock >/dev/null 2>&1; then exec 9<.; flock 9; fi; \
  for p in PROVENANCE.csv .tpa-blocked.mk; do [ -f $$p ] || continue; \
  awk -v gone='$(1)' 'BEGIN { n = split(gone, g, " ") } \
    { s = $$0; sub(/^.! /, "", s); sub(/[,:].*/, "", s); \
      for (i = 1; i <= n; i++) if (s == g[i] || index(s, g[i] "/") == 1) next; print }' \
    $$p >.$$p.tmp-$$$$ && { cmp -s .$$p.tmp-$$$$ $$p && rm -f .$$p.tmp-$$$$ || mv -f .$$p.tmp-$$$$ $$p; }; done;
.DEFAULT_GOAL := all
.SUFFIXES:

all: .tpa-private registry/households.csv

# The files holding ID numbers (tpa status --exposed names them) that a
# copy or a git checkout left readable by others go back to 0600, every
# run; the audit reports them (PERMISSIONS). A mode is not content:
# nothing is made again for it.
.PHONY: .tpa-private
.tpa-private:
	@$(T)tpa status --exposed . | while IFS= read -r f; do chmod go-rwx "$$f"; done

# What every output was made from, and which are blocked: both written by
# the stages themselves.
-include .tpa-deps.mk
-include .tpa-blocked.mk
.tpa-blocked: ;

applicants.csv rejects-apply.csv &: applications.csv village.yaml
	@$(call after,$^ $|,applicants.csv rejects-apply.csv) $(T)tpa-apply --village village.yaml -o applicants.csv applications.csv

primary.csv rejects-survey.csv &: applicants.csv survey.csv village.yaml
	@$(call after,$^ $|,primary.csv rejects-survey.csv) $(T)tpa-survey --village village.yaml -o primary.csv applicants.csv survey.csv

appraised.csv: primary.csv votes.csv village.yaml
	@$(call after,$^ $|) $(T)tpa-appraise --village village.yaml -o $@ primary.csv votes.csv

# An input the village makes (from tpa-init's templates/) that is not
# there yet: waiting, as for an objections file; one line says what to
# fill in (for the first that is missing only). The lists made from them
# are waited for in turn.
applications.csv:
	@$(SAY) input $@
survey.csv:
	@[ ! -e applications.csv ] || $(SAY) input $@
votes.csv:
	@[ ! -e applications.csv ] || [ ! -e survey.csv ] || $(SAY) input $@

notice-village.html: appraised.csv village.yaml
	@$(call after,$^ $|) $(T)tpa-publicize notice --level village --village village.yaml -o $@ appraised.csv

letters-village.html: appraised.csv village.yaml
	@$(call after,$^ $|) $(T)tpa-publicize letter --level village --village village.yaml -o $@ appraised.csv

# A level's objections are resolved once its notice is posted and its
# letters handed out.
publicized-village.csv: notice-village.html letters-village.html appraised.csv objections-village.csv village.yaml
	@$(call after,$^ $|) $(T)tpa-publicize resolve --level village --village village.yaml -o $@ appraised.csv objections-village.csv

# The town's and the county's postings, of the list of the level that
# posted before.
# $(call posting,LEVEL,LIST,GATES,OBJECTIONS,CLOSED)
define posting
notice-$(1).html: $(2) village.yaml | $(3)
	@$$(call after,$$^ $$|) $$(T)tpa-publicize notice --level $(1) --village village.yaml -o $$@ $(2)

letters-$(1).html: $(2) village.yaml | $(3)
	@$$(call after,$$^ $$|) $$(T)tpa-publicize letter --level $(1) --village village.yaml -o $$@ $(2)

publicized-$(1).csv: notice-$(1).html letters-$(1).html $(2) $(4) $(5) village.yaml
	@$$(call after,$$^ $$|) $$(T)tpa-publicize resolve --level $(1) --village village.yaml -o $$@ $(2) $(4)
endef
ifneq ($(call posts,town),)
$(eval $(call posting,town,publicized-village.csv,$(GATES_TOWN),$(OBJ_TOWN),$(CLOSED_TOWN)))
endif
ifneq ($(call posts,county),)
$(eval $(call posting,county,$(BELOW_COUNTY),$(GATES_COUNTY),$(OBJ_COUNTY),$(CLOSED_COUNTY)))
endif

registry/households.csv: publicized-$(LAST).csv primary.csv applicants.csv village.yaml | $(GATES_REGISTRY)
	@$(call after,$^ $|,registry) $(T)tpa-file --village village.yaml .

# An objections file that does not exist yet: that level's publicity has
# not ended. Waiting is normal: say what to do, in one line.
objections-%.csv: | notice-%.html
	@$(call after,$^ $|) $(SAY) objections $*

ifeq ($(IN_AREA),1)
# The town's or county's objections file not there yet, once the level's
# notice is posted: the owner records them when its posting's period is
# over.
ifneq ($(call posts,town),)
$(OBJ_TOWN): | notice-town.html
	@$(call after,$^ $|) $(SAY) owner-objections town $@
endif

ifneq ($(call posts,county),)
$(OBJ_COUNTY): | notice-county.html
	@$(call after,$^ $|) $(SAY) owner-objections county $@
endif

# Whether the owner closed its posting of this village: one line while
# it has not (make exits 0); a closing date on or before the end stops
# make. The mark is made once (the stages' own entries of villages.csv
# and county.yaml decide whether this village's lists change).
define closed
@$(call after,$^ $|) why=$$($(T)tpa status --closed $(1) .); rc=$$?; \
if [ $$rc -eq 0 ]; then [ -e $@ ] || touch $@; \
elif [ $$rc -eq 3 ]; then $(SAY) closed "$$why"; rm -f $@; \
else rm -f $@; exit 1; fi
endef

ifneq ($(call posts,town),)
.tpa-town-closed: $(OBJ_TOWN) $(TOWN_DIR)/villages.csv $(TOWN_DIR)/town.yaml
	$(call closed,town)
endif

ifneq ($(call posts,county),)
.tpa-county-closed: $(OBJ_COUNTY) $(COUNTY_DIR)/county.yaml
	$(call closed,county)
endif

$(TOWN_DIR)/villages.csv $(TOWN_DIR)/town.yaml $(COUNTY_DIR)/county.yaml: ;
endif

# The audits span villages: the town's and county's folders run them
# (town.mk, county.mk). A village waits for its audit, and goes on only
# when the audit covered the list it has now (the audit's PROVENANCE.csv
# records that list with its sha256, under this folder's name) and holds
# no error for its code (the code village.yaml gives). Waiting for the
# audit is normal; an error of the audit for the village stops make.
# $(call gate,LEVEL,AUDIT_DIR,LIST)
define gate
@$(call after,$^ $|) sha=$$(sha256sum '$(3)' | cut -c1-64); here=$$(pwd -P); \
if [ -z '$(CODE)' ]; then \
  $(T)tpa wait no-code; rm -f $@; exit 1; \
elif [ ! -f '$(2)/audit.csv' ]; then \
  $(SAY) audit-missing $(1) '$(2)' '$(3)'; rm -f $@; \
elif ! grep -q "/$${here##*/}/$(3)@$$sha" '$(2)/PROVENANCE.csv' 2>/dev/null; then \
  $(SAY) audit-stale $(1) '$(2)' '$(3)'; rm -f $@; \
elif awk -F, -v c='$(CODE)' '$$1 == "error" && $$3 == c { n++ } END { exit n > 0 }' '$(2)/audit.csv'; then touch $@; \
else $(T)tpa wait audit-errors $(1) '$(CODE)' '$(2)'; rm -f $@; exit 1; fi
endef

.tpa-town-audit: $(TOWN_DIR)/audit.csv $(BELOW_TOWN)
	$(call gate,town,$(TOWN_DIR),$(BELOW_TOWN))

.tpa-county-audit: $(COUNTY_DIR)/audit.csv $(BELOW_COUNTY) $(if $(call posts,town),,$(town_gate))
	$(call gate,county,$(COUNTY_DIR),$(BELOW_COUNTY))

# An audit not there yet: its gate says so.
$(TOWN_DIR)/audit.csv $(COUNTY_DIR)/audit.csv: ;

status:
	@$(T)tpa status $(if $(filter 0,$(TPA_AUDIT)),--no-audit) . || [ $$? -eq 3 ]

# The notice to post now: the furthest level reached, the last posting
# level whose list below is there (LEVEL:LIST, in order).
REACHED := $(if $(call posts,town),town:publicized-village.csv) \
    $(if $(call posts,county),county:$(BELOW_COUNTY))
notice:
	@l=village; for p in $(REACHED); do [ -f $${p#*:} ] && l=$${p%%:*}; done; \
	$(MAKE) --no-print-directory notice-$$l.html letters-$$l.html

clean:
	rm -rf applicants.csv rejects-apply.csv primary.csv rejects-survey.csv \
	    appraised.csv $(filter-out $(POSTED_NOTICES),notice-village.html) \
	    notice-town.html notice-county.html \
	    letters-village.html letters-town.html letters-county.html \
	    publicized-village.csv publicized-town.csv publicized-county.csv \
	    resurvey.csv registry PROVENANCE.csv .tpa-deps.mk .tpa-blocked.mk \
	    .tpa-town-audit .tpa-county-audit .tpa-town-closed \
	    .tpa-county-closed .*.tmp-*
