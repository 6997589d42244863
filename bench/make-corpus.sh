#!/usr/bin/env bash
# Generates the benchmark corpus under bench/work/corpus/ (git-ignored; never commit it).
#
#   bash bench/make-corpus.sh                # small medium large (+ vigie's own repo), skips existing ones
#   bash bench/make-corpus.sh small medium   # only these
#   FORCE=1 bash bench/make-corpus.sh        # rebuild even if present
#   BENCH_SELF=0 ...                         # do not clone vigie's own repository as "self"
#
# Each synthetic repository is written by `git fast-import` from a stream that bench/gen-stream.py
# generates (fixed seed, names and dates: the same object ids on every machine), into NAME.src.git;
# NAME.git is then a `git clone --bare --no-local` of it, i.e. a pack made the way a real clone
# gets one, without a commit-graph. vigie and the yardsticks are run on NAME.git.
#
#   name    commits   files  authors   (about)
#   small       500     300        3
#   medium   20,000   5,000       25
#   large   100,000  30,000      120
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/work/corpus"
licence="$root/fixtures/licences/MIT.txt"
mkdir -p "$out"

declare -A COMMITS=([small]=500 [medium]=20000 [large]=100000)
declare -A FILES=([small]=300 [medium]=5000 [large]=30000)
declare -A AUTHORS=([small]=3 [medium]=25 [large]=120)
declare -A SEED=([small]=11 [medium]=22 [large]=33)

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(small medium large)

# Fixed identity and no user/system config, so nothing on this machine changes the result.
export GIT_CONFIG_NOSYSTEM=1 HOME="$out" GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org \
       GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
: > "$out/.gitconfig"

for name in "${sizes[@]}"; do
    [ -n "${COMMITS[$name]:-}" ] || { echo "unknown corpus size: $name (small, medium, large)" >&2; exit 2; }
    src="$out/$name.src.git" bare="$out/$name.git"
    if [ -d "$bare" ] && [ -z "${FORCE:-}" ]; then echo "$name: present ($bare)"; continue; fi
    rm -rf "$src" "$bare"
    start=$(date +%s.%N)
    git init -q --bare -b main "$src"
    git -C "$src" config gc.auto 0
    python3 "$here/gen-stream.py" "${COMMITS[$name]}" "${FILES[$name]}" "${AUTHORS[$name]}" "${SEED[$name]}" "$licence" \
        | git -C "$src" fast-import --quiet --done
    git clone -q --bare --no-local "$src" "$bare"
    git -C "$bare" config gc.auto 0
    end=$(date +%s.%N)
    printf '%s: %s commits, %s files, head %s, pack %s, %.1f s\n' "$name" \
        "$(git -C "$bare" rev-list --count HEAD)" "$(git -C "$bare" ls-tree -r HEAD | wc -l)" \
        "$(git -C "$bare" rev-parse --short HEAD)" "$(du -sh "$bare/objects/pack" | cut -f1)" \
        "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
done

# vigie's own repository, as a real (if young) history: bare clone of the current HEAD.
if [ "${BENCH_SELF:-1}" = 1 ] && [ $# -eq 0 ] && git -C "$root" rev-parse -q --verify HEAD >/dev/null; then
    rm -rf "$out/self.git"
    git clone -q --bare --no-local "$root" "$out/self.git"
    echo "self: $(git -C "$out/self.git" rev-list --count HEAD) commits, $(git -C "$out/self.git" ls-tree -r HEAD | wc -l) files, head $(git -C "$out/self.git" rev-parse --short HEAD)"
fi
