// Fuzz target: the article readers. Any bytes go through ArticleReader::ReadBuffer as a file's content would
// (plain text, JSON Lines, HTML, gzip of these, detected from the content), through the HTML page reader
// directly, and through RepairUtf8 and FindDateline. Checks that every article's offsets lie inside its text
// and that its text is valid UTF-8 (the reader repairs bad bytes before anything else sees them).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "input/html.h"
#include "input/reader.h"

namespace rasad {
namespace {

void CheckArticle(const Article& a) {
  RASAD_FUZZ_CHECK(a.body_offset <= a.text.size());
  RASAD_FUZZ_CHECK(a.dateline_end >= a.body_offset && a.dateline_end <= a.text.size());
  RASAD_FUZZ_CHECK(fuzz::IsValidUtf8(a.text));
  RASAD_FUZZ_CHECK(fuzz::IsValidUtf8(a.title));
  if (a.published.valid()) RASAD_FUZZ_CHECK(a.published.month >= 0 && a.published.month <= 12);
}

}  // namespace
}  // namespace rasad

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rasad;
  const Lexicon& lexicon = fuzz::SharedLexicon();
  const std::string content(reinterpret_cast<const char*>(data), size);

  ArticleReader reader(lexicon, Date{2021, 7, 27}, [](ArticleReader::Severity, const std::string& message) {
    RASAD_FUZZ_CHECK(!message.empty());
  });
  reader.ReadBuffer(content, "fuzz.jsonl", [](Article&& a) { CheckArticle(a); });

  // The page reader directly, whether or not the content looks like a page (the reader above asks first).
  HtmlPage page;
  ReadHtmlPage(content, &page);

  std::string repaired = content;
  size_t first_bad = 0;
  const size_t bad = RepairUtf8(&repaired, &first_bad);
  RASAD_FUZZ_CHECK(fuzz::IsValidUtf8(repaired));
  if (bad == 0) {
    RASAD_FUZZ_CHECK(repaired == content);
  } else {
    RASAD_FUZZ_CHECK(first_bad < content.size());
  }
  RASAD_FUZZ_CHECK(FindDateline(repaired) <= repaired.size());
  return 0;
}
