#!/usr/bin/env bash
# Prints the address of the vigie Debian package released with the GitHub Action's own version, or
# nothing (scripts/forge/install.sh then builds vigie). GitHub sets GITHUB_ACTION_REPOSITORY
# (owner/vigie) and GITHUB_ACTION_REF (the tag in `uses: owner/vigie@v1.2.0`). The package is built
# and tested on Debian 12 only (libc6 >= 2.36), so it is only chosen on bookworm: GitHub's Ubuntu
# runners build instead, a job in `container: debian:bookworm` installs the package.
# VIGIE_RELEASE_API replaces https://api.github.com (the tests point it at a local file).
set -euo pipefail
repository="${GITHUB_ACTION_REPOSITORY:-}"
ref="${GITHUB_ACTION_REF:-}"
[ -n "$repository" ] && [ -n "$ref" ] || exit 0
codename="$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")"
[ "${VIGIE_DEB_CODENAME:-$codename}" = bookworm ] || exit 0
architecture="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
api="${VIGIE_RELEASE_API:-https://api.github.com}"
release="$(curl -fsSL --retry 2 "$api/repos/$repository/releases/tags/$ref" 2>/dev/null)" || exit 0
python3 -c '
import json, sys
suffix = "_" + sys.argv[1] + ".deb"
try:
    assets = json.loads(sys.stdin.read()).get("assets", [])
except ValueError:
    sys.exit(0)
for asset in assets:
    name = asset.get("name", "")
    if name.startswith("vigie_") and name.endswith(suffix):
        print(asset.get("browser_download_url", ""))
        break
' "$architecture" <<< "$release"
