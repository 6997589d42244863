#!/usr/bin/env bash
# vigie benchmarks, one command: bash bench/run.sh
#
# Builds vigie (release, scratch path .build-bench) and the C yardsticks, makes the corpus if it is
# missing (bench/make-corpus.sh), then for each corpus repository runs, in the same run:
#   B3 head scan   vigie audit BARE --as-of 2026-11-29 --format json   (the tool)
#                  lg2walk BARE tree                                   (C floor, libgit2)
#                  sh bench/git-headscan.sh BARE                       (git CLI: ls-tree -r -l + cat-file)
#                  git -C BARE ls-tree -r HEAD                         (reference only)
#   B6 start-up    vigie --version, lg2init (libgit2 init only), /bin/true
# Times: hyperfine -N (medians, --export-json) and bench/paired.py (alternating runs, median of
# per-pair ratios, the method of PERFORMANCE.md). Peak RSS: /usr/bin/time -v. Deterministic guard:
# callgrind instruction counts (valgrind) on one repository.
# Results: bench/work/results/ (summary.md, *.json, callgrind profiles); the summary is printed.
#
# Options (environment):
#   BENCH_RUNS=7              timed runs per command (hyperfine -r, and pairs for paired.py)
#   BENCH_WARMUP=1            warm-up runs per command
#   BENCH_REPOS="small medium large self"   which corpus repositories (self = vigie's own repo)
#   BENCH_CALLGRIND=1         0 to skip valgrind; BENCH_CALLGRIND_REPO=medium selects its repository
#   BENCH_BUILD=1             0 to reuse the existing .build-bench/release/vigie
#   BENCH_INSTALL=1           0 to never apt-get install hyperfine / time / valgrind when missing
#   BENCH_AS_OF=2026-11-29    the --as-of date given to vigie
#   BENCH_OUT=bench/work/results
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work="$here/work"
RUNS=${BENCH_RUNS:-7}
WARMUP=${BENCH_WARMUP:-1}
REPOS=${BENCH_REPOS:-small medium large self}
CG=${BENCH_CALLGRIND:-1}
CG_REPO=${BENCH_CALLGRIND_REPO:-medium}
AS_OF=${BENCH_AS_OF:-2026-11-29}
res=${BENCH_OUT:-$work/results}
say() { printf '\n== %s\n' "$*" >&2; }

