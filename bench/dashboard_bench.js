// Time to the dashboard's first view (list rows drawn, map and timeline requested) on a large store, in Debian's
// chromium driven by playwright-core. Usage: node bench/dashboard_bench.js RASAD DB [RUNS]
"use strict";
const { chromium } = require("../tests/browser/node_modules/playwright-core");
const { spawn } = require("child_process");

async function main() {
  const [rasad, db, runs = "5"] = process.argv.slice(2);
  const port = 18000 + Math.floor(Math.random() * 1000);
  const server = spawn(rasad, ["serve", "--db", db, "--port", String(port)], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(base + "/healthz")).ok) break; } catch (e) { /* starting */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run"] });
  const times = [];
  for (let r = 0; r < Number(runs); r++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const start = Date.now();
    await page.goto(base + "/");
    await page.waitForSelector("#events tbody tr");
    await page.waitForSelector("#timeline canvas");
    times.push(Date.now() - start);
    await page.close();
  }
  await browser.close();
  server.kill("SIGTERM");
  times.sort((a, b) => a - b);
  console.log(`first view (list of the newest 300 events, map, timeline): runs ${times.join(", ")} ms; median ${times[Math.floor(times.length / 2)]} ms`);
}
main();
