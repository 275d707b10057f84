#!/usr/bin/env python3
"""Golden end-to-end tests: runs the real `rasad code` on tests/golden/<case>/ and diffs the events.

Each case directory holds one input (input.txt, input.jsonl or input.jsonl.gz, or `inputs` naming paths
relative to the project root, one a line), an optional `args` file (extra flags, one line), and
expected.jsonl. Events are compared field by field on the fields that the contract fixes (article_id, date,
date_precision, source/target code and text, event_code, quad_class, goldstein, trigger, rule, confidence,
location name, country, feature and source, evidence spans).

Usage: golden_test.py RASAD [--update]   (--update rewrites expected.jsonl from the current output)
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEYS = ("article_id", "date", "date_precision", "event_code", "event_root", "quad_class", "goldstein",
        "trigger", "sentence", "rule", "confidence")


def essential(event):
    out = {k: event.get(k) for k in KEYS}
    for side in ("source", "target"):
        actor = event.get(side)
        out[side] = None if actor is None else {"code": actor["code"], "text": actor["text"]}
    loc = event.get("location")
    out["location"] = None if loc is None else [loc["name"], loc["country"], loc["feature"], loc["from"]]
    ev = event["evidence"]
    out["spans"] = [ev["trigger"], ev.get("object"), ev["source"], ev["target"]]
    return out


def run_case(rasad, case_dir, update):
    inputs = []
    for name in ("input.txt", "input.jsonl", "input.jsonl.gz"):
        if os.path.exists(os.path.join(case_dir, name)):
            inputs.append(os.path.join(case_dir, name))
    if os.path.exists(os.path.join(case_dir, "inputs")):
        with open(os.path.join(case_dir, "inputs"), encoding="utf-8") as f:
            inputs += [os.path.join(ROOT, line.strip()) for line in f if line.strip()]
    args = []
    if os.path.exists(os.path.join(case_dir, "args")):
        with open(os.path.join(case_dir, "args"), encoding="utf-8") as f:
            args = f.read().split()
    proc = subprocess.run([rasad, "code", *args, *inputs], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        return [f"exit code {proc.returncode}: {proc.stderr.strip()}"]
    got = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    # Every evidence span must point at the text it claims.
    problems = []
    for e in got:
        sentence = e["evidence"]["sentence"]
        parts = (e["trigger"] or "").split(" … ")
        if not parts[0] or any(p not in sentence for p in parts):
            problems.append(f"trigger {e['trigger']!r} not in its sentence")
    expected_path = os.path.join(case_dir, "expected.jsonl")
    if update:
        with open(expected_path, "w", encoding="utf-8") as f:
            for e in got:
                f.write(json.dumps(e, ensure_ascii=False) + "\n")
        return problems
    with open(expected_path, encoding="utf-8") as f:
        want = [json.loads(line) for line in f if line.strip()]
    got_e, want_e = [essential(e) for e in got], [essential(e) for e in want]
    for w in want_e:
        if w not in got_e:
            problems.append("missing: " + json.dumps(w, ensure_ascii=False))
    for g in got_e:
        if g not in want_e:
            problems.append("unexpected: " + json.dumps(g, ensure_ascii=False))
    return problems


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    rasad, update = argv[1], "--update" in argv
    golden = os.path.join(ROOT, "tests", "golden")
    cases = sorted(d for d in os.listdir(golden) if os.path.isdir(os.path.join(golden, d)))
    passed = failed = 0
    for case in cases:
        problems = run_case(rasad, os.path.join(golden, case), update)
        if problems:
            failed += 1
            print(f"FAIL {case}")
            for p in problems:
                print("   ", p)
        else:
            passed += 1
            print(f"ok   {case}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
