#!/usr/bin/env python3
"""The event store through the real CLI, on temporary databases: ingest, re-ingest, a changed article,
deduplication across articles, every filter of query, series and top, export, and bad databases.

Expected answers are computed here, independently of the SQL: from `rasad code --all` over the same articles,
deduplicated by (date, source, target, code) in Python. Usage: store_test.py RASAD
"""
import collections
import json
import math
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from testlib import check, summary

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "ant-multisource-2018.jsonl.gz")


def run(rasad, *args, timeout=300):
    return subprocess.run([rasad, *args], capture_output=True, text=True, timeout=timeout)


def rows(rasad, *args):
    p = run(rasad, *args, "--format", "json")
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    return [json.loads(line) for line in p.stdout.splitlines() if line.strip()]


# Two reports of one meeting by two outlets, and a third article on another day (written for this test).
DEDUP = [
    {"id": "wire-a-1", "outlet": "wire-a", "date": "2024-03-12", "title": "مباحثات مغربية إسبانية",
     "text": "الرباط - أجرى وزير الخارجية المغربي ناصر بوريطة الاثنين مباحثات مع وزير الخارجية الإسباني خوسيه مانويل ألباريس."},
    {"id": "wire-b-7", "outlet": "wire-b", "date": "2024-03-12", "title": "بوريطة يستقبل ألباريس",
     "text": "الرباط - أجرى وزير الخارجية المغربي ناصر بوريطة الاثنين مباحثات مع وزير الخارجية الإسباني خوسيه مانويل ألباريس في العاصمة."},
    {"id": "wire-a-2", "outlet": "wire-a", "date": "2024-04-02", "title": "إدانة",
     "text": "الجزائر - انتقدت وزارة الخارجية الجزائرية الثلاثاء إسرائيل بشدة."},
]


def expected_events(rasad, inputs):
    """Events as `rasad code --all` gives them, merged across articles by (date, source, target, code)."""
    p = run(rasad, "code", "--all", *inputs)
    merged = {}
    for line in p.stdout.splitlines():
        e = json.loads(line)
        key = (e["date"], e["source"]["code"], (e.get("target") or {}).get("code", ""), e["event_code"])
        m = merged.setdefault(key, {"event": e, "articles": set(), "mentions": 0, "confidence": 0})
        m["articles"].add(e["article_id"])
        m["mentions"] += e["mentions"]
        m["confidence"] = max(m["confidence"], e["confidence"])
    return merged


SCHEMA_VERSION = 2


def search_rows(db, word):
    """The number of articles whose search row matches `word` (a match key: folded as the index folds)."""
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM article_text WHERE article_text MATCH ?", (word,)).fetchone()[0]
    con.close()
    return n


def index_consistent(db):
    """Whether the search index has exactly one row per article, with the article's rowid and id."""
    con = sqlite3.connect(db)
    articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    texts = con.execute("SELECT count(*) FROM article_text").fetchone()[0]
    joined = con.execute("SELECT count(*) FROM articles a JOIN article_text t ON t.rowid = a.rowid AND t.id = a.id").fetchone()[0]
    con.close()
    return articles == texts == joined


