// Fuzz target: normalisation and segmentation. Any bytes are normalised, split into sentences, tokenised,
// and each Arabic word is segmented into clitics against the real vocabulary. Checks the contracts of
// normalize.h, sentence.h, token.h and clitics.h: the output is valid UTF-8 with only ' ' and '\n' for
// whitespace, the map back to the original is monotonic and inside it, sentences and tokens are ordered
// non-empty spans on character boundaries inside the text, and every analysis is a cut of its word.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_common.h"
#include "text/clitics.h"
#include "text/normalize.h"
#include "text/sentence.h"
#include "text/token.h"

namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool OnBoundary(std::string_view s, size_t at) { return at == s.size() || !IsContinuation(s[at]); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rasad;
  const Lexicon& lexicon = fuzz::SharedLexicon();
  const std::string_view original(reinterpret_cast<const char*>(data), size);

  const NormalizedText norm = Normalize(original);
  const std::string& text = norm.text();
  RASAD_FUZZ_CHECK(fuzz::IsValidUtf8(text));
  if (fuzz::IsValidUtf8(original)) RASAD_FUZZ_CHECK(norm.invalid_count() == 0);
  if (norm.invalid_count() > 0) RASAD_FUZZ_CHECK(norm.first_invalid_offset() < original.size());
  for (char c : text) RASAD_FUZZ_CHECK(c != '\t' && c != '\r' && c != '\v' && c != '\f');
  size_t previous = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const size_t at = norm.OriginalOffset(i);
    RASAD_FUZZ_CHECK(at >= previous && at <= original.size());
    RASAD_FUZZ_CHECK(norm.OriginalEnd(i) >= at && norm.OriginalEnd(i) <= original.size());
    previous = at;
  }
  RASAD_FUZZ_CHECK(norm.OriginalOffset(text.size()) == original.size());

  const std::vector<SentenceSpan> sentences = SplitSentences(text);
  size_t last_end = 0;
  int last_paragraph = 0;
  std::vector<Token> tokens;
  std::vector<Analysis> analyses;
  const Vocabulary known = [&](std::string_view key) { return lexicon.Known(key); };
  for (const SentenceSpan& s : sentences) {
    RASAD_FUZZ_CHECK(s.begin >= last_end && s.begin < s.end && s.end <= text.size());
    RASAD_FUZZ_CHECK(s.paragraph >= last_paragraph);
    RASAD_FUZZ_CHECK(OnBoundary(text, s.begin) && OnBoundary(text, s.end));
    RASAD_FUZZ_CHECK(text[s.begin] != ' ' && text[s.end - 1] != ' ');
    last_end = s.end;
    last_paragraph = s.paragraph;

    tokens.clear();
    Tokenize(text, s.begin, s.end, &tokens);
    size_t token_end = s.begin;
    for (const Token& t : tokens) {
      RASAD_FUZZ_CHECK(t.begin >= token_end && t.begin < t.end && t.end <= s.end);
      RASAD_FUZZ_CHECK(OnBoundary(text, t.begin) && OnBoundary(text, t.end));
      const std::string_view word(text.data() + t.begin, t.end - t.begin);
      RASAD_FUZZ_CHECK(word.find(' ') == std::string_view::npos && word.find('\n') == std::string_view::npos);
      token_end = t.end;
      if (t.kind != TokenKind::kWord || !t.arabic) continue;
      const std::string key = MatchKey(word);
      RASAD_FUZZ_CHECK(fuzz::IsValidUtf8(key));
      Segment(word, known, &analyses);
      RASAD_FUZZ_CHECK(!analyses.empty());
      for (const Analysis& a : analyses) {
        RASAD_FUZZ_CHECK(word.substr(0, a.prefix().size()) == a.prefix());
        RASAD_FUZZ_CHECK(a.suffix().size() <= word.size() &&
                         word.substr(word.size() - a.suffix().size()) == a.suffix());
        RASAD_FUZZ_CHECK(fuzz::IsValidUtf8(a.stem()));
      }
    }
  }
  // Normalising twice changes nothing more.
  RASAD_FUZZ_CHECK(Normalize(text).text() == text);
  return 0;
}
