// `rasad place lookup`: which place a name denotes, with the gazetteer's ranking (place/gazetteer.h).
// Tested by tests/place_test.py against tests/place/cases.tsv.
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "lexicon/lexicon.h"
#include "place/gazetteer.h"

namespace rasad {
namespace {

nlohmann::ordered_json PlaceJson(const Place& p) {
  nlohmann::ordered_json j;
  j["name"] = std::string(p.name);
  j["geonames_id"] = p.geonames_id == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(p.geonames_id);
  j["country"] = std::string(p.country);
  j["lat"] = std::round(static_cast<double>(p.lat) * 10000) / 10000;
  j["lon"] = std::round(static_cast<double>(p.lon) * 10000) / 10000;
  j["feature"] = FeatureName(p.feature);
  return j;
}

}  // namespace

int RunPlaceLookup(const PlaceOptions& options) {
  auto engine = OpenEngine(options.lexicon);
  if (!engine.ok()) {
    std::fprintf(stderr, "rasad: error: %s\n", engine.status().message().c_str());
    return 2;
  }
  const Lexicon& lex = engine.value()->lexicon();
  PlaceContext context;
  context.countries = options.countries;
  context.dateline = options.dateline;
  const std::vector<RankedPlace> ranked = RankPlaces(lex, LookupPlace(lex, options.name), context);
  if (options.json) {
    nlohmann::ordered_json j;
    if (ranked.empty()) {
      j["name"] = nullptr;
    } else {
      j = PlaceJson(lex.place(ranked.front().index));
      if (options.all) {
        nlohmann::ordered_json all = nlohmann::ordered_json::array();
        for (const RankedPlace& r : ranked) {
          nlohmann::ordered_json c = PlaceJson(lex.place(r.index));
          c["score"] = std::round(r.score * 100) / 100;
          all.push_back(std::move(c));
        }
        j["candidates"] = std::move(all);
      }
    }
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    return ranked.empty() ? 1 : 0;
  }
  if (ranked.empty()) {
    std::printf("%s: no place\n", options.name.c_str());
    return 1;
  }
  for (size_t i = 0; i < ranked.size() && (i == 0 || options.all); ++i) {
    const Place p = lex.place(ranked[i].index);
    std::printf("%s%.*s\t%s\t%s\t%.4f\t%.4f\tgeonames %u\tscore %.2f\t%.*s\n", i == 0 ? "" : "  ",
                static_cast<int>(p.name.size()), p.name.data(), FeatureName(p.feature), std::string(p.country).c_str(),
                p.lat, p.lon, p.geonames_id, ranked[i].score, static_cast<int>(p.origin.size()), p.origin.data());
  }
  return 0;
}

}  // namespace rasad
