// Fuzz target: the dictionary compiler (what `rasad dict compile` and `rasad dict check` run). The first
// byte picks one source file of a tiny valid dictionary (tiny_dictionary.h) and whether to lint; the rest of
// the input is appended to that file, so fuzzed lines meet real entries. A compile either fails with a
// message naming file:line or yields a lexicon whose every phrase and hit can be read back.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "tiny_dictionary.h"

namespace {

constexpr size_t kFiles = std::size(rasad::fuzz::kTinyDictionary);

void CheckLexicon(const rasad::Lexicon& lex) {
  using namespace rasad;
  lex.ForEachPhrase([&](std::string_view key, std::span<const LexHit> hits) {
    RASAD_FUZZ_CHECK(!key.empty());
    RASAD_FUZZ_CHECK(lex.Find(key).size() == hits.size());
    for (const LexHit& h : hits) {
      switch (h.kind) {
        case LexHit::Kind::kEntity: {
          RASAD_FUZZ_CHECK(h.index < lex.entity_count());
          const Entity& e = lex.entity(h.index);
          RASAD_FUZZ_CHECK(!e.tenures.empty());
          (void)e.CodeOn(Date{2021, 7, 27});
          (void)e.CodeOn(Date());
          break;
        }
        case LexHit::Kind::kAgent: RASAD_FUZZ_CHECK(h.index < lex.agent_count()); break;
        case LexHit::Kind::kNisba: RASAD_FUZZ_CHECK(h.index < lex.nisba_count()); break;
        case LexHit::Kind::kTrigger:
          RASAD_FUZZ_CHECK(h.index < lex.trigger_count());
          RASAD_FUZZ_CHECK(lex.cameo(lex.trigger(h.index).code) != nullptr);
          break;
        case LexHit::Kind::kFunction: RASAD_FUZZ_CHECK(h.index < lex.function_count()); break;
        case LexHit::Kind::kTime: RASAD_FUZZ_CHECK(h.index < lex.time_count()); break;
      }
    }
  });
  for (uint32_t i = 0; i < lex.place_count(); ++i) (void)lex.place(i);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rasad;
  if (size == 0) return 0;
  const std::string& dir = fuzz::ScratchDir("dict");
  static bool written = false;
  if (!written) fuzz::WriteTinyDictionary(dir);
  written = true;

  const auto& [name, base] = fuzz::kTinyDictionary[data[0] % kFiles];
  const bool lint = (data[0] / kFiles) % 2 == 1;
  const std::string path = dir + "/" + std::string(name);
  std::string content(base);
  content.append(reinterpret_cast<const char*>(data) + 1, size - 1);
  fuzz::WriteFile(path, content);

  auto lex = Lexicon::Load(dir);
  if (lex.ok()) {
    CheckLexicon(lex.value());
  } else {
    RASAD_FUZZ_CHECK(lex.status().message().find(".tsv") != std::string::npos);
  }
  if (lint) {
    for (const std::string& problem : Lexicon::Check(dir)) RASAD_FUZZ_CHECK(!problem.empty());
  }
  fuzz::WriteFile(path, base);  // the next input starts from the tiny dictionary again
  return 0;
}
