// The connection loop of HttpServer (http_server.h): a Stream over the socket that keeps each request to its
// deadlines, and a thread pool that counts the connections waiting for a thread. Everything between the first
// byte of a request and the last byte of its response (parsing, routing, files, errors) is cpp-httplib's own
// Server::process_request. Tested in tests/attack_test.py.
#include "serve/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace rasad {
namespace {

using Clock = std::chrono::steady_clock;

// Room for a chunked body's framing (sizes, line ends, trailers) beyond the payload itself.
constexpr size_t kChunkFraming = 64 << 10;

int MillisecondsUntil(Clock::time_point t) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t - Clock::now()).count();
  return ms <= 0 ? 0 : ms > 1 << 30 ? 1 << 30 : static_cast<int>(ms);
}

// Waits up to `ms` for `events` on `sock`; returns whether they came.
bool Wait(int sock, short events, int ms) {
  pollfd p{sock, events, 0};
  int n;
  do {
    n = ::poll(&p, 1, ms);
  } while (n < 0 && errno == EINTR);
  return n > 0;
}

// One request's stream over a connection. Reads are buffered (cpp-httplib reads headers a byte at a time).
class Connection final : public httplib::Stream {
 public:
  Connection(int sock, const HttpLimits& limits)
      : sock_(sock), limits_(limits), read_deadline_(Clock::now() + std::chrono::seconds(limits.header_seconds)) {}

  bool too_large() const { return too_large_; }
  bool closing() const { return closing_ || too_large_; }
  void Close() { closing_ = true; }

  void HeadersRead() {
    body_ = true;
    read_deadline_ = Clock::now() + std::chrono::seconds(limits_.body_seconds);
  }

  bool is_readable() const override { return off_ < size_ || Wait(sock_, POLLIN, ReadWait()); }
  bool is_writable() const override { return Wait(sock_, POLLOUT, limits_.write_seconds * 1000); }

  ssize_t read(char* ptr, size_t size) override {
    if (off_ < size_) {
      const size_t n = std::min(size, size_ - off_);
      std::memcpy(ptr, buffer_ + off_, n);
      off_ += n;
      return static_cast<ssize_t>(n);
    }
    const int wait = ReadWait();
    if (wait <= 0 || !Wait(sock_, POLLIN, wait)) return -1;  // too slow: the connection ends
    const bool direct = body_ && size >= sizeof buffer_;
    ssize_t n;
    do {
      n = ::recv(sock_, direct ? ptr : buffer_, direct ? size : sizeof buffer_, 0);
    } while (n < 0 && errno == EINTR);
    if (n > 0 && body_ && (body_bytes_ += n) > limits_.max_body_bytes + kChunkFraming) {
      too_large_ = true;
      return -1;
    }
    if (n <= 0 || direct) return n;
    if (!body_ && (header_bytes_ += n) > limits_.max_header_bytes) return -1;
    size_ = static_cast<size_t>(n);
    off_ = 0;
    return read(ptr, size);
  }

