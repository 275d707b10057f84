// `rasad ingest`, `query`, `series`, `top`, `export`: the event store from the command line (store/store.h,
// store/query.h). Ingest reads on the main thread, codes on N worker threads and writes batches on the main
// thread (one SQLite connection, one writer). Tested by tests/store_test.py.
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <limits>
#include <filesystem>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "cli/queue.h"
#include "cli/session.h"
#include "lexicon/lexicon.h"
#include "output/writer.h"
#include "store/export.h"
#include "store/query.h"
#include "store/store.h"

namespace rasad {
namespace {

constexpr size_t kBatchArticles = 256;   // articles per transaction
constexpr size_t kQueueArticles = 1024;  // articles read ahead of the coders

int Fail(const std::string& message) {
  std::fprintf(stderr, "rasad: error: %s\n", message.c_str());
  return 2;
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& path) { return Store::Open(path); }

// Counts the articles of the inputs ahead of an ingest, for the progress line's ETA: a line of JSON Lines (gzip'd
// or not) or a file of any other kind is one article. Only done on a terminal; a guess, not a promise.
size_t CountArticles(const std::vector<std::string>& inputs) {
  size_t n = 0;
  auto count_file = [&](const std::filesystem::path& path) {
    gzFile f = gzopen(path.c_str(), "rb");  // reads plain files too
    if (f == nullptr) return;
    char buffer[1 << 16];
    bool json = false, first = true, line_has_text = false;
    size_t lines = 0;
    int got;
    while ((got = gzread(f, buffer, sizeof buffer)) > 0) {
      for (int i = 0; i < got; ++i) {
        const char c = buffer[i];
        if (first && c != ' ' && c != '\n' && c != '\t' && c != '\r') {
          json = c == '{';
          first = false;
        }
        if (c == '\n') {
          lines += line_has_text;
          line_has_text = false;
        } else if (c != ' ' && c != '\r' && c != '\t') {
          line_has_text = true;
        }
      }
      if (!json && !first) break;
    }
    gzclose(f);
    n += json ? lines + line_has_text : 1;
  };
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) {
      for (auto it = std::filesystem::recursive_directory_iterator(input, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file()) count_file(it->path());
      }
    } else if (input != "-") {
      count_file(input);
    }
  }
  return n;
}

}  // namespace

int RunIngest(const IngestOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Session session;
  if (int code = session.Open(options.lexicon, options.date); code != 0) return code;
  auto store_or = OpenStore(options.db);
  if (!store_or.ok()) return Fail(store_or.status().message());
  Store& store = *store_or.value();
  const bool tty = isatty(STDERR_FILENO) && !options.quiet;
  const int jobs = std::max(1, options.jobs);
  const size_t total = tty ? CountArticles(options.inputs) : 0;

  struct Todo {
    Article article;
    std::string hash;  // its ContentHash, computed once by the reader to ask the store
  };
  Queue<Todo> todo(kQueueArticles);
  // Unbounded: the reader's queue bounds it (an article becomes one result), and the coders must never wait for
  // the main thread, which stops draining while it joins them at the end.
  Queue<CodedArticle> done(std::numeric_limits<size_t>::max());
  std::vector<std::thread> coders;
  std::atomic<int> coding{jobs};
  for (int j = 0; j < jobs; ++j) {
    coders.emplace_back([&] {
      Todo item;
      while (todo.Pop(&item)) {
        CodedArticle c;
        std::vector<std::string> diagnostics;
        c.events = session.engine().Code(item.article, &diagnostics);
        c.search_text = SearchText(item.article);
        c.hash = std::move(item.hash);
        c.article = std::move(item.article);
        done.Push(std::move(c));
      }
      if (--coding == 0) done.Close();  // the last coder to finish: no more results
    });
  }
  StoreCounts counts;
  size_t read = 0, skipped = 0, events = 0;
  bool write_failed = false;
  std::vector<CodedArticle> batch;
  auto last_report = std::chrono::steady_clock::now();
  auto report = [&](bool final) {
    if (!tty) return;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double rate = seconds > 0 ? read / seconds : 0.0;
    std::string eta;
    if (total > read && rate > 0 && !final) eta = fmt::format(", ETA {:.0f} s", (total - read) / rate);
    std::fprintf(stderr, "\r  %zu%s articles read, %zu stored, %zu unchanged, %zu events, %zu errors, %.0f articles/s, %.0f s%s%s",
                 read, total > 0 ? fmt::format(" of {}", total).c_str() : "", counts.added + counts.replaced,
                 counts.unchanged + skipped, events, session.errors(), rate, seconds, eta.c_str(), final ? "\n" : "   ");
  };
  // Writes the coded articles waiting in `batch`, kBatchArticles to a transaction; the rest too when `all`.
  std::vector<CodedArticle> chunk;
  auto write = [&](bool all) {
    while (!write_failed && (batch.size() >= kBatchArticles || (all && !batch.empty()))) {
      const size_t n = std::min(batch.size(), kBatchArticles);
      chunk.assign(std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.begin() + n));
      batch.erase(batch.begin(), batch.begin() + n);
      for (const CodedArticle& c : chunk) events += c.events.size();
      if (Status s = store.Write(chunk, &counts); !s.ok()) {
        std::fprintf(stderr, "%srasad: error: %s: %s\n", tty ? "\n" : "", options.db.c_str(), s.message().c_str());
        write_failed = true;  // the database is left as it was before this batch
      }
      if (std::chrono::steady_clock::now() - last_report > std::chrono::milliseconds(500)) {
        report(false);
        last_report = std::chrono::steady_clock::now();
      }
    }
    if (write_failed) batch.clear();
  };
  auto flush = [&] {
    done.Drain(&batch);
    write(false);
  };
  const bool ok = session.Read(options.inputs, [&](Article&& article) {
    ++read;
    // An article stored before with the same content is not coded again: a rerun after a crash is cheap.
    std::string hash = ContentHash(article);
    if (store.Has(article.id, hash)) {
      ++skipped;
      return;
    }
    todo.Push({std::move(article), std::move(hash)});
    flush();
  });
  todo.Close();
  // The articles still being coded are written as they come, a batch at a time, not all at the end: what a
  // kill interrupts then is one batch, not the whole read-ahead.
  for (CodedArticle c; done.Pop(&c);) {
    batch.push_back(std::move(c));
    write(false);
  }
  for (std::thread& t : coders) t.join();
  write(true);
  report(true);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr,
               "rasad: ingest: %zu articles read: %zu new, %zu changed, %zu unchanged; %zu event mentions; %.1f s "
               "(%.0f articles/s) into %s\n",
               read, counts.added, counts.replaced, counts.unchanged + skipped, counts.mentions, seconds,
               seconds > 0 ? read / seconds : 0.0, options.db.c_str());
  if (write_failed) return 1;
  return ok ? 0 : 1;
}

