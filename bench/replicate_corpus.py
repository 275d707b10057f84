#!/usr/bin/env python3
"""Writes the corpus N times over, with new ids and publication dates shifted by whole years, as one JSON Lines
file: a larger store to measure how the store's costs grow (bench/RESULTS.md). Dates inside the texts are not
rewritten, so relative dates move with the publication date and absolute ones stay.

Usage: replicate_corpus.py N OUT.jsonl [CORPUS_FILE...]   (default: ../shared/corpus/*.jsonl.gz)
"""
import glob
import gzip
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(argv):
    n, out_path = int(argv[0]), argv[1]
    files = argv[2:] or sorted(glob.glob(os.path.join(ROOT, "..", "shared", "corpus", "*.jsonl.gz")))
    written = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for k in range(n):
            for path in files:
                with gzip.open(path, "rt", encoding="utf-8") as f:
                    for line in f:
                        try:
                            a = json.loads(line)
                        except json.JSONDecodeError:
                            continue
                        a["id"] = f"{a.get('id', written)}-r{k}"
                        d = a.get("date") or ""
                        if k and len(d) >= 4 and d[:4].isdigit():
                            a["date"] = f"{int(d[:4]) + 10 * k}{d[4:]}"
                        out.write(json.dumps(a, ensure_ascii=False) + "\n")
                        written += 1
    print(f"{written} articles in {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
