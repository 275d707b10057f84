// The rasad dashboard: filters -> the API (/v1/events, /v1/series, /v1/events/{id}) -> map, timeline, list and
// evidence. Everything it loads is served by `rasad serve` itself (vendored libraries, world-atlas countries).
"use strict";

const QUAD_COLOURS = { 1: "#2c7bb6", 2: "#1a9641", 3: "#fdae61", 4: "#d7191c" };
const ROOTS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17",
               "18", "19", "20"];

const form = document.getElementById("filters");
const map = L.map("map", { worldCopyJump: true, attributionControl: false }).setView([27, 30], 3);
const markers = L.layerGroup().addTo(map);
let plot = null;

for (const root of ROOTS) form.root.add(new Option(root, root));

// The countries of world-atlas as the base map: it works offline, with no tile server. Each is shaded by the
// number of events it takes part in under the current filter.
let countryCounts = new Map();
const countryLayer = L.geoJSON(null, {
  style: (f) => {
    const n = countryCounts.get(f.id) || 0;
    return { color: "#8aa", weight: 0.6, fillOpacity: 1,
             fillColor: n ? `hsl(210, 60%, ${Math.max(45, 92 - 10 * Math.log2(1 + n))}%)` : "#f4f1ea",
             className: `country c${f.id}` + (n ? " shaded" : "") };
  },
}).addTo(map);
const worldLoaded = fetch("vendor/countries-110m.json").then((r) => r.json()).then((topology) => {
  countryLayer.addData(topojson.feature(topology, topology.objects.countries));
});

async function shadeCountries(p) {
  const q = new URLSearchParams(p);
  q.delete("by");
  q.set("what", "countries");
  q.set("limit", "300");
  const { top } = await api("/v1/top?" + q.toString());
  countryCounts = new Map(top.filter((r) => r.numeric).map((r) => [r.numeric, r.events]));
  await worldLoaded;
  // A new layer's paths take their classes from style(); redraw them all.
  const features = [];
  countryLayer.eachLayer((l) => features.push(l.feature));
  countryLayer.clearLayers();
  countryLayer.addData({ type: "FeatureCollection", features });
}

function params() {
  const p = new URLSearchParams();
  for (const name of ["actor", "dyad", "root", "quad", "since", "until", "place"]) {
    const v = form[name].value.trim();
    if (v) p.set(name, v);
  }
  return p;
}

async function api(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? body.error.message : r.statusText);
  return body;
}

function cell(text) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  return td;
}

async function load() {
  const p = params();
  history.replaceState(null, "", "?" + p.toString() + location.hash);
  p.set("limit", "300");  // the newest 300: a first view in well under a second (bench/dashboard_bench.js)
  const { events } = await api("/v1/events?" + p.toString());
  document.getElementById("count").textContent = `(${events.length})`;
  const tbody = document.querySelector("#events tbody");
  tbody.replaceChildren();
  for (const e of events) {
    const tr = document.createElement("tr");
    tr.dataset.eventId = e.event_id;
    tr.className = "quad" + e.quad;
    tr.append(cell(e.date), cell(e.source), cell(e.code), cell(e.target || "–"), cell(e.place), cell(e.num_articles));
    tr.addEventListener("click", () => showEvidence(e.event_id));
    tbody.append(tr);
  }
  shown = events;
  drawMarkers();
  p.delete("limit");
  p.set("by", "month");
  const { series } = await api("/v1/series?" + p.toString());
  drawTimeline(series);
  await drawDyad(p);
  await shadeCountries(p);
  const open = new URLSearchParams(location.hash.slice(1)).get("event");
  if (open) showEvidence(open);
}

function drawTimeline(series) {
  const el = document.getElementById("timeline");
  const x = series.map((r) => Date.parse(r.period + "-01T00:00:00Z") / 1000);
  const data = [x, series.map((r) => r.events), series.map((r) => r.goldstein_sum)];
  const opts = {
    width: el.clientWidth || 500, height: 220,
    series: [{}, { label: "events", stroke: "#1f3a5f", width: 2 }, { label: "Goldstein", stroke: "#d7191c", scale: "g" }],
    axes: [{}, {}, { scale: "g", side: 1 }],
    // Brushing a range of months sets the date filter.
    hooks: { setSelect: [(u) => {
      if (u.select.width < 2) return;
      const from = new Date(u.posToVal(u.select.left, "x") * 1000).toISOString().slice(0, 7);
      const to = new Date(u.posToVal(u.select.left + u.select.width, "x") * 1000).toISOString().slice(0, 7);
      form.since.value = from;
      form.until.value = to;
      load();
    }] },
  };
  if (plot) plot.destroy();
  plot = new uPlot(opts, data, el);
}

