#!/usr/bin/env python3
"""Prints the markdown summary of a bench/run.sh results folder (usage: summarize.py RESULTS_DIR)."""
import json
import os
import re
import sys

res = sys.argv[1]
REPOS = ["small", "self", "medium", "large"]
def load(name):
    path = os.path.join(res, name)
    return json.load(open(path)) if os.path.exists(path) else None

def medians(group):
    """name -> median wall seconds: hyperfine's, or paired.py's when hyperfine did not run."""
    hf = load(f"{group}.hyperfine.json")
    if hf:
        return {r["command"]: r["median"] for r in hf["results"]}
    paired = load(f"{group}.paired.json") or {"commands": {}}
    return {k: v["median_wall"] for k, v in paired["commands"].items()}

def ms(s): return "—" if s is None else f"{s * 1000:.1f}"
def mib(k): return "—" if k is None else f"{k / 1024:.1f}"
def pr(p, key):
    r = (p or {}).get("ratios", {}).get(key)
    if r is None:
        return "—"
    cpu = f" (cpu {r['cpu']:.2f})" if r.get("cpu") else ""
    return f"{r['wall']:.2f} [{r['wall_min']:.2f}–{r['wall_max']:.2f}]{cpu}"

print("# vigie bench results\n")
print("```")
print(open(os.path.join(res, "machine.txt")).read().rstrip())
print("```\n")
print("Medians in ms (hyperfine). Ratios: median of per-pair wall ratios from alternating runs "
      "(bench/paired.py), min–max in brackets, then the median ratio of CPU time (user + sys), steadier "
      "when the machine is shared. Peak RSS in MiB (/usr/bin/time -v).\n")

# ---- B6
m, p, rss = medians("startup"), load("startup.paired.json"), load("startup.rss.json") or {}
if m:
    print("## B6 start-up\n")
    print("| command | median ms | `vigie --version` / this | peak RSS |")
    print("| --- | ---: | ---: | ---: |")
    for k, label in {"vigie": "`vigie --version`", "lg2version": "`lg2init noinit` (C linked with libgit2: prints its version)",
                     "lg2init": "`lg2init` (C: `git_libgit2_init` only)", "true": "`/bin/true`"}.items():
        print(f"| {label} | {ms(m.get(k))} | {'—' if k == 'vigie' else pr(p, f'vigie/{k}')} | {mib(rss.get(k))} |")
    v = m.get("vigie")
    if v is not None:
        print(f"\nTarget `vigie --version` ≤ 8 ms (issue 14): **{'met' if v <= 0.008 else 'missed'}** ({ms(v)} ms"
              + ("" if v <= 0.008 else f", {v / 0.008:.1f}× the target") + ").\n")

def corpus(repo):
    c = load(f"{repo}.corpus.json")
    return f"{repo} ({c['commits']:,} commits, {c['files']:,} files)" if c else repo

# ---- B3
for skipped in ("B3.skipped", "B1.skipped"):
    if os.path.exists(os.path.join(res, skipped)):
        print(f"**{skipped.split('.')[0]} not measured:** {open(os.path.join(res, skipped)).read().strip()}. "
              "See the B4 table (the full audit, which contains it).\n")
