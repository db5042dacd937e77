# Events and batches: their private headers (not known to the top
# Makefile's pattern rules) are prerequisites of the objects using them.
EVENTS_PRIV := lib/internal-batch.h lib/internal-monitor.h $(wildcard lib/internal-route.h lib/internal-addr.h \
  lib/internal-rule.h lib/internal-nexthop.h lib/internal-neigh.h lib/internal-link.h lib/internal-tc.h)
$(patsubst lib/%.c,$(BUILD)/lib/%.o,$(wildcard lib/batch*.c lib/monitor*.c)): $(EVENTS_PRIV)
$(patsubst lib/%.c,$(BUILD)/pic/%.o,$(wildcard lib/batch*.c lib/monitor*.c)): $(EVENTS_PRIV)
