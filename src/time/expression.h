// Resolving a time expression written on its own (a date line, or a clause with a time word) to the date it
// denotes for an article published on a given day: what `rasad time resolve` prints, and the same resolution
// the engine gives the time words of a sentence. Tested by tests/time_test.py on tests/time/cases.tsv.
#ifndef RASAD_TIME_EXPRESSION_H_
#define RASAD_TIME_EXPRESSION_H_

#include <string_view>

#include "lexicon/lexicon.h"
#include "rasad/article.h"

namespace rasad {

// Returns the date `text` denotes (at its precision: day, month or year) for an article published on
// `published` (invalid when unknown), or an invalid Date when it names none, names an impossible one
// (31 فبراير), or one too far from publication to be an event's (a century later).
Date ResolveExpression(std::string_view text, const Date& published, const Lexicon& lexicon);

// Returns whether `date` may be the date of an event reported on `published`: not more than kMaxYearsAhead
// years after it (plans are announced years ahead, never decades), and within the calendar years news has.
bool PlausibleEventDate(const Date& date, const Date& published);

}  // namespace rasad

#endif  // RASAD_TIME_EXPRESSION_H_
