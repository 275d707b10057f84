// Clitic segmentation of Arabic words, checked against a vocabulary.
//
// An Arabic word may carry proclitics and one enclitic: وبالعاصمة = و + ب + ال + عاصمة, لقائه = لقاء + ه.
// Segment() returns the analyses a word allows, each checked against a vocabulary of known match keys, so
// that words whose whole form is a word (بلال "Bilal", والي "governor", كتاب "book", فلسطين "Palestine") are
// not cut.
//
// Proclitic chains, in this order, each part optional: a conjunction و or ف; then either a preposition
// ب, ل or ك, or the future marker س; then the article ال. ل + ال is written لل (للجزائر = ل + الجزائر).
// The article stays part of the stem: the stem of بالجزائر is الجزائر, so that dictionary keys are whole
// written forms. Enclitics: ه ها هما هم هن ك كما كم كن نا ني ي; a stem ending in ت before an enclitic has
// its teh marbuta restored in the key (زيارته -> زيارة + ه, key زياره). A stem that begins with ال takes no
// enclitic. A stem is never shorter than 2 letters.
//
// Details: after ل the stem of لل + X is tried both as ا + لX (للجزائر -> الجزائر) and as ال + لX, for nouns
// that begin with lam (للجنة -> اللجنة), besides the plain لX (لليبيا -> ل + ليبيا); the vocabulary decides.
// A final ت before an enclitic is tried both as written and as ة (بيته -> بيت + ه, زيارته -> زيارة + ه), and a
// final ئ or ؤ both as written and as ء, the hamza having taken a seat (لقائه, لقاؤه -> لقاء + ه). The
// future marker's condition looks at the written word, so أ means hamza-on-alef, not bare ا. "Begins with
// ال" (has_article, StripArticle, the enclitic rule) means ال followed by at least 2 more letters, so that
// الى and the like are not taken for an article. Enclitics are recognised on the written word: a final ة
// or ى is never the enclitic ه or ي even though it folds to one in the key. Analyses with as many clitics
// keep a fixed order: the shorter proclitic chain first, then the enclitics in the order listed above, then
// the written stem before its rewrites.
//
// The rule: if the whole word's key is in the vocabulary, the only analysis is the whole word. Otherwise every
// cut whose stem key is in the vocabulary is returned, fewest clitics first; when none is, the only analysis
// is the whole word (so unknown words pass through unchanged).
//
// Tested in clitics_test.cc.
#ifndef RASAD_TEXT_CLITICS_H_
#define RASAD_TEXT_CLITICS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rasad {

// One way to read a word: its proclitics, stem key and enclitic. A small value with its text inline (no
// heap), so that segmenting a sentence allocates nothing once the caller's vectors have grown.
class Analysis {
 public:
  static constexpr size_t kCapacity = 60;  // bytes of prefix + stem + suffix; real words need at most ~40

  Analysis() = default;
  // Returns the analysis with these parts. When they do not fit, the stem is left empty, which matches
  // nothing (no real word is that long).
  static Analysis Make(std::string_view prefix, std::string_view stem, std::string_view suffix, bool has_article);

  std::string_view prefix() const { return {text_, prefix_len_}; }                    // as written ("وب")
  std::string_view stem() const { return {text_ + prefix_len_, stem_len_}; }           // match key, article kept
  std::string_view suffix() const { return {text_ + prefix_len_ + stem_len_, suffix_len_}; }  // as written ("ه")
  bool has_article() const { return has_article_; }  // the stem begins with ال (after restoring it for لل)

 private:
  char text_[kCapacity];
  uint8_t prefix_len_ = 0;
  uint8_t stem_len_ = 0;
  uint8_t suffix_len_ = 0;
  bool has_article_ = false;
};

// Answers whether a match key is a known word. Must be cheap and thread-safe.
using Vocabulary = std::function<bool(std::string_view key)>;

// Replaces *out with the analyses of one normalised Arabic word (see the file comment); never leaves it
// empty. Allocates nothing once *out has grown (scratch space is per thread).
void Segment(std::string_view normalized_word, const Vocabulary& known, std::vector<Analysis>* out);

// Returns the analyses of one normalised Arabic word; a convenience over the form above.
std::vector<Analysis> Segment(std::string_view normalized_word, const Vocabulary& known);

// Returns `stem_key` without a leading ال ("الزياره" -> "زياره"); the key itself when it has none.
std::string_view StripArticle(std::string_view stem_key);

}  // namespace rasad

#endif  // RASAD_TEXT_CLITICS_H_
