// Reads inputs whole (articles are small; a JSON Lines file is processed line by line from one buffer),
// decompresses gzip with zlib, repairs UTF-8 before anything else sees the text, and parses JSON with
// simdjson; news pages (HTML) with libxml2 (html.h). Plain-text articles are split into title, subtitle, date line and body by finding the date line
// among the first lines with the same parser that the time stage uses. Tested in reader_test.cc and
// tests/bad_input_test.py.
#include "input/reader.h"

#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "input/html.h"
#include "lexicon/lexicon.h"
#include "text/normalize.h"
#include "time/date.h"

namespace rasad {
namespace {

constexpr int kMaxHeaderLines = 6;        // title, subtitles and the date line come within this many lines
constexpr size_t kMaxDatelineBytes = 80;  // "الرباط - رويترز -" and the like are short
constexpr size_t kBinaryProbe = 8192;

bool LooksBinary(std::string_view content) {
  std::string_view probe = content.substr(0, kBinaryProbe);
  size_t control = 0;
  for (unsigned char c : probe) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 10 > probe.size();
}

bool IsGzip(std::string_view content) {
  return content.size() >= 2 && static_cast<unsigned char>(content[0]) == 0x1f &&
         static_cast<unsigned char>(content[1]) == 0x8b;
}

// Decompresses gzip (possibly several concatenated members). Returns false on corrupt data, with what was
// decompressed so far in *out.
bool Gunzip(std::string_view in, std::string* out) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buffer[1 << 16];
  int ret = Z_OK;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof(buffer);
    ret = inflate(&zs, Z_NO_FLUSH);
    out->append(buffer, sizeof(buffer) - zs.avail_out);
    if (ret == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // another gzip member follows
      continue;
    }
    if (ret != Z_OK) break;
  }
  inflateEnd(&zs);
  return ret == Z_STREAM_END;
}

// The content of a stream, block by block, decompressed when it is gzip (known by its first two bytes;
// several concatenated members are one content), so that a file of any size is read in bounded memory.
class Blocks {
 public:
  static constexpr size_t kBlockBytes = 1 << 20;

  explicit Blocks(std::istream* in) : in_(in), raw_(kBlockBytes) {}
  ~Blocks() {
    if (inflating_) inflateEnd(&zs_);
  }
  Blocks(const Blocks&) = delete;
  Blocks& operator=(const Blocks&) = delete;

  // Appends the next block of content to *out. Returns false at the end, or when the gzip data is corrupt
  // or cut (then corrupt() is true, and *out has what could be decompressed).
  bool Next(std::string* out) {
    if (done_) return false;
    if (!started_) {
      started_ = true;
      Fill();
      gzip_ = avail_ >= 2 && static_cast<uint8_t>(raw_[0]) == 0x1f && static_cast<uint8_t>(raw_[1]) == 0x8b;
      if (gzip_) {
        if (inflateInit2(&zs_, 15 + 32) != Z_OK) return Corrupt();
        inflating_ = true;
        zs_.next_in = reinterpret_cast<Bytef*>(raw_.data());
        zs_.avail_in = static_cast<uInt>(avail_);
      }
    }
    if (!gzip_) {
      if (avail_ == 0 && !Fill()) return End();
      out->append(raw_.data(), avail_);
      avail_ = 0;
      return true;
    }
    const size_t before = out->size();
    char buffer[1 << 16];
    while (out->size() - before < kBlockBytes) {
      if (zs_.avail_in == 0) {
        if (!Fill()) return out->size() > before ? true : in_end_ && !in_member_ ? End() : Corrupt();
        zs_.next_in = reinterpret_cast<Bytef*>(raw_.data());
        zs_.avail_in = static_cast<uInt>(avail_);
        avail_ = 0;
      }
      zs_.next_out = reinterpret_cast<Bytef*>(buffer);
      zs_.avail_out = sizeof(buffer);
      in_member_ = true;
      const int ret = inflate(&zs_, Z_NO_FLUSH);
      out->append(buffer, sizeof(buffer) - zs_.avail_out);
      if (ret == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&zs_);  // another member may follow
        continue;
      }
      if (ret != Z_OK && ret != Z_BUF_ERROR) return Corrupt();
    }
    return true;
  }
  bool corrupt() const { return corrupt_; }

 private:
  // Reads the next raw block into raw_; false at the end of the stream.
  bool Fill() {
    in_->read(raw_.data(), static_cast<std::streamsize>(raw_.size()));
    avail_ = static_cast<size_t>(in_->gcount());
    if (avail_ == 0) in_end_ = true;
    return avail_ > 0;
  }
  bool End() {
    done_ = true;
    return false;
  }
  bool Corrupt() {
    corrupt_ = true;
    return End();
  }

  std::istream* in_;
  std::vector<char> raw_;
  size_t avail_ = 0;  // bytes of raw_ not yet handed on (plain content)
  bool started_ = false, gzip_ = false, inflating_ = false, in_member_ = false, in_end_ = false;
  bool done_ = false, corrupt_ = false;
  z_stream zs_{};
};

