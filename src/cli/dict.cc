// The `rasad dict` subcommands over the lexicon: compile, look up, dump, check, count. Lookup resolves a
// phrase exactly as the engine resolves it inside a sentence (mention composition, dated roles, "former"),
// so what it prints is what coding will do. Tested by tests/dict_test.py.
#include <chrono>
#include <cstdio>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "lexicon/lexicon.h"
#include "mention/mentions.h"
#include "text/normalize.h"
#include "time/date.h"

namespace rasad {
namespace {

const char* KindName(Entity::Kind k) {
  switch (k) {
    case Entity::Kind::kCountry: return "country";
    case Entity::Kind::kCapital: return "capital";
    case Entity::Kind::kSeat: return "seat";
    case Entity::Kind::kPeople: return "people";
    case Entity::Kind::kPerson: return "person";
    case Entity::Kind::kOrg: return "org";
  }
  return "?";
}

// One line describing a meaning of a phrase, for dump and lookup.
std::string Describe(const Lexicon& lex, const LexHit& h) {
  switch (h.kind) {
    case LexHit::Kind::kEntity: {
      const Entity& e = lex.entity(h.index);
      std::string terms;
      for (const Tenure& t : e.tenures) {
        if (!terms.empty()) terms += ", ";
        terms += t.code;
        if (t.from.valid() || t.to.valid()) terms += fmt::format(" {}..{}", t.from.ToString(), t.to.ToString());
      }
      return fmt::format("{}\t{}\t{}\t{}", KindName(e.kind), terms, e.name, e.origin);
    }
    case LexHit::Kind::kAgent: {
      const Agent& a = lex.agent(h.index);
      // The kinds as agents.tsv writes them.
      const char* kind = a.kind == Agent::Kind::kPerson   ? "person"
                         : a.kind == Agent::Kind::kGroup  ? "group"
                         : a.kind == Agent::Kind::kOffice ? "office"
                         : a.kind == Agent::Kind::kLand   ? "land"
                                                          : "weapon";
      return fmt::format("agent\t{}\t{}{}\t{}", a.roles, kind, a.construct ? " construct" : "", a.origin);
    }
    case LexHit::Kind::kNisba: {
      const Nisba& n = lex.nisba(h.index);
      return fmt::format("nationality\t{}\t{}", n.country, n.plural ? "people" : "adjective");
    }
    case LexHit::Kind::kTrigger: {
      const Trigger& t = lex.trigger(h.index);
      return fmt::format("event\t{}\t{} {}\t{}", t.code, t.pos == Trigger::Pos::kVerb ? "verb" : "noun", t.lemma,
                         t.origin);
    }
    case LexHit::Kind::kFunction:
      return fmt::format("function\t{}\t{}", static_cast<int>(lex.function_word(h.index).cls),
                         lex.function_word(h.index).value);
    case LexHit::Kind::kTime: {
      const TimeWord& t = lex.time_word(h.index);
      static const char* const kKinds[] = {"weekday", "month", "relative-day", "year", "hijri-month", "period", "ago"};
      return fmt::format("time\t{}\t{}", kKinds[static_cast<int>(t.kind)], t.value);
    }
  }
  return "?";
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "rasad: error: %s\n", message.c_str());
  return 2;
}

}  // namespace

