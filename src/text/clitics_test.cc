// Tests of clitics.h. Each case gives a normalised word, a small vocabulary (written as ordinary words and
// folded with MatchKey, as the lexicon compiler will do) and the exact analyses expected, in order, each as
// "prefix|stem|suffix|A", with the final A only when has_article is set. Many vocabularies hold a trap: a stem
// that a careless cut would find (لال in بلال), so that a wrong cut makes the test fail.
#include "text/clitics.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <unordered_set>
#include <vector>

#include "text/normalize.h"

namespace rasad {
namespace {

struct CliticCase {
  const char* name;
  std::string word;
  std::vector<std::string> vocabulary;  // written forms, folded by the test
  std::vector<std::string> expected;
};

void PrintTo(const CliticCase& c, std::ostream* os) { *os << c.name; }

std::vector<std::string> Analyze(const CliticCase& c) {
  std::unordered_set<std::string> keys;
  for (const std::string& w : c.vocabulary) keys.insert(MatchKey(w));
  const Vocabulary known = [&keys](std::string_view key) { return keys.count(std::string(key)) > 0; };
  std::vector<std::string> out;
  for (const Analysis& a : Segment(c.word, known)) {
    out.push_back(std::string(a.prefix()) + "|" + std::string(a.stem()) + "|" + std::string(a.suffix()) + "|" +
                  (a.has_article() ? "A" : ""));
  }
  return out;
}

class SegmentTest : public ::testing::TestWithParam<CliticCase> {};

TEST_P(SegmentTest, FindsExpectedAnalyses) { EXPECT_EQ(Analyze(GetParam()), GetParam().expected); }

// Cross-check: prefix, stem and suffix give back the word's key, up to the rewrites (لل, ت/ة, ئ ؤ/ء).
TEST_P(SegmentTest, PartsRebuildTheWord) {
  const CliticCase& c = GetParam();
  std::unordered_set<std::string> keys;
  for (const std::string& w : c.vocabulary) keys.insert(MatchKey(w));
  const Vocabulary known = [&keys](std::string_view k) { return keys.count(std::string(k)) > 0; };
  for (const Analysis& a : Segment(c.word, known)) {
    EXPECT_TRUE(c.word.starts_with(a.prefix()));
    EXPECT_TRUE(c.word.ends_with(a.suffix()));
    const std::string middle =
        MatchKey(c.word.substr(a.prefix().size(), c.word.size() - a.prefix().size() - a.suffix().size()));
    const bool same = middle == a.stem();
    const bool lam_article = a.stem() == "ا" + middle || a.stem() == "ال" + middle;
    const std::string head = middle.substr(0, middle.size() - 2);  // the middle without its last letter
    const bool teh_marbuta = middle.ends_with("ت") && a.stem() == head + "ه";
    const bool hamza = (middle.ends_with("ئ") || middle.ends_with("ؤ")) && a.stem() == head + "ء";
    EXPECT_TRUE(same || lam_article || teh_marbuta || hamza) << a.prefix() << "|" << a.stem() << "|" << a.suffix();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, SegmentTest,
    ::testing::ValuesIn(std::vector<CliticCase>{
        // Proclitics one by one.
        {"wa_article", "والحكومة", {"الحكومة"}, {"و|الحكومه||A"}},               // and the government
        {"fa_article", "فالجيش", {"الجيش"}, {"ف|الجيش||A"}},                     // so the army
        {"bi_article", "بالقاهرة", {"القاهرة"}, {"ب|القاهره||A"}},               // in Cairo
        {"li_lam_article", "للجزائر", {"الجزائر"}, {"ل|الجزائر||A"}},           // for Algeria
        {"ka_article", "كالعادة", {"العادة"}, {"ك|العاده||A"}},                  // as usual
        {"wa_plain", "وأكد", {"أكد"}, {"و|اكد||"}},                              // and he stressed
        {"bi_hamza_below", "بإيران", {"إيران"}, {"ب|ايران||"}},                  // in Iran
        {"li_hamza_above", "لأمريكا", {"أمريكا"}, {"ل|امريكا||"}},               // for America
        {"li_before_lam_noun", "لليبيا", {"ليبيا"}, {"ل|ليبيا||"}},              // for Libya, no article
        {"li_article_lam_noun", "للجنة", {"اللجنة"}, {"ل|اللجنه||A"}},           // for the committee
        {"li_both_readings", "للجنة", {"الجنة", "اللجنة"}, {"ل|الجنه||A", "ل|اللجنه||A"}},
        // Chains.
        {"wa_bi_article", "وبالعاصمة", {"العاصمة"}, {"وب|العاصمه||A"}},          // and in the capital
        {"fa_bi_article", "فبالتالي", {"التالي"}, {"فب|التالي||A"}},             // and consequently
        {"fa_li_lam", "فللمرة", {"المرة"}, {"فل|المره||A"}},                     // for the ... time
        {"wa_li_lam", "وللحكومة", {"الحكومة"}, {"ول|الحكومه||A"}},              // and for the government
        {"wa_ka_article", "وكالعادة", {"العادة", "وكالة"}, {"وك|العاده||A"}},   // and as usual
        {"wa_li_plain", "ولبنان", {"لبنان", "بنان"}, {"و|لبنان||", "ول|بنان||"}},  // and Lebanon
        // Future marker.
        {"future_ya", "سيزور", {"يزور"}, {"س|يزور||"}},                          // he will visit
        {"future_ta", "ستواصل", {"تواصل"}, {"س|تواصل||"}},                       // she will continue
        {"future_nun", "سنعمل", {"نعمل"}, {"س|نعمل||"}},                         // we will work
        {"future_hamza", "سأزور", {"أزور"}, {"س|ازور||"}},                       // I will visit
        {"wa_future", "وسيعلن", {"يعلن"}, {"وس|يعلن||"}},                        // and he will announce
        {"fa_future", "فستكون", {"تكون"}, {"فس|تكون||"}},                        // so it will be
        {"future_needs_imperfect", "سفير", {"فير"}, {"|سفير||"}},                // ambassador
        {"future_not_before_lam", "سلام", {"لام"}, {"|سلام||"}},                 // peace
        {"future_not_before_article", "سالجيش", {"الجيش"}, {"|سالجيش||"}},
        // Enclitics, with teh marbuta restored where the stem ends in ت.
        {"enclitic_hu", "رئيسه", {"رئيس"}, {"|رئيس|ه|"}},                        // his president
        {"enclitic_ha_teh", "حكومتها", {"حكومة"}, {"|حكومه|ها|"}},               // her government
        {"enclitic_huma", "بلادهما", {"بلاد"}, {"|بلاد|هما|"}},                  // their (dual) country
        {"enclitic_hum_teh", "قادتهم", {"قادة"}, {"|قاده|هم|"}},                 // their leaders
        {"enclitic_hunna", "مطالبهن", {"مطالب"}, {"|مطالب|هن|"}},                // their (f.) demands
        {"enclitic_ka_teh", "سفارتك", {"سفارة"}, {"|سفاره|ك|"}},                 // your embassy
        {"enclitic_kuma", "شعبكما", {"شعب"}, {"|شعب|كما|"}},                     // your (dual) people
        {"enclitic_kum_teh", "دولتكم", {"دولة"}, {"|دوله|كم|"}},                 // your state
        {"enclitic_kunna", "حقوقكن", {"حقوق"}, {"|حقوق|كن|"}},                   // your (f.) rights
        {"enclitic_na", "أرضنا", {"أرض"}, {"|ارض|نا|"}},                         // our land
        {"enclitic_ni", "أخبرني", {"أخبر"}, {"|اخبر|ني|"}},                      // he told me
        {"enclitic_i", "رأيي", {"رأي"}, {"|راي|ي|"}},                             // my opinion
        {"enclitic_i_teh", "زيارتي", {"زيارة"}, {"|زياره|ي|"}},                  // my visit
        {"teh_restored", "زيارته", {"زيارة"}, {"|زياره|ه|"}},                    // his visit
        {"teh_kept", "صوته", {"صوت"}, {"|صوت|ه|"}},                              // his voice
        {"hamza_on_yeh", "لقائه", {"لقاء"}, {"|لقاء|ه|"}},                       // his meeting (genitive)
        {"hamza_on_waw", "لقاؤهم", {"لقاء"}, {"|لقاء|هم|"}},                     // their meeting (nominative)
        {"hamza_on_line", "لقاءها", {"لقاء"}, {"|لقاء|ها|"}},                    // her meeting (accusative)
        {"hamza_seat_kept", "مبادئه", {"مبادئ"}, {"|مبادئ|ه|"}},                 // his principles
        {"wa_enclitic", "ولقائه", {"لقاء"}, {"و|لقاء|ه|"}},                      // and his meeting
        {"wa_bi_enclitic_teh", "وبحكومته", {"حكومة"}, {"وب|حكومه|ه|"}},         // and with his government
        {"bi_enclitic_teh", "بزيارته", {"زيارة"}, {"ب|زياره|ه|"}},               // during his visit
        {"kaf_both_ends", "كتابك", {"كتاب", "تاب"}, {"|كتاب|ك|", "ك|تاب|ك|"}},
        // Ambiguity: fewest clitics first, then generation order (enclitic cuts before proclitic cuts).
        {"ambiguous_order", "وعده", {"وعد", "عده", "عد"}, {"|وعد|ه|", "و|عده||", "و|عد|ه|"}},
        // Whole words that must not be cut.
        {"bilal", "بلال", {"بلال", "لال"}, {"|بلال||"}},                          // Bilal
        {"wali", "والي", {"والي", "الي"}, {"|والي||"}},                           // governor
        {"kitab", "كتاب", {"كتاب", "تاب"}, {"|كتاب||"}},                          // book
        {"filastin", "فلسطين", {"فلسطين", "لسطين"}, {"|فلسطين||"}},             // Palestine
        {"wazir", "وزير", {"وزير", "زير"}, {"|وزير||"}},                          // minister
        {"bahth", "بحث", {"بحث", "حث"}, {"|بحث||"}},                              // research
        {"lubnan", "لبنان", {"لبنان", "بنان"}, {"|لبنان||"}},                     // Lebanon
        {"kanada", "كندا", {"كندا", "ندا"}, {"|كندا||"}},                         // Canada
        {"faransa", "فرنسا", {"فرنسا", "رنسا"}, {"|فرنسا||"}},                    // France
        {"wakala", "وكالة", {"وكالة", "كالة"}, {"|وكاله||"}},                     // agency
        {"sayyara", "سيارة", {"سيارة", "يارة"}, {"|سياره||"}},                    // car
        {"sitta", "ستة", {"ستة", "تة"}, {"|سته||"}},                              // six
        {"whole_with_article", "الجزائر", {"الجزائر", "جزائر"}, {"|الجزائر||A"}},
        {"whole_key_folds_alef", "إيران", {"ايران"}, {"|ايران||"}},
        // Unknown words and folded letters that are not enclitics.
        {"unknown_word", "تظاهرات", {"الحكومة"}, {"|تظاهرات||"}},                 // demonstrations
        {"unknown_keeps_key", "مستشفى", {}, {"|مستشفي||"}},                      // hospital
        {"teh_marbuta_is_not_hu", "زيارة", {"زيار"}, {"|زياره||"}},
        {"alef_maqsura_is_not_ya", "مستشفى", {"مستشف"}, {"|مستشفي||"}},
        {"article_takes_no_enclitic", "الكتابه", {"الكتاب"}, {"|الكتابه||A"}},
        {"lam_article_takes_no_enclitic", "للجنته", {"اللجنة", "الجنت"}, {"|للجنته||"}},
        {"latin_word", "Reuters", {"Reuters"}, {"|Reuters||"}},
        // Stems of fewer than 2 letters are refused; 2 letters are enough.
        {"one_letter_after_wa", "وله", {"ل", "ه"}, {"|وله||"}},
        {"one_letter_fi_hi", "فيه", {"ي"}, {"|فيه||"}},
        {"one_letter_li", "لي", {"ي"}, {"|لي||"}},
        {"one_letter_kam", "كم", {"م"}, {"|كم||"}},
        {"two_letters_wa_ma", "وما", {"ما"}, {"و|ما||"}},                         // and what
        {"two_letters_wa_la", "ولا", {"لا"}, {"و|لا||"}},                         // and not
        {"short_ila_not_article", "الى", {"الى"}, {"|الي||"}},                    // misspelt إلى
    }),
    [](const auto& info) { return std::string(info.param.name); });

struct StripCase {
  std::string key;
  std::string expected;
};

void PrintTo(const StripCase& c, std::ostream* os) { *os << c.key; }

class StripArticleTest : public ::testing::TestWithParam<StripCase> {};

TEST_P(StripArticleTest, Strips) { EXPECT_EQ(StripArticle(GetParam().key), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(Table, StripArticleTest,
                         ::testing::ValuesIn(std::vector<StripCase>{
                             {"الزياره", "زياره"},    // the visit
                             {"الجزائر", "جزائر"},    // Algeria
                             {"زياره", "زياره"},      // no article
                             {"الي", "الي"},          // إلى folded: one letter after ال
                             {"ال", "ال"},
                             {"", ""},
                         }));

// Found by tests/fuzz/text_fuzz: a word longer than Analysis::kCapacity left the stem as a null view, which
// was then passed to memcpy (undefined even for 0 bytes; UBSan stops on it).
TEST(AnalysisTest, AWordTooLongToHoldHasAnEmptyStem) {
  const std::string long_stem(Analysis::kCapacity + 10, 'x');
  const Analysis a = Analysis::Make("", long_stem, "", false);
  EXPECT_EQ(a.stem(), "");
  const Analysis b = Analysis::Make(std::string(Analysis::kCapacity, 'p'), "ab", std::string(10, 's'), false);
  EXPECT_EQ(b.stem(), "");
  std::string word = "و";
  for (int i = 0; i < 40; ++i) word += "ب";
  const std::vector<Analysis> analyses = Segment(word, [](std::string_view) { return true; });
  ASSERT_FALSE(analyses.empty());
  EXPECT_EQ(analyses[0].stem(), "");  // the whole word is known, but too long to hold: it matches nothing
}

}  // namespace
}  // namespace rasad
