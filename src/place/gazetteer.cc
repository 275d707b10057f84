// Place lookup and ranking over the lexicon's gazetteer tables. Lookups are bounded (a name has at most
// kMaxPlaceWords words), so finding places costs linear time in the sentence. Tested in gazetteer_test.cc.
#include "place/gazetteer.h"

#include <algorithm>
#include <cmath>

#include "text/normalize.h"
#include "text/token.h"

namespace rasad {
namespace {

constexpr int kMaxPlaceWords = 5;       // مخيم عين الحلوة للاجئين الفلسطينيين: the longest names in the gazetteer
constexpr double kContextBonus = 3.0;   // a place in a country the article names
constexpr double kDatelineCity = 3.0;   // a dateline names the city it was filed from

// What a written word may be without its proclitics: as written, without و/ف, and without ب/ل/ك after them
// (للقاهرة "to Cairo": ل + القاهرة).
int Readings(std::string_view key, std::string_view out[3]) {
  int n = 0;
  out[n++] = key;
  auto starts = [](std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; };
  std::string_view rest = key;
  if ((starts(rest, "و") || starts(rest, "ف")) && rest.size() > 6) {
    rest.remove_prefix(2);
    out[n++] = rest;
  }
  if ((starts(rest, "ب") || starts(rest, "ك") || starts(rest, "ل")) && rest.size() > 6 && !starts(rest, "لل")) {
    rest.remove_prefix(2);
    if (n < 3) out[n++] = rest;
    else out[2] = rest;
  }
  return n;
}

bool IsPlacePrep(const Lexicon& lex, const Word& w) {
  // The hits of the word's key and of its chosen stem, looked up when the sentence was segmented.
  const std::span<const LexHit> stem_hits =
      w.chosen >= 0 && static_cast<size_t>(w.chosen) < w.lookups.size() ? w.lookups[w.chosen].hits : std::span<const LexHit>();
  for (std::span<const LexHit> hits : {w.key_hits, stem_hits}) {
    for (const LexHit& h : hits) {
      // Also a name head: the city of جامعة الخرطوم، ميناء بيروت، مؤتمر برلين is where its people or event are.
      if (h.kind == LexHit::Kind::kFunction && (lex.function_word(h.index).cls == FunctionClass::kPlacePrep ||
                                                lex.function_word(h.index).cls == FunctionClass::kNameHead)) {
        return true;
      }
    }
  }
  return false;
}

// The longest place name starting at word `i`, its first word read as `first_key`. Returns the end word (or
// -1) and sets *ids.
int LongestAt(const Lexicon& lex, const SentenceMentions& m, int i, std::string_view first_key,
              std::span<const uint32_t>* ids) {
  std::string key(first_key);
  int best = -1;
  const int n = static_cast<int>(m.words.size());
  for (int j = i; j < n && j < i + kMaxPlaceWords; ++j) {
    if (j > i) {
      if (m.words[j].kind != TokenKind::kWord) break;
      key += ' ';
      key += m.words[j].key;
    }
    if (std::span<const uint32_t> found = lex.FindPlaces(key); !found.empty()) {
      *ids = found;
      best = j + 1;
    }
    if (!lex.HasLongerPlace(key)) break;
  }
  return best;
}

}  // namespace

std::vector<RankedPlace> RankPlaces(const Lexicon& lexicon, std::span<const uint32_t> ids, const PlaceContext& context) {
  std::vector<RankedPlace> ranked;
  ranked.reserve(ids.size());
  for (uint32_t id : ids) {
    const Place p = lexicon.place(id);
    double score = std::log10(static_cast<double>(p.population) + 10.0);
    switch (p.feature) {
      case Place::Feature::kCountry: score += context.dateline ? 0.0 : 2.5; break;
      case Place::Feature::kRegion: score += 1.0; break;
      case Place::Feature::kCity: score += context.dateline ? 1.0 + kDatelineCity : 1.0; break;
      case Place::Feature::kSite: score += 1.5; break;
    }
    if (std::find(context.countries.begin(), context.countries.end(), p.country) != context.countries.end()) {
      score += kContextBonus;
    }
    ranked.push_back({id, score});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const RankedPlace& a, const RankedPlace& b) { return a.score > b.score; });
  return ranked;
}

std::span<const uint32_t> LookupPlace(const Lexicon& lexicon, std::string_view name) {
  const std::string key = PhraseKey(name);
  if (key.empty()) return {};
  if (std::span<const uint32_t> ids = lexicon.FindPlaces(key); !ids.empty()) return ids;
  const size_t space = key.find(' ');
  std::string_view readings[3];
  const int n = Readings(std::string_view(key).substr(0, space), readings);
  for (int r = 1; r < n; ++r) {
    std::string alt(readings[r]);
    if (space != std::string::npos) alt += key.substr(space);
    if (std::span<const uint32_t> ids = lexicon.FindPlaces(alt); !ids.empty()) return ids;
  }
  return {};
}

void FindPlaces(const Lexicon& lexicon, SentenceMentions* m) {
  const int n = static_cast<int>(m->words.size());
  for (int i = 0; i < n;) {
    const Word& w = m->words[i];
    if (w.kind != TokenKind::kWord || !w.arabic) {
      ++i;
      continue;
    }
    const bool after_prep = i > 0 && IsPlacePrep(lexicon, m->words[i - 1]);
    std::string_view readings[3];
    const int count = Readings(w.key, readings);
    int end = -1;
    std::span<const uint32_t> ids;
    for (int r = 0; r < count && end < 0; ++r) {
      // Marked as a place: after a place preposition (any reading), or with a stripped ب (بحلب).
      const bool locative_b = r > 0 && readings[r].size() + 2 <= w.key.size() &&
                              w.key.substr(w.key.size() - readings[r].size() - 2, 2) == "ب";
      if (!after_prep && !locative_b) continue;
      end = LongestAt(lexicon, *m, i, readings[r], &ids);
    }
    if (end < 0) {
      ++i;
      continue;
    }
    // A name that is a party here (اتصل بواشنطن "called Washington") is no place.
    bool party = false;
    for (const ActorMention& a : m->actors) {
      if (a.first < end && i < a.last && !a.place) party = true;
    }
    if (!party) m->places.push_back({i, end, ids});
    i = end;
  }
}

bool FindDatelinePlace(const Lexicon& lexicon, const SentenceMentions& m, PlaceMention* out) {
  const int n = static_cast<int>(m.words.size());
  for (int i = 0; i < n; ++i) {
    if (m.words[i].kind != TokenKind::kWord || !m.words[i].arabic) continue;
    std::span<const uint32_t> ids;
    const int end = LongestAt(lexicon, m, i, m.words[i].key, &ids);
    if (end > 0) {
      *out = {i, end, ids};
      return true;
    }
  }
  return false;
}

}  // namespace rasad
