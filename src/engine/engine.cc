// The engine runs one article through the pipeline: normalise, split, find mentions sentence by sentence
// (carrying the article memory), code candidates, date them, and settle them into one event per
// (date, source, target, code), counting the sentences that repeat one. Each sentence's words are dropped as
// soon as its candidates are taken, so memory follows the number of events, not the length of the article.
// It holds nothing mutable, so any number of threads may code articles with one engine.
// Tested end to end by tests/golden and engine_test.cc.
#include "rasad/engine.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <tuple>

#include <fmt/format.h>

#include "code/coder.h"
#include "lexicon/lexicon.h"
#include "mention/mentions.h"
#include "place/gazetteer.h"
#include "text/normalize.h"
#include "text/sentence.h"
#include "text/token.h"
#include "time/date.h"
#include "time/expression.h"
#include "time/resolve.h"

namespace rasad {
namespace {

constexpr size_t kMaxSentenceBytes = 4000;
constexpr size_t kMaxDatelineWords = 4;  // الدار البيضاء، مدينة الكويت: the longest dateline names  // longer "sentences" (tables, run-on lists) are coded in windows

// One side of a pending event: an actor as the sentence gave it, before its date is known.
struct PendingActor {
  bool present = false;
  std::string code;
  const Entity* person = nullptr;
  std::string name;
  std::string roles;  // the roles of a title whose country the sentence left unknown
  bool land = false;  // المملكة "the kingdom": the article's country itself
  bool individual = false;  // one person
  bool geo = false;  // named as a country or city: the state itself
  Span span;

  bool former = false;