  ssize_t write(const char* ptr, size_t size) override {
    // The whole response within write_seconds: a client that reads a byte at a time cannot hold the thread.
    if (!writing_) {
      writing_ = true;
      write_deadline_ = Clock::now() + std::chrono::seconds(limits_.write_seconds);
    }
    const int wait = MillisecondsUntil(write_deadline_);
    if (wait <= 0 || !Wait(sock_, POLLOUT, wait)) return -1;
    ssize_t n;
    do {
      n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { Address(true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { Address(false, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  // The wait for the next read: the idle limit, or less when the request's deadline is nearer.
  int ReadWait() const { return std::min(limits_.idle_seconds * 1000, MillisecondsUntil(read_deadline_)); }

  void Address(bool peer, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    port = 0;
    ip.clear();
    if ((peer ? ::getpeername : ::getsockname)(sock_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return;
    char text[INET6_ADDRSTRLEN] = "";
    if (addr.ss_family == AF_INET) {
      const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
      ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
      port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
      const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
      ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
      port = ntohs(a->sin6_port);
    }
    ip = text;
  }

  const int sock_;
  const HttpLimits& limits_;
  char buffer_[4096];
  size_t off_ = 0, size_ = 0;
  size_t header_bytes_ = 0;
  size_t body_bytes_ = 0;  // counted from the end of the headers (and the buffer's part of the body before it)
  bool body_ = false;
  bool too_large_ = false;
  bool closing_ = false;  // the answer is the connection's last (its request's body is left unread)
  Clock::time_point read_deadline_;
  bool writing_ = false;
  Clock::time_point write_deadline_;
};

thread_local Connection* t_connection = nullptr;

// cpp-httplib's ThreadPool, counting the tasks (connections) that wait for a thread.
class Pool final : public httplib::TaskQueue {
 public:
  Pool(int threads, std::atomic<int>* waiting) : waiting_(waiting) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
  }

  void enqueue(std::function<void()> fn) override {
    {
      std::lock_guard lock(mu_);
      jobs_.push_back(std::move(fn));
      ++*waiting_;
    }
    cv_.notify_one();
  }

  void shutdown() override {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

 private:
  void Work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;  // stopping, and every accepted connection served
        fn = std::move(jobs_.front());
        jobs_.pop_front();
        --*waiting_;
      }
      fn();
    }
  }

  std::atomic<int>* waiting_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace

HttpServer::HttpServer(const HttpLimits& limits) : limits_(limits) {
  new_task_queue = [this] { return new Pool(limits_.threads, &waiting_); };
  set_keep_alive_max_count(limits_.keep_alive_requests);
  set_keep_alive_timeout(limits_.idle_seconds);
  set_read_timeout(limits_.idle_seconds, 0);
  set_write_timeout(limits_.write_seconds, 0);
  set_payload_max_length(limits_.max_body_bytes);
}

bool HttpServer::Bind(const std::string& host, int port) {
  if (!bind_to_port(host, port)) return false;
  // A burst of connections waits in the kernel's queue instead of being refused or retried a second later.
  ::listen(svr_sock_, SOMAXCONN);
  return true;
}

void HttpServer::HeadersRead() {
  if (t_connection != nullptr) t_connection->HeadersRead();
}

bool HttpServer::BodyTooLarge() { return t_connection != nullptr && t_connection->too_large(); }

void HttpServer::CloseAfterResponse() {
  if (t_connection != nullptr) t_connection->Close();
}

// Set while ServeConnection serves a socket on its caller's thread: the server is not listening, and the
// connection is served all the same.
thread_local bool t_direct = false;

bool HttpServer::ServeConnection(socket_t sock) {
  t_direct = true;
  const bool ok = process_and_close_socket(sock);
  t_direct = false;
  return ok;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  const int one = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  bool ok = false;
  bool linger = false;  // a body was left unread, or is still on its way
  for (size_t served = 0; served < limits_.keep_alive_requests; ++served) {
    // Wait for the request's first byte, in slices, to notice a stopping server and waiting connections.
    const auto idle_until = Clock::now() + std::chrono::seconds(limits_.idle_seconds);
    const auto yield_after = Clock::now() + std::chrono::milliseconds(200);
    bool ready = false;
    while (!ready && (svr_sock_ != INVALID_SOCKET || t_direct) && Clock::now() < idle_until) {
      if (served > 0 && waiting_ > 0 && Clock::now() >= yield_after) break;  // an idle keep-alive yields
      ready = Wait(sock, POLLIN, 50);
    }
    if (!ready) break;
    Connection connection(sock, limits_);
    t_connection = &connection;
    bool closed = false;
    // Answers carry "Connection: close" when other connections wait for a thread, or at the last request.
    const bool last = served + 1 == limits_.keep_alive_requests || waiting_ > 0;
    ok = process_request(connection, last, closed, nullptr);
    t_connection = nullptr;
    linger = connection.closing();
    if (!ok || closed || last || linger) break;
  }
  // A request refused before its body was read (413) leaves the body unread; closing then would reset the
  // connection and the client could lose the answer. So the body is drained for a moment first, as nginx does.
  // The client reads the answer once it has sent its body; up to 10 s and two bodies' worth, a second's pause ends it.
  if (linger || Wait(sock, POLLIN, 0)) {
    ::shutdown(sock, SHUT_WR);
    char sink[16384];
    const auto until = Clock::now() + std::chrono::seconds(10);
    size_t drained = 0;
    ssize_t n = 1;
    while (n > 0 && drained < 2 * limits_.max_body_bytes && Clock::now() < until &&
           Wait(sock, POLLIN, std::min(1000, MillisecondsUntil(until)))) {
      n = ::recv(sock, sink, sizeof sink, 0);
      drained += n > 0 ? n : 0;
    }
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace rasad
