// Event: one coded political event, with the evidence that justifies it.
#ifndef RASAD_EVENT_H_
#define RASAD_EVENT_H_

#include <string>
#include <vector>

#include "rasad/article.h"

namespace rasad {

// A half-open byte span of Article::text; empty (begin == end) when absent.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return begin == end; }
};

// An actor as coded: CAMEO code = country (3 letters) + roles.
struct Actor {
  std::string code;                // "DZAGOV"
  std::string country;             // "DZA"; empty for actors with no country (IGOs)
  std::vector<std::string> roles;  // {"GOV"}
  std::string name;                // the dictionary's name for it ("Ramtane Lamamra", "Algeria")
  Span span;                       // where it is written in the article
};

// Where an event happened: a place of the gazetteer (GeoNames facts, data/places*.tsv).
struct Location {
  std::string name;          // as written in the article ("بالرباط" -> "الرباط" is the gazetteer's name)
  std::string written;       // the words as written
  uint32_t geonames_id = 0;  // 0 when GeoNames has none
  std::string feature;       // "country", "region", "city" or "site"
  std::string country;       // ISO 3166-1 alpha-3
  double lat = 0, lon = 0;
  Span span;                 // where it is written (in the dateline for a dateline's place)
  std::string how;           // "clause", "sentence" or "dateline": where it was taken from

  bool present() const { return !country.empty(); }
};

struct Event {
  std::string article_id;
  Date date;                 // the event's own date at its precision
  Actor source;
  Actor target;              // target.code empty when the event has none
  std::string event_code;    // "042"
  std::string event_root;    // "04"
  int quad_class = 0;        // 1 verbal cooperation .. 4 material conflict
  double goldstein = 0;
  int sentence = 0;          // index of the sentence in the article (0-based)
  Span sentence_span;        // the sentence in the original text
  Span trigger;              // the words that express the action: the verb or the verbal noun
  Span trigger_object;       // a light verb's object noun (عقد ... اجتماعا "held ... a meeting"); empty when none
  std::string trigger_text;  // the trigger as written; "verb … object" for a light verb
  std::string rule;          // which construction attributed the actors ("nominal", "vso", ...)
  int mentions = 1;          // how many sentences of the article report this event
  double confidence = 0;     // in [0, 1]: how surely the construction and the actors support the event
  Location location;         // absent (country empty) when the text names no place for it
};

// Events below this confidence are left out of the default output (`rasad code --all` keeps them).
inline constexpr double kMinConfidence = 0.5;

}  // namespace rasad

#endif  // RASAD_EVENT_H_
