// Tests of the reader: UTF-8 repair, datelines, the structure of plain-text articles, and JSON Lines files read
// block by block (plain and gzip, several gzip members, lines across blocks, a file cut short).
#include "input/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <fstream>

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
  // Shared by the suites derived from this one (each calls this again): loaded once, kept for the whole run.
  static void SetUpTestSuite() {
    if (lexicon_ != nullptr) return;
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

// Found by tests/fuzz/reader_fuzz: content of blanks and byte-order-mark bytes only ("\xEF\xBB\xBF\n", "\xBB  ")
// made the format check read content[npos], out of bounds. Such a file is empty.
TEST_F(PlainTextTest, AByteOrderMarkAloneIsAnEmptyFile) {
  for (const char* content : {"\xEF\xBB\xBF", "\xEF\xBB\xBF\n\n", "\xBB  ", " \xEF\xBB\xBF \xEF\xBB\xBF"}) {
    std::vector<std::string> warnings;
    ArticleReader reader(*lexicon_, Date(), [&](ArticleReader::Severity, const std::string& m) { warnings.push_back(m); });
    int articles = 0;
    EXPECT_TRUE(reader.ReadBuffer(content, "bom.txt", [&](Article&&) { ++articles; }));
    EXPECT_EQ(articles, 0);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("empty"), std::string::npos) << warnings[0];
  }
}

// Lines of JSON Lines: article i has id "a<i>" and a text long enough that 3,000 of them span several blocks.
std::string JsonLines(int from, int to) {
  std::string out;
  const std::string body(400, 'x');
  for (int i = from; i < to; ++i) {
    out += "{\"id\": \"a" + std::to_string(i) + "\", \"date\": \"2021-07-27\", \"text\": \"استقبل الوزير " + body + "\"}\n";
  }
  return out;
}

std::string Gzip(const std::string& plain) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, plain.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
  zs.avail_in = static_cast<uInt>(plain.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

class StreamTest : public PlainTextTest {
 protected:
  // Writes `bytes` to a temporary file, reads it, returns the ids read; *errors counts the errors.
  std::vector<std::string> ReadIds(const std::string& bytes, const std::string& suffix, int* errors, bool* ok) {
    const std::string path = ::testing::TempDir() + "rasad_stream_" + std::to_string(getpid()) + suffix;
    std::ofstream(path, std::ios::binary) << bytes;
    std::vector<std::string> ids;
    *errors = 0;
    ArticleReader reader(*lexicon_, Date(), [&](ArticleReader::Severity s, const std::string&) {
      if (s == ArticleReader::Severity::kError) ++*errors;
    });
    *ok = reader.Read(path, [&](Article&& a) { ids.push_back(a.id); });
    std::remove(path.c_str());
    return ids;
  }
  static std::vector<std::string> Ids(int from, int to) {
    std::vector<std::string> out;
    for (int i = from; i < to; ++i) out.push_back("a" + std::to_string(i));
    return out;
  }
};

TEST_F(StreamTest, TheOutletAndItsSectionAreKept) {
  const std::string path = ::testing::TempDir() + "rasad_fields_" + std::to_string(getpid()) + ".jsonl";
  std::ofstream(path) << "{\"id\": \"x\", \"outlet\": \"Jawhara FM\", \"category\": \"localNews\", \"url\": \"u\", "
                         "\"text\": \"استقبل الوزير\"}\n{\"id\": \"y\", \"category\": null, \"text\": \"نص\"}\n";
  ArticleReader reader(*lexicon_, Date(), [](ArticleReader::Severity, const std::string&) {});
  std::vector<Article> articles;
  EXPECT_TRUE(reader.Read(path, [&](Article&& a) { articles.push_back(std::move(a)); }));
  std::remove(path.c_str());
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_EQ(articles[0].outlet, "Jawhara FM");
  EXPECT_EQ(articles[0].section, "localNews");
  EXPECT_EQ(articles[0].url, "u");
  EXPECT_EQ(articles[1].section, "");
}

TEST_F(StreamTest, PlainLinesAcrossBlocks) {
  int errors = 0;
  bool ok = false;
  // About 1.3 MB: lines cross the 1 MB block boundary; the last line has no newline.
  std::string text = JsonLines(0, 3000);
  text.pop_back();
  EXPECT_EQ(ReadIds(text, ".jsonl", &errors, &ok), Ids(0, 3000));
  EXPECT_TRUE(ok);
  EXPECT_EQ(errors, 0);
}

TEST_F(StreamTest, GzipMembersAreOneContent) {
  int errors = 0;
  bool ok = false;
  EXPECT_EQ(ReadIds(Gzip(JsonLines(0, 2500)) + Gzip(JsonLines(2500, 5000)), ".jsonl.gz", &errors, &ok), Ids(0, 5000));
  EXPECT_TRUE(ok);
  EXPECT_EQ(errors, 0);
}

TEST_F(StreamTest, ABrokenLineIsSkippedAndTheRestRead) {
  int errors = 0;
  bool ok = true;
  const std::string text = JsonLines(0, 1500) + "{\"id\": \"broken\", \"text\": \n" + JsonLines(1500, 3000);
  EXPECT_EQ(ReadIds(Gzip(text), ".jsonl.gz", &errors, &ok), Ids(0, 3000));
  EXPECT_FALSE(ok);
  EXPECT_EQ(errors, 1);
}

TEST_F(StreamTest, ACutGzipFileGivesItsWholeLinesAndAnError) {
  int errors = 0;
  bool ok = true;
  const std::string gz = Gzip(JsonLines(0, 3000));
  const std::vector<std::string> ids = ReadIds(gz.substr(0, gz.size() / 2), ".jsonl.gz", &errors, &ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(errors, 1);
  ASSERT_GT(ids.size(), 100u);
  ASSERT_LT(ids.size(), 3000u);
  EXPECT_EQ(ids, Ids(0, static_cast<int>(ids.size())));  // in order, none lost before the cut, none partial
}

}  // namespace
}  // namespace rasad
