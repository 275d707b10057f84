// SQLite storage of coded articles: schema, batched idempotent writes, cross-article deduplication.
#include "store/store.h"

#include <sqlite3.h>
#include <zlib.h>

#include <ctime>
#include <mutex>
#include <set>

#include <fmt/format.h>

#include "text/normalize.h"
#include "text/token.h"

namespace rasad {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  outlet TEXT,
  url TEXT,
  title TEXT,
  published TEXT,
  source TEXT,
  ingested_at TEXT,
  num_events INTEGER NOT NULL DEFAULT 0,
  text TEXT
);
CREATE TABLE IF NOT EXISTS events (
  event_id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  date_precision TEXT NOT NULL,
  day TEXT NOT NULL,
  source_code TEXT NOT NULL,
  source_country TEXT,
  source_name TEXT,
  target_code TEXT NOT NULL,
  target_country TEXT,
  target_name TEXT,
  event_code TEXT NOT NULL,
  event_root TEXT NOT NULL,
  quad_class INTEGER,
  goldstein REAL,
  confidence REAL,
  place_name TEXT,
  geonames_id INTEGER,
  place_feature TEXT,
  place_country TEXT,
  lat REAL,
  lon REAL,
  num_mentions INTEGER NOT NULL DEFAULT 0,
  num_articles INTEGER NOT NULL DEFAULT 0,
  num_sources INTEGER NOT NULL DEFAULT 0,
  UNIQUE (date, source_code, target_code, event_code)
);
CREATE INDEX IF NOT EXISTS events_day ON events(day);
CREATE INDEX IF NOT EXISTS events_source ON events(source_code);
CREATE INDEX IF NOT EXISTS events_target ON events(target_code);
CREATE INDEX IF NOT EXISTS events_source_country ON events(source_country);
CREATE INDEX IF NOT EXISTS events_target_country ON events(target_country);
CREATE INDEX IF NOT EXISTS events_code ON events(event_code);
CREATE TABLE IF NOT EXISTS mentions (
  mention_id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(event_id),
  article_id TEXT NOT NULL REFERENCES articles(id),
  sentence INTEGER,
  trigger TEXT,
  rule TEXT,
  confidence REAL,
  mentions INTEGER,
  source_text TEXT,
  target_text TEXT,
  sentence_text TEXT,
  sentence_begin INTEGER,
  sentence_end INTEGER,
  trigger_begin INTEGER,
  trigger_end INTEGER,
  source_begin INTEGER,
  source_end INTEGER,
  target_begin INTEGER,
  target_end INTEGER,
  place_name TEXT,
  place_begin INTEGER,
  place_end INTEGER
);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
-- One row per article, its rowid the article's rowid in `articles` (so that replacing an article finds its row
-- through the index, not by scanning the UNINDEXED id).
CREATE VIRTUAL TABLE IF NOT EXISTS article_text USING fts5(id UNINDEXED, title, text, tokenize = 'ascii');
)sql";

// Version 1 -> 2: the full-text rows take their article's rowid (in version 1 they had rowids of their own, and
// replacing an article scanned the whole index for its id).
constexpr const char* kMigrateTo2 = R"sql(
CREATE VIRTUAL TABLE article_text_v2 USING fts5(id UNINDEXED, title, text, tokenize = 'ascii');
INSERT INTO article_text_v2 (rowid, id, title, text)
  SELECT a.rowid, t.id, t.title, t.text FROM article_text t JOIN articles a ON a.id = t.id
  WHERE t.rowid IN (SELECT max(rowid) FROM article_text GROUP BY id);
DROP TABLE article_text;
ALTER TABLE article_text_v2 RENAME TO article_text;
)sql";

// A prepared statement, finalised on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  bool ok() const { return stmt_ != nullptr; }
  Statement& Bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& Bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Statement& BindNull(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int col) const {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(t));
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

std::string Now() {
  std::time_t t = std::time(nullptr);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buffer;
}

// The first day of a date at its precision: 2021-07 -> 2021-07-01, 2021 -> 2021-01-01.
std::string FirstDay(const Date& d) {
  if (!d.valid()) return "";
  return fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month == 0 ? 1 : d.month, d.day == 0 ? 1 : d.day);
}

}  // namespace

