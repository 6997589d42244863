#!/usr/bin/env python3
"""Precision and recall of vigie's `security.secrets` against Yelp's detect-secrets, on the mirrors
of bench/corpus.txt. A development-time measure (docs/health.md, "Accuracy"), never run in CI.

For each repository: the files of the audited revision are extracted to a temporary folder
(`git archive`, or blob by blob with `git cat-file` when the mirror lacks some blobs), detect-secrets
scans that folder (it only reads files: nothing from the repository is executed), and vigie audits
the mirror itself with `--select security.secrets`. Findings are compared by (path, line).

    pip install detect-secrets
    swift build --scratch-path .build-sec
    VIGIE=.build-sec/debug/vigie python3 bench/secrets-agreement.py [--corpus bench/corpus.txt] [--verbose] [--cache DIR] [--entropy]

Two references are printed: the detect-secrets plugins that look for the same things as vigie
(AWS, GitHub, GitLab, Slack tokens, private keys, and secret-named variables of .env files), and
every plugin run. The keyword plugin outside .env files flags any `password = …` in code, and the
entropy plugins (off unless --entropy) any random-looking string: vigie does not try to find those
(docs/health.md), so they only lower the second recall.
"""
import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict

MIRRORS = os.environ.get("MIRRORS", "/work/.mirror")
# detect-secrets plugins for the shapes vigie looks for (rules/data/health.yml `secrets.kinds`):
# the reference. Its other shape plugins (Discord, Stripe, JWT…) find tokens vigie does not claim
# to know; they are counted apart, by plugin. Entropy plugins are not run (--entropy runs them):
# they flag every random-looking string (hashes, ids, test vectors), which vigie does not try to find.
COVERED_PLUGINS = {"AWS Access Key", "GitHub Token", "GitLab Token", "Private Key", "Slack Token"}


def is_env_file(path):
    """A `.env`, `.env.*` or `*.env` file, as health.yml `env_files` says."""
    base = os.path.basename(path)
    return base == ".env" or base.startswith(".env.") or base.endswith(".env")


def git_dir(name):
    base = os.path.join(MIRRORS, name.replace("/", "+"), "repo")
    return os.path.join(base, ".git") if os.path.isdir(os.path.join(base, ".git")) else base


