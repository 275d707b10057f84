// Finds mentions in one sentence in three passes: segment and key every word; walk the words matching the
// longest lexicon phrase at each position (trying each clitic analysis of the first word, whole-word keys for
// the rest); then compose actors from titles, nationality adjectives, names and dictionary entities, and read
// off the governing preposition of each actor. Article memory lets a surname stand for the person introduced
// earlier. Tested in mentions_test.cc.
#include "mention/mentions.h"

#include <algorithm>
#include <cstring>

#include "lexicon/image.h"
#include "text/normalize.h"

namespace rasad {
namespace {

constexpr size_t kMaxNameWords = 4;  // Arabic names in news: given name, father's, family: rarely more
constexpr int kMaxScopeWords = 24;
constexpr int kMaxFutureAdjectiveGap = 4;  // الاجتماع رفيع المستوى المقبل  // how far an intent, condition or denial reaches when no punctuation ends it
constexpr int kMaxSpeakerGap = 4;  // words between a verb of saying and its subject (a time word, حسب رويترز)
constexpr std::string_view kOrganisationHead = "تنظيم";  // التنظيم "the organisation": the armed group last named
constexpr int kMaxAsideWords = 10;      // words of an aside in brackets a light verb's object may stand after
constexpr int kMaxObjectDistance = 16;  // how far a light verb's object noun may stand (a long title and name between)

using Match = PhraseMatch;  // one lexicon match before composition

const LexHit* FindHit(const Match& m, LexHit::Kind kind) {
  for (const LexHit& h : m.hits) {
    if (h.kind == kind) return &h;
  }
  return nullptr;
}

const FunctionWord* FindFunction(const Match& m, const Lexicon& lex, FunctionClass cls) {
  for (const LexHit& h : m.hits) {
    if (h.kind == LexHit::Kind::kFunction && lex.function_word(h.index).cls == cls) return &lex.function_word(h.index);
  }
  return nullptr;
}

// Beyond two words, a name goes on only with words that do not look like common nouns: a surname rarely
// ends in ة or ات ("فرصة" "opportunity") or opens with a preposition letter ("لتعزيز" "to strengthen").
bool LooksLikeNameWord(std::string_view w) {
  auto ends = [&](std::string_view s) { return w.size() > s.size() && w.substr(w.size() - s.size()) == s; };
  auto starts = [&](std::string_view s) { return w.size() > s.size() && w.substr(0, s.size()) == s; };
  if (ends("ة") || ends("ات")) return false;
  for (std::string_view p : {"ل", "ب", "و", "ف"}) {
    if (starts(p)) return false;
  }
  return true;
}

bool IsConjunction(std::string_view prefix) {
  return !prefix.empty() && (prefix.substr(0, 2) == "و" || prefix.substr(0, 2) == "ف");
}

// Returns the preposition proclitic (ب ل ك) inside a prefix such as "وب", or an empty view.
std::string_view ProcliticPrep(std::string_view prefix) {
  if (IsConjunction(prefix)) prefix.remove_prefix(2);
  if (prefix.size() >= 2) {
    std::string_view p = prefix.substr(0, 2);
    if (p == "ب" || p == "ل" || p == "ك") return p;
  }
  return {};
}

}  // namespace

void WordCache::Clear(size_t slots) {
  slots_.assign(slots, Slot{});
  analyses_.clear();
  lookups_.clear();
  used_ = 0;
}

bool WordCache::Find(uint64_t lexicon, std::string_view word, uint32_t hash, WordLookups* out) {
  if (lexicon != lexicon_ || slots_.empty()) {
    Clear(kMinSlots);
    lexicon_ = lexicon;
  }
  if (word.size() > kMaxWordBytes) return false;
  const size_t mask = slots_.size() - 1;
  for (size_t b = hash & mask;; b = (b + 1) & mask) {
    const Slot& s = slots_[b];
    if (s.count == 0) return false;
    if (s.hash == hash && s.length == word.size() && std::memcmp(s.key, word.data(), word.size()) == 0) {
      out->analyses = std::span<const Analysis>(analyses_.data() + s.from, s.count);
      out->lookups = std::span<const StemLookup>(lookups_.data() + s.from, s.count);
      out->key_hits = std::span<const LexHit>(s.key_hits, s.key_hits_count);
      return true;
    }
  }
}

void WordCache::Add(std::string_view word, uint32_t hash, const WordLookups& w) {
  if (word.size() > kMaxWordBytes || w.analyses.empty() || w.analyses.size() != w.lookups.size() ||
      w.analyses.size() > UINT16_MAX || w.key_hits.size() > UINT16_MAX || slots_.empty()) {
    return;
  }
  if (used_ >= slots_.size() / 2) {  // at most half full, so that probes stay short
    if (slots_.size() >= kMaxSlots) {
      Clear(kMaxSlots);
    } else {  // double: reinsert every word where the larger table puts it
      std::vector<Slot> old(slots_.size() * 2, Slot{});
      old.swap(slots_);
      const size_t mask = slots_.size() - 1;
      for (const Slot& s : old) {
        if (s.count == 0) continue;
        size_t b = s.hash & mask;
        while (slots_[b].count != 0) b = (b + 1) & mask;
        slots_[b] = s;
      }
    }
  }
  const size_t mask = slots_.size() - 1;
  size_t b = hash & mask;
  while (slots_[b].count != 0) b = (b + 1) & mask;
  Slot& s = slots_[b];
  s.key_hits = w.key_hits.data();
  s.hash = hash;
  s.from = static_cast<uint32_t>(analyses_.size());
  s.count = static_cast<uint16_t>(w.analyses.size());
  s.key_hits_count = static_cast<uint16_t>(w.key_hits.size());
  s.length = static_cast<uint8_t>(word.size());
  std::memcpy(s.key, word.data(), word.size());
  analyses_.insert(analyses_.end(), w.analyses.begin(), w.analyses.end());
  lookups_.insert(lookups_.end(), w.lookups.begin(), w.lookups.end());
  ++used_;
}

namespace {

WordCache& ThreadWordCache() {
  thread_local WordCache cache;
  return cache;
}

class SentenceMatcher {
 public:
  SentenceMatcher(std::string_view text, const Lexicon& lex, ArticleMemory* memory, SentenceMentions* out)
      : text_(text),
        lex_(lex),
        memory_(memory),
        out_(out),
        scratch_(out->scratch),
        matches_(out->scratch.matches),
        at_(out->scratch.match_at),
        objects_(out->scratch.objects),
        speech_words_(out->scratch.speech_words) {
    matches_.clear();
    objects_.clear();
    speech_words_.clear();
  }

  void Run(size_t begin, size_t end) {
    Segment(begin, end);
    MatchPhrases();
    Compose();
    DropAdverbialBreaks();
    Govern();
    FindSpeakers();
  }

  // The speaker of each verb of saying: its subject after it (قال الوزير), else right before it (الوزير قال),
  // else, for a sentence that opens with it (وأضاف "he added"), the article's last speaker.
  void FindSpeakers() {
    const std::vector<ActorMention>& actors = out_->actors;
    for (int w : speech_words_) {
      Speech speech;
      speech.word = w;
      for (size_t a = 0; a < actors.size(); ++a) {
        const ActorMention& actor = actors[a];
        const bool after = actor.first > w && actor.first - w <= kMaxSpeakerGap;
        const bool before = actor.last == w || actor.last == w - 1;
        if ((after || before) && actor.prep.empty() && !actor.place && !actor.aside && actor.pair.empty() &&
            (!actor.code.empty() || actor.person != nullptr || !actor.roles.empty())) {
          speech.actor = static_cast<int>(a);
          if (after) break;
        }
        if (actor.first > w) break;
      }
      if (speech.actor >= 0) {
        memory_->NoteSpeaker(actors[speech.actor]);
      } else if (const ActorMention* last = memory_->LastSpeaker();
                 last != nullptr && (w <= 1 || out_->words[w - 1].kind == TokenKind::kPunct)) {
        // وأضاف "he added" opening a sentence or a clause: the last speaker goes on.
        speech.carried = *last;
        speech.carried.first = w;
        speech.carried.last = w + 1;
        speech.carried.coord_next = -1;
        speech.carried.prep.clear();
        speech.carried.outer_prep.clear();
        speech.carried.document = -1;
      } else {
        continue;
      }
      out_->speeches.push_back(std::move(speech));
    }
  }

  // Commas around a time adverb do not end the clause: استقبل ولي العهد، أمس، وزير الدفاع.
  void DropAdverbialBreaks() {
    std::vector<int>& breaks = out_->clause_breaks;
    size_t kept = 0;
    for (size_t b = 0; b < breaks.size(); ++b) {
      if (b + 1 < breaks.size() && IsPunct(breaks[b] - 1) && IsPunct(breaks[b + 1] - 1) &&
          OnlyTime(breaks[b], breaks[b + 1] - 1)) {
        ++b;  // drop this break and the one that closes the adverb
        continue;
      }
      breaks[kept++] = breaks[b];
    }
    breaks.resize(kept);
  }

  // أكثر من، أقل من، ما يزيد على، ما لا يقل عن: a comparative before a count.
  static bool IsComparative(const Word& w) {
    const std::string_view k = w.key;
    return k == "اكثر" || k == "اقل" || k == "يزيد" || k == "يقل" || k == "تزيد" || k == "تقل";
  }

