// TsvReader: reads the tab-separated dictionary sources line by line, skipping comments and blank lines,
// and says where it is for error messages. Tested through lexicon_test.cc.
#ifndef RASAD_LEXICON_TSV_H_
#define RASAD_LEXICON_TSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "rasad/status.h"

namespace rasad {

class TsvReader {
 public:
  // Reads the whole file at `path`. Returns an error naming the file when it cannot be read.
  static Result<TsvReader> Open(const std::string& path);

  // Moves to the next data line and splits it into *fields (views into the reader's buffer, valid until the
  // reader is destroyed). Returns false at the end of the file.
  bool Next(std::vector<std::string_view>* fields);

  // Returns "path:line" of the current line.
  std::string Where() const;
  // Returns "file:line" of the current line, without the directory (for provenance kept in compiled data).
  std::string Origin() const;
  // Returns an error "path:line: message" for the current line.
  Status Error(std::string_view message) const;

 private:
  std::string path_;
  std::string content_;
  size_t pos_ = 0;
  int line_ = 0;
};

// Splits `s` at every `sep`; returns an empty vector for "-" or "".
std::vector<std::string_view> SplitList(std::string_view s, char sep = '|');

}  // namespace rasad

#endif  // RASAD_LEXICON_TSV_H_
