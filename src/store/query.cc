// SQL for the store's questions. Every value reaches SQLite as a bound parameter.
#include "store/query.h"

#include <sqlite3.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lexicon/lexicon.h"
#include "place/gazetteer.h"
#include "text/normalize.h"
#include "text/token.h"
#include "time/date.h"

namespace rasad {
namespace {

constexpr double kEarthKm = 6371.0;
constexpr double kDefaultMinConfidence = kMinConfidence;

// A WHERE clause and its parameters, in order.
struct Where {
  std::string sql = "1";
  std::vector<std::string> params;

  void And(const std::string& clause, std::vector<std::string> values = {}) {
    sql += " AND (" + clause + ")";
    params.insert(params.end(), values.begin(), values.end());
  }
};

std::string Placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

// The first and last day of a period written YYYY, YYYY-MM or YYYY-MM-DD; empty when malformed.
std::pair<std::string, std::string> PeriodBounds(const std::string& text) {
  // Exactly YYYY, YYYY-MM or YYYY-MM-DD: nothing before, between or after (sscanf alone takes "1; DROP ...").
  static const char* const kShapes[] = {"dddd", "dddd-dd", "dddd-dd-dd"};
  bool shaped = false;
  for (const char* shape : kShapes) {
    if (text.size() != std::strlen(shape)) continue;
    shaped = true;
    for (size_t i = 0; i < text.size(); ++i) {
      shaped = shaped && (shape[i] == 'd' ? text[i] >= '0' && text[i] <= '9' : text[i] == shape[i]);
    }
    if (shaped) break;
  }
  if (!shaped) return {};
  int y = 0, m = 0, d = 0;
  const int n = std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d);
  if (n < 1 || y < 1 || (n >= 2 && (m < 1 || m > 12)) || (n == 3 && !IsValidDay(y, m, d))) return {};
  if (n == 3) {
    const std::string day = fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
    return {day, day};
  }
  if (n == 2) {
    int last = 31;
    while (!IsValidDay(y, m, last)) --last;
    return {fmt::format("{:04d}-{:02d}-01", y, m), fmt::format("{:04d}-{:02d}-{:02d}", y, m, last)};
  }
  return {fmt::format("{:04d}-01-01", y), fmt::format("{:04d}-12-31", y)};
}

// The query words as FTS5 phrases of match keys, so that search folds hamza, taa marbuta and alef maqsura as
// the index does, and no FTS5 syntax can be injected.
std::string FtsQuery(const std::string& text) {
  const NormalizedText norm = Normalize(text);
  std::vector<Token> tokens;
  Tokenize(norm.text(), 0, norm.text().size(), &tokens);
  std::string out;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kPunct) continue;
    std::string key;
    AppendMatchKey(std::string_view(norm.text()).substr(t.begin, t.end - t.begin), &key);
    std::string quoted;
    for (char c : key) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    if (!out.empty()) out += ' ';
    out += "\"" + quoted + "\"";
  }
  return out;
}

