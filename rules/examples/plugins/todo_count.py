#!/usr/bin/env python3
"""Example vigie plugin (docs/plugins.md): counts TODO and FIXME markers in the files vigie exported.

Protocol version 1: vigie writes the audit context as JSON on stdin (with `files_root`, a read-only
folder holding the files this rule asked for, and `parameters` from the rule set) and reads one JSON
object on stdout: {"status": "pass|warn|fail|skip", "message": ..., "findings": [...], "facts": {...}}.
"""
import json
import os
import re
import sys

context = json.load(sys.stdin)
limit = int(context.get("parameters", {}).get("max_markers", "10"))
marker = re.compile(r"\b(TODO|FIXME)\b")
findings = []
for relative in context["files"]:
    path = os.path.join(context["files_root"], relative)
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if marker.search(line):
                findings.append({"path": relative, "line": number, "message": line.strip()[:80]})

count = len(findings)
if not context["files"]:
    result = {"status": "skip", "message": {"fr": "Aucun fichier source à examiner.", "en": "No source file to look into."}}
else:
    status = "pass" if count <= limit else "warn"
    result = {
        "status": status,
        "message": {"fr": f"{count} marqueurs TODO/FIXME (limite {limit}).", "en": f"{count} TODO/FIXME markers (limit {limit})."},
        "findings": findings[:50],
        "facts": {"markers": count, "files": len(context["files"])},
    }
json.dump(result, sys.stdout)
