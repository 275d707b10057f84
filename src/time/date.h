// Calendar arithmetic and the parsing of written dates (publication date lines, ISO dates).
//
// Date lines come in many forms in Arabic news: 2021/07/27, 27-07-2021, 2021-07-27T10:00:00+04:00,
// الثلاثاء 27 يوليو 2021, ٢٧ تموز ٢٠٢١ (digits are already ASCII after normalisation), 12 جانفي 2023.
// Month names are recognised through the lexicon, which loads them from ICU's CLDR data. Tested in date_test.cc.
#ifndef RASAD_TIME_DATE_H_
#define RASAD_TIME_DATE_H_

#include <string_view>

#include "rasad/article.h"

namespace rasad {

class Lexicon;

// Returns `date` moved by `days` (day precision required).
Date AddDays(const Date& date, int days);
// Returns the weekday of a day-precision date, 0 = Sunday.
int Weekday(const Date& date);
// Returns whether year-month-day is a real calendar day.
bool IsValidDay(int year, int month, int day);

// Returns the Gregorian day of a day of the Hijri calendar (Umm al-Qura, as ICU computes it: the calendar of
// Saudi Arabia and of most Arabic news), or an invalid Date when there is no such day (30 of a 29-day month).
Date HijriToGregorian(int year, int month, int day);

// Parses "YYYY-MM-DD" (optionally followed by a time, as in ISO 8601). Returns an invalid Date otherwise.
Date ParseIsoDate(std::string_view text);

// Parses a whole line that states a date and nothing else of substance: numeric forms with '/', '-' or '.'
// in either order (year first or last), an optional weekday, or day + month name + year. Returns an invalid
// Date when the line is not a date line.
// Returns an invalid Date when the line has more than kMaxDateLineTokens tokens.
Date ParseDateLine(std::string_view normalized_line, const Lexicon& lexicon);
inline constexpr size_t kMaxDateLineTokens = 12;

}  // namespace rasad

#endif  // RASAD_TIME_DATE_H_
