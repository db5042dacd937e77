# Rules and neighbours: their private headers (not known to the top
# Makefile's pattern rules) are prerequisites of the objects using them.
NEIGH_PRIV := lib/internal-rule.h $(wildcard lib/internal-neigh.h)
$(patsubst lib/%.c,$(BUILD)/lib/%.o,$(wildcard lib/rule*.c lib/neigh*.c)): $(NEIGH_PRIV)
$(patsubst lib/%.c,$(BUILD)/pic/%.o,$(wildcard lib/rule*.c lib/neigh*.c)): $(NEIGH_PRIV)
$(BUILD)/test/test-rule.o $(BUILD)/test/test-neigh.o $(BUILD)/test/harness-neigh.o: $(NEIGH_PRIV) test/harness-neigh.h
