#!/usr/bin/env bash
# Installs what vigie needs to build and test on a Debian machine: libgit2 (the only C library),
# git (tests make bare and shallow clones with it), pkg-config, and Python's jsonschema
# (tests validate every scorecard against docs/schema/scorecard.schema.json).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if ! pkg-config --exists libgit2 2>/dev/null || ! command -v git >/dev/null; then
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgit2-dev pkg-config git >/dev/null
fi
if ! python3 -c 'import jsonschema' 2>/dev/null; then
    python3 -m pip install --quiet jsonschema || $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema >/dev/null
fi
echo "vigie: dependencies ready (libgit2 $(pkg-config --modversion libgit2))"