  bool IsPunct(int w) const { return w >= 0 && out_->words[w].kind == TokenKind::kPunct; }

  bool OnlyTime(int from, int to) const {
    if (from >= to) return false;
    for (int w = from; w < to; ++w) {
      bool in_time = false;
      for (const TimeMention& t : out_->times) in_time = in_time || (w >= t.first && w < t.last);
      if (!in_time) return false;
    }
    return true;
  }

 private:
  std::string_view Surface(const Word& w) const { return text_.substr(w.begin, w.end - w.begin); }

  // Tokenises and segments the sentence into the arenas of *out_: keys first (MatchKey keeps byte lengths,
  // so the arena, reserved to the sentence's size, never moves), then analyses, then the views into both.
  void Segment(size_t begin, size_t end) {
    std::vector<Token>& tokens = scratch_.tokens;
    tokens.clear();  // Tokenize appends
    Tokenize(text_, begin, end, &tokens);
    std::string& keys = out_->keys;
    keys.reserve(end - begin);
    Vocabulary known = [this](std::string_view key) { return lex_.Known(key); };
    std::vector<size_t>& key_at = scratch_.key_at;
    std::vector<size_t>& pool_at = scratch_.pool_at;
    std::vector<std::span<const LexHit>>& key_hits = scratch_.key_hits;
    key_at.assign(tokens.size(), 0);
    pool_at.assign(tokens.size() + 1, 0);
    key_hits.resize(tokens.size());
    const WordCache& cache = ThreadWordCache();
    std::vector<uint32_t>& hashes = scratch_.word_hashes;
    hashes.resize(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].kind != TokenKind::kWord || !tokens[i].arabic) continue;
      const std::string_view surface = text_.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
      hashes[i] = WordCache::Hash(surface);
      cache.Prefetch(surface, hashes[i]);
    }
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      std::string_view surface = text_.substr(t.begin, t.end - t.begin);
      key_at[i] = keys.size();
      AppendMatchKey(surface, &keys);
      pool_at[i] = out_->analysis_pool.size();
      std::string_view key(keys.data() + key_at[i], keys.size() - key_at[i]);
      if (t.kind == TokenKind::kWord && t.arabic) {
        key_hits[i] = AppendAnalyses(surface, hashes[i], key, known);
      } else {
        out_->analysis_pool.push_back(Analysis::Make("", key, "", false));
        if (t.kind == TokenKind::kWord) {
          key_hits[i] = lex_.Find(key);
          out_->lookup_pool.push_back({key_hits[i], lex_.HasLonger(key)});
        } else {
          key_hits[i] = {};
          out_->lookup_pool.push_back({});
        }
      }
    }
    pool_at[tokens.size()] = out_->analysis_pool.size();
    out_->words.resize(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      Word& w = out_->words[i];
      w = Word();
      w.begin = tokens[i].begin;
      w.end = tokens[i].end;
      w.kind = tokens[i].kind;
      w.arabic = tokens[i].arabic;
      const size_t key_end = i + 1 < tokens.size() ? key_at[i + 1] : keys.size();
      w.key = std::string_view(keys.data() + key_at[i], key_end - key_at[i]);
      w.analyses = std::span<const Analysis>(out_->analysis_pool.data() + pool_at[i], pool_at[i + 1] - pool_at[i]);
      w.lookups = std::span<const StemLookup>(out_->lookup_pool.data() + pool_at[i], pool_at[i + 1] - pool_at[i]);
      w.key_hits = key_hits[i];
    }
  }

  // Appends the analyses of an Arabic word and their lookups to the sentence's pools, from the word cache when
  // it has them; returns the hits of the word's key.
  std::span<const LexHit> AppendAnalyses(std::string_view surface, uint32_t hash, std::string_view key,
                                         const Vocabulary& known) {
    WordCache& cache = ThreadWordCache();
    WordLookups found;
    if (!cache.Find(lex_.instance(), surface, hash, &found)) {
      rasad::Segment(surface, known, &scratch_.analyses);
      std::vector<StemLookup>& lookups = scratch_.lookups;
      lookups.clear();
      for (const Analysis& a : scratch_.analyses) lookups.push_back({lex_.Find(a.stem()), lex_.HasLonger(a.stem())});
      found = {scratch_.analyses, lookups, lex_.Find(key)};
      cache.Add(surface, hash, found);
    }
    out_->analysis_pool.insert(out_->analysis_pool.end(), found.analyses.begin(), found.analyses.end());
    out_->lookup_pool.insert(out_->lookup_pool.end(), found.lookups.begin(), found.lookups.end());
    return found.key_hits;
  }

  // Longest match at each position; a match may start with any clitic analysis of its first word.
  void MatchPhrases() {
    std::vector<Word>& words = out_->words;
    const int n = static_cast<int>(words.size());
    at_.assign(n, -1);
    std::string& key = scratch_.key;
    for (int i = 0; i < n;) {
      Match best;
      int best_analysis = 0;
      if (words[i].kind == TokenKind::kWord) {
        for (size_t a = 0; a < words[i].analyses.size(); ++a) {
          int j = i + 1;
          while (true) {
            // The first word's lookups were made once, when it was segmented.
            const std::span<const LexHit> hits = j == i + 1 ? words[i].lookups[a].hits : lex_.Find(key);
            if (!hits.empty() && j - i > best.last - best.first &&
                !(j == i + 1 && !words[i].analyses[a].suffix().empty() && OnlyNames(hits))) {
              // A name takes no possessive pronoun: واتهم is "and accused", not وات "TAP" + هم "their".
              best = {i, j, hits};
              best_analysis = static_cast<int>(a);
            }
            if (j >= n || words[j].kind != TokenKind::kWord ||
                !(j == i + 1 ? words[i].lookups[a].longer : lex_.HasLonger(key))) {
              break;
            }
            if (j == i + 1) key = words[i].analyses[a].stem();  // the phrase's key, built only when it goes on
            key += ' ';
            key += words[j].key;
            ++j;
          }
        }
      }
      if (best.hits.empty()) {
        ++i;
        continue;
      }
      words[i].chosen = best_analysis;
      for (int k = best.first; k < best.last; ++k) words[k].matched = true;
      at_[i] = static_cast<int>(matches_.size());
      matches_.push_back(best);
      i = best.last;
    }
  }

  static bool OnlyNames(std::span<const LexHit> hits) {
    for (const LexHit& h : hits) {
      if (h.kind != LexHit::Kind::kEntity) return false;
    }
    return true;
  }

  const Match* MatchAt(int i) const {
    return i >= 0 && i < static_cast<int>(at_.size()) && at_[i] >= 0 ? &matches_[at_[i]] : nullptr;
  }

  // Returns whether the match ending right before word i (it may span several words) is a function word of `cls`.
  bool FindFunctionAt(int i, FunctionClass cls) const {
    for (int b = i; b >= 0 && b >= i - 3; --b) {
      if (const Match* m = MatchAt(b); m != nullptr) return m->last == i + 1 && FindFunction(*m, lex_, cls) != nullptr;
    }
    return false;
  }

  // Returns whether word i stands right after a preposition, written as a word (على) or a proclitic (ب، ل):
  // no finite verb can, so a verb's spelling there is its verbal noun.
  bool AfterPreposition(int i) const {
    if (!ProcliticPrep(out_->words[i].analysis().prefix()).empty()) return true;
    for (int b = i - 1; b >= 0 && b >= i - 3; --b) {
      if (const Match* m = MatchAt(b); m != nullptr) {
        return m->last == i && (FindFunction(*m, lex_, FunctionClass::kPrep) != nullptr ||
                                FindFunction(*m, lex_, FunctionClass::kPlacePrep) != nullptr);  // في قتل
      }
    }
    return false;
  }

  // Skips modifier words (السابق "former") from position j; returns the new position. Sets *former when one
  // of them says "former".
  int SkipModifiers(int j, bool* former = nullptr) const {
    while (const Match* m = MatchAt(j)) {
      const FunctionWord* f = FindFunction(*m, lex_, FunctionClass::kModifier);
      if (f == nullptr) break;
      if (former != nullptr && f->value == "former") *former = true;
      j = m->last;
    }
    return j;
  }

  // Adds `known`, an actor met earlier in the article, at words [first, last): what governs it here is read
  // afresh by Govern(), so every per-occurrence field is reset.
  void AddRecalled(const ActorMention& known, int first, int last) {
    ActorMention actor = known;
    actor.first = first;
    actor.last = last;
    actor.prep.clear();
    actor.outer_prep.clear();
    actor.place = actor.conj = actor.aside = false;
    actor.coord_next = -1;
    actor.document = -1;
    out_->actors.push_back(std::move(actor));
    pos_ = last;
  }

  // Returns whether a dictionary person starts at word j.
  bool StartsPerson(int j) const {
    const Match* m = MatchAt(j);
    const LexHit* h = m ? FindHit(*m, LexHit::Kind::kEntity) : nullptr;
    return h != nullptr && lex_.entity(h->index).kind == Entity::Kind::kPerson;
  }

  // Reads a name of unknown words from position j: Arabic words that no dictionary knows, with no
  // conjunction or preposition cut off them. Returns its end (j when there is none).
  int ReadName(int j) const {
    const std::vector<Word>& words = out_->words;
    int k = j;
    while (k < static_cast<int>(words.size()) && static_cast<size_t>(k - j) < kMaxNameWords) {
      const Word& w = words[k];
      // A dictionary person's surname after another given name is someone else's surname: أحمد الصحاف, the
      // ministry's spokesman, is not Mohammed Saeed al-Sahhaf.
      const bool other_surname = k > j && w.matched && SurnameOnly(k);
      if (w.kind != TokenKind::kWord || (w.matched && !other_surname) || !w.analysis().prefix().empty()) break;
      if (k == j && w.analysis().has_article()) break;  // a name does not open with the article
      // A light verb's object is no name (فتح مدع بالمحكمة تحقيقا "a prosecutor at the court opened an inquiry").
      if (std::find(objects_.begin(), objects_.end(), k) != objects_.end()) break;
      if (k > j && !w.analysis().suffix().empty()) break;
      if (k - j >= 2 && !LooksLikeNameWord(Surface(w))) break;
      ++k;
    }
    // A one-word "name" opening with a preposition or conjunction letter is far more often a noun with its
    // proclitic (الرئيس الفرنسي بقرار "the French president, by a decision") than a surname alone.
    if (k == j + 1) {
      std::string_view w = Surface(words[j]);
      for (std::string_view p : {"ب", "ل", "و", "ف", "ك"}) {
        if (w.substr(0, p.size()) == p) return j;
      }
    }
    return k;
  }

  // Returns whether word k alone is matched as a dictionary person (a surname form such as الصحاف).
  bool SurnameOnly(int k) const {
    const Match* m = MatchAt(k);
    if (m == nullptr || m->last != k + 1) return false;
    const LexHit* h = FindHit(*m, LexHit::Kind::kEntity);
    return h != nullptr && lex_.entity(h->index).kind == Entity::Kind::kPerson;
  }

  // Returns the key of the name in words [first, last), built in scratch space (valid until the next call).
  std::string_view NameKey(int first, int last) {
    std::string& key = scratch_.name;
    key.clear();
    for (int k = first; k < last; ++k) {
      if (!key.empty()) key += ' ';
      key += out_->words[k].key;
    }
    return key;
  }

  std::string NameText(int first, int last) const {
    if (first >= last) return "";
    return std::string(text_.substr(out_->words[first].begin, out_->words[last - 1].end - out_->words[first].begin));
  }

  // Completes an actor that begins with a title: nationality, qualifier, name. `country` may already be set
  // by a construct (وزير خارجية الجزائر).
  void ComposeTitled(int first, int j, const Agent& agent, std::string country, std::string code) {
    const std::vector<Word>& words = out_->words;
    const int n = static_cast<int>(words.size());
    bool former = false;
    j = SkipModifiers(j, &former);
    if (country.empty()) {
      // The nationality may follow the rest of a long title: وزارة الصحة العامة والسكان اليمنية.
      for (int k = j; k < n && k <= j + 3; ++k) {
        const Word& w = words[k];
        if (const Match* m = MatchAt(k); m != nullptr) {
          // A nationality joined by و belongs to another (بطائرة مسيرة والسعودية "with a drone, and Saudi Arabia").
          if (k == j && IsConjunction(w.analysis().prefix()) && FindHit(*m, LexHit::Kind::kEntity)) break;
          if (const LexHit* h = FindHit(*m, LexHit::Kind::kNisba)) {
            country = lex_.nisba(h->index).country;
            j = SkipModifiers(m->last, &former);
            break;
          }
          // A broken plural of the people agrees with a plural title: المتظاهرون المغاربة "Moroccan protesters".
          if (const LexHit* h = FindHit(*m, LexHit::Kind::kEntity);
              h != nullptr && k == j && lex_.entity(h->index).kind == Entity::Kind::kPeople) {
            country = lex_.entity(h->index).tenures.back().code.substr(0, 3);
            j = SkipModifiers(m->last, &former);
            break;
          }
          // A conjoined word of the title (والسكان "and Population") may be a known word elsewhere.
          if (m->last == k + 1 && w.key.rfind("وال", 0) == 0 && !FindHit(*m, LexHit::Kind::kEntity) &&
              !FindHit(*m, LexHit::Kind::kTrigger)) {
            continue;
          }
          break;
        }
        if (w.kind != TokenKind::kWord || !(w.analysis().has_article() || w.key.rfind("وال", 0) == 0)) break;
      }
    }
    // A rank or second title right before the name: رئيس المخابرات العامة المصرية اللواء حسن رشاد. Not a
    // title with a pronoun (نظيره "his counterpart" is someone else) nor one that no name follows.
    if (const Match* m = MatchAt(j); m != nullptr) {
      if (const LexHit* h = FindHit(*m, LexHit::Kind::kAgent);
          h != nullptr && lex_.agent(h->index).kind == Agent::Kind::kPerson && !country.empty() &&
          words[m->last - 1].analysis().suffix().empty() && (ReadName(m->last) > m->last || StartsPerson(m->last))) {
        j = SkipModifiers(m->last);
      }
    }
    // لشؤون الشرق الأوسط "for Middle East affairs": the portfolio, written with the article, is no name.
    if (const Match* m = MatchAt(j); m != nullptr && FindFunction(*m, lex_, FunctionClass::kQualifier)) {
      j = m->last;
      while (j < n && words[j].kind == TokenKind::kWord && (words[j].analysis().has_article() ||
                                                            words[j].key.rfind("وال", 0) == 0)) {
        j = MatchAt(j) ? MatchAt(j)->last : j + 1;
      }
    }
    ActorMention actor;
    actor.first = first;
    actor.former = former;
    const std::string_view head = StripArticle(words[first].analysis().stem());
    const bool bare = country.empty() && code.empty() && ReadName(j) == j &&
                      !(MatchAt(j) && FindHit(*MatchAt(j), LexHit::Kind::kEntity));
    if (bare && agent.kind == Agent::Kind::kPerson) {
      // وأضاف الوزير "the minister added": the minister introduced earlier in the article.
      if (const ActorMention* known = memory_->RecallTitle(head)) {
        AddRecalled(*known, first, j);
        return;
      }
    }
    if (country.empty() && code.empty() && agent.kind != Agent::Kind::kPerson && first > 0) {
      // A bare body word right after a definite noun is its adjective: العلاقات الدبلوماسية "diplomatic
      // relations", القوات البحرية "naval forces" are no body of their own.
      const Word& before = words[first - 1];
      const bool in_actor = !out_->actors.empty() && out_->actors.back().last == first;
      if (before.kind == TokenKind::kWord && before.arabic && !in_actor && before.analysis().has_article() &&
          words[first].analysis().prefix().empty() && words[first].analysis().has_article()) {
        pos_ = j;
        return;
      }
    }
    if (country.empty() && code.empty() && agent.kind == Agent::Kind::kWeapon) {  // طائرات with no nationality
      pos_ = j;
      return;
    }
    if (country.empty() && code.empty() && agent.kind == Agent::Kind::kLand) {
      // المملكة "the kingdom", البلاد "the country": the article's country, known when the event is settled.
      ActorMention actor;
      actor.first = first;
      actor.last = j;
      actor.land = true;
      out_->actors.push_back(std::move(actor));
      pos_ = j;
      return;
    }
    if (country.empty() && code.empty() && agent.roles.empty()) {  // أهداف "targets" with no nationality: no actor
      pos_ = j;
      return;
    }
    // A bare person's title takes the dateline's country now (its name is remembered with it); a body's country
    // is settled with the event, where one joined to it by و may tell better (المجلس الأعلى للدولة ومجلس النواب).
    if (country.empty() && code.empty() && agent.kind == Agent::Kind::kPerson) country = memory_->home();
    if (!country.empty() && code.empty()) code = country + agent.roles;
    actor.code = code;
    if (!country.empty()) actor.name = lex_.CountryName(country);
    int name_end = j;
    if (agent.kind == Agent::Kind::kPerson) {
      if (const Match* m = MatchAt(j); m != nullptr) {
        if (const LexHit* h = FindHit(*m, LexHit::Kind::kEntity);
            h != nullptr && lex_.entity(h->index).kind == Entity::Kind::kPerson) {
          actor.person = &lex_.entity(h->index);
          actor.name = actor.person->name;
          name_end = m->last;
        }
      } else {
        name_end = ReadName(j);
        // A name already known as someone else is the object, not this title's name:
        // استقبل وزير الخارجية الجزائري هود "the Algerian foreign minister received Hood".
        for (int k = j; k < name_end; ++k) {
          if (memory_->Recall(NameKey(j, k + 1)) != nullptr || memory_->Recall(words[k].key) != nullptr) {
            name_end = k;
            break;
          }
        }
        if (name_end > j) {
          // A surname alone may already be known from earlier in the article.
          actor.name = NameText(j, name_end);
          if (actor.code.empty()) {
            if (const ActorMention* known = memory_->Recall(NameKey(j, name_end))) {
              actor.code = known->code;
              actor.person = known->person;
            }
          }
        }
      }
    }
    actor.last = name_end;
    actor.individual = agent.kind == Agent::Kind::kPerson;
    if (actor.code.empty()) actor.roles = agent.roles;
    if (name_end > j && actor.person == nullptr && !actor.code.empty()) {
      memory_->Remember(NameKey(j, name_end), actor);
      if (name_end - j > 1) memory_->Remember(words[name_end - 1].key, actor);
    }
    if (actor.person != nullptr) RememberPerson(actor, actor.first);
    if (!bare && agent.kind == Agent::Kind::kPerson && (!actor.code.empty() || actor.person != nullptr)) {
      memory_->RememberTitle(head, actor);
    }
    out_->actors.push_back(std::move(actor));
    pos_ = out_->actors.back().last;
  }

  void RememberPerson(const ActorMention& actor, int from) {
    // Persons of the dictionary are found by every listed form already; their surname is remembered too.
    const Match* m = nullptr;
    for (int k = from; k < actor.last; ++k) {
      if ((m = MatchAt(k)) != nullptr && FindHit(*m, LexHit::Kind::kEntity)) break;
      m = nullptr;
    }
    if (m != nullptr && m->last - m->first > 1) {
      memory_->Remember(out_->words[m->last - 1].key, actor);
      // A compound surname: عادل عبد المهدي -> عبد المهدي; خالد آل خليفة -> آل خليفة.
      const std::string_view before = out_->words[m->last - 2].key;
      if (m->last - m->first > 2 && (before == "عبد" || before == "ابو" || before == "ال" || before == "بن")) {
        memory_->Remember(NameKey(m->last - 2, m->last), actor);
      }
    }
  }

  void AddEntityActor(const Match& m, const Entity& e) {
    ActorMention actor;
    actor.first = m.first;
    actor.last = m.last;
    actor.name = e.name;
    if (e.kind == Entity::Kind::kPerson) {
      actor.person = &e;
      actor.individual = true;
      RememberPerson(actor, m.first);
    } else {
      actor.code = e.tenures.back().code;
      actor.geo = e.kind == Entity::Kind::kCountry || e.kind == Entity::Kind::kCapital;
      actor.org = e.kind == Entity::Kind::kOrg;
      // An armed group with no country (داعش، القاعدة) is later "the organisation" (التنظيم المتطرف).
      if (actor.org && actor.code.compare(0, 3, "IMG") == 0) memory_->RememberTitle(kOrganisationHead, actor);
    }
    out_->actors.push_back(std::move(actor));
    pos_ = m.last;
  }

  // The word before which the clause of word `w` ends: the next punctuation (quotes aside) or a subordinator,
  // at most kMaxScopeWords on.
  int ClauseLimit(int w) const {
    const std::vector<Word>& words = out_->words;
    const int n = static_cast<int>(words.size());
    for (int k = w; k < n && k < w + kMaxScopeWords; ++k) {
      if (words[k].kind == TokenKind::kPunct && Surface(words[k])[0] != '"') return k;
    }
    return std::min(n, w + kMaxScopeWords);
  }

  void AddTrigger(const Match& m, const LexHit& h) {
    const Trigger& t = lex_.trigger(h.index);
    if (t.pos == Trigger::Pos::kVerb && AfterPreposition(m.first)) return;  // على عقد "on holding": a noun
    // A verb takes "me" as ني, never ي: داني is a name (داني دانون), not دان "condemned" + "my".
    if (t.pos == Trigger::Pos::kVerb && out_->words[m.last - 1].analysis().suffix() == "ي") return;
    TriggerMention tm;
    tm.first = m.first;
    tm.last = m.last;
    tm.trigger = h.index;
    const Word& head = out_->words[m.last - 1];
    tm.enclitic = t.pos == Trigger::Pos::kNoun && !head.analysis().suffix().empty();
    tm.negated = m.first <= negate_until_ || m.first <= deny_until_;
    if (t.pos == Trigger::Pos::kVerb) {
      std::string_view prefix = out_->words[m.first].analysis().prefix();
      if (IsConjunction(prefix)) prefix.remove_prefix(2);
      tm.future = m.first <= future_until_ || prefix.substr(0, 2) == "س";  // سـ "will"
    }
    tm.future = tm.future || m.first <= intent_until_;
    if (t.pos == Trigger::Pos::kNoun) {
      // الاجتماع المقبل "the next meeting", القمة المقبلة: a meeting to come (an adjective or two may stand between).
      const std::vector<Word>& words = out_->words;
      for (int k = m.last; k < static_cast<int>(words.size()) && k < m.last + kMaxFutureAdjectiveGap; ++k) {
        if (words[k].kind != TokenKind::kWord) break;
        const Match* a = MatchAt(k);
        if (a != nullptr && FindFunction(*a, lex_, FunctionClass::kFuture)) {
          tm.future = true;
          break;
        }
      }
    }
    tm.hypothetical = m.first <= hypothetical_until_ || question_;
    tm.anaphoric = t.pos == Trigger::Pos::kNoun && m.first == demonstrative_at_ + 1;
    if (!t.objects.empty()) {
      // A light verb is an event only with its object noun: عقد اجتماعا "held a meeting".
      const std::vector<Word>& words = out_->words;
      int found = -1;
      for (int k = m.last; k < static_cast<int>(words.size()) && k < m.last + kMaxObjectDistance; ++k) {
        // A long subject may stand between, set off by commas (أجرى الوزير فلان، الاثنين، مباحثات) or with an
        // aside in brackets (نفذت جبهة النصرة (ذراع القاعدة في سورية) حكم الإعدام).
        if (words[k].kind == TokenKind::kPunct && Surface(words[k]) == "(") {
          int close = k + 1;
          while (close < static_cast<int>(words.size()) && close < k + kMaxAsideWords && Surface(words[close]) != ")") {
            ++close;
          }
          if (close < static_cast<int>(words.size()) && Surface(words[close]) == ")") {
            k = close;
            continue;
          }
        }
        if (words[k].kind == TokenKind::kPunct && Surface(words[k]) != ",") break;
        // The object belongs to this verb's clause: a relative pronoun, a subordinator or another trigger ends
        // the search (نشر أنصار داعش صورة ... الذي نفذ الهجوم داخل مسجد قوات الطوارئ).
        if (const Match* other = MatchAt(k); other != nullptr && k > m.last &&
            (FindFunction(*other, lex_, FunctionClass::kRelative) || FindFunction(*other, lex_, FunctionClass::kClauseBreak))) {
          break;
        }
        for (const Analysis& a : words[k].analyses) {
          std::string_view stem = StripArticle(a.stem());
          if (std::find(t.objects.begin(), t.objects.end(), stem) != t.objects.end()) found = k;
          // The indefinite accusative: عقد اجتماعا "held a meeting".
          if (stem.size() > 6 && stem.substr(stem.size() - 2) == "ا" &&
              std::find(t.objects.begin(), t.objects.end(), stem.substr(0, stem.size() - 2)) != t.objects.end()) {
            found = k;
          }
        }
        if (found >= 0) break;
        if (const Match* other = MatchAt(k); other != nullptr && FindHit(*other, LexHit::Kind::kTrigger)) break;
      }
      if (found < 0) return;
      tm.object_first = found;
      tm.object_last = found + 1;
      objects_.push_back(found);
    }
    out_->triggers.push_back(tm);
  }

  // The direction a period or year word takes from the word after it (الماضي، المقبل، الجاري) or before it
  // (مطلع "the start of", هذا "this"): -1, +1 or 0; kNoDirection when nothing makes it a date. Sets *end past a
  // word after it.
  static constexpr int kNoDirection = 2;
  int PeriodDirection(int first, int last, int* end) const {
    *end = last;
    if (const Match* d = MatchAt(last); d != nullptr) {
      if (FindFunction(*d, lex_, FunctionClass::kPast)) return *end = d->last, -1;
      if (FindFunction(*d, lex_, FunctionClass::kFuture)) return *end = d->last, 1;
      if (FindFunction(*d, lex_, FunctionClass::kCurrent)) return *end = d->last, 0;
    }
    for (int b = first - 1; b >= 0 && b >= first - 2; --b) {
      if (const Match* e = MatchAt(b); e != nullptr && e->last == first &&
          (FindFunction(*e, lex_, FunctionClass::kPeriodEdge) || FindFunction(*e, lex_, FunctionClass::kDemonstrative))) {
        return 0;
      }
    }
    return kNoDirection;
  }

  void AddTime(const Match& m, const TimeWord& tw) {
    const std::vector<Word>& words = out_->words;
    const int n = static_cast<int>(words.size());
    TimeMention t;
    t.first = m.first;
    t.last = m.last;
    t.kind = tw.kind;
    t.value = tw.value;
    if (tw.kind == TimeWord::Kind::kPeriod) {
      // الشهر الماضي "last month", الأسبوع الجاري "this week"; a bare الشهر is no date.
      int end = m.last;
      t.direction = PeriodDirection(m.first, m.last, &end);
      pos_ = end;
      if (t.direction == kNoDirection) return;
      t.last = end;
      out_->times.push_back(t);
      return;
    }
    const bool month = tw.kind == TimeWord::Kind::kMonth || tw.kind == TimeWord::Kind::kHijriMonth;
    if (month && m.first > 0 && words[m.first - 1].kind == TokenKind::kNumber) {
      // 27 يوليو: the day before the month; a number that is no day makes no date (32 يوليو).
      const std::string_view digits = words[m.first - 1].key;
      const int day = std::atoi(std::string(digits).c_str());
      if (day >= 1 && day <= 31 && digits.size() <= 2) t.day = day;
      else t.invalid = true;
      t.first = m.first - 1;
    } else if (month && m.first >= 2 && words[m.first - 1].key == "من") {
      // الخامس من حزيران "the fifth of June", الحادي والعشرين من يوليو: an ordinal of one to three words.
      for (int b = m.first - 2; b >= 0 && b >= m.first - 4; --b) {
        const Match* o = MatchAt(b);
        if (o == nullptr || o->last != m.first - 1) continue;
        if (const FunctionWord* f = FindFunction(*o, lex_, FunctionClass::kOrdinalDay)) {
          t.day = std::atoi(f->value.c_str());
          t.first = b;
        }
        break;
      }
    }
    int j = m.last;
    // A second name of the same month: يوليو/تموز.
    if (j + 1 < n && Surface(words[j]) == "/") {
      if (const Match* other = MatchAt(j + 1); other != nullptr && FindHit(*other, LexHit::Kind::kTime)) j = other->last;
    }
    // A year: أكتوبر 2020، أكتوبر من العام 2020، أكتوبر عام 2020
    int k = j;
    if (k < n && words[k].key == "من") ++k;
    if (const Match* y = MatchAt(k); y != nullptr && FindFunction(*y, lex_, FunctionClass::kYearWord)) k = y->last;
    if (month && k < n && words[k].kind == TokenKind::kNumber) {
      const std::string_view digits = words[k].key;
      if (digits.size() == 4) t.year = std::atoi(std::string(digits).c_str());
      else if (k == j) t.invalid = true;  // 1 يناير 0: a year that cannot be
      j = k + 1;
      // The era after the year: 2021م، 1442هـ
      if (j < n && (words[j].key == "م" || words[j].key == "ه" || words[j].key == "هـ")) ++j;
    } else if (const Match* d = MatchAt(j); d != nullptr) {
      if (FindFunction(*d, lex_, FunctionClass::kPast)) t.direction = -1, j = d->last;
      else if (FindFunction(*d, lex_, FunctionClass::kFuture)) t.direction = 1, j = d->last;
    }
    // A Hijri month is a date only with its day or year: رمضان alone is a name, or the month in general.
    if (tw.kind == TimeWord::Kind::kHijriMonth && t.day == 0 && t.year == 0) {
      pos_ = m.last;
      return;
    }
    t.last = j;
    out_->times.push_back(t);
    pos_ = j;
  }

  // قبل يومين "two days ago", منذ ثلاثة أسابيع "three weeks ago", قبل عام "a year ago": the words after
  // قبل / منذ at `i`. Returns whether they made a time mention.
  bool AddAgo(int i) {
    const std::vector<Word>& words = out_->words;
    const int n = static_cast<int>(words.size());
    int j = i + 1, count = 0;
    if (j < n && words[j].kind == TokenKind::kNumber && words[j].key.size() <= 2) {
      count = std::atoi(std::string(words[j].key).c_str());
      ++j;
    } else if (const Match* num = MatchAt(j); num != nullptr) {
      if (const FunctionWord* f = FindFunction(*num, lex_, FunctionClass::kNumber)) {
        count = std::atoi(f->value.c_str());
        j = num->last;
      }
    }
    const Match* u = MatchAt(j);
    if (u == nullptr) return false;
    char unit = 0;
    int unit_count = 0;
    if (const FunctionWord* f = FindFunction(*u, lex_, FunctionClass::kUnit)) {
      unit = f->value[0];
      unit_count = f->value.size() > 1 ? std::atoi(f->value.c_str() + 1) : 0;
    } else if (FindFunction(*u, lex_, FunctionClass::kYearWord) && count == 0 && u->last - u->first == 1 &&
               !words[j].analysis().has_article() &&
               !(u->last < n && words[u->last].kind == TokenKind::kNumber)) {  // منذ عام 2011: the year named
      unit = 'y';  // قبل عام "a year ago", منذ سنة
      unit_count = 1;
    }
    if (unit == 0) return false;
    if (count == 0) count = unit_count;            // يومين "two days", يوم "a day"
    else if (unit_count > 1) return false;         // ثلاثة يومين: no such phrase
    if (count <= 0 || count > 100) return false;
    // منذ عامين "for two years" may also mean a span; the start of it is still its date.
    TimeMention t;
    t.first = i;
    t.last = u->last;
    t.kind = TimeWord::Kind::kAgo;
    t.value = count;
    t.unit = unit;
    out_->times.push_back(t);
    pos_ = u->last;
    return true;
  }

  void Compose() {
    const std::vector<Word>& words = out_->words;
    const int n = static_cast<int>(words.size());
    // A sentence that ends with a question mark (quotes aside) asks; it tells no event.
    for (int k = n - 1; k >= 0 && words[k].kind == TokenKind::kPunct; --k) {
      const std::string_view p = Surface(words[k]);
      if (p == "?" || p == "؟") question_ = true;
      if (p != "\"" && p != "." && p != "?" && p != "؟" && p != ")") break;
    }
    for (pos_ = 0; pos_ < n;) {
      const int i = pos_;
      const Match* m = MatchAt(i);
      if (m == nullptr) {
        if (words[i].kind == TokenKind::kPunct) {
          char c = Surface(words[i])[0];
          // Quotation marks are no clause limit: Arabic news quotes names and terms (مؤتمر «برلين 2»).
          // Nor are brackets, which hold asides: اتهمت قوات الدعم السريع بقيادة دقلو (حميدتي) الجيش.
          if (c == ',' || c == ';' || c == ':' || c == '-') {
            out_->clause_breaks.push_back(i + 1);
          }
        } else if (words[i].kind == TokenKind::kWord && words[i].arabic) {
          if (AddHeadOf(i)) continue;
          RecallName(i);
          if (pos_ > i) continue;
        }
        ++pos_;
        continue;
      }
      if (std::find(objects_.begin(), objects_.end(), i) != objects_.end()) {  // consumed by a light verb
        pos_ = m->last;
        continue;
      }
      if (const LexHit* h = FindHit(*m, LexHit::Kind::kEntity)) {
        AddEntityActor(*m, lex_.entity(h->index));
        continue;
      }
      // A word that is both a title and a verb (طالب "student" / "demanded") is the verb when it opens its
      // clause: Arabic news puts the verb first.
      const LexHit* verb = FindHit(*m, LexHit::Kind::kTrigger);
      const bool opens_clause = i == 0 || words[i - 1].kind == TokenKind::kPunct ||
                                IsConjunction(words[i].analysis().prefix());
      if (verb != nullptr && lex_.trigger(verb->index).pos == Trigger::Pos::kVerb && opens_clause &&
          FindHit(*m, LexHit::Kind::kAgent) != nullptr) {
        size_t before = out_->triggers.size();
        AddTrigger(*m, *verb);
        if (out_->triggers.size() > before) {
          pos_ = m->last;
          continue;
        }
      }
      if (const LexHit* h = FindHit(*m, LexHit::Kind::kAgent)) {
        if (m->last == i + 1 && AddHeadOf(i)) continue;  // رئيسها "its head"
        {
          // Titles in apposition, the last with the nationality: نائب رئيس مجلس الوزراء وزير الخارجية الكويتي.
          int j = m->last;
          const Agent* last_title = nullptr;
          while (const Match* next = MatchAt(j)) {
            const LexHit* a = FindHit(*next, LexHit::Kind::kAgent);
            if (a == nullptr || FindHit(*next, LexHit::Kind::kEntity) != nullptr) break;
            if (!words[next->last - 1].analysis().suffix().empty()) break;  // نظيره "his counterpart" is another
            last_title = &lex_.agent(a->index);
            j = next->last;
          }
          // Only a chain that ends in a nationality, a name or a country is one person; الملك الوزير "the
          // king [received] the minister" is two.
          const int rest = SkipModifiers(j);
          const Match* after = MatchAt(rest);
          const bool qualified = ReadName(rest) > rest ||
                                 (after != nullptr && (FindHit(*after, LexHit::Kind::kNisba) ||
                                                       FindHit(*after, LexHit::Kind::kEntity)));
          if (last_title != nullptr && last_title->kind == Agent::Kind::kPerson && qualified &&
              lex_.agent(h->index).kind == Agent::Kind::kPerson) {
            ComposeTitled(i, j, *last_title, "", "");
            continue;
          }
        }
        const Agent& agent = lex_.agent(h->index);
        // A title in the construct state (its last word without the article, as in وزير خارجية "minister of
        // foreign-") takes the country or body right after it: وزير خارجية الجزائر.
        const bool construct = agent.construct || !words[m->last - 1].analysis().has_article();
        // A group before من and an actor counts it (الآلاف من قوات الناتو "thousands of NATO troops", المئات من
        // أهالي البصرة): that actor acts, not the group word.
        auto names_actor = [&](const Match* next) {
          const LexHit* people = next != nullptr ? FindHit(*next, LexHit::Kind::kNisba) : nullptr;
          return next != nullptr && (FindHit(*next, LexHit::Kind::kEntity) != nullptr ||
                                     FindHit(*next, LexHit::Kind::kAgent) != nullptr ||
                                     (people != nullptr && lex_.nisba(people->index).plural));
        };
        const bool counts_actor = agent.kind == Agent::Kind::kGroup && m->last + 1 < static_cast<int>(words.size()) &&
                                  words[m->last].key == "من" && names_actor(MatchAt(m->last + 1));
        if (counts_actor) {
          counted_.push_back(m->last);
          pos_ = m->last;
          continue;
        }
        if (!construct) {
          ComposeTitled(i, m->last, agent, "", "");
          continue;
        }
        // Not one joined by و: بطائرة مسيرة والسعودية "with a drone, and Saudi Arabia".
        if (const Match* next = MatchAt(m->last);
            next != nullptr && !IsConjunction(words[next->first].analysis().prefix())) {
          if (const LexHit* e = FindHit(*next, LexHit::Kind::kEntity)) {
            const Entity& entity = lex_.entity(e->index);
            if (entity.kind != Entity::Kind::kPerson) {
              const std::string& code = entity.tenures.back().code;
              std::string country = code.substr(0, 3);
              ComposeTitled(i, next->last, agent, country,
                            entity.kind == Entity::Kind::kOrg ? code : country + agent.roles);
              continue;
            }
          }
        }
        // An indefinite title: قال مسؤول أميركي "a US official said". The same spelling may also be another
        // title's construct form (المسؤول -> مسؤول), which may come first among the hits.
        // That reading is taken only with its nationality right after it (مسؤول أميركي), not for the bare word.
        // A group listed in its indefinite plural stands bare (قتل ثلاثة متظاهرين "three protesters were
        // killed", أطلق مسلحون النار "gunmen opened fire"): a plural is no title, and no other word.
        const Agent* indefinite = agent.construct ? nullptr : &agent;
        const Match* nationality = MatchAt(m->last);
        // Not before a name, a title or a people: then it is a construct (حكومة بشار الأسد، وزراء خارجية روسيا،
        // آلاف الأردنيين).
        const bool with_nationality = nationality != nullptr && FindHit(*nationality, LexHit::Kind::kNisba) &&
                                      !IsConjunction(words[nationality->first].analysis().prefix());
        const bool before_actor = names_actor(nationality) || counts_actor;
        // Nor after an indefinite accusative noun, whose adjective it is (هجوما مسلحا "an armed attack").
        const bool adjective = i > 0 && words[i - 1].kind == TokenKind::kWord && words[i - 1].arabic &&
                               !words[i - 1].analysis().has_article() && words[i - 1].key.size() > 4 &&
                               words[i - 1].key.substr(words[i - 1].key.size() - 2) == "ا" &&
                               !FindFunctionAt(i - 1, FunctionClass::kNumber);
        for (const LexHit& hit : m->hits) {
          if (indefinite != nullptr || hit.kind != LexHit::Kind::kAgent) continue;
          const Agent& other = lex_.agent(hit.index);
          if (!other.construct &&
              (with_nationality || (other.kind == Agent::Kind::kGroup && !before_actor && !adjective))) {
            indefinite = &other;
          }
        }
        if (indefinite != nullptr) {
          ComposeTitled(i, m->last, *indefinite, "", "");
          continue;
        }
        pos_ = m->last;
        continue;
      }
      // الجزائريون "the Algerians"; a singular after a number is a count of people (171 فلسطينيا "171 Palestinians").
      if (const LexHit* h = FindHit(*m, LexHit::Kind::kNisba);
          h != nullptr && (lex_.nisba(h->index).plural || (i > 0 && (words[i - 1].kind == TokenKind::kNumber ||
                                                                     FindFunctionAt(i - 1, FunctionClass::kNumber))))) {
        AddCountryOf(*m, lex_.nisba(h->index));
        pos_ = m->last;
        continue;
      }
      // قبل يومين "two days ago" (قبل is also the verb "accepted").
      if ((words[i].key == "قبل" || words[i].key == "منذ") && AddAgo(i)) continue;
      if (FindHit(*m, LexHit::Kind::kTrigger) != nullptr) {
        // The most specific pattern first: one that requires its object noun (دعا + إفراج) before the bare
        // verb (دعا).
        size_t before = out_->triggers.size();
        for (int pass = 0; pass < 2 && out_->triggers.size() == before; ++pass) {
          for (const LexHit& hit : m->hits) {
            if (hit.kind != LexHit::Kind::kTrigger || lex_.trigger(hit.index).objects.empty() != (pass == 1)) continue;
            AddTrigger(*m, hit);
            if (out_->triggers.size() > before) break;
          }
        }
        pos_ = m->last;
        // نفى "denied" is an event of its own (016) and denies what its clause tells.
        if (FindFunction(*m, lex_, FunctionClass::kDenial)) deny_until_ = ClauseLimit(m->last);
        // أعلن "announced" is a verb of saying unless it made an event with its object (أعلن مسؤوليته).
        if (out_->triggers.size() == before && FindFunction(*m, lex_, FunctionClass::kSpeech)) speech_words_.push_back(i);
        if (out_->triggers.size() > before && lex_.trigger(out_->triggers.back().trigger).pos == Trigger::Pos::kNoun) {
          AddAdjectivalSources(out_->triggers.back().last);
        }
        continue;
      }
      if (const LexHit* h = FindHit(*m, LexHit::Kind::kTime)) {
        AddTime(*m, lex_.time_word(h->index));
        continue;
      }
      if (FindFunction(*m, lex_, FunctionClass::kNegator)) negate_until_ = m->last + 1;
      if (FindFunction(*m, lex_, FunctionClass::kIntent)) intent_until_ = ClauseLimit(m->last);
      if (FindFunction(*m, lex_, FunctionClass::kConditional)) hypothetical_until_ = ClauseLimit(m->last);
      if (FindFunction(*m, lex_, FunctionClass::kDenial)) deny_until_ = ClauseLimit(m->last);
      if (FindFunction(*m, lex_, FunctionClass::kFuture) && m->first == i) future_until_ = m->last + 1;
      if (FindFunction(*m, lex_, FunctionClass::kDemonstrative)) demonstrative_at_ = m->last - 1;
      if (FindFunction(*m, lex_, FunctionClass::kYearWord)) {
        // العام 2020 "the year 2020"; العام الماضي "last year"; العام الجاري، مطلع العام "this year". Not العام
        // alone: الرأي العام "public opinion", الأمين العام "the secretary-general".
        TimeMention t;
        t.first = m->first;
        t.kind = TimeWord::Kind::kYear;
        int j = m->last;
        if (j < n && words[j].kind == TokenKind::kNumber && words[j].key.size() == 4) {
          t.value = std::atoi(std::string(words[j].key).c_str());
          t.last = j + 1;
          if (t.last < n && (words[t.last].key == "م" || words[t.last].key == "ه")) ++t.last;  // 2010م
          out_->times.push_back(t);
          pos_ = t.last;
          continue;
        }
        int end = j;
        if (int direction = PeriodDirection(m->first, m->last, &end); direction != kNoDirection) {
          t.direction = direction;
          t.last = end;
          out_->times.push_back(t);
          pos_ = end;
          continue;
        }
      }
      if (FindFunction(*m, lex_, FunctionClass::kRelative)) out_->relatives.push_back(i);
      if (FindFunction(*m, lex_, FunctionClass::kSpeech)) speech_words_.push_back(i);
      if (FindFunction(*m, lex_, FunctionClass::kSport)) ++out_->sport_words;
      if (FindFunction(*m, lex_, FunctionClass::kClauseBreak)) out_->clause_breaks.push_back(i);
      if (const FunctionWord* f = FindFunction(*m, lex_, FunctionClass::kOrdinalRef)) {
        // "The former" stands alone (اقترحت الأولى "the former proposed"); after a noun or a name it is an
        // ordinal (للمرة الأولى "for the first time", يوحنا بولس الثاني "John Paul II").
        const bool after_verb = !out_->triggers.empty() && out_->triggers.back().last == i &&
                                lex_.trigger(out_->triggers.back().trigger).pos == Trigger::Pos::kVerb;
        const bool after_word = i > 0 && words[i - 1].kind == TokenKind::kWord && !after_verb;
        const ActorMention* member = after_word ? nullptr : memory_->PairMember(std::atoi(f->value.c_str()));
        if (member != nullptr) AddRecalled(*member, m->first, m->last);
        pos_ = m->last;
        continue;
      }
      if (FindFunction(*m, lex_, FunctionClass::kAntecedent)) {
        std::vector<std::string> parties = memory_->LastTwoParties();
        if (!parties.empty()) {
          ActorMention actor;
          actor.first = m->first;
          actor.last = m->last;
          actor.pair = parties;
          actor.code = parties[0];
          out_->actors.push_back(std::move(actor));
        }
      }
      pos_ = m->last;
    }
  }

  // رئيسها، زعيمه، قائدها "its head, his leader" (and a name after it): the head of the body or state named last in
  // the sentence (نددت جبهة الخلاص المعارضة ... واتهم رئيسها أحمد نجيب الشابي السلطات): the body's own code, or the
  // state's government. Returns whether it added one.
  bool AddHeadOf(int i) {
    const Analysis& a = out_->words[i].analysis();
    const std::string_view stem = a.stem(), suffix = a.suffix();
    if (suffix != "ه" && suffix != "ها") return false;
    if (stem != "رئيس" && stem != "زعيم" && stem != "قائد" && stem != "رئيسه") return false;
    for (int k = static_cast<int>(out_->actors.size()) - 1; k >= 0; --k) {
      const ActorMention& body = out_->actors[k];
      if (body.place || body.aside || body.individual || body.code.size() < 3 || !body.pair.empty()) continue;
      ActorMention head;
      head.first = i;
      head.last = std::max(ReadName(i + 1), i + 1);
      head.code = body.geo ? body.code.substr(0, 3) + "GOV" : body.code;
      head.name = head.last > i + 1 ? NameText(i + 1, head.last) : body.name;
      head.individual = true;
      out_->actors.push_back(std::move(head));
      pos_ = out_->actors.back().last;
      return true;
    }
    return false;
  }

  // Adds the country a nationality word at `m` stands for, as an actor.
  void AddCountryOf(const Match& m, const Nisba& nisba) {
    ActorMention actor;
    actor.first = m.first;
    actor.last = m.last;
    actor.code = nisba.country;
    actor.name = lex_.CountryName(actor.code);
    out_->actors.push_back(std::move(actor));
  }

  // Nationality adjectives right after a verbal noun name who acts: وساطة قطرية "Qatari mediation",
  // غارات إسرائيلية "Israeli strikes", برعاية سعودية أميركية "under Saudi-US sponsorship" (two sources).
  void AddAdjectivalSources(int j) {
    const std::vector<Word>& words = out_->words;
    int previous = -1;
    while (const Match* m = MatchAt(j)) {
      const LexHit* h = FindHit(*m, LexHit::Kind::kNisba);
      if (h == nullptr || lex_.nisba(h->index).plural) break;
      AddCountryOf(*m, lex_.nisba(h->index));
      if (previous >= 0) out_->actors[previous].coord_next = static_cast<int>(out_->actors.size() - 1);
      previous = static_cast<int>(out_->actors.size() - 1);
      j = m->last;
      pos_ = j;
      if (j < static_cast<int>(words.size()) && words[j].key == "و") ++j;
    }
  }

  // A name remembered from earlier in the article: the longest run of up to kMaxNameWords words.
  void RecallName(int i) {
    // A surname may open with the article (الحكيم، المهدي), which no new name does.
    int end = std::max(ReadName(i), out_->words[i].analysis().has_article() ? i + 1 : i);
    for (int e = end; e > i; --e) {
      if (const ActorMention* known = memory_->Recall(NameKey(i, e))) {
        AddRecalled(*known, i, e);
        return;
      }
    }
    // A surname with a proclitic: بهود "with Hood".
    const Word& w = out_->words[i];
    for (const Analysis& a : w.analyses) {
      if (a.prefix().empty()) continue;
      if (const ActorMention* known = memory_->Recall(a.stem())) {
        out_->words[i].chosen = static_cast<int>(&a - w.analyses.data());
        AddRecalled(*known, i, i + 1);
        return;
      }
    }
  }

  // Returns whether the actor at word i, written with a possessive ل, is the author of a document right before
  // it that stands as a subject: the document opens its clause or follows a verb (أدان بيان لوزارة الخارجية،
  // وبيان للجيش يؤكد). Not after a preposition (بحسب بيان للجيش "according to an army statement", في بيان).
  bool AuthorOfDocument(int i) const {
    const Match* doc = MatchAt(i - 1);
    if (doc == nullptr || doc->last != i || !FindFunction(*doc, lex_, FunctionClass::kDocument)) return false;
    const int d = doc->first;
    if (!ProcliticPrep(out_->words[d].analysis().prefix()).empty()) return false;
    if (d == 0 || out_->words[d - 1].kind == TokenKind::kPunct) return true;
    for (int b = d - 1; b >= 0 && b >= d - 3; --b) {
      if (const Match* m = MatchAt(b); m != nullptr && m->last == d) {
        return FindHit(*m, LexHit::Kind::kTrigger) != nullptr || FindFunction(*m, lex_, FunctionClass::kSpeech) != nullptr;
      }
    }
    return false;
  }

  // Returns whether a place preposition written as a word (في) ends right before word w.
  bool PlacePrepBefore(int w) const {
    for (int b = w - 1; b >= 0 && b >= w - 3; --b) {
      if (const Match* m = MatchAt(b); m != nullptr && m->last == w) {
        return FindFunction(*m, lex_, FunctionClass::kPlacePrep) != nullptr;
      }
    }
    return false;
  }

  // Reads what governs each actor: a proclitic or a preposition word before it, a place preposition, a
  // name-head noun; and joins actors coordinated by و.
  void Govern() {
    const std::vector<Word>& words = out_->words;
    std::vector<ActorMention>& actors = out_->actors;
    for (size_t a = 0; a < actors.size(); ++a) {
      ActorMention& actor = actors[a];
      const Analysis& first = words[actor.first].analysis();
      actor.conj = IsConjunction(first.prefix());
      actor.prep = std::string(ProcliticPrep(first.prefix()));
      if (actor.prep == "ب" && actor.geo) actor.place = true;  // بالرباط "in Rabat": ب before a place is locative
      if (actor.prep.empty() && actor.first >= 1) {
        // The genitive of a noun under a preposition: بقرار الحكومة "by the decision of the government". The
        // noun may be one no dictionary knows, so its proclitic is read off the written word.
        const Word& noun = words[actor.first - 1];
        std::string_view w = Surface(noun);
        // A document noun the dictionary knows says its proclitic itself: بقرار "by the decision of" (but بيان
        // "statement" begins with the letter ب).
        // So does a verbal noun the dictionary knows (نددت بهجمات إيران، رحبت بالمبادرة السعودية): its genitive
        // or adjective is reached through the preposition of the verb it complements.
        // Another noun is read off its written form; one in the construct state has no article: بالخارج ناصر
        // بوريطة "abroad, Nasser Bourita" is no genitive.
        const Match* known = MatchAt(actor.first - 1);
        const LexHit* trigger = known != nullptr ? FindHit(*known, LexHit::Kind::kTrigger) : nullptr;
        if (known != nullptr && known->first == actor.first - 1 &&
            (FindFunction(*known, lex_, FunctionClass::kDocument) ||
             (trigger != nullptr && lex_.trigger(trigger->index).pos == Trigger::Pos::kNoun))) {
          actor.outer_prep = std::string(ProcliticPrep(noun.analysis().prefix()));
          // After في written as a word (فتح تحقيقا في اتهامات الشرطة "opened an investigation into the police's
          // accusations"), for the frames that take في (investigate, deploy in).
          // Not after a document: في بيان "in a statement" says where something was said.
          if (actor.outer_prep.empty() && trigger != nullptr && PlacePrepBefore(known->first)) actor.outer_prep = "في";
        } else if (noun.kind == TokenKind::kWord && noun.arabic && !noun.matched && w.size() >= 8 &&
            (w.substr(0, 2) == "ب" || w.substr(0, 2) == "ل") && w.substr(2, 4) != "ال" && w.substr(0, 4) != "لل") {
          actor.outer_prep = std::string(w.substr(0, 2));
        }
      }
      if (actor.prep.empty() && actor.first >= 1) {
        // قرار مجلس الأمن "the resolution of the Security Council": the genitive of a document is its author.
        if (const Match* doc = MatchAt(actor.first - 1);
            doc != nullptr && doc->last == actor.first && FindFunction(*doc, lex_, FunctionClass::kDocument)) {
          actor.document = actor.first - 1;
        }
      }
      if (actor.prep == "ل" && actor.first >= 1) {
        // بيان لوزارة الخارجية "a statement of the foreign ministry": the author of a document acts through it,
        // as the subject of the verb the document is the subject of (أدان بيان لوزارة الخارجية الهجوم).
        if (AuthorOfDocument(actor.first)) {
          actor.prep.clear();
          actor.document = actor.first - 1;
          continue;
        }
      }
      if (actor.prep == "ل" && actor.first >= 1) {
        // على مواقع لقوات الدعم السريع: the possessive ل hangs on a noun governed by على.
        const Word& noun = words[actor.first - 1];
        std::string_view outer = ProcliticPrep(noun.analysis().prefix());
        if (!outer.empty()) {
          actor.outer_prep = std::string(outer);
        } else if (actor.first >= 2) {
          for (int b = actor.first - 2; b >= 0 && b >= actor.first - 3; --b) {
            if (const Match* m = MatchAt(b); m != nullptr && m->last == actor.first - 1) {
              if (const FunctionWord* f = FindFunction(*m, lex_, FunctionClass::kPrep)) actor.outer_prep = f->value;
              break;
            }
          }
        }
      }
      // Look back over at most two words that are no actor (بين أعضاء المجلس "between members of the council").
      // A count may stand right before the actor (بحق عشرة أشخاص "against ten people", بحق 10 أشخاص), but not
      // after a comparative: اعتقلت أكثر من 20 شخصا "arrested more than 20 people" has no preposition.
      bool counting = true, counted = false;
      for (int k = actor.first - 1, steps = 0; k >= 0 && steps < 3 && actor.prep.empty(); --k, ++steps) {
        const Word& w = words[k];
        if (w.kind == TokenKind::kPunct) {
          if (Surface(w)[0] == '"' || Surface(w)[0] == '#') continue;  // quotes and hashtags: «برلين»، #روسيا
          break;
        }
        const Match* m = nullptr;
        for (int b = k; b >= 0 && b >= k - 3; --b) {
          if ((m = MatchAt(b)) != nullptr && m->last > k) break;
          m = nullptr;
        }
        if (m != nullptr) {
          // A preposition with a pronoun (فيه "in it", معه "with him") is complete: it governs nothing after it.
          if (!words[m->last - 1].analysis().suffix().empty() &&
              (FindFunction(*m, lex_, FunctionClass::kPrep) || FindFunction(*m, lex_, FunctionClass::kPlacePrep))) {
            break;
          }
          if (const FunctionWord* f = FindFunction(*m, lex_, FunctionClass::kPrep)) {
            // نحو before a count is "about", not "towards".
            if (counted && (f->value == "نحو" || (m->first >= 1 && IsComparative(words[m->first - 1])))) break;
            actor.prep = f->value;
            if (k == actor.first - 1 && m->first == k && IsConjunction(words[k].analysis().prefix())) actor.conj = true;
          } else if (FindFunction(*m, lex_, FunctionClass::kPlacePrep)) {
            actor.place = true;
          } else if (const FunctionWord* head = FindFunction(*m, lex_, FunctionClass::kNameHead);
                     head != nullptr && !(head->value == "event" && actor.individual)) {
            actor.place = true;
          } else if (k == actor.first - 1 && words[k].key == "و") {
            actor.conj = true;
            continue;
          }
          const bool number = counting && FindFunction(*m, lex_, FunctionClass::kNumber) != nullptr;
          if (FindHit(*m, LexHit::Kind::kAgent) == nullptr && !number) break;
          counted = counted || number;
          counting = number;
          k = m->first;
          continue;
        }
        if (counting && w.kind == TokenKind::kNumber) {
          counted = true;
          continue;
        }
        counting = false;
        if (steps > 0 || w.kind != TokenKind::kWord) break;
      }
    }
    // المئات من أهالي البصرة "hundreds of the residents of Basra": the residents are the subject, من no
    // preposition.
    for (ActorMention& actor : actors) {
      if (actor.prep == "من" && std::find(counted_.begin(), counted_.end(), actor.first - 1) != counted_.end()) {
        actor.prep.clear();
      }
    }
    for (size_t a = 1; a < actors.size(); ++a) {
      // An actor in brackets right after another is its alias or acronym: الجبهة الشعبية (حماس).
      ActorMention& actor = actors[a];
      if (actor.first >= 1 && actors[a - 1].last == actor.first - 1 && Surface(words[actor.first - 1]) == "(") {
        actor.aside = true;
      }
    }
    for (size_t a = 0; a + 1 < actors.size(); ++a) {
      // A title with no nationality followed by في / ب and a body is a member of that body: مسؤول في الحلف "an
      // official of NATO", مدع بالمحكمة الجنائية الدولية "a prosecutor at the ICC". The body is then no party.
      ActorMention& member = actors[a];
      ActorMention& body = actors[a + 1];
      if (member.individual && member.code.empty() && member.person == nullptr && !member.roles.empty() &&
          body.first == member.last + (body.prep.empty() ? 1 : 0) && !body.geo && body.person == nullptr &&
          !body.code.empty() && (body.prep == "ب" || (body.prep.empty() && words[member.last].key == "في"))) {
        const bool international = body.code.compare(0, 3, "IGO") == 0 || body.code.compare(0, 3, "NGO") == 0 ||
                                   body.code.compare(0, 3, "IMG") == 0;
        member.code = international ? body.code : body.code.substr(0, 3) + member.roles;
        member.last = body.last;
        body.aside = true;
      }
    }
    for (size_t a = 0; a + 1 < actors.size(); ++a) {
      ActorMention& left = actors[a];
      ActorMention& right = actors[a + 1];
      if (right.conj && right.first == left.last && !left.place) {
        left.coord_next = static_cast<int>(a + 1);
        if (right.prep.empty()) right.prep = left.prep;
        right.place = left.place;
        memory_->NotePair(left, right);
      }
    }
  }

  std::string_view text_;
  const Lexicon& lex_;
  ArticleMemory* memory_;
  SentenceMentions* out_;
  SentenceMentions::Scratch& scratch_;
  std::vector<Match>& matches_;
  std::vector<int>& at_;       // word index -> index of the match starting there, or -1
  std::vector<int>& objects_;  // words consumed as light-verb objects
  std::vector<int>& speech_words_;  // verbs of saying, in text order
  int pos_ = 0;
  std::vector<int> counted_;   // the words من after a counting group word (المئات من أهالي): no preposition
  int negate_until_ = -1;      // a trigger starting at or before this word is negated (لم يلتق "did not meet")
  int future_until_ = -1;      // a verb starting at or before this word is announced (سوف "will")
  int intent_until_ = -1;      // a trigger starting before this word is intended (تعتزم "intends"), to the clause end
  int hypothetical_until_ = -1;  // ... is hypothetical (إذا "if"), to the clause end
  int deny_until_ = -1;        // ... is denied (نفى "denied"), to the clause end
  bool question_ = false;      // the sentence asks (ends with ؟): nothing it tells has happened
  int demonstrative_at_ = -2;  // the last word of the last demonstrative
};

}  // namespace

