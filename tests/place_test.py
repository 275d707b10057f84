#!/usr/bin/env python3
"""Gazetteer cases through the real CLI: `rasad place lookup NAME --json` for every line of tests/place/cases.tsv.

A case passes when the best candidate has the expected country and feature and lies within 0.6 degrees of the
expected coordinates (1.5 for countries and regions, whose gazetteer point is the capital); a line with country
"-" expects no place at all. Usage: place_test.py RASAD
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(argv):
    rasad = argv[0]
    cases, failures = 0, []
    with open(os.path.join(ROOT, "tests", "place", "cases.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            name, country, feature, lat, lon, note = (line.rstrip("\n").split("\t") + [""] * 6)[:6]
            cases += 1
            p = subprocess.run([rasad, "place", "lookup", "--json", name], capture_output=True, text=True, timeout=30)
            try:
                got = json.loads(p.stdout)
            except json.JSONDecodeError:
                failures.append(f"line {n}: {name}: not JSON: {p.stdout!r} {p.stderr!r}")
                continue
            if country == "-":
                if got.get("name") is not None or p.returncode != 1:
                    failures.append(f"line {n}: {name}: expected no place, got {got} (exit {p.returncode})")
                continue
            tolerance = 1.5 if feature in ("country", "region") else 0.6
            ok = (p.returncode == 0 and got.get("country") == country and got.get("feature") == feature and
                  abs(got["lat"] - float(lat)) <= tolerance and abs(got["lon"] - float(lon)) <= tolerance)
            if not ok:
                failures.append(f"line {n}: {name}: expected {country} {feature} {lat},{lon} ({note}); got {got}")
    for f in failures:
        print("FAIL", f)
    print(f"{cases - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
