// Status and Result<T>: how rasad reports data errors without exceptions.
//
// A data error (a bad dictionary line, an unreadable file) is returned as a Status whose message names the
// file and line. Programmer errors abort through RASAD_CHECK with the source file and line.
#ifndef RASAD_STATUS_H_
#define RASAD_STATUS_H_

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

namespace rasad {

class Status {
 public:
  // Returns an OK status.
  Status() = default;
  // Returns an error status carrying `message`, which should name the file (and line) at fault.
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !message_.has_value(); }
  // Returns the error message; empty for OK.
  const std::string& message() const {
    static const std::string kEmpty;
    return message_ ? *message_ : kEmpty;
  }

 private:
  explicit Status(std::string message) : message_(std::move(message)) {}
  std::optional<std::string> message_;
};

// Holds either a value of type T or an error Status.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}                    // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}            // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // Returns the value; the caller must have checked ok().
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace rasad

// Aborts with file and line when `cond` is false: for programmer errors only, never for bad input.
#define RASAD_CHECK(cond)                                                            \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                  \
    }                                                                                \
  } while (0)

#endif  // RASAD_STATUS_H_
