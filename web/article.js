// An article as stored, with the words of its events marked: triggers, sources, targets and places (spans are UTF-8
// byte offsets into the article's text, from GET /v1/articles/{id}).
"use strict";

async function main() {
  const id = new URLSearchParams(location.search).get("id");
  const r = await fetch("/v1/articles/" + encodeURIComponent(id));
  const a = await r.json();
  const box = document.getElementById("article");
  if (!r.ok) {
    box.textContent = a.error ? a.error.message : r.statusText;
    return;
  }
  document.getElementById("meta").textContent = [a.published, a.outlet, a.id].filter(Boolean).join(" · ");
  const spans = [];
  for (const e of a.events) {
    for (const [kind, span] of [["trigger", e.trigger_span], ["source", e.source_span], ["target", e.target_span],
                                ["place", e.place_span]]) {
      if (span) spans.push({ kind, span, title: `${e.date} ${e.source} ${e.event_code} ${e.target || ""}` });
    }
  }
  box.append(markedText(a.text, spans));
}

main();
