// Tests of generated inflections: each row is a form that news text uses and that a lemma must produce.
#include "lexicon/forms.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace rasad {
namespace {

bool Has(const std::vector<std::string>& forms, const std::string& f) {
  return std::find(forms.begin(), forms.end(), f) != forms.end();
}

struct VerbCase {
  const char* perfect;
  const char* imperfect;
  const char* form;
};

class VerbFormsTest : public ::testing::TestWithParam<VerbCase> {};

TEST_P(VerbFormsTest, Generates) {
  const VerbCase& c = GetParam();
  EXPECT_TRUE(Has(VerbForms(c.perfect, c.imperfect), c.form)) << c.form;
}

INSTANTIATE_TEST_SUITE_P(
    News, VerbFormsTest,
    ::testing::Values(VerbCase{"زار", "يزور", "زار"},          // he visited
                      VerbCase{"زار", "يزور", "زارت"},         // she / the ministry visited
                      VerbCase{"زار", "يزور", "زاروا"},        // they visited
                      VerbCase{"زار", "يزور", "يزور"},         // he visits
                      VerbCase{"زار", "يزور", "تزور"},         // she visits
                      VerbCase{"زار", "يزور", "يزوران"},       // the two visit
                      VerbCase{"زار", "يزور", "يزورون"},       // they visit
                      VerbCase{"بحث", "يبحث", "بحثا"},         // the two discussed
                      VerbCase{"بحث", "يبحث", "يبحثان"},       // the two discuss (headline form)
                      VerbCase{"استقبل", "يستقبل", "استقبلت"},  // she received
                      VerbCase{"استقبل", "يستقبل", "نستقبل"},   // we receive
                      VerbCase{"التقى", "يلتقي", "التقت"},       // defective: she met
                      VerbCase{"التقى", "يلتقي", "التقوا"},      // they met
                      VerbCase{"التقى", "يلتقي", "التقيا"},      // the two met
                      VerbCase{"التقى", "يلتقي", "يلتقون"},      // they meet
                      VerbCase{"التقى", "يلتقي", "يلتقيان"},     // the two meet
                      VerbCase{"دعا", "يدعو", "دعت"},            // she called
                      VerbCase{"دعا", "يدعو", "يدعون"},          // they call
                      VerbCase{"جدد", "يجدد", "جددت"}));         // she renewed

TEST(VerbForms, DoesNotInventPrefixOnNonYehImperfect) {
  // An imperfect that does not start with ي is kept as given, not prefixed.
  std::vector<std::string> forms = VerbForms("", "تفاوض");
  EXPECT_EQ(forms, std::vector<std::string>{"تفاوض"});
}

struct NisbaCase {
  const char* nisba;
  const char* form;
  bool plural;
};

class NisbaFormsTest : public ::testing::TestWithParam<NisbaCase> {};

TEST_P(NisbaFormsTest, Generates) {
  const NisbaCase& c = GetParam();
  std::vector<NisbaForm> forms = NisbaForms(c.nisba);
  auto it = std::find_if(forms.begin(), forms.end(), [&](const NisbaForm& f) { return f.text == c.form; });
  ASSERT_NE(it, forms.end()) << c.form;
  EXPECT_EQ(it->plural, c.plural) << c.form;
}

INSTANTIATE_TEST_SUITE_P(
    News, NisbaFormsTest,
    ::testing::Values(NisbaCase{"جزائري", "الجزائري", false},     // the Algerian (minister)
                      NisbaCase{"جزائري", "الجزائرية", false},    // the Algerian (ministry, government)
                      NisbaCase{"جزائري", "جزائري", false},       // an Algerian (delegation)
                      NisbaCase{"جزائري", "جزائرية", false},
                      NisbaCase{"جزائري", "الجزائريون", true},    // the Algerians
                      NisbaCase{"جزائري", "الجزائريين", true},
                      NisbaCase{"جزائري", "الجزائريات", true},
                      NisbaCase{"جزائري", "جزائريا", false},      // accusative: وفدا جزائريا
                      NisbaCase{"أميركي", "الأميركي", false},
                      NisbaCase{"أميركي", "الأميركيين", true}));

TEST(ConstructForm, DropsTheArticleOfTheLastWord) {
  EXPECT_EQ(ConstructForm("وزير الخارجية"), "وزير خارجية");  // foreign minister -> minister of foreign-
  EXPECT_EQ(ConstructForm("الحكومة"), "حكومة");              // the government -> government of
  EXPECT_EQ(ConstructForm("رئيس أركان الجيش"), "رئيس أركان جيش");
  EXPECT_EQ(ConstructForm("مساعد وزير"), "");                // no article: no construct form
  EXPECT_EQ(ConstructForm("ال"), "");
}

}  // namespace
}  // namespace rasad
