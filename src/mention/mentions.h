// Mentions: what the lexicon recognises in one sentence, and the actors composed from it.
//
// A sentence's tokens become Words, each with its clitic analyses (clitics.h). A longest-match walk over the
// words finds lexicon phrases; each match is a Mention with every meaning the lexicon gives it. Then actors
// are composed, left to right:
//   title [modifier] nisba [qualifier ...] [name]   وزير الخارجية الجزائري رمطان لعمامرة   -> DZAGOV, named
//   construct title + country or body               وزير خارجية الجزائر                  -> DZAGOV
//   person of the dictionary                        مارك إسبر                            -> by date
//   country, capital, seat, people, plural nisba    واشنطن، الجزائريون                   -> USAGOV, DZA
//   a name introduced earlier in the article        هود                                  -> USAGOV
// and each actor records what governs it: a preposition (a proclitic ب ل ك or a word such as مع، إلى), a
// place preposition (في: the actor is a place here, not a party), or a name-head noun (مؤتمر برلين).
//
// ArticleMemory carries names across sentences: a person introduced with a title is found again by surname.
// Tested in mentions_test.cc.
#ifndef RASAD_MENTION_MENTIONS_H_
#define RASAD_MENTION_MENTIONS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/image.h"
#include "lexicon/lexicon.h"
#include "rasad/event.h"
#include "text/clitics.h"
#include "text/token.h"

namespace rasad {

// One token of a sentence with its analyses; analyses[0] is the reading used unless a match chose another.
// The key and the analyses live in the sentence's arenas (SentenceMentions), so a Word owns no memory.
// What the lexicon says of one analysis' stem, looked up once per word: its phrase hits, and whether longer
// phrases begin with it.
struct StemLookup {
  std::span<const LexHit> hits;
  bool longer = false;
};

struct Word {
  size_t begin = 0;  // byte span in the normalised text
  size_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool arabic = false;
  std::string_view key;                  // MatchKey of the whole word
  std::span<const LexHit> key_hits;      // the lexicon's hits of `key` as a phrase of one word
  std::span<const Analysis> analyses;    // never empty
  std::span<const StemLookup> lookups;   // one per analysis; for words that are not kWord, nothing found
  int chosen = 0;        // which analysis the matched mention used
  bool matched = false;  // part of some lexicon mention

  const Analysis& analysis() const { return analyses[chosen]; }
};

// An actor found in the sentence.
struct ActorMention {
  int first = 0, last = 0;         // word range [first, last)
  std::string code;                // CAMEO actor code; empty when the country is unknown (a bare title)
  const Entity* person = nullptr;  // a dictionary person, whose code depends on the event's date
  std::string name;                // the entity's name, or the name as written after a title
  std::string prep;                // the key of the preposition that governs it; empty when none
  std::string outer_prep;          // for an actor under possessive ل, the preposition of the noun it belongs to
                                   // (على مواقع لقوات X "on positions of X forces" -> على)
  std::string roles;               // the roles of its title, kept for an actor whose country is unknown
  bool place = false;              // a place here (في الجزائر، مؤتمر برلين), not a party to events
  bool geo = false;                // named as a country or city (not a person, body or title)
  bool org = false;                // a named organisation of the dictionary (its country may be a guess)
  bool land = false;               // المملكة "the kingdom": the article's own country, settled with the event
  bool individual = false;         // one person: a dictionary person or a person's title (الرئيس، نظيره)
  bool aside = false;              // in brackets after another actor: its alias (دقلو (حميدتي)), not a party
  bool conj = false;               // introduced by و "and"
  int coord_next = -1;             // the actor joined to this one by و, or -1
  std::vector<std::string> pair;   // الطرفان "the two sides": the codes of the two parties it stands for
  bool former = false;             // titled السابق "former": an elite (ELI) unless `date` is in a known term
  int document = -1;               // the word of a document noun it is the author of (قرار مجلس الأمن، بيان
                                   // للجيش): the actor stands where the document stands; -1 when none

