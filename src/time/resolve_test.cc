// Tests of the resolution of relative dates against a publication date.
#include "time/resolve.h"

#include <gtest/gtest.h>

namespace rasad {
namespace {

TimeMention Make(TimeWord::Kind kind, int value, int direction = 0, int year = 0, int day = 0) {
  TimeMention t;
  t.kind = kind;
  t.value = value;
  t.direction = direction;
  t.year = year;
  t.day = day;
  return t;
}

const Date kTuesday{2021, 7, 27};

TEST(Resolve, WeekdayIsTheLastOnOrBeforePublication) {
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kWeekday, 1), kTuesday), (Date{2021, 7, 26}));  // الاثنين
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kWeekday, 2), kTuesday), (Date{2021, 7, 27}));  // الثلاثاء: today
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kWeekday, 3), kTuesday), (Date{2021, 7, 21}));  // الأربعاء
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kWeekday, 2, -1), kTuesday), (Date{2021, 7, 20}));  // الماضي
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kWeekday, 5, 1), kTuesday), (Date{2021, 7, 30}));   // الجمعة المقبل
}

TEST(Resolve, RelativeDays) {
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kRelativeDay, -1), kTuesday), (Date{2021, 7, 26}));  // أمس
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kRelativeDay, -2), {2021, 3, 1}), (Date{2021, 2, 27}));
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kRelativeDay, 1), kTuesday), (Date{2021, 7, 28}));   // غدا
}

TEST(Resolve, Months) {
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kMonth, 10, 0, 2020), kTuesday), (Date{2020, 10, 0}));  // أكتوبر 2020
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kMonth, 10), kTuesday), (Date{2020, 10, 0}));  // أكتوبر: last one
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kMonth, 3), kTuesday), (Date{2021, 3, 0}));
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kMonth, 7, -1), kTuesday), (Date{2020, 7, 0}));  // يوليو الماضي
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kMonth, 9, 1), kTuesday), (Date{2021, 9, 0}));   // سبتمبر المقبل
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kMonth, 7, 0, 0, 12), kTuesday), (Date{2021, 7, 12}));  // 12 يوليو
  EXPECT_FALSE(ResolveTime(Make(TimeWord::Kind::kMonth, 2, 0, 2021, 30), kTuesday).valid());  // 30 فبراير
}

TEST(Resolve, Years) {
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kYear, 2020), kTuesday), (Date{2020, 0, 0}));
  EXPECT_FALSE(ResolveTime(Make(TimeWord::Kind::kYear, 1437), kTuesday).valid());  // a Hijri year, not 1437 CE
  EXPECT_FALSE(ResolveTime(Make(TimeWord::Kind::kMonth, 3, 0, 1442), kTuesday).valid());
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kYear, 0, -1), kTuesday), (Date{2020, 0, 0}));  // العام الماضي
}

TEST(Resolve, WithoutPublicationDateOnlyAbsoluteDatesResolve) {
  EXPECT_FALSE(ResolveTime(Make(TimeWord::Kind::kWeekday, 1), Date()).valid());
  EXPECT_FALSE(ResolveTime(Make(TimeWord::Kind::kRelativeDay, -1), Date()).valid());
  EXPECT_FALSE(ResolveTime(Make(TimeWord::Kind::kMonth, 10), Date()).valid());
  EXPECT_EQ(ResolveTime(Make(TimeWord::Kind::kMonth, 10, 0, 2020), Date()), (Date{2020, 10, 0}));
}

}  // namespace
}  // namespace rasad
