// Loads the dictionary sources into hash tables keyed by phrase keys, expanding lemmas into their forms.
//
// Each source line becomes one record (an Entity, Agent, Trigger, ...) and one LexHit per written form, so a
// lookup is one hash probe per candidate phrase length. `prefixes_` holds every proper prefix of every phrase
// so that the longest-match walk in the mention stage stops as soon as no longer phrase can match. The
// vocabulary (every single word of every phrase) is what clitic segmentation checks its cuts against.
// Tested in lexicon_test.cc.
#include "lexicon/lexicon.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "lexicon/forms.h"
#include "lexicon/tsv.h"
#include "text/normalize.h"
#include "text/token.h"

namespace rasad {
namespace {

// Parses "YYYY-MM-DD", "YYYY-MM", "YYYY" or "-" (open). Returns false on anything else.
bool ParseDateField(std::string_view s, Date* date) {
  *date = Date();
  if (s.empty() || s == "-") return true;
  int parts[3] = {0, 0, 0};
  int n = 0;
  size_t i = 0;
  while (i < s.size() && n < 3) {
    size_t j = i;
    int v = 0;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') v = v * 10 + (s[j++] - '0');
    if (j == i) return false;
    parts[n++] = v;
    if (j < s.size() && s[j] != '-') return false;
    i = j + 1;
  }
  if (i < s.size() + 1 && i <= s.size() && n == 3 && i < s.size()) return false;
  date->year = parts[0];
  date->month = parts[1];
  date->day = parts[2];
  return date->year > 0 && date->month <= 12 && date->day <= 31;
}

// Returns the tuple of `a` for ordering dates, filling open parts so that 2020-10 spans the whole month.
int DayNumber(const Date& d, bool end) {
  int m = d.month ? d.month : (end ? 12 : 1);
  int day = d.day ? d.day : (end ? 31 : 1);
  return d.year * 372 + m * 31 + day;
}

bool IsRoleCode(std::string_view code) {
  return code.size() >= 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Returns the indefinite accusative of a noun phrase, written with a final alef on every word that takes
// one (اتصال هاتفي -> اتصالا هاتفيا), or "" when no word does (words in ة، ا، ى، ء take none in writing).
std::string Accusative(std::string_view phrase) {
  std::string out;
  bool changed = false;
  for (std::string_view word : SplitList(phrase, ' ')) {
    if (!out.empty()) out += ' ';
    out += word;
    const bool takes_alef = !(word.size() >= 2 && (word.substr(word.size() - 2) == "ة" || word.substr(word.size() - 2) == "ا" ||
                                                   word.substr(word.size() - 2) == "ى" || word.substr(word.size() - 2) == "ء" ||
                                                   word.substr(word.size() - 4) == "ات"));
    if (takes_alef) {
      out += "ا";
      changed = true;
    }
  }
  return changed ? out : "";
}

}  // namespace

std::string PhraseKey(std::string_view phrase) {
  NormalizedText norm = Normalize(phrase);
  std::vector<Token> tokens;
  Tokenize(norm.text(), 0, norm.text().size(), &tokens);
  std::string key;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kPunct) continue;
    if (!key.empty()) key += ' ';
    AppendMatchKey(std::string_view(norm.text()).substr(t.begin, t.end - t.begin), &key);
  }
  return key;
}

const std::string& Entity::CodeOn(const Date& date) const {
  RASAD_CHECK(!tenures.empty());
  if (tenures.size() == 1 || !date.valid()) return tenures.back().code;
  const int at_start = DayNumber(date, false), at_end = DayNumber(date, true);
  const Tenure* best = &tenures.back();
  int best_distance = 1 << 30;
  for (const Tenure& t : tenures) {
    int from = t.from.valid() ? DayNumber(t.from, false) : 0;
    int to = t.to.valid() ? DayNumber(t.to, true) : 1 << 30;
    int distance = at_end < from ? from - at_end : (at_start > to ? at_start - to : 0);
    if (distance < best_distance) {
      best_distance = distance;
      best = &t;
    }
  }
  return best->code;
}