  std::string CodeOn(const Date& date) const { return ActorCodeOn(person, code, former, date); }
};

// An event candidate taken out of its sentence, waiting for the article-level dates.
struct Pending {
  int sentence = 0;
  int paragraph = 0;
  bool header = false;
  Date own_date;  // the date stated in its sentence, nearest the trigger; invalid when none
  uint32_t trigger = 0;
  bool future = false;  // announced: a consultation becomes 036, anything else no event yet
  PendingActor source, target;
  Span trigger_span;
  Span object_span;
  Span sentence_span;
  std::string rule;
  // The place named in the sentence for it, before ranking (empty when none).
  std::span<const uint32_t> places;
  Span place_span;
  bool place_in_clause = false;
};

// Returns whether a body of these roles acts where it is: the police, the protesters, the gunmen, the
// students of a place are of its country, where a government, an army or an official may act abroad, and a
// party or a newspaper speaks of places other than its own.
bool LocalRoles(const std::string& roles) {
  if (roles.size() < 3) return false;
  const std::string_view first = std::string_view(roles).substr(0, 3);
  return first == "CVL" || first == "COP" || first == "UAF" || first == "REB" || first == "LAB" || first == "EDU" ||
         first == "HLH" || first == "AGR" || first == "JUD";
}

// A place name written in the article, as the event output shows it.
struct WrittenPlace {
  std::span<const uint32_t> places;
  Span span;  // in the original text
};

Actor MakeActor(const std::string& code, const std::string& name, Span span) {
  Actor a;
  a.code = code;
  if (code.size() >= 3) {
    a.country = code.substr(0, 3);
    if (a.country == "IGO" || a.country == "NGO" || a.country == "IMG") a.country.clear();
    for (size_t i = 3; i + 3 <= code.size(); i += 3) a.roles.push_back(code.substr(i, 3));
  }
  a.name = name;
  a.span = span;
  return a;
}

// Cuts sentences longer than kMaxSentenceBytes at spaces, so that no search grows with the input.
std::vector<SentenceSpan> Windows(const std::string& text, const std::vector<SentenceSpan>& sentences) {
  std::vector<SentenceSpan> windows;
  windows.reserve(sentences.size());
  for (const SentenceSpan& s : sentences) {
    size_t b = s.begin;
    while (s.end - b > kMaxSentenceBytes) {
      size_t cut = text.rfind(' ', b + kMaxSentenceBytes);
      if (cut == std::string::npos || cut <= b) cut = b + kMaxSentenceBytes;
      while (cut < s.end && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;  // whole characters
      windows.push_back({b, cut, s.paragraph});
      b = cut;
    }
    windows.push_back({b, s.end, s.paragraph});
  }
  return windows;
}

// Appends to *out what the mention and code stages saw in one sentence: its words (with the clitic reading
// used), actors (with what governs them), time expressions, and each trigger with what became of it.
void ExplainSentence(const std::string& text, size_t index, const SentenceMentions& m, const Lexicon& lex,
                     const std::vector<std::string>& reasons, std::string* out) {
  auto words = [&](int first, int last) {
    if (first >= last) return std::string();
    return text.substr(m.words[first].begin, m.words[last - 1].end - m.words[first].begin);
  };
  *out += fmt::format("sentence {}: {}\n  words:", index, words(0, static_cast<int>(m.words.size())));
  for (const Word& w : m.words) {
    const Analysis& a = w.analysis();
    *out += " " + std::string(text.substr(w.begin, w.end - w.begin));
    if (!a.prefix().empty() || !a.suffix().empty()) {
      *out += fmt::format("[{}+{}+{}]", a.prefix(), a.stem(), a.suffix());
    }
  }
  *out += "\n";
  for (const ActorMention& a : m.actors) {
    *out += fmt::format("  actor    {} = {}{}{}{}{}\n", words(a.first, a.last),
                        a.person ? a.person->name + " (dated)" : a.code.empty() ? std::string("(no country)") : a.code,
                        a.prep.empty() ? "" : " after " + a.prep, a.place ? ", a place" : "",
                        a.aside ? ", set aside (an alias in brackets, or the body of a member before it)" : "", a.coord_next >= 0 ? ", joined by و to the next" : "");
  }
  for (const TimeMention& t : m.times) *out += fmt::format("  time     {}\n", words(t.first, t.last));
  for (size_t t = 0; t < m.triggers.size(); ++t) {
    const TriggerMention& tm = m.triggers[t];
    const Trigger& trig = lex.trigger(tm.trigger);
    std::string written = words(tm.first, tm.last);
    if (tm.object_first >= 0) written += " … " + words(tm.object_first, tm.object_last);
    *out += fmt::format("  trigger  {} = {} ({} {}, {}): {}\n", written, trig.code,
                        trig.pos == Trigger::Pos::kVerb ? "verb" : "noun", trig.lemma, trig.origin,
                        t < reasons.size() ? reasons[t] : "");
  }
}

constexpr double kRepeatBonus = 0.1;
constexpr int kMinFocusMentions = 2;     // the article's country is named at least twice
constexpr double kFocusDominance = 1.5;  // and half as often again as any other
constexpr double kGuessedCountryFactor = 0.8;
constexpr double kBackgroundDenialFactor = 0.5;
constexpr int kMinSportWords = 5;       // words of sports reporting that make an article a sports report
constexpr double kSportsFactor = 0.5;   // sports are not coded: their events fall below the default confidence
constexpr uint32_t kMinForeignTown = 100000;  // population of a town abroad that is named without its country
constexpr double kImpliedTargetFactor = 0.65;  // a protest's implied government target: by default when its
                                               // protesters' country was not guessed (of 40 corpus protests read,
                                               // 26 had it right; most wrong ones protest abroad or at a border)

// How surely a construction attributes its actors, as measured on the project's samples and on read corpus
// output (bench/RESULTS.md): a verbal noun's genitive and the subject of a verb are rarely wrong; the nearest
// actor before a verbal noun (nominal-subject) and the speaker of a reported clause are often someone else.
double Confidence(const std::string& rule, bool guessed_country) {
  double c = 0.8;
  if (rule == "nominal" || rule == "between") c = 0.9;
  else if (rule == "vso" || rule == "pronoun") c = 0.85;
  else if (rule == "passive") c = 0.75;
  else if (rule == "speaker" || rule == "coordinated") c = 0.7;
  else if (rule == "object-pronoun") c = 0.45;  // 6 of 15 read on the corpus were right: shown with --all only
  else if (rule == "nominal-subject") c = 0.55;
  return guessed_country ? c * kGuessedCountryFactor : c;
}

// Returns whether `code` is a country's (not an international body's or a group's without a country).
bool IsState(const std::string& code) {
  return code.size() >= 3 && code.compare(0, 3, "IGO") != 0 && code.compare(0, 3, "NGO") != 0 &&
         code.compare(0, 3, "IMG") != 0;
}

// Returns whether `date` ends before `published` starts (at the coarser of the two precisions).
bool Before(const Date& date, const Date& published) {
  if (date.year != published.year) return date.year < published.year;
  if (date.month == 0 || published.month == 0 || date.month != published.month) {
    return date.month != 0 && published.month != 0 && date.month < published.month;
  }
  return date.day != 0 && published.day != 0 && date.day < published.day;
}

// The code of announcing `code` as an intention: to meet (036), to cooperate (031x, 032), to give aid (033x), to
// yield (035); to act against someone, a threat: of sanctions (1312), repression (137), force (138). Empty when
// CAMEO has no such code (an announced criticism is the criticism's own business).
std::string IntentCode(const std::string& code) {
  const std::string root = code.substr(0, 2);
  if (root == "03" || root == "13") return code;
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") return code.size() == 3 && code[2] >= '1' && code[2] <= '4' ? "031" + code.substr(2, 1) : "031";
  if (root == "07") return code.size() == 3 && code[2] >= '1' && code[2] <= '4' ? "033" + code.substr(2, 1) : "033";
  if (root == "08") return "035";
  if (root == "16") return code == "163" ? "1312" : "131";
  if (root == "17") return "137";
  if (root == "18" || root == "19" || root == "20") return "138";
  return "";
}

// What the dateline tells (الرباط - رويترز): the country it was filed from, for titles with no nationality, and
// the place, where events with no place of their own happened.
struct DatelineFacts {
  std::string home;    // "MAR", or "" when the dateline names no country, capital or seat
  WrittenPlace place;  // the first place it names
};

DatelineFacts ReadDateline(const Article& article, const Lexicon& lex) {
  DatelineFacts facts;
  if (article.dateline_end <= article.body_offset) return facts;
  const NormalizedText norm =
      Normalize(std::string_view(article.text).substr(article.body_offset, article.dateline_end - article.body_offset));
  std::vector<Token> tokens;
  Tokenize(norm.text(), 0, norm.text().size(), &tokens);
  std::string key;
  for (size_t i = 0; i < tokens.size(); ++i) {
    key.clear();
    bool more_places = facts.place.places.empty(), more_entities = facts.home.empty();
    for (size_t j = i; j < tokens.size() && j < i + kMaxDatelineWords && tokens[j].kind == TokenKind::kWord &&
                       (more_places || more_entities);
         ++j) {
      if (!key.empty()) key += ' ';
      AppendMatchKey(std::string_view(norm.text()).substr(tokens[j].begin, tokens[j].end - tokens[j].begin), &key);
      for (const LexHit& h : lex.Find(key)) {
        if (!facts.home.empty() || h.kind != LexHit::Kind::kEntity) continue;
        const Entity& e = lex.entity(h.index);
        if (e.kind == Entity::Kind::kCountry || e.kind == Entity::Kind::kCapital || e.kind == Entity::Kind::kSeat) {
          facts.home = e.tenures.back().code.substr(0, 3);
        }
      }
      if (more_places) {
        if (std::span<const uint32_t> ids = lex.FindPlaces(key); !ids.empty()) {
          facts.place.places = ids;
          facts.place.span = {article.body_offset + norm.OriginalOffset(tokens[i].begin),
                              article.body_offset + norm.OriginalEnd(tokens[j].end)};
        }
        more_places = lex.HasLongerPlace(key);
      }
      more_entities = facts.home.empty() && lex.HasLonger(key);
    }
    if (!facts.home.empty() && !facts.place.places.empty()) break;
  }
  return facts;
}

}  // namespace

std::string DefaultDataDir() {
  if (const char* env = std::getenv("RASAD_DATA"); env != nullptr && *env != '\0') return env;
  return RASAD_DEFAULT_DATA_DIR;
}

Engine::~Engine() = default;

std::string DefaultLexiconPath() {
  if (const char* env = std::getenv("RASAD_LEXICON"); env != nullptr && *env != '\0') return env;
  return RASAD_DEFAULT_LEXICON;
}

Result<std::shared_ptr<const Engine>> Engine::Open(const std::string& data_dir) {
  return FromLexicon(Lexicon::Load(data_dir));
}

Result<std::shared_ptr<const Engine>> Engine::OpenCompiled(const std::string& lexicon_path,
                                                           const std::string& sources_dir) {
  return FromLexicon(Lexicon::Open(lexicon_path, sources_dir));
}

Result<std::shared_ptr<const Engine>> Engine::FromLexicon(Result<Lexicon> lexicon) {
  if (!lexicon.ok()) return lexicon.status();
  std::shared_ptr<Engine> engine(new Engine());
  engine->lexicon_ = std::make_unique<const Lexicon>(std::move(lexicon).value());
  const char* debug = std::getenv("RASAD_DEBUG");
  engine->debug_ = debug != nullptr && *debug != '\0' && *debug != '0';
  return std::shared_ptr<const Engine>(std::move(engine));
}

std::vector<Event> Engine::Code(const Article& article, std::vector<std::string>* diagnostics) const {
  return Code(article, diagnostics, nullptr);
}

std::vector<Event> Engine::Code(const Article& article, std::vector<std::string>* diagnostics, Stats* stats) const {
  const Lexicon& lex = *lexicon_;
  const NormalizedText norm = Normalize(article.text);
  const std::string& text = norm.text();
  const std::vector<SentenceSpan> sentences = Windows(text, SplitSentences(text));
  if (stats) stats->sentences += sentences.size();

  std::string debug_text;  // the explanation printed under RASAD_DEBUG
  ArticleMemory memory;
  const DatelineFacts dateline = ReadDateline(article, lex);
  // Without a dateline, a local outlet's home-news section reports on its home country (Jawhara FM's localNews).
  memory.set_home(!dateline.home.empty() ? dateline.home
                                         : std::string(lex.OutletHome(article.outlet, article.section)));
  std::vector<Pending> pending;
  std::map<int, Date> paragraph_dates;  // the first date each paragraph states
  Date lead;  // the news peg: the first day-precision relative date of the body's first two paragraphs
              // (two, since a teaser line often stands before the lead)
  int lead_paragraph = -1;
  bool unresolved = false;
  thread_local SentenceMentions m;  // reused across sentences and articles for its capacity
  // How often each country is named (as itself, a city, a nationality or an office-holder's country, not through
  // an organisation, whose name may be shared: الحزب الجمهوري), with the order of first mention: the article's country is the one it names most.
  std::map<std::string, std::pair<int, int>> country_mentions;
  int sport_words = 0;  // an article full of words of sports reporting is about sports, which is not coded
  // The body first, then the title and subtitle, which name in short what the body introduces in full.
  std::vector<size_t> order;
  order.reserve(sentences.size());
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < sentences.size(); ++i) {
      const bool header = norm.OriginalOffset(sentences[i].begin) < article.body_offset;
      if (header == (pass == 1)) order.push_back(i);
    }
  }
  for (size_t i : order) {
    const SentenceSpan& s = sentences[i];
    const size_t orig_begin = norm.OriginalOffset(s.begin);
    const bool header = orig_begin < article.body_offset;
    std::string_view sentence_text = std::string_view(text).substr(s.begin, s.end - s.begin);
    if (header && ParseDateLine(sentence_text, lex).valid()) continue;  // the date line states no event
    if (!header && lead_paragraph < 0) lead_paragraph = s.paragraph;
    FindMentions(text, s.begin, s.end, lex, &memory, &m);
    FindPlaces(lex, &m);
    sport_words += m.sport_words;
    if (stats) stats->tokens += m.words.size();
    for (ActorMention& a : m.actors) {
      // The dateline (الرباط - رويترز) names where the report was filed, not a party.
      if (norm.OriginalOffset(m.words[a.first].begin) < article.dateline_end && orig_begin >= article.body_offset) {
        a.place = true;
      }
    }
    for (const ActorMention& a : m.actors) {
      if (!a.pair.empty() || a.org) continue;  // an organisation's name may be shared across countries
      const std::string code = a.CodeOn(article.published);
      if (code.size() < 3 || code.compare(0, 3, "IGO") == 0 || code.compare(0, 3, "NGO") == 0 ||
          code.compare(0, 3, "IMG") == 0) {
        continue;
      }
      auto [it, added] = country_mentions.try_emplace(code.substr(0, 3), 0, static_cast<int>(country_mentions.size()));
      ++it->second.first;
    }
    std::vector<std::pair<int, Date>> dates;
    std::vector<const TimeMention*> date_mentions;  // beside dates: to resolve again for an announced action
    for (const TimeMention& t : m.times) {
      Date d = ResolveTime(t, article.published);
      if (d.valid() && !PlausibleEventDate(d, article.published)) d = Date();  // 15 مارس 2150
      if (!d.valid()) {
        unresolved = true;
        continue;
      }
      dates.emplace_back(t.first, d);
      date_mentions.push_back(&t);
      if (!header) paragraph_dates.emplace(s.paragraph, d);
      if (!header && s.paragraph <= lead_paragraph + 1 && !lead.valid() && d.day > 0 &&
          (t.kind == TimeWord::Kind::kWeekday || t.kind == TimeWord::Kind::kRelativeDay)) {
        lead = d;
      }
    }
    if (stats != nullptr && stats->actors != nullptr) {
      for (const ActorMention& a : m.actors) {
        const std::string code = a.pair.empty() ? a.CodeOn(article.published) : "";
        if (a.place || code.empty()) continue;
        stats->actors->push_back(MakeActor(code, a.name,
                                           Span{norm.OriginalOffset(m.words[a.first].begin),
                                                norm.OriginalEnd(m.words[a.last - 1].end)}));
      }
    }
    std::vector<Candidate> candidates;
    std::string* explain = stats != nullptr && stats->explain != nullptr ? stats->explain
                         : debug_ ? &debug_text : nullptr;
    std::vector<std::string> reasons;
    CodeSentence(m, lex, &candidates, explain ? &reasons : nullptr);
    if (explain) ExplainSentence(text, i, m, lex, reasons, explain);
    auto source_of = [&](const Candidate& c) -> const ActorMention& {
      return c.source >= 0 ? m.actors[c.source] : m.speeches[c.source_speech].carried;
    };
    for (const Candidate& c : candidates) {  // the parties of the last event, for a later "the two sides"
      if (c.target < 0) continue;
      const ActorMention& src = source_of(c);
      const ActorMention& tgt = m.actors[c.target];
      memory.NoteDyad(c.source_pair >= 0 ? src.pair[c.source_pair] : src.CodeOn(Date()),
                      c.target_pair >= 0 ? tgt.pair[c.target_pair] : tgt.CodeOn(Date()));
    }
    auto span_of = [&](int first, int last) {
      return Span{norm.OriginalOffset(m.words[first].begin), norm.OriginalEnd(m.words[last - 1].end)};
    };
    auto take = [&](int index, int pair, PendingActor* out, const ActorMention* carried = nullptr) {
      if (index < 0 && carried == nullptr) return;
      const ActorMention& a = index >= 0 ? m.actors[index] : *carried;
      out->present = true;
      out->span = span_of(a.first, a.last);
      if (pair >= 0) {
        out->code = a.pair[pair];
        out->name = lex.CountryName(out->code.substr(0, 3));
      } else {
        out->code = a.code;
        out->person = a.person;
        out->former = a.former;
        out->name = a.name;
        out->land = a.land;
        out->individual = a.individual || a.person != nullptr;
        out->geo = a.geo;
        if (a.code.empty() && a.person == nullptr) {
          out->roles = a.roles;
          // A body joined by و to one of known country is of that country (المجلس الأعلى للدولة ومجلس النواب).
          for (size_t b = 0; index >= 0 && b < m.actors.size() && out->code.empty() && !out->roles.empty(); ++b) {
            const ActorMention& other = m.actors[b];
            if (other.coord_next != index && a.coord_next != static_cast<int>(b)) continue;
            const std::string code = other.CodeOn(article.published);
            if (code.size() >= 3 && code.compare(0, 3, "IGO") != 0 && code.compare(0, 3, "NGO") != 0) {
              out->code = code.substr(0, 3) + out->roles;
            }
          }
          // A body placed by the words right after it is of that place's country (المسلحون في غزة "the gunmen in
          // Gaza", قوات الأمن في عدن).
          for (const PlaceMention& pm : m.places) {
            if (!out->code.empty() || out->roles.empty() || pm.first < a.last || pm.first > a.last + 1) continue;
            const std::vector<RankedPlace> ranked = RankPlaces(lex, pm.places, PlaceContext{});
            if (!ranked.empty()) out->code = std::string(lex.place(ranked.front().index).country) + out->roles;
          }
        }
      }
    };
    for (const Candidate& c : candidates) {
      const TriggerMention& trig = m.triggers[c.trigger];
      Pending p;
      p.sentence = static_cast<int>(i);
      p.paragraph = s.paragraph;
      p.header = header;
      // The date expression of the trigger's clause, else the nearest of its sentence.
      int best = 1 << 30;
      bool date_in_clause = false;
      for (size_t k = 0; k < dates.size(); ++k) {
        const int lo = std::min(dates[k].first, trig.first), hi = std::max(dates[k].first, trig.first);
        bool in_clause = true;
        for (int b : m.clause_breaks) in_clause = in_clause && !(b > lo && b <= hi);
        const int distance = std::abs(dates[k].first - trig.first);
        if ((in_clause && !date_in_clause) || (in_clause == date_in_clause && distance < best)) {
          best = distance;
          date_in_clause = in_clause;
          // An announced action's weekday is the next one (سيزور الخميس "will visit on Thursday").
          p.own_date = trig.future ? ResolveTime(*date_mentions[k], article.published, true) : dates[k].second;
        }
      }
      p.trigger = trig.trigger;
      p.future = trig.future;
      take(c.source, c.source_pair, &p.source, c.source < 0 ? &source_of(c) : nullptr);
      take(c.target, c.target_pair, &p.target);
      p.trigger_span = span_of(trig.first, trig.last);
      if (trig.object_first >= 0) p.object_span = span_of(trig.object_first, trig.object_last);
      p.sentence_span = {orig_begin, norm.OriginalEnd(s.end)};
      p.rule = c.rule;
      // Its place: the nearest place name of its clause, else of its sentence.
      int best_place = -1, best_distance = 1 << 30;
      bool best_in_clause = false;
      for (size_t k = 0; k < m.places.size(); ++k) {
        const PlaceMention& pm = m.places[k];
        const int lo = std::min(pm.first, trig.first), hi = std::max(pm.first, trig.first);
        bool in_clause = true;
        for (int b : m.clause_breaks) in_clause = in_clause && !(b > lo && b <= hi);
        const int distance = std::abs(pm.first - trig.first);
        if ((in_clause && !best_in_clause) || (in_clause == best_in_clause && distance < best_distance)) {
          best_place = static_cast<int>(k);
          best_distance = distance;
          best_in_clause = in_clause;
        }
      }
      if (best_place >= 0) {
        p.places = m.places[best_place].places;
        p.place_span = span_of(m.places[best_place].first, m.places[best_place].last);
        p.place_in_clause = best_in_clause;
      }
      pending.push_back(std::move(p));
    }
  }
  if (unresolved && diagnostics && !article.published.valid()) {
    diagnostics->push_back(
        fmt::format("{}: no publication date: relative dates left unresolved", article.source_name));
  }

