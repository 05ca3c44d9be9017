#!/usr/bin/env bash
# prepare.sh OUT prepares the browser build's copy of g3n: the pinned
# module with the files under app/_g3n laid over it (its GUI fonts left
# out: see gui/assets/data.go), and OUT/wasm.mod and OUT/wasm.sum, which
# are go.mod and go.sum with g3n replaced by that copy. The Makefile builds
# the wasm with `go build -modfile=OUT/wasm.mod`; go.mod, the native
# build and the tests use g3n as it is published.
#
# The go command refuses -overlay for files in the module cache, and a
# replace in go.mod would put a copy of g3n in the repository: this keeps
# the change to the two files below.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
cd "$root"

# The laid-over files are g3n v0.2.0's with a change: a new version needs
# them checked again.
want=v0.2.0
have="$(go list -m -f '{{.Version}}' github.com/g3n/engine)"
if [ "$have" != "$want" ]; then
  echo "app/_g3n: its files replace g3n $want's, but go.mod now asks for $have; compare them with the new version's and update want" >&2
  exit 1
fi
go mod download github.com/g3n/engine
src="$(go list -m -f '{{.Dir}}' github.com/g3n/engine)"

rm -rf "$out/g3n"
cp -R "$src" "$out/g3n"
chmod -R u+w "$out/g3n"
(cd "$here" && find . -name '*.go') | while read -r f; do
  if [ ! -f "$out/g3n/$f" ]; then
    echo "app/_g3n: g3n $want has no $f to replace" >&2
    exit 1
  fi
  cp "$here/$f" "$out/g3n/$f"
done

cp go.mod "$out/wasm.mod"
printf '\n// The browser build only (app/_g3n/prepare.sh).\nreplace github.com/g3n/engine %s => %s\n' "$want" "$out/g3n" >> "$out/wasm.mod"
cp go.sum "$out/wasm.sum"