void Lexicon::Add(std::string_view phrase, LexHit hit) {
  std::string key = PhraseKey(phrase);
  if (key.empty()) return;
  std::vector<LexHit>& hits = phrases_[key];
  for (const LexHit& h : hits) {
    if (h.kind == hit.kind && h.index == hit.index) return;
  }
  hits.push_back(hit);
  size_t start = 0;
  while (true) {
    size_t space = key.find(' ', start);
    vocabulary_.insert(key.substr(start, space == std::string::npos ? std::string::npos : space - start));
    if (space == std::string::npos) break;
    prefixes_.insert(key.substr(0, space));
    start = space + 1;
  }
}

Result<Lexicon> Lexicon::Load(const std::string& data_dir) {
  Lexicon lex;
  const std::string dir = data_dir.empty() || data_dir.back() == '/' ? data_dir : data_dir + "/";
  Status s;
  if (!(s = lex.LoadCameo(dir + "cameo.tsv")).ok()) return s;
  if (!(s = lex.LoadCountries(dir + "countries.tsv")).ok()) return s;
  if (!(s = lex.LoadAgents(dir + "agents.tsv")).ok()) return s;
  if (!(s = lex.LoadPersons(dir + "persons.tsv")).ok()) return s;
  if (!(s = lex.LoadOrgs(dir + "orgs.tsv")).ok()) return s;
  if (!(s = lex.LoadEvents(dir + "events.tsv")).ok()) return s;
  if (!(s = lex.LoadFunctionWords(dir + "function_words.tsv")).ok()) return s;
  if (!(s = lex.LoadCalendar()).ok()) return s;
  return lex;
}

// cameo.tsv: code, root, quad_class, goldstein, description.
Status Lexicon::LoadCameo(const std::string& path) {
  auto reader = TsvReader::Open(path);
  if (!reader.ok()) return reader.status();
  TsvReader& r = reader.value();
  std::vector<std::string_view> f;
  while (r.Next(&f)) {
    if (f[0] == "code") continue;  // header line
    if (f.size() < 5) return r.Error("expected 5 columns: code, root, quad_class, goldstein, description");
    CameoInfo info;
    info.quad_class = std::atoi(std::string(f[2]).c_str());
    info.goldstein = std::atof(std::string(f[3]).c_str());
    info.description = std::string(f[4]);
    if (info.quad_class < 1 || info.quad_class > 4) return r.Error("quad class must be 1-4");
    cameo_[std::string(f[0])] = std::move(info);
  }
  return Status();
}

// countries.tsv: code, names, nisba, people, capitals, seats, source. Names in English come from the name_en
// comment-free column of the source when present; else the code stands for the name.
Status Lexicon::LoadCountries(const std::string& path) {
  auto reader = TsvReader::Open(path);
  if (!reader.ok()) return reader.status();
  TsvReader& r = reader.value();
  std::vector<std::string_view> f;
  while (r.Next(&f)) {
    if (f.size() < 7) return r.Error("expected 7 columns: code, names, nisba, people, capitals, seats, source");
    std::string code(f[0]);
    if (code.size() != 3 || !IsRoleCode(code)) return r.Error(fmt::format("bad country code '{}'", code));
    std::string name = f.size() > 7 && !f[7].empty() ? std::string(f[7]) : code;
    country_names_[code] = name;
    auto add_entity = [&](Entity::Kind kind, const std::string& actor_code, std::string_view list) {
      if (SplitList(list).empty()) return;
      Entity e;
      e.kind = kind;
      e.name = name;
      e.tenures.push_back({actor_code, Date(), Date()});
      e.origin = r.Where();
      entities_.push_back(std::move(e));
      const uint32_t index = entities_.size() - 1;
      for (std::string_view form : SplitList(list)) Add(form, {LexHit::Kind::kEntity, index});
    };
    add_entity(Entity::Kind::kCountry, code, f[1]);
    add_entity(Entity::Kind::kPeople, code, f[3]);
    add_entity(Entity::Kind::kCapital, code + "GOV", f[4]);
    add_entity(Entity::Kind::kSeat, code + "GOV", f[5]);
    for (std::string_view nisba : SplitList(f[2])) {
      for (const NisbaForm& form : NisbaForms(nisba)) {
        nisbas_.push_back({code, form.plural});
        Add(form.text, {LexHit::Kind::kNisba, static_cast<uint32_t>(nisbas_.size() - 1)});
      }
    }
  }
  return Status();
}

