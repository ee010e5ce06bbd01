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
# A standalone module whose only imports are the host's and a few of WASI's.
# GLOBAL_BASE puts the board's memory above the Storage addresses (see jshFlashGetMemMapAddress).
LDFLAGS += -s STANDALONE_WASM=1 --no-entry -s GLOBAL_BASE=4194304 -s TOTAL_STACK=1048576 \
  -s INITIAL_MEMORY=16777216 -s ALLOW_MEMORY_GROWTH=0 -s FILESYSTEM=0 -s ERROR_ON_UNDEFINED_SYMBOLS=0 -Oz -Wl,--strip-all
