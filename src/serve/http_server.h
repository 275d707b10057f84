// cpp-httplib's server with the limits it lacks for a server open to a network (server.cc runs on it).
//
// cpp-httplib 0.11 (Debian's) times out each read on its own: a client that sends a byte a second never times
// out and holds a worker thread for as long as it likes, and enough of them stop the server. Its listen backlog
// is 5 and its pool has max(8, cores - 1) threads, each held by one keep-alive connection while it idles.
// HttpServer keeps cpp-httplib's parsing, routing and responses and replaces only the connection loop:
//   - a request's headers must arrive within `header_seconds` of its first byte, and be at most
//     `max_header_bytes`; its body within `body_seconds` of the end of the headers; a read that waits longer
//     than `idle_seconds` ends the connection, and so does a new connection that sends nothing for as long;
//   - a body is at most `max_body_bytes`, chunked or not (cpp-httplib 0.11 limits only a Content-Length body,
//     and buffers a chunked one of any size);
//   - the listen backlog is the system's maximum, the pool has `threads` threads;
//   - a connection idling between keep-alive requests yields its thread at once when other connections wait.
// Tested in tests/attack_test.py (slow clients, many connections) and bench/load.sh.
#ifndef RASAD_SERVE_HTTP_SERVER_H_
#define RASAD_SERVE_HTTP_SERVER_H_

#include <httplib.h>

#include <atomic>
#include <string>

namespace rasad {

struct HttpLimits {
  int idle_seconds = 5;           // the longest wait for any read, and for a new request on a connection
  int header_seconds = 10;        // from a request's first byte to the end of its headers
  int body_seconds = 30;          // from the end of the headers to the end of the body
  int write_seconds = 30;         // the longest wait for any write
  size_t max_header_bytes = 64 << 10;
  size_t max_body_bytes = 16 << 20;
  size_t keep_alive_requests = 1000;
  int threads = 64;
};

class HttpServer : public httplib::Server {
 public:
  explicit HttpServer(const HttpLimits& limits);

  // Binds to host:port and widens the listen backlog. Returns false when the address cannot be bound.
  bool Bind(const std::string& host, int port);

  // Serves the requests that arrive on a connected socket, on the calling thread, under the same limits, and
  // closes it (what a pool thread does with an accepted connection). For fuzzing and tests.
  bool ServeConnection(socket_t sock);

  // Tells the connection serving the calling thread's request that the request's headers are read and its body
  // follows, under `body_seconds`. Called from the pre-routing handler; a no-op on other threads.
  static void HeadersRead();

  // Returns whether the calling thread's request was cut off for a body over `max_body_bytes`; for the error
  // handler, to answer 413 instead of cpp-httplib's 400.
  static bool BodyTooLarge();

  // Ends the calling thread's connection after the response (for a request refused with its body unread; the
  // rest of the body is drained before the socket closes, so that the client reads the answer).
  static void CloseAfterResponse();

 private:
  bool process_and_close_socket(socket_t sock) override;

  HttpLimits limits_;
  std::atomic<int> waiting_{0};  // connections accepted and not yet taken by a thread
};

}  // namespace rasad

#endif  // RASAD_SERVE_HTTP_SERVER_H_
