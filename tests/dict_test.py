#!/usr/bin/env python3
"""The `rasad dict` commands through the real CLI: compile, lookup (text and --json, dated roles), dump,
check (a clean tree passes; a tree with planted problems fails naming file:line), stats.

Usage: dict_test.py RASAD
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
failures, checks = [], []


def check(name, cond, detail=""):
    checks.append(name)
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {detail}"))
    if not cond:
        failures.append(name)


def run(rasad, *args):
    return subprocess.run([rasad, *args], capture_output=True, text=True, timeout=120)


# Phrase, date, expected code: each a claim of the dictionaries and of composition.
LOOKUPS = [
    ("الجزائر", None, "DZA"),
    ("الولايات المتحدة الأمريكية", None, "USA"),
    ("واشنطن", None, "USAGOV"),
    ("البيت الأبيض", None, "USAGOV"),
    ("الكرملين", None, "RUSGOV"),
    ("الجزائريون", None, "DZA"),
    ("وزير الخارجية الجزائري", None, "DZAGOV"),
    ("مساعد وزير الخارجية الأميركي", None, "USAGOV"),
    ("وزير خارجية الجزائر", None, "DZAGOV"),
    ("الجيش السوداني", None, "SDNMIL"),
    ("الشرطة التونسية", None, "TUNCOP"),
    ("المتظاهرون المغاربة", None, "MARCVL"),
    ("رمطان لعمامرة", "2021-07-26", "DZAGOV"),
    ("رمطان لعمامرة", "2019-01-01", "DZAELI"),
    ("مارك إسبر", "2020-10-15", "USAGOVMIL"),
    ("وزير الدفاع السابق مارك إسبر", "2020-10-15", "USAGOVMIL"),
    ("الرئيس الجزائري السابق", None, "DZAELI"),
    ("الأمم المتحدة", None, "IGOUNO"),
    ("فرصة", None, None),
]


def main(argv):
    rasad = argv[1]
    tmp = tempfile.mkdtemp(prefix="rasad-dict-")
    lex = os.path.join(tmp, "rasad.lex")

    p = run(rasad, "dict", "compile", "--data", DATA, "-o", lex)
    check("compile writes the file", p.returncode == 0 and os.path.getsize(lex) > 0, p.stderr)

    for phrase, date, want in LOOKUPS:
        args = ["dict", "lookup", phrase, "--json", "--lexicon", lex] + (["--date", date] if date else [])
        p = run(rasad, *args)
        try:
            got = json.loads(p.stdout)
        except ValueError:
            got = {"error": p.stdout + p.stderr}
        ok = got.get("code") == want and (want is None or (got.get("country") in (want[:3], None)
                                                            and isinstance(got.get("roles"), list)))
        check(f"lookup {phrase} {date or ''} -> {want}", ok, got)

    p = run(rasad, "dict", "lookup", "وزير الخارجية الجزائري", "--lexicon", lex)
    check("lookup names its entries", p.returncode == 0 and "agents.tsv:" in p.stdout and "DZAGOV" in p.stdout,
          p.stdout)

    p = run(rasad, "dict", "dump", "--lexicon", lex)
    lines = p.stdout.splitlines()
    check("dump prints every phrase", p.returncode == 0 and len(lines) > 3000, len(lines))
    check("dump shows an entity with its source line",
          any(l.startswith("الجزائر\tcountry\tDZA") and "countries.tsv:" in l for l in lines), lines[:3])
    check("dump writes each agent kind as agents.tsv does (land, weapon)",
          any(l.startswith("المملكه\tagent") and "\tland\t" in l for l in lines) and
          any(l.startswith("طائرات مسيره\tagent\tMIL\tweapon") for l in lines),
          [l for l in lines if "agent" in l][:3])

    p = run(rasad, "dict", "check", "--data", DATA)
    check("check passes on the project's sources", p.returncode == 0, p.stdout[-2000:] + p.stderr)

    bad = os.path.join(tmp, "bad")
    shutil.copytree(DATA, bad)
    with open(os.path.join(bad, "persons.tsv"), "a", encoding="utf-8") as f:
        f.write("شخص مقلوب\tInverted Term\tDZAGOV\t2020-01-01\t2019-01-01\trasad\n")
        f.write("شخص متداخل\tOverlapping Terms\tMARGOV\t2010-01-01\t2015-01-01\trasad\n")
        f.write("شخص متداخل\tOverlapping Terms\tMARGOV\t2014-01-01\t2016-01-01\trasad\n")
        f.write("الْجَزَائِر\tVowelled Name\tTUNGOV\t-\t-\trasad\n")
        f.write("آكد\tName Folding To A Verb\tDZAGOV\t-\t-\trasad\n")
    p = run(rasad, "dict", "check", "--data", bad)
    out = p.stdout
    check("check fails on planted problems", p.returncode == 1, out[-1500:])
    check("check: inverted term", "ends before it starts" in out and "persons.tsv:" in out, out[-1500:])
    check("check: overlapping terms", "overlap" in out, out[-1500:])
    check("check: unnormalised form", "not normalised" in out, out[-1500:])
    check("check: a name that folds to a function word", "'اكد' is a name here but a function word" in out, out[-1500:])
    check("check: conflicting codes for one name", "is TUNGOV here but DZA" in out or "but TUNGOV" in out, out[-1500:])

    with open(os.path.join(bad, "events.tsv"), "a", encoding="utf-8") as f:
        f.write("042\tverb\n")
    out_lex = os.path.join(tmp, "bad.lex")
    p = run(rasad, "dict", "compile", "--data", bad, "-o", out_lex)
    check("a malformed line stops compile with file:line", p.returncode != 0 and "events.tsv:" in p.stderr, p.stderr)
    check("nothing half-written is left", not any(n.startswith("bad.lex") for n in os.listdir(tmp)), os.listdir(tmp))

    p = run(rasad, "dict", "stats", "--lexicon", lex)
    check("stats counts kinds and countries", p.returncode == 0 and "country\t" in p.stdout and "\nDZA\t" in p.stdout,
          p.stdout[:500])

    # explain: the words, actors, triggers with what became of them, and the settled events of one sentence.
    rabat = os.path.join(ROOT, "samples", "rabat-2024-03-12-ma-es-talks.txt")
    p = run(rasad, "explain", rabat, "--sentence", "3", "--lexicon", lex)
    check("explain shows the sentence's triggers and why",
          p.returncode == 0 and "trigger  أجرى … مباحثات = 040" in p.stdout and "event by rule" in p.stdout, p.stdout)
    check("explain shows how it was settled", "event 040 MARGOV -> ESPGOV on 2024-03-11" in p.stdout, p.stdout)
    check("explain keeps to the sentence asked for", "sentence 4:" not in p.stdout, p.stdout)
    negated = os.path.join(tmp, "negated.txt")
    with open(negated, "w", encoding="utf-8") as f:
        # "The Algerian president did not receive the French foreign minister on Monday."
        f.write("عنوان\nالثلاثاء 2021/07/27\n\nلم يستقبل الرئيس الجزائري وزير الخارجية الفرنسي الاثنين.\n")
    p = run(rasad, "explain", negated, "--lexicon", lex)
    check("explain says why a trigger was rejected", "rejected: negated" in p.stdout, p.stdout[-2000:])

    # The engine refuses a corrupt file.
    with open(lex, "r+b") as f:
        f.seek(os.path.getsize(lex) // 2)
        byte = f.read(1)
        f.seek(-1, 1)
        f.write(bytes([byte[0] ^ 0x55]))
    p = run(rasad, "code", "--lexicon", lex, os.path.join(ROOT, "samples"))
    check("code refuses a corrupt lexicon", p.returncode == 2 and "corrupt" in p.stderr, p.stderr)

    shutil.rmtree(tmp)
    print(f"{len(checks) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
