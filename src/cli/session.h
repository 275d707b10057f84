// What the subcommands share: buffered standard output, and a session of engine, publication date and
// reader whose diagnostics go to stderr and are counted. For the front ends in src/cli only.
#ifndef RASAD_CLI_SESSION_H_
#define RASAD_CLI_SESSION_H_

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "input/reader.h"
#include "rasad/engine.h"
#include "time/date.h"

namespace rasad {

class Output {
 public:
  ~Output() { Flush(); }
  void Write(std::string_view s) {
    buffer_ += s;
    if (buffer_.size() > (1 << 16)) Flush();
  }
  void Flush() {
    if (!buffer_.empty()) std::fwrite(buffer_.data(), 1, buffer_.size(), stdout);
    std::fflush(stdout);
    buffer_.clear();
  }

 private:
  std::string buffer_;
};

// What coding and explaining share: the engine, the publication date for undated articles, and a reader
// whose diagnostics go to stderr and are counted.
class Session {
 public:
  // Opens the engine and checks the date. Returns 0 when ready, else prints the error and returns 2.
  int Open(const LexiconOptions& lexicon, const std::string& date) {
    auto engine = OpenEngine(lexicon);
    if (!engine.ok()) {
      std::fprintf(stderr, "rasad: error: %s\n", engine.status().message().c_str());
      return 2;
    }
    engine_ = engine.value();
    Date default_date;
    if (!date.empty()) {
      default_date = ParseIsoDate(date);
      if (!default_date.valid() || date.size() != 10) {
        std::fprintf(stderr, "rasad: error: --date wants YYYY-MM-DD, not '%s'\n", date.c_str());
        return 2;
      }
    }
    reader_ = std::make_unique<ArticleReader>(engine_->lexicon(), default_date,
                                              [this](ArticleReader::Severity severity, const std::string& message) {
                                                if (severity == ArticleReader::Severity::kError) ++errors_;
                                                std::fprintf(stderr, "rasad: %s: %s\n",
                                                             severity == ArticleReader::Severity::kError ? "error"
                                                                                                         : "warning",
                                                             message.c_str());
                                              });
    return 0;
  }

  const Engine& engine() const { return *engine_; }
  // Errors reported by the reader so far.
  size_t errors() const { return errors_; }

  // Reads every input (standard input when none); returns whether all of it was read without error.
  bool Read(std::vector<std::string> inputs, const ArticleReader::Consumer& consume) {
    if (inputs.empty()) inputs.push_back("-");
    bool ok = true;
    for (const std::string& input : inputs) ok = reader_->Read(input, consume) && ok;
    return ok && errors_ == 0;
  }

 private:
  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<ArticleReader> reader_;
  size_t errors_ = 0;
};


}  // namespace rasad

#endif  // RASAD_CLI_SESSION_H_
