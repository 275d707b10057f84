#!/usr/bin/env python3
"""Codes the worked example of ../shared through the real CLI and scores it with ../shared/eval/score.py.

Requires root-level F1 >= 0.8 and exact-level F1 >= 0.6. Skipped (exit 77) when ../shared is absent.
Usage: worked_example_test.py RASAD
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
ARTICLE = os.path.join(SHARED, "examples", "alarab-2021-07-27-dz-us.txt")
GOLD = os.path.join(SHARED, "examples", "alarab-2021-07-27-dz-us.gold.jsonl")
SCORE = os.path.join(SHARED, "eval", "score.py")


def main(argv):
    if not all(os.path.exists(p) for p in (ARTICLE, GOLD, SCORE)):
        print(f"skipped: {SHARED} is absent")
        return 77
    proc = subprocess.run([argv[1], "code", ARTICLE], capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        print(proc.stderr)
        return 1
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write(proc.stdout)
        events = f.name
    try:
        scored = subprocess.run([sys.executable, SCORE, GOLD, events, "--json"], capture_output=True, text=True)
        shown = subprocess.run([sys.executable, SCORE, GOLD, events, "--show-errors"], capture_output=True, text=True)
    finally:
        os.unlink(events)
    print(shown.stdout)
    result = json.loads(scored.stdout)
    root, exact = result["root"]["f1"], result["exact"]["f1"]
    ok = root >= 0.8 and exact >= 0.6
    print(f"worked example: root F1 {root:.3f} (>= 0.8), exact F1 {exact:.3f} (>= 0.6): {'ok' if ok else 'FAIL'}")
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