std::string ContentHash(const Article& article) {
  uLong crc = crc32(0L, Z_NULL, 0);
  auto add = [&](const std::string& s) {
    crc = crc32(crc, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size()));
    const char sep = '\x1f';
    crc = crc32(crc, reinterpret_cast<const Bytef*>(&sep), 1);
  };
  add(article.title);
  add(article.text);
  add(article.published.ToString());
  return fmt::format("{:08x}-{}", crc, article.text.size());
}

std::string SearchText(const Article& article) {
  const NormalizedText norm = Normalize(article.text);
  std::vector<Token> tokens;
  Tokenize(norm.text(), 0, norm.text().size(), &tokens);
  std::string out;
  out.reserve(norm.text().size());
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kPunct) continue;
    if (!out.empty()) out += ' ';
    AppendMatchKey(std::string_view(norm.text()).substr(t.begin, t.end - t.begin), &out);
  }
  return out;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  // No memory statistics (a global mutex taken on every allocation) and no per-connection mutex (a Store is used
  // by one thread at a time): together about 4 % less CPU for ingest. The statistics can be turned off only
  // before SQLite initialises; a process that used SQLite first keeps them.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    std::string message = fmt::format("{}: cannot open the database: {}", path, db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return Status::Error(message);
  }
  std::unique_ptr<Store> store(new Store(db));
  sqlite3_busy_timeout(db, 5000);  // another writer: wait a while before reporting the lock
  // A file that is no SQLite database fails here, before anything is written.
  int64_t v = 0, tables = 0, ours = 0;
  {
    Statement version(db, "PRAGMA user_version");
    if (!version.ok() || version.Step() != SQLITE_ROW) {
      return Status::Error(fmt::format("{}: not a rasad database: {}", path, sqlite3_errmsg(db)));
    }
    v = version.Int(0);
    Statement count(db, "SELECT count(*), sum(name = 'events') FROM sqlite_master WHERE type = 'table'");
    count.Step();
    tables = count.Int(0);
    ours = count.Int(1);
  }
  if (v > kSchemaVersion) {
    return Status::Error(fmt::format("{}: made by a newer rasad (schema version {}, this one reads up to {})", path, v,
                                     kSchemaVersion));
  }
  if (v == 0 && tables > 0 && ours == 0) {
    return Status::Error(fmt::format("{}: a SQLite database, but not a rasad one", path));
  }
  for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"}) {
    if (Status s = store->Exec(pragma); !s.ok()) return Status::Error(fmt::format("{}: {}", path, s.message()));
  }
  // Each step in a transaction of its own: a new file gets the whole schema, an older one its migrations.
  auto step = [&](const char* sql, int to) -> Status {
    const std::string script = fmt::format("BEGIN IMMEDIATE; {} PRAGMA user_version = {}; COMMIT;", sql, to);
    if (Status s = store->Exec(script.c_str()); !s.ok()) {
      store->Exec("ROLLBACK");
      return Status::Error(fmt::format("{}: cannot set up schema version {}: {}", path, to, s.message()));
    }
    return Status();
  };
  if (v == 0) {
    if (Status s = step(kSchema, kSchemaVersion); !s.ok()) return s;
  } else if (v == 1) {
    if (Status s = step(kMigrateTo2, 2); !s.ok()) return s;
  }
  return store;
}

Store::~Store() {
  sqlite3_finalize(has_);
  sqlite3_close(db_);
}

Status Store::Exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    return Status::Error(message);
  }
  return Status();
}

