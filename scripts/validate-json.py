#!/usr/bin/env python3
"""Validate JSON files against a JSON Schema (draft 2020-12), with format checking.

Usage: python3 scripts/validate-json.py SCHEMA FILE...

Prints one line per error, `FILE: <json path>: <message>`, and exits with
  0 when every file is valid,
  1 when at least one file is invalid (or cannot be read or parsed),
  2 on a usage error, an invalid schema, or when the `jsonschema` package is missing.

Example: python3 scripts/validate-json.py docs/schema/scorecard.schema.json scorecard.json
"""

import json
import sys

USAGE = "usage: python3 scripts/validate-json.py SCHEMA FILE..."


def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def json_path(error):
    """The instance location of an error, as a JSONPath ($, $.checks[0].id, $['odd key'])."""
    path = "$"
    for part in error.absolute_path:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.isidentifier():
            path += f".{part}"
        else:
            path += "[" + json.dumps(part, ensure_ascii=False) + "]"
    return path


def main(argv):
    if len(argv) < 2 or argv[0] in ("-h", "--help"):
        print(USAGE, file=sys.stderr)
        return 2

    try:
        from jsonschema import Draft202012Validator, FormatChecker
        from jsonschema.exceptions import SchemaError
    except ImportError:
        print("validate-json: the jsonschema package is missing; install it with: pip install jsonschema", file=sys.stderr)
        return 2

    schema_path, files = argv[0], argv[1:]
    try:
        schema = load_json(schema_path)
    except (OSError, ValueError) as error:
        print(f"{schema_path}: cannot read the schema: {error}", file=sys.stderr)
        return 2
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        print(f"{schema_path}: {json_path(error)}: invalid schema: {error.message}", file=sys.stderr)
        return 2

    format_checker = getattr(Draft202012Validator, "FORMAT_CHECKER", None) or FormatChecker()
    validator = Draft202012Validator(schema, format_checker=format_checker)

    invalid = False
    for path in files:
        try:
            document = load_json(path)
        except (OSError, ValueError) as error:
            print(f"{path}: $: cannot read JSON: {error}")
            invalid = True
            continue
        errors = sorted(validator.iter_errors(document), key=lambda e: (list(map(str, e.absolute_path)), e.message))
        for error in errors:
            print(f"{path}: {json_path(error)}: {error.message}")
        invalid = invalid or bool(errors)
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
