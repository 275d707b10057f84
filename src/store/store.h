// The event store: coded articles in an embedded SQLite database, deduplicated across articles as GDELT does.
//
// Schema (version 1; PRAGMA user_version), plain SQLite for the users' own tools:
//   articles(id PRIMARY KEY, hash, outlet, url, title, published, source, ingested_at, num_events, text)
//   events(event_id, date, date_precision, day, source_code, source_country, source_name, target_code,
//          target_country, target_name, event_code, event_root, quad_class, goldstein, confidence,
//          place_name, geonames_id, place_feature, place_country, lat, lon, num_mentions, num_articles,
//          num_sources; UNIQUE(date, source_code, target_code, event_code))
//   mentions(mention_id, event_id, article_id, sentence, trigger, rule, confidence, mentions, source_text,
//            target_text, sentence_text, and the byte spans in the article's text of the sentence, trigger,
//            source, target and place (place_name, place_begin, place_end))
//   article_text: an FTS5 table of each article's text (its title included) as match keys separated by single
//                 spaces, by id; FTS5's ascii tokenizer splits them (the keys are normalised already, so
//                 unicode61's folding would add nothing but time: a third of the indexing). Databases made
//                 before kept unicode61 and titles in the title column; both read the same.
// One event per (date, source, target, code) across all articles; every article that reports it adds a mention.
// `day` is the first day of the event's date at its precision (2021-07 -> 2021-07-01), for ranges and series.
//
// Writes are batched in transactions in WAL mode: after a crash a batch is either all in or not at all, and an
// article already stored with the same content hash is skipped, so a rerun finishes the job without doubles.
// A changed article replaces its mentions, and the counts of the events they touched, in the same transaction.
// Tested in store_test.cc and tests/store_test.py.
#ifndef RASAD_STORE_STORE_H_
#define RASAD_STORE_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "rasad/article.h"
#include "rasad/event.h"
#include "rasad/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace rasad {

inline constexpr int kSchemaVersion = 2;

// An article with its events, ready to store.
struct CodedArticle {
  Article article;
  std::vector<Event> events;
  std::string hash;         // of the article's content: a changed article is stored again
  std::string search_text;  // the title and text as match keys, for full-text search
};

// What a write did.
struct StoreCounts {
  size_t added = 0;      // new articles
  size_t replaced = 0;   // articles stored before with another content
  size_t unchanged = 0;  // articles stored before with the same content: nothing done
  size_t mentions = 0;   // event mentions written
};

// One SQLite connection. Not thread-safe: one thread at a time uses it (the server holds a mutex around it), so
// the connection is opened without SQLite's own locking.
class Store {
 public:
  // Opens (creating when missing) the database at `path`. Refuses a database of a newer schema version, or one
  // that is not a rasad store; upgrades one of an older version.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Returns whether an article with this id and content hash is stored already.
  bool Has(const std::string& id, const std::string& hash);

  // Writes a batch in one transaction. On error nothing of the batch is written.
  Status Write(const std::vector<CodedArticle>& batch, StoreCounts* counts);

  sqlite3* db() const { return db_; }

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  Status Exec(const char* sql);
  sqlite3* db_ = nullptr;
  sqlite3_stmt* has_ = nullptr;  // Has()'s statement, prepared on first use
};

// Returns the content hash of an article (its id-independent text, title and publication date).
std::string ContentHash(const Article& article);

// Returns the text the full-text index keeps for an article: its title and text as match keys.
std::string SearchText(const Article& article);

}  // namespace rasad

#endif  // RASAD_STORE_STORE_H_
