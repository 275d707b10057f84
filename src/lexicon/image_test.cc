// Tests of the compiled lexicon file: it round-trips, and a corrupt, truncated, foreign, outdated or stale
// file is refused with a message, never mapped and used.
#include "lexicon/image.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "lexicon/lexicon.h"

namespace rasad {
namespace {

const std::string kData = std::string(RASAD_SOURCE_DIR) + "/data";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

class ImageFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/rasad-image-test";
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = dir_ + "/rasad.lex";
    ASSERT_TRUE(Lexicon::Compile(kData, path_).ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_, path_;
};

TEST_F(ImageFileTest, RoundTripsTheSources) {
  auto mapped = Lexicon::Open(path_, kData);
  ASSERT_TRUE(mapped.ok()) << mapped.status().message();
  auto built = Lexicon::Load(kData);
  ASSERT_TRUE(built.ok());
  size_t phrases = 0, same = 0;
  built.value().ForEachPhrase([&](std::string_view key, std::span<const LexHit> hits) {
    ++phrases;
    auto other = mapped.value().Find(key);
    same += other.size() == hits.size();
  });
  EXPECT_GT(phrases, 1000u);
  EXPECT_EQ(same, phrases);
  EXPECT_EQ(mapped.value().entity_count(), built.value().entity_count());
  EXPECT_TRUE(mapped.value().Known(PhraseKey("الجزائر")));
  EXPECT_TRUE(mapped.value().HasLonger(PhraseKey("وزير")));
  EXPECT_FALSE(mapped.value().Known(PhraseKey("كلمةغيرموجودة")));
}

TEST_F(ImageFileTest, SameSourcesSameBytes) {
  const std::string again = dir_ + "/again.lex";
  ASSERT_TRUE(Lexicon::Compile(kData, again).ok());
  EXPECT_EQ(ReadFile(path_), ReadFile(again));  // deterministic: no uninitialised padding, fixed key order
}

TEST_F(ImageFileTest, RefusesACorruptFile) {
  std::string bytes = ReadFile(path_);
  bytes[bytes.size() / 2] ^= 0x5a;
  WriteFile(path_, bytes);
  auto lex = Lexicon::Open(path_, "");
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("checksum"), std::string::npos) << lex.status().message();
}

TEST_F(ImageFileTest, RefusesATruncatedFile) {
  std::string bytes = ReadFile(path_);
  WriteFile(path_, bytes.substr(0, bytes.size() - 100));
  auto lex = Lexicon::Open(path_, "");
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("truncated"), std::string::npos) << lex.status().message();
}

TEST_F(ImageFileTest, RefusesAnotherFormatVersionAndForeignFiles) {
  std::string bytes = ReadFile(path_);
  bytes[8] = static_cast<char>(image::kFormatVersion + 1);
  WriteFile(path_, bytes);
  auto lex = Lexicon::Open(path_, "");
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("version"), std::string::npos) << lex.status().message();
  WriteFile(path_, "not a lexicon at all, but long enough to hold a header of fifty-six bytes...");
  EXPECT_FALSE(Lexicon::Open(path_, "").ok());
  EXPECT_FALSE(Lexicon::Open(dir_ + "/missing.lex", "").ok());
}

TEST_F(ImageFileTest, RefusesAStaleFile) {
  // Sources that differ from those the file was compiled from.
  const std::string data = dir_ + "/data";
  std::filesystem::copy(kData, data);
  ASSERT_TRUE(Lexicon::Open(path_, data).ok());
  {
    std::ofstream out(data + "/persons.tsv", std::ios::app);
    out << "شخص جديد\tA New Person\tDZAGOV\t2024-01-01\t-\trasad\n";
  }
  auto lex = Lexicon::Open(path_, data);
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("stale"), std::string::npos) << lex.status().message();
}

TEST_F(ImageFileTest, AFailedCompileLeavesNothingBehind) {
  const std::string data = dir_ + "/data";
  std::filesystem::copy(kData, data);
  {
    std::ofstream out(data + "/orgs.tsv", std::ios::app);
    out << "منظمة ناقصة\n";  // one column: malformed
  }
  const std::string out_path = dir_ + "/new.lex";
  Status s = Lexicon::Compile(data, out_path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("orgs.tsv:"), std::string::npos) << s.message();
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find("new.lex"), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace rasad
