// Gazetteer: finding place names in a sentence and choosing which place a name means.
//
// Place names are looked up apart from actors and triggers (the lexicon keeps them in their own tables), and
// only where the text marks a place: after في "in", قرب "near", شمال "north of" and the other place
// prepositions, with a locative ب (بحلب "in Aleppo"), or in the dateline (الرباط - رويترز). A word that is
// also a place name (الخبر "the news", العين "the eye") is thus read as a place only where a place is meant.
//
// A name may denote several places (طرابلس in Libya and in Lebanon; الجزائر the country and its capital).
// RankPlaces orders them by how likely each is meant: the countries the article names come first, then the
// kind of place (a country's own name means the country in running text, the city in a dateline), then
// population. Tested in gazetteer_test.cc and through `rasad place lookup`.
#ifndef RASAD_PLACE_GAZETTEER_H_
#define RASAD_PLACE_GAZETTEER_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.h"
#include "mention/mentions.h"

namespace rasad {

// What is known around a place name when it is ranked.
struct PlaceContext {
  std::vector<std::string> countries;  // ISO3 codes the article names (as actors or places)
  bool dateline = false;               // the name heads a dateline: a city, not a country
};

struct RankedPlace {
  uint32_t index = 0;  // for Lexicon::place()
  double score = 0;
};

// Returns the places of `ids` ordered best first, with their scores.
std::vector<RankedPlace> RankPlaces(const Lexicon& lexicon, std::span<const uint32_t> ids, const PlaceContext& context);

// Returns the places a written name may denote (normalised as the lexicon's keys), trying the name as written
// and without a leading و/ف and ب/ل/ك ("وبحلب" -> حلب). Empty when none.
std::span<const uint32_t> LookupPlace(const Lexicon& lexicon, std::string_view name);

// Appends to m->places the place names of the analysed sentence `m` that its text marks as places.
void FindPlaces(const Lexicon& lexicon, SentenceMentions* m);

// Finds the first place name among the words of a dateline (no marking needed there). Returns false when none.
bool FindDatelinePlace(const Lexicon& lexicon, const SentenceMentions& m, PlaceMention* out);

}  // namespace rasad

#endif  // RASAD_PLACE_GAZETTEER_H_