// `text` with LIKE's wildcards escaped (by '\\'): an actor code is matched as a prefix, never as a pattern.
std::string LikePrefix(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

Result<Where> BuildWhere(const Lexicon& lexicon, const EventFilter& f) {
  Where w;
  if (!f.all) w.And(fmt::format("e.confidence >= {}", kDefaultMinConfidence));
  if (!f.actors.empty()) {
    std::string clause;
    std::vector<std::string> values;
    for (const std::string& a : f.actors) {
      clause += clause.empty() ? "" : " OR ";
      clause += "e.source_code LIKE ? || '%' ESCAPE '\\' OR e.target_code LIKE ? || '%' ESCAPE '\\'";
      values.push_back(LikePrefix(a));
      values.push_back(LikePrefix(a));
    }
    w.And(clause, values);
  }
  if (!f.dyad_a.empty()) {
    w.And("(e.source_code LIKE ? || '%' ESCAPE '\\' AND e.target_code LIKE ? || '%' ESCAPE '\\') OR "
          "(e.source_code LIKE ? || '%' ESCAPE '\\' AND e.target_code LIKE ? || '%' ESCAPE '\\')",
          {LikePrefix(f.dyad_a), LikePrefix(f.dyad_b), LikePrefix(f.dyad_b), LikePrefix(f.dyad_a)});
  }
  if (!f.countries.empty()) {
    std::vector<std::string> values = f.countries;
    values.insert(values.end(), f.countries.begin(), f.countries.end());
    w.And(fmt::format("e.source_country IN ({0}) OR e.target_country IN ({0})", Placeholders(f.countries.size())), values);
  }
  if (!f.codes.empty()) w.And(fmt::format("e.event_code IN ({})", Placeholders(f.codes.size())), f.codes);
  if (!f.roots.empty()) w.And(fmt::format("e.event_root IN ({})", Placeholders(f.roots.size())), f.roots);
  if (!f.quads.empty()) {
    std::vector<std::string> values;
    for (int q : f.quads) values.push_back(std::to_string(q));
    w.And(fmt::format("e.quad_class IN ({})", Placeholders(values.size())), values);
  }
  // An event's period (a day, a month, a year) overlaps [since, until].
  const std::string event_end =
      "CASE e.date_precision WHEN 'day' THEN e.day WHEN 'month' THEN date(e.day, '+1 month', '-1 day') "
      "ELSE date(e.day, '+1 year', '-1 day') END";
  if (!f.since.empty()) {
    auto [first, last] = PeriodBounds(f.since);
    if (first.empty()) return Status::Error(fmt::format("--since wants YYYY, YYYY-MM or YYYY-MM-DD, not '{}'", f.since));
    w.And(event_end + " >= ?", {first});
  }
  if (!f.until.empty()) {
    auto [first, last] = PeriodBounds(f.until);
    if (first.empty()) return Status::Error(fmt::format("--until wants YYYY, YYYY-MM or YYYY-MM-DD, not '{}'", f.until));
    w.And("e.day <= ?", {last});
  }
  if (!f.place.empty()) {
    // A country code, or a name the gazetteer knows (any of its places), or the name as stored.
    std::string clause = "e.place_name = ? OR e.place_country = ?";
    std::vector<std::string> values = {f.place, f.place};
    for (uint32_t id : LookupPlace(lexicon, f.place)) {
      const Place p = lexicon.place(id);
      clause += " OR e.place_name = ?";
      values.push_back(std::string(p.name));
      if (p.geonames_id != 0) {
        clause += " OR e.geonames_id = ?";
        values.push_back(std::to_string(p.geonames_id));
      }
    }
    w.And(clause, values);
  }
  if (f.near_km) {
    // A bounding box here; the exact distance is checked on each row.
    const double dlat = *f.near_km / 111.0;
    const double dlon = *f.near_km / (111.0 * std::max(0.01, std::cos(*f.near_lat * M_PI / 180)));
    w.And("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?",
          {fmt::format("{}", *f.near_lat - dlat), fmt::format("{}", *f.near_lat + dlat),
           fmt::format("{}", *f.near_lon - dlon), fmt::format("{}", *f.near_lon + dlon)});
  }
  if (!f.after.empty()) {
    const size_t bar = f.after.find('|');
    if (bar == std::string::npos || bar != 10 || f.after.find_first_not_of("0123456789", bar + 1) != std::string::npos) {
      return Status::Error(fmt::format("bad cursor '{}'", f.after));
    }
    const std::string day = f.after.substr(0, bar), id = f.after.substr(bar + 1);
    w.And("e.day < ? OR (e.day = ? AND e.event_id < ?)", {day, day, id});
  }
  if (!f.text.empty()) {
    const std::string fts = FtsQuery(f.text);
    if (fts.empty()) return Status::Error("--text has no words to search");
    w.And("e.event_id IN (SELECT m.event_id FROM mentions m WHERE m.article_id IN "
          "(SELECT id FROM article_text WHERE article_text MATCH ?))",
          {fts});
  }
  return w;
}

double KmBetween(double lat1, double lon1, double lat2, double lon2) {
  const double p1 = lat1 * M_PI / 180, p2 = lat2 * M_PI / 180;
  const double dp = p2 - p1, dl = (lon2 - lon1) * M_PI / 180;
  const double a = std::sin(dp / 2) * std::sin(dp / 2) + std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
  return 2 * kEarthKm * std::asin(std::sqrt(a));
}

// Runs `sql` with `params` (each twice when `repeat`) and returns its rows; `keep` filters rows.
template <typename Keep>
Result<Table> Run(const Store& store, const std::string& sql, const std::vector<std::string>& params, int repeat,
                  Keep keep) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(store.db(), sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    return Status::Error(fmt::format("query failed: {}", sqlite3_errmsg(store.db())));
  }
  int index = 1;
  for (int r = 0; r < repeat; ++r) {
    for (const std::string& p : params) sqlite3_bind_text(stmt, index++, p.data(), static_cast<int>(p.size()), SQLITE_TRANSIENT);
  }
  Table table;
  const int n = sqlite3_column_count(stmt);
  for (int c = 0; c < n; ++c) table.columns.push_back(sqlite3_column_name(stmt, c));
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < n; ++c) {
      const unsigned char* t = sqlite3_column_text(stmt, c);
      row.push_back(t ? reinterpret_cast<const char*>(t) : "");
    }
    if (keep(row)) table.rows.push_back(std::move(row));
  }
  std::string error = rc == SQLITE_DONE ? "" : sqlite3_errmsg(store.db());
  sqlite3_finalize(stmt);
  if (!error.empty()) return Status::Error(fmt::format("query failed: {}", error));
  return table;
}

}  // namespace

