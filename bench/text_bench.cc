// Micro-benchmarks of the pipeline's stages on the project's own sample articles (samples/*.txt): what one
// sentence costs in each stage, so that a regression shows where it is; and how the cost of coding grows with
// the size of an article and the length of a sentence (BM_CodeArticleSize, BM_CodeSentenceLength: Google
// Benchmark fits the complexity). Run: build/text_bench (make bench runs it).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lexicon/lexicon.h"
#include "mention/mentions.h"
#include "place/gazetteer.h"
#include "time/expression.h"
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

// Codes one article of `text` again and again, counting its sentences; n is its size for the complexity fit.
void CodeOne(benchmark::State& state, const std::string& text, int64_t n) {
  rasad::Article article;
  article.id = "bench";
  article.published = {2024, 3, 12};
  article.text = text;
  size_t sentences = 0;
  for (auto _ : state) {
    rasad::Engine::Stats stats;
    benchmark::DoNotOptimize(TheEngine().Code(article, nullptr, &stats));
    sentences += stats.sentences;
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(state.iterations() * text.size());
  state.SetComplexityN(n);
}

// The whole engine on the eight samples as one article.
void BM_CodeArticles(benchmark::State& state) { CodeOne(state, Samples(), 0); }
BENCHMARK(BM_CodeArticles);

// The words of the samples, in order, without sentence-final punctuation: material for articles and sentences
// of any size.
const std::vector<std::string>& SampleWords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out;
    std::istringstream in(Samples());
    std::string w;
    while (in >> w) {
      while (!w.empty() && (w.back() == '.' || w.back() == '!' || w.back() == '?')) w.pop_back();
      if (w.size() >= 2 && w.compare(w.size() - 2, 2, "؟") == 0) w.resize(w.size() - 2);
      if (!w.empty()) out.push_back(w);
    }
    return out;
  }();
  return words;
}

// Lexicon lookup: every word's match key looked up as a phrase (most are not phrases: the common case).
void BM_LexiconLookup(benchmark::State& state) {
  const rasad::Lexicon& lex = TheEngine().lexicon();
  std::vector<std::string> keys;
  for (const std::string& w : SampleWords()) keys.push_back(rasad::MatchKey(rasad::Normalize(w).text()));
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& k : keys) found += lex.Find(k).size() + lex.HasLonger(k);
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations() * keys.size());
}
BENCHMARK(BM_LexiconLookup);

// Pattern matching: the mentions of each sentence (segmentation, phrase matching, actors, triggers, their
// grammar), without the events built from them.
void BM_FindMentions(benchmark::State& state) {
  const rasad::Lexicon& lex = TheEngine().lexicon();
  const rasad::NormalizedText norm = rasad::Normalize(Samples());
  const auto sentences = rasad::SplitSentences(norm.text());
  rasad::SentenceMentions m;
  for (auto _ : state) {
    rasad::ArticleMemory memory;
    for (const auto& s : sentences) rasad::FindMentions(norm.text(), s.begin, s.end, lex, &memory, &m);
    benchmark::DoNotOptimize(m.actors.data());
  }
  state.SetItemsProcessed(state.iterations() * sentences.size());
  state.SetLabel("items: sentences");
}
BENCHMARK(BM_FindMentions);

// Date resolution: relative, absolute and Hijri expressions against a publication date.
void BM_ResolveDates(benchmark::State& state) {
  const rasad::Lexicon& lex = TheEngine().lexicon();
  const std::vector<std::string> phrases = {"أمس", "الاثنين الماضي", "27 يوليو 2021", "منتصف الشهر المقبل",
                                            "قبل ثلاثة أيام", "الأسبوع الماضي", "12 رمضان 1442",
                                            "صباح اليوم", "مطلع العام الجاري", "الخميس"};
  std::vector<std::string> normalized;
  for (const std::string& p : phrases) normalized.push_back(rasad::Normalize(p).text());
  const rasad::Date published{2021, 7, 27};
  for (auto _ : state) {
    for (const std::string& p : normalized) benchmark::DoNotOptimize(rasad::ResolveExpression(p, published, lex));
  }
  state.SetItemsProcessed(state.iterations() * normalized.size());
}
BENCHMARK(BM_ResolveDates);

// Place resolution: a name to its gazetteer entries, ranked by the article's countries.
void BM_ResolvePlaces(benchmark::State& state) {
  const rasad::Lexicon& lex = TheEngine().lexicon();
  const std::vector<std::string> names = {"الجزائر", "طرابلس", "حلب", "الموصل", "صنعاء", "بنغازي",
                                          "الإسكندرية", "سيدي بوزيد", "غزة", "دمشق"};
  rasad::PlaceContext context;
  context.countries = {"LBY", "DZA"};
  for (auto _ : state) {
    for (const std::string& n : names) {
      benchmark::DoNotOptimize(rasad::RankPlaces(lex, rasad::LookupPlace(lex, n), context));
    }
  }
  state.SetItemsProcessed(state.iterations() * names.size());
}
BENCHMARK(BM_ResolvePlaces);

// How cost grows with an article's size: articles of 1, 10 and 100 KB made of the samples' sentences.
void BM_CodeArticleSize(benchmark::State& state) {
  const size_t bytes = static_cast<size_t>(state.range(0)) * 1024;
  std::string text;
  while (text.size() < bytes) text += Samples();
  text.resize(text.rfind('\n', bytes) == std::string::npos ? bytes : text.rfind('\n', bytes));
  CodeOne(state, text, static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_CodeArticleSize)->Arg(1)->Arg(10)->Arg(100)->Complexity();

// How cost grows with a sentence's length: 20 sentences of 10 to 1,000 tokens each (the samples' words,
// joined without sentence-final punctuation); N is the tokens of one sentence, so linear cost is O(N).
void BM_CodeSentenceLength(benchmark::State& state) {
  const size_t tokens = static_cast<size_t>(state.range(0));
  const std::vector<std::string>& words = SampleWords();
  std::string text;
  size_t next = 0;
  for (int s = 0; s < 20; ++s) {
    for (size_t i = 0; i < tokens; ++i, ++next) {
      text += words[next % words.size()];
      text += ' ';
    }
    text += ".\n";
  }
  CodeOne(state, text, static_cast<int64_t>(tokens));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(state.iterations() * 20 * tokens),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CodeSentenceLength)->Arg(10)->Arg(30)->Arg(100)->Arg(300)->Arg(1000)->Complexity();

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
