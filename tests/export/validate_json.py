#!/usr/bin/env python3
"""Validates a JSON file against a JSON Schema (draft 2020-12) with Debian's python3-jsonschema.

Usage: validate_json.py SCHEMA FILE. Exit 0 when valid; 1 with one line per error otherwise.
Formats are asserted, not only annotated ("uri" needs Debian's python3-rfc3987, "date-time"
python3-dateutil or the standard library), so an href that is not a URI is an error.
"""
import json
import sys

import jsonschema


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        instance = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    if "uri" not in validator_class.FORMAT_CHECKER.checkers:
        print("python3-rfc3987 is missing: the 'uri' format cannot be checked")
        return 2
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
    for error in errors:
        path = "/".join(str(p) for p in error.path) or "(root)"
        print(f"{path}: {error.message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