std::string FileStem(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  size_t dot = name.find('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// In a directory, only files named as articles are read (README.md and the like are not articles).
bool IsArticleFile(std::string_view name) {
  for (std::string_view ext : {".txt", ".jsonl", ".json", ".jsonl.gz", ".json.gz", ".txt.gz", ".ndjson", ".html", ".htm",
                               ".html.gz"}) {
    if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) return true;
  }
  return false;
}

// Returns whether `s` holds sentence punctuation, which no dateline contains.
bool HasSentencePunct(std::string_view s) {
  return s.find_first_of(".!?\n,") != std::string_view::npos || s.find("،") != std::string_view::npos;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

size_t RepairUtf8(std::string* text, size_t* first_bad) {
  if (simdjson::validate_utf8(text->data(), text->size())) return 0;
  std::string out;
  out.reserve(text->size() + 16);
  size_t bad = 0;
  const char* s = text->data();
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text->size(), INT32_MAX));
  for (int32_t i = 0; i < n;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      if (bad++ == 0) *first_bad = start;
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    } else {
      out.append(s + start, i - start);
    }
  }
  text->swap(out);
  return bad;
}

constexpr size_t kMaxSubtitleBytes = 200;

namespace {

// Returns whether `line` has at most n words separated by white space (each word is at least one token).
bool HasAtMostWords(std::string_view line, size_t n) {
  size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (!space && !in_word && ++words > n) return false;
    in_word = !space;
  }
  return true;
}

}  // namespace

size_t FindDateline(std::string_view body) {
  // A dateline is a few words (a city, optionally an agency in brackets) closed by a dash or a colon, before
  // any sentence punctuation: "الجزائر –", "بغداد (أ ف ب) -", "القاهرة - رويترز:".
  std::string_view head = body.substr(0, kMaxDatelineBytes);
  static const std::string_view kDashes[] = {"–", "—", " - ", ":"};
  size_t best = std::string_view::npos, best_len = 0;
  for (std::string_view d : kDashes) {
    size_t at = head.find(d);
    if (at != std::string_view::npos && at > 0 && at < best) best = at, best_len = d.size();
  }
  if (best == std::string_view::npos) return 0;
  std::string_view before = head.substr(0, best);
  if (HasSentencePunct(before)) return 0;
  // A place of one to three words, and an agency in brackets: "بغداد (أ ف ب)".
  size_t bracket = before.find('(');
  std::string_view place = Trim(before.substr(0, bracket));
  if (place.empty() || std::count(place.begin(), place.end(), ' ') > 2) return 0;
  if (bracket != std::string_view::npos && before.find(')') == std::string_view::npos) return 0;
  size_t end = best + best_len;
  // "الرباط - رويترز -": an agency after the dash, closed by a second dash or colon.
  std::string_view rest = body.substr(end, 40);
  for (std::string_view d : kDashes) {
    size_t at = rest.find(d);
    if (at != std::string_view::npos && at < 30 && !HasSentencePunct(rest.substr(0, at)) &&
        std::count(rest.begin(), rest.begin() + at, ' ') <= 3) {
      end += at + d.size();
      break;
    }
  }
  return end;
}

ArticleReader::ArticleReader(const Lexicon& lexicon, Date default_date, Sink sink)
    : lexicon_(lexicon), default_date_(default_date), sink_(std::move(sink)) {}

