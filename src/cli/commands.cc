// Runs the subcommands over the library: reads inputs with ArticleReader, codes with Engine, writes with the
// output writers. Diagnostics go to stderr prefixed "rasad: warning:" or "rasad: error:". Output is buffered
// and written in large blocks. Tested end to end by tests/golden_test.py and tests/bad_input_test.py.
#include "cli/commands.h"

#include <sys/resource.h>

#include <chrono>
#include <limits>
#include <map>
#include <thread>
#include <cstdio>

#include <fmt/format.h>

#include "cli/queue.h"
#include "cli/session.h"
#include "input/reader.h"
#include "lexicon/lexicon.h"
#include "output/writer.h"
#include "rasad/engine.h"
#include "time/date.h"

namespace rasad {

constexpr size_t kCodeQueue = 256;  // articles read ahead of the coders

Result<std::shared_ptr<const Engine>> OpenEngine(const LexiconOptions& options) {
  if (!options.data_dir.empty()) return Engine::Open(options.data_dir);
  return Engine::OpenCompiled(options.lexicon.empty() ? DefaultLexiconPath() : options.lexicon, DefaultDataDir());
}

namespace {

// What coding one article gives, ready to write: its output text, warnings and counts.
struct CodedText {
  size_t seq = 0;  // the article's place in the input, for writing in order
  std::string text;
  std::vector<std::string> warnings;
  size_t events = 0, hidden = 0, sentences = 0, tokens = 0, bytes = 0;
};

CodedText CodeToText(const Engine& engine, const Article& article, const CodeOptions& options) {
  CodedText out;
  out.bytes = article.text.size();
  Engine::Stats stats;
  std::vector<Actor> actors;
  stats.actors = options.actors ? &actors : nullptr;
  std::vector<std::string> diagnostics;
  std::vector<Event> events = engine.Code(article, &diagnostics, &stats);
  out.sentences = stats.sentences;
  out.tokens = stats.tokens;
  if (options.actors) {
    for (const Actor& a : actors) out.text += ActorToJson(a, article) + "\n";
    return out;
  }
  for (const std::string& d : diagnostics) out.warnings.push_back(d);
  if (!options.all) {
    const size_t before = events.size();
    std::erase_if(events, [](const Event& e) { return e.confidence < kMinConfidence; });
    out.hidden = before - events.size();
  }
  out.events = events.size();
  if (options.format == "table") {
    out.text = EventsToTable(events);
  } else {
    for (const Event& e : events) out.text += EventToJson(e, article) + "\n";
  }
  return out;
}

}  // namespace

int RunCode(const CodeOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Session session;
  if (int code = session.Open(options.lexicon, options.date); code != 0) return code;
  Output out;
  const bool table = options.format == "table";
  if (table) out.Write(TableHeader());
  size_t articles = 0, events_total = 0, bytes = 0, hidden = 0, sentences = 0, tokens = 0;
  auto write = [&](const CodedText& c) {
    for (const std::string& d : c.warnings) std::fprintf(stderr, "rasad: warning: %s\n", d.c_str());
    out.Write(c.text);
    events_total += c.events;
    hidden += c.hidden;
    sentences += c.sentences;
    tokens += c.tokens;
    bytes += c.bytes;
  };
  bool ok;
  if (options.jobs <= 1) {
    ok = session.Read(options.inputs, [&](Article&& article) {
      ++articles;
      write(CodeToText(session.engine(), article, options));
    });
  } else {
    // N coders; the output keeps the input's order (results wait for their turn in `ready`).
    Queue<std::pair<size_t, Article>> todo(kCodeQueue);
    Queue<CodedText> done(std::numeric_limits<size_t>::max());  // never blocks a coder (see store.cc)
    std::vector<std::thread> coders;
    for (int j = 0; j < options.jobs; ++j) {
      coders.emplace_back([&] {
        std::pair<size_t, Article> item;
        while (todo.Pop(&item)) {
          CodedText c = CodeToText(session.engine(), item.second, options);
          c.seq = item.first;
          done.Push(std::move(c));
        }
      });
    }
    std::map<size_t, CodedText> ready;
    size_t next = 0;
    std::vector<CodedText> batch;
    auto drain = [&] {
      batch.clear();
      done.Drain(&batch);
      for (CodedText& c : batch) ready.emplace(c.seq, std::move(c));
      for (auto it = ready.find(next); it != ready.end(); it = ready.find(++next)) {
        write(it->second);
        ready.erase(it);
      }
    };
    ok = session.Read(options.inputs, [&](Article&& article) {
      todo.Push({articles++, std::move(article)});
      drain();
    });
    todo.Close();
    for (std::thread& t : coders) t.join();
    drain();
  }
  out.Flush();
  if (table || options.stats) {
    std::fprintf(stderr, "rasad: %zu events from %zu articles", events_total, articles);
    if (hidden > 0) std::fprintf(stderr, " (%zu less confident events not shown: --all shows them)", hidden);
    std::fprintf(stderr, "\n");
  }
  if (options.stats) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::fprintf(stderr,
                 "rasad: stats: %zu articles, %zu sentences, %zu tokens, %zu events, %.1f MB in %.2f s: "
                 "%.0f articles/s, %.0f sentences/s, %.2f MB/s, peak RSS %.0f MB\n",
                 articles, sentences, tokens, events_total, bytes / 1e6, seconds, articles / seconds,
                 sentences / seconds, bytes / 1e6 / seconds, usage.ru_maxrss / 1024.0);
  }
  return ok ? 0 : 1;
}

int RunExplain(const ExplainOptions& options) {
  Session session;
  if (int code = session.Open(options.lexicon, options.date); code != 0) return code;
  Output out;
  auto consume = [&](Article&& article) {
    std::string explanation;
    Engine::Stats stats;
    stats.explain = &explanation;
    session.engine().Code(article, nullptr, &stats);
    out.Write(fmt::format("article {} (published {})\n", article.id,
                          article.published.valid() ? article.published.ToString() : "unknown"));
    if (options.sentence < 0) {
      out.Write(explanation);
      return;
    }
    // Keep the block of the sentence asked for, and its settled lines.
    const std::string head = fmt::format("sentence {}:", options.sentence);
    const std::string settled = fmt::format("  sentence {} ", options.sentence);
    bool in_block = false;
    size_t pos = 0;
    while (pos < explanation.size()) {
      size_t end = explanation.find('\n', pos);
      if (end == std::string::npos) end = explanation.size();
      std::string_view line(explanation.data() + pos, end - pos);
      if (line.rfind("sentence ", 0) == 0 || line.rfind("settled:", 0) == 0) in_block = line.rfind(head, 0) == 0;
      if (in_block || line.rfind(settled, 0) == 0) {
        out.Write(line);
        out.Write("\n");
      }
      pos = end + 1;
    }
  };
  const bool ok = session.Read(options.inputs, consume);
  out.Flush();
  return ok ? 0 : 1;
}

}  // namespace rasad
