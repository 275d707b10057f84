// The speed of light for `rasad code`: the least any coder must do with the corpus, as fast as it can be done.
// It decompresses each file (zlib), parses each JSON line (simdjson, on demand), validates the text's UTF-8
// (simdjson) and splits it into tokens on white space, and prints what that costs. `rasad code` does all this and
// then the actual work; the ratio of their speeds says how much room the coding leaves (bench/RESULTS.md).
//
// Usage: speed_of_light FILE.jsonl.gz...
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <string>

#include <simdjson.h>

namespace {

bool Gunzip(const char* path, std::string* out) {
  gzFile f = gzopen(path, "rb");
  if (f == nullptr) return false;
  gzbuffer(f, 1 << 20);
  char buffer[1 << 16];
  int got;
  while ((got = gzread(f, buffer, sizeof buffer)) > 0) out->append(buffer, got);
  gzclose(f);
  return got == 0;
}

}  // namespace

int main(int argc, char** argv) {
  const auto start = std::chrono::steady_clock::now();
  size_t articles = 0, tokens = 0, bytes = 0, invalid = 0;
  simdjson::ondemand::parser parser;
  for (int i = 1; i < argc; ++i) {
    std::string content;
    if (!Gunzip(argv[i], &content)) {
      std::fprintf(stderr, "speed_of_light: %s: cannot read\n", argv[i]);
      return 1;
    }
    size_t pos = 0;
    while (pos < content.size()) {
      size_t end = content.find('\n', pos);
      if (end == std::string::npos) end = content.size();
      if (end > pos) {
        simdjson::padded_string line(content.data() + pos, end - pos);
        simdjson::ondemand::document doc;
        std::string_view text;
        if (!parser.iterate(line).get(doc) && !doc["text"].get_string().get(text)) {
          ++articles;
          bytes += text.size();
          if (!simdjson::validate_utf8(text.data(), text.size())) ++invalid;
          bool in_token = false;
          for (char c : text) {
            const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (!space && !in_token) ++tokens;
            in_token = !space;
          }
        }
      }
      pos = end + 1;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("speed of light: %zu articles, %zu tokens, %.1f MB of text (%zu invalid UTF-8) in %.2f s: %.0f articles/s, "
              "%.1f MB/s\n",
              articles, tokens, bytes / 1e6, invalid, seconds, articles / seconds, bytes / 1e6 / seconds);
  return 0;
}
