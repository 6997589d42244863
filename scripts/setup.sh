#!/usr/bin/env bash
# Installs what vigie needs to build and test on a Debian machine: libgit2 and cmark-gfm (GitHub's
# Markdown parser, with its extensions: the two C libraries), git (tests make bare and shallow clones with it), pkg-config, Python's jsonschema (tests validate
# scorecards, SARIF and GitLab reports against docs/schema/), and what the site's browser test needs
# (scripts/a11y-check.py): Debian's chromium and chromium-driver with fonts, poppler-utils (pdftotext:
# the dashboard test reads the printed index page by page), PyPI's selenium, and
# axe-core's axe.min.js from PyPI's axe-playwright-python (installed without its dependencies: only
# that file is used; pinned, so a new axe release cannot change the verdict). Fast when all is there.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if ! pkg-config --exists libgit2 libcmark-gfm zlib 2>/dev/null || ! command -v git >/dev/null; then
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev pkg-config git >/dev/null
fi
if ! python3 -c 'import jsonschema' 2>/dev/null; then
    python3 -m pip install --quiet jsonschema || $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema >/dev/null
fi
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null \
    || ! fc-list 2>/dev/null | grep -qi dejavu; then
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        chromium chromium-driver fonts-dejavu-core fonts-liberation fontconfig poppler-utils >/dev/null
fi
# pip first; on a Debian whose Python is "externally managed" (PEP 668), the same with --break-system-packages.
pip_install() {
    python3 -m pip install --quiet --disable-pip-version-check "$@" 2>/dev/null \
        || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "$@"
}
# PyYAML: bench/fuzz-seeds.py reads the fixture repositories' files to seed the fuzz targets (.ci/run).
if ! python3 -c 'import yaml' 2>/dev/null; then
    pip_install pyyaml || $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-yaml >/dev/null
fi
if ! python3 -c 'import selenium' 2>/dev/null; then
    pip_install 'selenium>=4.11,<5' || $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-selenium >/dev/null
fi
# pre-commit: Tests/VigieCLITests/ForgeIntegrationTests runs the hooks of .pre-commit-hooks.yaml through it.
if ! python3 -c 'import pre_commit' 2>/dev/null; then
    pip_install 'pre-commit>=3.2,<5'
fi
if ! python3 -c 'import importlib.metadata as m, sys; sys.exit(m.version("axe-playwright-python") != "0.1.8")' 2>/dev/null; then
    pip_install --no-deps 'axe-playwright-python==0.1.8'
fi
echo "vigie: dependencies ready (libgit2 $(pkg-config --modversion libgit2), $(chromium --version 2>/dev/null | head -1))"