std::string ActorCodeOn(const Entity* person, const std::string& code, bool former, const Date& date) {
  if (person != nullptr) return person->CodeOn(date);
  if (former && code.size() > 3) return code.substr(0, 3) + "ELI";
  return code;
}

std::string ActorMention::CodeOn(const Date& date) const { return ActorCodeOn(person, code, former, date); }

namespace {

void Put(KeyMap<ActorMention>* map, std::string_view key, const ActorMention& actor) {
  auto it = map->find(key);
  if (it == map->end()) it = map->emplace(std::string(key), actor).first;
  it->second = actor;
}

const ActorMention* Get(const KeyMap<ActorMention>& map, std::string_view key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

void ArticleMemory::Remember(std::string_view name_key, const ActorMention& actor) {
  if (name_key.size() < 6) return;  // two Arabic letters or fewer: too ambiguous to stand for a person
  Put(&names_, name_key, actor);
}

const ActorMention* ArticleMemory::Recall(std::string_view key) const { return Get(names_, key); }

void ArticleMemory::NoteDyad(const std::string& source, const std::string& target) {
  if (source.size() < 3 || target.size() < 3 || source.compare(0, 3, target, 0, 3) == 0) return;
  dyad_ = {source, target};
}

std::vector<std::string> ArticleMemory::LastTwoParties() const { return dyad_; }

void ArticleMemory::RememberTitle(std::string_view head, const ActorMention& actor) {
  if (!head.empty()) Put(&titles_, head, actor);
}

const ActorMention* ArticleMemory::RecallTitle(std::string_view head) const { return Get(titles_, head); }

bool ResolveActor(std::string_view phrase, const Lexicon& lexicon, const Date& date, Actor* out,
                  std::vector<std::pair<std::string, LexHit>>* entries) {
  const NormalizedText norm = Normalize(phrase);
  ArticleMemory memory;
  SentenceMentions m;
  FindMentions(norm.text(), 0, norm.text().size(), lexicon, &memory, &m);
  const ActorMention* best = nullptr;
  for (const ActorMention& a : m.actors) {
    if (best == nullptr || a.last - a.first > best->last - best->first) best = &a;
  }
  const std::string code = best == nullptr ? "" : best->CodeOn(date);
  if (code.empty()) return false;
  *out = Actor();
  out->code = code;
  out->country = code.substr(0, 3);
  if (out->country == "IGO" || out->country == "NGO" || out->country == "IMG") out->country.clear();
  for (size_t i = 3; i + 3 <= code.size(); i += 3) out->roles.push_back(code.substr(i, 3));
  out->name = best->name.empty() ? lexicon.CountryName(code.substr(0, 3)) : best->name;
  if (entries != nullptr) {
    for (const PhraseMatch& match : m.scratch.matches) {
      if (match.first < best->first || match.last > best->last) continue;
      std::string words(norm.text().substr(m.words[match.first].begin,
                                           m.words[match.last - 1].end - m.words[match.first].begin));
      for (const LexHit& h : match.hits) entries->emplace_back(words, h);
    }
  }
  return true;
}

void FindMentions(std::string_view text, size_t begin, size_t end, const Lexicon& lexicon, ArticleMemory* memory,
                  SentenceMentions* out) {
  out->words.clear();
  out->keys.clear();
  out->analysis_pool.clear();
  out->lookup_pool.clear();
  out->actors.clear();
  out->triggers.clear();
  out->times.clear();
  out->clause_breaks.clear();
  out->relatives.clear();
  out->speeches.clear();
  out->places.clear();
  out->sport_words = 0;
  SentenceMatcher(text, lexicon, memory, out).Run(begin, end);
}

}  // namespace rasad
