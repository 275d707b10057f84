// Tests of token.h. Each case lists the exact tokens of a normalised string as "K:text", where K is A for an
// Arabic word, W for another word, N for a number and P for punctuation. A cross-check verifies that tokens
// never overlap, never hold a space and lie inside the requested range.
#include "text/token.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace rasad {
namespace {

std::string Describe(std::string_view text, const Token& t) {
  std::string kind;
  switch (t.kind) {
    case TokenKind::kWord: kind = t.arabic ? "A:" : "W:"; break;
    case TokenKind::kNumber: kind = "N:"; break;
    case TokenKind::kPunct: kind = "P:"; break;
  }
  return kind + std::string(text.substr(t.begin, t.end - t.begin));
}

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, 0, text.size(), &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(Describe(text, t));
  return out;
}

struct TokenCase {
  const char* name;
  std::string text;  // already normalised
  std::vector<std::string> expected;
};

void PrintTo(const TokenCase& c, std::ostream* os) { *os << c.name; }

class TokenTest : public ::testing::TestWithParam<TokenCase> {};

TEST_P(TokenTest, TokenizesAsExpected) {
  EXPECT_EQ(Tokens(GetParam().text), GetParam().expected);
}

TEST_P(TokenTest, TokensAreDisjointAndSpaceFree) {
  const std::string& text = GetParam().text;
  std::vector<Token> tokens;
  Tokenize(text, 0, text.size(), &tokens);
  size_t previous_end = 0;
  for (const Token& t : tokens) {
    ASSERT_LE(previous_end, t.begin);
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    const std::string s = text.substr(t.begin, t.end - t.begin);
    EXPECT_EQ(s.find(' '), std::string::npos) << s;
    EXPECT_EQ(s.find('\n'), std::string::npos) << s;
    previous_end = t.end;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, TokenTest,
    ::testing::ValuesIn(std::vector<TokenCase>{
        // Words.
        {"arabic_words", "قال الرئيس", {"A:قال", "A:الرئيس"}},                      // the president said
        {"arabic_with_comma", "نعم, لا; لماذا?", {"A:نعم", "P:,", "A:لا", "P:;", "A:لماذا", "P:?"}},
        {"arabic_hyphen_splits", "تنظيم-الدولة", {"A:تنظيم", "P:-", "A:الدولة"}},  // Islamic State group
        {"arabic_then_latin_hyphen", "al-القاعدة", {"W:al", "P:-", "A:القاعدة"}},
        {"latin_hyphen_joins", "al-Qaeda", {"W:al-Qaeda"}},
        {"latin_apostrophe_joins", "Qa'ida", {"W:Qa'ida"}},
        {"latin_apostrophe_and_hyphen", "O'Brien-Smith said", {"W:O'Brien-Smith", "W:said"}},
        {"trailing_hyphen", "al- Qaeda", {"W:al", "P:-", "W:Qaeda"}},
        {"trailing_apostrophe", "leaders' summit", {"W:leaders", "P:'", "W:summit"}},
        {"double_hyphen_not_joiner", "al--Qaeda", {"W:al", "P:--", "W:Qaeda"}},
        {"us_abbreviation", "U.S.", {"W:U", "P:.", "W:S", "P:."}},
        {"latin_accented", "Québec", {"W:Québec"}},
        {"accented_hyphen", "Côte-d'Ivoire", {"W:Côte-d'Ivoire"}},
        {"mixed_script_run", "UNالأمم", {"W:UNالأمم"}},
        {"arabic_then_latin_run", "الأممUN", {"A:الأممUN"}},
        {"letter_then_digits", "G20", {"W:G", "N:20"}},
        {"arabic_word_then_number", "كوفيد-19", {"A:كوفيد", "P:-", "N:19"}},  // Covid-19
        {"fighter_jet", "F-16", {"W:F", "P:-", "N:16"}},
        {"quranic_mark_stays_in_word", "ك\u06E1تب", {"A:ك\u06E1تب"}},
        {"alef_wasla_word", "ٱلله", {"A:ٱلله"}},
        {"persian_letter_word", "پاکستان", {"A:پاکستان"}},  // unnormalised Persian still a word
        // Numbers.
        {"slashed_date", "2021/07/27", {"N:2021/07/27"}},
        {"thousands", "1,200 جندي", {"N:1,200", "A:جندي"}},                  // 1,200 soldiers
        {"millions_decimal", "1,200,000.50", {"N:1,200,000.50"}},
        {"decimal_percent", "3.5%", {"N:3.5", "P:%"}},
        {"time", "10:30 صباحا", {"N:10:30", "A:صباحا"}},                       // 10:30 a.m.
        {"year_range", "2020-2021", {"N:2020-2021"}},
        {"year_then_period", "2021.", {"N:2021", "P:."}},
        {"number_then_comma", "1,200, ثم", {"N:1,200", "P:,", "A:ثم"}},
        {"leading_point", ".5", {"P:.", "N:5"}},
        {"negative", "-5", {"P:-", "N:5"}},
        {"time_then_colon", "10:30:", {"N:10:30", "P::"}},
        {"date_then_hyphen", "2021/07/27-", {"N:2021/07/27", "P:-"}},
        {"number_glued_to_arabic", "5آلاف", {"N:5", "A:آلاف"}},
        // Punctuation.
        {"ellipsis", "...", {"P:..."}},
        {"question_exclamation", "?!", {"P:?", "P:!"}},
        {"exclamation_run", "!!!", {"P:!!!"}},
        {"quotes", "\"السلام\"", {"P:\"", "A:السلام", "P:\""}},
        {"brackets", "(رويترز)", {"P:(", "A:رويترز", "P:)"}},                  // (Reuters)
        {"hashtag", "#سوريا", {"P:#", "A:سوريا"}},                             // #Syria
        {"mention", "@UN", {"P:@", "W:UN"}},
        {"emoji", "😀", {"P:😀"}},
        {"replacement_char", "\uFFFD", {"P:\uFFFD"}},
        {"invalid_byte", "a\xFF" "b", {"W:a", "P:\xFF", "W:b"}},
        // Spaces.
        {"spaces_and_newlines", "  أ \n ب  ", {"A:أ", "A:ب"}},
        {"empty", "", {}},
    }),
    [](const auto& info) { return std::string(info.param.name); });

TEST(TokenizeTest, SubrangeOffsetsAreRelativeToText) {
  const std::string text = "قال الرئيس 2021.";  // the president said 2021.
  const size_t begin = text.find("الرئيس");
  std::vector<Token> tokens;
  Tokenize(text, begin, text.size(), &tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].begin, begin);
  EXPECT_EQ(tokens[0].end, begin + std::string("الرئيس").size());
  EXPECT_TRUE(tokens[0].arabic);
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "2021");
  EXPECT_EQ(tokens[2].kind, TokenKind::kPunct);
  EXPECT_EQ(tokens[2].end, text.size());
}

TEST(TokenizeTest, RangeEndCutsNumberAndWord) {
  const std::string text = "3.5 مليار";  // 3.5 billion
  std::vector<Token> tokens;
  Tokenize(text, 0, 2, &tokens);  // "3." : the joiner needs a digit inside the range
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(Describe(text, tokens[0]), "N:3");
  EXPECT_EQ(Describe(text, tokens[1]), "P:.");
}

TEST(TokenizeTest, AppendsToCallersVector) {
  const std::string text = "أ ب";
  std::vector<Token> tokens(2);  // two placeholder tokens the caller already had
  Tokenize(text, 0, text.size(), &tokens);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].end, 0u);
  EXPECT_EQ(Describe(text, tokens[2]), "A:أ");
  EXPECT_EQ(Describe(text, tokens[3]), "A:ب");
}

}  // namespace
}  // namespace rasad
