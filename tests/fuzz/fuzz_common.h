// What the fuzz targets share: the lexicon they run against, a scratch directory of their own, and the
// invariant checks that turn a silent wrong answer into a crash libFuzzer can report. For fuzz targets only.
#ifndef RASAD_TESTS_FUZZ_FUZZ_COMMON_H_
#define RASAD_TESTS_FUZZ_FUZZ_COMMON_H_

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "lexicon/lexicon.h"

// Aborts with file and line when `cond` is false: a broken invariant is a finding, like a sanitizer report.
#define RASAD_FUZZ_CHECK(cond)                                                        \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

namespace rasad {
namespace fuzz {

// Returns the real lexicon: the compiled file the build wrote (RASAD_DEFAULT_LEXICON), else the sources
// under data/ compiled in memory. Opened once per process; aborts when neither works.
inline const Lexicon& SharedLexicon() {
  static const Lexicon* lexicon = [] {
    auto lex = Lexicon::Open(RASAD_DEFAULT_LEXICON, "");
    if (!lex.ok()) lex = Lexicon::Load(RASAD_DEFAULT_DATA_DIR);
    if (!lex.ok()) {
      std::fprintf(stderr, "fuzz: no lexicon: %s\n", lex.status().message().c_str());
      std::abort();
    }
    return new Lexicon(std::move(lex).value());
  }();
  return *lexicon;
}

// Returns a fresh directory for this process's temporary files, in /dev/shm when it exists (no disk writes
// per input). Removed at exit.
inline const std::string& ScratchDir(const char* target) {
  static const std::string* dir = [target] {
    std::error_code ec;
    const std::string base = std::filesystem::is_directory("/dev/shm", ec) ? "/dev/shm" : std::filesystem::temp_directory_path().string();
    auto* d = new std::string(base + "/rasad-fuzz-" + target + "-" + std::to_string(getpid()));
    std::filesystem::remove_all(*d, ec);
    std::filesystem::create_directories(*d);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(*dir, ignored);
    });
    return d;
  }();
  return *dir;
}

inline void WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  RASAD_FUZZ_CHECK(out.good());
}

// Returns whether `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
inline bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;  // truncated sequence
    for (size_t k = 1; k <= n; ++k) {
      const unsigned char b = static_cast<unsigned char>(s[i + k]);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return false;
    }
    i += n + 1;
  }
  return true;
}

}  // namespace fuzz
}  // namespace rasad

#endif  // RASAD_TESTS_FUZZ_FUZZ_COMMON_H_
