// A bounded queue of work between the threads of a subcommand: the reader, the coders and the writer.
// For the front ends in src/cli only.
#ifndef RASAD_CLI_QUEUE_H_
#define RASAD_CLI_QUEUE_H_

#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace rasad {

template <typename T>
class Queue {
 public:
  explicit Queue(size_t capacity) : capacity_(capacity) {}
  void Push(T item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  // Returns false when the queue is closed and empty.
  bool Pop(T* item) {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    *item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }
  // Takes whatever is ready without waiting.
  void Drain(std::vector<T>* out) {
    std::lock_guard lock(mu_);
    while (!items_.empty()) {
      out->push_back(std::move(items_.front()));
      items_.pop_front();
    }
    not_full_.notify_all();
  }
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace rasad

#endif  // RASAD_CLI_QUEUE_H_
