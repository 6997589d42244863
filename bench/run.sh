#!/usr/bin/env bash
# vigie benchmarks, one command: bash bench/run.sh
#
# Builds vigie (release) and the C yardsticks, makes the corpus if missing (bench/make-corpus.sh),
# then for each corpus repository runs, side by side in the same run:
#   B3 head scan   vigie audit BARE --ruleset bench-head (licence + README rules only)
#                  lg2walk BARE tree (C floor) | sh bench/git-headscan.sh BARE (git CLI) | git ls-tree -r
#   B1 activity    vigie audit BARE --ruleset bench-activity (activity rules only; still lists the tree)
#                  lg2walk BARE odb none nohash (F, C floor) | lg2walk BARE commit none (D, default libgit2)
#                  sh bench/git-activity.sh BARE (G: git log --format='%H %ae %at' | wc -l)
#   B4 full audit  vigie audit BARE (default rule set), against F + lg2walk tree - 12 ms
#   B6 start-up    vigie --version | lg2init noinit (C linked with libgit2, prints its version)
#                  | lg2init (C, libgit2 init only) | /bin/true
# All vigie runs: --as-of 2026-11-29 --format json >/dev/null. The bench-* rule sets are cut out of
# rules/eig.yml into bench/work/rules/ at each run; if vigie rejects one, that benchmark is skipped.
# Times: hyperfine -N (medians, --export-json) and bench/paired.py (alternating runs, median of
# per-pair ratios: the method of PERFORMANCE.md). Peak RSS: /usr/bin/time -v. Deterministic guard:
# callgrind instruction counts on one repository. Results: bench/work/results/ (summary.md is printed).
#
# Options (environment):
#   BENCH_RUNS=7              timed runs per command (hyperfine -r, and pairs for paired.py)
#   BENCH_WARMUP=1            warm-up runs per command
#   BENCH_REPOS="small self medium large"   corpus repositories (self = vigie's own repository)
#   BENCH_ONLY="B6 B3 B1 B4"  which benchmarks
#   BENCH_CALLGRIND=1         0 skips valgrind; BENCH_CALLGRIND_REPO=medium selects its repository
#   BENCH_PERF=1              0 skips the perf profiles (vigie audit on self and on BENCH_CALLGRIND_REPO)
#   BENCH_SOURCE=worktree     worktree: build /work/main as it is (.build-bench); head: build a
#                             `git archive HEAD` snapshot in bench/work/src (stable while someone edits).
#                             worktree falls back to head when the build keeps failing.
#   BENCH_BUILD=1             0 reuses the last binary
#   BENCH_INSTALL=1           0 never apt-get installs hyperfine / time / valgrind when missing
#   BENCH_AS_OF=2026-11-29    BENCH_OUT=bench/work/results
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work="$here/work"
RUNS=${BENCH_RUNS:-7}
WARMUP=${BENCH_WARMUP:-1}
REPOS=${BENCH_REPOS:-small self medium large}
ONLY=" ${BENCH_ONLY:-B6 B3 B1 B4} "
CG=${BENCH_CALLGRIND:-1}
CG_REPO=${BENCH_CALLGRIND_REPO:-medium}
AS_OF=${BENCH_AS_OF:-2026-11-29}
SOURCE=${BENCH_SOURCE:-worktree}
res=${BENCH_OUT:-$work/results}
say() { printf '\n== %s\n' "$*" >&2; }
want() { [[ "$ONLY" == *" $1 "* ]]; }
mkdir -p "$work"

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
build_worktree() {
    (cd "$root" && swift build -c release --scratch-path .build-bench --product vigie >"$work/build.log" 2>&1)
}
build_head() { # a snapshot of the last commit; files are replaced only when they changed (incremental builds)
    local snap="$work/src" tmp="$work/src.new"
    rm -rf "$tmp"; mkdir -p "$tmp" "$snap"
    git -C "$root" archive HEAD | tar -x -C "$tmp"
    [ -f "$root/Package.resolved" ] && cp "$root/Package.resolved" "$tmp/"
    (cd "$tmp" && find . -type f) | while read -r f; do
        cmp -s "$tmp/$f" "$snap/$f" || { mkdir -p "$(dirname "$snap/$f")"; cp "$tmp/$f" "$snap/$f"; }
    done
    (cd "$snap" && find . -path ./.build-bench -prune -o -type f -print) | while read -r f; do
        [ -e "$tmp/$f" ] || rm -f "$snap/$f"
    done
    rm -rf "$tmp"
    (cd "$snap" && swift build -c release --scratch-path .build-bench --product vigie >"$work/build.log" 2>&1)
}
if [ "$SOURCE" = head ]; then VIGIE="$work/src/.build-bench/release/vigie"; SRCROOT="$work/src"
else VIGIE="$root/.build-bench/release/vigie"; SRCROOT="$root"; fi
if [ "${BENCH_BUILD:-1}" = 1 ]; then
    say "building vigie (release, from $SOURCE)"
    if [ "$SOURCE" = head ]; then
        build_head || { tail -20 "$work/build.log" >&2; echo "vigie (HEAD) does not build" >&2; exit 1; }
    else
        built=0
        for attempt in 1 2 3; do
            if build_worktree; then built=1; break; fi
            [ $attempt = 3 ] || { echo "build failed (sources being edited?), retrying in 60 s" >&2; sleep 60; }
        done
        if [ $built = 0 ]; then
            tail -5 "$work/build.log" >&2
            echo "the work tree does not build: benchmarking the last commit instead (BENCH_SOURCE=head)" >&2
            SOURCE=head VIGIE="$work/src/.build-bench/release/vigie" SRCROOT="$work/src"
            build_head || { tail -20 "$work/build.log" >&2; echo "vigie (HEAD) does not build" >&2; exit 1; }
        fi
    fi
