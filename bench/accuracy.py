#!/usr/bin/env python3
"""Accuracy by CAMEO root on a gold set, with the scorer of ../shared/eval.

Usage: accuracy.py RASAD GOLD ARTICLES [--all]

Runs `RASAD code ARTICLES`, scores it at the root level with score.py (imported, so the matching is the
scorer's own), and prints precision and recall for each root: a true positive counts for its gold event's root,
a false positive for its own root, a miss for the root of its gold event's first code.
"""
import collections
import importlib.util
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCORER = os.path.join(ROOT, "..", "shared", "eval", "score.py")


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    rasad, gold_path, articles_path = argv[:3]
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    flags = ["--all"] if "--all" in argv else []
    proc = subprocess.run([rasad, "code", *flags, articles_path], capture_output=True, text=True, check=True)
    out = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    gold = score.load(gold_path)
    articles = {a.get("id") for a in score.load(articles_path)}
    result = score.score(gold, out, "root", articles)
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    missed_ids = {id(g) for g in result["missed"]}
    for g in gold:
        if g.get("optional"):
            continue
        root = g["codes"][0][:2]
        if id(g) in missed_ids:
            fn[root] += 1
        else:
            tp[root] += 1
    for o in result["false_positives"]:
        fp[str(o.get("event_code", ""))[:2]] += 1
    print(f"{'root':5s} {'gold':>5s} {'tp':>4s} {'fp':>4s} {'fn':>4s} {'P':>6s} {'R':>6s}")
    for root in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[root] / (tp[root] + fp[root]) if tp[root] + fp[root] else float("nan")
        r = tp[root] / (tp[root] + fn[root]) if tp[root] + fn[root] else float("nan")
        print(f"{root:5s} {tp[root] + fn[root]:5d} {tp[root]:4d} {fp[root]:4d} {fn[root]:4d} {p:6.2f} {r:6.2f}")
    print(f"{'all':5s} {result['tp'] + result['fn']:5d} {result['tp']:4d} {result['fp']:4d} {result['fn']:4d} "
          f"{result['precision']:6.2f} {result['recall']:6.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
