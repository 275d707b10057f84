// ResolveExpression: a date line first (ParseDateLine), else the time words of the text as the mention stage
// finds them, resolved as the engine resolves them. Tested by tests/time_test.py.
#include "time/expression.h"

#include "mention/mentions.h"
#include "text/normalize.h"
#include "time/date.h"
#include "time/resolve.h"

namespace rasad {
namespace {

constexpr int kMaxYearsAhead = 10;
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2100;

// Returns whether a word reads as a verb with the future prefix سـ (ستبدأ "will begin", سيزور "will visit"):
// سـ, an imperfect prefix, a stem of three letters or more, and no noun ending (سيارة "car", سنوات "years").
bool LooksLikeFutureVerb(std::string_view key) {
  auto starts = [&](std::string_view p) { return key.substr(0, p.size()) == p; };
  auto ends = [&](std::string_view p) { return key.size() >= p.size() && key.substr(key.size() - p.size()) == p; };
  if (!(starts("سي") || starts("ست") || starts("سن")) || key.size() < 5 * 2) return false;
  return !ends("ه") && !ends("ة") && !ends("ات") && !ends("ء");
}

}  // namespace

bool PlausibleEventDate(const Date& date, const Date& published) {
  if (!date.valid() || date.year < kFirstYear || date.year > kLastYear) return false;
  return !published.valid() || date.year <= published.year + kMaxYearsAhead;
}

Date ResolveExpression(std::string_view text, const Date& published, const Lexicon& lexicon) {
  const NormalizedText norm = Normalize(text);
  if (Date d = ParseDateLine(norm.text(), lexicon); d.valid()) return PlausibleEventDate(d, published) ? d : Date();
  ArticleMemory memory;
  SentenceMentions m;
  FindMentions(norm.text(), 0, norm.text().size(), lexicon, &memory, &m);
  bool future = false;
  for (const TriggerMention& t : m.triggers) future = future || t.future;
  for (const Word& w : m.words) future = future || LooksLikeFutureVerb(w.key);
  for (const TimeMention& t : m.times) {
    const Date d = ResolveTime(t, published, future);
    if (d.valid()) return PlausibleEventDate(d, published) ? d : Date();
  }
  return Date();
}

}  // namespace rasad