  // The most specific code the sentence supports: a generic code (040 consult) yields to a specific one of the
  // same root between the same parties (041 by telephone: بحث في اتصال هاتفي "discussed in a phone call").
  std::vector<bool> drop(pending.size(), false);
  for (size_t a = 0; a < pending.size(); ++a) {
    const std::string& code = lex.trigger(pending[a].trigger).code;
    if (code.size() != 3 || code[2] != '0') continue;
    for (size_t b = 0; b < pending.size(); ++b) {
      const std::string& other = lex.trigger(pending[b].trigger).code;
      if (b == a || pending[b].sentence != pending[a].sentence || other == code || other.compare(0, 2, code, 0, 2) != 0) {
        continue;
      }
      auto same = [](const PendingActor& x, const PendingActor& y) { return x.code == y.code && x.person == y.person; };
      if ((same(pending[a].source, pending[b].source) && same(pending[a].target, pending[b].target)) ||
          (same(pending[a].source, pending[b].target) && same(pending[a].target, pending[b].source))) {
        drop[a] = true;
      }
    }
  }

  // Settle: date each event (its sentence's date, else its paragraph's, else the news peg, else the
  // publication date), resolve dated roles, and keep one event per (date, source, target, code).
  const Date fallback = lead.valid() ? lead : article.published;
  const bool sports = sport_words >= kMinSportWords;
  // A title or body with no nationality (الحكومة "the government", قوات النظام "the regime's forces") belongs
  // to the country of the dateline, else to the country the article names most (the first named on a tie).
  // Only a country the article clearly dwells on: in a report on two countries' relations, "the senate"
  // may be either's.
  std::string focus = memory.home();
  if (focus.empty()) {
    std::pair<int, int> best{0, 0};
    int second = 0;
    for (const auto& [country, seen] : country_mentions) {
      if (seen.first > best.first || (seen.first == best.first && seen.second < best.second)) {
        second = std::max(second, best.first);
        best = seen;
        focus = country;
      } else {
        second = std::max(second, seen.first);
      }
    }
    if (best.first < kMinFocusMentions || best.first < kFocusDominance * second) focus.clear();
  }
  // Places are told apart by the countries the article names (طرابلس in a report on Lebanon is Tripoli of
  // Lebanon); a dateline names a city.
  PlaceContext place_context;
  for (const auto& [country, seen] : country_mentions) place_context.countries.push_back(country);
  if (!focus.empty()) place_context.countries.push_back(focus);
  const WrittenPlace& dateline_place = dateline.place;
  // A small town abroad, in a country the article never names, is more likely a word that looks like its
  // name (خور "inlet" is also Chur in Switzerland): no place rather than a guess.
  auto Plausible = [](const Place& place, const PlaceContext& context) {
    return !(place.feature == Place::Feature::kCity && place.population < kMinForeignTown &&
             std::find(context.countries.begin(), context.countries.end(), place.country) == context.countries.end());
  };
  auto locate = [&](std::span<const uint32_t> ids, Span span, bool dateline, const char* how, Location* out) {
    PlaceContext context = place_context;
    context.dateline = dateline;
    const std::vector<RankedPlace> ranked = RankPlaces(lex, ids, context);
    if (ranked.empty()) return;
    const Place place = lex.place(ranked.front().index);
    if (!Plausible(place, context)) return;
    out->name = std::string(place.name);
    out->written = article.text.substr(span.begin, span.end - span.begin);
    out->geonames_id = place.geonames_id;
    out->feature = FeatureName(place.feature);
    out->country = std::string(place.country);
    out->lat = place.lat;
    out->lon = place.lon;
    out->span = span;
    out->how = how;
  };
  // A title or body with no nationality takes the article's country; a local one (LocalRoles) in an action done
  // on the ground takes the country of the place its clause names first (تظاهر محتجون في بيروت "protesters
  // demonstrated in Beirut"). Not that of another clause: مواطنين اثنين، اعترفا بأنهما تدربا في إيران are not
  // Iranians.
  // The country of the place the clause of `p` names, ranked once per event (*memo) and only when asked.
  auto clause_country = [&](const Pending& p, std::optional<std::string>* memo) -> const std::string& {
    if (!memo->has_value()) {
      std::string country;
      if (p.place_in_clause && !p.places.empty()) {
        const std::vector<RankedPlace> ranked = RankPlaces(lex, p.places, place_context);
        if (!ranked.empty() && Plausible(lex.place(ranked.front().index), place_context)) {
          country = std::string(lex.place(ranked.front().index).country);
        }
      }
      *memo = std::move(country);
    }
    return **memo;
  };
  auto code_of = [&](const Pending& p, const PendingActor& a, const Date& date, bool* guessed,
                     std::optional<std::string>* memo) {
    std::string code = a.CodeOn(date);
    if (!code.empty() || (a.roles.empty() && !a.land)) return code;
    // Only for a group (not a person, who may live abroad: غولن المقيم في الولايات المتحدة), and only in the actions
    // done on the ground (14-20: protests, arrests, force), which happen where the actors are; a visit or a
    // meeting brings someone from elsewhere, and an accusation may name any place (اتهم ... بشن الضربات في سوريا).
    const bool local = LocalRoles(a.roles) && !a.individual && lex.trigger(p.trigger).code.compare(0, 2, "14") >= 0;
    if (local && !clause_country(p, memo).empty()) {
      code = clause_country(p, memo) + a.roles;
    } else if (!focus.empty()) {
      code = focus + a.roles;
      *guessed = *guessed || memory.home().empty();  // the dateline's country is no guess
    }
    return code;
  };
  std::vector<Event> events;
  std::map<std::tuple<std::string, std::string, std::string, std::string>, size_t> seen;
  std::string* explain = stats != nullptr && stats->explain != nullptr ? stats->explain
                       : debug_ ? &debug_text : nullptr;
  if (explain && !pending.empty()) *explain += "settled:\n";
  if (explain && sports) {
    *explain += fmt::format("  a sports report ({} words of sports reporting): its events fall below the default confidence\n",
                            sport_words);
  }
  auto note = [&](const Pending& p, const std::string& what) {
    if (explain == nullptr) return;
    *explain += fmt::format("  sentence {} {}: {}\n", p.sentence, lex.trigger(p.trigger).code, what);
  };
  for (size_t index = 0; index < pending.size(); ++index) {
    const Pending& p = pending[index];
    if (drop[index]) {
      note(p, "dropped: the sentence supports a more specific code between the same parties");
      continue;
    }
    const Trigger& entry = lex.trigger(p.trigger);
    // An announced action has not happened: it is the intent (03x) or the threat (13x) of it, where CAMEO has one.
    std::string code = entry.code;
    // هاجم روحاني ترامب "Rouhani attacked Trump": a person is attacked in words.
    if (entry.verbal && p.target.present && p.target.individual) code = "111";
    if (p.future) {
      code = IntentCode(code);
      if (code.empty()) {
        note(p, "dropped: announced, not done, and CAMEO codes no intent of it");
        continue;
      }
    }
    // An announced action is dated by its announcement: a date to come is that of the action announced
    // (اتفقا على استئناف الاجتماعات الشهر المقبل "they agreed to resume the meetings next month").
    const bool announced = p.future || code.compare(0, 2, "03") == 0;
    auto usable = [&](const Date& d) {
      return d.valid() && !(announced && article.published.valid() && !Before(d, article.published));
    };
    Date date = usable(p.own_date) ? p.own_date : Date();
    if (!date.valid() && !p.header) {
      if (auto it = paragraph_dates.find(p.paragraph); it != paragraph_dates.end() && usable(it->second)) {
        date = it->second;
      }
    }
    if (!date.valid()) date = fallback;
    bool guessed = false;  // an actor's country taken from the article, not the sentence
    std::optional<std::string> place_country;  // ranked at most once for both actors
    std::string source_code = code_of(p, p.source, date, &guessed, &place_country);
    std::string target_code = p.target.present ? code_of(p, p.target, date, &guessed, &place_country) : "";
    // With no country of the article to go by, a party named without one is of the other party's country: the
    // police's detainees, the protesters the security forces dispersed.
    if (source_code.empty() && target_code.size() >= 3 && !p.source.roles.empty() && IsState(target_code)) {
      source_code = target_code.substr(0, 3) + p.source.roles;
      guessed = true;
    } else if (p.target.present && target_code.empty() && source_code.size() >= 3 && !p.target.roles.empty() &&
               IsState(source_code)) {
      target_code = source_code.substr(0, 3) + p.target.roles;
      guessed = true;
    }
    if (source_code.empty()) {
      note(p, "dropped: the source has no country");
      continue;
    }
    bool has_target = p.target.present;
    // The police or the army closing roads or rioting is no protest (أغلقت الشرطة الطرق "the police closed the
    // roads").
    if (code.compare(0, 2, "14") == 0 && source_code.size() >= 6 &&
        (source_code.compare(3, 3, "COP") == 0 || source_code.compare(3, 3, "MIL") == 0)) {
      note(p, "dropped: the police or the army as a protester");
      continue;
    }
    // A state or its government protesting (احتجت إيران لدى السفير البريطاني "Iran protested to the British
    // ambassador") lodges a complaint (114) with someone; boycotting a state (قاطعت السعودية قطر) is an embargo
    // (163). With no one named, or as any other protest (closing roads), it is no event.
    if (code.compare(0, 2, "14") == 0 &&
        (p.source.geo || (source_code.size() >= 6 && source_code.compare(3, 3, "GOV") == 0))) {
      if (!has_target || target_code.empty() || (code != "141" && code != "143")) {
        note(p, "dropped: a state's protest names no one it is lodged with, or is no protest");
        continue;
      }
      code = code == "141" ? "114" : "163";
    }
    if (has_target && target_code.empty()) {
      if (entry.frame.required) {
        note(p, "dropped: the target has no country");
        continue;
      }
      has_target = false;
    }
    // A protest names no one it is against more often than not: it is against the government of the protesters'
    // country (CAMEO's convention, and the gold's), unless the protesters are that government.
    bool implied = false;
    if (!has_target && code.compare(0, 2, "14") == 0 && IsState(source_code) && source_code.compare(3, 3, "GOV") != 0) {
      target_code = source_code.substr(0, 3) + "GOV";
      has_target = implied = true;
    }
    // An actor does not act on itself, nor a country on its own organs (الخارجية الجزائرية and الجزائر).
    if (has_target && !implied && (target_code == source_code ||
                       (source_code.compare(0, 3, target_code, 0, 3) == 0 &&
                        (source_code.size() == 3 || target_code.size() == 3)))) {
      note(p, fmt::format("dropped: {} acts on itself ({})", source_code, target_code));
      continue;
    }

    std::string key_source = source_code, key_target = target_code;
    if (entry.symmetric && key_target < key_source) std::swap(key_source, key_target);
    auto key = std::make_tuple(date.ToString(), key_source, key_target, code);
    double confidence = Confidence(p.rule, guessed);
    if (implied) confidence *= kImpliedTargetFactor;
    if (sports) confidence *= kSportsFactor;
    // A denial is the news only in the title or the lead; further on it answers an accusation told before.
    if (code == "016" && !p.header && p.paragraph > lead_paragraph) confidence *= kBackgroundDenialFactor;
    if (auto it = seen.find(key); it != seen.end()) {
      Event& known = events[it->second];
      ++known.mentions;
      // Each further sentence that tells the event makes it surer.
      known.confidence = std::min(1.0, std::max(known.confidence, confidence) + kRepeatBonus);
      note(p, fmt::format("another mention of the event of sentence {}", events[it->second].sentence));
      continue;
    }
    note(p, fmt::format("event {} {} -> {} on {}", code, source_code, has_target ? target_code : "-",
                        date.valid() ? date.ToString() : "no date"));
    seen.emplace(key, events.size());
    Event e;
    e.article_id = article.id;
    e.date = date;
    e.source = MakeActor(source_code, p.source.name, p.source.span);
    if (implied) {
      e.target = MakeActor(target_code, lex.CountryName(target_code.substr(0, 3)), Span{});  // written nowhere
    } else if (has_target) {
      e.target = MakeActor(target_code, p.target.name, p.target.span);
    }
    e.event_code = code;
    e.event_root = code.substr(0, 2);
    if (const CameoInfo* info = lex.cameo(code)) {
      e.quad_class = info->quad_class;
      e.goldstein = info->goldstein;
    }
    e.sentence = p.sentence;
    e.sentence_span = p.sentence_span;
    e.trigger = p.trigger_span;
    e.trigger_object = p.object_span;
    e.trigger_text = article.text.substr(e.trigger.begin, e.trigger.end - e.trigger.begin);
    if (!e.trigger_object.empty()) {
      e.trigger_text += " … ";
      e.trigger_text += article.text.substr(e.trigger_object.begin, e.trigger_object.end - e.trigger_object.begin);
    }
    e.rule = p.rule;
    e.confidence = confidence;
    if (!p.places.empty()) {
      locate(p.places, p.place_span, false, p.place_in_clause ? "clause" : "sentence", &e.location);
    } else if (!dateline_place.places.empty()) {
      locate(dateline_place.places, dateline_place.span, true, "dateline", &e.location);
    }
    events.push_back(std::move(e));
  }
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.sentence < b.sentence; });
  if (debug_ && !debug_text.empty()) std::fputs(debug_text.c_str(), stderr);
  return events;
}

}  // namespace rasad
