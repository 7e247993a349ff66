"""Checks that openapi-python-client generated every operation of the spec.

    python check_client.py openapi.yaml .test-run/pyclient/kehou_client generate.log

Fails (exit 1) when the generator's output mentions a warning or a skipped piece, or when
the generated endpoint functions (one `sync_detailed` per endpoint module) are not exactly
the spec's operationIds.
"""

import re
import sys
from pathlib import Path

import yaml

METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def operation_ids(spec_path):
    spec = yaml.safe_load(Path(spec_path).read_text(encoding="utf-8"))
    ids = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if method in METHODS:
                if "operationId" not in op:
                    sys.exit(f"{method.upper()} {path} has no operationId")
                ids.append(op["operationId"])
    return ids


def snake(name):
    # openapi-python-client names an endpoint module after the operationId in snake case.
    name = re.sub(r"[^0-9A-Za-z]+", "_", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return name.strip("_").lower()


def generated_endpoints(package):
    found = {}
    for module in sorted((Path(package) / "api").rglob("*.py")):
        if module.name == "__init__.py":
            continue
        n = len(re.findall(r"^def sync_detailed\(", module.read_text(encoding="utf-8"), re.M))
        found[module.stem] = n
    return found


def main(spec_path, package, log_path):
    problems = []
    log = Path(log_path).read_text(encoding="utf-8", errors="replace")
    flagged = [line for line in log.splitlines() if re.search(r"warning|skipping|cannot parse|error", line, re.I)]
    if flagged:
        problems.append("the generator warned or skipped something:\n  " + "\n  ".join(flagged))
    ids = operation_ids(spec_path)
    expected = {snake(i) for i in ids}
    if len(expected) != len(ids):
        problems.append("operationIds collide once in snake case")
    found = generated_endpoints(package)
    functions = sum(found.values())
    missing = sorted(expected - found.keys())
    extra = sorted(found.keys() - expected)
    if missing:
        problems.append(f"operations without a generated function: {', '.join(missing)}")
    if extra:
        problems.append(f"generated functions for no operation: {', '.join(extra)}")
    if functions != len(ids):
        problems.append(f"{functions} generated endpoint functions for {len(ids)} operationIds")
    if problems:
        print("generated Python client is incomplete:\n- " + "\n- ".join(problems), file=sys.stderr)
        return 1
    print(f"generated Python client: {functions} endpoint functions for {len(ids)} operations")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
