#!/usr/bin/env python3
"""How often vigie's licence identification agrees with ScanCode's licence database.

Development tool, not run in CI (it needs the database, ~100 MB, and a built vigie). Usage:
    pip install --target /tmp/lcd licensedcode-data
    swift build -c release --scratch-path .build-lic
    python3 bench/licence-agreement.py /tmp/lcd/licensedcode/data .build-lic/release/vigie

For every licence vigie knows (rules/data/licences.yml), the texts ScanCode files under that licence:
its reference text (`licenses/<key>.LICENSE`) and every rule marked `is_license_text: yes`
(`rules/<key>_*.RULE`: full texts as found in real projects, with their variations). All are put in
one throw-away repository as REUSE texts (LICENSES/…), audited once, and each text's verdict read
from facts.licence.detections. "agree": vigie names the same licence (by family: GPL-2.0 and
GPL-2.0-only agree); "no assertion": vigie says NOASSERTION (never a guess); "wrong": vigie names
another licence. Prints a Markdown table (docs/licences.md).
"""
import json, os, re, subprocess, sys, tempfile

def front_matter(raw):
    if not raw.startswith("---"):
        return {}, raw
    _, head, body = raw.split("---", 2)
    fields = dict(re.findall(r"^([a-z_]+):\s*(.*?)\s*$", head, re.M))
    return fields, body.strip() + "\n"

def family(spdx):
    spdx = spdx.lower()
    for suffix in ("-only", "-or-later", "+"):
        if spdx.endswith(suffix):
            spdx = spdx[: -len(suffix)]
    return spdx

def main():
    data, vigie = sys.argv[1], os.path.abspath(sys.argv[2])
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    catalogue = open(os.path.join(root, "rules", "data", "licences.yml"), encoding="utf-8").read()
    known = {}
    for block in re.split(r"\n  - id: ", catalogue)[1:]:
        ident = block.split("\n", 1)[0].strip()
        if "kind: exception" not in block.split("\n  - id: ")[0]:
            known[family(ident)] = ident
    keys = {}  # ScanCode key -> vigie id
    for name in os.listdir(os.path.join(data, "licenses")):
        fields, _ = front_matter(open(os.path.join(data, "licenses", name), encoding="utf-8").read())
        spdx = fields.get("spdx_license_key", "")
        if family(spdx) in known:
            keys[name[: -len(".LICENSE")]] = known[family(spdx)]
    texts = []  # (vigie id, source, text)
    for key, ident in sorted(keys.items()):
        _, body = front_matter(open(os.path.join(data, "licenses", key + ".LICENSE"), encoding="utf-8").read())
        texts.append((ident, key + ".LICENSE", body))
    for name in sorted(os.listdir(os.path.join(data, "rules"))):
        raw = open(os.path.join(data, "rules", name), encoding="utf-8").read()
        fields, body = front_matter(raw)
        key = fields.get("license_expression", "")
        if key in keys and fields.get("is_license_text") == "yes":
            texts.append((keys[key], name, body))
    with tempfile.TemporaryDirectory() as folder:
        os.makedirs(os.path.join(folder, "LICENSES"))
        paths = {}
        for number, (ident, source, body) in enumerate(texts):
            path = "LICENSES/text-%05d.txt" % number
            paths[path] = (ident, source)
            open(os.path.join(folder, path), "w", encoding="utf-8").write(body)
        git = ["git", "-C", folder, "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
        subprocess.run(git + ["init", "-q"], check=True)
        subprocess.run(git + ["add", "."], check=True)
        subprocess.run(git + ["commit", "-q", "-m", "texts"], check=True)
        audit = subprocess.run([vigie, "audit", folder, "--format", "json"], capture_output=True, text=True)
        facts = json.loads(audit.stdout)["facts"]["licence"]
    verdicts = {}
    for detection in facts["detections"]:
        if detection.get("role", "licence") == "licence":
            verdicts.setdefault(detection["path"], []).append(detection["spdx"])
    table = {}
    for path, (ident, source) in paths.items():
        found = verdicts.get(path, ["NOASSERTION"])
        row = table.setdefault(ident, {"texts": 0, "agree": 0, "none": 0, "wrong": 0, "examples": []})
        row["texts"] += 1
        if any(family(spdx) == family(ident) for spdx in found):
            row["agree"] += 1
        elif found == ["NOASSERTION"]:
            row["none"] += 1
        else:
            row["wrong"] += 1
            row["examples"].append("%s → %s" % (source, ", ".join(found)))
    print("| Licence | ScanCode texts | Agree | NOASSERTION | Other licence |")
    print("|---|---:|---:|---:|---:|")
    totals = [0, 0, 0, 0]
    for ident in sorted(table, key=str.lower):
        row = table[ident]
        print("| %s | %d | %d | %d | %d |" % (ident, row["texts"], row["agree"], row["none"], row["wrong"]))
        for index, field in enumerate(("texts", "agree", "none", "wrong")):
            totals[index] += row[field]
    print("| **all** | %d | %d (%.0f %%) | %d | %d |" % (totals[0], totals[1], 100.0 * totals[1] / max(1, totals[0]), totals[2], totals[3]))
    missing = sorted(set(known.values()) - set(table))
    if missing:
        print("\nNot in ScanCode under an SPDX key: " + ", ".join(missing))
    for ident in sorted(table, key=str.lower):
        for example in table[ident]["examples"][:3]:
            print("- wrong: %s (%s)" % (example, ident), file=sys.stderr)

main()
