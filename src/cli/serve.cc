// `rasad serve`: the HTTP API (serve/server.h) over a store; `--demo` over one built from the sample articles.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/session.h"
#include "serve/server.h"
#include "store/store.h"

namespace rasad {

int RunServe(const ServeCliOptions& options) {
  auto engine = OpenEngine(options.lexicon);
  if (!engine.ok()) {
    std::fprintf(stderr, "rasad: error: %s\n", engine.status().message().c_str());
    return 2;
  }
  ServeOptions serve;
  serve.host = options.host;
  serve.port = options.port;
  serve.private_reads = options.private_reads;
  serve.cors_origin = options.cors;
  serve.web_dir = options.web_dir.empty() ? std::string(RASAD_WEB_DIR) : options.web_dir;
  if (!options.token_file.empty()) {
    std::ifstream in(options.token_file);
    std::getline(in, serve.token);
    while (!serve.token.empty() && (serve.token.back() == ' ' || serve.token.back() == '\r')) serve.token.pop_back();
    if (serve.token.size() < 16) {
      std::fprintf(stderr, "rasad: error: %s: no token of 16 characters or more\n", options.token_file.c_str());
      return 2;
    }
  }
  std::string db = options.db;
  if (options.demo) {
    // A database of the sample articles, made fresh in a temporary directory.
    db = (std::filesystem::temp_directory_path() / fmt::format("rasad-demo-{}.db", getpid())).string();
    IngestOptions ingest;
    ingest.inputs = {std::string(RASAD_SOURCE_SAMPLES)};
    ingest.db = db;
    ingest.quiet = true;
    ingest.lexicon = options.lexicon;
    if (int code = RunIngest(ingest); code != 0) return code;
  }
  auto store = Store::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "rasad: error: %s\n", store.status().message().c_str());
    return 2;
  }
  const Status s = Serve(engine.value(), std::move(store).value(), serve);
  if (options.demo) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix, ec);
  }
  if (!s.ok()) {
    std::fprintf(stderr, "rasad: error: %s\n", s.message().c_str());
    return 2;
  }
  return 0;
}

}  // namespace rasad
