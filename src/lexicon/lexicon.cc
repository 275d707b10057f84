// Loads the dictionary sources into hash tables keyed by phrase keys, expanding lemmas into their forms.
//
// Each source line becomes one record (an Entity, Agent, Trigger, ...) and one LexHit per written form, so a
// lookup is one hash probe per candidate phrase length. `prefixes` holds every proper prefix of every phrase
// so that the longest-match walk in the mention stage stops as soon as no longer phrase can match. The
// vocabulary (every single word of every phrase) is what clitic segmentation checks its cuts against.
// Tested in lexicon_test.cc.
#include "lexicon/lexicon.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/smpdtfmt.h>
#include <zlib.h>
#include <unicode/locid.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

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
    // At most 4 digits a part: a longer year would overflow v and the packed yyyymmdd of the image.
    while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - i < 4) v = v * 10 + (s[j++] - '0');
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
    // Words ending in ة، ا، ى، ء or the plural ات take no written alef.
    bool takes_alef = true;
    for (std::string_view end : {"ة", "ا", "ى", "ء", "ات"}) {
      if (word.size() > end.size() && word.substr(word.size() - end.size()) == end) takes_alef = false;
    }
    if (takes_alef) {
      out += "ا";
      changed = true;
    }
  }
  return changed ? out : "";
}

// Fixed-size records of the image (image.h). Every field is explicit so that no padding byte is left
// uninitialised: the checksum covers the whole file.
struct EntityRec {
  uint8_t kind, reserved[3];
  image::StrRef name, origin;
  uint32_t tenure_begin, tenure_count;
};
struct TenureRec {
  image::StrRef code;
  int32_t from, to;  // yyyymmdd with zeros for unknown parts; 0 when open
};
struct AgentRec {
  image::StrRef roles, origin;
  uint8_t kind, construct, reserved[2];
};
struct NisbaRec {
  image::StrRef country;
  uint8_t plural, reserved[3];
};
struct TriggerRec {
  image::StrRef code, lemma, origin;
  uint8_t pos, direct, required, symmetric, inverse, objective, verbal, casualty;
  uint32_t objects_begin, objects_count, preps_begin, preps_count;
};
struct FunctionRec {
  image::StrRef value;
  uint8_t cls, reserved[3];
};
struct TimeRec {
  uint8_t kind, reserved[3];
  int32_t value;
};
struct CameoRec {
  image::StrRef code, description;
  int32_t quad_class, reserved;
  double goldstein;
};
struct CountryRec {
  image::StrRef code, name;
};
struct PlaceRec {
  image::StrRef name, country, origin;
  uint32_t geonames_id, population;
  float lat, lon;
  uint8_t feature, reserved[7];
};
static_assert(sizeof(PlaceRec) == 48);

// A place as read from the sources, before compiling.
struct PlaceSource {
  std::string name, country, origin;
  uint32_t geonames_id = 0, population = 0;
  float lat = 0, lon = 0;
  Place::Feature feature = Place::Feature::kCity;
};

int32_t PackDate(const Date& d) { return d.valid() ? d.year * 10000 + d.month * 100 + d.day : 0; }
Date UnpackDate(int32_t v) { return v == 0 ? Date() : Date{v / 10000, v / 100 % 100, v % 100}; }

}  // namespace

// The dictionaries as read from data/: the records, and the phrase, prefix and vocabulary sets that the
// image's hash tables are built from.
struct Lexicon::Sources {
  Status LoadCameo(const std::string& path);
  Status LoadCountries(const std::string& path);
  Status LoadOutlets(const std::string& path);
  Status LoadAgents(const std::string& path);
  Status LoadPersons(const std::string& path);
  Status LoadOrgs(const std::string& path);
  Status LoadEvents(const std::string& path);
  Status LoadFunctionWords(const std::string& path);
  Status LoadPlaces(const std::string& path);
  Status LoadCalendar();
  // Adds `phrase` (normalised text, tokens separated by spaces) with meaning `hit`.
  void Add(std::string_view phrase, LexHit hit);
  // Reads the data lines of `path`, each with at least `columns` fields (else an error naming `what`),
  // keeping `origin` current, and calls `fn(reader, fields)` until it returns an error.
  template <typename Fn>
  Status ForEachLine(const std::string& path, size_t columns, const char* what, Fn fn);
  // Returns the compiled image.
  std::string Serialize(uint32_t source_hash) const;

  KeyMap<std::vector<LexHit>> phrases;
  KeySet prefixes;
  KeySet vocabulary;
  std::vector<Entity> entities;
  std::vector<Agent> agents;
  std::vector<Nisba> nisbas;
  std::vector<Trigger> triggers;
  std::vector<FunctionWord> functions;
  std::vector<TimeWord> times;
  KeyMap<CameoInfo> cameo;
  KeyMap<std::string> country_names;
  KeyMap<std::string> outlets;  // outlet -> "TUN localNews politic"
  std::unordered_map<std::string, uint32_t> by_name;  // persons by English name, across files
  std::vector<PlaceSource> places;
  KeyMap<std::vector<uint32_t>> place_names;  // name key -> places
  KeySet place_prefixes;

  // For Check(): where each form was read, and the problems found while reading.
  bool lint = false;
  std::string origin;  // "file:line" of the line being read
  KeyMap<std::vector<std::pair<LexHit, std::string>>> sightings;
  std::vector<std::string> problems;
};

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

std::string Entity::CodeOn(const Date& date) const {
  RASAD_CHECK(!tenures.empty());
  if (!date.valid()) return tenures.back().code;
  if (kind == Kind::kPerson && !InTerm(date)) {
    const std::string& country = tenures.back().code;
    return country.compare(0, 3, "IGO") == 0 || country.compare(0, 3, "IMG") == 0 ? country : country.substr(0, 3) + "ELI";
  }
  if (tenures.size() == 1) return tenures.back().code;
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

bool Entity::InTerm(const Date& date) const {
  if (!date.valid()) return false;
  const int at_start = DayNumber(date, false), at_end = DayNumber(date, true);
  for (const Tenure& t : tenures) {
    const int from = t.from.valid() ? DayNumber(t.from, false) : 0;
    const int to = t.to.valid() ? DayNumber(t.to, true) : 1 << 30;
    if (at_end >= from && at_start <= to) return true;
  }
  return false;
}

void Lexicon::Sources::Add(std::string_view phrase, LexHit hit) {
  std::string key = PhraseKey(phrase);
  if (key.empty()) return;
  if (lint) {
    if (Normalize(phrase).text() != phrase) {
      problems.push_back(fmt::format("{}: warning: '{}' is not normalised (tashkeel, tatweel, invisible or "
                                     "presentation forms): write it as '{}'", origin, phrase, Normalize(phrase).text()));
    }
    sightings[key].emplace_back(hit, origin);
  }
  std::vector<LexHit>& hits = phrases[key];
  for (const LexHit& h : hits) {
    if (h.kind == hit.kind && h.index == hit.index) return;
  }
  hits.push_back(hit);
  // Only a phrase's first word is ever segmented (the words after it match whole), so only first words are
  // vocabulary: a word inside a name (للجيش in القيادة العامة للجيش) must not stop للجيش being cut elsewhere.
  vocabulary.insert(key.substr(0, key.find(' ')));
  for (size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1)) {
    prefixes.insert(key.substr(0, space));
  }
}

