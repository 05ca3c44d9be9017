#!/usr/bin/env bash
# install.sh installs the peers make bench measures against (Google's
# <model-viewer> and three.js, pinned in package-lock.json) into
# bench/node_modules, once: a clean clone needs the npm registry on its
# first `make bench`, later runs need nothing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -f "$here/node_modules/.package-lock.json" ] && cmp -s "$here/package-lock.json" "$here/node_modules/.installed-lock.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "bench: npm is missing; install Node.js 20 or later (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
cp "$here/package-lock.json" "$here/node_modules/.installed-lock.json"
