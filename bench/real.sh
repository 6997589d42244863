#!/usr/bin/env bash
# vigie on real repositories: the table of issue 14, re-measured. One command: bash bench/real.sh
#
# For each mirror (bare git directories, never written to), side by side in one run:
#   walk   vigie audit M --select activity            vs F = lg2walk M odb none nohash (C floor)
#                                                        min = vigie audit M --select licence.present (no walk)
#                                                        G = git log --format='%H %ae %at' HEAD | wc -l
#   full   vigie audit M (default rule set)           vs F, G
#   head   vigie audit M --select licence --select readme   vs licensee detect (on a `git archive HEAD` copy)
#                                                        R1, R2 = lg2read M 1|2 (C, libgit2: reading the blobs of
#                                                        the documents and programs licence.data searches, on
#                                                        one and two threads: the floor of reading them)
#   self   vigie audit SELF (vigie's own repository, a bare clone of this checkout's HEAD)
#          vs R1, R2 = lg2read SELF 1|2 (every blob of the tree, as the self audit reads them all)
#          and A = git archive HEAD -o /dev/null (git reading the whole tree)
#   cg     vigie audit Mcg, Mcg = a local mirror copy with a commit-graph (git's default, GDA2)
#          vs F on M (no graph) and F on Mcg1 (a gen-1 graph, which libgit2 1.5.1's revwalk uses)
# With BENCH_BASE=/path/to/old/vigie, the old binary runs in the same rounds (before/after).
# Times: bench/paired.py (alternating runs, median of per-round ratios, CPU ratios too). Peak RSS:
# /usr/bin/time -v, one run each. Instruction counts (the regression guard, exact whatever the load):
# callgrind of the walk and of F on BENCH_CALLGRIND_REPO (curl by default).
#
# Options (environment):
#   BENCH_REAL_REPOS="psf+requests curl+curl git+git rails+rails"   names under $MIRRORS
#   MIRRORS=/work/.mirror   each repository is $MIRRORS/NAME/repo (or repo/.git)
#   VIGIE=.build-bench/release/vigie   the binary measured (BENCH_BUILD=1 builds it first)
#   BENCH_BASE=                         an older binary measured alongside
#   BENCH_RUNS=7 BENCH_WARMUP=1 BENCH_ONLY="walk full head cg self" BENCH_CALLGRIND=1 BENCH_CALLGRIND_REPO=curl+curl
#   BENCH_AS_OF=2026-11-30 BENCH_OUT=bench/work/real
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work="$here/work"
MIRRORS=${MIRRORS:-/work/.mirror}
REPOS=${BENCH_REAL_REPOS:-psf+requests curl+curl git+git rails+rails}
RUNS=${BENCH_RUNS:-7}
WARMUP=${BENCH_WARMUP:-1}
ONLY=" ${BENCH_ONLY:-walk full head cg self} "
CG=${BENCH_CALLGRIND:-1}
CG_REPO=${BENCH_CALLGRIND_REPO:-curl+curl}
AS_OF=${BENCH_AS_OF:-2026-11-30}
res=${BENCH_OUT:-$work/real}
VIGIE=${VIGIE:-$root/.build-bench/release/vigie}
BASE=${BENCH_BASE:-}
say() { printf '\n== %s\n' "$*" >&2; }
want() { [[ "$ONLY" == *" $1 "* ]]; }
mkdir -p "$res" "$work/real-copies"

if [ "${BENCH_BUILD:-0}" = 1 ]; then
    say "building vigie (release)"
    (cd "$root" && nice swift build -c release --scratch-path .build-bench --product vigie >"$work/build.log" 2>&1)
fi
[ -x "$VIGIE" ] || { echo "no vigie binary at $VIGIE (BENCH_BUILD=1 builds it)" >&2; exit 1; }
LG2="$work/lg2walk"
if [ ! -x "$LG2" ] || [ "$here/yardsticks/lg2walk.c" -nt "$LG2" ]; then
    gcc -O2 -pthread -o "$LG2" "$here/yardsticks/lg2walk.c" $(pkg-config --cflags --libs libgit2)
fi
READ="$work/lg2read"
if [ ! -x "$READ" ] || [ "$here/yardsticks/lg2read.c" -nt "$READ" ]; then
    gcc -O2 -pthread -o "$READ" "$here/yardsticks/lg2read.c" $(pkg-config --cflags --libs libgit2)
fi
# The extensions of rules/data/open_data.yml's `documents` and `code` (with `config_extensions`): the
# files licence.data searches for a data publication, whichever folder they are in (an upper bound).
SEARCHED="md markdown rst txt adoc html htm py r rmd ipynb js mjs cjs ts sh bash sql go rb java scala jl php yml yaml toml cfg"
command -v licensee >/dev/null || echo "licensee missing (apt-get install ruby-licensee): the head/licensee column is skipped" >&2

paired() { local out=$1; shift; python3 "$here/paired.py" --runs "$RUNS" --warmup "$WARMUP" --out "$out" "$@"; }
rss() { # peak RSS in KiB of one run of a command (its largest process)
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
}
audit() { echo "$1 audit $2 --as-of $AS_OF --format json ${3:-}"; }