Status ParseDyad(const std::string& text, EventFilter* filter) {
  const size_t comma = text.find(',');
  if (comma == std::string::npos || comma == 0 || comma + 1 == text.size()) {
    return Status::Error(fmt::format("--dyad wants two actor codes A,B, not '{}'", text));
  }
  filter->dyad_a = text.substr(0, comma);
  filter->dyad_b = text.substr(comma + 1);
  return Status();
}

Status ParseNear(const std::string& text, EventFilter* filter) {
  double lat = 0, lon = 0, km = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%lf,%lf,%lf%c", &lat, &lon, &km, &tail) != 3 || !std::isfinite(lat) ||
      !std::isfinite(lon) || !std::isfinite(km) || lat < -90 || lat > 90 || lon < -180 || lon > 180 || km <= 0) {
    return Status::Error(fmt::format("--near wants LAT,LON,KM, not '{}'", text));
  }
  filter->near_lat = lat;
  filter->near_lon = lon;
  filter->near_km = km;
  return Status();
}

Result<Table> QueryEvents(const Store& store, const Lexicon& lexicon, const EventFilter& filter, bool mentions,
                          size_t limit) {
  auto where = BuildWhere(lexicon, filter);
  if (!where.ok()) return where.status();
  std::string sql;
  if (mentions) {
    sql = "SELECT e.event_id, e.date, e.source_code AS source, e.event_code AS code, e.target_code AS target, "
          "m.article_id, a.outlet, m.sentence, m.trigger, m.rule, m.confidence, round(e.lat, 4) AS lat, "
          "round(e.lon, 4) AS lon, m.sentence_text "
          "FROM events e JOIN mentions m ON m.event_id = e.event_id JOIN articles a ON a.id = m.article_id WHERE " +
          where.value().sql + " ORDER BY e.day DESC, e.event_id DESC, m.mention_id";
  } else {
    sql = "SELECT e.event_id, e.date, e.source_code AS source, e.event_code AS code, e.target_code AS target, "
          "e.quad_class AS quad, e.goldstein, e.place_name AS place, round(e.lat, 4) AS lat, round(e.lon, 4) AS lon, "
          "e.num_mentions, e.num_articles, "
          "e.num_sources, round(e.confidence, 2) AS confidence, e.day FROM events e WHERE " +
          where.value().sql + " ORDER BY e.day DESC, e.event_id DESC";
  }
  if (limit > 0 && !filter.near_km) sql += fmt::format(" LIMIT {}", limit);
  auto table = Run(store, sql, where.value().params, 1, [&](const std::vector<std::string>& row) {
    if (!filter.near_km) return true;
    const size_t lat = mentions ? 11 : 8;
    return !row[lat].empty() && KmBetween(*filter.near_lat, *filter.near_lon, std::atof(row[lat].c_str()),
                                          std::atof(row[lat + 1].c_str())) <= *filter.near_km;
  });
  if (table.ok() && limit > 0 && table.value().rows.size() > limit) table.value().rows.resize(limit);
  return table;
}

