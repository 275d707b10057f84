// Questions to the event store: filters shared by query, series, top and export, turned into SQL with bound
// parameters (never spliced text). Results are rows of named columns, which the front ends print as a table,
// JSON or CSV. Tested in tests/store_test.py through the CLI.
#ifndef RASAD_STORE_QUERY_H_
#define RASAD_STORE_QUERY_H_

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rasad/status.h"
#include "store/store.h"

namespace rasad {

class Lexicon;

struct EventFilter {
  std::vector<std::string> actors;    // an actor code or its prefix (DZA, DZAGOV) as source or target
  std::string dyad_a, dyad_b;         // both, either way round
  std::vector<std::string> countries; // ISO3 of source or target
  std::vector<std::string> codes;     // CAMEO codes, exact
  std::vector<std::string> roots;     // CAMEO roots (two digits)
  std::vector<int> quads;             // quad classes 1-4
  std::string since, until;           // YYYY[-MM[-DD]]: the event's period overlaps [since, until]
  std::string place;                  // a place name (resolved through the gazetteer) or its country
  std::optional<double> near_lat, near_lon, near_km;
  std::string text;                   // full-text search in the articles that report the event
  bool all = false;                   // also events below the default confidence
  std::string after;                  // a page cursor ("day|event_id" of the last event of the previous page)
};

// Parses "A,B" dyads and "LAT,LON,KM"; returns an error for malformed ones.
Status ParseDyad(const std::string& text, EventFilter* filter);
Status ParseNear(const std::string& text, EventFilter* filter);

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // SQL NULL as ""
};

// Events that pass the filter, newest first, at most `limit` (0: all). With `mentions`, one row per mention.
Result<Table> QueryEvents(const Store& store, const Lexicon& lexicon, const EventFilter& filter, bool mentions,
                          size_t limit);

// Counts, Goldstein sum and mean and the four quad-class counts per period: "day", "week" or "month".
Result<Table> Series(const Store& store, const Lexicon& lexicon, const EventFilter& filter, const std::string& by);

// The most frequent actors, dyads, codes, countries (as source or target) or places ("actors", "dyads",
// "codes", "countries", "places") among the events.
Result<Table> Top(const Store& store, const Lexicon& lexicon, const EventFilter& filter, const std::string& what,
                  size_t limit);

// Every column of the events that pass the filter, with the first reporting article's url and ingestion time
// and the earliest sentence that reports each (for exports), oldest first.
Result<Table> ExportEvents(const Store& store, const Lexicon& lexicon, const EventFilter& filter);

// The rows of `table` as JSON objects (counts, scores and coordinates as numbers; codes, dates, names as strings).
nlohmann::ordered_json TableJson(const Table& table);

// Writes `table` as an aligned text table, JSON Lines (one object per row) or CSV (RFC 4180).
std::string FormatTable(const Table& table, const std::string& format);

}  // namespace rasad

#endif  // RASAD_STORE_QUERY_H_
