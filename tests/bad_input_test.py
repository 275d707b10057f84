#!/usr/bin/env python3
"""Bad input through the real CLI: nothing crashes, nothing good is lost, messages name file and line, and
the exit code says whether everything was read.

Usage: bad_input_test.py RASAD
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# A sentence of the project's own, with a known event: Egypt's foreign minister receives his Jordanian
# counterpart (043) on the Monday before publication.
ARTICLE = ("وزير الخارجية المصري يستقبل نظيره الأردني\n"
           "الثلاثاء 2023/05/16\n\n"
           "القاهرة - استقبل وزير الخارجية المصري سامح شكري الاثنين وزير الخارجية الأردني أيمن الصفدي في القاهرة.\n")
JSON_ARTICLE = {"id": "j1", "date": "2023-05-16", "title": "لقاء مصري أردني",
                "text": "استقبل وزير الخارجية المصري سامح شكري الاثنين وزير الخارجية الأردني أيمن الصفدي."}

failures = []
checks = []


def run(rasad, *args, stdin=None):
    return subprocess.run([rasad, "code", *args], input=stdin, capture_output=True, timeout=300)


def check(name, cond, detail=""):
    checks.append(name)
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {detail}"))
    if not cond:
        failures.append(name)


def events(proc):
    return [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines() if line.strip()]


def main(argv):
    rasad = argv[1]
    tmp = tempfile.mkdtemp(prefix="rasad-bad-")
    path = lambda name: os.path.join(tmp, name)

    # The reference: the clean article codes to one 043 event dated 2023-05-15.
    with open(path("clean.txt"), "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    clean = run(rasad, path("clean.txt"))
    ev = events(clean)
    check("clean article codes", clean.returncode == 0 and [(e["event_code"], e["date"]) for e in ev] ==
          [("043", "2023-05-15")], clean.stdout + clean.stderr)

    # Invalid UTF-8 in the middle: replaced, warned with the byte offset, the event still found, exit 0.
    data = ARTICLE.encode("utf-8")
    cut = data.index("القاهرة".encode("utf-8"))
    with open(path("bad-utf8.txt"), "wb") as f:
        f.write(data[:cut] + b"\xff\xfe\xc3" + data[cut:])
    p = run(rasad, path("bad-utf8.txt"))
    err = p.stderr.decode()
    check("invalid UTF-8: warning names file and byte", "bad-utf8.txt" in err and f"byte {cut}" in err, err)
    check("invalid UTF-8: event still coded, exit 0", p.returncode == 0 and len(events(p)) == 1, p.stdout)

    # Empty file and whitespace-only file: a warning, no event, exit 0.
    open(path("empty.txt"), "w").close()
    p = run(rasad, path("empty.txt"))
    check("empty file: warning, exit 0", p.returncode == 0 and b"empty.txt" in p.stderr and not p.stdout, p.stderr)

    # Binary file: an error naming it, exit 1; the good file given with it is still coded.
    with open(path("blob.txt"), "wb") as f:
        f.write(bytes(range(256)) * 64)
    p = run(rasad, path("blob.txt"), path("clean.txt"))
    check("binary file: error, exit 1, other input coded",
          p.returncode == 1 and b"blob.txt" in p.stderr and len(events(p)) == 1, p.stderr)

    # Broken JSON lines between good ones: error with file:line, the good lines coded, exit 1.
    lines = [json.dumps(JSON_ARTICLE, ensure_ascii=False), '{"id": "broken", "title": "نص', "not json at all",
             json.dumps(dict(JSON_ARTICLE, id="j2"), ensure_ascii=False), '{"id": 7, "text": 12}']
    with open(path("mixed.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    p = run(rasad, path("mixed.jsonl"))
    err = p.stderr.decode()
    ids = sorted({e["article_id"] for e in events(p)})
    check("broken JSON: errors name file:line", all(f"mixed.jsonl:{n}" in err for n in (2, 3, 5)), err)
    check("broken JSON: good lines coded, exit 1", p.returncode == 1 and ids == ["j1", "j2"], (p.returncode, ids))

    # The same, gzip'd, and a truncated gzip.
    with gzip.open(path("mixed.jsonl.gz"), "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    p = run(rasad, path("mixed.jsonl.gz"))
    check("gzip JSON Lines: same events", sorted({e["article_id"] for e in events(p)}) == ["j1", "j2"], p.stderr)
    with open(path("mixed.jsonl.gz"), "rb") as f:
        whole = f.read()
    with open(path("cut.jsonl.gz"), "wb") as f:
        f.write(whole[: len(whole) * 2 // 3])
    p = run(rasad, path("cut.jsonl.gz"))
    check("truncated gzip: error, exit 1, no crash", p.returncode == 1 and b"cut.jsonl.gz" in p.stderr, p.stderr)

    # Missing date: a warning, the relative date stays unresolved (null), not guessed; with --date, resolved.
    no_date = ARTICLE.replace("الثلاثاء 2023/05/16\n", "")
    with open(path("nodate.txt"), "w", encoding="utf-8") as f:
        f.write(no_date)
    p = run(rasad, path("nodate.txt"))
    ev = events(p)
    check("no date: warning, exit 0", p.returncode == 0 and b"no publication date" in p.stderr, p.stderr)
    check("no date: date left null", len(ev) == 1 and ev[0]["date"] is None, ev)
    p = run(rasad, "--date", "2023-05-16", path("nodate.txt"))
    ev = events(p)
    check("--date resolves the weekday", len(ev) == 1 and ev[0]["date"] == "2023-05-15", ev)
    p = run(rasad, "--date", "16/05/2023", path("nodate.txt"))
    check("bad --date: usage error", p.returncode == 2 and b"--date" in p.stderr, p.stderr)

    # A 50 MB single line: no crash, the events in it found, exit 0.
    sentence = JSON_ARTICLE["text"] + " "
    with open(path("huge.txt"), "w", encoding="utf-8") as f:
        f.write("عنوان\nالثلاثاء 2023/05/16\n\n")
        f.write(sentence * (50_000_000 // len(sentence.encode("utf-8")) + 1))
    p = run(rasad, path("huge.txt"))
    check("50 MB single line: exit 0 with its event", p.returncode == 0 and len(events(p)) >= 1, p.stderr[-500:])

    # A missing file: an error, exit 1, the others still coded.
    p = run(rasad, path("nope.txt"), path("clean.txt"))
    check("missing file: error, others coded", p.returncode == 1 and b"nope.txt" in p.stderr and len(events(p)) == 1,
          p.stderr)

    # An HTML page that is no news page (a login form): an error naming it, exit 1, the others still coded; and
    # a page of broken markup.
    with open(path("login.html"), "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><body><form><p>تسجيل الدخول</p><input name=u></form></body></html>")
    with open(path("broken.html"), "wb") as f:
        f.write(b"<html><body><article><p>" + "نص مقطوع".encode("utf-8") + b"\xff<<<&&&</p")
    p = run(rasad, path("login.html"), path("broken.html"), path("clean.txt"))
    check("HTML without an article: error, others coded", p.returncode == 1 and b"login.html" in p.stderr and
          b"broken.html" in p.stderr and len(events(p)) == 1, p.stderr)

    # Several coding threads: the same output, in the same order, and the same diagnostics, as one thread; bad
    # inputs among good ones included.
    inputs = [os.path.join(ROOT, "samples"), path("bad-utf8.txt"), path("login.html"), path("clean.txt")]
    one, two = run(rasad, "--all", *inputs), run(rasad, "--all", "-j", "3", *inputs)
    check("-j 3: the output of one thread, in order", one.stdout == two.stdout and len(events(one)) > 10 and
          one.returncode == two.returncode == 1, (len(one.stdout), len(two.stdout), one.returncode, two.returncode))
    check("-j 3: the same diagnostics", sorted(one.stderr.splitlines()) == sorted(two.stderr.splitlines()),
          (one.stderr[-300:], two.stderr[-300:]))

    # Standard input.
    p = run(rasad, stdin=ARTICLE.encode("utf-8"))
    check("stdin: coded", p.returncode == 0 and len(events(p)) == 1, p.stderr)

    print(f"{len(checks) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
