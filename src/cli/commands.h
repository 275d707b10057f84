// The subcommands of the rasad command, as library functions so that every front end (the CLI today, the
// server later) shares them. Each returns the process exit code: 0 when every input was read, 1 when some
// input failed (the rest was still processed), 2 when nothing could be done (bad flags, no dictionaries).
#ifndef RASAD_CLI_COMMANDS_H_
#define RASAD_CLI_COMMANDS_H_

#include <memory>
#include <string>
#include <vector>

#include "rasad/engine.h"

namespace rasad {

// Where the dictionaries come from: the compiled file (default), or sources compiled in memory (--data).
struct LexiconOptions {
  std::string lexicon;   // compiled file; empty: DefaultLexiconPath()
  std::string data_dir;  // sources to compile in memory instead; empty: use the compiled file
};

struct CodeOptions {
  std::vector<std::string> inputs;  // empty: standard input
  std::string date;                 // YYYY-MM-DD for articles with no date; empty: none
  std::string format = "jsonl";     // jsonl or table
  LexiconOptions lexicon;
  bool stats = false;               // throughput figures on stderr
  bool actors = false;              // print the actors found, one JSON object each, instead of events
  bool all = false;                 // also the events below kMinConfidence
  int jobs = 1;                     // coding threads; the output keeps the input's order
};

// Opens the engine as `options` say; the compiled file is checked for staleness against DefaultDataDir().
Result<std::shared_ptr<const Engine>> OpenEngine(const LexiconOptions& options);

// `rasad code`: reads articles and writes their events to standard output.
int RunCode(const CodeOptions& options);

struct ExplainOptions {
  std::vector<std::string> inputs;
  std::string date;   // as for code
  int sentence = -1;  // only this sentence (index as in the events' "sentence"); -1: all
  LexiconOptions lexicon;
};

// `rasad explain`: for each sentence, the words, actors, triggers and what became of each, then how the
// candidates were settled into events.
int RunExplain(const ExplainOptions& options);

struct PlaceOptions {
  LexiconOptions lexicon;
  std::string name;                    // the place name as written
  std::vector<std::string> countries;  // ISO3 codes the context names, which rank their places first
  bool dateline = false;               // the name heads a dateline (prefer the city)
  bool json = false;
  bool all = false;                    // every candidate with its score, not only the best
};

// `rasad place lookup NAME`: the best place a name denotes (and with `all` the others). Exit code 1 when none.
int RunPlaceLookup(const PlaceOptions& options);

struct TimeOptions {
  LexiconOptions lexicon;
  std::string expression;  // a date line, or a clause with a time expression
  std::string pub;         // publication date YYYY-MM-DD; empty: unknown (only absolute dates resolve)
  bool json = false;
};

// `rasad time resolve EXPRESSION --pub DATE`: the date and precision the expression denotes. Exit code 1 when none.
int RunTimeResolve(const TimeOptions& options);

struct IngestOptions {
  std::vector<std::string> inputs;  // as for code
  std::string db = "rasad.db";
  std::string date;                 // as for code
  int jobs = 1;                     // coding threads
  bool quiet = false;               // no progress line
  LexiconOptions lexicon;
};

// `rasad ingest`: codes articles into the event store; articles stored before unchanged are skipped.
int RunIngest(const IngestOptions& options);

// What query, series, top and export share: the database and the filters (store/query.h).
struct StoreOptions {
  std::string db = "rasad.db";
  LexiconOptions lexicon;
  std::vector<std::string> actors, countries, codes, roots;
  std::vector<int> quads;
  std::string dyad, since, until, place, near, text;
  bool all = false;       // also events below the default confidence
  bool mentions = false;  // one row per mention
  size_t limit = 100;
  std::string format = "table";
  std::string by = "month";  // series
  std::string what;          // top: actors, dyads, codes, places
};

int RunQuery(const StoreOptions& options);
int RunSeries(const StoreOptions& options);
int RunTop(const StoreOptions& options);
int RunExport(const StoreOptions& options);

struct ServeCliOptions {
  std::string db = "rasad.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token_file;  // the bearer token that POST /v1/articles (and private reads) need
  bool private_reads = false;
  std::string cors;        // an origin allowed by CORS; empty: none
  bool demo = false;       // serve a fresh database of the sample articles
  std::string web_dir;     // the dashboard's files; empty: the source tree's web/
  LexiconOptions lexicon;
};

// `rasad serve`: the HTTP API until SIGINT or SIGTERM.
int RunServe(const ServeCliOptions& options);

struct DictOptions {
  LexiconOptions lexicon;
  std::string data_dir;  // compile, check: the sources (default DefaultDataDir())
  std::string output;    // compile: the file to write (default DefaultLexiconPath())
  std::string phrase;    // lookup
  std::string date;      // lookup: the date the roles are taken on (YYYY-MM-DD); empty: today's roles
  bool json = false;     // lookup: one JSON object
};

// `rasad dict compile`: compiles the sources into the binary lexicon (written atomically).
int RunDictCompile(const DictOptions& options);
// `rasad dict lookup PHRASE`: how a phrase resolves to an actor, and from which entries.
int RunDictLookup(const DictOptions& options);
// `rasad dict dump`: the compiled lexicon as text, one phrase and meaning a line.
int RunDictDump(const DictOptions& options);
// `rasad dict check`: lints the sources; exit 1 when an error is found.
int RunDictCheck(const DictOptions& options);
// `rasad dict stats`: entries per kind and per country.
int RunDictStats(const DictOptions& options);

}  // namespace rasad

#endif  // RASAD_CLI_COMMANDS_H_
