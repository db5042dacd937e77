# Addresses, routes and nexthops: their private headers (not known to the
# top Makefile's pattern rules) are prerequisites of the objects using them.
ROUTES_PRIV := lib/internal-route.h lib/internal-addr.h lib/internal-nexthop.h
$(patsubst lib/%.c,$(BUILD)/lib/%.o,$(wildcard lib/addr*.c lib/route*.c lib/nexthop*.c)): $(ROUTES_PRIV)
$(patsubst lib/%.c,$(BUILD)/pic/%.o,$(wildcard lib/addr*.c lib/route*.c lib/nexthop*.c)): $(ROUTES_PRIV)
$(BUILD)/test/test-route.o $(BUILD)/test/test-addr.o $(BUILD)/test/test-nexthop.o $(BUILD)/test/harness-route.o: $(ROUTES_PRIV) test/harness-route.h
$(BUILD)/lib/watch.o $(BUILD)/pic/watch.o $(BUILD)/lib/route.o $(BUILD)/pic/route.o: lib/internal-watch.h