// The dyad view: with two actors chosen, the codes of what passed between them (the timeline above is theirs).
async function drawDyad(p) {
  const panel = document.getElementById("dyad-panel");
  const dyad = form.dyad.value.trim();
  panel.hidden = !dyad;
  if (!dyad) return;
  const q = new URLSearchParams(p);
  q.delete("by");
  q.set("what", "codes");
  q.set("limit", "10");
  const { top } = await api("/v1/top?" + q.toString());
  document.getElementById("dyad-names").textContent = dyad.replace(",", " and ");
  const tbody = document.querySelector("#dyad-codes tbody");
  tbody.replaceChildren(...top.map((r) => {
    const tr = document.createElement("tr");
    tr.append(cell(r.code), cell(r.events));
    return tr;
  }));
}

let shown = [];  // the events of the current filter

function drawMarkers() {
  markers.clearLayers();
  for (const group of clustered(shown)) {
    const e = group[0];
    if (group.length === 1) {
      L.circleMarker([e.lat, e.lon], { radius: 5 + Math.min(8, e.num_articles), color: QUAD_COLOURS[e.quad],
                                       fillOpacity: 0.6, className: "event-marker quad" + e.quad })
        .bindTooltip(`${e.date} ${e.source} ${e.code} ${e.target || ""}`)
        .on("click", () => showEvidence(e.event_id))
        .addTo(markers);
      continue;
    }
    const lat = group.reduce((a, x) => a + x.lat, 0) / group.length;
    const lon = group.reduce((a, x) => a + x.lon, 0) / group.length;
    const icon = L.divIcon({ className: "cluster-icon",
                             html: `<span class="cluster" data-count="${group.length}">${group.length}</span>` });
    L.marker([lat, lon], { icon }).on("click", () => map.setView([lat, lon], map.getZoom() + 2)).addTo(markers);
  }
}
map.on("zoomend", drawMarkers);

// Many markers in one place are drawn as one, with their number, until the map is zoomed in.
function clustered(events) {
  const size = 8 / Math.pow(2, map.getZoom() - 3);  // degrees per cell
  const cells = new Map();
  for (const e of events) {
    if (e.lat === null || e.lon === null) continue;
    const key = Math.round(e.lat / size) + ":" + Math.round(e.lon / size);
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(e);
  }
  return [...cells.values()];
}

async function showEvidence(id) {
  const event = await api("/v1/events/" + id);
  const panel = document.getElementById("evidence-panel");
  const box = document.getElementById("evidence");
  box.replaceChildren();
  const head = document.createElement("p");
  head.className = "event-head";
  head.textContent = `${event.date} · ${event.source} → ${event.target || "–"} · CAMEO ${event.code}` +
                     (event.place ? ` · ${event.place}` : "");
  box.append(head);
  for (const m of event.mentions) {
    const p = document.createElement("p");
    p.className = "sentence";
    p.lang = "ar";
    p.dir = "rtl";
    p.append(markedText(m.sentence, [
      { kind: "trigger", span: m.trigger_span }, { kind: "source", span: m.source_span },
      { kind: "target", span: m.target_span }, { kind: "place", span: m.place_span }]));
    const link = document.createElement("a");
    link.href = "article.html?id=" + encodeURIComponent(m.article_id);
    link.textContent = m.title || m.article_id;
    link.className = "article-link";
    box.append(p, link);
  }
  panel.hidden = false;
  location.hash = "event=" + id;
}

document.getElementById("close-evidence").addEventListener("click", () => {
  document.getElementById("evidence-panel").hidden = true;
  history.replaceState(null, "", location.pathname + location.search);
});

// Search as you type over actors.
form.actor.addEventListener("input", async () => {
  const q = form.actor.value.trim();
  if (q.length < 2) return;
  const { actors } = await api("/v1/actors?q=" + encodeURIComponent(q));
  const list = document.getElementById("actor-list");
  list.replaceChildren(...actors.map((a) => new Option(a.name ? `${a.code} ${a.name}` : a.code, a.code)));
});

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  load().catch(showError);
});

function showError(err) {
  document.getElementById("count").textContent = "— " + err.message;
}

// Filters from the address (?dyad=MAR,ESP), so that a view can be shared.
for (const [k, v] of new URLSearchParams(location.search)) if (form[k]) form[k].value = v;
load().catch(showError);
