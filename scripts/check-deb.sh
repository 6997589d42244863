#!/usr/bin/env bash
# Installs a vigie Debian package, checks it as a user would, and removes it (.ci/run; docs/install.md):
# the installed /usr/bin/vigie audits vigie's own repository with the rules the package carries
# (a folder with no Swift toolchain on PATH), `man vigie` renders, and the bash completion loads
# and completes a subcommand.
#   bash scripts/check-deb.sh dist/vigie_<version>_<arch>.deb
set -euo pipefail
cd "$(dirname "$0")/.."
package="${1:?usage: scripts/check-deb.sh PACKAGE.deb}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./${package#./}" >/dev/null
trap '$SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq vigie >/dev/null' EXIT

[ "$(command -v vigie)" = /usr/bin/vigie ] || { echo "check-deb: vigie is not /usr/bin/vigie" >&2; exit 1; }
/usr/bin/vigie --version
# The release binary carries libgit2, its dependencies and cmark-gfm (Package.swift links them in for
# release builds only; the tests' debug build links the shared ones): none may be needed from outside,
# unless the package was built against them (VIGIE_SHARED_LIBRARIES=1).
if [ "${VIGIE_SHARED_LIBRARIES:-0}" != 1 ]; then
    shared="$(ldd /usr/bin/vigie | awk '{print $1}' | grep -E '^lib(git2|mbedtls|mbedx509|mbedcrypto|ssh2|crypto|http_parser|pcre2-8|cmark-gfm|gssapi_krb5)[.-]' || true)"
    [ -z "$shared" ] || { echo "check-deb: the release binary needs shared libraries it should carry: $shared" >&2; exit 1; }
fi
# No toolchain, no source tree: run from an empty folder with PATH reduced to the system's.
repository="$PWD"
scratch="$(mktemp -d)"
(cd "$scratch" && env -i PATH=/usr/bin:/bin HOME="$scratch" /usr/bin/vigie audit "$repository" --format json --lang en > self.json)
python3 scripts/validate-json.py docs/schema/scorecard.schema.json "$scratch/self.json"
python3 - "$scratch/self.json" <<'PY'
import json, sys
card = json.load(open(sys.argv[1]))
assert card["checks"], "the installed vigie ran no check"
print(f"check-deb: installed vigie audited its own repository: score {card['score']}, {len(card['checks'])} checks")
PY

man -P cat vigie 2>/dev/null | grep -q "vigie audit" || { echo "check-deb: man vigie does not render" >&2; exit 1; }
echo "check-deb: man vigie renders ($(man -P cat vigie 2>/dev/null | wc -l) lines)"

bash --norc --noprofile -c '
    source /usr/share/bash-completion/completions/vigie
    function=$(complete -p vigie | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
    [ -n "$function" ] || { echo "check-deb: no completion function for vigie" >&2; exit 1; }
    COMP_WORDS=(vigie au); COMP_CWORD=1; COMP_LINE="vigie au"; COMP_POINT=${#COMP_LINE}
    "$function" vigie au vigie
    printf "%s\n" "${COMPREPLY[@]}" | grep -qx audit || { echo "check-deb: vigie au<Tab> does not give audit: ${COMPREPLY[*]}" >&2; exit 1; }
    echo "check-deb: bash completion loads; vigie au<Tab> gives audit"
'
[ -s /usr/share/zsh/vendor-completions/_vigie ] && [ -s /usr/share/fish/vendor_completions.d/vigie.fish ]
echo "check-deb: $package installs, works and removes cleanly"