rows = [r for r in REPOS if load(f"{r}.B3.paired.json") or load(f"{r}.B3.hyperfine.json")]
if rows:
    TARGET = {"small": 25, "self": 25, "medium": 30}
    print("## B3 head scan (vigie with the licence and README rules only)\n")
    print("| repo | vigie | C floor `lg2walk tree` | git `ls-tree -r -l` + `cat-file` | `git ls-tree -r` | vigie / C floor | vigie / git | target | RSS vigie / floor / git |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    for repo in rows:
        m, p, rss = medians(f"{repo}.B3"), load(f"{repo}.B3.paired.json"), load(f"{repo}.B3.rss.json") or {}
        v, t = m.get("vigie"), TARGET.get(repo)
        verdict = "—" if t is None or v is None else (f"≤ {t} ms: met" if v * 1000 <= t else f"≤ {t} ms: **missed** ({v * 1000 / t:.1f}×)")
        print(f"| {corpus(repo)} | {ms(v)} | {ms(m.get('floor'))} | {ms(m.get('git'))} | {ms(m.get('git-ls-tree'))} "
              f"| {pr(p, 'vigie/floor')} | {pr(p, 'vigie/git')} | {verdict} | {mib(rss.get('vigie'))} / {mib(rss.get('floor'))} / {mib(rss.get('git'))} |")
    print()

# ---- B1
rows = [r for r in REPOS if load(f"{r}.B1.paired.json") or load(f"{r}.B1.hyperfine.json")]
if rows:
    print("## B1 activity walk (vigie with the activity rules only)\n")
    print("| repo | vigie | F `lg2walk odb nohash` | D `lg2walk commit` | G `git log` | vigie / F | vigie / D | vigie / G | RSS vigie / F |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for repo in rows:
        m, p, rss = medians(f"{repo}.B1"), load(f"{repo}.B1.paired.json"), load(f"{repo}.B1.rss.json") or {}
        print(f"| {corpus(repo)} | {ms(m.get('vigie'))} | {ms(m.get('floor'))} | {ms(m.get('default'))} | {ms(m.get('git'))} "
              f"| {pr(p, 'vigie/floor')} | {pr(p, 'vigie/default')} | {pr(p, 'vigie/git')} | {mib(rss.get('vigie'))} / {mib(rss.get('floor'))} |")
    print()

# ---- B4
rows = [r for r in REPOS if load(f"{r}.B4.paired.json") or load(f"{r}.B4.hyperfine.json")]
if rows:
    print("## B4 full audit (`vigie audit`, default rule set: head scan + activity walk)\n")
    print("Target (PERFORMANCE.md): vigie ≤ 1.15 × (F + `lg2walk tree` − 12 ms), 12 ms being the start-up counted twice.\n")
    print("| repo | vigie | F walk | C tree | budget 1.15×(F+tree−12) | vigie / budget (paired) | vigie / F | vigie / D | vigie / G (`git log`) | RSS vigie / F / G |")
    print("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |")
    for repo in rows:
        m, p, rss = medians(f"{repo}.B4"), load(f"{repo}.B4.paired.json"), load(f"{repo}.B4.rss.json") or {}
        v, f, t = m.get("vigie"), m.get("floor-walk"), m.get("floor-tree")
        budget = 1.15 * (f + t - 0.012) if f is not None and t is not None else None
        # the verdict pair by pair (same round of the alternating runs), steadier than medians of separate batches
        if p and all(k in p["commands"] for k in ("vigie", "floor-walk", "floor-tree")):
            c = p["commands"]
            rs = sorted(a / (1.15 * (b + d - 0.012)) for a, b, d in zip(c["vigie"]["wall"], c["floor-walk"]["wall"], c["floor-tree"]["wall"]))
            r = rs[len(rs) // 2] if len(rs) % 2 else (rs[len(rs) // 2 - 1] + rs[len(rs) // 2]) / 2
            verdict = f"{r:.2f} [{rs[0]:.2f}–{rs[-1]:.2f}] ({'met' if r <= 1 else '**missed**'})"
        else:
            verdict = "—" if budget is None or v is None else f"{v / budget:.2f} ({'met' if v <= budget else '**missed**'})"
        print(f"| {corpus(repo)} | {ms(v)} | {ms(f)} | {ms(t)} | {ms(budget)} | {verdict} | {pr(p, 'vigie/floor-walk')} "
              f"| {pr(p, 'vigie/default')} | {pr(p, 'vigie/git')} | {mib(rss.get('vigie'))} / {mib(rss.get('floor-walk'))} / {mib(rss.get('git'))} |")
    print()

# ---- callgrind
cg = load("callgrind.json")
if cg:
    print(f"## Instruction counts (callgrind, `{cg['repo']}`; exact from run to run: the CI guard)\n")
    print("| program | Ir | note |")
    print("| --- | ---: | --- |")
    notes = {"vigie-version": ("lg2init", "vigie --version / lg2init"), "vigie-head": ("lg2walk-tree", "/ lg2walk tree"),
             "vigie-activity": ("lg2walk-odb-nohash", "/ F"), "vigie-full": (None, "")}
    for name, n in cg.items():
        if name == "repo" or n is None:
            continue
        if isinstance(n, str):
            print(f"| {name} | — | {n}: valgrind 3.19 dies (SIGSEGV inside valgrind) on a Swift async `main` |")
            continue
        base, label = notes.get(name, (None, ""))
        note = f"{label} = {n / cg[base]:.2f}" if base and cg.get(base) else label
        print(f"| {name} | {n:,} | {note} |")
    if isinstance(cg.get("vigie-full"), int) and cg.get("lg2walk-odb-nohash") and cg.get("lg2walk-tree") and cg.get("lg2init"):
        floor = cg["lg2walk-odb-nohash"] + cg["lg2walk-tree"] - cg["lg2init"]
        print(f"| F + tree − one start-up | {floor:,} | vigie-full / this = {cg['vigie-full'] / floor:.2f} |")
    print()
    # where vigie's full audit spends its instructions (inclusive), found by symbol name
    path = os.path.join(res, "callgrind.vigie-full.inclusive.txt")
    if os.path.exists(path) and isinstance(cg.get("vigie-full"), int):
        parts = [("dynamic loading (ld.so `_dl_start`)", r"rtld\.c:_dl_start "),
                 ("`git_libgit2_init` (mbedTLS CA bundle)", r"\?\?\?:git_libgit2_init "),
                 ("ArgumentParser `parseAsRoot` (includes the libgit2 init when `--version` text triggers it)", r"parseAsRoot"),
                 ("`RuleSet.load` (rules + data YAML)", r"VigieRules7RuleSetV4load"),
                 ("`Repository.listTree` (HEAD tree + sizes)", r"VigieGit10RepositoryC8listTree"),
                 ("`Repository.walkHistory` (activity walk)", r"VigieGit10RepositoryC11walkHistory"),
                 ("`AuditEngine.run` (rules and facts, includes the walk)", r"VigieCore11AuditEngineV3run"),
                 ("`LicenceAnalysis.licenceFiles(in:conventions:)`", r"LicenceAnalysisV12licenceFiles"),
                 ("`SnapshotEntry.folder`", r"SnapshotEntryV6folder"),
                 ("`SnapshotEntry.isAtRoot`", r"SnapshotEntryV8isAtRoot"),
                 ("`RepositorySnapshot.rootEntries`", r"RepositorySnapshotC11rootEntries"),
                 ("zlib `inflate`", r"\?\?\?:inflate ")]
        text = open(path).read().splitlines()
        total = next((int(l.split()[0].replace(",", "")) for l in text if "PROGRAM TOTALS" in l), None)
        print(f"Where `vigie audit` ({cg['repo']}) spends its instructions (inclusive; a function called from "
              "several places counts once per line, so the lines overlap):\n")
        print("| part | Ir | share |")
        print("| --- | ---: | ---: |")
        for label, pattern in parts:
            hits = [int(l.split()[0].replace(",", "")) for l in text if re.search(pattern, l) and re.match(r"\s*[0-9,]+ ", l)]
            if hits:
                print(f"| {label} | {max(hits):,} | {max(hits) / total:.0%} |")
        print()
