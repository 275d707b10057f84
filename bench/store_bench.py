#!/usr/bin/env python3
"""Latency of ten typical questions to the event store, through the CLI (what a user waits for, process start
and lexicon mapping included): p50 and p99 over N runs each.

Usage: store_bench.py RASAD DB [N]   (make DB with: rasad ingest --db DB -j 2 ../shared/corpus/*.jsonl.gz)
"""
import statistics
import subprocess
import sys
import time

QUERIES = [
    ("events of a dyad", ["query", "--dyad", "DZA,MAR", "--limit", "0"]),
    ("a country's events in a year", ["query", "--country", "TUN", "--since", "2016", "--until", "2016", "--limit", "0"]),
    ("protests in a country", ["query", "--root", "14", "--country", "TUN", "--limit", "0"]),
    ("material conflict, one month", ["query", "--quad", "4", "--since", "2018-05", "--until", "2018-05", "--limit", "0"]),
    ("events near a point", ["query", "--near", "33.5,36.3,100", "--limit", "0"]),
    ("events at a place", ["query", "--place", "دمشق", "--limit", "0"]),
    ("full-text search", ["query", "--text", "مجلس الأمن", "--limit", "0"]),
    ("monthly series of a dyad", ["series", "--dyad", "USA,IRN", "--by", "month"]),
    ("weekly series of a country", ["series", "--country", "SYR", "--by", "week"]),
    ("top actors", ["top", "actors", "--limit", "20"]),
]


def main(argv):
    rasad, db = argv[0], argv[1]
    n = int(argv[2]) if len(argv) > 2 else 20
    print(f"| question | rows | p50 ms | p99 ms |\n|---|---|---|---|")
    for name, args in QUERIES:
        times = []
        rows = 0
        for _ in range(n):
            start = time.perf_counter()
            p = subprocess.run([rasad, *args, "--db", db, "--format", "csv"], capture_output=True, text=True)
            times.append((time.perf_counter() - start) * 1000)
            rows = max(0, len(p.stdout.splitlines()) - 1)
        times.sort()
        p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
        print(f"| {name} | {rows} | {statistics.median(times):.1f} | {p99:.1f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