for name in $REPOS; do
    M="$MIRRORS/$name/repo"; [ -d "$M/.git" ] && M="$M/.git"
    [ -d "$M" ] || { echo "skip $name: no mirror at $M" >&2; continue; }
    out="$res/$name"; mkdir -p "$out"
    say "$name ($(git --git-dir="$M" rev-list --count HEAD) commits)"
    git --git-dir="$M" rev-parse HEAD >"$out/head.txt"
    # Correctness first: vigie's commit count must be git's.
    expected=$(git --git-dir="$M" rev-list --count HEAD)
    got=$($VIGIE audit "$M" --as-of "$AS_OF" --format json --select activity | python3 -c 'import json,sys; print(json.load(sys.stdin)["facts"]["activity"]["commits"])')
    [ "$got" = "$expected" ] || { echo "$name: vigie counts $got commits, git $expected" >&2; exit 1; }

    if want walk; then
        # min: an audit that does not walk (one licence rule): what every audit pays whatever it checks
        # (start-up, rule set, tree listing, masking), so that walk − min is the walk's own cost.
        cmds=("walk=$(audit "$VIGIE" "$M" "--select activity")" "F=$LG2 $M odb none nohash" "G=sh $here/git-activity.sh $M"
              "min=$(audit "$VIGIE" "$M" "--select licence.present")")
        [ -n "$BASE" ] && cmds+=("base=$(audit "$BASE" "$M" "--select activity")")
        paired "$out/walk.json" "${cmds[@]}"
        rss $VIGIE audit "$M" --as-of "$AS_OF" --format json --select activity >"$out/walk.rss"
        rss "$LG2" "$M" odb none nohash >"$out/F.rss"
        [ -n "$BASE" ] && rss "$BASE" audit "$M" --as-of "$AS_OF" --format json --select activity >"$out/base-walk.rss"
    fi
    if want full; then
        cmds=("full=$(audit "$VIGIE" "$M")" "F=$LG2 $M odb none nohash" "G=sh $here/git-activity.sh $M")
        [ -n "$BASE" ] && cmds+=("base=$(audit "$BASE" "$M")")
        paired "$out/full.json" "${cmds[@]}"
        rss $VIGIE audit "$M" --as-of "$AS_OF" --format json >"$out/full.rss"
        [ -n "$BASE" ] && rss "$BASE" audit "$M" --as-of "$AS_OF" --format json >"$out/base-full.rss"
        [ -f "$out/F.rss" ] || rss "$LG2" "$M" odb none nohash >"$out/F.rss"
    fi
    if want head; then
        cmds=("head=$(audit "$VIGIE" "$M" "--select licence --select readme")")
        if command -v licensee >/dev/null; then
            tree="$work/real-copies/$name-tree"
            if [ ! -f "$tree/.head" ] || [ "$(cat "$tree/.head")" != "$(cat "$out/head.txt")" ]; then
                rm -rf "$tree"; mkdir -p "$tree"
                git --git-dir="$M" archive HEAD | tar -x -C "$tree"
                cp "$out/head.txt" "$tree/.head"
            fi
            cmds+=("licensee=licensee detect $tree")
        fi
        cmds+=("R1=$READ $M 1 1048576 $SEARCHED" "R2=$READ $M 2 1048576 $SEARCHED")
        [ -n "$BASE" ] && cmds+=("base=$(audit "$BASE" "$M" "--select licence --select readme")")
        paired "$out/head.json" "${cmds[@]}"
        rss $VIGIE audit "$M" --as-of "$AS_OF" --format json --select licence --select readme >"$out/head.rss"
    fi
    if want cg; then
        # Local copies with a commit-graph: objects hard-linked by git clone, the mirror never written.
        for gen in 2 1; do
            copy="$work/real-copies/$name-cg$gen.git"
            if [ ! -f "$copy/objects/info/commit-graph" ] || [ "$(git --git-dir="$copy" rev-parse HEAD)" != "$(cat "$out/head.txt")" ]; then
                rm -rf "$copy"
                git clone -q --mirror "$M" "$copy"
                git --git-dir="$copy" -c commitGraph.generationVersion=$gen commit-graph write --reachable
            fi
        done
        cg2="$work/real-copies/$name-cg2.git"; cg1="$work/real-copies/$name-cg1.git"
        paired "$out/cg.json" "full_cg=$(audit "$VIGIE" "$cg2")" "F=$LG2 $M odb none nohash" "F_cg1=$LG2 $cg1 odb none nohash" \
            "walk_cg=$(audit "$VIGIE" "$cg2" "--select activity")"
        rss $VIGIE audit "$cg2" --as-of "$AS_OF" --format json >"$out/full-cg.rss"
    fi
    if [ "$CG" = 1 ] && [ "$name" = "$CG_REPO" ] && command -v valgrind >/dev/null; then
        say "callgrind on $name"
        # valgrind 3.19 cannot read Swift's DWARF 5: profile a copy without debug information.
        objcopy --strip-debug "$VIGIE" "$work/vigie-stripped"
        for spec in "walk:$work/vigie-stripped audit $M --as-of $AS_OF --format json --timeout 0 --select activity" \
                    "full:$work/vigie-stripped audit $M --as-of $AS_OF --format json --timeout 0" \
                    "F:$LG2 $M odb none nohash"; do
            label=${spec%%:*}; cmd=${spec#*:}
            valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$label" $cmd >/dev/null 2>"$out/callgrind.$label.log" || true
            grep -o 'Collected : [0-9]*' "$out/callgrind.$label.log" | awk '{print $3}' >"$out/$label.ir"
        done
    fi
done
if want self; then
    say "vigie's own repository"
    self="$work/real-copies/self.git"
    rm -rf "$self"
    git clone -q --bare --no-local "$root" "$self"
    mkdir -p "$res/self"
    paired "$res/self/self.json" "self=$(audit "$VIGIE" "$self")" "R1=$READ $self 1" "R2=$READ $self 2" \
        "A=git --git-dir=$self archive HEAD -o /dev/null"
fi
python3 "$here/real_summary.py" "$res" $REPOS | tee "$res/summary.md"