def main(argv):
    rasad = argv[0]
    tmp = tempfile.mkdtemp(prefix="rasad-store-")
    db = os.path.join(tmp, "t.db")
    dedup = os.path.join(tmp, "dedup.jsonl")
    with open(dedup, "w", encoding="utf-8") as f:
        for a in DEDUP:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    samples = os.path.join(ROOT, "samples")
    inputs = [samples, dedup]
    total = len([f for f in os.listdir(samples) if f.endswith(".txt")]) + len(DEDUP)  # the samples and the wires

    p = run(rasad, "ingest", "--db", db, "-j", "2", *inputs)
    check("ingest succeeds", p.returncode == 0, p.stderr)
    check("ingest summarises", f"{total} articles read: {total} new" in p.stderr, p.stderr)
    expected = expected_events(rasad, inputs)
    got = rows(rasad, "query", "--db", db, "--all", "--limit", "0")
    check("every coded event is stored once", len(got) == len(expected), (len(got), len(expected)))
    key = lambda r: (r["date"], r["source"], r["target"] or "", r["code"])
    got_keys = {key(r): r for r in got}
    check("the stored events are the coded ones", set(got_keys) == set(expected), set(got_keys) ^ set(expected))
    meeting = [k for k in expected if len(expected[k]["articles"]) == 2]
    check("the dedup fixture holds an event reported by two articles", len(meeting) >= 1, expected.keys())
    if meeting:
        r = got_keys[meeting[0]]
        check("deduplicated: num_articles, num_sources, num_mentions",
              (r["num_articles"], r["num_sources"], r["num_mentions"]) == (2, 2, expected[meeting[0]]["mentions"]), r)
        m = rows(rasad, "query", "--db", db, "--all", "--mentions", "--dyad", "MARGOV,ESPGOV", "--since", "2024-03-11",
                 "--until", "2024-03-11")
        check("mentions: one row per reporting article", {"wire-a-1", "wire-b-7"} <= {x["article_id"] for x in m}, m)

    p = run(rasad, "ingest", "--db", db, *inputs)
    check("re-ingest changes nothing", p.returncode == 0 and f"0 new, 0 changed, {total} unchanged" in p.stderr, p.stderr)
    check("re-ingest keeps the events", len(rows(rasad, "query", "--db", db, "--all", "--limit", "0")) == len(got))

    # A changed article replaces its events: wire-b now reports nothing of the meeting.
    changed = os.path.join(tmp, "changed.jsonl")
    with open(changed, "w", encoding="utf-8") as f:
        a = dict(DEDUP[1], text="الرباط - طقس معتدل في العاصمة المغربية اليوم.")
        f.write(json.dumps(a, ensure_ascii=False) + "\n")
    p = run(rasad, "ingest", "--db", db, changed)
    check("a changed article is replaced", p.returncode == 0 and "0 new, 1 changed" in p.stderr, p.stderr)
    if meeting:
        after = {key(r): r for r in rows(rasad, "query", "--db", db, "--all", "--limit", "0")}
        check("its mentions are gone and counts recounted",
              meeting[0] in after and after[meeting[0]]["num_articles"] == 1 and after[meeting[0]]["num_sources"] == 1,
              after.get(meeting[0]))
    check("the changed article's text is searchable", search_rows(db, "طقس") == 1, search_rows(db, "طقس"))
    check("one search row per article, under the article's rowid", index_consistent(db), db)
    run(rasad, "ingest", "--db", db, dedup)  # back to the first content
    check("the replaced text is no longer found", search_rows(db, "طقس") == 0, search_rows(db, "طقس"))
    check("one search row per article after the second change", index_consistent(db), db)

    # Filters against the expected events, computed in Python.
    evs = [m["event"] | {"confidence_max": m["confidence"]} for m in expected.values()]

    def code_of(a):
        return (a or {}).get("code", "")

    def same(args, pred, name):
        want = sorted(key2 for key2, m in expected.items() if pred(m["event"]) and m["confidence"] >= 0.5)
        have = sorted(key(r) for r in rows(rasad, "query", "--db", db, "--limit", "0", *args))
        check("query " + name, have == want, (have, want))

    same(["--actor", "MAR"], lambda e: e["source"]["code"].startswith("MAR") or code_of(e.get("target")).startswith("MAR"), "--actor")
    same(["--dyad", "IRQGOV,TUR"], lambda e: (e["source"]["code"].startswith("IRQGOV") and code_of(e.get("target")).startswith("TUR")) or
         (e["source"]["code"].startswith("TUR") and code_of(e.get("target")).startswith("IRQGOV")), "--dyad")
    same(["--country", "SDN"], lambda e: e["source"].get("country") == "SDN" or (e.get("target") or {}).get("country") == "SDN", "--country")
    same(["--code", "040"], lambda e: e["event_code"] == "040", "--code")
    same(["--root", "11"], lambda e: e["event_root"] == "11", "--root")
    same(["--quad", "4"], lambda e: e["quad_class"] == 4, "--quad")

    def period(e):
        d = e["date"]
        first = d + "-01-01"[len(d) - 4:] if len(d) < 10 else d
        if len(d) == 4:
            last = d + "-12-31"
        elif len(d) == 7:
            y, mo = int(d[:4]), int(d[5:])
            nxt = (y + (mo == 12), mo % 12 + 1)
            import datetime
            last = (datetime.date(nxt[0], nxt[1], 1) - datetime.timedelta(days=1)).isoformat()
        else:
            last = d
        return first, last

    same(["--since", "2023", "--until", "2024-03"], lambda e: period(e)[1] >= "2023-01-01" and period(e)[0] <= "2024-03-31",
         "--since/--until")
    same(["--place", "بغداد"], lambda e: (e.get("location") or {}).get("name") == "بغداد", "--place")

    def km(lat1, lon1, lat2, lon2):
        p1, p2 = math.radians(lat1), math.radians(lat2)
        a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
        return 2 * 6371 * math.asin(math.sqrt(a))

    same(["--near", "34.0,-6.8,50"], lambda e: e.get("location") is not None and
         km(34.0, -6.8, e["location"]["lat"], e["location"]["lon"]) <= 50, "--near (Rabat, 50 km)")
    # Full-text search folds hamza and taa marbuta as the index does: الحدود البحريه finds الحدود البحرية.
    text_ids = {a for m in expected.values() for a in m["articles"] if a.startswith("kuwait")}
    same(["--text", "الحدود البحريه"], lambda e: e["article_id"] in text_ids, "--text")
    # A word written with punctuation against it is found without it: العيج، (only in the Kuwait sample, which has
    # events) through the CLI, and الزرقاء، (the Amman sample, which has none) in the index itself.
    check("the Kuwait sample has events to find", len(text_ids) > 0, text_ids)
    same(["--text", "العيج"], lambda e: e["article_id"] in text_ids, "--text, a word before a comma")
    check("a word before a comma is in the index", search_rows(db, "الزرقاء") == 1, search_rows(db, "الزرقاء"))
    # A database of schema version 1 (search rows with rowids of their own) is migrated when opened: the same
    # answers, and each search row under its article's rowid.
    old = os.path.join(tmp, "v1.db")
    shutil.copy(db, old)
    con = sqlite3.connect(old)
    con.executescript("""
        CREATE VIRTUAL TABLE v1_text USING fts5(id UNINDEXED, title, text, tokenize = 'ascii');
        INSERT INTO v1_text (rowid, id, title, text) SELECT 5000 - rowid, id, title, text FROM article_text;
        DROP TABLE article_text;
        ALTER TABLE v1_text RENAME TO article_text;
        PRAGMA user_version = 1;""")
    con.close()
    check("the version 1 fixture has search rows apart from their articles", not index_consistent(old), old)
    before = sorted(key(r) for r in rows(rasad, "query", "--db", db, "--limit", "0", "--text", "العيج"))
    after = sorted(key(r) for r in rows(rasad, "query", "--db", old, "--limit", "0", "--text", "العيج"))
    check("a version 1 database answers the same after its migration", before == after and len(before) > 0, (before, after))
    con = sqlite3.connect(old)
    v_old = con.execute("pragma user_version").fetchone()[0]
    con.close()
    check("migrated to the current schema, search rows under their articles' rowids",
          v_old == SCHEMA_VERSION and index_consistent(old), v_old)
    # Default filtering: events below the confidence threshold only with --all.
    low = [k for k, m in expected.items() if m["confidence"] < 0.5]
    default = {key(r) for r in rows(rasad, "query", "--db", db, "--limit", "0")}
    check("query leaves out the less confident events unless --all", not (set(low) & default), low)

    # series: counts per month and quad class, Goldstein sum.
    ser = rows(rasad, "series", "--db", db, "--by", "month")
    want = collections.defaultdict(lambda: [0, 0.0, [0, 0, 0, 0]])
    for k, m in expected.items():
        if m["confidence"] < 0.5:
            continue
        e = m["event"]
        w = want[period(e)[0][:7]]
        w[0] += 1
        w[1] += e["goldstein"]
        w[2][e["quad_class"] - 1] += 1
    have = {r["period"]: [r["events"], round(r["goldstein_sum"], 2), [r["quad1"], r["quad2"], r["quad3"], r["quad4"]]] for r in ser}
    check("series by month", have == {p2: [v[0], round(v[1], 2), v[2]] for p2, v in want.items()}, (have, dict(want)))
    # top actors.
    counts = collections.Counter()
    for k, m in expected.items():
        if m["confidence"] >= 0.5:
            counts[k[1]] += 1
            if k[2]:
                counts[k[2]] += 1
    top = rows(rasad, "top", "actors", "--db", db, "--limit", "3")
    best = sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:3]
    check("top actors", [(r["actor"], r["events"]) for r in top] == best, (top, best))
    top = rows(rasad, "top", "codes", "--db", db, "--limit", "0")
    check("top codes", sum(r["events"] for r in top) == sum(1 for m in expected.values() if m["confidence"] >= 0.5), top)

    p = run(rasad, "export", "--db", db, "--format", "csv")
    lines = p.stdout.splitlines()
    check("export csv: a header and one line per event", p.returncode == 0 and lines[0].startswith("event_id,date,source")
          and len(lines) - 1 == len(default), (len(lines), len(default)))

    # GDELT 2.0: 61 tab-separated columns; the Moroccan-Spanish meeting checked field by field.
    p = run(rasad, "export", "--db", db, "--format", "gdelt", "--dyad", "MARGOV,ESPGOV", "--code", "040")
    gdelt = [line.split("\t") for line in p.stdout.splitlines()]
    check("export gdelt: 61 columns on every row", p.returncode == 0 and gdelt and all(len(r) == 61 for r in gdelt),
          [len(r) for r in gdelt])
    if gdelt:
        g = next((r for r in gdelt if r[1] == "20240311"), gdelt[0])
        fields = {"SQLDATE": g[1], "MonthYear": g[2], "Year": g[3], "Actor1Code": g[5], "Actor1CountryCode": g[7],
                  "Actor1Type1Code": g[12], "Actor2Code": g[15], "Actor2CountryCode": g[17], "EventCode": g[26],
                  "EventBaseCode": g[27], "EventRootCode": g[28], "QuadClass": g[29], "GoldsteinScale": g[30],
                  "ActionGeo_Type": g[51], "ActionGeo_FullName": g[52], "ActionGeo_CountryCode": g[53]}
        want = {"SQLDATE": "20240311", "MonthYear": "202403", "Year": "2024", "Actor1Code": "MARGOV",
                "Actor1CountryCode": "MAR", "Actor1Type1Code": "GOV", "Actor2Code": "ESPGOV", "Actor2CountryCode": "ESP",
                "EventCode": "040", "EventBaseCode": "040", "EventRootCode": "04", "QuadClass": "1",
                "GoldsteinScale": "1.0", "ActionGeo_Type": "4", "ActionGeo_FullName": "الرباط", "ActionGeo_CountryCode": "MO"}
        check("export gdelt: a row field by field", fields == want, {k: (fields[k], want[k]) for k in want if fields[k] != want[k]})
        check("export gdelt: coordinates of Rabat", abs(float(g[56]) - 34.01) < 0.1 and abs(float(g[57]) + 6.83) < 0.1, g[56:58])
    p = run(rasad, "export", "--db", db, "--format", "plover")
    plover = [json.loads(line) for line in p.stdout.splitlines()]
    types = {e["cameo"][:2]: e["event_type"] for e in plover}
    check("export plover: event types from CAMEO roots", types.get("04") == "CONSULT" and types.get("11", "ACCUSE") == "ACCUSE"
          and all(e["event_type"] for e in plover if e["cameo"][:2] not in ("01", "09")), types)

    # The database is plain SQLite for the users' own tools.
    con = sqlite3.connect(db)
    n = con.execute("select count(*) from events where confidence >= 0.5").fetchone()[0]
    v = con.execute("pragma user_version").fetchone()[0]
    con.close()
    check("readable with Python's sqlite3", n == len(default) and v == SCHEMA_VERSION, (n, v))

    # Bad databases: not a rasad one, a newer schema, a missing one for query; all left intact.
    other = os.path.join(tmp, "other.db")
    con = sqlite3.connect(other)
    con.execute("create table x (y)")
    con.commit()
    con.close()
    p = run(rasad, "ingest", "--db", other, dedup)
    check("refuses a database that is not rasad's", p.returncode == 2 and "not a rasad one" in p.stderr, p.stderr)
    newer = os.path.join(tmp, "newer.db")
    shutil.copy(db, newer)
    con = sqlite3.connect(newer)
    con.execute("pragma user_version = 99")
    con.commit()
    con.close()
    p = run(rasad, "query", "--db", newer)
    check("refuses a database of a newer schema", p.returncode == 2 and "newer rasad" in p.stderr, p.stderr)
    junk = os.path.join(tmp, "junk.db")
    with open(junk, "wb") as f:
        f.write(b"this is no database at all" * 100)
    p = run(rasad, "ingest", "--db", junk, dedup)
    check("refuses a file that is no database", p.returncode == 2 and "junk.db" in p.stderr, p.stderr)
    with open(junk, "rb") as f:
        check("and leaves it as it was", f.read() == b"this is no database at all" * 100)
    # A database another process holds locked: a clear message naming it after a wait, and it is left intact.
    locked = os.path.join(tmp, "locked.db")
    shutil.copy(db, locked)
    holder = sqlite3.connect(locked, isolation_level=None)
    holder.execute("begin exclusive")
    p = run(rasad, "ingest", "--db", locked, changed)
    holder.execute("rollback")
    holder.close()
    check("a locked database: an error naming it", p.returncode != 0 and "locked.db" in p.stderr and "locked" in p.stderr,
          p.stderr)
    con = sqlite3.connect(locked)
    check("and it is left intact", con.execute("select count(*) from events").fetchone()[0] ==
          sqlite3.connect(db).execute("select count(*) from events").fetchone()[0])
    con.close()
    p = run(rasad, "query", "--db", os.path.join(tmp, "missing.db"))
    check("query names a missing database", p.returncode == 2 and "no such database" in p.stderr, p.stderr)
    p = run(rasad, "query", "--db", db, "--near", "91,0,5")
    check("a bad filter is a usage error", p.returncode == 2 and "--near" in p.stderr, p.stderr)

    # A full disk: the batch that does not fit is refused with a message, the database keeps what it had.
    tiny = os.path.join(tmp, "tiny")
    os.makedirs(tiny)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", tiny], capture_output=True).returncode == 0
    if mounted and os.path.exists(CORPUS):
        try:
            full = os.path.join(tiny, "full.db")
            run(rasad, "ingest", "--db", full, dedup)
            con = sqlite3.connect(full)
            before = con.execute("select count(*) from articles").fetchone()[0]
            con.close()
            import gzip
            bulk = os.path.join(tmp, "bulk.jsonl")
            with gzip.open(CORPUS, "rt", encoding="utf-8") as f, open(bulk, "w", encoding="utf-8") as out:
                for i, line in enumerate(f):
                    if i >= 2000:
                        break
                    out.write(line)
            p = run(rasad, "ingest", "--db", full, bulk)
            check("a full disk: an error naming the database", p.returncode != 0 and "full.db" in p.stderr and
                  "full" in p.stderr, p.stderr[-600:])
            con = sqlite3.connect(full)
            ok = con.execute("pragma integrity_check").fetchone()[0] == "ok"
            after = con.execute("select count(*) from articles").fetchone()[0]
            con.close()
            check("a full disk: the database is intact and keeps what it had", ok and after >= before, (ok, before, after))
        finally:
            subprocess.run(["umount", tiny], capture_output=True)
    else:
        print("skip full-disk test: cannot mount a small tmpfs here (needs root) or no corpus")

    # Crash safety: kill -9 in the middle of an ingest, then rerun: the same events as a clean ingest.
    if os.path.exists(CORPUS):
        part = os.path.join(tmp, "part.jsonl")
        import gzip
        with gzip.open(CORPUS, "rt", encoding="utf-8") as f, open(part, "w", encoding="utf-8") as out:
            for i, line in enumerate(f):
                if i >= 3000:
                    break
                out.write(line)
        clean = os.path.join(tmp, "clean.db")
        run(rasad, "ingest", "--db", clean, part)
        crash = os.path.join(tmp, "crash.db")
        proc = subprocess.Popen([rasad, "ingest", "--db", crash, part], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.8)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        p = run(rasad, "ingest", "--db", crash, part)
        counts = []
        for path in (clean, crash):
            con = sqlite3.connect(path)
            counts.append(con.execute("select count(*), sum(num_mentions), (select count(*) from articles), "
                                      "(select count(*) from mentions) from events").fetchone())
            con.close()
        check("after kill -9 a rerun finishes the job: nothing lost, nothing doubled", counts[0] == counts[1], counts)
    else:
        print("skip crash test: no corpus")

    shutil.rmtree(tmp)
    return summary()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
