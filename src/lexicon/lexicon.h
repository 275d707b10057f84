// Lexicon: every dictionary rasad matches against, loaded from the readable sources under data/.
//
// Sources (one entry a line, '#' comments, tab-separated, a source column):
//   countries.tsv   countries with names, nationality adjectives (nisba), people nouns, capitals, seats
//   agents.tsv      role expressions (وزير الخارجية "foreign minister" -> GOV) and their kind
//   persons.tsv     named persons with dated roles (رمطان لعمامرة -> DZAGOV from 2021-07-07)
//   orgs.tsv        organisations and bodies with their codes
//   events.tsv      event triggers: verbs, verbal nouns and light-verb phrases with their CAMEO code and frame
//   function_words.tsv  prepositions, negators, relative pronouns, name-head nouns and other closed classes
//   cameo.tsv       CAMEO event codes with quad class and Goldstein score
//   outlets.tsv     news outlets with their home country and the sections that report home news
// Weekday and month names come from ICU's CLDR data for the Arabic locales, not from a file.
//
// Every phrase is stored under its key: the MatchKey() of each normalised token, joined by one space. A
// phrase may have several entries (a person with several tenures; a word that is both a trigger and an agent).
// Generated forms (verb inflections, the inflections of a nisba, the construct form of an agent) are expanded
// at load time by forms.cc, so the sources list only lemmas.
//
// Sources are compiled into one binary image (image.h): `rasad dict compile` writes it to a file that the
// engine maps; Load() compiles it in memory. Either way the lexicon reads the image, so there is one path.
// The lexicon is immutable once opened and safe to share across threads. Tested in lexicon_test.cc.
#ifndef RASAD_LEXICON_LEXICON_H_
#define RASAD_LEXICON_LEXICON_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lexicon/image.h"
#include "rasad/article.h"
#include "rasad/status.h"

namespace rasad {

// One code an actor holds over a date range; an invalid `from` or `to` leaves that end open.
struct Tenure {
  std::string code;  // full CAMEO actor code, e.g. "DZAGOV"
  Date from;
  Date to;
};

// A named actor: a country, its capital or seat of government, its people, a person, an organisation.
struct Entity {
  enum class Kind : uint8_t { kCountry, kCapital, kSeat, kPeople, kPerson, kOrg };
  Kind kind = Kind::kCountry;
  std::string name;             // English or transliterated name for output ("Algeria", "Ramtane Lamamra")
  std::vector<Tenure> tenures;  // one for all kinds but persons, whose roles change over time
  std::string origin;           // "countries.tsv:12"

