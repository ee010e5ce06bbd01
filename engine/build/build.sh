#!/usr/bin/env bash
# Builds the engine's WebAssembly interpreters (engine/wasm/espruino-<board>.wasm) and their
# manifest from Espruino's source: third_party/espruino (Espruino 2v29 with
# espruino-linux-esp32.diff here already applied), plus the board layer here (boards/, make/,
# targets/wasm/) and espruino.diff. Needs Debian's emscripten and python3 (`apt-get install -y emscripten python3 git`).
#
# Usage: engine/build/build.sh            rebuild engine/wasm/
#        engine/build/build.sh --check    rebuild elsewhere and fail if any byte differs
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
check=0
[ "${1:-}" = "--check" ] && check=1
src=${ESPRUINO_SOURCE:-$repo/third_party/espruino}
out=$repo/engine/wasm
command -v emcc >/dev/null || { echo "build.sh: emcc not found: apt-get install -y emscripten" >&2; exit 2; }
[ -f "$src/src/jstimer.c" ] || { echo "build.sh: $src is not Espruino's source" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$src/." "$work/src-tree"
cd "$work/src-tree"
# Our note on where the source came from is not source: editing it must not change the build.
rm -f README.md
cp -a "$here/boards/." boards/
cp -a "$here/make/." make/
mkdir -p targets/wasm && cp -a "$here/targets/wasm/." targets/wasm/
patch -p1 --forward --quiet <"$here/espruino.diff" ||
  { echo "build.sh: espruino.diff does not apply to $src" >&2; exit 2; }
# The build stamps its version from git: a fixed author and date give the same commit every time.
export GIT_AUTHOR_NAME=build GIT_AUTHOR_EMAIL=build@localhost GIT_COMMITTER_NAME=build \
  GIT_COMMITTER_EMAIL=build@localhost GIT_AUTHOR_DATE=2000-01-01T00:00:00Z \
  GIT_COMMITTER_DATE=2000-01-01T00:00:00Z
git init -q && git add -A && git commit -qm "Espruino 2v29 with the engine's board layer"
mkdir -p "$work/out"
build() { # BOARD FILE
  mkdir -p "gen_$1" "obj_$1" "bin_$1"
  NODE_PATH=/usr/share/nodejs make BOARD="$1" RELEASE=1 GENDIR="gen_$1" OBJDIR="obj_$1" \
    BINDIR="bin_$1" PYTHON=python3 -j"$(nproc)" >"build_$1.log" 2>&1 ||
    { tail -20 "build_$1.log"; exit 1; }
  cp "bin_$1/$2" "$work/out/$2"
}
build WASM_ESP32C3 espruino-esp32c3.wasm
build WASM_ESP32 espruino-esp32.wasm
build WASM_ESP32C3_UNICODE espruino-esp32c3-unicode.wasm

layer=$(cd "$here" && find boards make targets espruino.diff -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1)
toolchain=$(emcc --version | head -n1)
{
  echo "{"
  echo "  \"espruinoCommit\": \"c5ff787b1\","
  echo "  \"boardLayerSha256\": \"$layer\","
  echo "  \"toolchain\": \"$toolchain\","
  echo "  \"files\": {"
  sep=""
  for f in espruino-esp32c3.wasm espruino-esp32.wasm espruino-esp32c3-unicode.wasm; do
    printf '%s    "%s": { "bytes": %d, "sha256": "%s" }' "$sep" "$f" "$(stat -c %s "$work/out/$f")" \
      "$(sha256sum "$work/out/$f" | cut -d' ' -f1)"
    sep=$',\n'
  done
  printf '\n  }\n}\n'
} >"$work/out/manifest.json"

if [ "$check" = 1 ]; then
  if diff -r "$work/out" "$out" >/dev/null; then
    echo "build.sh: engine/wasm/ matches a build from source"
    exit 0
  fi
  echo "build.sh: engine/wasm/ differs from a build from source:" >&2
  diff -r "$work/out" "$out" >&2 || true
  exit 1
fi
mkdir -p "$out"
cp "$work/out/"* "$out/"
echo "build.sh: built into engine/wasm/"
cat "$out/manifest.json"
