// Clitic segmentation of Arabic words, checked against a vocabulary.
//
// Method. Generate and test. The word's match key is looked up first; a known whole word is never cut. Else
// every proclitic chain the word starts with (conjunction و/ف, then ب/ل/ك or the future marker س, 15 chains
// with the empty one) is paired with every enclitic it ends with, and the middle becomes a stem candidate;
// the vocabulary decides which candidates survive. MatchKey() maps each folded letter to one of the same
// byte length, so the key can be cut at the word's byte offsets, while the clitic tests themselves look at
// the written word: a final ة folds to ه in the key but is not the enclitic ه, and a final ى folds to ي
// but is not the enclitic ي. Two rewrites add candidates: after the preposition ل a stem written with one
// lam may have lost the article's alef (للجزائر = ل + الجزائر) or the article's whole alef-lam before a lam
// (للجنة = ل + اللجنة), and before an enclitic a final ت may be a teh marbuta (زيارته = زيارة + ه) and a
// final ئ or ؤ may be a final hamza that took a seat (لقائه, لقاؤه = لقاء + ه). The
// candidates are few (at most a few dozen per word), so the cost is the vocabulary lookups.
//
// Tested in clitics_test.cc.
#include "text/clitics.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include "text/normalize.h"

namespace rasad {
namespace {

constexpr std::string_view kArticle = "ال";  // the definite article
constexpr std::string_view kAlef = "ا";      // alef, the article's first letter
constexpr std::string_view kLam = "ل";       // lam, the preposition li and the article's second letter
constexpr std::string_view kTeh = "ت";       // teh, what teh marbuta becomes before an enclitic
constexpr std::string_view kHeh = "ه";       // heh, teh marbuta's match key
constexpr std::string_view kFuture = "س";    // future marker, sa-
constexpr std::string_view kHamza = "ء";     // hamza on the line, as a word ends in it
constexpr std::string_view kYehHamza = "ئ";  // hamza on yeh, its seat before an i-vowelled enclitic
constexpr std::string_view kWawHamza = "ؤ";  // hamza on waw, its seat before a u-vowelled enclitic

constexpr std::array<std::string_view, 3> kConjunctions = {"", "و", "ف"};  // -, wa "and", fa "so"
// -, bi "with/in", li "for/to", ka "like", sa (future)
constexpr std::array<std::string_view, 5> kParticles = {"", "ب", "ل", "ك", "س"};
// The empty enclitic first, so that analyses with fewer clitics are generated first.
constexpr std::array<std::string_view, 13> kEnclitics = {
    "",                             //
    "ه", "ها", "هما", "هم", "هن",   // his, her, their (dual), their (m.), their (f.)
    "ك", "كما", "كم", "كن",         // your (sg.), your (dual), your (m. pl.), your (f. pl.)
    "نا", "ني", "ي"};               // our/us, me, my

size_t CountLetters(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// True when a stem key begins with the article and keeps at least two letters after it.
bool HasArticle(std::string_view stem_key) {
  return stem_key.starts_with(kArticle) && CountLetters(stem_key.substr(kArticle.size())) >= 2;
}

// True when the future marker may stand before `rest`: an imperfect verb prefix follows, ي ya- (he),
// ت ta- (she, you), ن na- (we) or أ a- (I).
bool TakesFuture(std::string_view rest) {
  return rest.starts_with("ي") || rest.starts_with("ت") || rest.starts_with("ن") || rest.starts_with("أ");
}

}  // namespace

Analysis Analysis::Make(std::string_view prefix, std::string_view stem, std::string_view suffix,
                        bool has_article) {
  Analysis a;
  // Emptied with substr(0, 0), not {}: memcpy from a null pointer is undefined even for 0 bytes.
  if (prefix.size() + stem.size() + suffix.size() > kCapacity) stem = stem.substr(0, 0);
  if (prefix.size() + suffix.size() > kCapacity) prefix = prefix.substr(0, 0), suffix = suffix.substr(0, 0);
  std::memcpy(a.text_, prefix.data(), prefix.size());
  std::memcpy(a.text_ + prefix.size(), stem.data(), stem.size());
  std::memcpy(a.text_ + prefix.size() + stem.size(), suffix.data(), suffix.size());
  a.prefix_len_ = static_cast<uint8_t>(prefix.size());
  a.stem_len_ = static_cast<uint8_t>(stem.size());
  a.suffix_len_ = static_cast<uint8_t>(suffix.size());
  a.has_article_ = has_article;
  return a;
}

void Segment(std::string_view normalized_word, const Vocabulary& known, std::vector<Analysis>* out) {
  const std::string_view word = normalized_word;
  // Scratch kept per thread, so that a word costs no allocation once these have grown.
  thread_local std::string key;
  thread_local std::string stem;
  thread_local std::vector<std::pair<size_t, Analysis>> found;  // (number of clitics, analysis)
  key.clear();
  AppendMatchKey(word, &key);
  out->clear();
  if (known(key)) {
    out->push_back(Analysis::Make("", key, "", HasArticle(key)));
    return;
  }
  found.clear();
  for (std::string_view conj : kConjunctions) {
    if (!word.starts_with(conj)) continue;
    for (std::string_view particle : kParticles) {
      if (!word.substr(conj.size()).starts_with(particle)) continue;
      const size_t prefix_len = conj.size() + particle.size();
      for (std::string_view enclitic : kEnclitics) {
        if (prefix_len == 0 && enclitic.empty()) continue;  // the whole word, looked up above
        if (prefix_len + enclitic.size() >= word.size() || !word.ends_with(enclitic)) continue;
        const size_t rest_len = word.size() - prefix_len - enclitic.size();
        const std::string_view rest_word = word.substr(prefix_len, rest_len);
        const std::string_view rest_key = std::string_view(key).substr(prefix_len, rest_len);
        if (particle == kFuture && !TakesFuture(rest_word)) continue;

        auto consider = [&](std::string_view head, std::string_view body, std::string_view tail) {
          stem.assign(head).append(body).append(tail);
          const bool article = HasArticle(stem);
          if (article && !enclitic.empty()) return;  // الكتابه is not الكتاب + ه
          if (CountLetters(stem) < 2 || !known(stem)) return;
          found.push_back({CountLetters(word.substr(0, prefix_len)) + (enclitic.empty() ? 0 : 1),
                           Analysis::Make(word.substr(0, prefix_len), stem, enclitic, article)});
        };
        consider("", rest_key, "");
        if (particle == kLam && rest_key.starts_with(kLam)) {
          consider(kAlef, rest_key, "");     // ل + الجزائر written للجزائر
          consider(kArticle, rest_key, "");  // ل + اللجنة written للجنة
        }
        if (!enclitic.empty() && rest_key.ends_with(kTeh)) {
          consider("", rest_key.substr(0, rest_key.size() - kTeh.size()), kHeh);  // زيارت|ه -> زيارة
        }
        if (!enclitic.empty() && (rest_key.ends_with(kYehHamza) || rest_key.ends_with(kWawHamza))) {
          consider("", rest_key.substr(0, rest_key.size() - kYehHamza.size()), kHamza);  // لقائ|ه -> لقاء
        }
      }
    }
  }
  if (found.empty()) {
    out->push_back(Analysis::Make("", key, "", HasArticle(key)));
    return;
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [clitics, analysis] : found) out->push_back(analysis);
}

std::vector<Analysis> Segment(std::string_view normalized_word, const Vocabulary& known) {
  std::vector<Analysis> out;
  Segment(normalized_word, known, &out);
  return out;
}

std::string_view StripArticle(std::string_view stem_key) {
  return HasArticle(stem_key) ? stem_key.substr(kArticle.size()) : stem_key;
}

}  // namespace rasad