bool Store::Has(const std::string& id, const std::string& hash) {
  // Asked once per article read: prepared once (preparing is most of the cost of this lookup).
  if (has_ == nullptr && sqlite3_prepare_v2(db_, "SELECT 1 FROM articles WHERE id = ? AND hash = ?", -1, &has_,
                                            nullptr) != SQLITE_OK) {
    return false;
  }
  sqlite3_bind_text(has_, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
  sqlite3_bind_text(has_, 2, hash.data(), static_cast<int>(hash.size()), SQLITE_STATIC);
  const bool found = sqlite3_step(has_) == SQLITE_ROW;
  sqlite3_reset(has_);
  sqlite3_clear_bindings(has_);
  return found;
}

Status Store::Write(const std::vector<CodedArticle>& batch, StoreCounts* counts) {
  if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return Status::Error(fmt::format("cannot write: {}", s.message()));
  auto fail = [&](const std::string& what) {
    const std::string message = fmt::format("{}: {}", what, sqlite3_errmsg(db_));
    Exec("ROLLBACK");
    return Status::Error(message);
  };
  Statement find(db_, "SELECT hash FROM articles WHERE id = ?");
  Statement touched(db_, "SELECT DISTINCT event_id FROM mentions WHERE article_id = ?");
  Statement drop_mentions(db_, "DELETE FROM mentions WHERE article_id = ?");
  Statement drop_text(db_, "DELETE FROM article_text WHERE rowid = (SELECT rowid FROM articles WHERE id = ?)");
  Statement put_article(db_,
                        "INSERT OR REPLACE INTO articles (id, hash, outlet, url, title, published, source, ingested_at, "
                        "num_events, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Statement put_text(db_, "INSERT INTO article_text (rowid, id, title, text) VALUES (?, ?, ?, ?)");
  Statement put_event(db_,
                      "INSERT INTO events (date, date_precision, day, source_code, source_country, source_name, "
                      "target_code, target_country, target_name, event_code, event_root, quad_class, goldstein, "
                      "confidence, place_name, geonames_id, place_feature, place_country, lat, lon) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                      "ON CONFLICT (date, source_code, target_code, event_code) DO UPDATE SET "
                      "place_name = coalesce(place_name, excluded.place_name), "
                      "geonames_id = coalesce(geonames_id, excluded.geonames_id), "
                      "place_feature = coalesce(place_feature, excluded.place_feature), "
                      "place_country = coalesce(place_country, excluded.place_country), "
                      "lat = coalesce(lat, excluded.lat), lon = coalesce(lon, excluded.lon) "
                      "RETURNING event_id");
  Statement put_mention(db_,
                        "INSERT INTO mentions (event_id, article_id, sentence, trigger, rule, confidence, mentions, "
                        "source_text, target_text, sentence_text, sentence_begin, sentence_end, trigger_begin, "
                        "trigger_end, source_begin, source_end, target_begin, target_end, place_name, place_begin, place_end) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!find.ok() || !touched.ok() || !drop_mentions.ok() || !drop_text.ok() || !put_article.ok() || !put_text.ok() ||
      !put_event.ok() || !put_mention.ok()) {
    return fail("cannot prepare the statements");
  }
  std::set<int64_t> affected;
  const std::string now = Now();
  for (const CodedArticle& c : batch) {
    const Article& a = c.article;
    find.Bind(1, a.id);
    const bool known = find.Step() == SQLITE_ROW;
    const std::string old_hash = known ? find.Text(0) : "";
    find.Reset();
    if (known && old_hash == c.hash) {
      ++counts->unchanged;
      continue;
    }
    if (known) {
      // A changed article: its old mentions go, and the events they counted in are recounted.
      touched.Bind(1, a.id);
      while (touched.Step() == SQLITE_ROW) affected.insert(touched.Int(0));
      touched.Reset();
      drop_mentions.Bind(1, a.id);
      if (drop_mentions.Step() != SQLITE_DONE) return fail("cannot replace " + a.id);
      drop_mentions.Reset();
      drop_text.Bind(1, a.id);
      if (drop_text.Step() != SQLITE_DONE) return fail("cannot replace " + a.id);
      drop_text.Reset();
      ++counts->replaced;
    } else {
      ++counts->added;
    }
    put_article.Bind(1, a.id).Bind(2, c.hash).Bind(3, a.outlet).Bind(4, a.url).Bind(5, a.title)
        .Bind(6, a.published.ToString()).Bind(7, a.source_name).Bind(8, now).Bind(9, static_cast<int64_t>(c.events.size()))
        .Bind(10, a.text);
    if (put_article.Step() != SQLITE_DONE) return fail("cannot store " + a.id);
    put_article.Reset();
    // The text's keys hold the title's (an article's text begins with its title); the title column stays
    // empty in new rows.
    put_text.Bind(1, static_cast<int64_t>(sqlite3_last_insert_rowid(db_))).Bind(2, a.id).Bind(3, std::string())
        .Bind(4, c.search_text);
    if (put_text.Step() != SQLITE_DONE) return fail("cannot index " + a.id);
    put_text.Reset();
    for (const Event& e : c.events) {
      put_event.Bind(1, e.date.ToString()).Bind(2, std::string(e.date.precision())).Bind(3, FirstDay(e.date))
          .Bind(4, e.source.code).Bind(5, e.source.country).Bind(6, e.source.name).Bind(7, e.target.code)
          .Bind(8, e.target.country).Bind(9, e.target.name).Bind(10, e.event_code).Bind(11, e.event_root)
          .Bind(12, static_cast<int64_t>(e.quad_class)).Bind(13, e.goldstein).Bind(14, e.confidence);
      if (e.location.present()) {
        put_event.Bind(15, e.location.name).Bind(17, e.location.feature).Bind(18, e.location.country)
            .Bind(19, e.location.lat).Bind(20, e.location.lon);
        if (e.location.geonames_id != 0) put_event.Bind(16, static_cast<int64_t>(e.location.geonames_id));
      }
      if (put_event.Step() != SQLITE_ROW) return fail("cannot store an event of " + a.id);
      const int64_t event_id = put_event.Int(0);
      put_event.Step();  // finishes the statement (RETURNING gives one row)
      put_event.Reset();
      affected.insert(event_id);
      auto span_text = [&](const Span& s) { return a.text.substr(s.begin, s.end - s.begin); };
      put_mention.Bind(1, event_id).Bind(2, a.id).Bind(3, static_cast<int64_t>(e.sentence)).Bind(4, e.trigger_text)
          .Bind(5, e.rule).Bind(6, e.confidence).Bind(7, static_cast<int64_t>(e.mentions))
          .Bind(8, span_text(e.source.span)).Bind(9, span_text(e.target.span)).Bind(10, span_text(e.sentence_span))
          .Bind(11, static_cast<int64_t>(e.sentence_span.begin)).Bind(12, static_cast<int64_t>(e.sentence_span.end))
          .Bind(13, static_cast<int64_t>(e.trigger.begin)).Bind(14, static_cast<int64_t>(e.trigger.end));
      put_mention.Bind(15, static_cast<int64_t>(e.source.span.begin)).Bind(16, static_cast<int64_t>(e.source.span.end));
      if (!e.target.code.empty()) {
        put_mention.Bind(17, static_cast<int64_t>(e.target.span.begin)).Bind(18, static_cast<int64_t>(e.target.span.end));
      }
      if (e.location.present()) {
        put_mention.Bind(19, e.location.name).Bind(20, static_cast<int64_t>(e.location.span.begin))
            .Bind(21, static_cast<int64_t>(e.location.span.end));
      }
      if (put_mention.Step() != SQLITE_DONE) return fail("cannot store a mention of " + a.id);
      put_mention.Reset();
      ++counts->mentions;
    }
  }
  // Recount what the batch touched; an event no article reports any more goes.
  Statement recount(db_,
                    "UPDATE events SET "
                    "num_mentions = (SELECT coalesce(sum(m.mentions), 0) FROM mentions m WHERE m.event_id = events.event_id), "
                    "num_articles = (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.event_id = events.event_id), "
                    "num_sources = (SELECT count(DISTINCT coalesce(nullif(a.outlet, ''), a.id)) FROM mentions m "
                    "JOIN articles a ON a.id = m.article_id WHERE m.event_id = events.event_id), "
                    "confidence = (SELECT max(m.confidence) FROM mentions m WHERE m.event_id = events.event_id) "
                    "WHERE event_id = ?");
  Statement orphan(db_, "DELETE FROM events WHERE event_id = ? AND NOT EXISTS (SELECT 1 FROM mentions WHERE event_id = ?)");
  if (!recount.ok() || !orphan.ok()) return fail("cannot prepare the recount");
  for (int64_t id : affected) {
    recount.Bind(1, id);
    if (recount.Step() != SQLITE_DONE) return fail("cannot recount");
    recount.Reset();
    orphan.Bind(1, id).Bind(2, id);
    if (orphan.Step() != SQLITE_DONE) return fail("cannot recount");
    orphan.Reset();
  }
  if (Status s = Exec("COMMIT"); !s.ok()) return fail("cannot commit");
  return Status();
}

}  // namespace rasad
