#!/usr/bin/env bash
# Builds vigie in release mode and installs it under PREFIX (default /usr/local):
#   PREFIX/bin/vigie and PREFIX/share/vigie/rules (found by vigie next to its binary, docs/cli.md).
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX="${1:-${PREFIX:-/usr/local}}"
swift build -c release
install -d "$PREFIX/bin" "$PREFIX/share/vigie"
install -m 0755 .build/release/vigie "$PREFIX/bin/vigie"
rm -rf "$PREFIX/share/vigie/rules"
cp -R rules "$PREFIX/share/vigie/rules"
echo "installed: $PREFIX/bin/vigie (rules in $PREFIX/share/vigie/rules)"
