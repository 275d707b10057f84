// Writers of coded events: JSON Lines (the contract read by score.py and the store) and a terminal table.
//
// One JSON object per event:
//   {"article_id", "date" ("YYYY-MM-DD" | "YYYY-MM" | "YYYY" | null), "date_precision" ("day" | "month" |
//    "year" | "none"), "source": {"code", "country", "roles", "name", "text"}, "target": same or null,
//    "event_code", "event_root", "quad_class", "goldstein", "location" (null), "sentence", "trigger",
//    "mentions", "rule", "evidence": {"sentence", "sentence_span", "trigger", "object", "source", "target"}}
// ("object": a light verb's object noun, else null)
// where the spans are [begin, end) byte offsets into the article's original text. Tested in writer_test.cc.
#ifndef RASAD_OUTPUT_WRITER_H_
#define RASAD_OUTPUT_WRITER_H_

#include <string>
#include <vector>

#include "rasad/article.h"
#include "rasad/event.h"

namespace rasad {

// Returns the JSON line of one event of `article` (without the trailing newline).
std::string EventToJson(const Event& event, const Article& article);

// Returns the JSON line of one actor mention: {"article_id", "code", "country", "roles", "name", "text", "span"}.
std::string ActorToJson(const Actor& actor, const Article& article);

// Returns the header row and a separator of the events table.
std::string TableHeader();
// Returns the table rows of `events` (each ends with a newline).
std::string EventsToTable(const std::vector<Event>& events);

}  // namespace rasad

#endif  // RASAD_OUTPUT_WRITER_H_
