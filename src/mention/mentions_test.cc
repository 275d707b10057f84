// Tests of actor resolution: each row is a phrase as Arabic news writes it, the date it is read on, and the
// actor code a careful coder gives it. Every kind of dictionary entry and of composition has rows here.
#include "mention/mentions.h"

#include <gtest/gtest.h>

#include "lexicon/test_lexicon.h"

#include "time/date.h"

namespace rasad {
namespace {

struct Row {
  const char* phrase;
  const char* date;  // YYYY-MM-DD
  const char* code;  // "" when the phrase names no actor
};

class ResolveTest : public ::testing::TestWithParam<Row> {};

// A word's lookups with these stems (and as many empty stem lookups).
struct Looked {
  std::vector<Analysis> analyses;
  std::vector<StemLookup> lookups;
  WordLookups view() const { return {analyses, lookups, {}}; }
};

Looked Lookups(std::initializer_list<std::string_view> stems) {
  Looked out;
  for (std::string_view stem : stems) {
    out.analyses.push_back(Analysis::Make("", stem, "", false));
    out.lookups.push_back({{}, stem.size() % 2 == 0});
  }
  return out;
}

// The stems the cache has for `word` (empty when it has none).
std::vector<std::string> Cached(WordCache* cache, uint64_t lexicon, std::string_view word) {
  WordLookups found;
  std::vector<std::string> out;
  if (!cache->Find(lexicon, word, &found)) return out;
  EXPECT_EQ(found.analyses.size(), found.lookups.size());
  for (size_t i = 0; i < found.analyses.size(); ++i) {
    out.emplace_back(found.analyses[i].stem());
    EXPECT_EQ(found.lookups[i].longer, found.analyses[i].stem().size() % 2 == 0) << word;
  }
  return out;
}

TEST(WordCacheTest, GivesBackWhatWasAdded) {
  WordCache cache;
  EXPECT_TRUE(Cached(&cache, 1, "بالعاصمة").empty());
  cache.Add("بالعاصمة", Lookups({"بالعاصمه", "العاصمه"}).view());
  cache.Add("زيارته", Lookups({"زياره"}).view());
  EXPECT_EQ(Cached(&cache, 1, "بالعاصمة"), (std::vector<std::string>{"بالعاصمه", "العاصمه"}));
  EXPECT_EQ(Cached(&cache, 1, "زيارته"), std::vector<std::string>{"زياره"});
  EXPECT_TRUE(Cached(&cache, 1, "زيارة").empty());
}

TEST(WordCacheTest, AnotherLexiconEmptiesIt) {
  WordCache cache;
  EXPECT_TRUE(Cached(&cache, 1, "وزير").empty());
  cache.Add("وزير", Lookups({"وزير"}).view());
  EXPECT_FALSE(Cached(&cache, 1, "وزير").empty());
  EXPECT_TRUE(Cached(&cache, 2, "وزير").empty());
  EXPECT_TRUE(Cached(&cache, 1, "وزير").empty());
}

TEST(WordCacheTest, LongWordsAreNotCached) {
  WordCache cache;
  const std::string fits(WordCache::kMaxWordBytes, 'a'), too_long(WordCache::kMaxWordBytes + 1, 'a');
  Cached(&cache, 1, fits);
  cache.Add(fits, Lookups({"x"}).view());
  cache.Add(too_long, Lookups({"y"}).view());
  EXPECT_EQ(Cached(&cache, 1, fits), std::vector<std::string>{"x"});
  EXPECT_TRUE(Cached(&cache, 1, too_long).empty());
}

TEST(WordCacheTest, StaysCorrectPastItsSize) {
  // Far more words than the table holds: every lookup returns the word's own analyses or nothing.
  WordCache cache;
  Cached(&cache, 1, "");
  for (int i = 0; i < 200000; ++i) {
    const std::string word = "w" + std::to_string(i);
    if (Cached(&cache, 1, word).empty()) cache.Add(word, Lookups({word}).view());
    const std::string earlier = "w" + std::to_string(i / 2);
    std::vector<std::string> found = Cached(&cache, 1, earlier);
    if (!found.empty()) ASSERT_EQ(found, std::vector<std::string>{earlier});
  }
  EXPECT_EQ(Cached(&cache, 1, "w199999"), std::vector<std::string>{"w199999"});
}

TEST_P(ResolveTest, Resolves) {
  const Row& r = GetParam();
  Actor actor;
  const bool found = ResolveActor(r.phrase, TestLexicon(), ParseIsoDate(r.date), &actor);
  EXPECT_EQ(found ? actor.code : "", r.code) << r.phrase << " on " << r.date;
}

INSTANTIATE_TEST_SUITE_P(
    Countries, ResolveTest,
    ::testing::Values(Row{"الجزائر", "2021-07-26", "DZA"}, Row{"الولايات المتحدة الأميركية", "2021-07-26", "USA"},
                      Row{"دولة الإمارات العربية المتحدة", "2021-07-26", "ARE"},
                      Row{"المملكة المتحدة", "2021-07-26", "GBR"}, Row{"الأراضي الفلسطينية", "2021-07-26", "PSE"},
                      Row{"فلسطين", "2021-07-26", "PSE"}, Row{"الجزائريون", "2021-07-26", "DZA"},
                      Row{"الأتراك", "2021-07-26", "TUR"}));

INSTANTIATE_TEST_SUITE_P(
    Metonymy, ResolveTest,
    ::testing::Values(Row{"واشنطن", "2021-07-26", "USAGOV"}, Row{"قصر الإليزيه", "2021-07-26", "FRAGOV"},
                      Row{"الكرملين", "2021-07-26", "RUSGOV"}, Row{"البيت الأبيض", "2021-07-26", "USAGOV"},
                      Row{"الرباط", "2021-07-26", "MARGOV"}));

INSTANTIATE_TEST_SUITE_P(
    Titles, ResolveTest,
    ::testing::Values(Row{"وزير الخارجية الجزائري", "2021-07-26", "DZAGOV"},
                      Row{"مساعد وزير الخارجية الأميركي لشؤون الشرق الأوسط", "2021-07-26", "USAGOV"},
                      Row{"الأمين العام لوزارة الشؤون الخارجية الجزائرية", "2021-07-26", "DZAGOV"},
                      Row{"وزير خارجية الجزائر", "2021-07-26", "DZAGOV"},
                      Row{"وزيرة الخارجية الإسبانية", "2021-07-26", "ESPGOV"},
                      Row{"وزير الدفاع الأمريكي", "2021-07-26", "USAGOVMIL"},
                      Row{"قائد الجيش الجزائري", "2021-07-26", "DZAMIL"},
                      Row{"المدير العام للأمن الوطني الجزائري", "2021-07-26", "DZACOP"},
                      Row{"نائب في البرلمان الأردني", "2021-07-26", "JORLEG"},
                      Row{"قوات الأمن العراقية", "2021-07-26", "IRQCOP"},
                      Row{"الشرطة التونسية", "2021-07-26", "TUNCOP"},
                      Row{"المتظاهرون المغاربة", "2021-07-26", "MARCVL"},
                      Row{"المستوطنون الإسرائيليون", "2021-07-26", "ISRCVL"},
                      Row{"النازحون السوريون", "2021-07-26", "SYRREF"},
                      Row{"الرئيس الجزائري السابق", "2021-07-26", "DZAELI"},
                      Row{"وزير الخارجية", "2021-07-26", ""}));  // no nationality, no dateline: unknown

INSTANTIATE_TEST_SUITE_P(
    Organisations, ResolveTest,
    ::testing::Values(Row{"الأمم المتحدة", "2021-07-26", "IGOUNO"}, Row{"الاتحاد الأفريقي", "2021-07-26", "IGOAFR"},
                      Row{"جامعة الدول العربية", "2021-07-26", "IGOARL"},
                      Row{"الاتحاد الأوروبي", "2021-07-26", "IGOEEC"}, Row{"حلف شمال الأطلسي", "2021-07-26", "IGONAT"},
                      Row{"حركة حماس", "2021-07-26", "PSEREB"}, Row{"حزب الله", "2021-07-26", "LBNREB"},
                      Row{"الحوثيون", "2021-07-26", "YEMREB"}, Row{"تنظيم داعش", "2021-07-26", "IMGMUSISI"},
                      Row{"قوات الدعم السريع", "2023-05-14", "SDNREB"}));

INSTANTIATE_TEST_SUITE_P(
    DatedPersons, ResolveTest,
    ::testing::Values(Row{"رمطان لعمامرة", "2015-03-01", "DZAGOV"},   // first term as foreign minister
                      Row{"رمطان لعمامرة", "2019-01-01", "DZAELI"},   // between terms
                      Row{"رمطان لعمامرة", "2022-06-01", "DZAGOV"},   // second term
                      Row{"لعمامرة", "2022-06-01", "DZAGOV"},         // the family name alone
                      Row{"مارك إسبر", "2020-10-15", "USAGOVMIL"},
                      Row{"وزير الدفاع السابق مارك إسبر", "2020-10-15", "USAGOVMIL"},  // "former" in 2021, not then
                      Row{"مارك إسبر", "2023-01-01", "USAELI"},
                      Row{"ناصر بوريطة", "2024-03-11", "MARGOV"},
                      Row{"عبدالمجيد تبون", "2021-01-01", "DZAGOV"},   // spelling variant
                      Row{"دونالد ترامب", "2018-05-01", "USAGOV"},
                      Row{"دونالد ترامب", "2022-05-01", "USAELI"},     // between his terms
                      Row{"دونالد ترامب", "2025-06-01", "USAGOV"},
                      Row{"حفتر", "2019-04-10", "LBYMIL"},
                      Row{"بشار الأسد", "2015-01-01", "SYRGOV"},
                      Row{"بشار الأسد", "2025-06-01", "SYRELI"},       // after December 2024
                      Row{"أحمد الشرع", "2020-06-01", "SYRREB"},       // HTS leader
                      Row{"أحمد الشرع", "2025-06-01", "SYRGOV"},       // Syria's president
                      Row{"محمد حمدان دقلو", "2022-01-01", "SDNMIL"},  // RSF inside the state
                      Row{"محمد حمدان دقلو", "2024-01-01", "SDNREB"},  // after April 2023
                      Row{"عبد الملك الحوثي", "2020-01-01", "YEMREB"},
                      Row{"أنطونيو غوتيريش", "2020-01-01", "IGOUNO"},
                      Row{"نجلاء بودن", "2022-01-01", "TUNGOV"}));

}  // namespace
}  // namespace rasad
