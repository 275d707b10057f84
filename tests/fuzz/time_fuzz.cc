// Fuzz target: date expressions. The first three bytes give the publication date (or none), the rest is a
// time expression as `rasad time resolve` reads it ("الاثنين الماضي", "27 يوليو 2021", "أمس"). Runs
// ResolveExpression, ParseDateLine and ParseIsoDate, and checks that every date they return is a real one at
// its precision (a month 1-12, a day that exists in it) and plausible for the publication date.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.h"
#include "text/normalize.h"
#include "time/date.h"
#include "time/expression.h"

namespace {

void CheckDate(const rasad::Date& d) {
  if (!d.valid()) return;
  RASAD_FUZZ_CHECK(d.month >= 0 && d.month <= 12 && d.day >= 0 && d.day <= 31);
  if (d.day > 0) RASAD_FUZZ_CHECK(d.month > 0 && rasad::IsValidDay(d.year, d.month, d.day));
  RASAD_FUZZ_CHECK(!d.ToString().empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rasad;
  const Lexicon& lexicon = fuzz::SharedLexicon();
  if (size < 3) return 0;
  Date published;
  if (data[0] != 0) published = Date{1950 + data[0] % 120, 1 + data[1] % 12, 1 + data[2] % 28};
  const std::string_view text(reinterpret_cast<const char*>(data) + 3, size - 3);

  const Date resolved = ResolveExpression(text, published, lexicon);
  CheckDate(resolved);
  if (resolved.valid()) RASAD_FUZZ_CHECK(PlausibleEventDate(resolved, published));
  CheckDate(ParseDateLine(Normalize(text).text(), lexicon));
  CheckDate(ParseIsoDate(text));
  if (published.valid()) {
    CheckDate(AddDays(published, static_cast<int8_t>(data[1]) * 400));
    RASAD_FUZZ_CHECK(Weekday(published) >= 0 && Weekday(published) <= 6);
  }
  return 0;
}