namespace {

// Opens the store and the lexicon for the read-only commands; prints what failed and returns null.
struct Reading {
  std::unique_ptr<Store> store;
  std::shared_ptr<const Engine> engine;
};

std::optional<Reading> OpenForReading(const StoreOptions& options) {
  if (access(options.db.c_str(), F_OK) != 0) {
    Fail(fmt::format("{}: no such database (make one with rasad ingest)", options.db));
    return std::nullopt;
  }
  auto store = Store::Open(options.db);
  if (!store.ok()) {
    Fail(store.status().message());
    return std::nullopt;
  }
  auto engine = OpenEngine(options.lexicon);
  if (!engine.ok()) {
    Fail(engine.status().message());
    return std::nullopt;
  }
  return Reading{std::move(store).value(), engine.value()};
}

Result<EventFilter> MakeFilter(const StoreOptions& o) {
  EventFilter f;
  f.actors = o.actors;
  f.countries = o.countries;
  f.codes = o.codes;
  f.roots = o.roots;
  f.quads = o.quads;
  f.since = o.since;
  f.until = o.until;
  f.place = o.place;
  f.text = o.text;
  f.all = o.all;
  if (!o.dyad.empty()) {
    if (Status s = ParseDyad(o.dyad, &f); !s.ok()) return s;
  }
  if (!o.near.empty()) {
    if (Status s = ParseNear(o.near, &f); !s.ok()) return s;
  }
  for (int q : o.quads) {
    if (q < 1 || q > 4) return Status::Error(fmt::format("--quad wants 1 to 4, not {}", q));
  }
  return f;
}

int Print(const Result<Table>& table, const std::string& format) {
  if (!table.ok()) return Fail(table.status().message());
  if (format != "table" && format != "json" && format != "csv") return Fail(fmt::format("--format wants table, json or csv, not '{}'", format));
  Output out;
  out.Write(FormatTable(table.value(), format));
  return 0;
}

}  // namespace

int RunQuery(const StoreOptions& options) {
  auto r = OpenForReading(options);
  if (!r) return 2;
  auto filter = MakeFilter(options);
  if (!filter.ok()) return Fail(filter.status().message());
  return Print(QueryEvents(*r->store, r->engine->lexicon(), filter.value(), options.mentions, options.limit), options.format);
}

int RunSeries(const StoreOptions& options) {
  auto r = OpenForReading(options);
  if (!r) return 2;
  auto filter = MakeFilter(options);
  if (!filter.ok()) return Fail(filter.status().message());
  return Print(Series(*r->store, r->engine->lexicon(), filter.value(), options.by), options.format);
}

int RunTop(const StoreOptions& options) {
  auto r = OpenForReading(options);
  if (!r) return 2;
  auto filter = MakeFilter(options);
  if (!filter.ok()) return Fail(filter.status().message());
  return Print(Top(*r->store, r->engine->lexicon(), filter.value(), options.what, options.limit), options.format);
}

int RunExport(const StoreOptions& options) {
  auto r = OpenForReading(options);
  if (!r) return 2;
  auto filter = MakeFilter(options);
  if (!filter.ok()) return Fail(filter.status().message());
  if (options.format == "gdelt" || options.format == "plover") {
    auto events = ExportEvents(*r->store, r->engine->lexicon(), filter.value());
    if (!events.ok()) return Fail(events.status().message());
    Output out;
    if (options.format == "plover") {
      out.Write(ToPlover(events.value()));
      return 0;
    }
    const std::string fips_path = DefaultDataDir() + "/fips.tsv";
    const auto fips = LoadFips(fips_path);
    if (fips.empty()) return Fail(fmt::format("{}: cannot read the FIPS country codes", fips_path));
    out.Write(ToGdelt(events.value(), fips));
    return 0;
  }
  if (options.format != "json" && options.format != "csv") {
    return Fail(fmt::format("export --format wants json, csv, gdelt or plover, not '{}'", options.format));
  }
  return Print(QueryEvents(*r->store, r->engine->lexicon(), filter.value(), options.mentions, 0), options.format);
}

}  // namespace rasad
