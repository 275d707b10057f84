// The HTTP API (server.h) on cpp-httplib, through HttpServer (http_server.h) for its connection limits.
// Every handler validates its parameters before the store sees them, and answers bad ones with a 400 JSON
// error; a store that fails (busy, broken) is a 503. Tested in tests/serve_test.py and tests/attack_test.py.
#include "serve/server.h"

#include <httplib.h>

#include <strings.h>

#include <charconv>
#include <limits>

#include <atomic>
#include <chrono>
#include <csignal>
#include <map>
#include <mutex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "input/reader.h"
#include "lexicon/lexicon.h"
#include "output/writer.h"
#include "store/export.h"
#include "store/query.h"

namespace rasad {
namespace {

using Json = nlohmann::ordered_json;

httplib::Server* g_server = nullptr;

void Stop(int) {
  if (g_server != nullptr) g_server->stop();
}

void Error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  res.status = status;
  Json j;
  j["error"] = {{"code", code}, {"message", message}};
  res.set_content(j.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json");
}

// A store that cannot answer (busy beyond its timeout, damaged): the client may retry later.
void StoreError(httplib::Response& res, sqlite3* db) {
  Error(res, 503, "store", fmt::format("the store cannot answer: {}", sqlite3_errmsg(db)));
}

// A query's error: the filter's fault (400), or the store's when SQLite failed running it (503).
void QueryError(httplib::Response& res, const Status& status) {
  const bool store = status.message().rfind("query failed", 0) == 0;
  Error(res, store ? 503 : 400, store ? "store" : "bad_request", status.message());
}

// Column c of the current row as text: "" (ColumnString) or null (ColumnJson) when it is NULL.
std::string ColumnString(sqlite3_stmt* stmt, int c) {
  const unsigned char* t = sqlite3_column_text(stmt, c);
  return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
}
Json ColumnJson(sqlite3_stmt* stmt, int c) {
  return sqlite3_column_type(stmt, c) == SQLITE_NULL ? Json(nullptr) : Json(ColumnString(stmt, c));
}

void Reply(httplib::Response& res, const Json& j) {
  res.set_content(j.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json");
}

// The filters of `rasad query` from request parameters.
Result<EventFilter> FilterOf(const httplib::Request& req) {
  EventFilter f;
  auto all = [&](const char* name) {
    std::vector<std::string> v;
    for (size_t i = 0; i < req.get_param_value_count(name); ++i) v.push_back(req.get_param_value(name, i));
    return v;
  };
  f.actors = all("actor");
  f.countries = all("country");
  f.codes = all("code");
  f.roots = all("root");
  for (const std::string& q : all("quad")) {
    if (q.size() != 1 || q[0] < '1' || q[0] > '4') return Status::Error(fmt::format("quad wants 1 to 4, not '{}'", q));
    f.quads.push_back(q[0] - '0');
  }
  f.since = req.get_param_value("since");
  f.until = req.get_param_value("until");
  f.place = req.get_param_value("place");
  f.text = req.get_param_value("text");
  if (req.has_param("all")) {
    const std::string all = req.get_param_value("all");
    if (all != "1" && all != "true" && all != "0" && all != "false") {
      return Status::Error(fmt::format("all wants 1, true, 0 or false, not '{}'", all));
    }
    f.all = all == "1" || all == "true";
  }
  f.after = req.get_param_value("cursor");
  if (req.has_param("dyad")) {
    if (Status s = ParseDyad(req.get_param_value("dyad"), &f); !s.ok()) return s;
  }
  if (req.has_param("near")) {
    if (Status s = ParseNear(req.get_param_value("near"), &f); !s.ok()) return s;
  }
  return f;
}

// Parses a whole number of decimal digits (no sign, no space); returns false for anything else or one too large.
bool ParseCount(const std::string& text, uint64_t* value) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

// The page size: `fallback` when absent, at most `most` (a larger one is clamped); an error unless a whole
// number from 1.
Result<size_t> LimitOf(const httplib::Request& req, size_t fallback, size_t most) {
  if (!req.has_param("limit")) return fallback;
  const std::string text = req.get_param_value("limit");
  uint64_t v = 0;
  if (text.find_first_not_of("0123456789") == std::string::npos && text.size() > 19) return most;  // clamped
  if (!ParseCount(text, &v) || v == 0) {
    return Status::Error(fmt::format("limit wants a whole number from 1 to {}, not '{}'", most, text));
  }
  return static_cast<size_t>(std::min<uint64_t>(v, most));
}

// The route a request took, for metrics: never the raw path, which a client chooses (and could make the map of
// counters grow without bound, or break the Prometheus text with quotes and newlines).
std::string RouteOf(const httplib::Request& req, const httplib::Response& res) {
  static const char* const kRoutes[] = {"/healthz", "/metrics", "/v1/openapi.json", "/v1/code", "/v1/articles",
                                        "/v1/events", "/v1/series", "/v1/top", "/v1/actors"};
  static const char* const kMethods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"};
  std::string method = "other";
  for (const char* m : kMethods) {
    if (req.method == m) method = m;
  }
  std::string route = res.status == 404 ? "unknown" : "static";
  for (const char* r : kRoutes) {
    if (req.path == r) route = r;
  }
  if (req.path.rfind("/v1/articles/", 0) == 0) route = "/v1/articles/{id}";
  if (req.path.rfind("/v1/events/", 0) == 0) route = "/v1/events/{id}";
  return method + " " + route;
}

const char* kOpenApi = R"json({
  "openapi": "3.0.3",
  "info": {"title": "rasad", "version": "1", "description": "Arabic news coded into CAMEO political events."},
  "paths": {
    "/healthz": {"get": {"summary": "liveness", "responses": {"200": {"description": "ok"}}}},
    "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": {"description": "text"}}}},
    "/v1/code": {"post": {"summary": "code one article (JSON or plain text); nothing is stored", "responses": {"200": {"description": "{events}"}}}},
    "/v1/articles": {"post": {"summary": "ingest JSON Lines of articles (bearer token)", "responses": {"200": {"description": "counts"}, "401": {"description": "no or wrong token"}}}},
    "/v1/articles/{id}": {"get": {"summary": "an article's text with the spans of its events", "responses": {"200": {"description": "article"}, "404": {"description": "no such article"}}}},
    "/v1/events": {"get": {"summary": "events; parameters as rasad query: actor, dyad, country, code, root, quad, since, until, place, near, text, all, limit, cursor", "responses": {"200": {"description": "{events, next_cursor}"}}}},
    "/v1/series": {"get": {"summary": "series; parameter by=day|week|month and the filters", "responses": {"200": {"description": "{series}"}}}},
    "/v1/top": {"get": {"summary": "top; parameter what=actors|dyads|codes|places and the filters", "responses": {"200": {"description": "{top}"}}}},
    "/v1/actors": {"get": {"summary": "actors whose code or name matches q", "responses": {"200": {"description": "{actors}"}}}}
  }
})json";