fi
[ -x "$VIGIE" ] || { echo "no $VIGIE" >&2; exit 1; }
LG2="$work/lg2walk" INIT="$work/lg2init"
gcc -O2 -pthread -o "$LG2" "$here/yardsticks/lg2walk.c" $(pkg-config --cflags --libs libgit2)
gcc -O2 -o "$INIT" "$here/yardsticks/lg2init.c" $(pkg-config --cflags --libs libgit2)

# bench rule sets, cut out of the default one: the header, then only the rules of some families
RULES="$work/rules"
rm -rf "$RULES"; mkdir -p "$RULES"; cp -r "$SRCROOT/rules/." "$RULES/"
cut_ruleset() { # ID REGEX
    awk -v id="$1" -v keep="$2" '
        /^rules:/ { if (seen++) next; print; inrules = 1; next }
        /^[^ #]/ { inrules = 0 }
        inrules && /^  [a-z]/ { if ($1 ~ keep) print; next }
        /^id:/ { print "id: " id; next }
        !inrules { print }' "$SRCROOT/rules/eig.yml" > "$RULES/$1.yml"
}
cut_ruleset bench-head '^(licence|readme)\.'
cut_ruleset bench-activity '^activity\.'

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
    echo "libgit2: $(pkg-config --modversion libgit2) (Debian $(dpkg-query -W -f='${Version}' libgit2-1.5 2>/dev/null || echo '?'))"
    if [ "$SOURCE" = head ]; then echo "vigie: $("$VIGIE" --version), built from commit $(git -C "$root" rev-parse --short HEAD)"
    else echo "vigie: $("$VIGIE" --version), built from the work tree at $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- Sources Package.swift rules || echo ' + uncommitted changes')"; fi
    [ $HAVE_HF = 1 ] && echo "hyperfine: $(hyperfine --version)"
    [ "$CG" = 1 ] && echo "valgrind: $(valgrind --version)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "runs: $RUNS, warm-up: $WARMUP"
} > "$res/machine.txt"
cat "$res/machine.txt" >&2