Result<Table> Series(const Store& store, const Lexicon& lexicon, const EventFilter& filter, const std::string& by) {
  std::string period;
  if (by == "day") period = "e.day";
  else if (by == "week") period = "strftime('%Y-W%W', e.day)";
  else if (by == "month") period = "substr(e.day, 1, 7)";
  else return Status::Error(fmt::format("--by wants day, week or month, not '{}'", by));
  if (filter.near_km) return Status::Error("series takes no --near; use --place");
  auto where = BuildWhere(lexicon, filter);
  if (!where.ok()) return where.status();
  const std::string sql =
      "SELECT " + period + " AS period, count(*) AS events, round(sum(e.goldstein), 2) AS goldstein_sum, "
      "round(avg(e.goldstein), 2) AS goldstein_mean, sum(e.quad_class = 1) AS quad1, sum(e.quad_class = 2) AS quad2, "
      "sum(e.quad_class = 3) AS quad3, sum(e.quad_class = 4) AS quad4 FROM events e WHERE " +
      where.value().sql + " GROUP BY period ORDER BY period";
  return Run(store, sql, where.value().params, 1, [](const auto&) { return true; });
}

Result<Table> Top(const Store& store, const Lexicon& lexicon, const EventFilter& filter, const std::string& what,
                  size_t limit) {
  if (filter.near_km) return Status::Error("top takes no --near; use --place");
  auto where = BuildWhere(lexicon, filter);
  if (!where.ok()) return where.status();
  const std::string& w = where.value().sql;
  std::string sql;
  int repeat = 1;
  if (what == "actors") {
    sql = "SELECT actor, count(*) AS events FROM (SELECT e.source_code AS actor FROM events e WHERE " + w +
          " UNION ALL SELECT e.target_code FROM events e WHERE e.target_code != '' AND " + w +
          ") GROUP BY actor ORDER BY events DESC, actor";
    repeat = 2;
  } else if (what == "dyads") {
    sql = "SELECT e.source_code AS source, e.target_code AS target, count(*) AS events FROM events e WHERE " + w +
          " AND e.target_code != '' GROUP BY source, target ORDER BY events DESC, source, target";
  } else if (what == "codes") {
    sql = "SELECT e.event_code AS code, count(*) AS events FROM events e WHERE " + w +
          " GROUP BY code ORDER BY events DESC, code";
  } else if (what == "countries") {
    sql = "SELECT country, count(*) AS events FROM (SELECT e.source_country AS country FROM events e WHERE " + w +
          " UNION ALL SELECT e.target_country FROM events e WHERE e.target_country != '' AND " + w +
          ") WHERE country != '' GROUP BY country ORDER BY events DESC, country";
    repeat = 2;
  } else if (what == "places") {
    sql = "SELECT e.place_name AS place, e.place_country AS country, count(*) AS events FROM events e WHERE " + w +
          " AND e.place_name IS NOT NULL GROUP BY place, country ORDER BY events DESC, place";
  } else {
    return Status::Error(fmt::format("top lists actors, dyads, codes, countries or places, not '{}'", what));
  }
  if (limit > 0) sql += fmt::format(" LIMIT {}", limit);
  return Run(store, sql, where.value().params, repeat, [](const auto&) { return true; });
}