// agents.tsv: phrase, role, kind, source.
Status Lexicon::LoadAgents(const std::string& path) {
  auto reader = TsvReader::Open(path);
  if (!reader.ok()) return reader.status();
  TsvReader& r = reader.value();
  std::vector<std::string_view> f;
  while (r.Next(&f)) {
    if (f.size() < 4) return r.Error("expected 4 columns: phrase, role, kind, source");
    Agent a;
    a.roles = std::string(f[1]);
    if (!IsRoleCode(a.roles)) return r.Error(fmt::format("bad role code '{}'", a.roles));
    if (f[2] == "person") a.kind = Agent::Kind::kPerson;
    else if (f[2] == "group") a.kind = Agent::Kind::kGroup;
    else if (f[2] == "office") a.kind = Agent::Kind::kOffice;
    else return r.Error(fmt::format("kind must be person, group or office, not '{}'", f[2]));
    a.origin = r.Where();
    agents_.push_back(a);
    Add(f[0], {LexHit::Kind::kAgent, static_cast<uint32_t>(agents_.size() - 1)});
    std::string construct = ConstructForm(f[0]);
    if (!construct.empty()) {
      a.construct = true;
      agents_.push_back(a);
      Add(construct, {LexHit::Kind::kAgent, static_cast<uint32_t>(agents_.size() - 1)});
    }
  }
  return Status();
}

// persons.tsv: names (| variants), name_en, code, from, to, source. Lines with the same name_en are one
// person's successive tenures.
Status Lexicon::LoadPersons(const std::string& path) {
  auto reader = TsvReader::Open(path);
  if (!reader.ok()) return reader.status();
  TsvReader& r = reader.value();
  std::vector<std::string_view> f;
  std::unordered_map<std::string, uint32_t> by_name;
  while (r.Next(&f)) {
    if (f.size() < 6) return r.Error("expected 6 columns: names, name_en, code, from, to, source");
    Tenure t;
    t.code = std::string(f[2]);
    if (!IsRoleCode(t.code)) return r.Error(fmt::format("bad actor code '{}'", t.code));
    if (!ParseDateField(f[3], &t.from) || !ParseDateField(f[4], &t.to)) {
      return r.Error("dates must be YYYY-MM-DD, YYYY-MM, YYYY or -");
    }
    std::string name(f[1]);
    auto [it, inserted] = by_name.emplace(name, entities_.size());
    if (inserted) {
      Entity e;
      e.kind = Entity::Kind::kPerson;
      e.name = name;
      e.origin = r.Where();
      entities_.push_back(std::move(e));
    }
    entities_[it->second].tenures.push_back(std::move(t));
    for (std::string_view form : SplitList(f[0])) Add(form, {LexHit::Kind::kEntity, it->second});
  }
  return Status();
}

