// Tests of date arithmetic and date-line parsing. Date lines use the real lexicon (month names from CLDR).
#include "time/date.h"

#include <gtest/gtest.h>

#include "lexicon/test_lexicon.h"

#include "lexicon/lexicon.h"
#include "text/normalize.h"

namespace rasad {
namespace {

TEST(DateArithmetic, AddsDaysAcrossMonthsAndLeapYears) {
  EXPECT_EQ(AddDays({2021, 7, 27}, -1), (Date{2021, 7, 26}));
  EXPECT_EQ(AddDays({2021, 3, 1}, -1), (Date{2021, 2, 28}));
  EXPECT_EQ(AddDays({2024, 3, 1}, -1), (Date{2024, 2, 29}));
  EXPECT_EQ(AddDays({2020, 12, 31}, 1), (Date{2021, 1, 1}));
}

TEST(DateArithmetic, Weekday) {
  EXPECT_EQ(Weekday({2021, 7, 27}), 2);  // a Tuesday
  EXPECT_EQ(Weekday({2023, 5, 14}), 0);  // a Sunday
}

TEST(DateFormat, PrintsAtItsPrecision) {
  EXPECT_EQ((Date{2020, 10, 0}).ToString(), "2020-10");
  EXPECT_STREQ((Date{2020, 10, 0}).precision(), "month");
  EXPECT_EQ((Date{2020, 0, 0}).ToString(), "2020");
  EXPECT_EQ((Date{2021, 7, 26}).ToString(), "2021-07-26");
  EXPECT_EQ(Date().ToString(), "");
  EXPECT_STREQ(Date().precision(), "none");
}

struct LineCase {
  const char* line;
  Date want;  // invalid: not a date line
};

class DateLineTest : public ::testing::TestWithParam<LineCase> {};

TEST_P(DateLineTest, Parses) {
  const LineCase& c = GetParam();
  EXPECT_EQ(ParseDateLine(Normalize(c.line).text(), TestLexicon()), c.want) << c.line;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, DateLineTest,
    ::testing::Values(LineCase{"الثلاثاء 2021/07/27", {2021, 7, 27}},
                      LineCase{"2021/07/27", {2021, 7, 27}},
                      LineCase{"27-07-2021", {2021, 7, 27}},
                      LineCase{"27/07/2021", {2021, 7, 27}},
                      LineCase{"2021-07-27T10:00:00+04:00", {2021, 7, 27}},
                      LineCase{"27 يوليو 2021", {2021, 7, 27}},
                      LineCase{"الثلاثاء 27 يوليو 2021", {2021, 7, 27}},
                      LineCase{"٢٧ تموز ٢٠٢١", {2021, 7, 27}},              // Levantine month, Arabic-Indic digits
                      LineCase{"الخميس 12 جانفي 2023", {2023, 1, 12}},      // Maghreb month
                      LineCase{"15 غشت 2022", {2022, 8, 15}},               // Moroccan month
                      LineCase{"3 كانون الثاني 2024", {2024, 1, 3}},        // two-word month
                      LineCase{"الأحد 14 مايو 2023", {2023, 5, 14}},
                      LineCase{"الإثنين 2021/07/26 - 10:30", {2021, 7, 26}},
                      LineCase{"تنسيق جزائري أميركي حول 2021", {}},         // a title with a year: no date line
                      LineCase{"30/02/2021", {}},                           // no such day
                      LineCase{"2021-06-270", {}},                          // day 270 (found by time_fuzz)
                      LineCase{"2021/06/526", {}},                          // 526 = 14 + 2 * 256
                      LineCase{"مقتل 27 شخصا في 2021", {}},
                      LineCase{"", {}}));

// Found by tests/fuzz/time_fuzz: std::chrono::day stores a byte, so IsValidDay took day 270 of June for the 14th.
TEST(DateArithmetic, NoDayAbove31) {
  EXPECT_FALSE(IsValidDay(2021, 6, 270));
  EXPECT_FALSE(IsValidDay(2021, 1, 32));
  EXPECT_FALSE(IsValidDay(2021, 1, 256 + 10));
  EXPECT_TRUE(IsValidDay(2021, 1, 31));
}

TEST(IsoDate, ParsesOnlyIso) {
  EXPECT_EQ(ParseIsoDate("2018-02-03"), (Date{2018, 2, 3}));
  EXPECT_EQ(ParseIsoDate("2018-02-03T00:00:00Z"), (Date{2018, 2, 3}));
  EXPECT_FALSE(ParseIsoDate("03-02-2018").valid());
  EXPECT_FALSE(ParseIsoDate("2018-13-01").valid());
  EXPECT_FALSE(ParseIsoDate("2018-02").valid());
}

}  // namespace
}  // namespace rasad
