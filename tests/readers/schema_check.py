"""Validate JSON files against a JSON Schema (the `jsonschema` package).
Prints one line per file: "ok PATH" or "invalid PATH: MESSAGE". Exit code 0."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema)
for path in sys.argv[2:]:
    errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
    if errors:
        print(f"invalid {path}: {errors[0].message[:200]}")
    else:
        print(f"ok {path}")
