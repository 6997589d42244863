#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer + AddressSanitizer) of every parser that reads repository
# content. docs/reliability.md#fuzzing explains the targets and records the long runs.
#
#   bench/fuzz.sh [--seconds N] [--parallel P] [--build-only] [--ci] [TARGET...]
#
# Runs each target (all of fuzz/*.swift but FuzzSupport.swift when none is named) for N seconds
# (default 60) with a seed corpus written from fixtures/ and rules/ by bench/fuzz-seeds.py, P
# targets at a time (default 1). Exit status 1 if any target crashed, leaked, timed out or ran
# out of memory: the input that did it is in .build-fuzz/fuzz/artifacts/, to be turned into a
# regression test. NICE=10 (the default) keeps the machine usable for builds. With --ci, a
# toolchain without libFuzzer (Xcode's) is reported and skipped instead of failing: Linux
# toolchains ship it, and CI (.ci/run) runs on Linux.
#
# Why not a SwiftPM executable target: SwiftPM renames an executable's `main`, and libFuzzer
# brings its own `main`. So the library modules are built by SwiftPM with coverage
# instrumentation (-sanitize=fuzzer,address, which on a library compiles as fuzzer-no-link), and
# each fuzz/<target>.swift is linked against their object files with swiftc.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60 parallel=1 build_only=0 ci=0 targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --parallel) parallel="$2"; shift 2 ;;
        --build-only) build_only=1; shift ;;
        --ci) ci=1; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; exit 64 ;;
        *) targets+=("$1"); shift ;;
    esac
