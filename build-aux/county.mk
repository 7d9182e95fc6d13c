# Shared make rules for a county folder (SPEC §7): county-CCCCCC/ beside its
# towns' and villages' folders (codes starting with the county's 6
# digits). Its Makefile is one line:
#     include $(or $(TPA_MK_DIR),$(shell ... tpa --mk-dir ...))/county.mk
# (the same line on every machine: the rules of TPA_MK_DIR when given,
# else those `tpa --mk-dir` prints — the tpa of TPA_BIN, else of the
# folder ../.tpa-bin.mk names, else of PATH; tpa-make(7)).
# `make -j` here runs, in phases:
#   1. every town folder (each runs its villages and its audit) and every
#      village that has no town folder, as far as they go;
#   2. the county audit (audit.csv, sample.csv) over the villages that
#      have publicized-town.csv (publicized-village.csv when the
#      procedure has no town posting: its levels are the county's, for
#      every town, as `tpa status --levels` prints them);
#   3. the towns and villages again (those the audit cleared go on to the
#      county notice and, once its objections are in, the registry);
#   4. the county's statistics over the villages' registries (stats.csv,
#      stats.svg), and a summary: each village's first step not done.
# `make notices` writes the county's one announcement for all its towns'
# villages (notice-county-START-END.html).
# Variables: TPA_BIN, TPA_MK_DIR, as for town.mk.

LEVEL := county
# (the last word of the path: a space may be in a folder above)
AREA := $(patsubst county-%,%,$(lastword $(notdir $(CURDIR))))
TOWNS := $(sort $(patsubst %/Makefile,%,$(wildcard ../town-$(AREA)[0-9][0-9][0-9]/Makefile)))
VILLAGES := $(sort $(patsubst %/village.yaml,%,$(wildcard ../$(AREA)[0-9][0-9][0-9][0-9][0-9][0-9]/village.yaml)))
T = $(if $(TPA_BIN),$(TPA_BIN)/,)
# All towns follow the county's procedure: any village's rules say it.
POSTING := $(if $(VILLAGES),$(shell $(T)tpa status --levels $(firstword $(VILLAGES)) 2>/dev/null))
BELOW := $(if $(POSTING),$(if $(filter town,$(POSTING)),town,village),town)
TOWNLESS := $(foreach v,$(VILLAGES),$(if $(wildcard ../town-$(shell printf '%.9s' '$(notdir $(v))')/Makefile),,$(v)))
AUDITED := $(sort $(patsubst %/publicized-$(BELOW).csv,%,$(wildcard ../$(AREA)[0-9][0-9][0-9][0-9][0-9][0-9]/publicized-$(BELOW).csv)))
REGISTRIES := $(sort $(patsubst %/households.csv,%,$(wildcard ../$(AREA)[0-9][0-9][0-9][0-9][0-9][0-9]/registry/households.csv)))
PLACES := $(addprefix town-,$(notdir $(TOWNS))) $(addprefix village-,$(notdir $(TOWNLESS)))

include $(dir $(lastword $(MAKEFILE_LIST)))area.mk