bool ArticleReader::Read(const std::string& path, const Consumer& consumer) {
  if (path == "-") return ReadStream(&std::cin, "<stdin>", consumer);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && IsArticleFile(name)) files.push_back(it->path().string());
    }
    if (ec) {
      Fail(fmt::format("{}: cannot list directory: {}", path, ec.message()));
      return false;
    }
    std::sort(files.begin(), files.end());
    bool ok = true;
    for (const std::string& f : files) ok = ReadFile(f, consumer) && ok;
    return ok;
  }
  return ReadFile(path, consumer);
}

bool ArticleReader::ReadFile(const std::string& path, const Consumer& consumer) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Fail(fmt::format("{}: cannot open", path));
    return false;
  }
  return ReadStream(&in, path, consumer);
}

bool ArticleReader::ReadStream(std::istream* in, const std::string& path, const Consumer& consumer) {
  Blocks blocks(in);
  std::string content;
  // What kind of file: known from its first byte that is not white space.
  constexpr std::string_view kBlank = " \t\r\n\xEF\xBB\xBF";
  while (content.find_first_not_of(kBlank) == std::string::npos && blocks.Next(&content)) {
  }
  const size_t first = content.find_first_not_of(kBlank);
  const std::string corrupt_message = "{}: corrupt or truncated gzip data; coding the {} bytes that could be read";
  if (first == std::string::npos || content[first] != '{' || LooksBinary(content)) {
    // Plain text or a page: one article, read whole.
    while (blocks.Next(&content)) {
    }
    if (blocks.corrupt()) {
      Fail(fmt::format(fmt::runtime(corrupt_message), path, content.size()));
      const size_t last = content.rfind('\n');  // a partial last line is cut, not broken: dropped
      content.resize(last == std::string::npos ? 0 : last + 1);
      ReadContent(std::move(content), path, consumer);
      return false;
    }
    return ReadContent(std::move(content), path, consumer);
  }
  // JSON Lines: line by line as the blocks come, so that memory stays bounded whatever the file's size.
  simdjson::dom::parser parser;
  bool ok = true;
  int line_no = 0;
  size_t offset = 0;  // of content[0] in the file
  while (true) {
    size_t pos = 0;
    for (size_t nl; (nl = content.find('\n', pos)) != std::string::npos; pos = nl + 1) {
      ok = ReadJsonLine(std::string_view(content).substr(pos, nl - pos), offset + pos, ++line_no, path, &parser,
                        consumer) && ok;
    }
    content.erase(0, pos);
    offset += pos;
    if (!blocks.Next(&content)) break;
  }
  if (blocks.corrupt()) {
    Fail(fmt::format(fmt::runtime(corrupt_message), path, offset));
    return false;  // the partial last line is dropped
  }
  if (!content.empty()) ok = ReadJsonLine(content, offset, ++line_no, path, &parser, consumer) && ok;
  return ok;
}

bool ArticleReader::ReadContent(std::string content, const std::string& path, const Consumer& consumer) {
  bool ok = true;
  if (IsGzip(content)) {
    std::string plain;
    if (!Gunzip(content, &plain)) {
      Fail(fmt::format("{}: corrupt or truncated gzip data; coding the {} bytes that could be read", path,
                       plain.size()));
      ok = false;
      // Drop a partial last line: it is cut, not broken.
      size_t last = plain.rfind('\n');
      plain.resize(last == std::string::npos ? 0 : last + 1);
    }
    content.swap(plain);
  }
  // Blank lines and byte order marks only (a BOM-only file) is empty too: there is no first character to look at.
  const size_t first = content.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (Trim(content).empty() || first == std::string::npos) {
    Warn(fmt::format("{}: empty file, no article", path));
    return ok;
  }
  if (LooksBinary(content)) {
    Fail(fmt::format("{}: binary file, not an article; skipped", path));
    return false;
  }
  if (content[first] == '{') return ReadJsonLines(content, path, consumer) && ok;
  if (LooksLikeHtml(content)) {
    // A news page: its title, date and body become a plain-text article (title line, date line, body).
    HtmlPage page;
    if (!ReadHtmlPage(content, &page)) {
      Fail(fmt::format("{}: an HTML page with no article text; skipped", path));
      return false;
    }
    std::string text = page.title + "\n" + page.date + "\n\n" + page.body + "\n";
    size_t bad_at = 0;
    if (size_t bad = RepairUtf8(&text, &bad_at); bad > 0) {
      Warn(fmt::format("{}: invalid UTF-8 in the page's text ({} sequence{} replaced by U+FFFD)", path, bad,
                       bad == 1 ? "" : "s"));
    }
    consumer(ParsePlainText(std::move(text), FileStem(path), path));
    return ok;
  }

  size_t bad_at = 0;
  if (size_t bad = RepairUtf8(&content, &bad_at); bad > 0) {
    Warn(fmt::format("{}: invalid UTF-8 at byte {} ({} sequence{} replaced by U+FFFD)", path, bad_at, bad,
                     bad == 1 ? "" : "s"));
  }
  consumer(ParsePlainText(std::move(content), FileStem(path), path));
  return ok;
}

