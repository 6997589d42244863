#!/usr/bin/env bash
# Writes vigie's manual page, OUTPUT/vigie.1 (mdoc), from the command-line definitions themselves:
# swift-argument-parser's generate-manual tool reads `vigie --experimental-dump-help`, so the page
# never drifts from `vigie --help`. Builds the tool with the flags vigie was built with (SWIFT_FLAGS,
# default the release build of scripts/package-deb.sh), which shares the build folder.
#   bash scripts/manual.sh OUTPUT        then: man -l OUTPUT/vigie.1
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:?usage: scripts/manual.sh OUTPUT}"
read -r -a flags <<< "${SWIFT_FLAGS:--c release --static-swift-stdlib}"
swift build "${flags[@]}" --product generate-manual >/dev/null
swift build "${flags[@]}" --product vigie >/dev/null
folder="$(swift build "${flags[@]}" --show-bin-path)"
mkdir -p "$output"
"$folder/generate-manual" "$folder/vigie" --authors "vigie contributors" --output-directory "$output"
