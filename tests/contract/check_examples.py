"""Validates every example in api/openapi.yaml against the JSON Schema it illustrates.

The Rust test api-types/tests/openapi_examples.rs holds the examples to the app's types; this
holds the same examples to the document's own schemas, so schemas, examples and types agree.

Usage: python check_examples.py [path/to/openapi.yaml]   (exit 1 and a list on any mismatch)
"""

import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, FormatChecker

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def pointer_escape(s: str) -> str:
    return s.replace("~", "~0").replace("/", "~1")


def resolve(doc, node):
    """Follows local $refs of a response, request body or example object."""
    for _ in range(16):
        if not isinstance(node, dict) or "$ref" not in node:
            return node
        ref = node["$ref"]
        assert ref.startswith("#/"), f"only local $refs: {ref}"
        node = doc
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    raise ValueError("$ref chain too long")


def examples_of(doc, media):
    if "example" in media:
        yield "example", media["example"]
    for name, ex in (media.get("examples") or {}).items():
        ex = resolve(doc, ex)
        yield name, ex.get("value")


def validator_for(doc, pointer: str) -> Draft202012Validator:
    # The whole document is the root schema, so "#/components/schemas/..." refs resolve; its
    # other top-level keys are not JSON Schema keywords and are ignored.
    root = dict(doc)
    root["$ref"] = "#" + pointer
    return Draft202012Validator(root, format_checker=FormatChecker())


def check(doc):
    problems = []
    checked = 0

    def validate(pointer, where, value):
        nonlocal checked
        checked += 1
        errors = sorted(validator_for(doc, pointer).iter_errors(value), key=lambda e: list(e.path))
        for e in errors:
            path = "/".join(str(p) for p in e.absolute_path)
            problems.append(f"{where}: at /{path}: {e.message[:300]}")

    for path, item in doc["paths"].items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            name = f"{method.upper()} {path} ({op.get('operationId')})"
            base = f"/paths/{pointer_escape(path)}/{method}"
            body = op.get("requestBody")
            if body is not None:
                body_ptr = base + "/requestBody"
                if "$ref" in body:
                    body_ptr = body["$ref"][1:]
                body = resolve(doc, body)
                for mt, media in (body.get("content") or {}).items():
                    ptr = f"{body_ptr}/content/{pointer_escape(mt)}/schema"
                    for ex_name, value in examples_of(doc, media):
                        validate(ptr, f"{name} request {mt} `{ex_name}`", value)
            for status, resp in (op.get("responses") or {}).items():
                resp_ptr = f"{base}/responses/{status}"
                if "$ref" in resp:
                    resp_ptr = resp["$ref"][1:]
                resp = resolve(doc, resp)
                for mt, media in (resp.get("content") or {}).items():
                    if "schema" not in media:
                        continue
                    ptr = f"{resp_ptr}/content/{pointer_escape(mt)}/schema"
                    for ex_name, value in examples_of(doc, media):
                        validate(ptr, f"{name} {status} {mt} `{ex_name}`", value)
            for param in op.get("parameters", []) + item.get("parameters", []):
                param = resolve(doc, param)
                if "example" in param and "schema" in param:
                    checked += 1
                    # The parameter's schema, with the components beside it for its $refs.
                    schema = {**param["schema"], "components": doc["components"]}
                    validator = Draft202012Validator(schema, format_checker=FormatChecker())
                    errs = list(validator.iter_errors(param["example"]))
                    for e in errs:
                        problems.append(f"{name} parameter `{param['name']}` example: {e.message[:300]}")
    for sname, schema in doc["components"]["schemas"].items():
        for i, value in enumerate(schema.get("examples") or []):
            validate(f"/components/schemas/{sname}", f"components/schemas/{sname} examples[{i}]", value)
    return checked, problems


def main():
    spec = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "api" / "openapi.yaml")
    doc = yaml.safe_load(spec.read_text(encoding="utf-8"))
    checked, problems = check(doc)
    if problems:
        print(f"{len(problems)} example(s) do not match their schema in {spec}:")
        for p in problems:
            print("  -", p)
        sys.exit(1)
    print(f"examples: {checked} checked against their schemas, 0 mismatches")


if __name__ == "__main__":
    main()
