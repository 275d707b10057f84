#!/usr/bin/env python3
"""`rasad serve` over real HTTP on loopback: every endpoint, the token, pagination, errors and limits.
Usage: serve_test.py RASAD
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from testlib import check, free_port, summary

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = "s3cret-token-for-tests-0123456789"


def request(port, path, method="GET", body=None, token=None, content_type="application/json"):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method, data=body)
    if body is not None:
        req.add_header("Content-Type", content_type)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def start(rasad, *args):
    port = free_port()
    proc = subprocess.Popen([rasad, "serve", "--port", str(port), *args], stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            if request(port, "/healthz")[0] == 200:
                return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("the server did not start: " + proc.stderr.read().decode())


def main(argv):
    rasad = argv[0]
    tmp = tempfile.mkdtemp(prefix="rasad-serve-")
    db = os.path.join(tmp, "t.db")
    subprocess.run([rasad, "ingest", "--db", db, "-q", os.path.join(ROOT, "samples")], check=True, capture_output=True)
    token_file = os.path.join(tmp, "token")
    with open(token_file, "w") as f:
        f.write(TOKEN + "\n")
    proc, port = start(rasad, "--db", db, "--token-file", token_file)
    try:
        status, body = request(port, "/healthz")
        check("healthz", status == 200 and json.loads(body) == {"status": "ok"}, body)
        status, body = request(port, "/v1/openapi.json")
        check("openapi", status == 200 and "/v1/events" in json.loads(body)["paths"], body[:200])

        # Pagination: pages of 3 joined are the whole list, in order, without repeats.
        status, body = request(port, "/v1/events?limit=1000")
        everything = json.loads(body)["events"]
        pages, cursor = [], None
        for _ in range(50):
            status, body = request(port, "/v1/events?limit=3" + (f"&cursor={cursor}" if cursor else ""))
            page = json.loads(body)
            pages += page["events"]
            cursor = page["next_cursor"]
            if not cursor:
                break
        check("events: pages of 3 make the whole list", [e["event_id"] for e in pages] == [e["event_id"] for e in everything]
              and len(everything) > 3, (len(pages), len(everything)))
        cli = subprocess.run([rasad, "query", "--db", db, "--dyad", "MAR,ESP", "--limit", "0", "--format", "json"],
                             capture_output=True, text=True).stdout
        status, body = request(port, "/v1/events?dyad=MAR,ESP&limit=1000")
        check("events: filters as rasad query", sorted(e["event_id"] for e in json.loads(body)["events"]) ==
              sorted(json.loads(l)["event_id"] for l in cli.splitlines()), body[:300])
        status, body = request(port, "/v1/events?quad=7")
        check("events: a bad filter is a 400 with a JSON error", status == 400 and json.loads(body)["error"]["code"] == "bad_request", body)
        status, body = request(port, "/v1/events?cursor=nonsense")
        check("events: a bad cursor is a 400", status == 400, body)

        status, body = request(port, "/v1/series?by=month&country=IRQ")
        series = json.loads(body)["series"]
        check("series", status == 200 and series and all("goldstein_sum" in r for r in series), body[:300])
        status, body = request(port, "/v1/top?what=codes&limit=3")
        check("top", status == 200 and len(json.loads(body)["top"]) == 3, body)
        status, body = request(port, "/v1/actors?q=KWT")
        check("actors: search by code prefix", status == 200 and all(a["code"].startswith("KWT") or "KWT" in (a["name"] or "")
                                                                   for a in json.loads(body)["actors"]) and json.loads(body)["actors"], body)

        # An article with the spans of its events, byte offsets into its text.
        status, body = request(port, "/v1/articles/rabat-2024-03-12-ma-es-talks")
        art = json.loads(body)
        text = art["text"].encode("utf-8")
        ok = status == 200 and art["events"]
        for e in art["events"]:
            b, en = e["trigger_span"]
            ok = ok and len(text[b:en].decode("utf-8")) > 0
        check("articles/{id}: text and spans that point into it", ok, body[:300])
        status, body = request(port, "/v1/events/" + str(everything[0]["event_id"]))
        ev = json.loads(body)
        m = ev["mentions"][0] if status == 200 and ev.get("mentions") else None
        sentence = m["sentence"].encode("utf-8") if m else b""
        check("events/{id}: the event with its mentions, spans into each sentence",
              m is not None and sentence[m["trigger_span"][0]:m["trigger_span"][1]].decode("utf-8") in m["trigger"], body[:300])
        status, body = request(port, "/v1/events/999999")
        check("events/{id}: 404 for an unknown event", status == 404, body)
        status, body = request(port, "/v1/top?what=countries")
        check("top countries carry their ISO numeric codes", status == 200 and
              all(r["numeric"] for r in json.loads(body)["top"]), body[:300])
        status, body = request(port, "/v1/articles/no-such-article")
        check("articles/{id}: 404 for an unknown id", status == 404 and json.loads(body)["error"]["code"] == "not_found", body)

        # Coding without storing: JSON and plain text.
        article = {"id": "x1", "date": "2024-03-12", "title": "مباحثات",
                   "text": "الرباط - أجرى وزير الخارجية المغربي الاثنين مباحثات مع نظيره الإسباني."}
        status, body = request(port, "/v1/code", "POST", json.dumps(article, ensure_ascii=False).encode("utf-8"))
        events = json.loads(body)["events"]
        check("code: JSON article", status == 200 and [(e["event_code"], e["source"]["code"], e["target"]["code"]) for e in events]
              == [("040", "MARGOV", "ESPGOV")], body[:300])
        plain = "مباحثات\nالثلاثاء 2024/03/12\n\n" + article["text"]
        status, body = request(port, "/v1/code", "POST", plain.encode("utf-8"), content_type="text/plain")
        check("code: plain text", status == 200 and len(json.loads(body)["events"]) == 1, body[:300])
        status, body = request(port, "/v1/code", "POST", b"")
        check("code: an empty body is a 400", status == 400, body)

        # Storing needs the token, compared exactly.
        line = json.dumps(article, ensure_ascii=False).encode("utf-8")
        status, body = request(port, "/v1/articles", "POST", line)
        check("articles: 401 without a token", status == 401, body)
        status, body = request(port, "/v1/articles", "POST", line, token=TOKEN[:-1] + "x")
        check("articles: 401 with a wrong token", status == 401, body)
        status, body = request(port, "/v1/articles", "POST", line, token=TOKEN)
        check("articles: stored with the token", status == 200 and json.loads(body)["added"] == 1, body)
        status, body = request(port, "/v1/articles", "POST", line, token=TOKEN)
        check("articles: the same again changes nothing", status == 200 and json.loads(body)["unchanged"] == 1, body)
        status, body = request(port, "/v1/articles/x1")
        check("articles: the stored article is served", status == 200 and json.loads(body)["events"], body[:200])

        # Limits and unknown endpoints.
        status, body = request(port, "/v1/code", "POST", b"x" * (17 << 20))
        check("a body over the limit is refused (413)", status == 413, (status, body[:200]))
        status, body = request(port, "/v1/nothing")
        check("unknown endpoint: 404 with a JSON error", status == 404 and json.loads(body)["error"]["code"] == "not_found", body)
        status, body = request(port, "/metrics")
        m = body.decode()
        check("metrics: Prometheus text with counts", status == 200 and 'rasad_requests_total{method="GET",path="/v1/events"}' in m
              and "rasad_ingested_articles_total 1" in m, m[:500])
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    check("stops on SIGTERM", proc.returncode == 0, proc.returncode)

    # Private reads need the token; a token file with no real token is refused.
    proc, port = start(rasad, "--db", db, "--token-file", token_file, "--private")
    try:
        check("private: reads without the token are 401", request(port, "/v1/events")[0] == 401)
        check("private: reads with the token are served", request(port, "/v1/events", token=TOKEN)[0] == 200)
        check("private: healthz needs no token", request(port, "/healthz")[0] == 200)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    short = os.path.join(tmp, "short")
    with open(short, "w") as f:
        f.write("abc\n")
    p = subprocess.run([rasad, "serve", "--db", db, "--token-file", short, "--port", str(free_port())], capture_output=True, text=True, timeout=30)
    check("a token shorter than 16 characters is refused", p.returncode == 2 and "16 characters" in p.stderr, p.stderr)

    # --demo serves the sample articles.
    proc, port = start(rasad, "--demo")
    try:
        status, body = request(port, "/v1/events?limit=1000")
        check("demo: the samples' events", status == 200 and len(json.loads(body)["events"]) >= 10, body[:200])
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    shutil.rmtree(tmp)
    return summary()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