  // Returns the code held on `date`: the tenure covering it. A person outside every term is an elite of the
  // country of the nearest term (CAMEO ELI: a former official); with no date, the last tenure's code.
  std::string CodeOn(const Date& date) const;
  // Returns whether a tenure covers `date` (false for an invalid date).
  bool InTerm(const Date& date) const;
};

// A role expression: a title, a body, an office.
struct Agent {
  // kLand: the country of the article itself (المملكة "the kingdom", البلاد "the country"), with no role.
  // kWeapon: an aircraft, a ship, a drone: an actor only with its nationality (طائرة مسيرة تركية -> TURMIL).
  enum class Kind : uint8_t { kPerson, kGroup, kOffice, kLand, kWeapon };
  std::string roles;  // "GOV", "GOVMIL", "CVL"
  Kind kind = Kind::kPerson;
  bool construct = false;  // the construct form (وزير خارجية "minister of foreign-") that wants a country after it
  std::string origin;
};

// A nationality adjective in one of its inflections.
struct Nisba {
  std::string country;  // "DZA"
  bool plural = false;  // الجزائريون، الجزائريين، الجزائريات: the people, an actor on its own
};

// A place of the gazetteer (data/places*.tsv): where events happen, not who acts.
struct Place {
  enum class Feature : uint8_t { kCountry, kRegion, kCity, kSite };
  std::string_view name;     // the usual Arabic spelling
  std::string_view country;  // ISO 3166-1 alpha-3
  std::string_view origin;   // "file:line"
  uint32_t geonames_id = 0;  // 0 when GeoNames has none
  Feature feature = Feature::kCity;
  float lat = 0, lon = 0;
  uint32_t population = 0;
};

// Returns "country", "region", "city" or "site".
const char* FeatureName(Place::Feature feature);

// How a trigger's target is found.
struct TargetFrame {
  std::vector<std::string> preps;  // prepositions (as proclitic letters or words) that introduce the target
  bool direct = false;             // an unmarked object after the subject is the target
  bool required = true;            // no event without a target
};

// An event trigger: a verb (all its generated forms), a verbal noun, or a light verb with its object noun.
struct Trigger {
  enum class Pos : uint8_t { kVerb, kNoun };
  std::string code;       // CAMEO event code "042"
  Pos pos = Pos::kVerb;
  std::vector<std::string> objects;  // light verbs: keys of the object nouns that must follow in the clause
  TargetFrame frame;
  bool symmetric = false;  // a joint action: coordinated subjects are source and target
  bool objective = false;  // a verbal noun whose genitive undergoes it (اعتقال القس "the arrest of the pastor"):
                           // the genitive is the target, the doer stands before it or after من قبل
  bool verbal = false;     // with a person as its target the action is in words: criticism, 111 (هاجم روحاني ترامب)
  bool inverse = false;    // the subject undergoes the action, the party of the frame does it (تلقى اتصالا من
                           // "received a call from", تعرض لهجوم من "came under attack from")
  bool casualty = false;   // its subject is a casualty: a violent verbal noun after في in its clause was done to
                           // that subject (قتل خمسة مدنيين في قصف لقوات النظام "five civilians were killed in a
                           // shelling by the regime's forces")
  std::string lemma;       // the source form, for explanations
  std::string origin;
};

// Closed-class words that steer attribution.
enum class FunctionClass : uint8_t {
  kPrep,        // a preposition written as a word: إلى "to", مع "with", على "on", ضد "against", بين "between"
  kPlacePrep,   // introduces a place, not a participant: في "in"
  kNegator,     // لم، لن، لا، ما، ليس
  kRelative,    // الذي، التي: a new clause about the previous noun
  kClauseBreak, // حيث، بينما، فيما: a new clause
  kNameHead,    // مؤتمر "conference", قمة "summit", منطقة "region": an actor right after names a thing, not a party
  kQualifier,   // لشؤون "for the affairs of": the words after it qualify a title, they are not a name
  kAntecedent,  // الطرفان، الجانبان: the two parties last mentioned
  kModifier,    // السابق "former", الجديد "new": may stand between a title and a name
  kStop,        // a common word that is never part of a name (أن "that", قال "said", هذا "this")
  kPast,        // الماضي "last": the time word before it points back
  kFuture,      // المقبل "next": the time word before it points forward; سوف "will"
  kYearWord,    // عام، العام "year": a year number follows
  kOrdinalRef,  // الأولى "the former", الثانية "the latter": one of the pair last coordinated (value 1 or 2)
  kDemonstrative,  // هذه "this": before a verbal noun, it refers back to an event already told
  kSpeech,      // قال "said", أضاف "added": a verb of saying, whose subject speaks the clauses after it
  kCarrier,     // قام "did": with ب before a verbal noun it makes a verb of it (قامت القوات بقصف "the forces shelled")
  kIntent,      // يعتزم "intends", قرر "decided": the actions of its clause are announced, not done
  kConditional, // إذا "if", لو "were": the actions of its clause are hypothetical
  kDenial,      // نفى "denied": the actions of its clause are denied (the denial itself may be the event, 016)
  kCurrent,     // الجاري "current": the period now running (الشهر الجاري "this month")
  kPeriodEdge,  // مطلع "the start of": a period word after it is the current one (مطلع العام)
  kNumber,      // ثلاثة "three": value the number
  kUnit,        // أيام "days", يومين "two days": value the unit (d, w, m, y) and a dual's count
  kOrdinalDay,  // الخامس "the fifth" (من حزيران): value the day
  kSport,       // النادي "the club", المباراة "the match": an article full of them reports sports
  kDocument,    // بيان "statement", تقرير "report", قرار "resolution": its author (بيان لوزارة الخارجية "a statement
                // of the foreign ministry", قرار مجلس الأمن) acts through it
};

struct FunctionWord {
  FunctionClass cls;
  std::string value;  // the canonical form for prepositions ("الى", "مع"), else empty
};

// Weekday (0 = Sunday) or month (1-12) from CLDR, or a relative-day word.
struct TimeWord {
  // kHijriMonth: a month of the Hijri calendar (1 محرم .. 12 ذو الحجة). kPeriod: الأسبوع "the week" (value 1),
  // الشهر "the month" (2). kAgo is made by the mention stage only (قبل يومين "two days ago").
  enum class Kind : uint8_t { kWeekday, kMonth, kRelativeDay, kYear, kHijriMonth, kPeriod, kAgo };
  Kind kind;
  int value;  // weekday 0-6, month 1-12, relative day offset (-1 أمس "yesterday"), year (0: relative)
};

// One meaning of a phrase.
struct LexHit {
  enum class Kind : uint8_t { kEntity, kAgent, kNisba, kTrigger, kFunction, kTime };
  Kind kind;
  uint8_t reserved[3];  // zero: the struct is stored as is in the compiled file
  uint32_t index;       // into the records of that kind

