// Fuzzes HTTP request handling: the input is what a client sends on one connection (any number of requests,
// or garbage), through cpp-httplib's parsing, rasad's limits (serve/http_server.h) and every route of
// serve/server.cc, over a store of the sample articles, with a write token and the dashboard's static files.
// The server is set up once (ServeWith) and each input is handed to it on one end of a socket pair, as an
// accepted connection; the other end writes the input, closes its writing half and reads what comes back.
// Invariant: a server that answers with a 5xx status for what a client sent is a finding (5xx means the
// server failed; 503 is kept for a store that cannot be reached, which a healthy temporary store never is).
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <future>
#include <string>
#include <string_view>
#include <thread>

#include "cli/commands.h"
#include "fuzz_common.h"
#include "serve/server.h"
#include "store/store.h"

namespace {

constexpr const char* kToken = "fuzz-token-0123456789";

rasad::HttpServer& Server() {
  static rasad::HttpServer* server = [] {
    const std::string db = rasad::fuzz::ScratchDir("http_fuzz") + "/samples.db";
    rasad::IngestOptions ingest;
    ingest.inputs = {std::string(RASAD_SOURCE_SAMPLES)};
    ingest.db = db;
    ingest.quiet = true;
    RASAD_FUZZ_CHECK(rasad::RunIngest(ingest) == 0);
    auto engine = rasad::OpenEngine(rasad::LexiconOptions{});
    RASAD_FUZZ_CHECK(engine.ok());
    auto store = rasad::Store::Open(db);
    RASAD_FUZZ_CHECK(store.ok());
    rasad::ServeOptions options;
    options.token = kToken;
    options.web_dir = RASAD_WEB_DIR;
    options.limits.idle_seconds = 1;  // an input ends with the connection's end; nothing should wait on it
    auto ready = std::make_shared<std::promise<rasad::HttpServer*>>();
    std::future<rasad::HttpServer*> started = ready->get_future();
    // The server's owner lives on a thread of its own for the life of the process.
    std::thread([engine = engine.value(), store = std::move(store).value(), options, ready]() mutable {
      rasad::ServeWith(engine, std::move(store), options, [&](rasad::HttpServer& s) {
        ready->set_value(&s);
        while (true) pause();
      });
    }).detach();
    return started.get();
  }();
  return *server;
}

// Walks the responses in `out` (status line, headers, a body of Content-Length bytes, the next response) and
// checks that none has a 5xx status. Stops at what it cannot walk (a response without a length).
void CheckStatuses(const std::string& out) {
  size_t at = 0;
  while (at < out.size()) {
    if (out.compare(at, 9, "HTTP/1.1 ") != 0 || at + 12 > out.size()) return;
    RASAD_FUZZ_CHECK(out[at + 9] != '5');
    const size_t headers_end = out.find("\r\n\r\n", at);
    if (headers_end == std::string::npos) return;
    size_t length = std::string::npos;
    for (size_t line = out.find("\r\n", at) + 2; line < headers_end; line = out.find("\r\n", line) + 2) {
      constexpr std::string_view kLength = "content-length:";
      std::string name = out.substr(line, kLength.size());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (name == kLength) length = std::strtoul(out.c_str() + line + kLength.size(), nullptr, 10);
    }
    if (length == std::string::npos) return;
    at = headers_end + 4 + length;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rasad::HttpServer& server = Server();
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) return 0;
  std::thread client_writes([&] {
    for (size_t done = 0; done < size;) {
      const ssize_t n = write(fds[0], data + done, size - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    shutdown(fds[0], SHUT_WR);
  });
  std::string answer;
  std::thread client_reads([&] {
    char buffer[1 << 16];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof(buffer))) > 0;) answer.append(buffer, static_cast<size_t>(n));
  });
  server.ServeConnection(fds[1]);  // closes fds[1]
  client_writes.join();
  client_reads.join();
  close(fds[0]);
  if (std::getenv("HTTP_FUZZ_PRINT") != nullptr) std::fwrite(answer.data(), 1, answer.size(), stderr);  // seeds
  CheckStatuses(answer);
  return 0;
}
