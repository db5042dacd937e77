# The full-kernel tier: the whole Check suite, built on the host, runs as
# root inside Debian's linux-image-amd64 (6.1) booted by qemu TCG, with the
# host root shared read-only and this tree read-write (test/vm/run-in-vm.sh).
# Nothing may skip there (NLT_NO_SKIP=1) except what the 6.1 kernel is too
# old for (VM_SKIP_ALLOW: netkit arrived in 6.7).  TCG is ~10-30x slower
# than the host, hence the larger Check timeout multiplier.
VM_RUN        ?= test/vm/run-in-vm.sh
VM_SKIP_ALLOW ?= netkit
VM_CK_TIMEOUT ?= 10
VM_TEST_ENV   ?=

.PHONY: check-vm

VM_ENV = NLT_NO_SKIP=1 NLT_SKIP_ALLOW=$(VM_SKIP_ALLOW) CK_TIMEOUT_MULTIPLIER=$(VM_CK_TIMEOUT) \
         $(if $(CK_RUN_SUITE),CK_RUN_SUITE=$(CK_RUN_SUITE)) \
         $(if $(CK_RUN_CASE),CK_RUN_CASE=$(CK_RUN_CASE)) $(VM_TEST_ENV)

check-vm: deps
	@sh test/install-deps.sh vm
	@$(MAKE) --no-print-directory -s $(TEST_BIN) $(EX_BINS)
	bash $(VM_RUN) -d $(CURDIR) $(foreach e,$(VM_ENV),-e $(e)) -- $(TEST_BIN)
