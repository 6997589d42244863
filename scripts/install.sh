#!/usr/bin/env bash
# Builds vigie in release mode and installs it as PREFIX/bin/vigie (default PREFIX: /usr/local).
# The binary is self-contained: the built-in rules are compiled into it, and the Swift runtime and
# Foundation are linked statically (docs/cli.md, docs/performance.md). A team's own rules go in a
# folder of their own, given with --rules DIR or VIGIE_RULES.
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX="${1:-${PREFIX:-/usr/local}}"
swift build -c release --static-swift-stdlib
install -d "$PREFIX/bin"
install -m 0755 .build/release/vigie "$PREFIX/bin/vigie"
# Earlier versions installed a copy of the rules here; vigie no longer reads it.
if [ -d "$PREFIX/share/vigie/rules" ]; then
    rm -rf "$PREFIX/share/vigie/rules"
    rmdir "$PREFIX/share/vigie" 2>/dev/null || true
fi
echo "installed: $PREFIX/bin/vigie (built-in rules included)"
