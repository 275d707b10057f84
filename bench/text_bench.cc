// Micro-benchmarks of the pipeline's stages on the project's own sample articles (samples/*.txt): what one
// sentence costs in each stage, so that a regression shows where it is. Run: build/text_bench.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lexicon/lexicon.h"
#include "rasad/engine.h"
#include "text/clitics.h"
#include "text/normalize.h"
#include "text/sentence.h"
#include "text/token.h"

namespace {

const std::string& Samples() {
  static const std::string text = [] {
    std::string all;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(RASAD_SOURCE_DIR) + "/samples")) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path());
      std::ostringstream s;
      s << in.rdbuf();
      all += s.str() + "\n\n";
    }
    return all;
  }();
  return text;
}

const rasad::Engine& TheEngine() {
  static std::shared_ptr<const rasad::Engine> engine =
      rasad::Engine::Open(std::string(RASAD_SOURCE_DIR) + "/data").value();
  return *engine;
}

void BM_Normalize(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(rasad::Normalize(Samples()));
  state.SetBytesProcessed(state.iterations() * Samples().size());
}
BENCHMARK(BM_Normalize);

void BM_SplitAndTokenize(benchmark::State& state) {
  const rasad::NormalizedText norm = rasad::Normalize(Samples());
  std::vector<rasad::Token> tokens;
  for (auto _ : state) {
    for (const auto& s : rasad::SplitSentences(norm.text())) {
      tokens.clear();
      rasad::Tokenize(norm.text(), s.begin, s.end, &tokens);
    }
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(state.iterations() * norm.text().size());
}
BENCHMARK(BM_SplitAndTokenize);

void BM_Segment(benchmark::State& state) {
  const rasad::NormalizedText norm = rasad::Normalize(Samples());
  std::vector<rasad::Token> tokens;
  rasad::Tokenize(norm.text(), 0, norm.text().size(), &tokens);
  const rasad::Lexicon& lex = TheEngine().lexicon();
  rasad::Vocabulary known = [&](std::string_view key) { return lex.Known(key); };
  for (auto _ : state) {
    for (const auto& t : tokens) {
      if (t.kind == rasad::TokenKind::kWord && t.arabic) {
        benchmark::DoNotOptimize(rasad::Segment(std::string_view(norm.text()).substr(t.begin, t.end - t.begin), known));
      }
    }
  }
  state.SetItemsProcessed(state.iterations() * tokens.size());
}
BENCHMARK(BM_Segment);

void BM_CodeArticles(benchmark::State& state) {
  rasad::Article article;
  article.id = "samples";
  article.published = {2024, 3, 12};
  article.text = Samples();
  size_t sentences = 0;
  for (auto _ : state) {
    rasad::Engine::Stats stats;
    benchmark::DoNotOptimize(TheEngine().Code(article, nullptr, &stats));
    sentences += stats.sentences;
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(state.iterations() * Samples().size());
}
BENCHMARK(BM_CodeArticles);

void BM_OpenCompiledLexicon(benchmark::State& state) {
  // The file the build compiled; the staleness check reads the sources too, as the CLI does.
  const std::string lexicon = std::string(RASAD_BINARY_DIR) + "/rasad.lex";
  for (auto _ : state) {
    auto lex = rasad::Lexicon::Open(lexicon, std::string(RASAD_SOURCE_DIR) + "/data");
    if (!lex.ok()) state.SkipWithError(lex.status().message().c_str());
    benchmark::DoNotOptimize(lex);
  }
}
BENCHMARK(BM_OpenCompiledLexicon)->Unit(benchmark::kMillisecond);

void BM_CompileLexiconInMemory(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(rasad::Lexicon::Load(std::string(RASAD_SOURCE_DIR) + "/data"));
}
BENCHMARK(BM_CompileLexiconInMemory)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
