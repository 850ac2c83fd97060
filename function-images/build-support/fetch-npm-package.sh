#!/usr/bin/env bash
# Fetches one npm package by pinned version with the ordinary npm client, checks the tarball's SHA-256
# against the committed value and extracts the named paths into a build directory.
# Usage: fetch-npm-package.sh NAME VERSION SHA256 DEST_DIR PATH_IN_TARBALL...
# Tarballs are cached in ${MLBENCH_CACHE_DIR:-$HOME/.cache/mlbench}/npm and reused while they verify.
set -euo pipefail

if [[ $# -lt 5 ]]; then
  echo "usage: $0 NAME VERSION SHA256 DEST_DIR PATH_IN_TARBALL..." >&2
  exit 64
fi
name=$1
version=$2
expected_sha256=$3
dest=$4
shift 4

cache_dir="${MLBENCH_CACHE_DIR:-$HOME/.cache/mlbench}/npm"
flat_name=${name#@}
tarball="$cache_dir/${flat_name//\//-}-$version.tgz"

sha256_of() {
  sha256sum "$1" | cut -d ' ' -f 1
}

mkdir -p "$cache_dir"
if [[ ! -f $tarball || $(sha256_of "$tarball") != "$expected_sha256" ]]; then
  work_dir=$(mktemp -d "$cache_dir/.pack.XXXXXX")
  trap 'rm -rf "$work_dir"' EXIT
  packed=$(cd "$work_dir" && npm pack "$name@$version" --silent | tail -n 1)
  actual_sha256=$(sha256_of "$work_dir/$packed")
  if [[ $actual_sha256 != "$expected_sha256" ]]; then
    echo "checksum mismatch for $name@$version: expected $expected_sha256, got $actual_sha256" >&2
    exit 1
  fi
  mv "$work_dir/$packed" "$tarball"
fi

mkdir -p "$dest"
tar -xzf "$tarball" -C "$dest" "$@"