  static LexHit Of(Kind kind, uint32_t index) { return LexHit{kind, {0, 0, 0}, index}; }
};
static_assert(sizeof(LexHit) == 8);

// Hashes std::string and std::string_view alike, so that lookups by a view allocate nothing.
struct KeyHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using KeyMap = std::unordered_map<std::string, V, KeyHash, std::equal_to<>>;
using KeySet = std::unordered_set<std::string, KeyHash, std::equal_to<>>;

// The quad class and Goldstein score of a CAMEO event code.
struct CameoInfo {
  int quad_class = 0;
  double goldstein = 0;
  std::string description;
};

class Lexicon {
 public:
  Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;
  ~Lexicon();

  // Compiles every source under `data_dir` into an image in memory and opens it. Returns an error naming
  // file:line for a malformed line.
  static Result<Lexicon> Load(const std::string& data_dir);

  // Compiles the sources under `data_dir` into the file `path`, written to a temporary file in the same
  // directory and renamed, so that a failed compile leaves nothing half-written.
  static Status Compile(const std::string& data_dir, const std::string& path);

  // Maps the compiled file `path`. Refuses a file that is not one, is corrupt (checksum), of another format
  // version, or stale: compiled from sources that differ from those now under `sources_dir` (not checked when
  // `sources_dir` is empty or holds no sources).
  static Result<Lexicon> Open(const std::string& path, const std::string& sources_dir);

  // Lints the sources under `data_dir`: duplicate entries, one name with conflicting codes, inverted or
  // overlapping terms, forms that normalisation would change (tashkeel, tatweel, invisible marks). Returns
  // one "file:line: error|warning: message" per problem; a malformed line is returned as the only problem.
  static std::vector<std::string> Check(const std::string& data_dir);

  // Returns the CRC-32 of the dictionary sources under `data_dir` (0 when there are none).
  static uint32_t SourceHash(const std::string& data_dir);
  // Returns the source files of `data_dir`, in the order they are compiled.
  static std::vector<std::string> SourceFiles(const std::string& data_dir);

  // Returns the meanings of a phrase key (MatchKeys joined by ' '); empty when it is not a phrase.
  std::span<const LexHit> Find(std::string_view key) const;
  // Returns whether some phrase continues `key` with one more token (for longest-match walks).
  bool HasLonger(std::string_view key) const { return prefixes_.Find(key) != nullptr; }
  // Returns whether a single-token key begins a phrase of any dictionary (the vocabulary of clitic
  // segmentation).
  bool Known(std::string_view token_key) const { return vocabulary_.Find(token_key) != nullptr; }

