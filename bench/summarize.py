#!/usr/bin/env python3
"""Prints the markdown summary of a bench/run.sh results folder (usage: summarize.py RESULTS_DIR)."""
import json
import os
import sys

res = sys.argv[1]
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

ms = lambda s: "—" if s is None else f"{s * 1000:.1f}"
mib = lambda k: "—" if k is None else f"{k / 1024:.1f}"
ratio = lambda r: "—" if r is None else f"{r:.2f}"
# B3 targets of PERFORMANCE.md: <= 25 ms on requests (small trees), <= 30 ms on git/git (about 4.8k files)
TARGET_MS = {"small": 25, "self": 25, "medium": 30}

print("# vigie bench results\n")
print("```")
print(open(os.path.join(res, "machine.txt")).read().rstrip())
print("```\n")

m, p, rss = medians("startup"), load("startup.paired.json"), load("startup.rss.json") or {}
if m:
    print("## B6 start-up (median wall ms; ratios: median of per-pair ratios)\n")
    print("| command | median ms | vigie / this (paired) | peak RSS MiB |")
    print("| --- | --- | --- | --- |")
    names = {"vigie": "`vigie --version`", "lg2init": "`lg2init` (C: git_libgit2_init only)", "true": "`/bin/true`"}
    for k, label in names.items():
        r = p["ratios"].get(f"vigie/{k}", {}).get("wall") if p else None
        print(f"| {label} | {ms(m.get(k))} | {ratio(r) if k != 'vigie' else '1.00'} | {mib(rss.get(k))} |")
    v = m.get("vigie")
    if v is not None:
        print(f"\nB6 target `vigie --version` <= 10 ms: **{'met' if v <= 0.010 else 'missed'}** ({ms(v)} ms"
              + ("" if v <= 0.010 else f", {v / 0.010:.1f}x the target") + ")\n")

rows = []
for repo in ["small", "self", "medium", "large"]:
    c = load(f"{repo}.corpus.json")
    if not c:
        continue
    rows.append((repo, c, medians(repo), load(f"{repo}.paired.json"), load(f"{repo}.rss.json") or {}))
if rows:
    print("## B3 head scan (median wall ms; ratios: median of per-pair ratios, min-max in brackets)\n")
    print("| repo | commits | files | vigie | C floor `lg2walk tree` | git CLI `ls-tree -r -l` + `cat-file` | `git ls-tree -r` | vigie / C floor | vigie / git CLI | B3 target | peak RSS MiB vigie / floor / git |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    for repo, c, m, p, rss in rows:
        rf = p["ratios"]["vigie/floor"] if p else None
        rg = p["ratios"]["vigie/git"] if p else None
        fmt = lambda r: "—" if r is None else f"{r['wall']:.2f} [{r['wall_min']:.2f}-{r['wall_max']:.2f}]"
        v = m.get("vigie")
        t = TARGET_MS.get(repo)
        verdict = "—" if t is None or v is None else (f"≤ {t} ms: met" if v * 1000 <= t else f"≤ {t} ms: **missed** ({v * 1000 / t:.1f}x)")
        print(f"| {repo} | {c['commits']:,} | {c['files']:,} | {ms(v)} | {ms(m.get('lg2walk-tree'))} | {ms(m.get('git-headscan'))} "
              f"| {ms(m.get('git-ls-tree'))} | {fmt(rf)} | {fmt(rg)} | {verdict} "
              f"| {mib(rss.get('vigie'))} / {mib(rss.get('lg2walk-tree'))} / {mib(rss.get('git-ls-tree-l'))} |")
    print()

cg = load("callgrind.json")
if cg:
    print(f"## Instruction counts (callgrind, {cg['repo']} repository; exact, for a CI guard)\n")
    print("| program | Ir | ratio |")
    print("| --- | ---: | --- |")
    pairs = [("vigie-audit", "lg2walk-tree", "vigie audit / lg2walk tree"), ("lg2walk-tree", None, ""),
             ("git-ls-tree-l", None, ""), ("vigie-version", "lg2init", "vigie --version / lg2init"), ("lg2init", None, "")]
    for name, base, label in pairs:
        if name not in cg:
            continue
        r = f"{label} = {cg[name] / cg[base]:.2f}" if base and cg.get(base) else ""
        print(f"| {name} | {cg[name]:,} | {r} |")
    print()
