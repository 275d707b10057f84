// Tests of the reader's pure parts: UTF-8 repair, datelines, and the structure of plain-text articles.
#include "input/reader.h"

#include <gtest/gtest.h>

#include "lexicon/lexicon.h"

namespace rasad {
namespace {

TEST(RepairUtf8, ReplacesEachBadSequenceAndReportsTheFirst) {
  std::string s = "abc\xff" "def\xc3";
  size_t first = 99;
  EXPECT_EQ(RepairUtf8(&s, &first), 2u);
  EXPECT_EQ(first, 3u);
  EXPECT_EQ(s, "abc\xEF\xBF\xBD" "def\xEF\xBF\xBD");
  std::string good = "الجزائر";
  EXPECT_EQ(RepairUtf8(&good, &first), 0u);
  EXPECT_EQ(good, "الجزائر");
}

struct DatelineCase {
  const char* body;
  const char* rest;  // what follows the dateline; nullptr: no dateline
};

class DatelineTest : public ::testing::TestWithParam<DatelineCase> {};

TEST_P(DatelineTest, Finds) {
  const DatelineCase& c = GetParam();
  std::string body = c.body;
  size_t end = FindDateline(body);
  if (c.rest == nullptr) {
    EXPECT_EQ(end, 0u) << body;
  } else {
    std::string rest = body.substr(end);
    rest.erase(0, rest.find_first_not_of(' '));
    EXPECT_EQ(rest, c.rest) << body;
  }
}

INSTANTIATE_TEST_SUITE_P(
    News, DatelineTest,
    ::testing::Values(DatelineCase{"الجزائر – مثّل لقاء الوزير", "مثّل لقاء الوزير"},
                      DatelineCase{"الرباط - رويترز - قال مسؤول", "قال مسؤول"},
                      DatelineCase{"القاهرة - رويترز: أعلنت الوزارة", "أعلنت الوزارة"},
                      DatelineCase{"بغداد (أ ف ب) - قتل ثلاثة", "قتل ثلاثة"},
                      DatelineCase{"قال الوزير إن الحكومة - كما أعلنت - ستواصل", nullptr},  // a dash mid-sentence
                      DatelineCase{"أعلنت الحكومة، اليوم، أن - ", nullptr}));

class PlainTextTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lex = Lexicon::Load(std::string(RASAD_SOURCE_DIR) + "/data");
    ASSERT_TRUE(lex.ok()) << lex.status().message();
    lexicon_ = new Lexicon(std::move(lex).value());
  }
  static Lexicon* lexicon_;
};
Lexicon* PlainTextTest::lexicon_ = nullptr;

TEST_F(PlainTextTest, TitleSubtitleDateLineBody) {
  std::vector<std::string> warnings;
  ArticleReader reader(*lexicon_, Date(), [&](ArticleReader::Severity, const std::string& m) { warnings.push_back(m); });
  std::string text = "عنوان الخبر\n\nعنوان فرعي\nالثلاثاء 2021/07/27\n\nالجزائر – نص الخبر.\n";
  Article a = reader.ParsePlainText(text, "x", "x.txt");
  EXPECT_EQ(a.title, "عنوان الخبر");
  EXPECT_EQ(a.published, (Date{2021, 7, 27}));
  EXPECT_EQ(a.text.substr(a.body_offset, 7), std::string("الجزائر").substr(0, 7));
  EXPECT_EQ(a.text.substr(a.dateline_end), " نص الخبر.\n");
  EXPECT_TRUE(warnings.empty());
}

TEST_F(PlainTextTest, NoDateLineWarnsAndUsesTheDefault) {
  std::vector<std::string> warnings;
  ArticleReader reader(*lexicon_, Date{2020, 1, 2},
                       [&](ArticleReader::Severity, const std::string& m) { warnings.push_back(m); });
  Article a = reader.ParsePlainText("عنوان\n\nنص الخبر.\n", "x", "x.txt");
  EXPECT_EQ(a.published, (Date{2020, 1, 2}));
  EXPECT_TRUE(warnings.empty());  // a default date was given
  ArticleReader bare(*lexicon_, Date(), [&](ArticleReader::Severity, const std::string& m) { warnings.push_back(m); });
  Article b = bare.ParsePlainText("عنوان\n\nنص الخبر.\n", "x", "x.txt");
  EXPECT_FALSE(b.published.valid());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("x.txt"), std::string::npos);
}

}  // namespace
}  // namespace rasad
