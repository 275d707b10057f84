#!/usr/bin/env python3
"""Time cases through the real CLI: `rasad time resolve EXPRESSION --pub DATE --json` for every line of
tests/time/cases.tsv (expression, pub, date or null, precision or -, note). Usage: time_test.py RASAD
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(argv):
    rasad = argv[0]
    cases, failures = 0, []
    with open(os.path.join(ROOT, "tests", "time", "cases.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            expression, pub, date, precision, note = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
            cases += 1
            p = subprocess.run([rasad, "time", "resolve", "--json", "--pub", pub, expression],
                               capture_output=True, text=True, timeout=30)
            try:
                got = json.loads(p.stdout)
            except json.JSONDecodeError:
                failures.append(f"line {n}: {expression}: not JSON: {p.stdout!r} {p.stderr!r}")
                continue
            want_date = None if date == "null" else date
            ok = got.get("date") == want_date and (want_date is None or got.get("precision") == precision)
            if not ok:
                failures.append(f"line {n}: {expression} (pub {pub}): expected {date} {precision} ({note}); got {got}")
    for f in failures:
        print("FAIL", f)
    print(f"{cases - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
