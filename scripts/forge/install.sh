#!/usr/bin/env bash
# Installs vigie for a CI job (the GitHub Action, the GitLab template; docs/install.md):
#   VIGIE_DEB_URL set  → the Debian package at that address (no Swift toolchain needed); in the
#                        GitHub Action, the package released with the Action's tag when there is
#                        one and the runner is Debian 12 (release-deb-url.sh);
#   otherwise          → a release build of the sources this script belongs to (or VIGIE_SRC),
#                        installed with scripts/install.sh (needs Swift, and root or sudo for apt-get).
# A vigie already on PATH is kept when no package is asked for.
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
# In the GitHub Action, without a package named: the one released with the Action's tag, if any.
if [ -z "${VIGIE_DEB_URL:-}" ] && ! command -v vigie >/dev/null 2>&1; then
    VIGIE_DEB_URL="$(bash "$(dirname "$0")/release-deb-url.sh" || true)"
fi
if [ -n "${VIGIE_DEB_URL:-}" ]; then
    package="$(mktemp -d)/vigie.deb"
    curl -fsSL --retry 3 "$VIGIE_DEB_URL" -o "$package"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "$package" >/dev/null
elif command -v vigie >/dev/null 2>&1; then
    echo "vigie is already installed: $(command -v vigie)"
else
    source_folder="${VIGIE_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev \
        zlib1g-dev pkg-config git >/dev/null
    $SUDO bash "$source_folder/scripts/install.sh" /usr/local
fi
vigie --version
