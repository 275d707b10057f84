// The rasad command: a thin front end over the library. Each subcommand parses its flags and calls the
// library; no coding logic lives here.
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace {

void AddLexiconOptions(CLI::App* app, rasad::LexiconOptions* options) {
  app->add_option("--lexicon", options->lexicon, "compiled lexicon (default: $RASAD_LEXICON or build/rasad.lex)");
  app->add_option("--data", options->data_dir, "compile the dictionary sources of DIR in memory instead");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"rasad: code Arabic news into CAMEO political events"};
  app.require_subcommand(1);

  rasad::CodeOptions code;
  CLI::App* code_cmd = app.add_subcommand("code", "code articles (files, directories, - or stdin) to events");
  code_cmd->add_option("inputs", code.inputs, "articles: .txt, .jsonl, .jsonl.gz, directories; stdin when none");
  code_cmd->add_option("--date", code.date, "publication date (YYYY-MM-DD) for articles that state none");
  code_cmd->add_option("--format", code.format, "output format: jsonl or table")
      ->check(CLI::IsMember({"jsonl", "table"}));
  code_cmd->add_flag("--stats", code.stats, "print throughput figures to stderr at the end");
  code_cmd->add_option("-j,--jobs", code.jobs, "coding threads (default 1); the output keeps the input's order");
  code_cmd->add_flag("--all", code.all, "also the less confident events (confidence below 0.5), which are left out by default");
  code_cmd->add_flag("--actors", code.actors, "print every actor found (one JSON object each) instead of events");
  AddLexiconOptions(code_cmd, &code.lexicon);

  rasad::ExplainOptions explain;
  CLI::App* explain_cmd = app.add_subcommand("explain", "show how each sentence was analysed and coded");
  explain_cmd->add_option("inputs", explain.inputs, "articles, as for code");
  explain_cmd->add_option("--sentence", explain.sentence, "only this sentence (its index in the events)");
  explain_cmd->add_option("--date", explain.date, "publication date (YYYY-MM-DD) for articles that state none");
  AddLexiconOptions(explain_cmd, &explain.lexicon);

  rasad::DictOptions dict;
  CLI::App* dict_cmd = app.add_subcommand("dict", "compile, look up, dump, check and count the dictionaries");
  dict_cmd->require_subcommand(1);
  CLI::App* compile = dict_cmd->add_subcommand("compile", "compile data/ into the binary lexicon");
  compile->add_option("--data", dict.data_dir, "dictionary sources (default: $RASAD_DATA or the source tree's data/)");
  compile->add_option("-o,--output", dict.output, "file to write (default: $RASAD_LEXICON or build/rasad.lex)");
  CLI::App* lookup = dict_cmd->add_subcommand("lookup", "how a phrase resolves to an actor");
  lookup->add_option("phrase", dict.phrase, "an Arabic phrase")->required();
  lookup->add_option("--date", dict.date, "take dated roles on this day (YYYY-MM-DD; default today)");
  lookup->add_flag("--json", dict.json, "print {\"code\", \"country\", \"roles\", \"name\"} or {\"code\": null}");
  AddLexiconOptions(lookup, &dict.lexicon);
  CLI::App* dump = dict_cmd->add_subcommand("dump", "print the compiled lexicon as text");
  AddLexiconOptions(dump, &dict.lexicon);
  CLI::App* check = dict_cmd->add_subcommand("check", "lint the dictionary sources");
  check->add_option("--data", dict.data_dir, "dictionary sources (default: $RASAD_DATA or the source tree's data/)");
  CLI::App* stats = dict_cmd->add_subcommand("stats", "count entries per kind and per country");
  AddLexiconOptions(stats, &dict.lexicon);

  rasad::PlaceOptions place;
  CLI::App* place_cmd = app.add_subcommand("place", "look up places of the gazetteer");
  place_cmd->require_subcommand(1);
  CLI::App* place_lookup = place_cmd->add_subcommand("lookup", "the place a name denotes");
  place_lookup->add_option("name", place.name, "a place name in Arabic")->required();
  place_lookup->add_flag("--json", place.json,
                         "print {\"name\", \"geonames_id\", \"country\", \"lat\", \"lon\", \"feature\"} or {\"name\": null}");
  place_lookup->add_flag("--all", place.all, "also the other candidates, with their scores");
  place_lookup->add_option("--country", place.countries, "a country the context names (ISO3), preferred; repeatable");
  place_lookup->add_flag("--dateline", place.dateline, "the name heads a dateline: prefer the city");
  AddLexiconOptions(place_lookup, &place.lexicon);

  rasad::TimeOptions time;
  CLI::App* time_cmd = app.add_subcommand("time", "resolve time expressions");
  time_cmd->require_subcommand(1);
  CLI::App* time_resolve = time_cmd->add_subcommand("resolve", "the date an expression denotes");
  time_resolve->add_option("expression", time.expression, "a date line or a clause with a time expression")->required();
  time_resolve->add_option("--pub", time.pub, "publication date (YYYY-MM-DD) that relative expressions count from");
  time_resolve->add_flag("--json", time.json, "print {\"date\", \"precision\"} or {\"date\": null}");
  AddLexiconOptions(time_resolve, &time.lexicon);

  rasad::IngestOptions ingest;
  CLI::App* ingest_cmd = app.add_subcommand("ingest", "code articles into the event store (SQLite)");
  ingest_cmd->add_option("inputs", ingest.inputs, "articles, as for code");
  ingest_cmd->add_option("--db", ingest.db, "the database (default rasad.db)");
  ingest_cmd->add_option("--date", ingest.date, "publication date (YYYY-MM-DD) for articles that state none");
  ingest_cmd->add_option("-j,--jobs", ingest.jobs, "coding threads (default 1)");
  ingest_cmd->add_flag("-q,--quiet", ingest.quiet, "no progress line");
  AddLexiconOptions(ingest_cmd, &ingest.lexicon);

  rasad::StoreOptions store;
  auto add_filters = [&](CLI::App* cmd) {
    cmd->add_option("--db", store.db, "the database (default rasad.db)");
    cmd->add_option("--actor", store.actors, "an actor code or its prefix (DZA, DZAGOV), source or target; repeatable");
    cmd->add_option("--dyad", store.dyad, "two actor codes or prefixes A,B, either way round");
    cmd->add_option("--country", store.countries, "a country (ISO3) as source or target; repeatable");
    cmd->add_option("--code", store.codes, "a CAMEO event code; repeatable");
    cmd->add_option("--root", store.roots, "a CAMEO root (two digits); repeatable");
    cmd->add_option("--quad", store.quads, "a quad class 1-4; repeatable");
    cmd->add_option("--since", store.since, "events from this period on (YYYY, YYYY-MM or YYYY-MM-DD)");
    cmd->add_option("--until", store.until, "events up to this period");
    cmd->add_option("--place", store.place, "events at a place (a name or a country ISO3)");
    cmd->add_option("--near", store.near, "events within KM of a point: LAT,LON,KM");
    cmd->add_option("--text", store.text, "full-text search in the articles that report the events");
    cmd->add_flag("--all", store.all, "also the less confident events");
    cmd->add_option("--format", store.format, "table, json or csv");
    AddLexiconOptions(cmd, &store.lexicon);
  };
  CLI::App* query_cmd = app.add_subcommand("query", "events of the store that pass the filters");
  add_filters(query_cmd);
  query_cmd->add_flag("--mentions", store.mentions, "one row per mention (article, sentence, trigger)");
  query_cmd->add_option("--limit", store.limit, "at most this many rows (default 100; 0: all)");
  CLI::App* series_cmd = app.add_subcommand("series", "counts, Goldstein and quad classes per day, week or month");
  add_filters(series_cmd);
  series_cmd->add_option("--by", store.by, "day, week or month (default month)");
  CLI::App* top_cmd = app.add_subcommand("top", "the most frequent actors, dyads, codes or places");
  top_cmd->add_option("what", store.what, "actors, dyads, codes or places")->required();
  add_filters(top_cmd);
  top_cmd->add_option("--limit", store.limit, "at most this many rows (default 100; 0: all)");
  CLI::App* export_cmd = app.add_subcommand("export", "every event of the store that passes the filters");
  add_filters(export_cmd);
  export_cmd->add_flag("--mentions", store.mentions, "one row per mention");

  rasad::ServeCliOptions serve;
  CLI::App* serve_cmd = app.add_subcommand("serve", "the HTTP API over an event store");
  serve_cmd->add_option("--db", serve.db, "the database (default rasad.db)");
  serve_cmd->add_option("--host", serve.host, "the address to listen on (default 127.0.0.1: this machine only)");
  serve_cmd->add_option("--port", serve.port, "the port (default 8080)");
  serve_cmd->add_option("--token-file", serve.token_file, "a file whose first line is the bearer token for writes");
  serve_cmd->add_flag("--private", serve.private_reads, "reads need the token too");
  serve_cmd->add_option("--cors", serve.cors, "an origin allowed to call the API from a browser");
  serve_cmd->add_flag("--demo", serve.demo, "serve a fresh database of the project's sample articles");
  serve_cmd->add_option("--web", serve.web_dir, "the dashboard's files (default: the source tree's web/)");
  AddLexiconOptions(serve_cmd, &serve.lexicon);

  CLI11_PARSE(app, argc, argv);
  if (serve_cmd->parsed()) return rasad::RunServe(serve);
  if (ingest_cmd->parsed()) return rasad::RunIngest(ingest);
  if (query_cmd->parsed()) return rasad::RunQuery(store);
  if (series_cmd->parsed()) return rasad::RunSeries(store);
  if (top_cmd->parsed()) return rasad::RunTop(store);
  if (export_cmd->parsed()) {
    if (store.format == "table") store.format = "json";
    return rasad::RunExport(store);
  }
  if (place_lookup->parsed()) return rasad::RunPlaceLookup(place);
  if (time_resolve->parsed()) return rasad::RunTimeResolve(time);
  if (code_cmd->parsed()) return rasad::RunCode(code);
  if (explain_cmd->parsed()) return rasad::RunExplain(explain);
  if (compile->parsed()) return rasad::RunDictCompile(dict);
  if (lookup->parsed()) return rasad::RunDictLookup(dict);
  if (dump->parsed()) return rasad::RunDictDump(dict);
  if (check->parsed()) return rasad::RunDictCheck(dict);
  if (stats->parsed()) return rasad::RunDictStats(dict);
  return 2;
}
