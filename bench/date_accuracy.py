#!/usr/bin/env python3
"""Date accuracy on a gold set: of the gold events that the engine finds (root level, actors and code, dates set
aside), how many it dates right at the gold's precision. Gold events without a date (null) are left out, as are
optional ones. Usage: date_accuracy.py RASAD GOLD ARTICLES
"""
import importlib.util
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCORER = os.path.join(ROOT, "..", "shared", "eval", "score.py")


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    rasad, gold_path, articles_path = argv
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    proc = subprocess.run([rasad, "code", "--all", articles_path], capture_output=True, text=True, check=True)
    out = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    found = right = 0
    for g in score.load(gold_path):
        if g.get("optional") or g.get("date") is None:
            continue
        undated = dict(g, date=None)
        candidates = [o for o in out if score.matches(o, undated, "root")]
        if not candidates:
            continue
        found += 1
        if any(score.dates_agree(o.get("date"), g["date"]) for o in candidates):
            right += 1
        else:
            print(f"wrong date: {g['article_id']} gold {g['date']} got {sorted({o.get('date') for o in candidates})}: "
                  f"{g['note'][:90]}")
    print(f"dated gold events found: {found}; dated right: {right}; accuracy {right / found if found else float('nan'):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