  const Entity& entity(uint32_t i) const { return entities_[i]; }
  const Agent& agent(uint32_t i) const { return agents_[i]; }
  const Nisba& nisba(uint32_t i) const { return nisbas_[i]; }
  const Trigger& trigger(uint32_t i) const { return triggers_[i]; }
  const FunctionWord& function_word(uint32_t i) const { return functions_[i]; }
  const TimeWord& time_word(uint32_t i) const { return times_[i]; }
  // Returns the places a name key (MatchKeys joined by ' ') may denote, as indexes for place(); empty when none.
  std::span<const uint32_t> FindPlaces(std::string_view key) const;
  // Returns whether some place name continues `key` with one more token.
  bool HasLongerPlace(std::string_view key) const { return place_prefixes_.Find(key) != nullptr; }
  Place place(uint32_t i) const;
  size_t place_count() const { return place_count_; }
  // Returns the CAMEO data of an event code, or nullptr for an unknown code.
  const CameoInfo* cameo(std::string_view code) const;
  // Returns the English name of a country code ("DZA" -> "Algeria"); the code itself when unknown.
  const std::string& CountryName(std::string_view code) const;
  // Returns the home country of an outlet when `section` is one of its home-news sections ("Jawhara FM",
  // "localNews" -> "TUN"); "" otherwise.
  std::string_view OutletHome(std::string_view outlet, std::string_view section) const;

  size_t entity_count() const { return entities_.size(); }
  size_t agent_count() const { return agents_.size(); }
  size_t nisba_count() const { return nisbas_.size(); }
  size_t trigger_count() const { return triggers_.size(); }
  size_t function_count() const { return functions_.size(); }
  size_t time_count() const { return times_.size(); }
  size_t image_size() const;
  // A number no other lexicon opened by this process has: the key of per-thread caches of lookups.
  uint64_t instance() const { return instance_; }
  // Calls `fn(key, hits)` for every phrase, in no particular order.
  template <typename Fn>
  void ForEachPhrase(Fn fn) const {
    for (size_t i = 0; i < phrases_.capacity(); ++i) {
      const image::Slot& s = phrases_.slots()[i];
      if (s.key.length != 0) fn(String(s.key), Hits(s));
    }
  }

 private:
  struct Sources;  // the dictionaries as read from data/, before compiling
  struct Mapping;  // the image's memory: a mapped file or an owned buffer

  static Status LoadSources(const std::string& data_dir, Sources* src);
  static Result<Lexicon> Build(const std::string& data_dir, std::string* image_bytes);
  static Result<Lexicon> FromImage(std::shared_ptr<const Mapping> mapping, const std::string& what);
  std::string_view String(image::StrRef ref) const;
  std::span<const LexHit> Hits(const image::Slot& slot) const;

  std::shared_ptr<const Mapping> mapping_;
  uint32_t source_hash_ = 0;  // of the sources the image was compiled from
  uint64_t instance_ = 0;     // see instance()
  std::string_view strings_;
  image::Table phrases_, prefixes_, vocabulary_;
  image::Table place_names_, place_prefixes_;
  std::span<const uint32_t> place_ids_;
  const void* place_recs_ = nullptr;  // PlaceRec[place_count_], read in place
  size_t place_count_ = 0;
  std::span<const LexHit> hits_;
  std::vector<Entity> entities_;
  std::vector<Agent> agents_;
  std::vector<Nisba> nisbas_;
  std::vector<Trigger> triggers_;
  std::vector<FunctionWord> functions_;
  std::vector<TimeWord> times_;
  KeyMap<CameoInfo> cameo_;
  KeyMap<std::string> country_names_;
  KeyMap<std::string> outlets_;  // outlet -> "TUN localNews politic ...": the home country, then its home sections
};

// Returns the key of a phrase written in (normalised or original) text: its words' MatchKeys joined by ' '.
// Punctuation inside the phrase is dropped.
std::string PhraseKey(std::string_view phrase);

}  // namespace rasad

#endif  // RASAD_LEXICON_LEXICON_H_