  // Returns the code on `date`: a person's role of that date; a former office-holder's country + ELI.
  std::string CodeOn(const Date& date) const;
};

// Returns the code of an actor on `date`: a dictionary person's role of that day (an elite outside every term);
// else `code`, made an elite (ELI) when the title said "former".
std::string ActorCodeOn(const Entity* person, const std::string& code, bool former, const Date& date);

// A trigger found in the sentence.
struct TriggerMention {
  int first = 0, last = 0;   // the trigger words [first, last): the verb or the verbal noun
  int object_first = -1;     // a light verb's object noun [object_first, object_last), else -1
  int object_last = -1;
  uint32_t trigger = 0;      // index into the lexicon's triggers
  bool enclitic = false;     // a noun with a possessive pronoun (استقباله "his receiving"): its subject is elsewhere
  bool negated = false;      // under لم، لن، لا، ما، ليس
  bool anaphoric = false;    // a verbal noun after a demonstrative (هذه المشاورات "these consultations"): told before
  bool future = false;       // announced, not done: سيناقش "will discuss", من المقرر أن يعقد "is due to hold",
                             // تعتزم إرسال "intends to send"
  bool hypothetical = false; // in a condition (إذا هاجمت "if it attacked") or a question
};

// A place name found in the sentence where the text marks a place (place/gazetteer.h), not yet disambiguated.
struct PlaceMention {
  int first = 0, last = 0;          // word range [first, last)
  std::span<const uint32_t> places; // the places the name may denote (lexicon indexes), in the mapped lexicon
};

// A time word or phrase found in the sentence, before resolution.
struct TimeMention {
  int first = 0, last = 0;
  TimeWord::Kind kind = TimeWord::Kind::kWeekday;
  int value = 0;       // weekday, month, or day offset
  int year = 0;        // a year written with a month (أكتوبر من العام 2020), else 0
  int day = 0;         // a day written before a month (27 يوليو), else 0
  int direction = 0;   // -1 الماضي "last", +1 المقبل "next", 0 unmarked (or الجاري "current" for a period)
  char unit = 0;       // kAgo: 'd', 'w', 'm' or 'y' (value is the count)
  bool invalid = false;  // written as a date that cannot be (32 يوليو، 1 يناير 0): resolves to nothing
};

// Names of persons introduced in the article so far: a name's key and its last word's key -> actor.
class ArticleMemory {
 public:
  void Remember(std::string_view name_key, const ActorMention& actor);
  // Returns the actor remembered under `key`, or nullptr.
  const ActorMention* Recall(std::string_view key) const;
  // Notes an actor introduced with a title whose head is `head` (the key of وزير "minister" without the
  // article), so that a later bare الوزير "the minister" is that actor.
  void RememberTitle(std::string_view head, const ActorMention& actor);
  const ActorMention* RecallTitle(std::string_view head) const;
  // Notes the source and target of an event just coded: "the two sides" later refers to them.
  void NoteDyad(const std::string& source, const std::string& target);
  // Returns the two parties of the last event between actors of different countries (empty when none).
  std::vector<std::string> LastTwoParties() const;
  // The country where the article was filed (its dateline), which bare titles take: in a report from Tunis,
  // الشرطة "the police" is the Tunisian police. Empty when unknown.
  void set_home(std::string country) { home_ = std::move(country); }
  const std::string& home() const { return home_; }
  // Notes the last pair of actors coordinated by و, for الأولى "the former" and الثانية "the latter".
  void NotePair(const ActorMention& first, const ActorMention& second) {
    pair_[0] = first;
    pair_[1] = second;
    has_pair_ = true;
  }
  // Returns the first (n = 1) or second (n = 2) of the last pair, or nullptr.
  const ActorMention* PairMember(int n) const { return has_pair_ && (n == 1 || n == 2) ? &pair_[n - 1] : nullptr; }
  // Notes who spoke last (قال الوزير), for a later verb of saying with no subject (وأضاف "he added").
  void NoteSpeaker(const ActorMention& speaker) {
    speaker_ = speaker;
    has_speaker_ = true;
  }
  const ActorMention* LastSpeaker() const { return has_speaker_ ? &speaker_ : nullptr; }

 private:
  KeyMap<ActorMention> names_;
  KeyMap<ActorMention> titles_;
  std::vector<std::string> dyad_;
  ActorMention pair_[2];
  bool has_pair_ = false;
  ActorMention speaker_;
  bool has_speaker_ = false;
  std::string home_;
};

// A verb of saying and who says it: the actor that is its subject in the sentence, or the last speaker of the
// article when it has none (وأضاف "he added").
struct Speech {
  int word = 0;         // the verb
  int actor = -1;       // index into SentenceMentions::actors, or -1 when the speaker is carried over
  ActorMention carried; // the speaker carried from an earlier sentence when actor is -1
};

// A lexicon phrase found at words [first, last), with all its meanings.
struct PhraseMatch {
  int first = 0, last = 0;
  std::span<const LexHit> hits;  // empty: no match
};

// What is known of one written word: its analyses, what the lexicon says of each stem, and its key's hits.
struct WordLookups {
  std::span<const Analysis> analyses;
  std::span<const StemLookup> lookups;  // as many as analyses
  std::span<const LexHit> key_hits;
};

// The lookups of recent Arabic words by their written form: words repeat, so most are found here and not
// segmented and looked up again (that costs several probes of the lexicon's tables, each a cache miss). An
// open-addressing table of one cache line per word, keys inline, that starts small and doubles up to
// kMaxSlots; it belongs to one lexicon (by its instance()), whose hits it points into, and is emptied when
// half full at its largest. FindMentions keeps one per thread.
class WordCache {
 public:
  static constexpr size_t kMaxWordBytes = 43;  // longer words are looked up every time

