// Tests of finding place names where the text marks a place, and of ranking the places a name may denote.
#include "place/gazetteer.h"

#include <gtest/gtest.h>

#include "lexicon/test_lexicon.h"
#include "text/normalize.h"

namespace rasad {
namespace {

// The places FindPlaces marks in `sentence`, each as "written=COUNTRY/feature" of its best candidate.
std::vector<std::string> Places(const std::string& sentence, PlaceContext context = {}) {
  const Lexicon& lex = TestLexicon();
  const NormalizedText norm = Normalize(sentence);
  ArticleMemory memory;
  SentenceMentions m;
  FindMentions(norm.text(), 0, norm.text().size(), lex, &memory, &m);
  FindPlaces(lex, &m);
  std::vector<std::string> out;
  for (const PlaceMention& p : m.places) {
    const std::vector<RankedPlace> ranked = RankPlaces(lex, p.places, context);
    const Place best = lex.place(ranked.front().index);
    out.push_back(norm.text().substr(m.words[p.first].begin, m.words[p.last - 1].end - m.words[p.first].begin) + "=" +
                  std::string(best.country) + "/" + FeatureName(best.feature));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(FindPlaces, AfterPlacePrepositionsAndLocativeBa) {
  EXPECT_EQ(Places("اجتمع الوزيران في الرباط."), V{"الرباط=MAR/city"});
  EXPECT_EQ(Places("وسقطت قذائف بحلب وقرب إدلب."), (V{"بحلب=SYR/city", "إدلب=SYR/city"}));
  EXPECT_EQ(Places("وقع الانفجار شمال بغداد."), V{"بغداد=IRQ/city"});
  // A region and a site are longer names than the city inside them.
  EXPECT_EQ(Places("تواصل القصف في محافظة إدلب."), V{"محافظة إدلب=SYR/region"});
  EXPECT_EQ(Places("اقتحمت القوات الإسرائيلية مخيم جنين في الضفة الغربية."), V{"الضفة الغربية=PSE/region"});
}

TEST(FindPlaces, AWordThatIsAlsoAPlaceIsAPlaceOnlyWhereMarked) {
  // الخبر "the news" is also a Saudi city; العين "the eye" an Emirati one.
  EXPECT_EQ(Places("نشر الخبر على موقع الوزارة."), V{});
  EXPECT_EQ(Places("عقد الاجتماع في الخبر."), V{"الخبر=SAU/city"});
}

TEST(FindPlaces, APersonsNameIsNoPlace) {
  // بسلمان is no place; a name that merely contains one (بن سلمان) neither.
  EXPECT_EQ(Places("التقى الوزير بمحمد بن سلمان أمس."), V{});
}

TEST(RankPlaces, ContextCountriesAndDatelines) {
  EXPECT_EQ(Places("انفجار في طرابلس."), V{"طرابلس=LBY/city"});  // the larger Tripoli
  EXPECT_EQ(Places("انفجار في طرابلس.", {{"LBN"}, false}), V{"طرابلس=LBN/city"});
  EXPECT_EQ(Places("اجتماع في الجزائر."), V{"الجزائر=DZA/country"});
  EXPECT_EQ(Places("اجتماع في الجزائر.", {{}, true}), V{"الجزائر=DZA/city"});  // a dateline names Algiers
}

TEST(LookupPlace, WithAndWithoutProclitics) {
  const Lexicon& lex = TestLexicon();
  EXPECT_FALSE(LookupPlace(lex, "وبالموصل").empty());
  EXPECT_FALSE(LookupPlace(lex, "للقاهرة").empty() && LookupPlace(lex, "القاهرة").empty());
  EXPECT_FALSE(LookupPlace(lex, "بنغازي").empty());  // ب of the name itself
  EXPECT_TRUE(LookupPlace(lex, "الحكومة").empty());
  EXPECT_TRUE(LookupPlace(lex, "").empty());
}

}  // namespace
}  // namespace rasad