Result<Table> ExportEvents(const Store& store, const Lexicon& lexicon, const EventFilter& filter) {
  auto where = BuildWhere(lexicon, filter);
  if (!where.ok()) return where.status();
  const std::string sql =
      "SELECT e.*, (SELECT min(m.sentence) FROM mentions m WHERE m.event_id = e.event_id) AS first_sentence, "
      "(SELECT coalesce(nullif(a.url, ''), a.id) FROM mentions m JOIN articles a ON a.id = m.article_id "
      "WHERE m.event_id = e.event_id ORDER BY m.mention_id LIMIT 1) AS source_url, "
      "(SELECT min(a.ingested_at) FROM mentions m JOIN articles a ON a.id = m.article_id "
      "WHERE m.event_id = e.event_id) AS added FROM events e WHERE " +
      where.value().sql + " ORDER BY e.day, e.event_id";
  return Run(store, sql, where.value().params, 1, [&](const std::vector<std::string>& row) { return true; });
}

nlohmann::ordered_json TableJson(const Table& table) {
  // Codes (040), dates and names stay strings; counts, scores and coordinates are numbers.
  static const std::set<std::string> kNumeric = {
      "event_id", "quad", "goldstein", "lat", "lon", "num_mentions", "num_articles", "num_sources", "confidence",
      "events", "goldstein_sum", "goldstein_mean", "quad1", "quad2", "quad3", "quad4", "sentence"};
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : table.rows) {
    nlohmann::ordered_json j;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const std::string& v = row[c];
      if (v.empty()) j[table.columns[c]] = nullptr;
      else if (!kNumeric.count(table.columns[c])) j[table.columns[c]] = v;
      else if (v.find_first_of(".e") == std::string::npos) j[table.columns[c]] = std::atoll(v.c_str());
      else j[table.columns[c]] = std::strtod(v.c_str(), nullptr);
    }
    rows.push_back(std::move(j));
  }
  return rows;
}

std::string FormatTable(const Table& table, const std::string& format) {
  std::string out;
  if (format == "json") {
    for (const auto& j : TableJson(table)) {
      out += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    }
    return out;
  }
  if (format == "csv") {
    auto cell = [](const std::string& v) {
      if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
      std::string q = "\"";
      for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
      return q + "\"";
    };
    for (size_t c = 0; c < table.columns.size(); ++c) out += (c ? "," : "") + cell(table.columns[c]);
    out += "\r\n";
    for (const auto& row : table.rows) {
      for (size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + cell(row[c]);
      out += "\r\n";
    }
    return out;
  }
  // A text table, columns padded by characters (Arabic letters are one column each); long text cut.
  auto width_of = [](const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  auto cut = [&](const std::string& s) {
    if (width_of(s) <= 40) return s;
    std::string r;
    for (size_t i = 0, n = 0; i < s.size() && n < 39; ++n) {
      const unsigned char c = s[i];
      const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      r.append(s, i, len);
      i += len;
    }
    return r + "…";
  };
  std::vector<size_t> widths;
  for (const std::string& c : table.columns) widths.push_back(width_of(c));
  for (const auto& row : table.rows) {
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], width_of(cut(row[c])));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string l;
    for (size_t c = 0; c < cells.size(); ++c) {
      const std::string v = cut(cells[c]);
      l += v + std::string(c + 1 < cells.size() ? widths[c] - width_of(v) + 2 : 0, ' ');
    }
    return l + "\n";
  };
  out += line(table.columns);
  for (const auto& row : table.rows) out += line(row);
  return out;
}

}  // namespace rasad
