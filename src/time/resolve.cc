// Calendar resolution of relative and partial dates: pure functions of the expression and the publication
// date, so each is tested on its own in resolve_test.cc.
#include "time/resolve.h"

#include "time/date.h"

namespace rasad {

namespace {

// Years of the Gregorian calendar that news events have; others (1437, a Hijri year) are not taken for one.
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2100;

// The month `months` after (or before) the month of `date`, at month precision.
Date AddMonths(const Date& date, int months) {
  const int index = date.year * 12 + (date.month - 1) + months;
  return Date{index / 12, index % 12 + 1, 0};
}

}  // namespace

Date ResolveTime(const TimeMention& t, const Date& published, bool future) {
  const bool have_pub = published.valid() && published.day > 0;
  if (t.invalid) return Date();
  if (t.kind != TimeWord::Kind::kHijriMonth && t.year != 0 && (t.year < kFirstYear || t.year > kLastYear)) return Date();
  if (t.kind == TimeWord::Kind::kYear && t.value != 0 && (t.value < kFirstYear || t.value > kLastYear)) return Date();
  switch (t.kind) {
    case TimeWord::Kind::kWeekday: {
      if (!have_pub) return Date();
      const int pub_day = Weekday(published);
      if (t.direction > 0 || (t.direction == 0 && future)) {
        int ahead = (t.value - pub_day + 7) % 7;
        return AddDays(published, ahead == 0 ? 7 : ahead);
      }
      int back = (pub_day - t.value + 7) % 7;
      if (t.direction < 0 && back == 0) back = 7;  // الاثنين الماضي in a Monday paper: a week ago
      return AddDays(published, -back);
    }
    case TimeWord::Kind::kRelativeDay:
      return have_pub ? AddDays(published, t.value) : Date();
    case TimeWord::Kind::kMonth: {
      int year = t.year;
      if (year == 0) {
        if (!published.valid()) return Date();
        year = published.year;
        if (t.direction < 0) {
          if (t.value >= published.month) --year;
        } else if (t.direction > 0) {
          if (t.value <= published.month) ++year;
        } else if (published.month > 0 && t.value > published.month) {
          --year;
        }
      }
      if (t.day > 0) return IsValidDay(year, t.value, t.day) ? Date{year, t.value, t.day} : Date();
      return Date{year, t.value, 0};
    }
    case TimeWord::Kind::kYear:
      if (t.value > 0) return Date{t.value, 0, 0};
      if (!published.valid()) return Date();
      return Date{published.year + t.direction, 0, 0};
    case TimeWord::Kind::kHijriMonth:
      // A Hijri date converts exactly; a month with its year only is the Gregorian month of its middle.
      if (t.year == 0) return Date();
      if (t.day > 0) return HijriToGregorian(t.year, t.value, t.day);
      if (Date d = HijriToGregorian(t.year, t.value, 15); d.valid()) return Date{d.year, d.month, 0};
      return Date();
    case TimeWord::Kind::kPeriod:  // الأسبوع الماضي: the month of a week ago; الشهر المقبل: next month
      if (!have_pub) return Date();
      if (t.value == 1) {
        const Date d = AddDays(published, 7 * t.direction);
        return Date{d.year, d.month, 0};
      }
      return AddMonths(published, t.direction);
    case TimeWord::Kind::kAgo:  // قبل يومين: a day; قبل أسبوعين: the month of it; قبل شهرين; قبل عامين
      if (!have_pub) return Date();
      switch (t.unit) {
        case 'd': return AddDays(published, -t.value);
        case 'w': {
          const Date d = AddDays(published, -7 * t.value);
          return Date{d.year, d.month, 0};
        }
        case 'm': return AddMonths(published, -t.value);
        case 'y': return Date{published.year - t.value, 0, 0};
      }
      return Date();
  }
  return Date();
}

}  // namespace rasad