// orgs.tsv: names, code, name_en, source.
Status Lexicon::LoadOrgs(const std::string& path) {
  auto reader = TsvReader::Open(path);
  if (!reader.ok()) return reader.status();
  TsvReader& r = reader.value();
  std::vector<std::string_view> f;
  while (r.Next(&f)) {
    if (f.size() < 4) return r.Error("expected 4 columns: names, code, name_en, source");
    Entity e;
    e.kind = Entity::Kind::kOrg;
    e.name = std::string(f[2]);
    e.tenures.push_back({std::string(f[1]), Date(), Date()});
    if (!IsRoleCode(e.tenures[0].code)) return r.Error(fmt::format("bad actor code '{}'", f[1]));
    e.origin = r.Where();
    entities_.push_back(std::move(e));
    for (std::string_view form : SplitList(f[0])) {
      Add(form, {LexHit::Kind::kEntity, static_cast<uint32_t>(entities_.size() - 1)});
    }
  }
  return Status();
}

// events.tsv: code, pos, forms, object, target, flags, gloss. Verb forms are perfect/imperfect pairs.
Status Lexicon::LoadEvents(const std::string& path) {
  auto reader = TsvReader::Open(path);
  if (!reader.ok()) return reader.status();
  TsvReader& r = reader.value();
  std::vector<std::string_view> f;
  while (r.Next(&f)) {
    if (f.size() < 7) return r.Error("expected 7 columns: code, pos, forms, object, target, flags, gloss");
    Trigger t;
    t.code = std::string(f[0]);
    if (cameo_.count(t.code) == 0) return r.Error(fmt::format("unknown CAMEO code '{}'", t.code));
    if (f[1] == "verb") t.pos = Trigger::Pos::kVerb;
    else if (f[1] == "noun") t.pos = Trigger::Pos::kNoun;
    else return r.Error(fmt::format("pos must be verb or noun, not '{}'", f[1]));
    for (std::string_view object : SplitList(f[3])) {
      // Objects are matched on the stem without the article, so that شراكتهما "their partnership" and
      // الشراكة "the partnership" both satisfy شراكة.
      std::string key = PhraseKey(object);
      if (key.rfind("ال", 0) == 0) key.erase(0, 4);
      vocabulary_.insert(key);
      vocabulary_.insert("ال" + key);
      t.objects.push_back(std::move(key));
    }
    for (std::string_view target : SplitList(f[4])) {
      if (target == "obj") t.frame.direct = true;
      else t.frame.preps.push_back(PhraseKey(target));
    }
    for (std::string_view flag : SplitList(f[5], ',')) {
      if (flag == "sym") t.symmetric = true;
      else if (flag == "opt") t.frame.required = false;
      else return r.Error(fmt::format("unknown flag '{}' (sym, opt)", flag));
    }
    if (t.frame.preps.empty() && !t.frame.direct) t.frame.required = false;
    t.lemma = std::string(f[2]);
    t.origin = r.Where();
    triggers_.push_back(t);
    const LexHit hit{LexHit::Kind::kTrigger, static_cast<uint32_t>(triggers_.size() - 1)};
    for (std::string_view form : SplitList(f[2])) {
      if (t.pos == Trigger::Pos::kNoun) {
        Add(form, hit);
        if (form.substr(0, 4) != "ال") Add(std::string("ال") + std::string(form), hit);  // the definite noun
        std::string accusative = Accusative(form);
        if (!accusative.empty()) Add(accusative, hit);  // اجتماعا، اتصالا هاتفيا
        continue;
      }
      size_t slash = form.find('/');
      if (slash == std::string_view::npos) return r.Error("verb forms are perfect/imperfect pairs");
      for (const std::string& v : VerbForms(form.substr(0, slash), form.substr(slash + 1))) Add(v, hit);
    }
  }
  return Status();
}

