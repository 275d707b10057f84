#!/usr/bin/env python3
"""Faults in the event store, through the real CLI:

1. kill -9 at 20 random moments: `rasad ingest` of the samples and ~2,300 corpus articles is killed with SIGKILL
   after delays drawn from a seeded RNG over the span a clean ingest takes, and rerun each time. After every kill
   the database passes PRAGMA integrity_check and is consistent (each stored article has all its mentions and its
   search row, each event's counts match its mentions, nothing orphaned); after a final rerun it holds every
   article exactly once with exactly the events, mentions and counts of a clean ingest into another database.
2. Ingest and reads at the same time: while `rasad ingest` writes ~2,900 articles, one thread runs `rasad query`
   in a loop and another asks a `rasad serve` on the same database for /v1/events and /v1/series. No reader sees
   an error ("database is locked" or any other), counts never go down, and the end state is the clean one.

The corpus (../shared/corpus/*.jsonl.gz beside the checkout) is read at test time; without it only the samples
are used. Set RASAD_FAULT_SEED to replay a run (the seed is printed). About 45 s. Usage: fault_test.py RASAD
"""
import glob
import gzip
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

from testlib import check, free_port, summary

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS_DIR = os.path.join(ROOT, "..", "shared", "corpus")
KILLS = 20


def corpus_lines(counts):
    """The first lines of each corpus file, as many as `counts` asks for by file name prefix ({} when absent)."""
    lines = []
    for path in sorted(glob.glob(os.path.join(CORPUS_DIR, "*.jsonl.gz"))):
        name = os.path.basename(path)
        start, n = next(((s, k) for prefix, (s, k) in counts.items() if name.startswith(prefix)), (0, 0))
        if n == 0:
            continue
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= start + n:
                    break
                if i >= start:
                    lines.append(line)
    return lines


def content(db):
    """What a database holds, independent of row ids and insertion order (an article's text by its hash)."""
    con = sqlite3.connect(db)
    articles = sorted(con.execute("select id, hash, num_events, title, published, length(text) from articles"))
    events = sorted(con.execute("select date, date_precision, day, source_code, target_code, event_code, quad_class, "
                                "goldstein, round(confidence, 6), place_name, geonames_id, num_mentions, num_articles, "
                                "num_sources from events"))
    mentions = sorted(con.execute("select m.article_id, e.date, e.source_code, e.target_code, e.event_code, m.sentence, "
                                  "m.trigger, m.rule, round(m.confidence, 6), m.mentions, m.trigger_begin, m.trigger_end, "
                                  "m.source_begin, m.target_begin, m.place_name from mentions m join events e "
                                  "on e.event_id = m.event_id"), key=repr)
    search = sorted(con.execute("select id from article_text"))
    con.close()
    return {"articles": articles, "events": events, "mentions": mentions, "search": search}


