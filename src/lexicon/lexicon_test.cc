// Tests of the lexicon: every row is a claim the dictionaries make about Arabic news text, checked through
// the loaded lexicon; and the loader's errors for malformed sources.
#include "lexicon/lexicon.h"

#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "lexicon/test_lexicon.h"

namespace rasad {
namespace {

// Returns the code of the first entity a phrase names, or "".
std::string EntityCode(std::string_view phrase) {
  for (const LexHit& h : TestLexicon().Find(PhraseKey(phrase))) {
    if (h.kind == LexHit::Kind::kEntity) return TestLexicon().entity(h.index).CodeOn(Date());
  }
  return "";
}

std::string NisbaCountry(std::string_view word) {
  for (const LexHit& h : TestLexicon().Find(PhraseKey(word))) {
    if (h.kind == LexHit::Kind::kNisba) return TestLexicon().nisba(h.index).country;
  }
  return "";
}

std::string AgentRoles(std::string_view phrase) {
  for (const LexHit& h : TestLexicon().Find(PhraseKey(phrase))) {
    if (h.kind == LexHit::Kind::kAgent) return TestLexicon().agent(h.index).roles;
  }
  return "";
}

struct Claim {
  const char* phrase;
  const char* code;
};

class CountryNamesTest : public ::testing::TestWithParam<Claim> {};
TEST_P(CountryNamesTest, Names) { EXPECT_EQ(EntityCode(GetParam().phrase), GetParam().code) << GetParam().phrase; }
INSTANTIATE_TEST_SUITE_P(
    ArabLeagueAndPartners, CountryNamesTest,
    ::testing::Values(Claim{"الجزائر", "DZA"}, Claim{"المغرب", "MAR"}, Claim{"تونس", "TUN"}, Claim{"ليبيا", "LBY"},
                      Claim{"مصر", "EGY"}, Claim{"السودان", "SDN"}, Claim{"موريتانيا", "MRT"}, Claim{"الصومال", "SOM"},
                      Claim{"جيبوتي", "DJI"}, Claim{"جزر القمر", "COM"}, Claim{"السعودية", "SAU"},
                      Claim{"المملكة العربية السعودية", "SAU"}, Claim{"الإمارات", "ARE"},
                      Claim{"دولة الإمارات العربية المتحدة", "ARE"}, Claim{"قطر", "QAT"}, Claim{"البحرين", "BHR"},
                      Claim{"الكويت", "KWT"}, Claim{"سلطنة عمان", "OMN"}, Claim{"اليمن", "YEM"}, Claim{"العراق", "IRQ"},
                      Claim{"سوريا", "SYR"}, Claim{"لبنان", "LBN"}, Claim{"الأردن", "JOR"}, Claim{"فلسطين", "PSE"},
                      Claim{"الولايات المتحدة", "USA"}, Claim{"الولايات المتحدة الأمريكية", "USA"},
                      Claim{"أمريكا", "USA"}, Claim{"أميركا", "USA"}, Claim{"بريطانيا", "GBR"},
                      Claim{"المملكة المتحدة", "GBR"}, Claim{"فرنسا", "FRA"}, Claim{"روسيا", "RUS"},
                      Claim{"الصين", "CHN"}, Claim{"إيران", "IRN"}, Claim{"تركيا", "TUR"}, Claim{"إسرائيل", "ISR"},
                      Claim{"الصحراء الغربية", "ESH"}, Claim{"إسبانيا", "ESP"}, Claim{"ألمانيا", "DEU"}));

class CapitalsTest : public ::testing::TestWithParam<Claim> {};
TEST_P(CapitalsTest, StandForTheirGovernment) {
  EXPECT_EQ(EntityCode(GetParam().phrase), GetParam().code) << GetParam().phrase;
}
INSTANTIATE_TEST_SUITE_P(
    Metonymy, CapitalsTest,
    ::testing::Values(Claim{"واشنطن", "USAGOV"}, Claim{"الرباط", "MARGOV"}, Claim{"موسكو", "RUSGOV"},
                      Claim{"طهران", "IRNGOV"}, Claim{"أنقرة", "TURGOV"}, Claim{"القاهرة", "EGYGOV"},
                      Claim{"الرياض", "SAUGOV"}, Claim{"الجزائر العاصمة", "DZAGOV"}, Claim{"البيت الأبيض", "USAGOV"},
                      Claim{"الكرملين", "RUSGOV"}, Claim{"قصر الإليزيه", "FRAGOV"}, Claim{"بغداد", "IRQGOV"}));

class NisbaTest : public ::testing::TestWithParam<Claim> {};
TEST_P(NisbaTest, EveryInflection) { EXPECT_EQ(NisbaCountry(GetParam().phrase), GetParam().code) << GetParam().phrase; }
INSTANTIATE_TEST_SUITE_P(
    Demonyms, NisbaTest,
    ::testing::Values(Claim{"الجزائري", "DZA"}, Claim{"الجزائرية", "DZA"}, Claim{"الجزائريون", "DZA"},
                      Claim{"الجزائريين", "DZA"}, Claim{"الجزائريات", "DZA"}, Claim{"جزائري", "DZA"},
                      Claim{"الأميركي", "USA"}, Claim{"الأمريكية", "USA"}, Claim{"المغربية", "MAR"},
                      Claim{"الإسباني", "ESP"}, Claim{"التونسية", "TUN"}, Claim{"السعودي", "SAU"},
                      Claim{"الإماراتي", "ARE"}, Claim{"الفلسطينيين", "PSE"}, Claim{"الإسرائيلي", "ISR"},
                      Claim{"التركي", "TUR"}, Claim{"الروسية", "RUS"}, Claim{"العراقي", "IRQ"}));

class AgentsTest : public ::testing::TestWithParam<Claim> {};
TEST_P(AgentsTest, Roles) { EXPECT_EQ(AgentRoles(GetParam().phrase), GetParam().code) << GetParam().phrase; }
INSTANTIATE_TEST_SUITE_P(
    Titles, AgentsTest,
    ::testing::Values(Claim{"وزير الخارجية", "GOV"}, Claim{"مساعد وزير الخارجية", "GOV"},
                      Claim{"وزير الدفاع", "GOVMIL"}, Claim{"الرئيس", "GOV"}, Claim{"رئيس الوزراء", "GOV"},
                      Claim{"الجيش", "MIL"}, Claim{"الشرطة", "COP"}, Claim{"المتظاهرون", "CVL"},
                      Claim{"المتظاهرين", "CVL"}, Claim{"البرلمان", "LEG"}, Claim{"المسؤول", "GOV"},
                      Claim{"وزير خارجية", "GOV"},  // the construct form, generated and listed
                      Claim{"نظير", "GOV"}));

TEST(Persons, RolesFollowTheDate) {
  auto hits = TestLexicon().Find(PhraseKey("مارك إسبر"));
  ASSERT_FALSE(hits.empty());
  const Entity& esper = TestLexicon().entity(hits[0].index);
  EXPECT_EQ(esper.CodeOn({2020, 10, 0}), "USAGOVMIL");  // defence secretary in October 2020
  EXPECT_EQ(esper.CodeOn({2018, 5, 1}), "USAMIL");      // secretary of the army before
  EXPECT_EQ(esper.CodeOn({2023, 1, 1}), "USAELI");      // out of office: an elite
  EXPECT_TRUE(esper.InTerm({2020, 10, 0}));
  EXPECT_FALSE(esper.InTerm({2021, 2, 1}));
}

TEST(Cameo, GoldsteinAndQuadClass) {
  ASSERT_NE(TestLexicon().cameo("042"), nullptr);
  EXPECT_EQ(TestLexicon().cameo("042")->quad_class, 1);
  EXPECT_DOUBLE_EQ(TestLexicon().cameo("042")->goldstein, 1.9);
  EXPECT_EQ(TestLexicon().cameo("190")->quad_class, 4);
  EXPECT_EQ(TestLexicon().cameo("999"), nullptr);
}

TEST(Calendar, MonthsOfEveryRegionFromCldr) {
  for (const char* month : {"يوليو", "تموز", "جويلية", "يوليوز", "كانون الثاني", "غشت"}) {
    auto hits = TestLexicon().Find(PhraseKey(month));
    ASSERT_FALSE(hits.empty()) << month;
    bool is_month = false;
    for (const LexHit& h : hits) {
      is_month = is_month || (h.kind == LexHit::Kind::kTime && TestLexicon().time_word(h.index).kind == TimeWord::Kind::kMonth);
    }
    EXPECT_TRUE(is_month) << month;
  }
}

TEST(Load, MalformedLineNamesFileAndLine) {
  const std::string dir = ::testing::TempDir() + "/rasad-lex-bad";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(std::string(RASAD_SOURCE_DIR) + "/data", dir);
  {
    std::ofstream out(dir + "/events.tsv", std::ios::app);
    out << "999\tverb\tزار/يزور\t-\tobj\t-\tno such code\n";
  }
  auto lex = Lexicon::Load(dir);
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("events.tsv:"), std::string::npos) << lex.status().message();
  EXPECT_NE(lex.status().message().find("999"), std::string::npos);
  std::filesystem::remove_all(dir);
  EXPECT_FALSE(Lexicon::Load(dir).ok());  // a missing directory is an error, not a crash
}

// Found by tests/fuzz/dict_fuzz: a term date with a year of 7 digits overflowed int when packed into the image
// (2222222 * 10000), and a longer one overflowed while being read. A part has at most 4 digits.
TEST(Load, RefusesAYearOfMoreThanFourDigits) {
  for (const char* to : {"2222222-", "99999999999999999999", "20201-01-01"}) {
    const std::string dir = ::testing::TempDir() + "/rasad-lex-year";
    std::filesystem::remove_all(dir);
    std::filesystem::copy(std::string(RASAD_SOURCE_DIR) + "/data", dir);
    {
      std::ofstream out(dir + "/persons.tsv", std::ios::app);
      out << "عبد المجيد تبون\tAbdelmadjid Tebboune\tDZAGOV\t2019-12\t" << to << "\trasad\n";
    }
    auto lex = Lexicon::Load(dir);
    ASSERT_FALSE(lex.ok()) << to;
    EXPECT_NE(lex.status().message().find("persons.tsv:"), std::string::npos) << lex.status().message();
    std::filesystem::remove_all(dir);
  }
}

// Compiles data/ into a file, lets `patch` change the bytes of section `id`, recomputes the checksum (so that
// only the structural checks can refuse the file) and opens it.
template <typename Patch>
Result<Lexicon> OpenPatched(image::SectionId id, Patch patch) {
  const std::string path = ::testing::TempDir() + "/rasad-lex-patched.lex";
  EXPECT_TRUE(Lexicon::Compile(std::string(RASAD_SOURCE_DIR) + "/data", path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto reader = image::Reader::Open(bytes, path);
  EXPECT_TRUE(reader.ok());
  const std::string_view section = reader.value().Section(id);
  EXPECT_FALSE(section.empty());
  patch(bytes.data() + (section.data() - bytes.data()), section.size());
  image::Header header;
  std::memcpy(&header, bytes.data(), sizeof(header));
  header.checksum = static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(bytes.data() + sizeof(header)),
                                                static_cast<uInt>(bytes.size() - sizeof(header))));
  std::memcpy(bytes.data(), &header, sizeof(header));
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  return Lexicon::Open(path, "");
}

// Found by tests/fuzz/image_fuzz: the string references of trigger objects and prepositions were not checked
// against the string pool, so a corrupt file with a valid checksum threw std::out_of_range out of Open().
TEST(Open, RefusesAStringReferenceOutsideThePool) {
  auto lex = OpenPatched(image::SectionId::kStringRefs, [](char* section, size_t size) {
    ASSERT_GE(size, sizeof(image::StrRef));
    const image::StrRef bad{0xFFFFFF00u, 4};
    std::memcpy(section, &bad, sizeof(bad));
  });
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("corrupt"), std::string::npos) << lex.status().message();
}

}  // namespace
}  // namespace rasad
