// Reading articles from files, directories and stdin.
//
// Formats, detected from the content rather than the name:
//   plain text   one article: title line, optional subtitle lines, a date line in any common form, body.
//                The body may open with a dateline ("الجزائر –", "الرباط - رويترز -"), which names a place.
//   JSON Lines   one article a line with the fields of the corpus: id, date, title, text, outlet, url.
//   gzip         either of the above, compressed.
//   directory    every .txt, .jsonl, .json (optionally .gz) file under it, recursively, in name order; hidden
//                files and other names (README.md) are skipped.
// The article id is the JSON id, else the file name without its extensions.
//
// Bad input never stops the reader: invalid UTF-8 is replaced by U+FFFD with a warning naming the file, line
// and byte offset; a broken JSON line is an error naming file:line and the next line is read; an empty file
// is a warning; a binary file is an error. Tested through tests/bad_input_test.py and reader_test.cc.
#ifndef RASAD_INPUT_READER_H_
#define RASAD_INPUT_READER_H_

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

#include "rasad/article.h"

namespace simdjson::dom {
class parser;
}

namespace rasad {

class Lexicon;

class ArticleReader {
 public:
  enum class Severity { kWarning, kError };
  using Sink = std::function<void(Severity, const std::string& message)>;
  using Consumer = std::function<void(Article&& article)>;

  // `lexicon` gives the month and weekday names of date lines; `default_date` is the publication date of
  // articles that state none (invalid: none). Diagnostics go to `sink`.
  ArticleReader(const Lexicon& lexicon, Date default_date, Sink sink);

  // Reads `path` ("-" for standard input) and passes each article to `consumer`. Returns false when any
  // part of the input could not be read (an error was reported); warnings do not make it false.
  bool Read(const std::string& path, const Consumer& consumer);

  // Reads articles from a buffer already in memory (an HTTP request body), as Read reads a file named `name`.
  bool ReadBuffer(std::string content, const std::string& name, const Consumer& consumer) {
    return ReadContent(std::move(content), name, consumer);
  }

  // Parses one plain-text article from `content`; exposed for tests.
  Article ParsePlainText(std::string content, const std::string& id, const std::string& source_name);

 private:
  bool ReadFile(const std::string& path, const Consumer& consumer);
  bool ReadContent(std::string content, const std::string& path, const Consumer& consumer);
  // Reads a stream block by block: JSON Lines line by line as they come (bounded memory), anything else whole.
  bool ReadStream(std::istream* in, const std::string& path, const Consumer& consumer);
  bool ReadJsonLines(const std::string& content, const std::string& path, const Consumer& consumer);
  // One line of JSON Lines, starting at byte `line_start` of the file; false when it was skipped as broken.
  bool ReadJsonLine(std::string_view line, size_t line_start, int line_no, const std::string& path,
                    simdjson::dom::parser* parser, const Consumer& consumer);
  // Where a text's header ends: title (when not given apart), subtitle lines, date line.
  struct Header {
    std::string title;  // the first line, when the title was not given apart
    std::string date;   // the date line's text, empty when none
    size_t body = 0;    // offset of the body's first non-empty line
  };
  Header FindHeader(std::string_view content, size_t from, bool has_title) const;
  void Warn(const std::string& message) { sink_(Severity::kWarning, message); }
  void Fail(const std::string& message) { sink_(Severity::kError, message); }
  // Fills article.published from `date` or the default, warning when neither gives one.
  void SetPublished(Article* article, std::string_view date);

  const Lexicon& lexicon_;
  Date default_date_;
  Sink sink_;
};

// Replaces every invalid UTF-8 sequence of *text by U+FFFD. Returns how many were replaced and sets
// *first_bad to the byte offset of the first (in the original text).
size_t RepairUtf8(std::string* text, size_t* first_bad);

// Returns the end offset of a dateline at the start of `body` ("الجزائر –", "القاهرة - رويترز:"), or 0.
size_t FindDateline(std::string_view body);

}  // namespace rasad

#endif  // RASAD_INPUT_READER_H_
