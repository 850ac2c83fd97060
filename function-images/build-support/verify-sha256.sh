#!/usr/bin/env bash
# Fails the build unless FILE has the committed SHA-256; used for model artefacts that Maven resolves.
# Usage: verify-sha256.sh FILE SHA256
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 FILE SHA256" >&2
  exit 64
fi
actual=$(sha256sum "$1" | cut -d ' ' -f 1)
if [[ $actual != "$2" ]]; then
  echo "checksum mismatch for $1: expected $2, got $actual" >&2
  exit 1
fi
