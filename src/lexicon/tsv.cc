// A line reader over a file read whole: dictionary sources are small, so one read and views into the buffer
// keep loading simple and allocation-light. Tested through lexicon_test.cc.
#include "lexicon/tsv.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace rasad {

Result<TsvReader> TsvReader::Open(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(fmt::format("{}: cannot read dictionary source", path));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  TsvReader reader;
  reader.path_ = path;
  reader.content_ = buffer.str();
  return reader;
}

bool TsvReader::Next(std::vector<std::string_view>* fields) {
  fields->clear();
  while (pos_ < content_.size()) {
    size_t end = content_.find('\n', pos_);
    if (end == std::string::npos) end = content_.size();
    std::string_view line(content_.data() + pos_, end - pos_);
    pos_ = end + 1;
    ++line_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      fields->push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    return true;
  }
  return false;
}

std::string TsvReader::Where() const { return fmt::format("{}:{}", path_, line_); }

std::string TsvReader::Origin() const {
  size_t slash = path_.rfind('/');
  return fmt::format("{}:{}", slash == std::string::npos ? path_ : path_.substr(slash + 1), line_);
}

Status TsvReader::Error(std::string_view message) const {
  return Status::Error(fmt::format("{}: {}", Where(), message));
}

std::vector<std::string_view> SplitList(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  if (s.empty() || s == "-") return out;
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    std::string_view part = s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.push_back(part);
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

}  // namespace rasad