// The memory of an image: an owned buffer, or a mapped file unmapped on destruction.
struct Lexicon::Mapping {
  std::string owned;
  void* mapped = nullptr;
  size_t size = 0;
  std::string_view bytes() const {
    return mapped ? std::string_view(static_cast<const char*>(mapped), size) : std::string_view(owned);
  }
  ~Mapping() {
    if (mapped) munmap(mapped, size);
  }
};

Lexicon::Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;
Lexicon::~Lexicon() = default;

std::vector<std::string> Lexicon::SourceFiles(const std::string& data_dir) {
  const std::string dir = data_dir.empty() || data_dir.back() == '/' ? data_dir : data_dir + "/";
  // persons*.tsv, orgs*.tsv and events*.tsv may be several files each, read in name order.
  auto matching = [&](std::string_view stem) {
    std::vector<std::string> found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir.empty() ? "." : data_dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind(stem, 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".tsv") {
        found.push_back(dir + name);
      }
    }
    std::sort(found.begin(), found.end());
    return found;
  };
  std::vector<std::string> files = {dir + "cameo.tsv", dir + "countries.tsv", dir + "agents.tsv"};
  for (std::string_view stem : {"persons", "orgs", "events", "places"}) {
    std::vector<std::string> found = matching(stem);
    files.insert(files.end(), found.begin(), found.end());
  }
  files.push_back(dir + "function_words.tsv");
  if (std::filesystem::exists(dir + "outlets.tsv")) files.push_back(dir + "outlets.tsv");
  return files;
}

uint32_t Lexicon::SourceHash(const std::string& data_dir) {
  uLong crc = crc32(0L, Z_NULL, 0);
  bool any = false;
  for (const std::string& path : SourceFiles(data_dir)) {
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string content = buffer.str();
    crc = crc32(crc, reinterpret_cast<const Bytef*>(content.data()), static_cast<uInt>(content.size()));
    any = true;
  }
  return any ? static_cast<uint32_t>(crc) : 0;
}

Status Lexicon::LoadSources(const std::string& data_dir, Sources* sources) {
  Sources& src = *sources;
  Status s;
  for (const std::string& path : SourceFiles(data_dir)) {
    const std::string name = std::filesystem::path(path).filename().string();
    if (name == "cameo.tsv") s = src.LoadCameo(path);
    else if (name == "countries.tsv") s = src.LoadCountries(path);
    else if (name == "agents.tsv") s = src.LoadAgents(path);
    else if (name.rfind("persons", 0) == 0) s = src.LoadPersons(path);
    else if (name.rfind("orgs", 0) == 0) s = src.LoadOrgs(path);
    else if (name.rfind("events", 0) == 0) s = src.LoadEvents(path);
    else if (name == "function_words.tsv") s = src.LoadFunctionWords(path);
    else if (name == "outlets.tsv") s = src.LoadOutlets(path);
    else if (name.rfind("places", 0) == 0) s = src.LoadPlaces(path);
    if (!s.ok()) return s;
  }
  return src.LoadCalendar();
}

Result<Lexicon> Lexicon::Build(const std::string& data_dir, std::string* image_bytes) {
  Sources src;
  if (Status s = LoadSources(data_dir, &src); !s.ok()) return s;
  *image_bytes = src.Serialize(SourceHash(data_dir));
  auto mapping = std::make_shared<Mapping>();
  mapping->owned = *image_bytes;
  return FromImage(std::move(mapping), "<compiled in memory>");
}

std::vector<std::string> Lexicon::Check(const std::string& data_dir) {
  Sources src;
  src.lint = true;
  if (Status s = LoadSources(data_dir, &src); !s.ok()) return {s.message()};
  std::vector<std::string>& out = src.problems;
  // One name, two entities: the same code twice is a duplicate; codes of different countries conflict.
  std::vector<std::string> keys;
  for (const auto& [key, seen] : src.sightings) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  for (const std::string& key : keys) {
    const auto& seen = src.sightings.find(key)->second;
    for (size_t a = 0; a < seen.size(); ++a) {
      for (size_t b = a + 1; b < seen.size(); ++b) {
        const LexHit& x = seen[a].first;
        const LexHit& y = seen[b].first;
        if (seen[a].second == seen[b].second) continue;
        // A name that folds to a common word (آفاد and the verb أفاد "reported") would turn the word into an actor.
        if ((x.kind == LexHit::Kind::kFunction) != (y.kind == LexHit::Kind::kFunction) &&
            (x.kind == LexHit::Kind::kEntity || y.kind == LexHit::Kind::kEntity)) {
          out.push_back(fmt::format("{}: error: '{}' is a name here but a function word at {}",
                                    x.kind == LexHit::Kind::kEntity ? seen[a].second : seen[b].second, key,
                                    x.kind == LexHit::Kind::kEntity ? seen[b].second : seen[a].second));
          continue;
        }
        if (x.kind != y.kind) continue;
        if (x.kind == LexHit::Kind::kEntity) {
          const Entity& ex = src.entities[x.index];
          const Entity& ey = src.entities[y.index];
          if (x.index == y.index) continue;  // one person's terms
          const std::string& cx = ex.tenures.back().code;
          const std::string& cy = ey.tenures.back().code;
          if (cx.compare(0, 3, cy, 0, 3) != 0) {
            out.push_back(
                fmt::format("{}: error: '{}' is {} here but {} at {}", seen[b].second, key, cy, cx, seen[a].second));
          } else if (cx == cy) {
            out.push_back(fmt::format("{}: warning: '{}' ({}) duplicates {}", seen[b].second, key, cy, seen[a].second));
          }
        } else if (x.kind == LexHit::Kind::kAgent) {
          const Agent& ax = src.agents[x.index];
          const Agent& ay = src.agents[y.index];
          if (ax.construct || ay.construct) continue;  // a generated construct form may repeat a listed one
          out.push_back(fmt::format("{}: {}: '{}' ({}) also at {} ({})", seen[b].second,
                                    ax.roles == ay.roles ? "warning" : "error", key, ay.roles, seen[a].second, ax.roles));
        }
      }
    }
  }
  // Terms of persons: inverted, and overlapping terms of the same code.
  for (const Entity& e : src.entities) {
    if (e.kind != Entity::Kind::kPerson) continue;
    for (size_t a = 0; a < e.tenures.size(); ++a) {
      const Tenure& t = e.tenures[a];
      if (t.from.valid() && t.to.valid() && DayNumber(t.from, false) > DayNumber(t.to, true)) {
        out.push_back(fmt::format("{}: error: {} ({}): term {} to {} ends before it starts", e.origin, e.name, t.code,
                                  t.from.ToString(), t.to.ToString()));
      }
      for (size_t b = a + 1; b < e.tenures.size(); ++b) {
        const Tenure& u = e.tenures[b];
        if (t.code != u.code) continue;
        const int t0 = t.from.valid() ? DayNumber(t.from, false) : 0, t1 = t.to.valid() ? DayNumber(t.to, true) : 1 << 30;
        const int u0 = u.from.valid() ? DayNumber(u.from, false) : 0, u1 = u.to.valid() ? DayNumber(u.to, true) : 1 << 30;
        // A term may end on the day the next begins (a minister becomes prime minister): only a longer
        // overlap is an error.
        if (t0 < u1 && u0 < t1 && !(t.to.valid() && u.from.valid() && t.to == u.from) &&
            !(u.to.valid() && t.from.valid() && u.to == t.from)) {
          out.push_back(fmt::format("{}: error: {} ({}): terms {}..{} and {}..{} overlap", e.origin, e.name, t.code,
                                    t.from.ToString(), t.to.ToString(), u.from.ToString(), u.to.ToString()));
        }
      }
    }
  }
  return out;
}

