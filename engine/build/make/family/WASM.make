# A board whose hardware is its WebAssembly host: the board layer in targets/wasm.
DEFINES += -DEMSCRIPTEN
INCLUDE += -I$(ROOT)/targets/wasm
SOURCES += \
targets/wasm/main.c \
targets/wasm/jshardware.c \
targets/wasm/network_host.c \
targets/wasm/wifi_host.c
WRAPPERSOURCES += libs/network/jswrap_wifi.c
CFLAGS += -Wno-unused-function -Wno-switch
# -O2, compiling and linking: the tests run the interpreter for hours of board time, and Espruino's
# Makefile leaves the optimisation to the family (the chips' families build for size).
OPTIMIZEFLAGS += -O2
# A standalone module whose only imports are the host's and a few of WASI's.
# Espruino calls some functions through pointers of another type (e.g. a print callback without
# its user-data argument), which C on a chip tolerates and WebAssembly traps on:
# EMULATE_FUNCTION_POINTER_CASTS makes those calls behave as on the chip.
# GLOBAL_BASE puts the board's memory above the Storage addresses (see jshFlashGetMemMapAddress).
LDFLAGS += -s STANDALONE_WASM=1 -s EMULATE_FUNCTION_POINTER_CASTS=1 --no-entry -s GLOBAL_BASE=4194304 -s TOTAL_STACK=1048576 \
  -s INITIAL_MEMORY=16777216 -s ALLOW_MEMORY_GROWTH=0 -s FILESYSTEM=0 -s ERROR_ON_UNDEFINED_SYMBOLS=0 -Wl,--strip-all
