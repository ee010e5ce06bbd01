#!/usr/bin/env bash
# Builds the Linux Espruino interpreters the device tests run on (ESPRUINO_BIN), from a checkout of
# github.com/espruino/Espruino at 2v29 (commit c5ff787b1) and espruino-linux-esp32.diff beside this
# script: the ESP32-C3's and ESP32's memory and pins, the utility timer on a real-time thread, a pin
# log, and TLS as an ESP32 offers it. See README.md here.
#
# Usage: tools/espruino_linux/build.sh ESPRUINO_CHECKOUT OUTDIR
# Needs: apt-get install -y build-essential gcc-multilib g++-multilib python3 git
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${1:?usage: build.sh ESPRUINO_CHECKOUT OUTDIR}
out=${2:?usage: build.sh ESPRUINO_CHECKOUT OUTDIR}
[ -f "$src/src/jstimer.c" ] || { echo "build.sh: $src is not an Espruino checkout (no src/jstimer.c)" >&2; exit 2; }
mkdir -p "$out"; out=$(cd "$out" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -a "$src/." "$work"; cd "$work"
patch -p1 --forward --quiet <"$here/espruino-linux-esp32.diff" ||
  { echo "build.sh: the patch does not apply: check out Espruino 2v29 (c5ff787b1)" >&2; exit 2; }
# The build stamps its version from git.
[ -d .git ] || { git init -q && git add -A && git -c user.name=build -c user.email=build@localhost commit -qm source; }
build() { # BOARD SUFFIX BINARY
  mkdir -p "gen_$2" "obj_$2" "bin_$2"
  make BOARD="$1" RELEASE=1 GENDIR="gen_$2" OBJDIR="obj_$2" BINDIR="bin_$2" PYTHON=python3 -j"$(nproc)" \
    >"build_$2.log" 2>&1 || { tail -20 "build_$2.log"; exit 1; }
  cp "bin_$2/$3" "$out/$3"
}
build LINUX_ESP32C3 c3 espruino-esp32c3
build LINUX_ESP32 e32 espruino-esp32
build LINUX_ESP32C3_UNICODE c3u espruino-esp32c3-unicode
echo "built into $out: set ESPRUINO_BIN=$out"
