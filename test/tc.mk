# Traffic control: the tc family's private header is a dependency of every
# library object (lib/internal-tc.h is included by lib/tc-*.c only, but make
# has no per-file dependency tracking here).
$(LIB_OBJS) $(PIC_OBJS): lib/internal-tc.h
