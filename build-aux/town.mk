# Shared make rules for a town folder (SPEC §7): town-TTTTTTTTT/ beside its
# villages' folders (the villages whose 12-digit codes start with the
# town's 9 digits). Its Makefile is one line:
#     include $(or $(TPA_MK_DIR),$(shell ... tpa --mk-dir ...))/town.mk
# (the same line on every machine: the rules of TPA_MK_DIR when given,
# else those `tpa --mk-dir` prints — the tpa of TPA_BIN, else of the
# folder ../.tpa-bin.mk names, else of PATH; tpa-make(7)).
# `make -j` here runs, in phases:
#   1. every village as far as it goes (a village that waits does not stop
#      the others);
#   2. the town audit (audit.csv, sample.csv) over the villages that have
#      publicized-village.csv;
#   3. every village again (those the audit cleared go on to the town
#      notice);
#   4. the town's statistics over its villages' registries (stats.csv,
#      stats.svg), and a summary: each village's first step not done.
# `make notices` writes the town's one notice for all its villages
# (notice-town-START-END.html, one per posting period).
# Variables: TPA_BIN (the folder of the tpa programs; default: PATH),
# TPA_MK_DIR (the folder of the make rules; default: this file's, which
# make passes on to the villages' Makefiles).

LEVEL := town
# (the last word of the path: a space may be in a folder above)
AREA := $(patsubst town-%,%,$(lastword $(notdir $(CURDIR))))
BELOW := village
VILLAGES := $(sort $(patsubst %/village.yaml,%,$(wildcard ../$(AREA)[0-9][0-9][0-9]/village.yaml)))
AUDITED := $(sort $(patsubst %/publicized-village.csv,%,$(wildcard ../$(AREA)[0-9][0-9][0-9]/publicized-village.csv)))
REGISTRIES := $(sort $(patsubst %/households.csv,%,$(wildcard ../$(AREA)[0-9][0-9][0-9]/registry/households.csv)))
PLACES := $(addprefix village-,$(notdir $(VILLAGES)))

include $(dir $(lastword $(MAKEFILE_LIST)))area.mk