def consistency(db, clean):
    """Problems in a database that may hold only part of the articles: [] when none."""
    problems = []
    con = sqlite3.connect(db)
    integrity = con.execute("pragma integrity_check").fetchone()[0]
    if integrity != "ok":
        problems.append("integrity_check: " + integrity)
    # Killed before its schema was committed: no table at all (the schema is one transaction, never half there).
    tables = {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
    if not tables:
        con.close()
        return problems
    if not {"articles", "events", "mentions", "article_text"} <= tables:
        con.close()
        return problems + [f"a schema half written: {sorted(tables)}"]
    for what, sql in [
        ("events whose counts are not their mentions'",
         "select count(*) from events e where num_mentions != (select coalesce(sum(mentions), 0) from mentions m "
         "where m.event_id = e.event_id) or num_articles != (select count(distinct article_id) from mentions m "
         "where m.event_id = e.event_id)"),
        ("events no article reports", "select count(*) from events e where not exists "
         "(select 1 from mentions m where m.event_id = e.event_id)"),
        ("mentions of no stored article", "select count(*) from mentions m where not exists "
         "(select 1 from articles a where a.id = m.article_id)"),
    ]:
        n = con.execute(sql).fetchone()[0]
        if n:
            problems.append(f"{n} {what}")
    # One search row per article (the FTS table's id is unindexed: compared here, not joined in SQL).
    search = sorted(r[0] for r in con.execute("select id from article_text"))
    if search != sorted(r[0] for r in con.execute("select id from articles")):
        problems.append("the search rows are not one per article")
    con.close()
    # Every stored article has all its mentions, as the clean ingest stored them.
    part = content(db)
    by_article = {}
    for m in clean["mentions"]:
        by_article.setdefault(m[0], []).append(m)
    have = {}
    for m in part["mentions"]:
        have.setdefault(m[0], []).append(m)
    clean_articles = {a[0]: a for a in clean["articles"]}
    for a in part["articles"]:
        if clean_articles.get(a[0]) != a:
            problems.append(f"article {a[0]} differs from the clean ingest's")
        if have.get(a[0], []) != by_article.get(a[0], []):
            problems.append(f"article {a[0]}: {len(have.get(a[0], []))} mentions, clean {len(by_article.get(a[0], []))}")
    return problems[:10]


def get(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def main(argv):
    tmp = tempfile.mkdtemp(prefix="rasad-fault-")
    # A copy of the binary: a rebuild of the tree while the test runs must not swap it mid-test.
    rasad = os.path.join(tmp, "rasad")
    shutil.copy(argv[0], rasad)
    samples = os.path.join(ROOT, "samples")
    # Articles of three outlets: a mix of lengths, dates and (in the multisource file) duplicate reports.
    # More than ingest reads ahead (1,024 articles), so that batches are written while it reads.
    first = corpus_lines({"ant-multisource": (0, 1400), "saudinewsnet": (0, 600), "ant-jawharafm": (0, 300)})
    second = corpus_lines({"ant-multisource": (1400, 600)})
    if not first:
        print("no corpus at " + CORPUS_DIR + ": the samples only")
    part = os.path.join(tmp, "part.jsonl")
    with open(part, "w", encoding="utf-8") as f:
        f.writelines(first)
    inputs = [samples, part]

    # 1. kill -9 at random moments, rerun after each.
    clean_db = os.path.join(tmp, "clean.db")
    t0 = time.time()
    p = subprocess.run([rasad, "ingest", "--db", clean_db, "-q", *inputs], capture_output=True, text=True)
    span = time.time() - t0
    check(f"a clean ingest ({len(first)} corpus articles and the samples, {span:.2f} s)", p.returncode == 0, p.stderr)
    clean = content(clean_db)
    seed = int(os.environ.get("RASAD_FAULT_SEED", int(time.time() * 1000) % 1000000))
    print(f"seed {seed} (RASAD_FAULT_SEED={seed} replays this run)")
    rng = random.Random(seed)
    t0 = time.time()
    delays = sorted(rng.uniform(0, span) for _ in range(KILLS))
    rng.shuffle(delays)
    crash_db = os.path.join(tmp, "crash.db")
    problems, killed, stored, rounds = [], 0, [], 1
    for i, delay in enumerate(delays):
        if stored and stored[-1] == len(clean["articles"]):
            # The last run finished before its kill: a fresh database, so that this kill interrupts real work.
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(crash_db + suffix):
                    os.remove(crash_db + suffix)
            rounds += 1
        proc = subprocess.Popen([rasad, "ingest", "--db", crash_db, "-q", *inputs], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        time.sleep(delay)
        killed += proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate()
        if proc.returncode not in (0, -signal.SIGKILL):
            problems.append(f"kill {i} ({delay:.3f} s): the ingest failed: {err.decode(errors='replace')[-300:]}")
        if os.path.exists(crash_db):
            found = consistency(crash_db, clean)
            problems += [f"kill {i} ({delay:.3f} s): {x}" for x in found]
            con = sqlite3.connect(crash_db)
            has_articles = con.execute("select count(*) from sqlite_master where name = 'articles'").fetchone()[0]
            stored.append(con.execute("select count(*) from articles").fetchone()[0] if has_articles else 0)
            con.close()
        if len(problems) > 10:
            break
    print(f"     {time.time() - t0:.1f} s; {killed} of {len(delays)} kills hit a running ingest ({rounds} fresh databases); articles stored "
          f"after each: {stored}")
    check(f"{KILLS} kills at random moments (seed {seed}): after each, integrity_check ok and every stored article "
          "complete", not problems, problems)
    p = subprocess.run([rasad, "ingest", "--db", crash_db, "-q", *inputs], capture_output=True, text=True)
    check("the rerun after the last kill finishes", p.returncode == 0, p.stderr)
    after = content(crash_db)
    con = sqlite3.connect(crash_db)
    integrity = con.execute("pragma integrity_check").fetchone()[0]
    ids = [r[0] for r in con.execute("select id from articles")]
    con.close()
    check("after the kills and a rerun: integrity_check ok", integrity == "ok", integrity)
    check("every article present exactly once", len(ids) == len(set(ids)) == len(clean["articles"]) and
          after["articles"] == clean["articles"], (len(ids), len(set(ids)), len(clean["articles"])))
    check("exactly the events of a clean ingest, with the same counts", after["events"] == clean["events"],
          (len(after["events"]), len(clean["events"]),
           [e for e in after["events"] if e not in clean["events"]][:3], [e for e in clean["events"] if e not in after["events"]][:3]))
    check("exactly the mentions and search rows of a clean ingest", after["mentions"] == clean["mentions"] and
          after["search"] == clean["search"], (len(after["mentions"]), len(clean["mentions"])))

    # 2. Ingest and reads at the same time.
    if second:
        more = os.path.join(tmp, "more.jsonl")
        with open(more, "w", encoding="utf-8") as f:
            f.writelines(second)
        inputs2 = inputs + [more]
    else:
        inputs2 = inputs
    clean2 = os.path.join(tmp, "clean2.db")
    subprocess.run([rasad, "ingest", "--db", clean2, "-q", *inputs2], capture_output=True, check=True)
    live = os.path.join(tmp, "live.db")
    subprocess.run([rasad, "ingest", "--db", live, "-q", samples], capture_output=True, check=True)
    port = free_port()
    server = subprocess.Popen([rasad, "serve", "--db", live, "--port", str(port)], stderr=subprocess.PIPE)
    for _ in range(200):
        try:
            if get(port, "/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.05)
    done = threading.Event()
    errors, cli_counts, http_counts = [], [], []

    def cli_reader():
        while not done.is_set():
            p = subprocess.run([rasad, "query", "--db", live, "--all", "--limit", "0", "--format", "json"],
                               capture_output=True, text=True)
            if p.returncode != 0 or p.stderr:
                errors.append(("rasad query", p.returncode, p.stderr[-300:]))
                continue
            rows = [json.loads(line) for line in p.stdout.splitlines()]
            if any(r["num_articles"] < 1 or r["num_mentions"] < 1 for r in rows):
                errors.append(("rasad query", "an event with no article or mention"))
            cli_counts.append(len(rows))
            p = subprocess.run([rasad, "series", "--db", live, "--all", "--format", "json"], capture_output=True, text=True)
            if p.returncode != 0 or p.stderr:
                errors.append(("rasad series", p.returncode, p.stderr[-300:]))

    def http_reader():
        while not done.is_set():
            try:
                status, body = get(port, "/v1/events?all=1&limit=50")
                s2, b2 = get(port, "/v1/series?all=1&by=month")
            except OSError as e:
                errors.append(("http", str(e)))
                continue
            if status != 200 or s2 != 200:
                errors.append(("http", status, body[:200], s2, b2[:200]))
                continue
            http_counts.append(sum(r["events"] for r in json.loads(b2)["series"]))

    readers = [threading.Thread(target=cli_reader), threading.Thread(target=http_reader)]
    t0 = time.time()
    for t in readers:
        t.start()
    p = subprocess.run([rasad, "ingest", "--db", live, "-q", *inputs2], capture_output=True, text=True)
    done.set()
    for t in readers:
        t.join()
    status, body = get(port, "/v1/series?all=1&by=month")
    server.terminate()
    server.wait(timeout=30)
    check(f"ingest while readers read ({len(second) + len(first)} articles, {time.time() - t0:.1f} s): it succeeds", p.returncode == 0, p.stderr)
    check(f"readers during the ingest ({len(cli_counts)} rasad query, {len(http_counts)} HTTP reads): no error, no "
          "'database is locked'", not errors and cli_counts and http_counts, errors[:5])
    check("readers see counts that never go down", cli_counts == sorted(cli_counts) and http_counts == sorted(http_counts),
          (cli_counts, http_counts))
    after, want = content(live), content(clean2)
    check("after the concurrent ingest: the clean ingest's articles, events and mentions",
          after == want, {k: (len(after[k]), len(want[k])) for k in want})
    check("the server sees the end state", status == 200 and
          sum(r["events"] for r in json.loads(body)["series"]) == len(want["events"]), (status, body[:200]))
    shutil.rmtree(tmp)
    return summary()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