  // The hash under which `word` is cached (computed once per word, for Prefetch, Find and Add).
  static uint32_t Hash(std::string_view word) { return static_cast<uint32_t>(image::HashKey(word)); }
  // Finds the cached lookups of `word` (whose Hash is `hash`) under `lexicon` into *out; false when not cached.
  // Empties the cache first when it belongs to another lexicon.
  bool Find(uint64_t lexicon, std::string_view word, uint32_t hash, WordLookups* out);
  bool Find(uint64_t lexicon, std::string_view word, WordLookups* out) { return Find(lexicon, word, Hash(word), out); }
  // Starts loading the slot where `word` would be, so that a Find soon after does not wait for memory: a
  // sentence's words are prefetched before they are looked up.
  void Prefetch(std::string_view word, uint32_t hash) const {
    if (!slots_.empty() && word.size() <= kMaxWordBytes) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  // Caches the lookups of `word` (after a Find that missed; copies them); words longer than kMaxWordBytes, or
  // without analyses, are not cached.
  void Add(std::string_view word, uint32_t hash, const WordLookups& lookups);
  void Add(std::string_view word, const WordLookups& lookups) { Add(word, Hash(word), lookups); }

 private:
  static constexpr size_t kMinSlots = 1 << 10, kMaxSlots = 1 << 16;
  struct Slot {
    const LexHit* key_hits;
    uint32_t hash;
    uint32_t from;            // into analyses_ and lookups_
    uint16_t count;           // 0: empty slot
    uint16_t key_hits_count;
    uint8_t length;
    char key[kMaxWordBytes];
  };
  static_assert(sizeof(Slot) == 64);
  void Clear(size_t slots);

  uint64_t lexicon_ = 0;
  size_t used_ = 0;
  std::vector<Slot> slots_;
  std::vector<Analysis> analyses_;
  std::vector<StemLookup> lookups_;
};

// The analysis of one sentence. Reuse one object for many sentences (FindMentions clears it): its vectors
// keep their capacity, so that steady-state analysis allocates nothing per token.
struct SentenceMentions {
  std::vector<Word> words;
  std::string keys;                        // arena of the words' keys
  std::vector<Analysis> analysis_pool;     // arena of the words' analyses
  std::vector<StemLookup> lookup_pool;     // arena of their lookups, parallel to analysis_pool
  struct Scratch {                         // working space of FindMentions, kept for its capacity
    std::vector<Token> tokens;
    std::vector<Analysis> analyses;
    std::vector<StemLookup> lookups;
    std::vector<std::span<const LexHit>> key_hits;
    std::vector<uint32_t> word_hashes;  // WordCache::Hash of each token
    std::vector<size_t> key_at, pool_at;
    std::vector<PhraseMatch> matches;
    std::vector<int> match_at, objects, speech_words;
    std::string key, name;
  } scratch;
  std::vector<ActorMention> actors;     // in text order
  std::vector<TriggerMention> triggers; // in text order
  std::vector<TimeMention> times;       // in text order
  std::vector<int> clause_breaks;       // word indexes that begin a new clause (after , ; : or before حيث ...)
  std::vector<int> relatives;           // word indexes of relative pronouns (الذي، التي)
  std::vector<Speech> speeches;         // verbs of saying whose speaker is known, in text order
  std::vector<PlaceMention> places;     // marked place names (FindPlaces), in text order
  int sport_words = 0;                  // words of sports reporting (النادي، المباراة)
};

// Resolves a phrase to an actor as a sentence of its own would: the actor covering most of it, coded on
// `date`. Returns false when the phrase names no actor. *out gets code, country, roles and name; *entries,
// when not null, the lexicon matches inside the actor (for explanations).
bool ResolveActor(std::string_view phrase, const Lexicon& lexicon, const Date& date, Actor* out,
                  std::vector<std::pair<std::string, LexHit>>* entries = nullptr);

// Finds the mentions of the sentence text[begin, end) of the normalised `text`, using and updating `memory`.
void FindMentions(std::string_view text, size_t begin, size_t end, const Lexicon& lexicon, ArticleMemory* memory,
                  SentenceMentions* out);

}  // namespace rasad

#endif  // RASAD_MENTION_MENTIONS_H_
