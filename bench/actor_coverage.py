#!/usr/bin/env python3
"""Share of gold actors that the engine resolves to an acceptable code, article by article.

For every required gold event of GOLD, each of its actors (source, and target when it has one) counts as
resolved when `rasad code --actors` finds, in the same article, an actor whose code is one of the gold's
acceptable codes (exact level) or of the same country (country level). This measures the lexicon and the
actor composition, independently of event coding. Prints the figures and the unresolved actors.

Usage: bench/actor_coverage.py RASAD GOLD ARTICLES
"""
import collections
import json
import subprocess
import sys


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    rasad, gold_path, articles = argv[1:]
    out = subprocess.run([rasad, "code", "--actors", articles], capture_output=True, text=True, check=True).stdout
    found = collections.defaultdict(set)
    for line in out.splitlines():
        a = json.loads(line)
        found[a["article_id"]].add(a["code"])
    total = exact = country = 0
    missed = []
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            if g.get("optional"):
                continue
            for side in ("source", "target"):
                acceptable = g[side]
                if not acceptable:
                    continue
                total += 1
                codes = found[g["article_id"]]
                if any(c in acceptable for c in codes):
                    exact += 1
                    country += 1
                elif any(c[:3] == a[:3] for c in codes for a in acceptable):
                    country += 1
                else:
                    missed.append((g["article_id"], side, acceptable, g.get("note", "")))
    print(f"gold actors: {total}; resolved exactly: {exact} ({exact / total:.1%}); "
          f"to the right country: {country} ({country / total:.1%})")
    for m in missed:
        print("unresolved:", *m)


if __name__ == "__main__":
    main(sys.argv)