rss_kib() { # peak RSS (KiB) of one run of a command, from /usr/bin/time -v
    [ $HAVE_TIME = 1 ] || { echo null; return; }
    local out; out=$(/usr/bin/time -v "$@" 2>&1 >/dev/null) || true
    awk -F': ' '/Maximum resident set size/ {print $2}' <<<"$out"
}
hf() { # GROUP NAME=CMD ... -> $res/GROUP.hyperfine.json
    local group=$1; shift
    [ $HAVE_HF = 1 ] || return 0
    local args=()
    for spec in "$@"; do args+=(-n "${spec%%=*}" "${spec#*=}"); done
    hyperfine -N -w "$WARMUP" -r "$RUNS" --style basic --export-json "$res/$group.hyperfine.json" "${args[@]}" >"$res/$group.hyperfine.txt" 2>&1 \
        || { cat "$res/$group.hyperfine.txt" >&2; exit 1; }
}
paired() { local group=$1; shift; python3 "$here/paired.py" --runs "$RUNS" --warmup "$WARMUP" --out "$res/$group.paired.json" "$@"; }
# vigie audit with a rule set ('' = the default); writes the scorecard once, returns non-zero if vigie fails
vaudit() { local bare=$1 set=$2; echo "$VIGIE audit $bare --as-of $AS_OF --format json${set:+ --rules $RULES --ruleset $set}"; }
isolated() { # CARD FACT: true when the scorecard has no facts.FACT (the rule set really left that work out)
    python3 -c 'import json, sys; sys.exit(1 if json.load(open(sys.argv[1])).get("facts", {}).get(sys.argv[2]) else 0)' "$1" "$2"
}
check_card() { # FILE REPO KIND: correctness first
    python3 - "$@" <<'PY'
import json, sys
path, repo, kind, lg2 = sys.argv[1], sys.argv[2], sys.argv[3], (sys.argv[4] if len(sys.argv) > 4 else "")
card = json.load(open(path))
facts = card.get("facts", {})
spdx = facts.get("licence", {}).get("spdx")
act = facts.get("activity")
print(f"  vigie ({kind}): score {card.get('score')}, licence {spdx}, activity {'yes' if act else 'no'}", file=sys.stderr)
if kind == "head" and act:
    sys.exit("bench-head rule set still walks the history")
if kind in ("head", "full") and repo != "self" and spdx != ["MIT"]:
    sys.exit(f"vigie did not identify the corpus LICENSE as MIT (facts.licence.spdx = {spdx})")
if kind == "activity":
    if not act:
        sys.exit("bench-activity rule set gives no facts.activity")
    f = dict(kv.split("=", 1) for kv in lg2.split())
    from datetime import datetime
    got = {"commits": act.get("commits"), "authors": act.get("authors"),
           "first": int(datetime.fromisoformat(act["first_commit"]).timestamp()) if act.get("first_commit") else None,
           "last": int(datetime.fromisoformat(act["last_commit"]).timestamp()) if act.get("last_commit") else None}
    want = {"commits": int(f["commits"]), "authors": int(f["authors"]), "first": int(f["first"]), "last": int(f["last"])}
    print(f"  vigie activity {got} / lg2walk {want}", file=sys.stderr)
    # (on `self`, bots and .mailmap may make vigie's author count differ from raw e-mails)
    if got["commits"] != want["commits"] or (repo != "self" and got != want):
        sys.exit("vigie's activity facts disagree with lg2walk odb")
PY
}

# ---- B6 start-up ------------------------------------------------------------------------------
if want B6; then
    say "B6 start-up"
    hf startup "vigie=$VIGIE --version" "lg2version=$INIT noinit" "lg2init=$INIT" "true=/bin/true"
    paired startup "vigie=$VIGIE --version" "lg2version=$INIT noinit" "lg2init=$INIT" "true=/bin/true"
    printf '{"vigie": %s, "lg2version": %s, "lg2init": %s, "true": %s}\n' "$(rss_kib "$VIGIE" --version)" \
        "$(rss_kib "$INIT" noinit)" "$(rss_kib "$INIT")" "$(rss_kib /bin/true)" > "$res/startup.rss.json"
fi