def extract(gitdir, ref, into):
    """The files of `ref` under `into`; returns how many blobs were absent from the mirror."""
    archive = subprocess.run(["git", "--git-dir", gitdir, "archive", "--format=tar", ref], capture_output=True)
    if archive.returncode == 0:
        with tempfile.TemporaryFile() as tar:
            tar.write(archive.stdout)
            tar.seek(0)
            with tarfile.open(fileobj=tar) as members:
                # Regular files and folders only: no links, no devices (nothing points outside `into`).
                safe = [m for m in members.getmembers() if (m.isfile() or m.isdir()) and not m.name.startswith("/") and ".." not in m.name.split("/")]
                members.extractall(into, members=safe)
        return 0
    # A mirror without some blobs: each present blob through one `git cat-file --batch`.
    listing = subprocess.run(["git", "--git-dir", gitdir, "ls-tree", "-r", "-z", "--full-tree", ref], capture_output=True, check=True).stdout
    wanted = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, path = record.split(b"\t", 1)
        mode, kind, oid = meta.split()
        parts = path.decode("utf-8", "surrogateescape").split("/")
        if kind == b"blob" and mode != b"120000" and not any(p in ("", ".", "..") for p in parts):
            wanted.append((oid, parts))
    absent = 0
    batch = subprocess.Popen(["git", "--git-dir", gitdir, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    for oid, parts in wanted:
        batch.stdin.write(oid + b"\n")
        batch.stdin.flush()
        header = batch.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            absent += 1
            continue
        content = batch.stdout.read(int(header[2]))
        batch.stdout.read(1)  # the newline after the content
        target = os.path.join(into, *parts)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as out:
            out.write(content)
    batch.stdin.close()
    batch.wait()
    return absent


def detect_secrets(folder, entropy, time_box=None):
    """(path, line) → set of detect-secrets types; None when the scan outlasts `time_box` seconds."""
    command = ["detect-secrets", "scan", "--all-files", "."]
    if not entropy:
        command += ["--disable-plugin", "Base64HighEntropyString", "--disable-plugin", "HexHighEntropyString"]
    try:
        run = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=time_box)
    except subprocess.TimeoutExpired:
        return None
    found = defaultdict(set)
    if run.returncode != 0:
        print(f"  detect-secrets failed: {run.stderr.strip()[:200]}", file=sys.stderr)
        return found
    for path, items in json.loads(run.stdout).get("results", {}).items():
        path = path[2:] if path.startswith("./") else path
        for item in items:
            found[(path, item["line_number"])].add(item["type"])
    return found


def vigie(binary, gitdir, ref):
    """(path, line) of vigie's security.secrets findings."""
    command = [binary, "audit", gitdir, "--select", "security.secrets", "--format", "json", "--lang", "en", "--as-of", "2026-11-30"]
    if ref != "HEAD":
        command += ["--ref", ref]
    run = subprocess.run(command, capture_output=True, text=True)
    try:
        card = json.loads(run.stdout)
    except json.JSONDecodeError:
        print(f"  vigie failed ({run.returncode}): {run.stderr.strip()[:200]}", file=sys.stderr)
        return None
    found = set()
    for check in card.get("checks", []):
        # An `error` (some files unreadable in a partial mirror) still lists what was found in the others,
        # after the unreadable files (which have no line).
        if check.get("id") == "security.secrets" and check.get("status") in ("fail", "error"):
            found |= {(e["path"], e["line"]) for e in check.get("evidence", []) if e.get("line")}
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "corpus.txt"))
    parser.add_argument("--verbose", action="store_true", help="list every disagreement (paths and lines, never values)")
    parser.add_argument("--entropy", action="store_true", help="also run detect-secrets' entropy plugins (slow, noisy)")
    parser.add_argument("--baseline", help="another vigie binary (an older build) measured against the same reference")
    parser.add_argument("--cache", help="folder keeping each repository's detect-secrets results (paths and lines only), to resume; "
                        "vigie is always run again, so a new build is measured against the cached reference")
    parser.add_argument("--time-box", type=int, default=None, metavar="SECONDS",
                        help="give up on a repository whose detect-secrets scan takes longer (reported, not counted)")
    args = parser.parse_args()
    binary = os.environ.get("VIGIE", ".build-sec/debug/vigie")
    entries = []
    for line in open(args.corpus, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, ref = line.partition("@")
            entries.append((name, ref or "HEAD"))

    totals = Counter()
    by_type = Counter()
    by_type_found = Counter()
    print(f"{'repository':48} {'vigie':>5} {'ds-all':>6} {'ds-ref':>6} {'both':>5}")
    for name, ref in entries:
        gitdir = git_dir(name)
        if not os.path.isdir(gitdir):
            print(f"{name:48} not fetched")
            continue
        cached = os.path.join(args.cache, name.replace("/", "+") + ("@" + ref if ref != "HEAD" else "") + ".json") if args.cache else None
        if cached and os.path.exists(cached):
            with open(cached) as saved:
                record = json.load(saved)
            absent = record["absent"]
            reference_all = {tuple(k): set(v) for k, v in record["detect_secrets"]}
            ours = vigie(binary, gitdir, ref)
            if ours is None:
                continue
        else:
            with tempfile.TemporaryDirectory() as folder:
                absent = extract(gitdir, ref, folder)
                reference_all = detect_secrets(folder, args.entropy, args.time_box)
            if reference_all is None:
                print(f"{name:48} detect-secrets outlasted the time box ({args.time_box} s): not counted")
                totals["timed_out"] += 1
                continue
            ours = vigie(binary, gitdir, ref)
            if ours is None:
                continue
            if cached:
                os.makedirs(args.cache, exist_ok=True)
                with open(cached, "w") as saved:
                    json.dump({"absent": absent, "vigie": sorted(ours),
                               "detect_secrets": sorted([list(k), sorted(v)] for k, v in reference_all.items())}, saved)
        # The reference vigie is measured against: the shapes vigie knows, anywhere, and detect-secrets'
        # keyword plugin in .env files (vigie's name-based detection).
        reference = {key for key, types in reference_all.items()
                     if types & COVERED_PLUGINS or ("Secret Keyword" in types and is_env_file(key[0]))}
        both = ours & reference
        if args.baseline:
            theirs = vigie(args.baseline, gitdir, ref) or set()
            totals["baseline"] += len(theirs)
            totals["baseline_both"] += len(theirs & reference)
            if args.verbose:
                for path, line in sorted(theirs - ours):
                    print(f"    baseline only: {path}:{line}")
        totals["vigie"] += len(ours)
        totals["reference"] += len(reference)
        totals["all"] += len(reference_all)
        totals["both"] += len(both)
        totals["ours_in_all"] += len(ours & set(reference_all))
        for key, types in reference_all.items():
            for kind in types:
                by_type[kind] += 1
                by_type_found[kind] += key in ours
        note = f"  ({absent} blob(s) absent)" if absent else ""
        print(f"{name + ('@' + ref if ref != 'HEAD' else ''):48} {len(ours):5} {len(reference_all):6} {len(reference):6} {len(both):5}{note}")
        if args.verbose:
            for path, line in sorted(ours - reference):
                print(f"    vigie only: {path}:{line}" + (f" (detect-secrets: {', '.join(sorted(reference_all[(path, line)]))})" if (path, line) in reference_all else ""))
            for path, line in sorted(reference - ours):
                print(f"    detect-secrets only: {path}:{line} ({', '.join(sorted(reference_all[(path, line)]))})")

    def ratio(a, b):
        return f"{a}/{b} = {100 * a / b:.0f} %" if b else f"{a}/0 = n/a"
    print()
    print("Against detect-secrets' AWS, GitHub, GitLab, Slack and private-key plugins, and its keyword plugin in .env files (the reference):")
    print(f"  precision {ratio(totals['both'], totals['vigie'])}   recall {ratio(totals['both'], totals['reference'])}")
    if args.baseline:
        print(f"  baseline ({args.baseline}): precision {ratio(totals['baseline_both'], totals['baseline'])}   "
              f"recall {ratio(totals['baseline_both'], totals['reference'])}")
    print("Against every detect-secrets plugin run (keyword detector everywhere, other providers' shapes" + (", entropy" if args.entropy else "") + "):")
    print(f"  precision {ratio(totals['ours_in_all'], totals['vigie'])}   recall {ratio(totals['ours_in_all'], totals['all'])}")
    if totals["timed_out"]:
        print(f"{totals['timed_out']} repositories not counted: detect-secrets outlasted the time box")
    print("detect-secrets lines by plugin (also found by vigie):")
    for kind, count in by_type.most_common():
        print(f"  {kind:40} {count:5} ({by_type_found[kind]})")


if __name__ == "__main__":
    main()
