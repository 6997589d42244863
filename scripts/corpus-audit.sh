#!/usr/bin/env bash
# Audits the real-repository corpus (bench/corpus.txt) with a vigie binary and prints a summary.
#
#   bash scripts/corpus-audit.sh                       # every repository of bench/corpus.txt
#   bash scripts/corpus-audit.sh etalab/apicarto ...   # only these (as written in the corpus)
#   VIGIE=/tmp/vigie-base/.build/release/vigie bash scripts/corpus-audit.sh
#
# Environment (all optional):
#   VIGIE     the vigie binary (default: .build/release/vigie of this source tree)
#   MIRRORS   where the fetched mirrors are (default: /work/.mirror): each repository owner/name is
#             looked for in MIRRORS/owner+name/ (repo/.git, repo, or any git directory below it)
#   CORPUS    the list of repositories (default: bench/corpus.txt)
#   OUT       the output folder (default: out/corpus/): NAME.json (stdout of vigie), NAME.stderr,
#             NAME.exit and summary.txt, where NAME is owner+name (owner+name@REF for a past revision)
#   AS_OF     the fixed day passed to --as-of (default: 2026-11-30), so runs are comparable
#   LANG_OUT  the scorecard language passed to --lang (default: en)
#   TIMEOUT   seconds allowed per audit (default: 900); a timed-out audit shows exit 124
#
# Each audit is `vigie audit <gitdir> --format json --as-of AS_OF --lang LANG_OUT [--ref REF]`, run
# from OUT with no other input. This script never builds, checks out or runs anything from the
# repositories and never runs git on them: it only finds their git directories on disk and hands
# them to vigie, which reads objects through libgit2. A repository with no mirror on this machine is
# reported as NOT FETCHED and skipped (fetch it first: see bench/README.md).
#
# Exit status: 0 when every fetched repository was audited with exit 0, 1 otherwise, 2 on misuse.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
VIGIE=${VIGIE:-$root/.build/release/vigie}
MIRRORS=${MIRRORS:-/work/.mirror}
CORPUS=${CORPUS:-$root/bench/corpus.txt}
OUT=${OUT:-$root/out/corpus}
AS_OF=${AS_OF:-2026-11-30}
LANG_OUT=${LANG_OUT:-en}
TIMEOUT=${TIMEOUT:-900}

