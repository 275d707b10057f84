// Date arithmetic through std::chrono's civil calendar, and date-line parsing over tokens: a date line is
// accepted only when every token in it is part of a date (a weekday, a day, a month name or number, a year,
// a time of day, separators), so a title that merely contains a number is never taken for a date.
// Tested in date_test.cc.
#include "time/date.h"

#include <memory>

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <chrono>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "lexicon/lexicon.h"
#include "text/normalize.h"
#include "text/token.h"

namespace rasad {
namespace {

std::chrono::sys_days ToDays(const Date& d) {
  return std::chrono::sys_days(std::chrono::year_month_day(
      std::chrono::year(d.year), std::chrono::month(d.month), std::chrono::day(d.day)));
}

// Reads up to `max_digits` digits from s at *pos; returns -1 when there is none.
int ReadNumber(std::string_view s, size_t* pos, int max_digits) {
  int value = 0, n = 0;
  while (*pos < s.size() && s[*pos] >= '0' && s[*pos] <= '9' && n < max_digits) {
    value = value * 10 + (s[(*pos)++] - '0');
    ++n;
  }
  return n == 0 ? -1 : value;
}

// Parses a numeric date token such as 2021/07/27, 27-07-2021 or 2021.07.27.
Date ParseNumericDate(std::string_view s) {
  int parts[3];
  size_t widths[3];
  size_t pos = 0;
  for (int i = 0; i < 3; ++i) {
    size_t start = pos;
    parts[i] = ReadNumber(s, &pos, 4);
    if (parts[i] < 0) return Date();
    widths[i] = pos - start;
    if (i < 2) {
      if (pos >= s.size() || (s[pos] != '/' && s[pos] != '-' && s[pos] != '.')) return Date();
      ++pos;
    }
  }
  if (pos != s.size()) return Date();
  Date d;
  if (widths[0] == 4) {
    d = {parts[0], parts[1], parts[2]};
  } else if (widths[2] == 4) {
    d = {parts[2], parts[1], parts[0]};
  }
  return IsValidDay(d.year, d.month, d.day) ? d : Date();
}

}  // namespace

std::string Date::ToString() const {
  if (!valid()) return "";
  if (month == 0) return fmt::format("{:04d}", year);
  if (day == 0) return fmt::format("{:04d}-{:02d}", year, month);
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

const char* Date::precision() const {
  if (!valid()) return "none";
  if (month == 0) return "year";
  return day == 0 ? "month" : "day";
}

bool IsValidDay(int year, int month, int day) {
  // day > 31 is refused here: std::chrono::day keeps only a byte, so day 270 would be read as day 14.
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  return std::chrono::year_month_day(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day))
      .ok();
}

Date AddDays(const Date& date, int days) {
  std::chrono::year_month_day ymd(ToDays(date) + std::chrono::days(days));
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int Weekday(const Date& date) { return std::chrono::weekday(ToDays(date)).c_encoding(); }

Date HijriToGregorian(int year, int month, int day) {
  if (year < 1300 || year > 1600 || month < 1 || month > 12 || day < 1 || day > 30) return Date();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> hijri(
      icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale("@calendar=islamic-umalqura"), status));
  if (U_FAILURE(status)) return Date();
  hijri->setLenient(false);
  hijri->clear();
  hijri->set(year, month - 1, day);
  const UDate when = hijri->getTime(status);
  if (U_FAILURE(status)) return Date();  // no such day: day 30 of a month of 29
  icu::GregorianCalendar gregorian(icu::TimeZone::getGMT()->clone(), status);
  gregorian.setTime(when, status);
  if (U_FAILURE(status)) return Date();
  const Date d{gregorian.get(UCAL_YEAR, status), gregorian.get(UCAL_MONTH, status) + 1, gregorian.get(UCAL_DATE, status)};
  return U_FAILURE(status) ? Date() : d;
}

Date ParseIsoDate(std::string_view text) {
  size_t pos = 0;
  int y = ReadNumber(text, &pos, 4);
  if (y < 0 || pos != 4 || pos >= text.size() || text[pos++] != '-') return Date();
  int m = ReadNumber(text, &pos, 2);
  if (m < 0 || pos >= text.size() || text[pos++] != '-') return Date();
  int d = ReadNumber(text, &pos, 2);
  if (d < 0 || (pos < text.size() && text[pos] != 'T' && text[pos] != ' ')) return Date();
  return IsValidDay(y, m, d) ? Date{y, m, d} : Date();
}

constexpr size_t kMaxLabelWords = 3;

Date ParseDateLine(std::string_view line, const Lexicon& lexicon) {
  std::vector<Token> tokens;
  Tokenize(line, 0, line.size(), &tokens);
  if (tokens.empty() || tokens.size() > kMaxDateLineTokens) return Date();
  Date found;
  int day = 0, month = 0, year = 0, hijri_month = 0;
  // A label before a colon: "نشر في: 27/07/2021", "آخر تحديث: 2021-07-27 10:05".
  size_t start = 0;
  for (size_t i = 0; i < tokens.size() && i <= kMaxLabelWords; ++i) {
    if (tokens[i].kind == TokenKind::kPunct && line.substr(tokens[i].begin, tokens[i].end - tokens[i].begin) == ":") {
      if (i > 0) start = i + 1;
      break;
    }
    if (tokens[i].kind != TokenKind::kWord) break;
  }
  for (size_t i = start; i < tokens.size(); ++i) {
    std::string_view text = line.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (tokens[i].kind == TokenKind::kPunct) continue;
    if (tokens[i].kind == TokenKind::kNumber) {
      Date d = ParseNumericDate(text);
      if (d.valid()) {
        found = d;
        continue;
      }
      Date iso = ParseIsoDate(line.substr(tokens[i].begin));
      if (iso.valid() && !found.valid()) {
        found = iso;
        continue;
      }
      size_t pos = 0;
      int v = ReadNumber(text, &pos, 4);
      if (pos != text.size()) {
        if (text.find(':') != std::string_view::npos) continue;  // a time of day
        if (found.valid()) continue;                              // the rest of an ISO timestamp
        return Date();
      }
      if (pos == 4) year = v;
      else if (day == 0 && v >= 1 && v <= 31) day = v;
      else if (!found.valid()) return Date();
      continue;
    }
    // A word: a weekday or a month name (one or two words, as in كانون الثاني), else this is no date line.
    std::string key = MatchKey(text);
    if (i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::kWord) {
      std::string two = key + " " + MatchKey(line.substr(tokens[i + 1].begin, tokens[i + 1].end - tokens[i + 1].begin));
      if (auto hits = lexicon.Find(two); !hits.empty()) {
        bool used = false;
        for (const LexHit& h : hits) {
          if (h.kind == LexHit::Kind::kTime && lexicon.time_word(h.index).kind == TimeWord::Kind::kMonth) {
            month = lexicon.time_word(h.index).value;
            used = true;
          }
          if (h.kind == LexHit::Kind::kTime && lexicon.time_word(h.index).kind == TimeWord::Kind::kHijriMonth) {
            hijri_month = lexicon.time_word(h.index).value;  // 14 ذو الحجة 1442
            used = true;
          }
        }
        if (used) {
          ++i;
          continue;
        }
      }
    }
    bool used = false;
    {
      for (const LexHit& h : lexicon.Find(key)) {
        if (h.kind != LexHit::Kind::kTime) continue;
        const TimeWord& w = lexicon.time_word(h.index);
        if (w.kind == TimeWord::Kind::kMonth) month = w.value;
        if (w.kind == TimeWord::Kind::kHijriMonth) hijri_month = w.value;
        used = used || w.kind != TimeWord::Kind::kRelativeDay;
      }
    }
    // The era after a year: 2021م، 1442هـ.
    if (!used && (key == "م" || key == "ه")) used = true;
    if (!used && !(tokens[i].kind == TokenKind::kWord && !tokens[i].arabic && text.size() <= 3)) return Date();
  }
  if (found.valid()) return found;
  if (hijri_month && day && year) return HijriToGregorian(year, hijri_month, day);
  if (year && month && day && IsValidDay(year, month, day)) return {year, month, day};
  return Date();
}

}  // namespace rasad
