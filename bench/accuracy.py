#!/usr/bin/env python3
"""Compares vigie's JSON scorecards with a careful reader's ground truth (bench/accuracy/expected.yml).

    python3 bench/accuracy.py [SCORECARDS] [--expected FILE] [--details] [--markdown] [--update-doc FILE]
                              [--label TEXT]

SCORECARDS is the folder written by scripts/corpus-audit.sh (default: out/corpus/), holding one
owner+name.json per entry (owner+name@REF.json for a past revision). For each repository of the ground
truth and each family (licence, README sections, accessibility statement, open data, secrets,
contributors) it prints whether vigie agrees, then the agreement rate per family. --details lists every
disagreement (vigie's reading next to the expected one, with vigie's evidence). --markdown prints the
same as Markdown; --update-doc FILE rewrites the part of FILE between the lines
`<!-- accuracy:begin -->` and `<!-- accuracy:end -->` with that Markdown (docs/accuracy.md).

An entry without a readable scorecard (not fetched, audit failed) counts as a disagreement in every
family ("no scorecard"). How each family is read from the scorecard:
  licence          facts.licence.spdx, minus the licences the ground truth lists as `other` (bundled parts,
                   data, documentation), must equal the expected primary licence(s); ids are compared
                   without case and without the -only / -or-later / + suffixes (the strict difference is
                   shown in the details).
  readme_sections  facts.readme.sections (README found: facts.readme.path) against the six expected
                   booleans; the repository agrees when all six agree, and each section is also counted.
  accessibility    facts.accessibility.applicable, then whether facts.accessibility.statement is set, then
                   its status (full | partial | non_compliant), all three as expected.
  open_data        facts.open_data.applicable (vigie's "this repository produces or publishes data")
                   must be true exactly when the ground truth says "publishes" ("consumes only" and
                   "none" both expect false).
  secrets          facts.security.secrets.findings must equal the number of real secrets.
  contributors     facts.activity.authors_365d must equal the number of distinct people.
Exit status: 0, or 2 on misuse (missing file, unreadable ground truth).
"""
import argparse
import json
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("accuracy.py: PyYAML is needed (pip install pyyaml)")

FAMILIES = ["licence", "readme_sections", "accessibility", "open_data", "secrets", "contributors"]
SHORT = {"licence": "licence", "readme_sections": "readme", "accessibility": "a11y",
         "open_data": "open data", "secrets": "secrets", "contributors": "contrib."}
SECTIONS = ["purpose", "installation", "usage", "contributing", "licence", "contact"]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def norm_id(spdx):
    s = str(spdx).strip().lower()
    s = re.sub(r"(-only|-or-later|\+)$", "", s)
    return s


def as_list(v):
    if v is None:
        return []
    return list(v) if isinstance(v, (list, tuple)) else [v]


def other_ids(lic):
    """The ids of `other` entries: the first word of each ("OFL-1.1 (LICENSE_FONTS, fonts only)")."""
    return [str(o).split()[0] for o in as_list(lic.get("other")) if str(o).strip()]


def dig(d, *keys):
    for k in keys:
        if not isinstance(d, dict):
            return None
        d = d.get(k)
    return d


def check(card, cid):
    for c in card.get("checks") or []:
        if isinstance(c, dict) and c.get("id") == cid:
            return c
    return None


def evidence_text(c, limit=4):
    if not c:
        return ""
    ev = c.get("evidence") or []
    parts = []
    for e in ev[:limit]:
        loc = e.get("path") or ""
        if e.get("line"):
            loc += f":{e['line']}"
        parts.append(f"{loc} {e.get('message') or ''}".strip())
    more = f" (+{len(ev) - limit} more)" if len(ev) > limit else ""
    return "; ".join(parts) + more


# ---- one family at a time: (agree: bool, vigie's reading, expected reading, note) ----

