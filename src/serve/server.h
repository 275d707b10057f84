// `rasad serve`: the HTTP API over an event store and an engine (cpp-httplib, its thread pool).
//
//   GET  /healthz                 {"status": "ok"}
//   GET  /metrics                 Prometheus text: requests and latency by route, articles ingested
//   GET  /v1/openapi.json         the API's description
//   POST /v1/code                 an article (JSON {"id", "title", "text", "date"} or plain text) -> its events
//   POST /v1/articles             JSON Lines of articles -> stored (bearer token required)
//   GET  /v1/events               the filters of `rasad query` as parameters, `limit`, `cursor` -> a page
//   GET  /v1/series, /v1/top      as `rasad series`, `rasad top`
//   GET  /v1/articles/{id}        the article's text with the spans of its events' actors, triggers and places
//   GET  /v1/events/{id}          one event with its mentions: sentence and spans of trigger, actors and place
//   GET  /v1/actors?q=            actor codes and names that begin with (or contain) q, for search as you type
//   GET  /                        the dashboard (web/), when a web directory is given
// Errors are JSON {"error": {"code", "message"}}: bad input is always a 4xx, never a 500. Bodies are limited in
// size, headers in size and time, requests in time (http_server.h); every parameter is validated (numbers in
// range, page sizes clamped) and reaches SQLite only as a bound value. The token is compared in constant time;
// reads need it only with `private_reads`; CORS headers only for `cors_origin`. Metrics name routes, never raw
// paths. The store is one SQLite connection used under a mutex (WAL mode: an ingest may write at the same time).
// Tested in tests/serve_test.py and tests/attack_test.py over loopback; under load by bench/load.sh.
#ifndef RASAD_SERVE_SERVER_H_
#define RASAD_SERVE_SERVER_H_

#include <functional>
#include <memory>
#include <string>

#include "rasad/engine.h"
#include "serve/http_server.h"
#include "store/store.h"

namespace rasad {

struct ServeOptions {
  std::string host = "127.0.0.1";  // loopback unless asked
  int port = 8080;
  std::string token;               // bearer token for writes (and reads when private); empty: writes refused
  bool private_reads = false;
  std::string cors_origin;         // empty: no CORS headers
  HttpLimits limits;               // body and header sizes, timeouts, threads
  std::string web_dir;             // the dashboard's static files served at /; empty: none
};

// Runs the server until it is stopped (SIGINT/SIGTERM). Returns a message when it cannot listen.
Status Serve(std::shared_ptr<const Engine> engine, std::unique_ptr<Store> store, const ServeOptions& options);

// Sets the server up as Serve does (routes, limits, static files) and calls `run` with it instead of listening;
// returns when `run` returns. For fuzzing and tests, which hand it connections (HttpServer::ServeConnection).
Status ServeWith(std::shared_ptr<const Engine> engine, std::unique_ptr<Store> store, const ServeOptions& options,
                 const std::function<void(HttpServer& server)>& run);

// Returns whether `given` equals `secret`, in time that depends only on the length of `given`: neither where
// they first differ nor the secret's length shows in the time taken.
bool ConstantTimeEquals(const std::string& secret, const std::string& given);

}  // namespace rasad

#endif  // RASAD_SERVE_SERVER_H_