for repo in $REPOS; do
    bare="$corpus/$repo.git"
    [ -d "$bare" ] || { echo "skip $repo: no $bare" >&2; continue; }
    entries=$("$LG2" "$bare" tree | sed 's/entries=\([0-9]*\).*/\1/')
    [ "$entries" = "$(git -C "$bare" ls-tree -r -t HEAD | wc -l)" ] || { echo "lg2walk tree disagrees with git ls-tree on $repo" >&2; exit 1; }
    printf '{"commits": %s, "files": %s, "entries": %s, "pack_kib": %s, "head": "%s"}\n' \
        "$(git -C "$bare" rev-list --count HEAD)" "$(git -C "$bare" ls-tree -r HEAD | wc -l)" "$entries" \
        "$(du -sk "$bare/objects/pack" | cut -f1)" "$(git -C "$bare" rev-parse --short HEAD)" > "$res/$repo.corpus.json"
    F_TREE="$LG2 $bare tree"
    F_WALK="$LG2 $bare odb none nohash"

    # ---- B3 head scan
    V=$(vaudit "$bare" bench-head)
    if want B3 && $V > "$res/$repo.head.vigie.json" 2>"$res/$repo.head.err" && ! isolated "$res/$repo.head.vigie.json" activity; then
        echo "B3 not isolatable through the CLI: with only licence and README rules, vigie still computes facts.activity (walks the history)" > "$res/B3.skipped"
        echo "B3 skipped on $repo: $(cat "$res/B3.skipped")" >&2
    elif want B3 && [ -s "$res/$repo.head.vigie.json" ]; then
        say "B3 head scan: $repo"
        check_card "$res/$repo.head.vigie.json" "$repo" head
        G="sh $here/git-headscan.sh $bare"
        hf "$repo.B3" "vigie=$V" "floor=$F_TREE" "git=$G" "git-ls-tree=git -C $bare ls-tree -r HEAD"
        paired "$repo.B3" "vigie=$V" "floor=$F_TREE" "git=$G"
        printf '{"vigie": %s, "floor": %s, "git": %s}\n' "$(rss_kib $V)" "$(rss_kib $F_TREE)" "$(rss_kib git -C "$bare" ls-tree -r -l HEAD)" > "$res/$repo.B3.rss.json"
    elif want B3 && [ ! -s "$res/B3.skipped" ]; then echo "B3 skipped on $repo: vigie rejected the bench-head rule set: $(head -3 "$res/$repo.head.err")" >&2; fi

    # ---- B1 activity
    V=$(vaudit "$bare" bench-activity)
    if want B1 && $V > "$res/$repo.activity.vigie.json" 2>"$res/$repo.activity.err" && ! isolated "$res/$repo.activity.vigie.json" licence; then
        echo "B1 not isolatable through the CLI: with only activity rules, vigie still identifies the licence and reads the README (facts.licence)" > "$res/B1.skipped"
        echo "B1 skipped on $repo: $(cat "$res/B1.skipped")" >&2
    elif want B1 && [ -s "$res/$repo.activity.vigie.json" ]; then
        say "B1 activity: $repo"
        check_card "$res/$repo.activity.vigie.json" "$repo" activity "$($F_WALK)"
        G="sh $here/git-activity.sh $bare"
        D="$LG2 $bare commit none"
        hf "$repo.B1" "vigie=$V" "floor=$F_WALK" "default=$D" "git=$G"
        paired "$repo.B1" "vigie=$V" "floor=$F_WALK" "default=$D" "git=$G"
        printf '{"vigie": %s, "floor": %s, "default": %s, "git": %s}\n' "$(rss_kib $V)" "$(rss_kib $F_WALK)" "$(rss_kib $D)" \
            "$(rss_kib git -C "$bare" log --format='%H %ae %at' HEAD)" > "$res/$repo.B1.rss.json"
    elif want B1 && [ ! -s "$res/B1.skipped" ]; then echo "B1 skipped on $repo: vigie rejected the bench-activity rule set: $(head -3 "$res/$repo.activity.err")" >&2; fi

    # ---- B4 full audit (default rule set)
    if want B4; then
        say "B4 full audit: $repo"
        V=$(vaudit "$bare" "")
        $V > "$res/$repo.full.vigie.json"
        check_card "$res/$repo.full.vigie.json" "$repo" full
        # also the B1 yardsticks: while the activity walk cannot be run alone, vigie's full audit
        # against them is an upper bound of B1
        G="sh $here/git-activity.sh $bare"
        D="$LG2 $bare commit none"
        hf "$repo.B4" "vigie=$V" "floor-walk=$F_WALK" "floor-tree=$F_TREE" "default=$D" "git=$G"
        paired "$repo.B4" "vigie=$V" "floor-walk=$F_WALK" "floor-tree=$F_TREE" "default=$D" "git=$G"
        printf '{"vigie": %s, "floor-walk": %s, "floor-tree": %s, "default": %s, "git": %s}\n' "$(rss_kib $V)" "$(rss_kib $F_WALK)" \
            "$(rss_kib $F_TREE)" "$(rss_kib $D)" "$(rss_kib git -C "$bare" log --format='%H %ae %at' HEAD)" > "$res/$repo.B4.rss.json"
    fi
