#!/usr/bin/env python3
"""Proposes licence fingerprints for rules/data/licences.yml from ScanCode's licence database.

Development tool, not run in CI. Usage:
    pip install --target /tmp/lcd licensedcode-data
    python3 bench/licence-fingerprints.py /tmp/lcd/licensedcode/data SPDX-ID=scancode-key ...

For each licence: 4 sentences spread over the text, 8 to 30 words long, that occur in no other
licence text of the database (normalised as vigie does), and the normalised word count. The output is
a proposal to review, then paste into rules/data/licences.yml; the texts go to fixtures/licences/.
"""
import os, re, sys, unicodedata

def normalise(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))

def licence_text(path):
    raw = open(path, encoding="utf-8").read()
    if raw.startswith("---"):
        raw = raw.split("---", 2)[2]
    return raw.strip() + "\n"

def main():
    data, pairs = sys.argv[1], [a.split("=", 1) for a in sys.argv[2:]]
    folder = os.path.join(data, "licenses")
    # Phrases must tell the licence from those vigie knows (fixtures/licences) and from each other.
    others = {}
    fixtures = os.path.join(os.path.dirname(__file__), "..", "fixtures", "licences")
    for name in os.listdir(fixtures):
        if name.endswith(".txt"):
            others["fixture:" + name] = normalise(open(os.path.join(fixtures, name), encoding="utf-8").read())
    for _, key in pairs:
        others[key] = normalise(licence_text(os.path.join(folder, key + ".LICENSE")))
    for spdx, key in pairs:
        text = licence_text(os.path.join(folder, key + ".LICENSE"))
        words = len(normalise(text).split())
        sentences = [s.strip() for s in re.split(r"(?<=[.;:])\s+|\n\s*\n", text) if s.strip()]
        unique = []
        for position, sentence in enumerate(sentences):
            norm = normalise(sentence)
            count = len(norm.split())
            if not 8 <= count <= 30 or re.search(r"copyright|\(c\)|©|\d{4}", sentence, re.I):
                continue
            if any(norm in other for other_key, other in others.items() if other_key != key):
                continue
            unique.append((position, " ".join(sentence.split())))
        if len(unique) > 4:
            step = (len(unique) - 1) / 3
            unique = [unique[round(i * step)] for i in range(4)]
        print(f"  - id: {spdx}\n    source: \"ScanCode LicenseDB {key} (licensedcode-data)\"\n    words: {words}\n    all:")
        for _, sentence in unique:
            print("      - " + '"' + sentence.replace('\\', '\\\\').replace('"', '\\"') + '"')
        print()

main()
