// Serialises events with nlohmann::ordered_json so that fields come in the documented order; invalid UTF-8
// cannot reach here (the reader repairs it), but dump() is told to replace rather than throw all the same.
// The table pads by display columns, not bytes, so Arabic cells line up. Tested in writer_test.cc.
#include "output/writer.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rasad {
namespace {

using Json = nlohmann::ordered_json;

// Returns the text of `span`, clamped to the article: output never throws, whatever the spans say.
std::string SpanText(const Article& article, const Span& span) {
  const size_t begin = std::min(span.begin, article.text.size());
  const size_t end = std::min(std::max(span.end, begin), article.text.size());
  return article.text.substr(begin, end - begin);
}

Json SpanJson(const Span& span) { return span.empty() ? Json(nullptr) : Json::array({span.begin, span.end}); }

Json ActorJson(const Actor& actor, const Article& article) {
  if (actor.code.empty()) return nullptr;
  Json j;
  j["code"] = actor.code;
  j["country"] = actor.country.empty() ? Json(nullptr) : Json(actor.country);
  j["roles"] = actor.roles;
  j["name"] = actor.name;
  j["text"] = SpanText(article, actor.span);
  return j;
}

// Display width of UTF-8 text: combining marks take no column.
size_t Columns(std::string_view s) {
  size_t cols = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0 && u_getCombiningClass(c) == 0 && u_charType(c) != U_NON_SPACING_MARK && c != 0x200F) ++cols;
  }
  return cols;
}

std::string Pad(std::string_view s, size_t width) {
  std::string out(s);
  size_t cols = Columns(s);
  if (cols < width) out.append(width - cols, ' ');
  return out;
}

}  // namespace

std::string EventToJson(const Event& e, const Article& article) {
  Json j;
  j["article_id"] = e.article_id;
  j["date"] = e.date.valid() ? Json(e.date.ToString()) : Json(nullptr);
  j["date_precision"] = e.date.precision();
  j["source"] = ActorJson(e.source, article);
  j["target"] = ActorJson(e.target, article);
  j["event_code"] = e.event_code;
  j["event_root"] = e.event_root;
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  if (e.location.present()) {
    Json loc;
    loc["name"] = e.location.name;
    loc["text"] = e.location.written;
    loc["geonames_id"] = e.location.geonames_id == 0 ? Json(nullptr) : Json(e.location.geonames_id);
    loc["feature"] = e.location.feature;
    loc["country"] = e.location.country;
    loc["lat"] = std::round(e.location.lat * 10000) / 10000;
    loc["lon"] = std::round(e.location.lon * 10000) / 10000;
    loc["from"] = e.location.how;
    j["location"] = std::move(loc);
  } else {
    j["location"] = nullptr;
  }
  j["sentence"] = e.sentence;
  j["trigger"] = e.trigger_text;
  j["mentions"] = e.mentions;
  j["confidence"] = std::round(e.confidence * 100) / 100;
  j["rule"] = e.rule;
  Json evidence;
  evidence["sentence"] = SpanText(article, e.sentence_span);
  evidence["sentence_span"] = SpanJson(e.sentence_span);
  evidence["trigger"] = SpanJson(e.trigger);
  evidence["object"] = SpanJson(e.trigger_object);
  evidence["source"] = SpanJson(e.source.span);
  evidence["target"] = e.target.code.empty() ? Json(nullptr) : SpanJson(e.target.span);
  j["evidence"] = std::move(evidence);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string ActorToJson(const Actor& actor, const Article& article) {
  Json j;
  j["article_id"] = article.id;
  Json a = ActorJson(actor, article);
  for (auto it = a.begin(); it != a.end(); ++it) j[it.key()] = it.value();
  j["span"] = SpanJson(actor.span);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string TableHeader() {
  std::string header = fmt::format("{:<28} {:<10} {:<12} {:<5} {:<12} {:<16} {}\n", "ARTICLE", "DATE", "SOURCE",
                                   "CODE", "TARGET", "PLACE", "TRIGGER");
  header += std::string(107, '-') + "\n";
  return header;
}

std::string EventsToTable(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events) {
    std::string id = e.article_id.size() > 28 ? e.article_id.substr(0, 27) + "~" : e.article_id;
    out += Pad(id, 28) + " " + Pad(e.date.valid() ? e.date.ToString() : "-", 10) + " " + Pad(e.source.code, 12) +
           " " + Pad(e.event_code, 5) + " " + Pad(e.target.code.empty() ? "-" : e.target.code, 12) + " " +
           Pad(e.location.present() ? e.location.name : "-", 16) + " " + e.trigger_text + "\n";
  }
  return out;
}

}  // namespace rasad