bool ArticleReader::ReadJsonLines(const std::string& content, const std::string& path, const Consumer& consumer) {
  simdjson::dom::parser parser;
  bool ok = true;
  int line_no = 0;
  for (size_t pos = 0; pos < content.size();) {
    size_t end = content.find('\n', pos);
    if (end == std::string::npos) end = content.size();
    ok = ReadJsonLine(std::string_view(content).substr(pos, end - pos), pos, ++line_no, path, &parser, consumer) && ok;
    pos = end + 1;
  }
  return ok;
}

bool ArticleReader::ReadJsonLine(std::string_view line_in, size_t line_start, int line_no, const std::string& path,
                                 simdjson::dom::parser* parser, const Consumer& consumer) {
  if (Trim(line_in).empty()) return true;
  std::string line(line_in);
  const std::string where = fmt::format("{}:{}", path, line_no);
  size_t bad_at = 0;
  if (size_t bad = RepairUtf8(&line, &bad_at); bad > 0) {
    Warn(fmt::format("{}: invalid UTF-8 at byte {} of the file ({} sequence{} replaced by U+FFFD)", where,
                     line_start + bad_at, bad, bad == 1 ? "" : "s"));
  }
  // The DOM API validates the whole line and dispatches at run time to the best kernel of the machine
  // (the On-Demand API would be compiled for the baseline, since the build sets no -march).
  simdjson::padded_string padded(line);
  simdjson::dom::element root;
  simdjson::dom::object object;
  if (parser->parse(padded).get(root) != simdjson::SUCCESS) {
    Fail(fmt::format("{}: broken JSON; line skipped", where));
    return false;
  }
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    Fail(fmt::format("{}: not a JSON object; line skipped", where));
    return false;
  }
  Article article;
  std::string_view title, text, date, outlet, url, section;
  std::string id;
  bool broken = false;
  for (auto [key, value] : object) {
    if (key == "id") {
      std::string_view s;
      int64_t number;
      if (value.get_string().get(s) == simdjson::SUCCESS) id = std::string(s);
      else if (value.get_int64().get(number) == simdjson::SUCCESS) id = std::to_string(number);
      continue;
    }
    std::string_view* slot = key == "title" ? &title : key == "text" ? &text : key == "date" ? &date
                           : key == "outlet" ? &outlet : key == "url" ? &url : key == "category" ? &section
                                                                                                      : nullptr;
    if (slot == nullptr || value.is_null()) continue;
    if (value.get_string().get(*slot) != simdjson::SUCCESS) {
      Fail(fmt::format("{}: field \"{}\" is not a string; line skipped", where, key));
      broken = true;
      break;
    }
  }
  if (broken) {
    return false;
  }
  if (title.empty() && text.empty()) {
    Fail(fmt::format("{}: no title and no text; line skipped", where));
    return false;
  }
  article.id = id.empty() ? fmt::format("{}-{}", FileStem(path), line_no) : id;
  article.outlet = std::string(outlet);
  article.url = std::string(url);
  article.section = std::string(section);
  article.title = std::string(title);
  article.source_name = where;
  article.text = article.title;
  std::string text_date;
  if (!text.empty()) {
    if (!article.text.empty()) article.text += "\n\n";
    const size_t text_start = article.text.size();
    article.text += text;
    // Some texts open with their own subtitle and date line, as a page does; the body follows them.
    Header header = FindHeader(article.text, text_start, /*has_title=*/true);
    article.body_offset = header.body;
    text_date = header.date;
    article.dateline_end = article.body_offset + FindDateline(std::string_view(article.text).substr(header.body));
  } else {
    article.body_offset = article.dateline_end = article.text.size();
  }
  SetPublished(&article, date.empty() ? std::string_view(text_date) : date);
  consumer(std::move(article));
  return true;
}

