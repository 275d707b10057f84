// `rasad time resolve`: the date an expression denotes for a publication date (time/expression.h).
// Tested by tests/time_test.py against tests/time/cases.tsv.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "time/date.h"
#include "time/expression.h"

namespace rasad {

int RunTimeResolve(const TimeOptions& options) {
  auto engine = OpenEngine(options.lexicon);
  if (!engine.ok()) {
    std::fprintf(stderr, "rasad: error: %s\n", engine.status().message().c_str());
    return 2;
  }
  Date published;
  if (!options.pub.empty()) {
    published = ParseIsoDate(options.pub);
    if (!published.valid() || published.day == 0 || options.pub.size() != 10) {
      std::fprintf(stderr, "rasad: error: --pub wants YYYY-MM-DD, not '%s'\n", options.pub.c_str());
      return 2;
    }
  }
  const Date date = ResolveExpression(options.expression, published, engine.value()->lexicon());
  if (options.json) {
    nlohmann::ordered_json j;
    j["date"] = date.valid() ? nlohmann::ordered_json(date.ToString()) : nlohmann::ordered_json(nullptr);
    if (date.valid()) j["precision"] = date.precision();
    std::printf("%s\n", j.dump().c_str());
  } else if (date.valid()) {
    std::printf("%s\t%s\n", date.ToString().c_str(), date.precision());
  } else {
    std::printf("%s: no date\n", options.expression.c_str());
  }
  return date.valid() ? 0 : 1;
}

}  // namespace rasad