// function_words.tsv: word, class, value, gloss.
Status Lexicon::LoadFunctionWords(const std::string& path) {
  static const std::pair<std::string_view, FunctionClass> kClasses[] = {
      {"prep", FunctionClass::kPrep},           {"place_prep", FunctionClass::kPlacePrep},
      {"negator", FunctionClass::kNegator},     {"relative", FunctionClass::kRelative},
      {"clause_break", FunctionClass::kClauseBreak}, {"name_head", FunctionClass::kNameHead},
      {"qualifier", FunctionClass::kQualifier}, {"antecedent", FunctionClass::kAntecedent},
      {"modifier", FunctionClass::kModifier},   {"stop", FunctionClass::kStop},
      {"past", FunctionClass::kPast},           {"future", FunctionClass::kFuture},
      {"year_word", FunctionClass::kYearWord},   {"ordinal_ref", FunctionClass::kOrdinalRef},
      {"demonstrative", FunctionClass::kDemonstrative},
  };
  auto reader = TsvReader::Open(path);
  if (!reader.ok()) return reader.status();
  TsvReader& r = reader.value();
  std::vector<std::string_view> f;
  while (r.Next(&f)) {
    if (f.size() < 4) return r.Error("expected 4 columns: word, class, value, gloss");
    if (f[1] == "relday") {  // a relative day: the value is its offset from the publication date
      times_.push_back({TimeWord::Kind::kRelativeDay, std::atoi(std::string(f[2]).c_str())});
      Add(f[0], {LexHit::Kind::kTime, static_cast<uint32_t>(times_.size() - 1)});
      continue;
    }
    auto it = std::find_if(std::begin(kClasses), std::end(kClasses), [&](auto& c) { return c.first == f[1]; });
    if (it == std::end(kClasses)) return r.Error(fmt::format("unknown class '{}'", f[1]));
    functions_.push_back({it->second, f[2] == "-" ? std::string() : it->second == FunctionClass::kOrdinalRef
                                                                        ? std::string(f[2]) : PhraseKey(f[2])});
    Add(f[0], {LexHit::Kind::kFunction, static_cast<uint32_t>(functions_.size() - 1)});
  }
  return Status();
}

// Weekday and month names of every Arabic locale that CLDR distinguishes (Egypt and the Gulf, the Levant and
// Iraq, Algeria and Tunisia, Morocco, Mauritania), in their format and stand-alone wide forms.
Status Lexicon::LoadCalendar() {
  static const char* const kLocales[] = {"ar", "ar_EG", "ar_SA", "ar_DZ", "ar_TN", "ar_MA",
                                         "ar_LB", "ar_IQ", "ar_SY", "ar_JO", "ar_MR", "ar_LY"};
  auto add = [&](const icu::UnicodeString& name, TimeWord word) {
    std::string utf8;
    name.toUTF8String(utf8);
    times_.push_back(word);
    Add(utf8, {LexHit::Kind::kTime, static_cast<uint32_t>(times_.size() - 1)});
  };
  for (const char* locale : kLocales) {
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols symbols(icu::Locale(locale), status);
    if (U_FAILURE(status)) return Status::Error(fmt::format("ICU has no calendar data for {}", locale));
    for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      int32_t n = 0;
      const icu::UnicodeString* months = symbols.getMonths(n, context, icu::DateFormatSymbols::WIDE);
      for (int32_t i = 0; i < n && i < 12; ++i) add(months[i], {TimeWord::Kind::kMonth, i + 1});
      const icu::UnicodeString* days = symbols.getWeekdays(n, context, icu::DateFormatSymbols::WIDE);
      for (int32_t i = 1; i < n; ++i) add(days[i], {TimeWord::Kind::kWeekday, i - 1});  // ICU's [1] is Sunday
    }
  }
  return Status();
}

const CameoInfo* Lexicon::cameo(std::string_view code) const {
  auto it = cameo_.find(code);
  return it == cameo_.end() ? nullptr : &it->second;
}

const std::string& Lexicon::CountryName(std::string_view code) const {
  auto it = country_names_.find(code);
  if (it != country_names_.end()) return it->second;
  static thread_local std::string fallback;
  fallback = std::string(code);
  return fallback;
}

const std::vector<LexHit>* Lexicon::Find(std::string_view key) const {
  auto it = phrases_.find(key);
  return it == phrases_.end() ? nullptr : &it->second;
}

}  // namespace rasad