done
if [ ${#targets[@]} -eq 0 ]; then
    for file in fuzz/*.swift; do
        name=$(basename "$file" .swift)
        [ "$name" = FuzzSupport ] || targets+=("$name")
    done
fi
for target in "${targets[@]}"; do
    [ -f "fuzz/$target.swift" ] || { echo "fuzz.sh: no target fuzz/$target.swift" >&2; exit 64; }
done

scratch=.build-fuzz
if [ "$ci" -eq 1 ]; then
    probe=$(mktemp -d)
    printf '@_cdecl("LLVMFuzzerTestOneInput") public func probe(_ data: UnsafeRawPointer?, _ size: Int) -> CInt { 0 }\n' > "$probe/probe.swift"
    if ! swiftc -sanitize=fuzzer,address -parse-as-library "$probe/probe.swift" -o "$probe/probe" >"$probe/log" 2>&1; then
        echo "fuzz.sh: SKIPPED, this Swift toolchain cannot build libFuzzer targets (swiftc -sanitize=fuzzer):"
        sed 's/^/    /' "$probe/log" | head -5
        rm -rf "$probe"; exit 0
    fi
    rm -rf "$probe"
fi
work="$scratch/fuzz"
nice_level="${NICE:-10}"
mkdir -p "$work/bin" "$work/logs" "$work/artifacts" "$work/corpus"

# 1. The library modules, instrumented. -Xcc reaches the C code too (Yams' CYaml); libgit2 and
#    cmark-gfm are Debian's shared libraries and stay uninstrumented (ASan still intercepts their
#    allocations, but libFuzzer sees no coverage inside them).
#    The Swift coverage is spelled out (what -sanitize=fuzzer turns on) rather than -sanitize=fuzzer
#    itself: that flag also links libFuzzer, with its own main(), into every executable the build
#    makes, and the build makes two (the generators run by the EmbedRules and BuildInfo plugins),
#    which then fail to link. Those generators run under ASan during the build: leak reports off.
#    The fuzzers link Debian's shared libgit2 and cmark-gfm (VIGIE_SHARED_LIBRARIES, Package.swift):
#    they are linked by hand below, with pkg-config's flags, not by SwiftPM.
export VIGIE_SHARED_LIBRARIES=1
instrument=(-Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table
            -Xcc -fsanitize=fuzzer-no-link,address)
for module in VigieRules VigieGit; do
    # The build's status, not the filter's: `cmd | grep || true` would hide a failed build.
    status=0
    ASAN_OPTIONS=detect_leaks=0 nice -n "$nice_level" swift build --scratch-path "$scratch" --target "$module" "${instrument[@]}" \
        > "$work/logs/build-$module.log" 2>&1 || status=$?
    grep -v '^\[' "$work/logs/build-$module.log" || true
    [ "$status" -eq 0 ] || { echo "fuzz.sh: building $module failed (exit $status)" >&2; exit 1; }
done

# 2. One fuzzer per target, linked with the modules' objects (SwiftPM's debug build enables
#    testing, so the targets may `@testable import` a parser that is not public).
debug=$(swift build --scratch-path "$scratch" "${instrument[@]}" --show-bin-path)
objects=()
for module in VigieCore VigieMarkdown VigieLicenceText VigieRules VigieGit CLibGit2TLS CByteSearch Yams CYaml; do
    while IFS= read -r object; do objects+=("$object"); done < <(find "$debug/$module.build" -name '*.o' | sort)
done
# Every system-library module of Sources/ (libgit2, cmark-gfm, zlib…): the library modules import them.
module_maps=()
for map in Sources/C*/module.modulemap; do module_maps+=(-Xcc "-fmodule-map-file=$map"); done
# And the module maps SwiftPM writes for the C targets with an include/ folder (CLibGit2TLS…).
for map in "$debug"/C*.build/module.modulemap; do [ -f "$map" ] && module_maps+=(-Xcc "-fmodule-map-file=$map"); done
for map in "$scratch"/checkouts/Yams/Sources/CYaml/include/module.modulemap; do
    [ -f "$map" ] && module_maps+=(-Xcc "-fmodule-map-file=$map")
done
for target in "${targets[@]}"; do
    binary="$work/bin/$target"
    if [ ! -x "$binary" ] || [ -n "$(find fuzz/"$target".swift fuzz/FuzzSupport.swift "${objects[@]}" -newer "$binary" -print -quit)" ]; then
        nice -n "$nice_level" swiftc -sanitize=fuzzer,address -parse-as-library -Onone -g -use-ld=lld \
            -swift-version 6 -enable-upcoming-feature ExistentialAny \
            -I "$debug/Modules" "${module_maps[@]}" \
            fuzz/FuzzSupport.swift "fuzz/$target.swift" "${objects[@]}" \
            $(pkg-config --libs libgit2 libcmark-gfm zlib) -lcmark-gfm-extensions \
            -module-name "Fuzz_${target//-/_}" -o "$binary"
    fi
done
[ "$build_only" -eq 1 ] && exit 0

# 3. Seeds, rewritten on each run from the repository (small; the grown corpus is kept between runs).
rm -rf "$work/seeds"
python3 bench/fuzz-seeds.py "$work/seeds" >/dev/null

# 4. Run. -timeout: an input taking over 10 s is a hang; -rss_limit_mb: 2 GB is a leak or a blow-up
#    (the snapshot caps a file at 1 MiB, and so does -max_len here).
run_one() {
    local target="$1" seconds="$2" work="$3" nice_level="$4"
    mkdir -p "$work/corpus/$target" "$work/seeds/$target"
    local status=0
    LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp:print_suppressions=0" \
    nice -n "$nice_level" "$work/bin/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=1048576 -len_control=100 \
        -print_final_stats=1 -artifact_prefix="$work/artifacts/$target-" \
        "$work/corpus/$target" "$work/seeds/$target" $([ -d "fuzz/regressions/$target" ] && echo "fuzz/regressions/$target") \
        >"$work/logs/$target.log" 2>&1 || status=$?
    # libFuzzer's last status line and final statistics: executions, coverage, features, corpus.
    local last execs
    last=$(grep -E '^#[0-9]+' "$work/logs/$target.log" | tail -1 | sed -E 's/ +/ /g')
    execs=$(sed -nE 's/^stat::number_of_executed_units: *//p' "$work/logs/$target.log")
    if [ "$status" -eq 0 ]; then
        printf '%-14s ok     %5ss  execs=%s  %s\n' "$target" "$seconds" "${execs:-?}" "$last"
    else
        printf '%-14s FAILED (exit %s): see %s\n' "$target" "$status" "$work/logs/$target.log"
        grep -E '^==[0-9]+==ERROR|^SUMMARY|Fatal error|Test unit written' "$work/logs/$target.log" | head -5 | sed 's/^/    /'
        return 1
    fi
}
export -f run_one
printf '%s\n' "${targets[@]}" \
    | xargs -P "$parallel" -I{} bash -c 'run_one "$@"' _ {} "$seconds" "$work" "$nice_level" || exit 1
