#!/usr/bin/env bash
# run.sh validates GLB files (or folders of them) with the Khronos glTF
# validator, installing the pinned npm package on first use.
#
# Usage: bash assets/gltf-validate/run.sh assets/web/models [more paths...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -d "$here/node_modules/gltf-validator" ]; then
  if [ -f "$here/package-lock.json" ]; then
    npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
  else
    npm install --prefix "$here" --no-audit --no-fund --loglevel=error
  fi
fi
if [ "$#" -eq 0 ]; then
  set -- "$here/../web/models"
fi
exec node "$here/validate.mjs" "$@"