void ArticleReader::SetPublished(Article* article, std::string_view date) {
  if (!date.empty()) {
    Date d = ParseIsoDate(date);
    if (!d.valid()) d = ParseDateLine(Normalize(date).text(), lexicon_);
    if (d.valid()) {
      article->published = d;
      return;
    }
    Warn(fmt::format("{}: unknown date '{}'", article->source_name, date));
  }
  article->published = default_date_;
  if (!default_date_.valid()) {
    Warn(fmt::format("{}: no publication date (give one with --date); relative dates stay unresolved",
                     article->source_name));
  }
}

ArticleReader::Header ArticleReader::FindHeader(std::string_view content, size_t from, bool has_title) const {
  // Lines: the title is the first non-empty line (unless given apart, as in JSON); a date line among the next
  // few ends the header, and what stands between is the subtitle.
  std::vector<std::pair<size_t, size_t>> lines;  // non-empty lines: begin, end
  for (size_t pos = from; pos < content.size() && static_cast<int>(lines.size()) <= kMaxHeaderLines;) {
    size_t end = content.find('\n', pos);
    if (end == std::string::npos) end = content.size();
    if (!Trim(content.substr(pos, end - pos)).empty()) lines.emplace_back(pos, end);
    pos = end + 1;
  }
  Header header;
  header.body = has_title || lines.empty() ? from : lines[0].second;
  if (!has_title && !lines.empty()) {
    header.title = std::string(Trim(content.substr(lines[0].first, lines[0].second - lines[0].first)));
  }
  for (size_t i = has_title ? 0 : 1; i < lines.size(); ++i) {
    std::string_view line = Trim(content.substr(lines[i].first, lines[i].second - lines[i].first));
    // A date line has at most kMaxDateLineTokens tokens, so a longer line (a whole body without line breaks)
    // is not normalised to find out.
    if (!HasAtMostWords(line, kMaxDateLineTokens)) continue;
    if (ParseDateLine(Normalize(line).text(), lexicon_).valid()) {
      header.date = std::string(line);
      header.body = lines[i].second;
      break;
    }
  }
  // The body begins at its first non-empty line; a short line without sentence punctuation before a line that
  // opens with a dateline is a subtitle after the date line (فرصة لتعزيز التعاون / الجزائر – ...).
  size_t body_start = content.find_first_not_of(" \t\r\n", header.body);
  header.body = body_start == std::string_view::npos ? content.size() : body_start;
  const size_t line_end = content.find('\n', header.body);
  if (line_end != std::string_view::npos && line_end - header.body <= kMaxSubtitleBytes &&
      !HasSentencePunct(content.substr(header.body, line_end - header.body))) {
    const size_t next = content.find_first_not_of(" \t\r\n", line_end);
    if (next != std::string_view::npos && FindDateline(content.substr(next)) > 0) header.body = next;
  }
  return header;
}

Article ArticleReader::ParsePlainText(std::string content, const std::string& id, const std::string& source_name) {
  Article article;
  article.id = id;
  article.source_name = source_name;
  Header header = FindHeader(content, 0, /*has_title=*/false);
  article.title = header.title;
  std::string date = header.date;
  size_t body = header.body;
  article.body_offset = body;
  article.text = std::move(content);
  article.dateline_end = article.body_offset + FindDateline(std::string_view(article.text).substr(article.body_offset));
  if (!date.empty()) {
    article.published = ParseDateLine(Normalize(date).text(), lexicon_);
  } else {
    SetPublished(&article, "");
  }
  return article;
}

}  // namespace rasad