struct Metrics {
  std::mutex mu;
  std::map<std::string, std::pair<uint64_t, double>> routes;  // route -> (count, seconds)
  std::atomic<uint64_t> ingested{0};
};

}  // namespace

bool ConstantTimeEquals(const std::string& secret, const std::string& given) {
  // Every byte of `given` is compared (with the secret's bytes in turn), whatever the lengths: no early exit.
  if (secret.empty()) return false;
  unsigned char diff = secret.size() != given.size();
  for (size_t i = 0; i < given.size(); ++i) diff |= static_cast<unsigned char>(given[i] ^ secret[i % secret.size()]);
  return diff == 0;
}

Status Serve(std::shared_ptr<const Engine> engine, std::unique_ptr<Store> store, const ServeOptions& options) {
  return ServeWith(std::move(engine), std::move(store), options, nullptr);
}

Status ServeWith(std::shared_ptr<const Engine> engine, std::unique_ptr<Store> store, const ServeOptions& options,
                 const std::function<void(HttpServer& server)>& run) {
  HttpServer server(options.limits);
  std::mutex store_mu;
  Metrics metrics;
  const Lexicon& lex = engine->lexicon();
  const std::map<std::string, std::string> numeric = LoadCountryColumn(DefaultDataDir() + "/fips.tsv", 2);
  // Small responses go out at once: without it, a header and a body written apart wait on the client's delayed
  // acknowledgement (Nagle), and a page's dozen files take a second instead of milliseconds.
  server.set_tcp_nodelay(true);

  auto authorised = [&](const httplib::Request& req) {
    if (options.token.empty()) return false;
    const std::string header = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    return header.compare(0, prefix.size(), prefix) == 0 && ConstantTimeEquals(header.substr(prefix.size()), options.token);
  };
  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    HttpServer::HeadersRead();  // the body, if any, follows under its own deadline
    // A body declared too large is refused before it is read; cpp-httplib would read (and drop) it all first.
    if (req.has_header("Content-Length")) {
      const std::string declared = req.get_header_value("Content-Length");
      uint64_t length = 0;
      if (declared.empty() || declared.find_first_not_of("0123456789") != std::string::npos) {
        Error(res, 400, "bad_request", "Content-Length wants a whole number");
        HttpServer::CloseAfterResponse();
        return httplib::Server::HandlerResponse::Handled;
      }
      if (!ParseCount(declared, &length) || length > options.limits.max_body_bytes) {  // too many digits too
        Error(res, 413, "too_large", fmt::format("the request body is over {} bytes", options.limits.max_body_bytes));
        HttpServer::CloseAfterResponse();
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    // No Brotli: Debian's cpp-httplib compresses at Brotli's best quality, which takes a third of a second for
    // leaflet.js and most of the time of every large answer; gzip is a hundred times faster for a few per cent
    // more bytes. The request object is the server's own (not const), so its header may be rewritten here.
    for (auto& [name, value] : const_cast<httplib::Request&>(req).headers) {
      if (strcasecmp(name.c_str(), "Accept-Encoding") == 0) {
        std::string kept;
        for (size_t pos = 0; pos < value.size();) {
          size_t comma = value.find(',', pos);
          if (comma == std::string::npos) comma = value.size();
          std::string item = value.substr(pos, comma - pos);
          item.erase(0, item.find_first_not_of(' '));
          if (item.rfind("br", 0) != 0) kept += (kept.empty() ? "" : ", ") + item;
          pos = comma + 1;
        }
        value = kept;
      }
    }
    if (!options.cors_origin.empty()) {
      res.set_header("Access-Control-Allow-Origin", options.cors_origin);
      res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
    }
    if (options.private_reads && req.method == "GET" && req.path.compare(0, 4, "/v1/") == 0 && req.path != "/v1/openapi.json" &&
        !authorised(req)) {
      Error(res, 401, "unauthorised", "this server's reads need a bearer token");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_logger([&](const httplib::Request& req, const httplib::Response& res) {
    const std::string route = RouteOf(req, res);
    std::lock_guard lock(metrics.mu);
    ++metrics.routes[route].first;
  });
  auto timed = [&](const char* route, auto handler) {
    return [&, route, handler](const httplib::Request& req, httplib::Response& res) {
      const auto start = std::chrono::steady_clock::now();
      try {
        handler(req, res);
      } catch (const std::exception& e) {
        Error(res, 500, "internal", e.what());
      }
      std::lock_guard lock(metrics.mu);
      metrics.routes[std::string("time ") + route].second +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      ++metrics.routes[std::string("time ") + route].first;
    };
  };
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (HttpServer::BodyTooLarge()) return Error(res, 413, "too_large", "the request body is too large");
    if (!res.body.empty()) return;
    if (res.status == 404) Error(res, 404, "not_found", "no such endpoint: " + req.path);
    else if (res.status == 413) Error(res, 413, "too_large", "the request body is too large");
    else if (res.status >= 400) Error(res, res.status, "bad_request", "the request could not be served");
  });

  server.Get("/healthz", [](const httplib::Request&, httplib::Response& res) { Reply(res, Json{{"status", "ok"}}); });
  server.Get("/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kOpenApi, "application/json");
  });
  server.Get("/metrics", [&](const httplib::Request&, httplib::Response& res) {
    std::string out = "# HELP rasad_requests_total Requests served, by method and path.\n# TYPE rasad_requests_total counter\n";
    std::string seconds = "# HELP rasad_request_seconds Time spent serving, by route.\n# TYPE rasad_request_seconds summary\n";
    {
      std::lock_guard lock(metrics.mu);
      for (const auto& [key, value] : metrics.routes) {
        if (key.rfind("time ", 0) == 0) {
          seconds += fmt::format("rasad_request_seconds_sum{{route=\"{}\"}} {:.6f}\nrasad_request_seconds_count{{route=\"{}\"}} {}\n",
                                 key.substr(5), value.second, key.substr(5), value.first);
        } else {
          const size_t sp = key.find(' ');
          out += fmt::format("rasad_requests_total{{method=\"{}\",path=\"{}\"}} {}\n", key.substr(0, sp), key.substr(sp + 1),
                             value.first);
        }
      }
    }
    out += seconds;
    out += fmt::format("# HELP rasad_ingested_articles_total Articles stored through the API.\n"
                       "# TYPE rasad_ingested_articles_total counter\nrasad_ingested_articles_total {}\n",
                       metrics.ingested.load());
    res.set_content(out, "text/plain; version=0.0.4");
  });

  // Reads articles from a request body: JSON (one object or JSON Lines) or plain text.
  auto read_articles = [&](const httplib::Request& req, std::vector<Article>* articles, std::vector<std::string>* errors) {
    // A body sent as JSON is read as JSON: without this, one that is no JSON object would be coded as plain text.
    const std::string type = req.get_header_value("Content-Type");
    const size_t first = req.body.find_first_not_of(" \t\r\n");
    if (type.rfind("application/json", 0) == 0 || type.rfind("application/x-ndjson", 0) == 0) {
      if (first != std::string::npos && req.body[first] != '{') {
        errors->push_back("request: a JSON body holds article objects, one a line");
        return;
      }
    }
    ArticleReader reader(lex, Date(), [&](ArticleReader::Severity severity, const std::string& message) {
      if (severity == ArticleReader::Severity::kError) errors->push_back(message);
    });
    reader.ReadBuffer(req.body, "request", [&](Article&& a) { articles->push_back(std::move(a)); });
  };

  server.Post("/v1/code", timed("/v1/code", [&](const httplib::Request& req, httplib::Response& res) {
    std::vector<Article> articles;
    std::vector<std::string> errors;
    read_articles(req, &articles, &errors);
    if (articles.empty()) {
      Error(res, 400, "bad_request", errors.empty() ? "the body holds no article" : errors.front());
      return;
    }
    Json events = Json::array();
    for (const Article& a : articles) {
      for (const Event& e : engine->Code(a, nullptr)) {
        if (e.confidence < kMinConfidence && req.get_param_value("all") != "1") continue;
        events.push_back(Json::parse(EventToJson(e, a)));
      }
    }
    Json out{{"events", events}};
    if (!errors.empty()) out["errors"] = errors;
    Reply(res, out);
  }));

  server.Post("/v1/articles", timed("/v1/articles", [&](const httplib::Request& req, httplib::Response& res) {
    if (!authorised(req)) {
      Error(res, 401, "unauthorised", options.token.empty() ? "this server takes no articles (no --token-file)"
                                                            : "a bearer token is needed to store articles");
      return;
    }
    std::vector<Article> articles;
    std::vector<std::string> errors;
    read_articles(req, &articles, &errors);
    if (articles.empty()) {
      Error(res, 400, "bad_request", errors.empty() ? "the body holds no article" : errors.front());
      return;
    }
    std::vector<CodedArticle> batch;
    for (Article& a : articles) {
      CodedArticle c;
      c.events = engine->Code(a, nullptr);
      c.hash = ContentHash(a);
      c.search_text = SearchText(a);
      c.article = std::move(a);
      batch.push_back(std::move(c));
    }
    StoreCounts counts;
    Status s;
    {
      std::lock_guard lock(store_mu);
      s = store->Write(batch, &counts);
    }
    if (!s.ok()) {
      Error(res, 503, "store", s.message());
      return;
    }
    metrics.ingested += counts.added + counts.replaced;
    Reply(res, Json{{"added", counts.added}, {"replaced", counts.replaced}, {"unchanged", counts.unchanged},
                    {"mentions", counts.mentions}, {"errors", errors}});
  }));

  server.Get("/v1/events", timed("/v1/events", [&](const httplib::Request& req, httplib::Response& res) {
    auto filter = FilterOf(req);
    if (!filter.ok()) return Error(res, 400, "bad_request", filter.status().message());
    auto limit_or = LimitOf(req, 100, 1000);
    if (!limit_or.ok()) return Error(res, 400, "bad_request", limit_or.status().message());
    const size_t limit = limit_or.value();
    Result<Table> table = Status::Error("");
    {
      std::lock_guard lock(store_mu);
      table = QueryEvents(*store, lex, filter.value(), false, limit + 1);
    }
    if (!table.ok()) return QueryError(res, table.status());
    Table& t = table.value();
    Json out;
    std::string next;
    if (t.rows.size() > limit) {
      t.rows.resize(limit);
      const auto& last = t.rows.back();
      next = last.back() + "|" + last.front();  // day|event_id of the page's last event
    }
    out["events"] = TableJson(t);
    out["next_cursor"] = next.empty() ? Json(nullptr) : Json(next);
    Reply(res, out);
  }));

  server.Get("/v1/series", timed("/v1/series", [&](const httplib::Request& req, httplib::Response& res) {
    auto filter = FilterOf(req);
    if (!filter.ok()) return Error(res, 400, "bad_request", filter.status().message());
    const std::string by = req.has_param("by") ? req.get_param_value("by") : "month";
    Result<Table> table = Status::Error("");
    {
      std::lock_guard lock(store_mu);
      table = Series(*store, lex, filter.value(), by);
    }
    if (!table.ok()) return QueryError(res, table.status());
    Reply(res, Json{{"by", by}, {"series", TableJson(table.value())}});
  }));

  server.Get("/v1/top", timed("/v1/top", [&](const httplib::Request& req, httplib::Response& res) {
    auto filter = FilterOf(req);
    if (!filter.ok()) return Error(res, 400, "bad_request", filter.status().message());
    const std::string what = req.has_param("what") ? req.get_param_value("what") : "actors";
    auto limit = LimitOf(req, 20, 1000);
    if (!limit.ok()) return Error(res, 400, "bad_request", limit.status().message());
    Result<Table> table = Status::Error("");
    {
      std::lock_guard lock(store_mu);
      table = Top(*store, lex, filter.value(), what, limit.value());
    }
    if (!table.ok()) return QueryError(res, table.status());
    Json top = TableJson(table.value());
    if (what == "countries") {
      // The ISO numeric code of each country, by which the dashboard's world-atlas map knows it.
      for (Json& row : top) {
        auto it = numeric.find(row["country"].get<std::string>());
        row["numeric"] = it == numeric.end() ? Json(nullptr) : Json(it->second);
      }
    }
    Reply(res, Json{{"what", what}, {"top", top}});
  }));

  server.Get("/v1/actors", timed("/v1/actors", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string q = req.get_param_value("q");
    if (q.empty()) return Error(res, 400, "bad_request", "q is required");
    std::string pattern;  // q itself, LIKE's wildcards escaped
    for (char c : q) pattern += c == '%' || c == '_' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    std::lock_guard lock(store_mu);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(store->db(),
                       "SELECT code, name, sum(n) AS events FROM ("
                       "SELECT source_code AS code, source_name AS name, count(*) AS n FROM events GROUP BY 1, 2 UNION ALL "
                       "SELECT target_code, target_name, count(*) FROM events WHERE target_code != '' GROUP BY 1, 2) "
                       "WHERE code LIKE ?1 || '%' ESCAPE '\\' OR name LIKE '%' || ?1 || '%' ESCAPE '\\' "
                       "GROUP BY code, name "
                       "ORDER BY events DESC LIMIT 20",
                       -1, &stmt, nullptr);
    sqlite3_bind_text(stmt, 1, pattern.data(), static_cast<int>(pattern.size()), SQLITE_TRANSIENT);
    Json actors = Json::array();
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      actors.push_back(Json{{"code", ColumnString(stmt, 0)}, {"name", ColumnString(stmt, 1)},
                            {"events", sqlite3_column_int64(stmt, 2)}});
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) return StoreError(res, store->db());
    Reply(res, Json{{"actors", actors}});
  }));

  server.Get(R"(/v1/events/(\d+))", timed("/v1/events/{id}", [&](const httplib::Request& req, httplib::Response& res) {
    // One event and its mentions, each with its sentence and the spans of trigger, source, target and place as
    // byte offsets into that sentence.
    const std::string id = req.matches[1];
    uint64_t event_id = 0;
    if (!ParseCount(id, &event_id) || event_id > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return Error(res, 404, "not_found", "no such event: " + id);
    }
    std::lock_guard lock(store_mu);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(store->db(),
                       "SELECT m.article_id, a.title, a.outlet, m.sentence_text, m.trigger, m.rule, m.confidence, "
                       "m.trigger_begin - m.sentence_begin, m.trigger_end - m.sentence_begin, "
                       "m.source_begin - m.sentence_begin, m.source_end - m.sentence_begin, "
                       "m.target_begin - m.sentence_begin, m.target_end - m.sentence_begin, m.place_name, "
                       "m.place_begin - m.sentence_begin, m.place_end - m.sentence_begin, e.date, e.source_code, "
                       "e.target_code, e.event_code, e.place_name FROM mentions m JOIN articles a ON a.id = m.article_id "
                       "JOIN events e ON e.event_id = m.event_id WHERE m.event_id = ? ORDER BY m.mention_id",
                       -1, &stmt, nullptr);
    sqlite3_bind_int64(stmt, 1, static_cast<int64_t>(event_id));
    auto text = [&](int c) { return ColumnJson(stmt, c); };
    auto span = [&](int c) {
      if (sqlite3_column_type(stmt, c) == SQLITE_NULL) return Json(nullptr);
      const int64_t b = sqlite3_column_int64(stmt, c), e = sqlite3_column_int64(stmt, c + 1);
      return b < 0 || e < b ? Json(nullptr) : Json::array({b, e});  // outside the sentence: the dateline's place
    };
    Json mentions = Json::array();
    Json event;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      if (event.is_null()) {
        event = Json{{"event_id", event_id}, {"date", text(16)}, {"source", text(17)},
                     {"target", text(18)}, {"code", text(19)}, {"place", text(20)}};
      }
      mentions.push_back(Json{{"article_id", text(0)}, {"title", text(1)}, {"outlet", text(2)},
                              {"sentence", text(3)}, {"trigger", text(4)}, {"rule", text(5)},
                              {"confidence", sqlite3_column_double(stmt, 6)}, {"trigger_span", span(7)},
                              {"source_span", span(9)}, {"target_span", span(11)}, {"place_name", text(13)},
                              {"place_span", span(14)}});
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) return StoreError(res, store->db());
    if (event.is_null()) return Error(res, 404, "not_found", "no such event: " + id);
    event["mentions"] = mentions;
    Reply(res, event);
  }));

  server.Get(R"(/v1/articles/(.+))", timed("/v1/articles/{id}", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    std::lock_guard lock(store_mu);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(store->db(), "SELECT id, outlet, url, title, published, text FROM articles WHERE id = ?", -1, &stmt,
                       nullptr);
    sqlite3_bind_text(stmt, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
    if (int rc = sqlite3_step(stmt); rc != SQLITE_ROW) {
      sqlite3_finalize(stmt);
      if (rc != SQLITE_DONE) return StoreError(res, store->db());
      return Error(res, 404, "not_found", "no such article: " + id);
    }
    Json a{{"id", ColumnJson(stmt, 0)},        {"outlet", ColumnJson(stmt, 1)}, {"url", ColumnJson(stmt, 2)},
           {"title", ColumnJson(stmt, 3)},     {"published", ColumnJson(stmt, 4)}, {"text", ColumnJson(stmt, 5)}};
    sqlite3_finalize(stmt);
    // Spans are byte offsets into `text`.
    sqlite3_prepare_v2(store->db(),
                       "SELECT e.event_id, e.event_code, e.source_code, e.target_code, e.date, m.sentence, m.trigger_begin, "
                       "m.trigger_end, m.source_begin, m.source_end, m.target_begin, m.target_end, m.place_name, "
                       "m.place_begin, m.place_end, m.sentence_begin, m.sentence_end FROM mentions m JOIN events e "
                       "ON e.event_id = m.event_id WHERE m.article_id = ? ORDER BY m.sentence",
                       -1, &stmt, nullptr);
    sqlite3_bind_text(stmt, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
    Json events = Json::array();
    auto span = [&](int c) {
      if (sqlite3_column_type(stmt, c) == SQLITE_NULL) return Json(nullptr);
      return Json::array({sqlite3_column_int64(stmt, c), sqlite3_column_int64(stmt, c + 1)});
    };
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      events.push_back(Json{{"event_id", sqlite3_column_int64(stmt, 0)}, {"event_code", ColumnJson(stmt, 1)},
                            {"source", ColumnJson(stmt, 2)}, {"target", ColumnJson(stmt, 3)},
                            {"date", ColumnJson(stmt, 4)},
                            {"sentence", sqlite3_column_int64(stmt, 5)}, {"trigger_span", span(6)},
                            {"source_span", span(8)}, {"target_span", span(10)}, {"place", ColumnJson(stmt, 12)},
                            {"place_span", span(13)}, {"sentence_span", span(15)}});
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) return StoreError(res, store->db());
    a["events"] = events;
    Reply(res, a);
  }));

  // The dashboard: static files (web/ and its vendored libraries), nothing fetched from elsewhere.
  if (!options.web_dir.empty() && !server.set_mount_point("/", options.web_dir)) {
    return Status::Error(fmt::format("{}: no dashboard files there", options.web_dir));
  }
  server.set_file_extension_and_mimetype_mapping("json", "application/json");
  if (run) {
    run(server);
    return Status();
  }
  if (!server.Bind(options.host, options.port)) {
    return Status::Error(fmt::format("cannot listen on {}:{}", options.host, options.port));
  }
  g_server = &server;
  std::signal(SIGINT, Stop);
  std::signal(SIGTERM, Stop);
  std::fprintf(stderr, "rasad: serving on http://%s:%d/\n", options.host.c_str(), options.port);
  server.listen_after_bind();
  g_server = nullptr;
  return Status();
}

}  // namespace rasad
