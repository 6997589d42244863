#!/bin/sh
# The git CLI doing vigie's head scan (benchmark B3): list the HEAD tree recursively with each
# blob's size (-l, as vigie reads sizes from object headers), then read the root LICENSE and
# README.md blobs. Usage: sh bench/git-headscan.sh BARE_REPO
git -C "$1" ls-tree -r -l HEAD >/dev/null
printf 'HEAD:LICENSE\nHEAD:README.md\n' | git -C "$1" cat-file --batch >/dev/null