die() { echo "corpus-audit: $*" >&2; exit 2; }
[ -x "$VIGIE" ] || die "no vigie binary at $VIGIE (build one, or set VIGIE=/path/to/vigie)"
case "$VIGIE" in /*) ;; *) VIGIE=$(cd "$(dirname "$VIGIE")" && pwd)/$(basename "$VIGIE") ;; esac
[ -d "$MIRRORS" ] && MIRRORS=$(cd "$MIRRORS" && pwd)
[ -f "$CORPUS" ] || die "no corpus list at $CORPUS (set CORPUS=...)"
command -v python3 >/dev/null || die "python3 is needed to read the JSON scorecards"
mkdir -p "$OUT" || die "cannot create $OUT"
OUT=$(cd "$OUT" && pwd)

# The entries of the corpus: the first word of each line that is not blank or a comment.
entries=()
while IFS= read -r line; do
    line=${line%%#*}
    read -r first _ <<<"$line" || true
    [ -n "${first:-}" ] && entries+=("$first")
done <"$CORPUS"
if [ $# -gt 0 ]; then entries=("$@"); fi
[ ${#entries[@]} -gt 0 ] || die "no repository in $CORPUS"

# A git directory: a folder holding HEAD and objects/ (bare clone or .git folder).
is_gitdir() { [ -f "$1/HEAD" ] && [ -d "$1/objects" ]; }

# Prints the git directory of owner/name's mirror, or nothing.
find_gitdir() {
    local base="$MIRRORS/${1/\//+}" d
    [ -d "$base" ] || return 0
    for d in "$base/repo/.git" "$base/repo" "$base/.git" "$base"; do
        if is_gitdir "$d"; then echo "$d"; return 0; fi
    done
    # Any other layout: the shallowest folder below that is a git directory.
    while IFS= read -r d; do
        d=${d%/HEAD}
        if is_gitdir "$d"; then echo "$d"; return 0; fi
    done < <(find "$base" -maxdepth 4 -name HEAD -type f 2>/dev/null | awk '{ print length($0) "\t" $0 }' | sort -n | cut -f2-)
    return 0
}

# Reads a scorecard: prints "score grade errors" (a dash for what is missing or unreadable).
read_scorecard() {
    python3 - "$1" <<'EOF'
import json, sys
try:
    with open(sys.argv[1], encoding="utf-8") as f:
        card = json.load(f)
except Exception:
    print("- - -")
    sys.exit(0)
score = card.get("score")
grade = card.get("grade")
checks = card.get("checks") or []
errors = sum(1 for c in checks if isinstance(c, dict) and c.get("status") == "error")
print("-" if score is None else score, "-" if grade is None else grade, errors)
EOF
}

echo "vigie:   $VIGIE ($("$VIGIE" --version 2>/dev/null | head -n 1))"
echo "corpus:  $CORPUS (${#entries[@]} repositories)"
echo "mirrors: $MIRRORS"
echo "output:  $OUT"
echo "as-of:   $AS_OF, lang: $LANG_OUT"
echo

rows=()
missing=()
failed=0
for entry in "${entries[@]}"; do
    repo=${entry%%@*}
    ref=""
    [ "$repo" != "$entry" ] && ref=${entry#*@}
    case "$repo" in
        */*) ;;
        *) echo "corpus-audit: skipping '$entry': not owner/name" >&2; continue ;;
    esac
    name=${entry/\//+}
    gitdir=$(find_gitdir "$repo")
    if [ -z "$gitdir" ]; then
        why="no mirror in $MIRRORS/${repo/\//+}"
        [ -e "$MIRRORS/${repo/\//+}.part" ] && why="mirror still being copied ($MIRRORS/${repo/\//+}.part)"
        missing+=("$entry: $why")
        echo "NOT FETCHED  $entry ($why): skipped"
        continue
    fi
    args=(audit "$gitdir" --format json --as-of "$AS_OF" --lang "$LANG_OUT")
    [ -n "$ref" ] && args+=(--ref "$ref")
    start=$(date +%s.%N)
    (cd "$OUT" && exec timeout "$TIMEOUT" "$VIGIE" "${args[@]}") \
        >"$OUT/$name.json" 2>"$OUT/$name.stderr" </dev/null
    code=$?
    secs=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$start" "$(date +%s.%N)")
    echo "$code" >"$OUT/$name.exit"
    read -r score grade errors < <(read_scorecard "$OUT/$name.json")
    note=""
    if [ "$code" -ne 0 ]; then
        failed=$((failed + 1))
        note=$(head -n 1 "$OUT/$name.stderr" | cut -c1-160)
        [ "$code" -eq 124 ] && note="timed out after ${TIMEOUT}s"
    fi
    rows+=("$entry|$code|$score|$grade|$errors|$secs|$note")
    echo "audited      $entry: exit $code, score $score, grade $grade (${secs}s)"
done

summary() {
    printf '%-48s %4s %5s %5s %6s %7s  %s\n' "repository" "exit" "score" "grade" "errors" "seconds" "first stderr line (exit != 0)"
    printf '%-48s %4s %5s %5s %6s %7s  %s\n' "----------" "----" "-----" "-----" "------" "-------" "-----------------------------"
    local r
    for r in "${rows[@]}"; do
        IFS='|' read -r e c s g n t note <<<"$r"
        printf '%-48s %4s %5s %5s %6s %7s  %s\n' "$e" "$c" "$s" "$g" "$n" "$t" "$note"
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo
        echo "Not fetched on this machine (skipped):"
        for r in "${missing[@]}"; do echo "  $r"; done
    fi
    echo
    echo "${#rows[@]} audited, $failed with exit != 0, ${#missing[@]} not fetched; $("$VIGIE" --version 2>/dev/null | head -n 1), as-of $AS_OF"
}
echo
summary | tee "$OUT/summary.txt"
[ "$failed" -eq 0 ]
