// Tests of the output contract: the JSON Lines fields that score.py, the store and users read, and the table.
#include "output/writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rasad {
namespace {

Event MakeEvent(const Article& article) {
  Event e;
  e.article_id = article.id;
  e.date = {2021, 7, 26};
  e.source = {"DZAGOV", "DZA", {"GOV"}, "Ramtane Lamamra", {0, 14}};
  e.target = {"USAGOV", "USA", {"GOV"}, "Joey Hood", {35, 41}};
  e.event_code = "043";
  e.event_root = "04";
  e.quad_class = 1;
  e.goldstein = 2.8;
  e.sentence = 3;
  e.sentence_span = {0, article.text.size()};
  e.trigger = {15, 31};
  e.trigger_text = "استقباله";
  e.rule = "pronoun";
  return e;
}

TEST(EventToJson, CarriesTheContract) {
  Article article;
  article.id = "a1";
  article.text = "لعمامرة يستقبل استقباله حارا للضيف هود";  // "Lamamra receives ... Hood" (test text)
  Event e = MakeEvent(article);
  e.target.span = {article.text.rfind("هود"), article.text.size()};
  e.source.span = {0, std::string("لعمامرة").size()};
  auto j = nlohmann::json::parse(EventToJson(e, article));
  EXPECT_EQ(j["article_id"], "a1");
  EXPECT_EQ(j["date"], "2021-07-26");
  EXPECT_EQ(j["date_precision"], "day");
  EXPECT_EQ(j["source"]["code"], "DZAGOV");
  EXPECT_EQ(j["source"]["country"], "DZA");
  EXPECT_EQ(j["source"]["roles"], nlohmann::json::array({"GOV"}));
  EXPECT_EQ(j["source"]["text"], "لعمامرة");
  EXPECT_EQ(j["target"]["text"], "هود");
  EXPECT_EQ(j["event_code"], "043");
  EXPECT_EQ(j["event_root"], "04");
  EXPECT_EQ(j["quad_class"], 1);
  EXPECT_DOUBLE_EQ(j["goldstein"].get<double>(), 2.8);
  EXPECT_TRUE(j["location"].is_null());
  EXPECT_EQ(j["sentence"], 3);
  EXPECT_EQ(j["evidence"]["sentence"], article.text);
  EXPECT_EQ(j["evidence"]["trigger"], nlohmann::json::array({15, 31}));
  EXPECT_TRUE(j["evidence"]["object"].is_null());
}

TEST(EventToJson, NoTargetAndNoDateAreNull) {
  Article article;
  article.id = "a2";
  article.text = "تظاهر المئات";  // "hundreds demonstrated"
  Event e = MakeEvent(article);
  e.target = Actor();
  e.date = Date();
  auto j = nlohmann::json::parse(EventToJson(e, article));
  EXPECT_TRUE(j["target"].is_null());
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_EQ(j["date_precision"], "none");
  EXPECT_TRUE(j["evidence"]["target"].is_null());
}

TEST(EventToJson, MonthPrecisionAndActorsWithoutCountry) {
  Article article;
  article.id = "a3";
  article.text = "الأمم المتحدة";
  Event e = MakeEvent(article);
  e.date = {2020, 10, 0};
  e.source = {"IGOUNO", "", {}, "United Nations", {0, article.text.size()}};
  e.target.span = {article.text.size() + 5, article.text.size() + 9};  // a span past the end is clamped
  auto j = nlohmann::json::parse(EventToJson(e, article));
  EXPECT_EQ(j["date"], "2020-10");
  EXPECT_EQ(j["date_precision"], "month");
  EXPECT_TRUE(j["source"]["country"].is_null());
  EXPECT_EQ(j["target"]["text"], "");
}

TEST(Table, OneRowPerEventAlignedOnColumns) {
  Article article;
  article.id = "a1";
  article.text = "x";
  Event e = MakeEvent(article);
  std::string rows = EventsToTable({e, e});
  EXPECT_EQ(std::count(rows.begin(), rows.end(), '\n'), 2);
  EXPECT_NE(rows.find("DZAGOV"), std::string::npos);
  EXPECT_NE(rows.find("043"), std::string::npos);
  EXPECT_NE(rows.find("استقباله"), std::string::npos);
  // The target column starts at the same display column as the header's.
  std::string header = TableHeader();
  EXPECT_EQ(rows.find("USAGOV"), header.find("TARGET"));
}

}  // namespace
}  // namespace rasad
