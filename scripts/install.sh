#!/usr/bin/env bash
# Builds vigie in release mode and installs it as PREFIX/bin/vigie (default PREFIX: /usr/local).
# The binary is self-contained: the built-in rules are compiled into it, and the Swift runtime and
# Foundation are linked statically (docs/cli.md, docs/performance.md). A team's own rules go in a
# folder of their own, given with --rules DIR or VIGIE_RULES. Also installs the manual page and the
# bash, zsh and fish completions under PREFIX/share (docs/install.md).
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
# The manual page and the shell completions, generated from the command-line definitions.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bash scripts/manual.sh "$work/man" >/dev/null
install -d "$PREFIX/share/man/man1" "$PREFIX/share/bash-completion/completions" \
    "$PREFIX/share/zsh/site-functions" "$PREFIX/share/fish/vendor_completions.d"
gzip -9n -c "$work/man/vigie.1" > "$PREFIX/share/man/man1/vigie.1.gz"
"$PREFIX/bin/vigie" --generate-completion-script bash > "$PREFIX/share/bash-completion/completions/vigie"
"$PREFIX/bin/vigie" --generate-completion-script zsh > "$PREFIX/share/zsh/site-functions/_vigie"
"$PREFIX/bin/vigie" --generate-completion-script fish > "$PREFIX/share/fish/vendor_completions.d/vigie.fish"
echo "installed: $PREFIX/bin/vigie (built-in rules included), man vigie, bash/zsh/fish completions"