def cmp_licence(card, exp):
    lic = exp.get("licence") or {}
    want = as_list(lic.get("spdx"))
    others = {norm_id(o) for o in other_ids(lic)}
    got = as_list(dig(card, "facts", "licence", "spdx"))
    got_main = sorted({norm_id(g) for g in got} - others)
    want_n = sorted({norm_id(w) for w in want})
    agree = got_main == want_n
    note = ""
    if agree and sorted(map(str, got)) != sorted(map(str, want)) and want:
        note = "same licence, different SPDX spelling"
    files = dig(card, "facts", "licence", "files") or []
    decl = [f"{d.get('path')}: {d.get('expression')}" for d in (dig(card, "facts", "licence", "declared") or [])]
    ev = "files " + (", ".join(files) if files else "none")
    if decl:
        ev += "; declared " + ", ".join(decl)
    return agree, ", ".join(map(str, got)) or "none", ", ".join(map(str, want)) or "none", (note + "; " if note else "") + ev


def cmp_readme(card, exp):
    want = exp.get("readme_sections")
    r = dig(card, "facts", "readme") or {}
    path = r.get("path")
    if want is None:
        agree = path is None
        return agree, (f"README {path}" if path else "no README"), "no README", "", {}
    if path is None:
        got = {s: False for s in SECTIONS}
    else:
        found = set(r.get("sections") or [])
        got = {s: s in found for s in SECTIONS}
    per = {s: got[s] == bool(want.get(s)) for s in SECTIONS}
    agree = all(per.values())
    diffs = [f"{s}: vigie {'yes' if got[s] else 'no'}, reader {'yes' if want.get(s) else 'no'}"
             for s in SECTIONS if not per[s]]
    c = check(card, "readme.sections")
    note = f"README read: {path or 'none'} (expected {exp.get('readme')})"
    if c:
        note += f"; check: {c.get('message')}"
        ev = evidence_text(c, limit=6)
        if ev:
            note += f"; evidence: {ev}"
    return agree, "; ".join(diffs) if diffs else "all six as expected", "", note, per


def a11y_text(d):
    if not d.get("applicable"):
        return "not applicable"
    if not d.get("present"):
        return "no statement"
    return f"statement ({d.get('status') or 'no status'})"


def cmp_a11y(card, exp):
    want = exp.get("accessibility_statement") or {}
    a = dig(card, "facts", "accessibility") or {}
    st = a.get("statement")
    # vigie's `unknown` is the reader's "no status declared" (null).
    status = st.get("status") if isinstance(st, dict) else None
    got = {"applicable": bool(a.get("applicable")), "present": bool(st),
           "status": None if status == "unknown" else status}
    w = {"applicable": bool(want.get("applicable")), "present": bool(want.get("present")),
         "status": want.get("status")}
    agree = got["applicable"] == w["applicable"]
    if agree and w["applicable"]:
        agree = got["present"] == w["present"]
        if agree and w["present"]:
            agree = got["status"] == w["status"]
    note = a.get("reason") or ""
    if isinstance(st, dict):
        note += f"; statement {st.get('path')}:{st.get('line')}"
    if want.get("where"):
        note += f"; expected in {want.get('where')}"
    return agree, a11y_text(got), a11y_text(w), note.strip("; ")


def cmp_open_data(card, exp):
    want = exp.get("open_data")
    od = dig(card, "facts", "open_data") or {}
    got = od.get("applicable")
    agree = got is not None and bool(got) == (want == "publishes")
    c = check(card, "open_data.published")
    note = od.get("reason") or ""
    if c:
        note += f"; open_data.published {c.get('status')}: {c.get('message')}"
    got_t = "produces/publishes data" if got else ("unknown" if got is None else "no data")
    return agree, got_t, str(want), note


def cmp_secrets(card, exp):
    want = dig(exp, "secrets", "real")
    n = dig(card, "facts", "security", "secrets", "findings")
    agree = n is not None and n == want
    c = check(card, "security.secrets")
    return agree, str(n), str(want), evidence_text(c, limit=5)


def cmp_contributors(card, exp):
    want = exp.get("contributors")
    n = dig(card, "facts", "activity", "authors_365d")
    agree = n is not None and n == want
    note = ""
    bots = dig(card, "facts", "activity", "bots", "names")
    if bots:
        note = "bots left out by vigie: " + ", ".join(bots)
    return agree, str(n), str(want), note