Result<Lexicon> Lexicon::Load(const std::string& data_dir) {
  std::string bytes;
  return Build(data_dir, &bytes);
}

Status Lexicon::Compile(const std::string& data_dir, const std::string& path) {
  std::string bytes;
  Result<Lexicon> lex = Build(data_dir, &bytes);
  if (!lex.ok()) return lex.status();
  const std::string tmp = fmt::format("{}.tmp.{}", path, getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return Status::Error(fmt::format("{}: cannot write the compiled lexicon", tmp));
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::Error(fmt::format("{}: cannot rename {} into place", path, tmp));
  }
  return Status();
}

Result<Lexicon> Lexicon::Open(const std::string& path, const std::string& sources_dir) {
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return Status::Error(fmt::format("{}: cannot open the compiled lexicon (run `rasad dict compile`)", path));
  struct stat st {};
  if (fstat(fd, &st) != 0 || st.st_size == 0) {
    close(fd);
    return Status::Error(fmt::format("{}: empty or unreadable lexicon file", path));
  }
  auto mapping = std::make_shared<Mapping>();
  mapping->size = static_cast<size_t>(st.st_size);
  mapping->mapped = mmap(nullptr, mapping->size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (mapping->mapped == MAP_FAILED) {
    mapping->mapped = nullptr;
    return Status::Error(fmt::format("{}: cannot map the lexicon file", path));
  }
  Result<Lexicon> lex = FromImage(mapping, path);
  if (!lex.ok()) return lex.status();
  if (!sources_dir.empty()) {
    const uint32_t now = SourceHash(sources_dir);
    if (now != 0 && lex.value().source_hash_ != now) {
      return Status::Error(fmt::format("{}: stale lexicon: the dictionaries in {} changed since it was compiled; run "
                                       "`make` or `rasad dict compile`", path, sources_dir));
    }
  }
  return lex;
}


using Fields = std::vector<std::string_view>;

template <typename Fn>
Status Lexicon::Sources::ForEachLine(const std::string& path, size_t columns, const char* what, Fn fn) {
  auto reader = TsvReader::Open(path);
  if (!reader.ok()) return reader.status();
  TsvReader& r = reader.value();
  std::vector<std::string_view> f;
  while (r.Next(&f)) {
    origin = r.Where();
    if (f.size() < columns) return r.Error(fmt::format("expected {} columns: {}", columns, what));
    if (Status s = fn(r, f); !s.ok()) return s;
  }
  return Status();
}

// cameo.tsv: code, root, quad_class, goldstein, description.
Status Lexicon::Sources::LoadCameo(const std::string& path) {
  return ForEachLine(path, 5, "code, root, quad_class, goldstein, description",
                     [&](TsvReader& r, const Fields& f) -> Status {
    if (f[0] == "code") return Status();  // header line
    CameoInfo info;
    info.quad_class = std::atoi(std::string(f[2]).c_str());
    info.goldstein = std::atof(std::string(f[3]).c_str());
    info.description = std::string(f[4]);
    if (info.quad_class < 1 || info.quad_class > 4) return r.Error("quad class must be 1-4");
    cameo[std::string(f[0])] = std::move(info);
    return Status();
  });
}

// outlets.tsv: outlet, country, home sections (| separated, - for none), source.
Status Lexicon::Sources::LoadOutlets(const std::string& path) {
  return ForEachLine(path, 4, "outlet, country, home sections, source", [&](TsvReader& r, const Fields& f) -> Status {
    if (f[1].size() != 3 || !IsRoleCode(f[1])) return r.Error(fmt::format("bad country code '{}'", f[1]));
    std::string value(f[1]);
    for (std::string_view section : SplitList(f[2])) {
      if (section == "-") continue;
      value += ' ';
      value += section;
    }
    if (!outlets.emplace(std::string(f[0]), std::move(value)).second) {
      return r.Error(fmt::format("outlet '{}' listed twice", f[0]));
    }
    return Status();
  });
}

// countries.tsv: code, names, nisba, people, capitals, seats, source. Names in English come from the name_en
// comment-free column of the source when present; else the code stands for the name.
Status Lexicon::Sources::LoadCountries(const std::string& path) {
  return ForEachLine(path, 7, "code, names, nisba, people, capitals, seats, source",
                     [&](TsvReader& r, const Fields& f) -> Status {
    std::string code(f[0]);
    if (code.size() != 3 || !IsRoleCode(code)) return r.Error(fmt::format("bad country code '{}'", code));
    std::string name = f.size() > 7 && !f[7].empty() ? std::string(f[7]) : code;
    country_names[code] = name;
    auto add_entity = [&](Entity::Kind kind, const std::string& actor_code, std::string_view list) {
      if (SplitList(list).empty()) return;
      Entity e;
      e.kind = kind;
      e.name = name;
      e.tenures.push_back({actor_code, Date(), Date()});
      e.origin = r.Origin();
      entities.push_back(std::move(e));
      const uint32_t index = entities.size() - 1;
      for (std::string_view form : SplitList(list)) Add(form, LexHit::Of(LexHit::Kind::kEntity, index));
    };
    add_entity(Entity::Kind::kCountry, code, f[1]);
    add_entity(Entity::Kind::kPeople, code, f[3]);
    add_entity(Entity::Kind::kCapital, code + "GOV", f[4]);
    add_entity(Entity::Kind::kSeat, code + "GOV", f[5]);
    for (std::string_view nisba : SplitList(f[2])) {
      for (const NisbaForm& form : NisbaForms(nisba)) {
        nisbas.push_back({code, form.plural});
        Add(form.text, LexHit::Of(LexHit::Kind::kNisba, static_cast<uint32_t>(nisbas.size() - 1)));
      }
    }
    return Status();
  });
}

// places*.tsv: names (| variants), geonames_id (- when none), feature, country, lat, lon, population.
Status Lexicon::Sources::LoadPlaces(const std::string& path) {
  return ForEachLine(path, 7, "names, geonames_id, feature, country, lat, lon, population",
                     [&](TsvReader& r, const Fields& f) -> Status {
    PlaceSource p;
    if (f[2] == "country") p.feature = Place::Feature::kCountry;
    else if (f[2] == "region") p.feature = Place::Feature::kRegion;
    else if (f[2] == "city") p.feature = Place::Feature::kCity;
    else if (f[2] == "site") p.feature = Place::Feature::kSite;
    else return r.Error(fmt::format("feature must be country, region, city or site, not '{}'", f[2]));
    p.country = std::string(f[3]);
    if (p.country.size() != 3 || !std::all_of(p.country.begin(), p.country.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return r.Error(fmt::format("bad country code '{}'", p.country));
    }
    char* end = nullptr;
    const std::string lat(f[4]), lon(f[5]), id(f[1]), population(f[6]);
    p.lat = std::strtof(lat.c_str(), &end);
    if (end == lat.c_str() || *end != '\0' || p.lat < -90 || p.lat > 90) return r.Error(fmt::format("bad latitude '{}'", lat));
    p.lon = std::strtof(lon.c_str(), &end);
    if (end == lon.c_str() || *end != '\0' || p.lon < -180 || p.lon > 180) return r.Error(fmt::format("bad longitude '{}'", lon));
    if (id != "-") {
      const unsigned long v = std::strtoul(id.c_str(), &end, 10);
      if (end == id.c_str() || *end != '\0' || v == 0 || v > UINT32_MAX) return r.Error(fmt::format("bad geonames id '{}'", id));
      p.geonames_id = static_cast<uint32_t>(v);
    }
    const unsigned long pop = std::strtoul(population.c_str(), &end, 10);
    if (end == population.c_str() || *end != '\0' || pop > UINT32_MAX) return r.Error(fmt::format("bad population '{}'", population));
    p.population = static_cast<uint32_t>(pop);
    p.origin = r.Origin();
    const uint32_t index = static_cast<uint32_t>(places.size());
    bool first = true;
    for (std::string_view name : SplitList(f[0])) {
      const std::string key = PhraseKey(name);
      if (key.empty()) continue;
      if (first) p.name = std::string(name);
      first = false;
      std::vector<uint32_t>& ids = place_names[key];
      if (std::find(ids.begin(), ids.end(), index) == ids.end()) ids.push_back(index);
      for (size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1)) {
        place_prefixes.insert(key.substr(0, sp));
      }
    }
    if (first) return r.Error("a place needs a name");
    places.push_back(std::move(p));
    return Status();
  });
}

// agents.tsv: phrase, role, kind, source.
Status Lexicon::Sources::LoadAgents(const std::string& path) {
  return ForEachLine(path, 4, "phrase, role, kind, source", [&](TsvReader& r, const Fields& f) -> Status {
    Agent a;
    // "-": no role of its own; the phrase is an actor only with a nationality (أهداف إيرانية -> IRN).
    a.roles = f[1] == "-" ? std::string() : std::string(f[1]);
    if (!a.roles.empty() && !IsRoleCode(a.roles)) return r.Error(fmt::format("bad role code '{}'", a.roles));
    if (f[2] == "person") a.kind = Agent::Kind::kPerson;
    else if (f[2] == "group") a.kind = Agent::Kind::kGroup;
    else if (f[2] == "office") a.kind = Agent::Kind::kOffice;
    else if (f[2] == "land") a.kind = Agent::Kind::kLand;
    else if (f[2] == "weapon") a.kind = Agent::Kind::kWeapon;
    else return r.Error(fmt::format("kind must be person, group, office, land or weapon, not '{}'", f[2]));
    a.origin = r.Origin();
    agents.push_back(a);
    Add(f[0], LexHit::Of(LexHit::Kind::kAgent, static_cast<uint32_t>(agents.size() - 1)));
    std::string construct = ConstructForm(f[0]);
    if (!construct.empty()) {
      a.construct = true;
      agents.push_back(a);
      Add(construct, LexHit::Of(LexHit::Kind::kAgent, static_cast<uint32_t>(agents.size() - 1)));
    }
    return Status();
  });
}

// persons.tsv: names (| variants), name_en, code, from, to, source. Lines with the same name_en are one
// person's successive tenures.
Status Lexicon::Sources::LoadPersons(const std::string& path) {
  return ForEachLine(path, 6, "names, name_en, code, from, to, source", [&](TsvReader& r, const Fields& f) -> Status {
    Tenure t;
    t.code = std::string(f[2]);
    if (!IsRoleCode(t.code)) return r.Error(fmt::format("bad actor code '{}'", t.code));
    if (!ParseDateField(f[3], &t.from) || !ParseDateField(f[4], &t.to)) {
      return r.Error("dates must be YYYY-MM-DD, YYYY-MM, YYYY or -");
    }
    std::string name(f[1]);
    auto [it, inserted] = by_name.emplace(name, entities.size());
    if (inserted) {
      Entity e;
      e.kind = Entity::Kind::kPerson;
      e.name = name;
      e.origin = r.Origin();
      entities.push_back(std::move(e));
    }
    entities[it->second].tenures.push_back(std::move(t));
    for (std::string_view form : SplitList(f[0])) Add(form, LexHit::Of(LexHit::Kind::kEntity, it->second));
    return Status();
  });
}

// orgs.tsv: names, code, name_en, source.
Status Lexicon::Sources::LoadOrgs(const std::string& path) {
  return ForEachLine(path, 4, "names, code, name_en, source", [&](TsvReader& r, const Fields& f) -> Status {
    Entity e;
    e.kind = Entity::Kind::kOrg;
    e.name = std::string(f[2]);
    e.tenures.push_back({std::string(f[1]), Date(), Date()});
    if (!IsRoleCode(e.tenures[0].code)) return r.Error(fmt::format("bad actor code '{}'", f[1]));
    e.origin = r.Origin();
    entities.push_back(std::move(e));
    for (std::string_view form : SplitList(f[0])) {
      Add(form, LexHit::Of(LexHit::Kind::kEntity, static_cast<uint32_t>(entities.size() - 1)));
    }
    return Status();
  });
}

// events.tsv: code, pos, forms, object, target, flags, gloss. Verb forms are perfect/imperfect pairs.
Status Lexicon::Sources::LoadEvents(const std::string& path) {
  return ForEachLine(path, 7, "code, pos, forms, object, target, flags, gloss",
                     [&](TsvReader& r, const Fields& f) -> Status {
    Trigger t;
    t.code = std::string(f[0]);
    if (cameo.count(t.code) == 0) return r.Error(fmt::format("unknown CAMEO code '{}'", t.code));
    if (f[1] == "verb") t.pos = Trigger::Pos::kVerb;
    else if (f[1] == "noun") t.pos = Trigger::Pos::kNoun;
    else return r.Error(fmt::format("pos must be verb or noun, not '{}'", f[1]));
    for (std::string_view object : SplitList(f[3])) {
      // Objects are matched on the stem without the article, so that شراكتهما "their partnership" and
      // الشراكة "the partnership" both satisfy شراكة.
      std::string key = PhraseKey(object);
      if (key.rfind("ال", 0) == 0) key.erase(0, 4);
      vocabulary.insert(key);
      vocabulary.insert("ال" + key);
      t.objects.push_back(std::move(key));
    }
    for (std::string_view target : SplitList(f[4])) {
      if (target == "obj") t.frame.direct = true;
      else t.frame.preps.push_back(PhraseKey(target));
    }
    for (std::string_view flag : SplitList(f[5], ',')) {
      if (flag == "sym") t.symmetric = true;
      else if (flag == "opt") t.frame.required = false;
      else if (flag == "inv") t.inverse = true;
      else if (flag == "og") t.objective = true;
      else if (flag == "verbal") t.verbal = true;
      else if (flag == "cas") t.casualty = true;
      else return r.Error(fmt::format("unknown flag '{}' (sym, opt, inv, og, verbal, cas)", flag));
    }
    if (t.frame.preps.empty() && !t.frame.direct) t.frame.required = false;
    t.lemma = std::string(f[2]);
    t.origin = r.Origin();
    triggers.push_back(t);
    const LexHit hit = LexHit::Of(LexHit::Kind::kTrigger, static_cast<uint32_t>(triggers.size() - 1));
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
    return Status();
  });
}

// function_words.tsv: word, class, value, gloss.
Status Lexicon::Sources::LoadFunctionWords(const std::string& path) {
  static const std::pair<std::string_view, FunctionClass> kClasses[] = {
      {"prep", FunctionClass::kPrep},           {"place_prep", FunctionClass::kPlacePrep},
      {"negator", FunctionClass::kNegator},     {"relative", FunctionClass::kRelative},
      {"clause_break", FunctionClass::kClauseBreak}, {"name_head", FunctionClass::kNameHead},
      {"qualifier", FunctionClass::kQualifier}, {"antecedent", FunctionClass::kAntecedent},
      {"modifier", FunctionClass::kModifier},   {"stop", FunctionClass::kStop},
      {"speech", FunctionClass::kSpeech},
      {"carrier", FunctionClass::kCarrier},
      {"intent", FunctionClass::kIntent},
      {"conditional", FunctionClass::kConditional},
      {"denial", FunctionClass::kDenial},
      {"past", FunctionClass::kPast},           {"future", FunctionClass::kFuture},
      {"year_word", FunctionClass::kYearWord},   {"ordinal_ref", FunctionClass::kOrdinalRef},
      {"demonstrative", FunctionClass::kDemonstrative},
      {"current", FunctionClass::kCurrent},     {"period_edge", FunctionClass::kPeriodEdge},
      {"number", FunctionClass::kNumber},       {"unit", FunctionClass::kUnit},
      {"ordinal_day", FunctionClass::kOrdinalDay}, {"sport", FunctionClass::kSport},
      {"document", FunctionClass::kDocument},
  };
  return ForEachLine(path, 4, "word, class, value, gloss", [&](TsvReader& r, const Fields& f) -> Status {
    // Time words: a relative day (value: its offset from publication), a month name CLDR lacks, a Hijri month,
    // a period (الأسبوع، الشهر).
    static const std::pair<std::string_view, TimeWord::Kind> kTimeClasses[] = {
        {"relday", TimeWord::Kind::kRelativeDay}, {"month", TimeWord::Kind::kMonth},
        {"hijri_month", TimeWord::Kind::kHijriMonth}, {"period", TimeWord::Kind::kPeriod}};
    for (const auto& [name, kind] : kTimeClasses) {
      if (f[1] != name) continue;
      int value = std::atoi(std::string(f[2]).c_str());
      if (kind == TimeWord::Kind::kPeriod) value = f[2] == "week" ? 1 : f[2] == "month" ? 2 : 0;
      if ((kind == TimeWord::Kind::kMonth || kind == TimeWord::Kind::kHijriMonth) && (value < 1 || value > 12)) {
        return r.Error(fmt::format("a month is 1 to 12, not '{}'", f[2]));
      }
      if (kind == TimeWord::Kind::kPeriod && value == 0) return r.Error("a period is week or month");
      times.push_back({kind, value});
      Add(f[0], LexHit::Of(LexHit::Kind::kTime, static_cast<uint32_t>(times.size() - 1)));
      return Status();
    }
    auto it = std::find_if(std::begin(kClasses), std::end(kClasses), [&](auto& c) { return c.first == f[1]; });
    if (it == std::end(kClasses)) return r.Error(fmt::format("unknown class '{}'", f[1]));
    const bool raw = it->second == FunctionClass::kOrdinalRef || it->second == FunctionClass::kNumber ||
                     it->second == FunctionClass::kUnit || it->second == FunctionClass::kOrdinalDay;
    functions.push_back({it->second, f[2] == "-" ? std::string() : raw ? std::string(f[2]) : PhraseKey(f[2])});
    Add(f[0], LexHit::Of(LexHit::Kind::kFunction, static_cast<uint32_t>(functions.size() - 1)));
    return Status();
  });
}

// Weekday and month names of every Arabic locale that CLDR distinguishes (Egypt and the Gulf, the Levant and
// Iraq, Algeria and Tunisia, Morocco, Mauritania), in their format and stand-alone wide forms.
Status Lexicon::Sources::LoadCalendar() {
  static const char* const kLocales[] = {"ar", "ar_EG", "ar_SA", "ar_DZ", "ar_TN", "ar_MA",
                                         "ar_LB", "ar_IQ", "ar_SY", "ar_JO", "ar_MR", "ar_LY"};
  auto add = [&](const icu::UnicodeString& name, TimeWord word) {
    std::string utf8;
    name.toUTF8String(utf8);
    // The same name in several locales (آب in the Levant and Iraq) is one entry.
    if (auto it = phrases.find(PhraseKey(utf8)); it != phrases.end()) {
      for (const LexHit& h : it->second) {
        if (h.kind == LexHit::Kind::kTime && times[h.index].kind == word.kind && times[h.index].value == word.value) return;
      }
    }
    times.push_back(word);
    Add(utf8, LexHit::Of(LexHit::Kind::kTime, static_cast<uint32_t>(times.size() - 1)));
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
  // The Hijri months, as CLDR writes them: each month of a Hijri year formatted by ICU's Umm al-Qura calendar
  // in Arabic. function_words.tsv adds the variants news uses (ذي الحجة).
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale islamic("ar@calendar=islamic-umalqura");
  icu::SimpleDateFormat format(icu::UnicodeString("MMMM"), islamic, status);
  std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(islamic, status));
  if (U_FAILURE(status) || std::string(calendar->getType()) != "islamic-umalqura") {
    return Status::Error("ICU has no Umm al-Qura calendar data for ar");
  }
  for (int32_t month = 0; month < 12; ++month) {
    calendar->clear();
    calendar->set(1445, month, 15);
    icu::UnicodeString name;
    icu::FieldPosition position;
    format.setCalendar(*calendar);
    format.format(calendar->getTime(status), name, position);
    if (U_FAILURE(status)) return Status::Error("ICU could not name the Hijri months");
    add(name, {TimeWord::Kind::kHijriMonth, month + 1});
  }
  return Status();
}

std::string_view Lexicon::OutletHome(std::string_view outlet, std::string_view section) const {
  auto it = outlets_.find(outlet);
  if (it == outlets_.end() || section.empty()) return {};
  const std::string_view home = it->second;
  for (size_t at = 4; at < home.size();) {
    size_t end = home.find(' ', at);
    if (end == std::string_view::npos) end = home.size();
    if (home.substr(at, end - at) == section) return home.substr(0, 3);
    at = end + 1;
  }
  return {};
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



std::string Lexicon::Sources::Serialize(uint32_t source_hash) const {
  image::Writer w;
  std::vector<TenureRec> tenures;
  std::vector<EntityRec> entity_recs;
  for (const Entity& e : entities) {
    EntityRec r{};
    r.kind = static_cast<uint8_t>(e.kind);
    r.name = w.Intern(e.name);
    r.origin = w.Intern(e.origin);
    r.tenure_begin = static_cast<uint32_t>(tenures.size());
    r.tenure_count = static_cast<uint32_t>(e.tenures.size());
    for (const Tenure& t : e.tenures) tenures.push_back({w.Intern(t.code), PackDate(t.from), PackDate(t.to)});
    entity_recs.push_back(r);
  }
  std::vector<AgentRec> agent_recs;
  for (const Agent& a : agents) {
    AgentRec r{};
    r.roles = w.Intern(a.roles);
    r.origin = w.Intern(a.origin);
    r.kind = static_cast<uint8_t>(a.kind);
    r.construct = a.construct;
    agent_recs.push_back(r);
  }
  std::vector<NisbaRec> nisba_recs;
  for (const Nisba& n : nisbas) {
    NisbaRec r{};
    r.country = w.Intern(n.country);
    r.plural = n.plural;
    nisba_recs.push_back(r);
  }
  std::vector<image::StrRef> refs;
  std::vector<TriggerRec> trigger_recs;
  for (const Trigger& t : triggers) {
    TriggerRec r{};
    r.code = w.Intern(t.code);
    r.lemma = w.Intern(t.lemma);
    r.origin = w.Intern(t.origin);
    r.pos = static_cast<uint8_t>(t.pos);
    r.direct = t.frame.direct;
    r.required = t.frame.required;
    r.symmetric = t.symmetric;
    r.inverse = t.inverse;
    r.objective = t.objective;
    r.verbal = t.verbal;
    r.casualty = t.casualty;
    r.objects_begin = static_cast<uint32_t>(refs.size());
    r.objects_count = static_cast<uint32_t>(t.objects.size());
    for (const std::string& o : t.objects) refs.push_back(w.Intern(o));
    r.preps_begin = static_cast<uint32_t>(refs.size());
    r.preps_count = static_cast<uint32_t>(t.frame.preps.size());
    for (const std::string& p : t.frame.preps) refs.push_back(w.Intern(p));
    trigger_recs.push_back(r);
  }
  std::vector<FunctionRec> function_recs;
  for (const FunctionWord& f : functions) {
    FunctionRec r{};
    r.value = w.Intern(f.value);
    r.cls = static_cast<uint8_t>(f.cls);
    function_recs.push_back(r);
  }
  std::vector<TimeRec> time_recs;
  for (const TimeWord& t : times) {
    TimeRec r{};
    r.kind = static_cast<uint8_t>(t.kind);
    r.value = t.value;
    time_recs.push_back(r);
  }
  // Tables keyed in a fixed order, so that the same sources give the same bytes.
  std::vector<std::string> codes;
  for (const auto& [code, info] : cameo) codes.push_back(code);
  std::sort(codes.begin(), codes.end());
  std::vector<CameoRec> cameo_recs;
  for (const std::string& code : codes) {
    const CameoInfo& info = cameo.find(code)->second;
    CameoRec r{};
    r.code = w.Intern(code);
    r.description = w.Intern(info.description);
    r.quad_class = info.quad_class;
    r.goldstein = info.goldstein;
    cameo_recs.push_back(r);
  }
  codes.clear();
  for (const auto& [code, name] : country_names) codes.push_back(code);
  std::sort(codes.begin(), codes.end());
  std::vector<CountryRec> country_recs;
  for (const std::string& code : codes) country_recs.push_back({w.Intern(code), w.Intern(country_names.find(code)->second)});
  codes.clear();
  for (const auto& [outlet, home] : outlets) codes.push_back(outlet);
  std::sort(codes.begin(), codes.end());
  std::vector<CountryRec> outlet_recs;
  for (const std::string& outlet : codes) {
    outlet_recs.push_back({w.Intern(outlet), w.Intern(outlets.find(outlet)->second)});
  }

  std::vector<std::string> keys;
  for (const auto& [key, hits] : phrases) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  std::vector<LexHit> hit_recs;
  std::vector<std::pair<std::string, std::pair<uint32_t, uint32_t>>> phrase_keys;
  for (const std::string& key : keys) {
    const std::vector<LexHit>& hits = phrases.find(key)->second;
    phrase_keys.push_back({key, {static_cast<uint32_t>(hit_recs.size()), static_cast<uint32_t>(hits.size())}});
    hit_recs.insert(hit_recs.end(), hits.begin(), hits.end());
  }
  auto as_set = [](const KeySet& set) {
    std::vector<std::pair<std::string, std::pair<uint32_t, uint32_t>>> out;
    for (const std::string& k : set) out.push_back({k, {0, 0}});
    std::sort(out.begin(), out.end());
    return out;
  };
  w.AddSection(image::SectionId::kPhrases, image::BuildTable(&w, phrase_keys));
  w.AddSection(image::SectionId::kPrefixes, image::BuildTable(&w, as_set(prefixes)));
  w.AddSection(image::SectionId::kVocabulary, image::BuildTable(&w, as_set(vocabulary)));
  w.AddSection(image::SectionId::kHits, hit_recs);
  w.AddSection(image::SectionId::kEntities, entity_recs);
  w.AddSection(image::SectionId::kTenures, tenures);
  w.AddSection(image::SectionId::kAgents, agent_recs);
  w.AddSection(image::SectionId::kNisbas, nisba_recs);
  w.AddSection(image::SectionId::kTriggers, trigger_recs);
  w.AddSection(image::SectionId::kStringRefs, refs);
  w.AddSection(image::SectionId::kFunctions, function_recs);
  w.AddSection(image::SectionId::kTimes, time_recs);
  w.AddSection(image::SectionId::kCameo, cameo_recs);
  w.AddSection(image::SectionId::kCountries, country_recs);
  w.AddSection(image::SectionId::kOutlets, outlet_recs);

  std::vector<PlaceRec> place_recs;
  for (const PlaceSource& p : places) {
    PlaceRec r{};
    r.name = w.Intern(p.name);
    r.country = w.Intern(p.country);
    r.origin = w.Intern(p.origin);
    r.geonames_id = p.geonames_id;
    r.population = p.population;
    r.lat = p.lat;
    r.lon = p.lon;
    r.feature = static_cast<uint8_t>(p.feature);
    place_recs.push_back(r);
  }
  keys.clear();
  for (const auto& [key, ids] : place_names) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  std::vector<uint32_t> place_ids;
  std::vector<std::pair<std::string, std::pair<uint32_t, uint32_t>>> place_keys;
  for (const std::string& key : keys) {
    const std::vector<uint32_t>& ids = place_names.find(key)->second;
    place_keys.push_back({key, {static_cast<uint32_t>(place_ids.size()), static_cast<uint32_t>(ids.size())}});
    place_ids.insert(place_ids.end(), ids.begin(), ids.end());
  }
  w.AddSection(image::SectionId::kPlaces, place_recs);
  w.AddSection(image::SectionId::kPlaceIds, place_ids);
  w.AddSection(image::SectionId::kPlaceNames, image::BuildTable(&w, place_keys));
  w.AddSection(image::SectionId::kPlacePrefixes, image::BuildTable(&w, as_set(place_prefixes)));
  return w.Finish(source_hash);
}

Result<Lexicon> Lexicon::FromImage(std::shared_ptr<const Mapping> mapping, const std::string& what) {
  auto reader_or = image::Reader::Open(mapping->bytes(), what);
  if (!reader_or.ok()) return reader_or.status();
  const image::Reader& r = reader_or.value();
  Lexicon lex;
  static std::atomic<uint64_t> next_instance{1};
  lex.instance_ = next_instance.fetch_add(1, std::memory_order_relaxed);
  lex.source_hash_ = r.source_hash();
  lex.strings_ = r.Section(image::SectionId::kStrings);
  size_t n = 0;
  // Every reference is checked against its section before use: a corrupt file must not crash the engine.
  auto bad = [&](const char* section) { return Status::Error(fmt::format("{}: corrupt {} section", what, section)); };
  auto str_ok = [&](image::StrRef ref) {
    return ref.offset <= lex.strings_.size() && ref.length <= lex.strings_.size() - ref.offset;
  };
  auto table = [&](image::SectionId id, image::Table* out) {
    const image::Slot* slots = r.Records<image::Slot>(id, &n);
    if (n == 0 || (n & (n - 1)) != 0) return false;
    for (size_t i = 0; i < n; ++i) {
      if (slots[i].key.length != 0 && !str_ok(slots[i].key)) return false;
    }
    *out = image::Table(slots, n, lex.strings_);
    return true;
  };
  if (!table(image::SectionId::kPhrases, &lex.phrases_)) return bad("phrase table");
  if (!table(image::SectionId::kPrefixes, &lex.prefixes_)) return bad("prefix table");
  if (!table(image::SectionId::kVocabulary, &lex.vocabulary_)) return bad("vocabulary table");
  const LexHit* hits = r.Records<LexHit>(image::SectionId::kHits, &n);
  lex.hits_ = std::span<const LexHit>(hits, n);
  for (size_t i = 0; i < lex.phrases_.capacity(); ++i) {
    const image::Slot& s = lex.phrases_.slots()[i];
    if (s.key.length != 0 && (s.hits_begin > lex.hits_.size() || s.hits_count > lex.hits_.size() - s.hits_begin)) {
      return bad("phrase table");
    }
  }
  auto str = [&](image::StrRef ref) { return std::string(lex.strings_.substr(ref.offset, ref.length)); };

  size_t tenure_count = 0;
  const TenureRec* tenures = r.Records<TenureRec>(image::SectionId::kTenures, &tenure_count);
  const EntityRec* entities = r.Records<EntityRec>(image::SectionId::kEntities, &n);
  for (size_t i = 0; i < n; ++i) {
    const EntityRec& e = entities[i];
    if (!str_ok(e.name) || !str_ok(e.origin) || e.tenure_begin > tenure_count ||
        e.tenure_count > tenure_count - e.tenure_begin || e.tenure_count == 0) {
      return bad("entity");
    }
    Entity entity;
    entity.kind = static_cast<Entity::Kind>(e.kind);
    entity.name = str(e.name);
    entity.origin = str(e.origin);
    for (uint32_t t = e.tenure_begin; t < e.tenure_begin + e.tenure_count; ++t) {
      if (!str_ok(tenures[t].code)) return bad("tenure");
      entity.tenures.push_back({str(tenures[t].code), UnpackDate(tenures[t].from), UnpackDate(tenures[t].to)});
    }
    lex.entities_.push_back(std::move(entity));
  }
  const AgentRec* agents = r.Records<AgentRec>(image::SectionId::kAgents, &n);
  for (size_t i = 0; i < n; ++i) {
    if (!str_ok(agents[i].roles) || !str_ok(agents[i].origin) ||
        agents[i].kind > static_cast<uint8_t>(Agent::Kind::kWeapon)) {
      return bad("agent");
    }
    lex.agents_.push_back({str(agents[i].roles), static_cast<Agent::Kind>(agents[i].kind), agents[i].construct != 0,
                           str(agents[i].origin)});
  }
  const NisbaRec* nisbas = r.Records<NisbaRec>(image::SectionId::kNisbas, &n);
  for (size_t i = 0; i < n; ++i) {
    if (!str_ok(nisbas[i].country)) return bad("nisba");
    lex.nisbas_.push_back({str(nisbas[i].country), nisbas[i].plural != 0});
  }
  size_t ref_count = 0;
  const image::StrRef* refs = r.Records<image::StrRef>(image::SectionId::kStringRefs, &ref_count);
  const TriggerRec* triggers = r.Records<TriggerRec>(image::SectionId::kTriggers, &n);
  for (size_t i = 0; i < n; ++i) {
    const TriggerRec& t = triggers[i];
    if (!str_ok(t.code) || !str_ok(t.lemma) || !str_ok(t.origin) || t.objects_begin > ref_count ||
        t.objects_count > ref_count - t.objects_begin || t.preps_begin > ref_count ||
        t.preps_count > ref_count - t.preps_begin) {
      return bad("trigger");
    }
    Trigger trigger;
    trigger.code = str(t.code);
    trigger.lemma = str(t.lemma);
    trigger.origin = str(t.origin);
    trigger.pos = static_cast<Trigger::Pos>(t.pos);
    trigger.frame.direct = t.direct != 0;
    trigger.frame.required = t.required != 0;
    trigger.symmetric = t.symmetric != 0;
    trigger.inverse = t.inverse != 0;
    trigger.objective = t.objective != 0;
    trigger.verbal = t.verbal != 0;
    trigger.casualty = t.casualty != 0;
    for (uint32_t k = 0; k < t.objects_count; ++k) {
      if (!str_ok(refs[t.objects_begin + k])) return bad("trigger object");
      trigger.objects.push_back(str(refs[t.objects_begin + k]));
    }
    for (uint32_t k = 0; k < t.preps_count; ++k) {
      if (!str_ok(refs[t.preps_begin + k])) return bad("trigger preposition");
      trigger.frame.preps.push_back(str(refs[t.preps_begin + k]));
    }
    lex.triggers_.push_back(std::move(trigger));
  }
  const FunctionRec* functions = r.Records<FunctionRec>(image::SectionId::kFunctions, &n);
  for (size_t i = 0; i < n; ++i) {
    if (!str_ok(functions[i].value)) return bad("function word");
    lex.functions_.push_back({static_cast<FunctionClass>(functions[i].cls), str(functions[i].value)});
  }
  const TimeRec* times = r.Records<TimeRec>(image::SectionId::kTimes, &n);
  for (size_t i = 0; i < n; ++i) lex.times_.push_back({static_cast<TimeWord::Kind>(times[i].kind), times[i].value});
  const CameoRec* cameo = r.Records<CameoRec>(image::SectionId::kCameo, &n);
  for (size_t i = 0; i < n; ++i) {
    if (!str_ok(cameo[i].code) || !str_ok(cameo[i].description)) return bad("cameo");
    lex.cameo_[str(cameo[i].code)] = {cameo[i].quad_class, cameo[i].goldstein, str(cameo[i].description)};
  }
  const CountryRec* countries = r.Records<CountryRec>(image::SectionId::kCountries, &n);
  for (size_t i = 0; i < n; ++i) {
    if (!str_ok(countries[i].code) || !str_ok(countries[i].name)) return bad("country");
    lex.country_names_[str(countries[i].code)] = str(countries[i].name);
  }
  const CountryRec* outlets = r.Records<CountryRec>(image::SectionId::kOutlets, &n);
  for (size_t i = 0; i < n; ++i) {
    if (!str_ok(outlets[i].code) || !str_ok(outlets[i].name) || outlets[i].name.length < 3) return bad("outlet");
    lex.outlets_[str(outlets[i].code)] = str(outlets[i].name);
  }
  // The gazetteer, read in place.
  if (!table(image::SectionId::kPlaceNames, &lex.place_names_)) return bad("place table");
  if (!table(image::SectionId::kPlacePrefixes, &lex.place_prefixes_)) return bad("place prefix table");
  const PlaceRec* places = r.Records<PlaceRec>(image::SectionId::kPlaces, &lex.place_count_);
  for (size_t i = 0; i < lex.place_count_; ++i) {
    if (!str_ok(places[i].name) || !str_ok(places[i].country) || !str_ok(places[i].origin) || places[i].feature > 3) {
      return bad("place");
    }
  }
  lex.place_recs_ = places;
  const uint32_t* place_ids = r.Records<uint32_t>(image::SectionId::kPlaceIds, &n);
  lex.place_ids_ = std::span<const uint32_t>(place_ids, n);
  for (uint32_t id : lex.place_ids_) {
    if (id >= lex.place_count_) return bad("place ids");
  }
  for (size_t i = 0; i < lex.place_names_.capacity(); ++i) {
    const image::Slot& s = lex.place_names_.slots()[i];
    if (s.key.length != 0 && (s.hits_begin > lex.place_ids_.size() || s.hits_count > lex.place_ids_.size() - s.hits_begin)) {
      return bad("place table");
    }
  }
  // Every hit must name a record that exists.
  for (const LexHit& h : lex.hits_) {
    const size_t limit = h.kind == LexHit::Kind::kEntity ? lex.entities_.size()
                       : h.kind == LexHit::Kind::kAgent ? lex.agents_.size()
                       : h.kind == LexHit::Kind::kNisba ? lex.nisbas_.size()
                       : h.kind == LexHit::Kind::kTrigger ? lex.triggers_.size()
                       : h.kind == LexHit::Kind::kFunction ? lex.functions_.size()
                       : h.kind == LexHit::Kind::kTime ? lex.times_.size() : 0;
    if (h.index >= limit) return bad("hits");
  }
  lex.mapping_ = std::move(mapping);
  return lex;
}

std::span<const LexHit> Lexicon::Find(std::string_view key) const {
  const image::Slot* slot = phrases_.Find(key);
  return slot == nullptr ? std::span<const LexHit>() : Hits(*slot);
}

std::span<const LexHit> Lexicon::Hits(const image::Slot& slot) const {
  return hits_.subspan(slot.hits_begin, slot.hits_count);
}

std::string_view Lexicon::String(image::StrRef ref) const { return strings_.substr(ref.offset, ref.length); }

std::span<const uint32_t> Lexicon::FindPlaces(std::string_view key) const {
  const image::Slot* slot = place_names_.Find(key);
  return slot == nullptr ? std::span<const uint32_t>() : place_ids_.subspan(slot->hits_begin, slot->hits_count);
}

Place Lexicon::place(uint32_t i) const {
  const PlaceRec& r = static_cast<const PlaceRec*>(place_recs_)[i];
  Place p;
  p.name = String(r.name);
  p.country = String(r.country);
  p.origin = String(r.origin);
  p.geonames_id = r.geonames_id;
  p.feature = static_cast<Place::Feature>(r.feature);
  p.lat = r.lat;
  p.lon = r.lon;
  p.population = r.population;
  return p;
}

const char* FeatureName(Place::Feature feature) {
  switch (feature) {
    case Place::Feature::kCountry: return "country";
    case Place::Feature::kRegion: return "region";
    case Place::Feature::kCity: return "city";
    case Place::Feature::kSite: return "site";
  }
  return "city";
}

size_t Lexicon::image_size() const { return mapping_ ? mapping_->bytes().size() : 0; }

}  // namespace rasad
