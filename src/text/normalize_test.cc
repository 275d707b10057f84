// Tests of normalize.h: the character rules, NFKC, the offset map back to the original, invalid UTF-8 and
// MatchKey. Every table input is also run through cross-checks (idempotence, a monotone offset map that
// lands on character boundaries, OriginalEnd covering every character) so that a new row tests more than
// its one expected string. Invisible characters are written as \u escapes so that the source shows them.
#include "text/normalize.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace rasad {
namespace {

struct NormalizeCase {
  const char* name;
  std::string original;
  std::string expected;
};

const std::vector<NormalizeCase>& NormalizeCases() {
  static const auto* const cases = new std::vector<NormalizeCase>{
      // Tashkeel and tatweel.
      {"tashkeel_full", "مُحَمَّدٌ", "محمد"},                       // Muhammad, fully vowelled
      {"tashkeel_sentence", "قَالَ الرَّئِيسُ", "قال الرئيس"},      // the president said
      {"tashkeel_tanween_fath", "شُكْرًا جَزِيلًا", "شكرا جزيلا"},  // thanks a lot
      {"shadda_before_fatha", "م\u0651\u064Eحمد", "محمد"},        // non-canonical mark order
      {"dagger_alef", "ه\u0670ذا", "هذا"},                         // hadha with superscript alef
      {"tatweel_headline", "الـــرئيس", "الرئيس"},                 // stretched headline word
      {"tatweel_after_clitic", "وللـحكومة", "وللحكومة"},           // and for the government
      {"sukun_and_hamza_marks", "مَسْؤُول", "مسؤول"},              // official
      // Digits and Arabic punctuation.
      {"arabic_indic_year", "عام ٢٠٢١", "عام 2021"},              // year 2021
      {"persian_year", "سال ۲۰۲۱", "سال 2021"},                    // Persian digits
      {"arabic_indic_date", "في ٢٧/٠٧/٢٠٢١", "في 27/07/2021"},
      {"decimal_and_percent", "بنسبة ٣٫٥٪", "بنسبة 3.5%"},        // by 3.5 %
      {"thousands_separator", "١٬٢٠٠ جندي", "1,200 جندي"},       // 1,200 soldiers
      {"arabic_comma_semicolon_question", "نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"},
      {"urdu_full_stop", "ختم۔", "ختم."},
      {"fullwidth_digits", "\uFF12\uFF10\uFF12\uFF11", "2021"},
      {"ellipsis_character", "وانتظر\u2026", "وانتظر..."},       // and waited...
      // Quotes and dashes.
      {"guillemets", "«السلام»", "\"السلام\""},
      {"curly_double_quotes", "“الحرية”", "\"الحرية\""},
      {"low_and_reversed_quotes", "„Hamas‟", "\"Hamas\""},
      {"curly_single_quotes", "‘نعم’", "'نعم'"},
      {"right_single_quote_apostrophe", "Qa\u2019ida", "Qa'ida"},
      {"double_prime_is_a_quote", "قال\u2033نعم\u2033", "قال\"نعم\""},
      {"en_dash_range", "2020–2021", "2020-2021"},
      {"em_dash_byline", "بغداد — رويترز", "بغداد - رويترز"},  // Baghdad - Reuters
      {"non_breaking_hyphen", "al\u2011Qaeda", "al-Qaeda"},
      {"minus_sign", "\u22125", "-5"},
      // Spaces, line breaks, invisible controls.
      {"nbsp", "10\u00A0آلاف", "10 آلاف"},                        // 10 thousand
      {"narrow_nbsp", "5\u202F%", "5 %"},
      {"thin_space", "الأمم\u2009المتحدة", "الأمم المتحدة"},  // the UN
      {"ideographic_space", "a\u3000b", "a b"},
      {"tab", "الخبر\tالعاجل", "الخبر العاجل"},                     // breaking news
      {"crlf", "سطر\r\nسطر", "سطر\nسطر"},
      {"lone_cr", "أ\rب", "أ\nب"},
      {"cr_cr_lf", "x\r\r\ny", "x\n\ny"},
      {"line_and_paragraph_separators", "أ\u2028ب\u2029ج", "أ\nب\nج"},
      {"zwnj_persian", "می\u200Cخواهد", "ميخواهد"},                // Persian mi-khwahad
      {"zwj", "لا\u200Dإله", "لاإله"},
      {"rlm_around_word", "\u200Fالقدس\u200F", "القدس"},           // Jerusalem
      {"lrm_around_latin", "قال \u200EUN\u200E اليوم", "قال UN اليوم"},
      {"bidi_embedding", "\u202Bبيان\u202C", "بيان"},              // statement
      {"bidi_override", "\u202EOLLEH\u202C", "OLLEH"},
      {"bidi_isolates", "\u2067CNN\u2069 و\u2066BBC\u2069", "CNN وBBC"},
      {"arabic_letter_mark", "\u061Cمصر", "مصر"},                  // Egypt
      {"bom_and_word_joiner", "\uFEFFبغداد\u2060", "بغداد"},       // Baghdad
      {"soft_hyphen", "Abu\u00ADDhabi", "AbuDhabi"},
      // Persian letters and presentation forms.
      {"persian_keheh", "کابل", "كابل"},                           // Kabul
      {"persian_yeh", "ایران", "ايران"},                           // Iran
      {"persian_yeh_presentation_form", "\uFBFC", "ي"},
      {"persian_keheh_presentation_form", "\uFB8F", "ك"},
      {"lam_alef_ligature", "\uFEFB بد", "لا بد"},                 // must
      {"lam_alef_hamza_ligature", "\uFEF7\uFEE3\uFEE6", "لأمن"},  // for security
      {"presentation_form_word", "\uFE8D\uFEDF\uFEB4\uFEFC\uFEE1", "السلام"},  // peace, PDF-extracted
      {"allah_ligature", "\uFDF2", "الله"},
      {"salla_ligature", "\uFDFA", "صلى الله عليه وسلم"},
      {"isolated_tanween_form_dropped", "كتابا\uFE70", "كتابا"},   // no space inside the word
      {"shadda_ligature_form_dropped", "محمد\uFC60", "محمد"},
      // Composition across characters, identity of letters.
      {"alef_plus_hamza_above", "ا\u0654حمد", "أحمد"},            // Ahmad, decomposed
      {"alef_plus_hamza_below", "ا\u0655براهيم", "إبراهيم"},      // Ibrahim, decomposed
      {"alef_hamza_then_fatha", "ا\u0654\u064Eحمد", "أحمد"},
      {"latin_combining_acute", "Que\u0301bec", "Qu\u00E9bec"},
      {"tatweel_between_alef_and_hamza", "ا\u0640\u0654لم", "ألم"},    // pain, stretched before its hamza
      {"zwnj_between_alef_and_hamza", "ا\u200C\u0654من", "أمن"},      // security
      {"rlm_between_letter_and_mark", "e\u200F\u0301", "\u00E9"},
      {"fatha_between_alef_and_hamza", "ا\u064E\u0654", "أ"},
      {"removed_mark_unblocks_composition", "A\u0654\u0301", "\u00C1"},
      {"letters_keep_identity", "إلى أين آخر مستشفى مدرسة", "إلى أين آخر مستشفى مدرسة"},
      {"alef_wasla_kept", "ٱلله", "ٱلله"},
      {"ascii_unchanged", "U.S. troops left at 10:30 am.", "U.S. troops left at 10:30 am."},
      {"empty", "", ""},
  };
  return *cases;
}

void PrintTo(const NormalizeCase& c, std::ostream* os) { *os << c.name; }

class NormalizeTableTest : public ::testing::TestWithParam<NormalizeCase> {};

TEST_P(NormalizeTableTest, ProducesExpectedText) {
  const NormalizeCase& c = GetParam();
  NormalizedText n = Normalize(c.original);
  EXPECT_EQ(n.text(), c.expected);
  EXPECT_EQ(n.invalid_count(), 0u);
}

// Cross-check: normalising twice changes nothing.
TEST_P(NormalizeTableTest, IsIdempotent) {
  const NormalizedText once = Normalize(GetParam().original);
  EXPECT_EQ(Normalize(once.text()).text(), once.text());
}

bool IsLeadByte(char b) { return (static_cast<unsigned char>(b) & 0xC0) != 0x80; }

// Cross-check: the map is monotone, starts every normalised character on an original character boundary,
// and [OriginalOffset, OriginalEnd) of each single character is non-empty and inside the original.
TEST_P(NormalizeTableTest, OffsetMapIsMonotoneAndOnBoundaries) {
  const std::string& original = GetParam().original;
  const NormalizedText n = Normalize(original);
  EXPECT_EQ(n.OriginalOffset(n.text().size()), original.size());
  size_t previous = 0;
  for (size_t i = 0; i < n.text().size(); ++i) {
    const size_t o = n.OriginalOffset(i);
    ASSERT_LE(previous, o);
    ASSERT_LT(o, original.size());
    previous = o;
    if (!IsLeadByte(n.text()[i])) continue;
    EXPECT_TRUE(IsLeadByte(original[o])) << "byte " << i;
    size_t next = i + 1;
    while (next < n.text().size() && !IsLeadByte(n.text()[next])) ++next;
    EXPECT_LT(n.OriginalOffset(i), n.OriginalEnd(next)) << "byte " << i;
    EXPECT_LE(n.OriginalEnd(next), original.size());
  }
}

INSTANTIATE_TEST_SUITE_P(Table, NormalizeTableTest, ::testing::ValuesIn(NormalizeCases()),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(NormalizeTest, AsciiMapsToItself) {
  const std::string s = "Reuters, 27 July 2021: talks resumed.\nMore later.";
  const NormalizedText n = Normalize(s);
  ASSERT_EQ(n.text(), s);
  for (size_t i = 0; i <= s.size(); ++i) EXPECT_EQ(n.OriginalOffset(i), i);
}

// Property test on random concatenations of troublesome pieces (marks before and after letters, ligatures,
// bad bytes, CR LF, controls, a Hangul syllable in jamo): the output is valid UTF-8 without any removed
// character, normalising is idempotent, and the offset map is monotone and ends at the original size.
TEST(NormalizeTest, RandomPiecesKeepInvariants) {
  const std::vector<std::string> pieces = {
      "ا", "\u0654", "\u064E", "\u0651", "ـ", "م", "ة", "ى", "ک", "ی", "\uFEFB", "\uFDFA", "\uFE70",
      "\u200C", "\u200F", "\u202B", "\uFEFF", "\r", "\n", "\r\n", " ", "\u00A0", "«", "»", "\u2033",
      "٣", "۲", "،", "؟", "e", "\u0301", "\xFF", "\xD9", "\xE2\x82", ".", "A", "\uFFFD", "\u06E1",
      "\u0655", "\u0653", "و", "ي", "\uFBFC", "\u1100", "\u1161", "\u0308", "\u00AD", "\uFF21"};
  uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7FFF; };
  for (int round = 0; round < 20000; ++round) {
    std::string original;
    const int n = static_cast<int>(next() % 12);
    for (int k = 0; k < n; ++k) original += pieces[next() % pieces.size()];
    const NormalizedText once = Normalize(original);
    const std::string& text = once.text();
    ASSERT_EQ(Normalize(text).text(), text) << round;
    ASSERT_EQ(Normalize(text).invalid_count(), 0u) << round;  // \uFFFD is valid UTF-8
    for (const char* removed : {"\u200C", "\u200F", "\u202B", "\uFEFF", "\r", "\u064E", "ـ", "\u00A0"}) {
      ASSERT_EQ(text.find(removed), std::string::npos) << round;
    }
    ASSERT_EQ(once.OriginalOffset(text.size()), original.size());
    for (size_t i = 1; i < text.size(); ++i) ASSERT_LE(once.OriginalOffset(i - 1), once.OriginalOffset(i));
  }
}

// A normalised span mapped back must give exactly the original substring that a reader would highlight.
struct OffsetCase {
  const char* name;
  std::string original;
  std::string normalized_needle;  // found in the normalised text (first occurrence)
  std::string expected_original;  // [OriginalOffset(b), OriginalEnd(e)) of the needle
};

void PrintTo(const OffsetCase& c, std::ostream* os) { *os << c.name; }

class OffsetTest : public ::testing::TestWithParam<OffsetCase> {};

TEST_P(OffsetTest, MapsSpanBackToOriginal) {
  const OffsetCase& c = GetParam();
  const NormalizedText n = Normalize(c.original);
  const size_t b = n.text().find(c.normalized_needle);
  ASSERT_NE(b, std::string::npos) << n.text();
  const size_t e = b + c.normalized_needle.size();
  const size_t ob = n.OriginalOffset(b);
  const size_t oe = n.OriginalEnd(e);
  ASSERT_LE(ob, oe);
  EXPECT_EQ(c.original.substr(ob, oe - ob), c.expected_original);
}

INSTANTIATE_TEST_SUITE_P(
    Table, OffsetTest,
    ::testing::ValuesIn(std::vector<OffsetCase>{
        // A word keeps its trailing marks; the span ends where the next kept character begins.
        {"vowelled_word", "مُحَمَّدٌ قال", "محمد", "مُحَمَّدٌ"},
        {"vowelled_second_word", "قال مُحَمَّدٌ، ثم", "محمد", "مُحَمَّدٌ"},
        {"tatweel_whole", "الـــرئيس يصل", "الرئيس", "الـــرئيس"},
        {"tatweel_suffix_part", "الـــرئيس يصل", "رئيس", "رئيس"},
        {"tatweel_article_part", "الـــرئيس يصل", "ال", "الـــ"},
        {"rlm_leading_excluded", "\u200Fالقدس\u200F", "القدس", "القدس\u200F"},
        {"zwnj_inside_word", "می\u200Cخواهد", "خواهد", "خواهد"},
        {"arabic_digits", "عام ٢٠٢١م", "2021", "٢٠٢١"},
        {"persian_digits_in_date", "۱۴۰۰/۰۵/۰۵ ش", "05/05", "۰۵/۰۵"},
        {"arabic_comma", "نعم، قال", ",", "،"},
        {"question_mark", "لماذا؟", "?", "؟"},
        {"guillemet_quote_span", "قال «لا» ثم", "\"لا\"", "«لا»"},
        {"nbsp_span", "10\u00A0آلاف", "10 آلاف", "10\u00A0آلاف"},
        {"crlf_is_one_char", "أ\r\nب", "\nب", "\r\nب"},
        {"ligature_whole", "\uFEFB بد", "لا", "\uFEFB"},
        {"inside_ligature_end", "\uFEFB بد", "ل", "\uFEFB"},
        {"inside_ligature_begin", "\uFEFB بد", "ا", "\uFEFB"},
        {"word_inside_salla", "قال \uFDFA ثم", "الله", "\uFDFA"},
        {"after_salla", "قال \uFDFA ثم", "ثم", "ثم"},
        {"decomposed_hamza", "ا\u0654حمد قال", "أحمد", "ا\u0654حمد"},
        {"persian_letter", "کابل", "ك", "ک"},
        {"after_invalid_byte", "ab\xFF" "cd", "cd", "cd"},
        {"invalid_byte_itself", "ab\xFF" "cd", "\uFFFD", "\xFF"},
        {"bidi_isolated_name", "\u2067CNN\u2069 قالت", "CNN", "CNN\u2069"},
    }),
    [](const auto& info) { return std::string(info.param.name); });

struct InvalidCase {
  const char* name;
  std::string original;
  std::string expected;
  size_t count;
  size_t first_offset;
};

void PrintTo(const InvalidCase& c, std::ostream* os) { *os << c.name; }

class InvalidUtf8Test : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(InvalidUtf8Test, ReplacesCountsAndLocates) {
  const InvalidCase& c = GetParam();
  const NormalizedText n = Normalize(c.original);
  EXPECT_EQ(n.text(), c.expected);
  EXPECT_EQ(n.invalid_count(), c.count);
  if (c.count > 0) {
    EXPECT_EQ(n.first_invalid_offset(), c.first_offset);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, InvalidUtf8Test,
    ::testing::ValuesIn(std::vector<InvalidCase>{
        {"stray_ff", "abc\xFF" "def", "abc\uFFFDdef", 1, 3},
        {"truncated_arabic_letter_at_end", "مصر\xD9", "مصر\uFFFD", 1, 6},
        {"truncated_three_bytes", "\xE2\x82x", "\uFFFDx", 1, 0},
        {"overlong_slash", "a\xC0\xAF", "a\uFFFD\uFFFD", 2, 1},
        {"encoded_surrogate", "\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD", 3, 0},
        {"two_separate", "قال\xFE ثم\xFF", "قال\uFFFD ثم\uFFFD", 2, 6},
        {"latin1_bytes", "caf\xE9 au lait", "caf\uFFFD au lait", 1, 3},
        {"valid_replacement_char_not_counted", "\uFFFDب", "\uFFFDب", 0, 0},
        {"invalid_before_tashkeel", "\xFF\u064Eب", "\uFFFDب", 1, 0},
    }),
    [](const auto& info) { return std::string(info.param.name); });

struct KeyCase {
  const char* name;
  std::string word;
  std::string key;
};

void PrintTo(const KeyCase& c, std::ostream* os) { *os << c.name; }

class MatchKeyTest : public ::testing::TestWithParam<KeyCase> {};

TEST_P(MatchKeyTest, FoldsWord) {
  const KeyCase& c = GetParam();
  EXPECT_EQ(MatchKey(c.word), c.key);
  EXPECT_EQ(MatchKey(c.word).size(), c.word.size());  // folding keeps byte offsets
}

TEST_P(MatchKeyTest, AppendKeepsPrefix) {
  const KeyCase& c = GetParam();
  std::string out = "أ|";  // an already folded-looking prefix that must stay as written
  out.reserve(64);
  AppendMatchKey(c.word, &out);
  EXPECT_EQ(out, "أ|" + c.key);
}

INSTANTIATE_TEST_SUITE_P(
    Table, MatchKeyTest,
    ::testing::ValuesIn(std::vector<KeyCase>{
        {"hamza_above", "أحمد", "احمد"},              // Ahmad
        {"hamza_below", "إبراهيم", "ابراهيم"},        // Ibrahim
        {"madda", "آخر", "اخر"},                       // last
        {"wasla", "ٱلله", "الله"},
        {"all_alefs", "أإآٱا", "ااااا"},
        {"alef_maqsura", "مستشفى", "مستشفي"},        // hospital
        {"ila", "إلى", "الي"},                        // to
        {"teh_marbuta", "مدرسة", "مدرسه"},            // school
        {"teh_marbuta_in_phrase_word", "الحكومة", "الحكومه"},  // the government
        {"teh_marbuta_then_enclitic_untouched", "زيارته", "زيارته"},  // his visit: ت is not ة
        {"hamza_carriers_kept", "مسؤول رئيس", "مسؤول رئيس"},
        {"alef_inside_word", "سأل", "سال"},           // asked
        {"latin_untouched", "Reuters", "Reuters"},
        {"mixed_digits", "أبريل2021", "ابريل2021"},
        {"empty", "", ""},
    }),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace rasad
