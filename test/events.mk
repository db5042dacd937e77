# Events and batches: their private headers (not known to the top
# Makefile's pattern rules) are prerequisites of the objects using them.
EVENTS_PRIV := lib/internal-batch.h $(wildcard lib/internal-monitor.h)
$(patsubst lib/%.c,$(BUILD)/lib/%.o,$(wildcard lib/batch*.c lib/monitor*.c)): $(EVENTS_PRIV)
$(patsubst lib/%.c,$(BUILD)/pic/%.o,$(wildcard lib/batch*.c lib/monitor*.c)): $(EVENTS_PRIV)
