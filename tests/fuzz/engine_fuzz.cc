// Fuzz target: the whole engine on one input, text in and events out, as `rasad code` runs it: the bytes are
// read as a file's content (plain text, JSON Lines or HTML), each article is coded with the real compiled
// lexicon, and each event written as JSON. Checks that every span of every event and actor lies inside the
// article's text on character boundaries and that the figures stay in their ranges.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_common.h"
#include "input/reader.h"
#include "output/writer.h"
#include "rasad/engine.h"

namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void CheckSpan(const rasad::Span& s, const std::string& text) {
  RASAD_FUZZ_CHECK(s.begin <= s.end && s.end <= text.size());
  RASAD_FUZZ_CHECK(s.begin == text.size() || !IsContinuation(text[s.begin]));
  RASAD_FUZZ_CHECK(s.end == text.size() || !IsContinuation(text[s.end]));
}

const rasad::Engine& SharedEngine() {
  static const std::shared_ptr<const rasad::Engine>* engine = [] {
    auto opened = rasad::Engine::OpenCompiled(RASAD_DEFAULT_LEXICON, "");
    if (!opened.ok()) opened = rasad::Engine::Open(RASAD_DEFAULT_DATA_DIR);
    if (!opened.ok()) {
      std::fprintf(stderr, "fuzz: no engine: %s\n", opened.status().message().c_str());
      std::abort();
    }
    return new std::shared_ptr<const rasad::Engine>(opened.value());
  }();
  return **engine;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rasad;
  const Engine& engine = SharedEngine();
  const std::string content(reinterpret_cast<const char*>(data), size);
  ArticleReader reader(engine.lexicon(), Date{2021, 7, 27}, [](ArticleReader::Severity, const std::string&) {});
  reader.ReadBuffer(content, "fuzz.txt", [&](Article&& article) {
    std::vector<std::string> diagnostics;
    std::vector<Actor> actors;
    std::string explain;
    Engine::Stats stats;
    stats.actors = &actors;
    if (size % 4 == 0) stats.explain = &explain;  // the explanation walks the analysis once more
    const std::vector<Event> events = engine.Code(article, &diagnostics, &stats);
    for (const Actor& a : actors) CheckSpan(a.span, article.text);
    for (const Event& e : events) {
      CheckSpan(e.sentence_span, article.text);
      CheckSpan(e.trigger, article.text);
      CheckSpan(e.trigger_object, article.text);
      CheckSpan(e.source.span, article.text);
      if (!e.target.code.empty()) CheckSpan(e.target.span, article.text);
      if (e.location.present()) CheckSpan(e.location.span, article.text);
      RASAD_FUZZ_CHECK(!e.event_code.empty() && !e.source.code.empty());
      RASAD_FUZZ_CHECK(e.quad_class >= 1 && e.quad_class <= 4);
      RASAD_FUZZ_CHECK(e.confidence >= 0 && e.confidence <= 1);
      RASAD_FUZZ_CHECK(e.mentions >= 1);
      RASAD_FUZZ_CHECK(fuzz::IsValidUtf8(EventToJson(e, article)));
    }
    (void)EventsToTable(events);
  });
  return 0;
}