done

# ---- callgrind: instruction counts (they repeat exactly: the CI guard) --------------------------
if [ "$CG" = 1 ] && [ -d "$corpus/$CG_REPO.git" ]; then
    say "callgrind on $CG_REPO"
    # valgrind 3.19 cannot read the DWARF 5 that Swift emits ("unhandled dwarf2 abbrev form"):
    # profile a copy without debug info (the symbol table stays, so profiles still name functions).
    objcopy --strip-debug "$VIGIE" "$work/vigie-nodebug"
    bare="$corpus/$CG_REPO.git"
    cg() { # NAME CMD... -> "NAME": Ir; keeps the profile and its annotations
        local name=$1; shift
        valgrind --tool=callgrind --callgrind-out-file="$res/callgrind.$name.out" "$@" >/dev/null 2>"$res/callgrind.$name.log" || true
        callgrind_annotate --inclusive=yes "$res/callgrind.$name.out" > "$res/callgrind.$name.inclusive.txt" 2>/dev/null || true
        callgrind_annotate "$res/callgrind.$name.out" > "$res/callgrind.$name.self.txt" 2>/dev/null || true
        local n; n=$(awk '/Collected/ {print $NF}' "$res/callgrind.$name.log")
        if [ -z "$n" ] && grep -q "VALGRIND INTERNAL ERROR" "$res/callgrind.$name.log"; then
            echo "valgrind crashed on $name (see $res/callgrind.$name.log)" >&2; n='"valgrind crashed"'
        fi
        printf '"%s": %s, ' "$name" "${n:-null}"
    }
    VN="$work/vigie-nodebug"
    {
        printf '{'
        cg vigie-version "$VN" --version
        cg lg2init "$INIT"
        if [ -s "$res/$CG_REPO.B3.rss.json" ]; then cg vigie-head $VN audit "$bare" --as-of "$AS_OF" --format json --rules "$RULES" --ruleset bench-head; fi
        cg lg2walk-tree "$LG2" "$bare" tree
        cg git-ls-tree-l git -C "$bare" ls-tree -r -l HEAD
        if [ -s "$res/$CG_REPO.B1.rss.json" ]; then cg vigie-activity $VN audit "$bare" --as-of "$AS_OF" --format json --rules "$RULES" --ruleset bench-activity; fi
        cg lg2walk-odb-nohash "$LG2" "$bare" odb none nohash
        cg lg2walk-commit "$LG2" "$bare" commit none
        cg vigie-full $VN audit "$bare" --as-of "$AS_OF" --format json
        printf '"repo": "%s"}\n' "$CG_REPO"
    } > "$res/callgrind.json"
fi

# ---- perf: sampled profiles (work whatever valgrind can run; not exact, so not a guard) -----------
if [ "${BENCH_PERF:-1}" = 1 ] && command -v perf >/dev/null; then
    for repo in self "$CG_REPO"; do
        [ -d "$corpus/$repo.git" ] || continue
        say "perf profile: vigie audit $repo"
        V=$(vaudit "$corpus/$repo.git" "")
        if perf record -q -F 5000 -e cpu-clock -g -o "$res/perf.vigie-full.$repo.data" -- sh -c "for i in 1 2 3 4 5; do $V >/dev/null; done" 2>/dev/null; then
            perf report -i "$res/perf.vigie-full.$repo.data" --children --sort sym --stdio -g none 2>/dev/null \
                | grep -v '^#' | grep -v '^$' | head -120 | cut -c1-240 > "$res/perf.vigie-full.$repo.children.txt" || true
            perf report -i "$res/perf.vigie-full.$repo.data" --no-children --sort dso,sym --stdio -g none 2>/dev/null \
                | grep -v '^#' | grep -v '^$' | head -60 | cut -c1-240 > "$res/perf.vigie-full.$repo.self.txt" || true
        else
            echo "perf record failed (perf_event_paranoid?)" >&2
        fi
    done
fi

say "summary"
python3 "$here/summarize.py" "$res" | tee "$res/summary.md"