CMP = {"licence": cmp_licence, "readme_sections": cmp_readme, "accessibility": cmp_a11y,
       "open_data": cmp_open_data, "secrets": cmp_secrets, "contributors": cmp_contributors}


def held_out_entries(corpus_path):
    """Entries listed after the "# Held out" heading of bench/corpus.txt: added with a blind ground truth
    after the rules were tuned on the others, so their agreement measures how the rules generalise."""
    held, inside = set(), False
    try:
        with open(corpus_path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# Held out"):
                    inside = True
                    continue
                words = line.split("#", 1)[0].split()
                if inside and words:
                    held.add(words[0])
    except OSError:
        pass
    return held


def split_table(rows, held):
    """Agreement per family on the tuned entries and on the held-out ones, side by side (Markdown lines)."""
    if not held:
        return []
    groups = [("tuned on", [r for r in rows if r["entry"] not in held]), ("held out", [r for r in rows if r["entry"] in held])]
    out = ["| family | " + " | ".join(f"{name} ({len(g)})" for name, g in groups) + " |", "|---|---:|---:|"]
    for f in FAMILIES + ["all"]:
        cells = []
        for _, g in groups:
            fams = FAMILIES if f == "all" else [f]
            n = sum(1 for r in g for x in fams if r["results"][x][0])
            t = len(g) * len(fams)
            cells.append(f"{n}/{t} ({pct(n, t)})")
        out.append(f"| {'**all families**' if f == 'all' else f} | " + " | ".join(cells) + " |")
    return out


def load_card(folder, entry):
    path = os.path.join(folder, entry.replace("/", "+") + ".json")
    if not os.path.isfile(path):
        return None, "no scorecard (not audited)"
    try:
        with open(path, encoding="utf-8") as f:
            card = json.load(f)
    except Exception:
        code = ""
        ex = path[:-5] + ".exit"
        if os.path.isfile(ex):
            code = open(ex).read().strip()
        return None, f"no scorecard (audit exit {code or '?'})"
    if not isinstance(card, dict) or "facts" not in card:
        return None, "no scorecard (unreadable)"
    return card, ""


def evaluate(folder, expected):
    rows = []
    for entry, exp in expected["repositories"].items():
        card, why = load_card(folder, entry)
        row = {"entry": entry, "missing": why, "results": {}, "sections": {}, "commit": None}
        if card is None:
            for fam in FAMILIES:
                row["results"][fam] = (False, why, "", "")
        else:
            row["commit"] = dig(card, "repository", "commit")
            row["tool"] = card.get("tool")
            for fam in FAMILIES:
                res = CMP[fam](card, exp)
                if fam == "readme_sections":
                    row["sections"] = res[4]
                    res = res[:4]
                row["results"][fam] = res
            if exp.get("commit") and row["commit"] and row["commit"] != exp["commit"]:
                row["commit_mismatch"] = f"scorecard commit {row['commit'][:10]} != expected {exp['commit'][:10]}"
        rows.append(row)
    return rows


def summary(rows):
    fam = {}
    for f in FAMILIES:
        n = sum(1 for r in rows if r["results"][f][0])
        fam[f] = (n, len(rows), sum(1 for r in rows if not r["missing"]))
    sec = {}
    for s in SECTIONS:
        n = t = 0
        for r in rows:
            if r["sections"]:
                t += 1
                n += 1 if r["sections"][s] else 0
        sec[s] = (n, t)
    return fam, sec


def pct(n, t):
    return f"{100.0 * n / t:.0f} %" if t else "-"


def tool_line(rows):
    tools = set()
    for r in rows:
        t = r.get("tool")
        if isinstance(t, dict):
            tools.add(f"{t.get('name', 'vigie')} {t.get('version', '?')} (libgit2 {t.get('libgit2', '?')})")
    return ", ".join(sorted(tools)) or "no scorecard"


def print_text(rows, details):
    fam, sec = summary(rows)
    w = max(len(r["entry"]) for r in rows)
    print(f"{'repository':<{w}}  " + "  ".join(f"{SHORT[f]:>9}" for f in FAMILIES))
    print(f"{'-' * w}  " + "  ".join(f"{'-' * 9:>9}" for f in FAMILIES))
    for r in rows:
        cells = []
        for f in FAMILIES:
            if r["missing"]:
                cells.append(f"{'--':>9}")
            else:
                cells.append(f"{'ok' if r['results'][f][0] else 'DIFF':>9}")
        print(f"{r['entry']:<{w}}  " + "  ".join(cells) + (f"  {r['missing']}" if r["missing"] else ""))
    print()
    print("agreement per family:")
    for f in FAMILIES:
        n, t, aud = fam[f]
        print(f"  {f:<16} {n:>3}/{t:<3} {pct(n, t):>6}   (of the {aud} audited: {pct(n, aud)})")
    print("README sections, one by one (repositories with a scorecard and a README):")
    for s in SECTIONS:
        n, t = sec[s]
        print(f"  {s:<16} {n:>3}/{t:<3} {pct(n, t):>6}")
    held = held_out_entries(os.path.join(ROOT, "bench", "corpus.txt"))
    if held:
        print("tuned on / held out:")
        for line in split_table(rows, held)[2:]:
            cells = [c.strip() for c in line.strip("|").split("|")]
            print(f"  {cells[0].strip('*'):<16} {cells[1]:>14}   {cells[2]:>14}")
    total = sum(fam[f][0] for f in FAMILIES)
    print(f"overall: {total}/{len(rows) * len(FAMILIES)} family verdicts agree ({pct(total, len(rows) * len(FAMILIES))}); {tool_line(rows)}")
    if details:
        print()
        print("disagreements:")
        for f in FAMILIES:
            for r in rows:
                ok, got, want, note = r["results"][f]
                if ok or r["missing"]:
                    continue
                if f == "readme_sections":
                    print(f"  [{f}] {r['entry']}: {got}")
                else:
                    print(f"  [{f}] {r['entry']}: vigie {got} / expected {want}")
                if note:
                    print(f"      {note}")
        missing = [r for r in rows if r["missing"]]
        for r in missing:
            print(f"  [all] {r['entry']}: {r['missing']}")
        for r in rows:
            if r.get("commit_mismatch"):
                print(f"  [commit] {r['entry']}: {r['commit_mismatch']}")


def md_escape(s):
    return str(s).replace("|", "\\|").replace("\n", " ")


def markdown(rows, folder, expected_path, label=None):
    fam, sec = summary(rows)
    out = []
    if label:
        out.append(f"**Measured: {label}.**")
        out.append("")
    out.append(f"Scorecards from `{folder}` compared with `{os.path.relpath(expected_path, ROOT)}` by `bench/accuracy.py`; "
               f"{tool_line(rows)}, {len(rows)} entries.")
    out.append("")
    out.append("### Agreement per family")
    out.append("")
    aud = sum(1 for r in rows if not r["missing"])
    out.append(f"| family | agree | rate | rate among the {aud} audited |")
    out.append("|---|---:|---:|---:|")
    for f in FAMILIES:
        n, t, a = fam[f]
        out.append(f"| {f} | {n}/{t} | {pct(n, t)} | {pct(n, a)} |")
    total = sum(fam[f][0] for f in FAMILIES)
    out.append(f"| **all families** | {total}/{len(rows) * len(FAMILIES)} | {pct(total, len(rows) * len(FAMILIES))} | {pct(total, aud * len(FAMILIES))} |")
    out.append("")
    held = held_out_entries(os.path.join(ROOT, "bench", "corpus.txt"))
    if held:
        out.append("Tuned on, and held out: the entries after the \"Held out\" heading of `bench/corpus.txt` were added "
                   "with a ground truth written blind (without vigie's output) after the rules were tuned on the others.")
        out.append("")
        out += split_table(rows, held)
        out.append("")
    out.append("README sections one by one, over the audited repositories that have a README (a repository agrees on `readme_sections` only when all six agree):")
    out.append("")
    out.append("| section | agree | rate |")
    out.append("|---|---:|---:|")
    for s in SECTIONS:
        n, t = sec[s]
        out.append(f"| {s} | {n}/{t} | {pct(n, t)} |")
    out.append("")
    out.append("### Per repository")
    out.append("")
    out.append("`ok`: vigie agrees with the reader; `DIFF`: it does not (see below); `--`: no scorecard.")
    out.append("")
    out.append("| repository | commit | " + " | ".join(SHORT[f] for f in FAMILIES) + " |")
    out.append("|---|---|" + "|".join(":-:" for _ in FAMILIES) + "|")
    for r in rows:
        commit = (r["commit"] or "")[:10]
        cells = ["--" if r["missing"] else ("ok" if r["results"][f][0] else "**DIFF**") for f in FAMILIES]
        name = r["entry"] + (f" ({r['missing']})" if r["missing"] else "")
        out.append(f"| {md_escape(name)} | `{commit}` | " + " | ".join(cells) + " |")
    out.append("")
    out.append("### Every disagreement")
    out.append("")
    out.append("What vigie says, what the reader expects (bench/accuracy/expected.yml, with its `why`), and "
               "vigie's own evidence from the scorecard.")
    for f in FAMILIES:
        items = [r for r in rows if not r["results"][f][0] and not r["missing"]]
        out.append("")
        out.append(f"#### {f} ({len(items)})")
        out.append("")
        if not items:
            out.append("None.")
            continue
        for r in items:
            ok, got, want, note = r["results"][f]
            if f == "readme_sections":
                line = f"- `{r['entry']}`: {md_escape(got)}."
            else:
                line = f"- `{r['entry']}`: vigie **{md_escape(got)}**, expected **{md_escape(want)}**."
            if note:
                line += f" {md_escape(note)}."
            out.append(line)
    missing = [r for r in rows if r["missing"]]
    if missing:
        out.append("")
        out.append(f"#### no scorecard ({len(missing)})")
        out.append("")
        for r in missing:
            out.append(f"- `{r['entry']}`: {r['missing']} (counted as a disagreement in every family).")
    mism = [r for r in rows if r.get("commit_mismatch")]
    if mism:
        out.append("")
        out.append("#### scorecards of another commit than the ground truth")
        out.append("")
        for r in mism:
            out.append(f"- `{r['entry']}`: {r['commit_mismatch']} (the ground truth may be stale).")
    return "\n".join(out) + "\n"


def update_doc(path, text):
    begin, end = "<!-- accuracy:begin -->", "<!-- accuracy:end -->"
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    if begin not in doc or end not in doc:
        sys.exit(f"accuracy.py: {path} has no {begin} ... {end} markers")
    head, rest = doc.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + begin + "\n" + text + end + tail)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("scorecards", nargs="?", default=os.path.join(ROOT, "out", "corpus"))
    ap.add_argument("--expected", default=os.path.join(HERE, "accuracy", "expected.yml"))
    ap.add_argument("--details", action="store_true", help="list every disagreement")
    ap.add_argument("--markdown", action="store_true", help="print Markdown (tables and disagreements)")
    ap.add_argument("--update-doc", metavar="FILE", help="rewrite FILE between the accuracy markers")
    ap.add_argument("--label", help="what was measured (e.g. the vigie commit), written at the top of the Markdown")
    a = ap.parse_args()
    if not os.path.isdir(a.scorecards):
        print(f"accuracy.py: no folder {a.scorecards} (run scripts/corpus-audit.sh first)", file=sys.stderr)
        return 2
    try:
        with open(a.expected, encoding="utf-8") as f:
            expected = yaml.safe_load(f)
        assert isinstance(expected.get("repositories"), dict)
    except Exception as e:
        print(f"accuracy.py: cannot read {a.expected}: {e}", file=sys.stderr)
        return 2
    rows = evaluate(a.scorecards, expected)
    if a.markdown or a.update_doc:
        md = markdown(rows, a.scorecards, a.expected, a.label)
        if a.update_doc:
            update_doc(a.update_doc, md)
        if a.markdown:
            sys.stdout.write(md)
    else:
        print_text(rows, a.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
