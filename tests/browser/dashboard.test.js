// The dashboard in Debian's chromium, headless, driven by playwright-core: load the page, filter by a dyad, check
// the map's markers and the list against the API, open an event and check its highlighted Arabic evidence, and
// save screenshots. Usage: node dashboard.test.js RASAD SCREENSHOT_DIR. Exit 77 when chromium is missing.
"use strict";
const { chromium } = require("playwright-core");
const { spawn } = require("child_process");
const fs = require("fs");
const net = require("net");

const CHROMIUM = "/usr/bin/chromium";
let failures = 0, checks = 0;
function check(name, cond, detail) {
  checks++;
  console.log((cond ? "ok   " : "FAIL ") + name);
  if (!cond) {
    failures++;
    console.log("     " + JSON.stringify(detail).slice(0, 800));
  }
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) return; } catch (e) { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the server did not start");
}

async function main() {
  const [rasad, shots] = process.argv.slice(2);
  if (!fs.existsSync(CHROMIUM)) {
    console.log("skip: " + CHROMIUM + " is not installed (scripts/install-deps.sh installs the chromium package)");
    process.exit(77);
  }
  fs.mkdirSync(shots, { recursive: true });
  const port = await freePort();
  const server = spawn(rasad, ["serve", "--demo", "--port", String(port)], { stdio: ["ignore", "ignore", "pipe"] });
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run"],
  });
  try {
    await waitFor(base + "/healthz");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));

    const started = Date.now();
    await page.goto(base + "/");
    await page.waitForSelector("#events tbody tr");
    const firstView = Date.now() - started;
    const api = await (await fetch(base + "/v1/events?limit=1000")).json();
    const rows = await page.$$eval("#events tbody tr", (trs) => trs.map((tr) => Number(tr.dataset.eventId)));
    check("the list shows the API's events", JSON.stringify(rows) === JSON.stringify(api.events.map((e) => e.event_id)),
          { rows, api: api.events.map((e) => e.event_id) });
    check("the first view appears quickly", firstView < 5000, firstView);
    await page.screenshot({ path: shots + "/dashboard.png", fullPage: true });

    // Actor search as you type: the suggestions are the API's.
    await page.fill("input[name=actor]", "KWT");
    await page.waitForFunction(() => document.querySelectorAll("#actor-list option").length > 0);
    const options = await page.$$eval("#actor-list option", (os) => os.map((o) => o.value));
    check("actor search as you type", options.length > 0 && options.every((v) => v.startsWith("KWT")), options);
    await page.fill("input[name=actor]", "");

    // Brushing the timeline sets the date range and filters the list.
    const box = await (await page.$("#timeline .u-over")).boundingBox();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.98, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => location.search.includes("since="));
    const since = await page.inputValue("input[name=since]");
    const until = await page.inputValue("input[name=until]");
    await page.waitForFunction((s) => [...document.querySelectorAll("#events tbody tr td:first-child")]
                                        .every((td) => td.textContent.slice(0, 7) >= s), since);
    const brushed = await (await fetch(`${base}/v1/events?since=${since}&until=${until}&limit=1000`)).json();
    const brushedRows = await page.$$eval("#events tbody tr", (trs) => trs.map((tr) => Number(tr.dataset.eventId)));
    check("brushing the timeline sets the dates and filters the list",
          /^\d{4}-\d{2}$/.test(since) && JSON.stringify(brushedRows) === JSON.stringify(brushed.events.map((e) => e.event_id)),
          { since, until, brushedRows });
    await page.fill("input[name=since]", "");
    await page.fill("input[name=until]", "");

    // Filter by a dyad: list and markers follow the API.
    await page.fill("input[name=dyad]", "MAR,ESP");
    await page.click("#filters button[type=submit]");
    await page.waitForFunction(() => document.querySelectorAll("#events tbody tr").length > 0 &&
                                     location.search.includes("dyad"));
    const dyad = await (await fetch(base + "/v1/events?dyad=MAR,ESP&limit=1000")).json();
    const dyadRows = await page.$$eval("#events tbody tr", (trs) => trs.map((tr) => Number(tr.dataset.eventId)));
    check("filtered by dyad: the list is the API's", JSON.stringify(dyadRows) === JSON.stringify(dyad.events.map((e) => e.event_id)),
          { dyadRows, api: dyad.events.map((e) => e.event_id) });
    const located = dyad.events.filter((e) => e.lat !== null).length;
    const single = await page.$$eval("path.event-marker", (ps) => ps.length);
    const inClusters = await page.$$eval(".cluster", (cs) => cs.reduce((n, c) => n + Number(c.dataset.count), 0));
    check("filtered by dyad: every located event on the map, alone or in a cluster",
          single + inClusters === located && located > 0, { single, inClusters, located });
    await page.waitForSelector("#dyad-codes tbody tr");  // drawn after the timeline
    await page.waitForSelector("path.country.c504.shaded");  // Morocco (ISO numeric 504), shaded by its events
    const shaded = await page.$$eval("path.country.shaded", (ps) => ps.map((p) => p.getAttribute("class")));
    const countries = await (await fetch(base + "/v1/top?what=countries&dyad=MAR,ESP&limit=300")).json();
    check("countries with events under the filter are shaded, and only they",
          shaded.length === countries.top.filter((r) => r.numeric).length, { shaded, countries: countries.top });
    const codes = await page.$$eval("#dyad-codes tbody tr", (trs) => trs.map((tr) => tr.cells[0].textContent));
    const top = await (await fetch(base + "/v1/top?what=codes&dyad=MAR,ESP&limit=10")).json();
    check("the dyad view lists the codes between the two", JSON.stringify(codes) === JSON.stringify(top.top.map((r) => r.code)),
          { codes, top: top.top });
    await page.screenshot({ path: shots + "/dyad.png", fullPage: true });

    // Open an event: its sentence right to left with trigger, source and target marked as the API says.
    // (An event whose source and target are written apart: a joint one, الجانبين، marks its words once.)
    let target = null, detail = null;
    for (const e of dyad.events) {
      const d = await (await fetch(base + "/v1/events/" + e.event_id)).json();
      const [s, t] = [d.mentions[0].source_span, d.mentions[0].target_span];
      if (s && t && (t[0] >= s[1] || s[0] >= t[1])) {
        target = e;
        detail = d;
        break;
      }
    }
    check("the dyad has an event with source and target written apart", target !== null, dyad.events);
    await page.click(`#events tbody tr[data-event-id="${target.event_id}"]`);
    await page.waitForSelector("#evidence .sentence mark.trigger");
    const m = detail.mentions[0];
    const bytes = Buffer.from(m.sentence, "utf8");
    const want = (span) => (span ? bytes.subarray(span[0], span[1]).toString("utf8") : null);
    const shown = await page.$eval("#evidence .sentence", (p) => ({
      dir: getComputedStyle(p).direction,
      trigger: p.querySelector("mark.trigger")?.textContent ?? null,
      source: p.querySelector("mark.source")?.textContent ?? null,
      target: p.querySelector("mark.target")?.textContent ?? null,
      text: p.textContent,
    }));
    check("evidence: the sentence is shown whole, right to left", shown.dir === "rtl" && shown.text === m.sentence, shown);
    check("evidence: trigger, source and target marked as the API's spans",
          shown.trigger === want(m.trigger_span) && shown.source === want(m.source_span) &&
          shown.target === want(m.target_span), { shown, trigger: want(m.trigger_span), source: want(m.source_span) });
    check("evidence: a link to the article", (await page.$("#evidence a.article-link")) !== null);
    await page.screenshot({ path: shots + "/evidence.png", fullPage: true });

    // The article view: its text with the words of its events marked.
    await page.click("#evidence a.article-link");
    await page.waitForSelector("#article mark.trigger");
    const article = await (await fetch(base + "/v1/articles/" + encodeURIComponent(m.article_id))).json();
    const text = await page.$eval("#article", (d) => d.textContent);
    const triggers = await page.$$eval("#article mark.trigger", (ms) => ms.length);
    check("the article view shows the whole text with its triggers marked",
          text === article.text && triggers >= 1, { triggers, length: text.length });
    await page.screenshot({ path: shots + "/article.png", fullPage: true });
    await page.goBack();

    // A phone's screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shots + "/phone.png", fullPage: true });
    check("no script errors", errors.length === 0, errors);
    check("nothing fetched from elsewhere", requests.every((u) => u.startsWith(base)), requests.filter((u) => !u.startsWith(base)));
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }
  console.log(`${checks - failures} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(1); });
