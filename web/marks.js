// Text with some of its spans marked, for the dashboard (app.js) and the article view (article.js).
"use strict";

// Returns a fragment of `text` with each span marked: spans are {kind, span: [begin, end], title}, the span in
// UTF-8 byte offsets into `text` (as the API gives them), kind the mark's class, title its tooltip (else kind).
// A span that overlaps one before it or lies outside the text is left out, so each word is shown once.
function markedText(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const marks = spans.filter((s) => s.span).sort((a, b) => a.span[0] - b.span[0]);
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const m of marks) {
    const [b, e] = m.span;
    if (b < at || e > bytes.length) continue;
    frag.append(decoder.decode(bytes.slice(at, b)));
    const mark = document.createElement("mark");
    mark.className = m.kind;
    mark.title = m.title || m.kind;
    mark.textContent = decoder.decode(bytes.slice(b, e));
    frag.append(mark);
    at = e;
  }
  frag.append(decoder.decode(bytes.slice(at)));
  return frag;
}
