#!/usr/bin/env python3
"""The table of issue 14 from bench/real.sh's results: usage: real_summary.py RESULTS_DIR NAME...
Ratios are medians of per-round wall ratios (bench/paired.py), CPU ratios in parentheses; peak RSS
from /usr/bin/time -v; instruction counts from callgrind where they were taken."""
import json
import os
import sys

res, names = sys.argv[1], sys.argv[2:]


def load(name, group):
    path = os.path.join(res, name, group + ".json")
    return json.load(open(path)) if os.path.exists(path) else None


def number(name, file):
    path = os.path.join(res, name, file)
    try:
        return float(open(path).read().strip())
    except (OSError, ValueError):
        return None


def ratio(name, group, a, b):
    data = load(name, group)
    if not data:
        return "—"
    r = data["ratios"].get(f"{a}/{b}")
    if r is None:  # b is the numerator's denominator the other way round: invert
        r2 = data["ratios"].get(f"{b}/{a}")
        if r2 is None:
            return "—"
        return f"{1 / r2['wall']:.2f}"
    cpu = f" (cpu {r['cpu']:.2f})" if r.get("cpu") else ""
    return f"{r['wall']:.2f}{cpu}"


def between(name, group, a, b):
    """a/b where neither is the group's first command: from the medians of the two."""
    data = load(name, group)
    if not data or a not in data["commands"] or b not in data["commands"]:
        return "—"
    ca, cb = data["commands"][a], data["commands"][b]
    ratios = sorted(x / y for x, y in zip(ca["wall"], cb["wall"]))
    return f"{ratios[len(ratios) // 2]:.2f}"


def beyond(name, group, a, base, floor):
    """(a − base) / floor on median CPU times: what a costs beyond an audit that does not walk."""
    data = load(name, group)
    if not data or any(c not in data["commands"] for c in (a, base, floor)):
        return "—"
    c = data["commands"]
    extra = c[a]["median_cpu"] - c[base]["median_cpu"]
    return f"{extra / c[floor]['median_cpu']:.2f} ({extra:.2f} s / {c[floor]['median_cpu']:.2f} s)"


def ms(name, group, command):
    data = load(name, group)
    if not data or command not in data["commands"]:
        return "—"
    return f"{data['commands'][command]['median_wall'] * 1000:.0f} ms"


def rss_ratio(name, a, b):
    x, y = number(name, a), number(name, b)
    return f"{x / y:.2f} ({x / 1024:.0f} / {y / 1024:.0f} MiB)" if x and y else "—"


short = [n.split("+")[-1] for n in names]
rows = [
    ("walk / F", lambda n: ratio(n, "walk", "walk", "F")),
    ("walk / `git log --format='%H %ae %at'`", lambda n: ratio(n, "walk", "walk", "G")),
    ("walk beyond a non-walking audit / F (CPU)", lambda n: beyond(n, "walk", "walk", "min", "F")),
    ("non-walking audit (`--select licence.present`), CPU", lambda n: f"{load(n, 'walk')['commands']['min']['median_cpu']:.2f} s" if load(n, "walk") and "min" in load(n, "walk")["commands"] else "—"),
    ("walk peak RSS / F's", lambda n: rss_ratio(n, "walk.rss", "F.rss")),
    ("full audit / F", lambda n: ratio(n, "full", "full", "F")),
    ("full audit peak RSS / F's", lambda n: rss_ratio(n, "full.rss", "F.rss")),
    ("head scan, whole process", lambda n: ms(n, "head", "head")),
    ("head scan / `licensee detect`", lambda n: ratio(n, "head", "head", "licensee")),
    ("reading the files it searches (`lg2read`, 1 thread)", lambda n: ms(n, "head", "R1")),
    ("reading the files it searches (`lg2read`, 2 threads)", lambda n: ms(n, "head", "R2")),
    ("head scan / reading them on 2 threads", lambda n: ratio(n, "head", "head", "R2")),
    ("with a commit-graph: full audit / F (no graph)", lambda n: ratio(n, "cg", "full_cg", "F")),
    ("with a commit-graph: full audit / F (gen-1 graph)", lambda n: ratio(n, "cg", "full_cg", "F_cg1")),
    ("with a commit-graph: walk / F (no graph)", lambda n: between(n, "cg", "walk_cg", "F")),
    ("with a commit-graph: full audit peak RSS / F's", lambda n: rss_ratio(n, "full-cg.rss", "F.rss")),
    ("before → after: walk / old walk", lambda n: ratio(n, "walk", "walk", "base")),
    ("before → after: full / old full", lambda n: ratio(n, "full", "full", "base")),
    ("before: old walk / F", lambda n: between(n, "walk", "base", "F")),
    ("before: old walk / `git log`", lambda n: between(n, "walk", "base", "G")),
    ("before: old full / F", lambda n: between(n, "full", "base", "F")),
    ("before: old walk peak RSS / F's", lambda n: rss_ratio(n, "base-walk.rss", "F.rss")),
    ("before: old full peak RSS / F's", lambda n: rss_ratio(n, "base-full.rss", "F.rss")),
    ("instructions: walk / F (callgrind)", lambda n: f"{number(n, 'walk.ir') / number(n, 'F.ir'):.3f} ({number(n, 'walk.ir') / 1e9:.3f} G / {number(n, 'F.ir') / 1e9:.3f} G)" if number(n, "walk.ir") and number(n, "F.ir") else "—"),
    ("instructions: full / F (callgrind)", lambda n: f"{number(n, 'full.ir') / number(n, 'F.ir'):.3f} ({number(n, 'full.ir') / 1e9:.3f} G)" if number(n, "full.ir") and number(n, "F.ir") else "—"),
]
print("| | " + " | ".join(short) + " |")
print("|---|" + "---|" * len(names))
for label, cell in rows:
    cells = [cell(n) for n in names]
    if all(c == "—" for c in cells):
        continue
    print(f"| {label} | " + " | ".join(cells) + " |")

# vigie's own repository (BENCH_ONLY=self): the whole audit beside reading every blob of its tree.
own = load("self", "self")
if own:
    c = own["commands"]
    print()
    print("| vigie's own repository | median |")
    print("|---|---|")
    print(f"| `vigie audit` (whole process) | {c['self']['median_wall'] * 1000:.0f} ms |")
    for key, label in (("R1", "reading every blob (`lg2read`, 1 thread)"), ("R2", "reading every blob (`lg2read`, 2 threads)"),
                       ("A", "`git archive HEAD -o /dev/null`")):
        if key in c:
            print(f"| {label} | {c[key]['median_wall'] * 1000:.0f} ms; vigie / this: {ratio('self', 'self', 'self', key)} |")
