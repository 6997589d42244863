#!/bin/sh
# The git CLI doing the activity walk (benchmark B1, "G" in PERFORMANCE.md): every commit of HEAD's
# history with author e-mail and time. Usage: sh bench/git-activity.sh BARE_REPO
git -C "$1" log --format='%H %ae %at' HEAD | wc -l >/dev/null