int RunDictCompile(const DictOptions& options) {
  const std::string data = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
  const std::string out = options.output.empty() ? DefaultLexiconPath() : options.output;
  const auto start = std::chrono::steady_clock::now();
  Status s = Lexicon::Compile(data, out);
  if (!s.ok()) {
    std::fprintf(stderr, "rasad: error: %s\n", s.message().c_str());
    return 1;
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  auto lex = Lexicon::Open(out, data);
  if (!lex.ok()) return Fail(lex.status().message());
  size_t phrases = 0;
  lex.value().ForEachPhrase([&](std::string_view, std::span<const LexHit>) { ++phrases; });
  std::fprintf(stderr, "rasad: compiled %s: %zu phrases, %zu entities, %zu agents, %zu triggers, %zu bytes in %.0f ms\n",
               out.c_str(), phrases, lex.value().entity_count(), lex.value().agent_count(),
               lex.value().trigger_count(), lex.value().image_size(), ms);
  return 0;
}

int RunDictLookup(const DictOptions& options) {
  auto engine = OpenEngine(options.lexicon);
  if (!engine.ok()) return Fail(engine.status().message());
  const Lexicon& lex = engine.value()->lexicon();
  Date date;
  if (!options.date.empty()) {
    date = ParseIsoDate(options.date);
    if (!date.valid()) return Fail(fmt::format("--date wants YYYY-MM-DD, not '{}'", options.date));
  } else {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd(today);
    date = {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
  }
  Actor actor;
  std::vector<std::pair<std::string, LexHit>> entries;
  const bool found = ResolveActor(options.phrase, lex, date, &actor, &entries);
  if (options.json) {
    nlohmann::ordered_json j;
    if (!found) {
      j["code"] = nullptr;
    } else {
      j["code"] = actor.code;
      j["country"] = actor.country.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(actor.country);
      j["roles"] = actor.roles;
      j["name"] = actor.name;
    }
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    return 0;
  }
  if (!found) {
    std::printf("%s: no actor\n", options.phrase.c_str());
    return 1;
  }
  std::printf("phrase   %s\ncode     %s (on %s)\ncountry  %s\nroles    %s\nname     %s\n", options.phrase.c_str(),
              actor.code.c_str(), date.ToString().c_str(), actor.country.empty() ? "-" : actor.country.c_str(),
              fmt::format("{}", fmt::join(actor.roles, ",")).c_str(), actor.name.c_str());
  for (const auto& [words, hit] : entries) std::printf("entry    %s\t%s\n", words.c_str(), Describe(lex, hit).c_str());
  return 0;
}

int RunDictDump(const DictOptions& options) {
  auto engine = OpenEngine(options.lexicon);
  if (!engine.ok()) return Fail(engine.status().message());
  const Lexicon& lex = engine.value()->lexicon();
  std::vector<std::string> lines;
  lex.ForEachPhrase([&](std::string_view key, std::span<const LexHit> hits) {
    for (const LexHit& h : hits) lines.push_back(fmt::format("{}\t{}", key, Describe(lex, h)));
  });
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int RunDictCheck(const DictOptions& options) {
  const std::string data = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
  std::vector<std::string> problems = Lexicon::Check(data);
  size_t errors = 0;
  for (const std::string& p : problems) {
    std::printf("%s\n", p.c_str());
    if (p.find(": error:") != std::string::npos || p.find(": warning:") == std::string::npos) ++errors;
  }
  std::fprintf(stderr, "rasad: dict check: %zu errors, %zu warnings\n", errors, problems.size() - errors);
  return errors == 0 ? 0 : 1;
}

int RunDictStats(const DictOptions& options) {
  auto engine = OpenEngine(options.lexicon);
  if (!engine.ok()) return Fail(engine.status().message());
  const Lexicon& lex = engine.value()->lexicon();
  std::map<std::string, size_t> kinds;
  std::map<std::string, size_t> countries;
  size_t terms = 0;
  for (size_t i = 0; i < lex.entity_count(); ++i) {
    const Entity& e = lex.entity(static_cast<uint32_t>(i));
    ++kinds[KindName(e.kind)];
    if (e.kind == Entity::Kind::kPerson) terms += e.tenures.size();
    ++countries[e.tenures.back().code.substr(0, 3)];
  }
  size_t phrases = 0;
  lex.ForEachPhrase([&](std::string_view, std::span<const LexHit>) { ++phrases; });
  std::printf("phrases\t%zu\n", phrases);
  for (const auto& [kind, n] : kinds) std::printf("%s\t%zu\n", kind.c_str(), n);
  std::printf("person terms\t%zu\nagents\t%zu\nnationality forms\t%zu\nevent triggers\t%zu\nfunction words\t%zu\n"
              "time words\t%zu\nbytes\t%zu\n", terms, lex.agent_count(), lex.nisba_count(), lex.trigger_count(),
              lex.function_count(), lex.time_count(), lex.image_size());
  std::printf("\nentities per country (or IGO/NGO/IMG)\n");
  for (const auto& [country, n] : countries) std::printf("%s\t%zu\n", country.c_str(), n);
  return 0;
}

}  // namespace rasad
