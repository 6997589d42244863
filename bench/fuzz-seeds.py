#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into OUT/<target>/, from what the repository
already holds: the files of the fixture repositories (fixtures/*.yml), the licence texts
(fixtures/licences/), the rule sets (rules/, fixtures/rulesets/) and the hand-written seeds of
fuzz/seeds/<target>/ (inputs no fixture carries: SPDX expressions, commit headers, .vigie.yml).
Generated at run time, never committed: the fuzzer's own corpus grows from these."""
import hashlib
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
# readme-markup reads its first byte as the format: even = reStructuredText, odd = AsciiDoc.
RST, ADOC = b"0", b"1"


def fixture_files():
    """(path, bytes) of every text file committed in a fixture repository."""
    for fixture in sorted((ROOT / "fixtures").glob("*.yml")):
        spec = yaml.safe_load(fixture.read_text(encoding="utf-8")) or {}
        for commit in spec.get("commits") or []:
            for path, content in (commit.get("files") or {}).items():
                if isinstance(content, str):
                    yield str(path), content.encode("utf-8")


def commit_headers():
    """Raw commit headers shaped like the fixtures' commits (names, addresses, dates as written)."""
    for fixture in sorted((ROOT / "fixtures").glob("*.yml")):
        spec = yaml.safe_load(fixture.read_text(encoding="utf-8")) or {}
        for commit in spec.get("commits") or []:
            author = commit.get("author") or {}
            if not isinstance(author, dict):
                continue
            who = f"{author.get('name', '')} <{author.get('email', '')}>"
            yield (f"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
                   f"parent {'a' * 40}\nauthor {who} 1705309200 +0100\ncommitter {who} 1705309200 +0100\n\n"
                   f"{commit.get('message', '')}\n").encode("utf-8")


def route(path, content):
    """The targets a fixture file seeds."""
    name = path.rsplit("/", 1)[-1].lower()
    targets = []
    if name.endswith((".md", ".markdown")) or name in ("readme", "readme.txt"):
        targets.append(("markdown", content))
    if name.endswith(".rst"):
        targets.append(("readme-markup", RST + content))
    if name.endswith((".adoc", ".asciidoc")):
        targets.append(("readme-markup", ADOC + content))
    if "accessibilit" in name or name.endswith((".html", ".md")):
        targets.append(("statement", content))
    if name == "publiccode.yml":
        targets.append(("publiccode", content))
    if name.endswith(".json") and ("datapackage" in name or "schema" in name):
        targets.append(("datapackage", content))
    if name.endswith((".csv", ".tsv")):
        targets.append(("csv", content))
    if name == ".vigie.yml":
        targets.append(("vigie-config", content))
    if name == ".mailmap":
        targets.append(("mailmap", content))
    if name.startswith(("license", "licence", "copying")):
        targets.append(("licence-text", content))
    return targets


def main():
    out = pathlib.Path(sys.argv[1])
    seeds = []
    for path, content in fixture_files():
        seeds += route(path, content)
    seeds += [("commit-header", header) for header in commit_headers()]
    seeds += [("licence-text", text.read_bytes()) for text in sorted((ROOT / "fixtures/licences").rglob("*")) if text.is_file()]
    for ruleset in sorted((ROOT / "rules").rglob("*.yml")) + sorted((ROOT / "fixtures/rulesets").glob("*.yml")):
        if "/data/" not in str(ruleset):
            seeds.append(("ruleset", ruleset.read_bytes()))
    # Each `license:` of a publiccode.yml is an SPDX expression as repositories write them.
    for target, content in list(seeds):
        if target == "publiccode":
            for line in content.decode("utf-8", "replace").splitlines():
                if line.strip().startswith("license:"):
                    seeds.append(("spdx", line.split(":", 1)[1].strip().strip("\"'").encode()))
    seeds.append(("mailmap", b"Alice Martin <alice.martin@example.gouv.fr> <alice@old-laptop.local>\n"
                             b"<bob@example.org> <bob@old.example>\nClaire <claire@x> Old Name <old@x>\n# comment\n"))
    for folder in sorted((ROOT / "fuzz/seeds").iterdir()):
        seeds += [(folder.name, seed.read_bytes()) for seed in sorted(folder.iterdir())]
    counts = {}
    for target, content in seeds:
        folder = out / target
        folder.mkdir(parents=True, exist_ok=True)
        # Named by content, as libFuzzer names its corpus files: duplicates collapse.
        (folder / hashlib.sha1(content).hexdigest()).write_bytes(content)
    for target in sorted({t for t, _ in seeds}):
        counts[target] = len(list((out / target).iterdir()))
    print(" ".join(f"{t}={n}" for t, n in counts.items()))


if __name__ == "__main__":
    main()