# ---- tools ------------------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
[ "$CG" = 0 ] || command -v valgrind >/dev/null || missing+=(valgrind)
if [ ${#missing[@]} -gt 0 ] && [ "${BENCH_INSTALL:-1}" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]}"
    apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
HAVE_HF=1; command -v hyperfine >/dev/null || { HAVE_HF=0; echo "hyperfine missing: medians come from paired.py only" >&2; }
HAVE_TIME=1; [ -x /usr/bin/time ] || { HAVE_TIME=0; echo "/usr/bin/time missing: no peak RSS" >&2; }
command -v valgrind >/dev/null || CG=0

# ---- builds -----------------------------------------------------------------------------------
VIGIE="$root/.build-bench/release/vigie"
if [ "${BENCH_BUILD:-1}" = 1 ]; then
    say "building vigie (release, .build-bench)"
    for attempt in 1 2 3; do
        if (cd "$root" && swift build -c release --scratch-path .build-bench --product vigie >"$work/build.log" 2>&1); then break; fi
        [ $attempt = 3 ] && { tail -20 "$work/build.log" >&2; echo "vigie does not build" >&2; exit 1; }
        echo "build failed (sources being edited?), retrying in 60 s" >&2; sleep 60
    done
fi
[ -x "$VIGIE" ] || { echo "no $VIGIE" >&2; exit 1; }
mkdir -p "$work"
LG2="$work/lg2walk" INIT="$work/lg2init"
gcc -O2 -pthread -o "$LG2" "$here/yardsticks/lg2walk.c" $(pkg-config --cflags --libs libgit2)
gcc -O2 -o "$INIT" "$here/yardsticks/lg2init.c" $(pkg-config --cflags --libs libgit2)

# ---- corpus -----------------------------------------------------------------------------------
say "corpus"
bash "$here/make-corpus.sh"
corpus="$work/corpus"

rm -rf "$res"; mkdir -p "$res"
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    echo "kernel: $(uname -r)"
    echo "os: $(. /etc/os-release && echo "$PRETTY_NAME")"
    echo "swift: $(swift --version 2>&1 | head -1)"
    echo "git: $(git --version)"
    echo "libgit2: $(pkg-config --modversion libgit2) ($(dpkg-query -W -f='${Version}' libgit2-1.5 2>/dev/null || echo '?'))"
    echo "vigie: $("$VIGIE" --version) at $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- Sources Package.swift || echo ' + uncommitted changes in Sources')"
    [ $HAVE_HF = 1 ] && echo "hyperfine: $(hyperfine --version)"
    [ "$CG" = 1 ] && echo "valgrind: $(valgrind --version)"
    echo "runs: $RUNS, warm-up: $WARMUP"
} > "$res/machine.txt"
cat "$res/machine.txt" >&2

rss_kib() { # peak RSS (KiB) of one run of a command, from /usr/bin/time -v
    [ $HAVE_TIME = 1 ] || { echo null; return; }
    local out; out=$(/usr/bin/time -v "$@" 2>&1 >/dev/null) || true
    awk -F': ' '/Maximum resident set size/ {print $2}' <<<"$out"
}
hf() { # hyperfine NAME=CMD ... -> $res/$group.hyperfine.json
    local group=$1; shift
    [ $HAVE_HF = 1 ] || return 0
    local args=()
    for spec in "$@"; do args+=(-n "${spec%%=*}" "${spec#*=}"); done
    hyperfine -N -w "$WARMUP" -r "$RUNS" --style basic --export-json "$res/$group.hyperfine.json" "${args[@]}" >"$res/$group.hyperfine.txt" 2>&1 \
        || { cat "$res/$group.hyperfine.txt" >&2; exit 1; }
}

# ---- B6 start-up ------------------------------------------------------------------------------
say "B6 start-up"
hf startup "vigie=$VIGIE --version" "lg2init=$INIT" "true=/bin/true"
python3 "$here/paired.py" --runs "$RUNS" --warmup "$WARMUP" --out "$res/startup.paired.json" \
    "vigie=$VIGIE --version" "lg2init=$INIT" "true=/bin/true"
printf '{"vigie": %s, "lg2init": %s, "true": %s}\n' "$(rss_kib "$VIGIE" --version)" "$(rss_kib "$INIT")" "$(rss_kib /bin/true)" > "$res/startup.rss.json"

# ---- B3 head scan, per repository --------------------------------------------------------------
for repo in $REPOS; do
    bare="$corpus/$repo.git"
    [ -d "$bare" ] || { echo "skip $repo: no $bare" >&2; continue; }
    say "B3 head scan: $repo"
    # correctness first: vigie must succeed and find the licence; the floor must see every entry
    "$VIGIE" audit "$bare" --as-of "$AS_OF" --format json > "$res/$repo.vigie.json"
    entries=$("$LG2" "$bare" tree | sed 's/entries=\([0-9]*\).*/\1/')
    [ "$entries" = "$(git -C "$bare" ls-tree -r -t HEAD | wc -l)" ] || { echo "lg2walk tree disagrees with git ls-tree on $repo" >&2; exit 1; }
    python3 - "$res/$repo.vigie.json" "$repo" <<'PY'
import json, sys
card = json.load(open(sys.argv[1]))
spdx = card.get("facts", {}).get("licence", {}).get("spdx")
print(f"  vigie: score {card.get('score')}, licence {spdx}", file=sys.stderr)
if sys.argv[2] != "self" and spdx != ["MIT"]:
    sys.exit(f"vigie did not identify the corpus LICENSE as MIT (facts.licence.spdx = {spdx})")
PY
    V="$VIGIE audit $bare --as-of $AS_OF --format json"
    F="$LG2 $bare tree"
    G="sh $here/git-headscan.sh $bare"
    hf "$repo" "vigie=$V" "lg2walk-tree=$F" "git-headscan=$G" "git-ls-tree=git -C $bare ls-tree -r HEAD"
    python3 "$here/paired.py" --runs "$RUNS" --warmup "$WARMUP" --out "$res/$repo.paired.json" "vigie=$V" "floor=$F" "git=$G"
    printf '{"vigie": %s, "lg2walk-tree": %s, "git-ls-tree-l": %s}\n' \
        "$(rss_kib $V)" "$(rss_kib $F)" "$(rss_kib git -C "$bare" ls-tree -r -l HEAD)" > "$res/$repo.rss.json"
    printf '{"commits": %s, "files": %s, "entries": %s, "pack_kib": %s, "head": "%s"}\n' \
        "$(git -C "$bare" rev-list --count HEAD)" "$(git -C "$bare" ls-tree -r HEAD | wc -l)" "$entries" \
        "$(du -sk "$bare/objects/pack" | cut -f1)" "$(git -C "$bare" rev-parse --short HEAD)" > "$res/$repo.corpus.json"
done

# ---- callgrind: instruction counts (repeat exactly: the CI guard) --------------------------------
if [ "$CG" = 1 ] && [ -d "$corpus/$CG_REPO.git" ]; then
    say "callgrind on $CG_REPO"
    # valgrind 3.19 cannot read the DWARF 5 that Swift emits ("unhandled dwarf2 abbrev form"):
    # profile a copy without debug info (symbols stay, so the profile still names functions).
    objcopy --strip-debug "$VIGIE" "$work/vigie-nodebug"
    bare="$corpus/$CG_REPO.git"
    cg() { # NAME CMD... -> Ir count; keeps the profile and its annotation
        local name=$1; shift
        valgrind --tool=callgrind --callgrind-out-file="$res/callgrind.$name.out" "$@" >/dev/null 2>"$res/callgrind.$name.log"
        callgrind_annotate --inclusive=yes "$res/callgrind.$name.out" > "$res/callgrind.$name.inclusive.txt" 2>/dev/null || true
        callgrind_annotate "$res/callgrind.$name.out" > "$res/callgrind.$name.self.txt" 2>/dev/null || true
        printf '"%s": %s' "$name" "$(awk '/Collected/ {print $NF}' "$res/callgrind.$name.log")"
    }
    {
        printf '{"repo": "%s", ' "$CG_REPO"
        cg "vigie-audit" "$work/vigie-nodebug" audit "$bare" --as-of "$AS_OF" --format json; printf ', '
        cg "lg2walk-tree" "$LG2" "$bare" tree; printf ', '
        cg "vigie-version" "$work/vigie-nodebug" --version; printf ', '
        cg "lg2init" "$INIT"; printf ', '
        cg "git-ls-tree-l" git -C "$bare" ls-tree -r -l HEAD
        printf '}\n'
    } > "$res/callgrind.json"
fi

say "summary"
python3 "$here/summarize.py" "$res" | tee "$res/summary.md"
