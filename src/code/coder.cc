// Attribution by construction over the mentions of one sentence: each trigger looks for its source among
// the actors of its clause by the rules of coder.h, then for a target that its frame admits. Clause limits
// (punctuation, relative pronouns, subordinators) bound every search, and every search is bounded in words,
// so a pathological sentence costs linear time. Tested in coder_test.cc.
#include "code/coder.h"

#include <algorithm>

namespace rasad {
namespace {

constexpr int kMaxGenitiveGap = 4;   // words between a verbal noun and its genitive source (time, adjectives)
constexpr int kMaxTargetDistance = 16;
constexpr int kMaxSubjectDistance = 20;
constexpr int kMaxPurposeGap = 4;  // words between a verb's object and a purpose of the same kind (للدموع)
constexpr int kMaxCarrierGap = 8;  // words between قام and its ب-noun: the subject, time words  // a subject may carry an apposition or a PP before the verb

class SentenceCoder {
 public:
  SentenceCoder(const SentenceMentions& s, const Lexicon& lex)
      : s_(s),
        lex_(lex),
        sorted_(std::is_sorted(s.actors.begin(), s.actors.end(),
                               [](const ActorMention& x, const ActorMention& y) { return x.first < y.first; })) {}

  void Code(std::vector<Candidate>* out, std::vector<std::string>* reasons) {
    first_candidate_ = out->size();
    for (size_t t = 0; t < s_.triggers.size(); ++t) {
      const size_t before = out->size();
      reason_ = "rejected: no source actor in the clause";
      CodeTrigger(static_cast<int>(t), out);
      if (lex_.trigger(s_.triggers[t].trigger).inverse) Invert(before, out);
      if (reasons == nullptr) continue;
      if (out->size() > before) reason_ = "event by rule " + (*out)[before].rule;
      reasons->push_back(reason_);
    }
  }

 private:
  // An inverse trigger's subject undergoes the action: its source and target trade places (تلقى الحكيم
  // اتصالا من نظيره الكويتي "Alhakim received a call from his Kuwaiti counterpart": the counterpart called).
  void Invert(size_t from, std::vector<Candidate>* out) {
    size_t kept = from;
    for (size_t i = from; i < out->size(); ++i) {
      Candidate c = (*out)[i];
      if (c.target < 0 || c.source < 0) continue;  // the one who acted must be named
      std::swap(c.source, c.target);
      std::swap(c.source_pair, c.target_pair);
      (*out)[kept++] = c;
    }
    out->resize(kept);
    if (kept == from) reason_ = "rejected: an inverse action needs the party who did it";
  }

  int ClauseStart(const TriggerMention& t) const {
    int start = 0;
    for (int b : s_.clause_breaks) {
      if (b <= t.first) start = std::max(start, b);
    }
    return start;
  }

  // The clause ends at the first limit after the trigger; a light verb's clause reaches its object noun
  // (أجرى الوزير، الاثنين بالرباط، مباحثات مع ... "held, on Monday in Rabat, talks with ...").
  int ClauseEnd(const TriggerMention& t) const {
    const int last = std::max(t.last, t.object_last);
    int end = static_cast<int>(s_.words.size());
    for (int b : s_.clause_breaks) {
      if (b >= last) end = std::min(end, b);
    }
    for (int r : s_.relatives) {
      if (r >= last) end = std::min(end, r);
    }
    // The next verb begins a clause of its own (بغداد تدين القصف وتستدعي السفير التركي: the ambassador is
    // summoned, not condemned).
    for (const TriggerMention& other : s_.triggers) {
      if (other.first >= last && lex_.trigger(other.trigger).pos == Trigger::Pos::kVerb) end = std::min(end, other.first);
    }
    return end;
  }

  bool Party(const ActorMention& a) const { return !a.place && !a.aside; }

  // The index of the first actor that starts at or after word w (actors are in text order, found so once per
  // sentence; else 0): the searches below start there, so that a sentence's cost grows with its length, not with
  // its actors times its triggers.
  size_t From(int w) const {
    if (!sorted_) return 0;
    return static_cast<size_t>(std::partition_point(s_.actors.begin(), s_.actors.end(),
                                                    [w](const ActorMention& a) { return a.first < w; }) -
                               s_.actors.begin());
  }

  // Returns whether `prep` names the doer of a passive: على يد "at the hands of", من قبل "by", برصاص "by the
  // bullets of".
  static bool AgentPrep(const std::string& prep) { return prep == "علي يد" || prep == "من قبل" || prep == "برصاص"; }

  // Returns whether the word before `w` is a preposition written as a word (في، على، من، حول...).
  bool AfterPrepositionWord(int w) const {
    if (w == 0) return false;
    const std::string_view before = s_.words[w - 1].key;
    for (const LexHit& h : lex_.Find(before)) {
      if (h.kind == LexHit::Kind::kFunction) {
        const FunctionClass cls = lex_.function_word(h.index).cls;
        if (cls == FunctionClass::kPrep || cls == FunctionClass::kPlacePrep) return true;
      }
    }
    return false;
  }

  // The nearest actor before `before` and at or after `start` that stands with no preposition.
  int SubjectBefore(int before, int start) const {
    for (int a = static_cast<int>(From(before + 1)) - 1; a >= 0; --a) {
      const ActorMention& actor = s_.actors[a];
      if (actor.last > before) continue;
      if (actor.first < start || before - actor.last > kMaxSubjectDistance) break;
      if (!Party(actor) || !actor.prep.empty()) continue;
      // The second of a coordinated pair is reached through the first.
      while (a > 0 && s_.actors[a - 1].coord_next == a) --a;
      return a;
    }
    return -1;
  }

  // Returns whether every word of [from, to) belongs to a time expression (لقاء الوزير الاثنين مع ...) or is a
  // number (اعتقال ثلاثة أشخاص "the arrest of three people", مقتل 25 مقاتلا).
  bool OnlyTimeBetween(int from, int to) const {
    for (int w = from; w < to; ++w) {
      bool skip = IsNumber(w);
      for (const TimeMention& t : s_.times) skip = skip || (w >= t.first && w < t.last);
      if (!skip) return false;
    }
    return true;
  }

  // Returns whether word w is a numeral or a number word (ثلاثة، عشرات).
  bool IsNumber(int w) const {
    if (s_.words[w].kind == TokenKind::kNumber) return true;
    for (const LexHit& h : lex_.Find(s_.words[w].key)) {
      if (h.kind == LexHit::Kind::kFunction && lex_.function_word(h.index).cls == FunctionClass::kNumber) return true;
    }
    return false;
  }

  // Returns whether word w carries the proclitic preposition ب (بقصف، وبالإفراج).
  bool WithBa(int w) const {
    const std::string_view prefix = s_.words[w].analysis().prefix();
    return prefix.size() >= 2 && prefix.substr(prefix.size() - 2) == "ب";
  }

  // Returns whether أسفر عن، أدى إلى or خلف "resulted in" stands among the words [from, to).
  bool ResultIn(int from, int to) const {
    for (int w = std::max(0, from); w < to; ++w) {
      for (std::string_view verb : {"اسفر", "ادي", "ادت", "خلف"}) {
        if (s_.words[w].key.find(verb) != std::string_view::npos) return true;
      }
    }
    return false;
  }

  // The genitive of a verbal noun: the actor right after it (time words aside), with no preposition. An
  // indefinite noun takes its possessor with ل instead (قصف لقوات النظام "shelling by the regime's forces",
  // هجوم لتنظيم الدولة "an attack by the Islamic State"), unless its frame names its target with ل.
  int Genitive(const TriggerMention& t, const Trigger& trig, int end) const {
    for (size_t a = From(t.last); a < s_.actors.size(); ++a) {
      const ActorMention& actor = s_.actors[a];
      if (actor.first < t.last) continue;
      if (actor.first >= end) return -1;
      const bool possessive = actor.prep == "ل" && !s_.words[t.first].analysis().has_article() &&
                              std::find(trig.frame.preps.begin(), trig.frame.preps.end(), "ل") == trig.frame.preps.end();
      // The possessor with ل may follow the indefinite noun's adjectives (قصف جديد للنظام "a new shelling by
      // the regime").
      if (!OnlyTimeBetween(t.last, actor.first) && !(possessive && IndefiniteAdjectives(t.last, actor.first))) {
        return -1;
      }
      if (!Party(actor)) return -1;
      if (actor.prep.empty()) return static_cast<int>(a);
      return possessive ? static_cast<int>(a) : -1;
    }
    return -1;
  }

  // The first actor from `from` to `end` that stands with no preposition.
  int SubjectAfter(int from, int end, int max_gap) const {
    for (size_t a = From(from); a < s_.actors.size(); ++a) {
      const ActorMention& actor = s_.actors[a];
      if (actor.first < from) continue;
      if (actor.first >= end || actor.first - from > max_gap) break;
      if (!Party(actor)) continue;
      // A prepositional phrase first: no subject here; but من "of" names whose the subject is
      // (وصل وفد من حماس "a delegation of Hamas arrived").
      if (!actor.prep.empty() && actor.prep != "من") return -1;
      // The author of a document is the subject where the document is: right after the verb (أدان قرار مجلس
      // الأمن الهجوم); further on, the document is the object (انتقد قادة الحزب قرار المحكمة).
      if (actor.document >= 0 && !OnlyTimeBetween(from, actor.document)) return -1;
      return static_cast<int>(a);
    }
    return -1;
  }

  int Target(const Trigger& trig, int from, int end, int source, bool allow_direct, int self = -1) const {
    for (size_t a = From(from); a < s_.actors.size(); ++a) {
      const ActorMention& actor = s_.actors[a];
      if (actor.first < from || static_cast<int>(a) == source) continue;
      if (actor.first >= end || actor.first - from > kMaxTargetDistance) break;
      if (!Party(actor)) continue;
      if (source >= 0 && IsCoordinatedWith(source, static_cast<int>(a))) continue;
      auto admits = [&](const std::string& prep) {
        return !prep.empty() && std::find(trig.frame.preps.begin(), trig.frame.preps.end(), prep) != trig.frame.preps.end();
      };
      if (admits(actor.prep) || admits(actor.outer_prep)) return static_cast<int>(a);
      // An object is not introduced by و "and": that is the rest of a list of subjects.
      // An unmarked actor right after a verbal noun is that noun's genitive, not this verb's object (طالبت واشنطن
      // بالإفراج عنه بعد اعتقال القس: the pastor is the one arrested), unless that noun is the verb's own object:
      // تدين قصفا تركيا "condemns a Turkish shelling" condemns Turkey.
      if (actor.prep.empty() && actor.outer_prep.empty() && trig.frame.direct && allow_direct && !actor.conj &&
          !AfterVerbalNoun(actor.first, self, from)) {
        return static_cast<int>(a);
      }
      // The owner, after ل, of an indefinite object noun is the one acted on (هاجم مسلحون نقطة تفتيش للجيش
      // "gunmen attacked an army checkpoint", فرقت الشرطة مسيرة للطلاب).
      if (actor.prep == "ل" && actor.outer_prep.empty() && trig.frame.direct && allow_direct &&
          OwnedObject(from, actor.first)) {
        return static_cast<int>(a);
      }
    }
    return -1;
  }

  // The verb of saying that reports the clause of the word `w`, when the clause names no subject of its own:
  // between the speaker and `w` stand only words the lexicon knows as function or time words (إنه "that he",
  // قد، سوف) and punctuation. Returns an index into speeches, or -1.
  int Speaker(int w) const {
    // With أنه / إنها right before the verb, its subject is a pronoun: the speaker's, whatever stands between
    // (قالت الوزارة في بلاغ صدر الخميس إنها أوقفت "the ministry said in a statement ... that it arrested").
    const bool pronoun = PronounSubject(w, 0);
    for (int k = static_cast<int>(s_.speeches.size()) - 1; k >= 0; --k) {
      const Speech& sp = s_.speeches[k];
      if (sp.word >= w) continue;
      if (pronoun) return k;
      int from = sp.word + 1;
      if (sp.actor >= 0 && s_.actors[sp.actor].first > sp.word) from = s_.actors[sp.actor].last;
      if (w - from > kMaxTargetDistance) return -1;
      for (int x = from; x < w; ++x) {
        const Word& word = s_.words[x];
        // أنه / إنها "that he / that she": the complementiser with the subject pronoun.
        const bool pronoun = word.analysis().stem() == "ان" && !word.analysis().suffix().empty();
        if (word.kind == TokenKind::kWord && !word.matched && !pronoun) return -1;
        for (const ActorMention& a : s_.actors) {
          if (x >= a.first && x < a.last) return -1;
        }
        for (const TriggerMention& t : s_.triggers) {
          if (x >= t.first && x < t.last) return -1;
        }
      }
      return k;
    }
    return -1;
  }

  // A comma right after a subject that follows its verb sets off an apposition or an adverb, not a new clause
  // (اجتمع رئيس الوزراء الأردني، برؤساء النقابات "the Jordanian prime minister met, with the heads of the
  // unions"): the clause goes on to the next limit.
  int PastApposition(int end, int subject_last) const {
    if (end != subject_last + 1 || s_.words[subject_last].kind != TokenKind::kPunct) return end;
    int next = static_cast<int>(s_.words.size());
    for (int b : s_.clause_breaks) {
      if (b > end) next = std::min(next, b);
    }
    for (int r : s_.relatives) {
      if (r >= end) next = std::min(next, r);
    }
    return next;
  }

  // The word of a carrier verb (قام "did") that makes the verbal noun of `t` its object with ب (قامت القوات
  // بقصف "the forces carried out shelling"), time words aside; else -1.
  int Carrier(const TriggerMention& t) const {
    if (WithBa(t.first)) {
      for (int w = t.first - 1; w >= 0 && w >= t.first - kMaxCarrierGap; --w) {
        const Word& word = s_.words[w];
        bool in_time = false;
        for (const TimeMention& tm : s_.times) in_time = in_time || (w >= tm.first && w < tm.last);
        if (in_time) continue;
        for (const LexHit& h : lex_.Find(word.analysis().stem())) {
          if (h.kind == LexHit::Kind::kFunction && lex_.function_word(h.index).cls == FunctionClass::kCarrier) return w;
        }
        // The subject may stand between carrier and noun (قامت القوات الإسرائيلية بقصف).
        bool in_actor = false;
        for (const ActorMention& a : s_.actors) in_actor = in_actor || (w >= a.first && w < a.last);
        if (!in_actor) return -1;
      }
    }
    return -1;
  }

  // A verbal noun whose genitive undergoes it (اعتقال القس "the arrest of the pastor"): the genitive is the target;
  // the doer is named after من قبل / على يد, else it is the one who announces it (أعلنت الشرطة اعتقال ثلاثة
  // أشخاص "the police announced the arrest of three people").
  void CodeObjective(const TriggerMention& t, const Trigger& trig, int start, int end, Candidate c,
                     std::vector<Candidate>* out) const {
    c.target = Genitive(t, trig, end);
    if (c.target < 0) {
      reason_ = "rejected: no genitive for the one who undergoes it";
      return;
    }
    c.rule = "nominal-objective";
    for (size_t a = 0; a < s_.actors.size() && c.source < 0; ++a) {
      const ActorMention& agent = s_.actors[a];
      if (agent.first > s_.actors[c.target].first && agent.first < end && Party(agent) && AgentPrep(agent.prep)) {
        c.source = static_cast<int>(a);
      }
    }
    // A killing that resulted from an action told before it (أطلقت قوات الأمن الرصاص لتفريق المحتجين، ما أسفر عن
    // مقتل متظاهر "security forces fired to disperse the protesters, which killed a protester") was done by the one
    // who acted.
    if (c.source < 0 && trig.casualty) {
      if (const Candidate* cause = Cause(t, *out); cause != nullptr) {
        c.source = cause->source;
        c.source_speech = cause->source_speech;
        c.rule = "consequence";
        // Casualties counted without saying who (مقتل العشرات) are the ones fired at.
        if (cause->target >= 0 && s_.actors[c.target].code.empty()) c.target = cause->target;
      }
    }
    // Not any subject before it: in طالبت واشنطن بالإفراج عنه منذ اعتقال القس "Washington has demanded his
    // release since the pastor's arrest", Washington did not arrest him. The one who announces an arrest
    // (أعلنت الشرطة اعتقال) made it; not a killing or an abduction, which a ministry or a group reports of others
    // (أعلنت وزارة الصحة مقتل ثلاثة فلسطينيين).
    if (c.source < 0 && trig.code.compare(0, 2, "18") < 0) {
      c.source_speech = Speaker(t.first);
      if (c.source_speech >= 0) c.source = s_.speeches[c.source_speech].actor;
    }
    if (c.source < 0 && c.source_speech < 0) {
      reason_ = "rejected: no one named who did it";
      return;
    }
    if (c.source == c.target) return;
    out->push_back(c);
  }

  // A verbal noun carried by قام is coded as the verb: its subject after the carrier, before it, or the speaker.
  void CodeCarried(const TriggerMention& t, const Trigger& trig, int carrier, int start, int end, Candidate c,
                   std::vector<Candidate>* out) const {
    c.source = SubjectAfter(carrier + 1, t.first, kMaxSubjectDistance);
    c.rule = "carrier";
    if (c.source < 0) c.source = RelativeAntecedent(carrier);  // ألباريس، الذي يقوم بزيارة
    if (c.source < 0 && carrier > start && !PronounSubject(carrier, start)) c.source = SubjectBefore(carrier, start);
    const ActorMention* source = c.source >= 0 ? &s_.actors[c.source] : nullptr;
    if (source == nullptr) {
      c.source_speech = Speaker(carrier);
      if (c.source_speech < 0) {
        reason_ = "rejected: no subject of the carrier verb";
        return;
      }
      c.source = s_.speeches[c.source_speech].actor;
      source = c.source >= 0 ? &s_.actors[c.source] : &s_.speeches[c.source_speech].carried;
    }
    c.target = Target(trig, t.last, end, c.source, /*allow_direct=*/false);
    if (c.target < 0 && trig.frame.required) {
      reason_ = "rejected: no target in the clause that the frame admits";
      return;
    }
    out->push_back(c);
  }

  // The actor a relative pronoun right before word `w` stands for: the actor that ends right before it (a comma
  // between aside). Returns -1 when `w` follows no relative pronoun or the noun before it is no actor.
  int RelativeAntecedent(int w) const {
    if (w < 2 || std::find(s_.relatives.begin(), s_.relatives.end(), w - 1) == s_.relatives.end()) return -1;
    int end = w - 1;
    if (s_.words[end - 1].kind == TokenKind::kPunct && end >= 2) --end;
    for (size_t a = 0; a < s_.actors.size(); ++a) {
      if (s_.actors[a].last == end && !s_.actors[a].place && !s_.actors[a].aside) return static_cast<int>(a);
    }
    return -1;
  }

  // For a verb with an object pronoun (تفرقهم، سلمته), the nearest party before it in the sentence that is not
  // its source or joined to it; -1 when the verb has none or no such party is named.
  int PronounObject(const TriggerMention& t, int source) const {
    const std::string_view suffix = s_.words[t.last - 1].analysis().suffix();
    if (suffix != "ه" && suffix != "ها" && suffix != "هم" && suffix != "هما" && suffix != "هن") return -1;
    for (int a = static_cast<int>(From(t.first + 1)) - 1; a >= 0; --a) {
      const ActorMention& actor = s_.actors[a];
      if (actor.last > t.first || a == source || !Party(actor) || IsCoordinatedWith(source, a)) continue;
      if (t.first - actor.last > kMaxTargetDistance) break;
      return a;
    }
    return -1;
  }

  // Returns whether the verb at `w` follows أن / إن with a pronoun (أنه، إنها، أنهم), time words aside.
  bool PronounSubject(int w, int start) const {
    for (int x = w - 1; x >= start && x >= w - 4; --x) {
      bool in_time = false;
      for (const TimeMention& t : s_.times) in_time = in_time || (x >= t.first && x < t.last);
      if (in_time) continue;
      const Analysis& a = s_.words[x].analysis();
      if (s_.words[x].kind == TokenKind::kWord && a.stem() == "ان" && !a.suffix().empty()) return true;
      if (s_.words[x].key != "قد" && s_.words[x].key != "لقد") return false;
    }
    return false;
  }

  // The genitive of a verbal noun of the same root that states the purpose (ل + noun) within a few words after
  // the verb or its object; -1 when there is none.
  int PurposeObject(const TriggerMention& t, const Trigger& trig, int source) const {
    const int after = std::max(t.last, t.object_last);
    for (const TriggerMention& p : s_.triggers) {
      if (p.first < after || p.first > after + kMaxPurposeGap) continue;
      const Trigger& purpose = lex_.trigger(p.trigger);
      if (purpose.pos != Trigger::Pos::kNoun || purpose.code.compare(0, 2, trig.code, 0, 2) != 0) continue;
      std::string_view prefix = s_.words[p.first].analysis().prefix();
      if (prefix.size() >= 2 && (prefix.substr(0, 2) == "و" || prefix.substr(0, 2) == "ف")) prefix.remove_prefix(2);
      if (prefix.substr(0, 2) != "ل") continue;
      const int object = Genitive(p, purpose, static_cast<int>(s_.words.size()));
      if (object >= 0 && object != source) return object;
    }
    return -1;
  }

  // Returns whether the words [from, to) are one or two words without the article or a proclitic that the
  // dictionary does not know (adjectives of an indefinite noun: جديد، عشوائي، مكثف).
  bool IndefiniteAdjectives(int from, int to) const {
    if (to - from < 1 || to - from > 2) return false;
    for (int w = from; w < to; ++w) {
      const Word& word = s_.words[w];
      if (word.kind != TokenKind::kWord || !word.arabic || word.matched || word.analysis().has_article() ||
          !word.analysis().prefix().empty()) {
        return false;
      }
    }
    return true;
  }

  // The subject of شنه، نفذته، ارتكبها "carried it out" right after the verbal noun t (its adjectives aside):
  // the doer of t. -1 when there is none.
  int DoerAfter(const TriggerMention& t) const {
    const int n = static_cast<int>(s_.words.size());
    int w = t.last;
    while (w < n && w < t.last + 2 && IndefiniteAdjectives(w, w + 1)) ++w;
    if (w >= n) return -1;
    const Word& verb = s_.words[w];
    const std::string_view key = verb.key;
    if (verb.kind != TokenKind::kWord || verb.analysis().suffix().empty() || !verb.analysis().prefix().empty()) {
      return -1;
    }
    bool doing = false;
    for (std::string_view stem : {"شن", "نفذ", "ارتكب"}) doing = doing || key.substr(0, stem.size()) == stem;
    if (!doing) return -1;
    const int doer = SubjectAfter(w + 1, static_cast<int>(s_.words.size()), 3);
    return doer >= 0 && s_.actors[doer].prep.empty() ? doer : -1;
  }

  // The nearest party before t in the sentence, with no preposition, that may protest (not the police, the army
  // or a government); -1 when there is none or this sentence already has a protest event.
  int Protester(const TriggerMention& t, const std::vector<Candidate>& out) const {
    for (size_t i = first_candidate_; i < out.size(); ++i) {
      if (lex_.trigger(s_.triggers[out[i].trigger].trigger).code.compare(0, 2, "14") == 0) return -1;
    }
    for (int a = static_cast<int>(From(t.first + 1)) - 1; a >= 0; --a) {
      const ActorMention& actor = s_.actors[a];
      if (actor.last > t.first) continue;
      if (t.first - actor.last > kMaxSubjectDistance) break;
      if (!Party(actor) || !actor.prep.empty() || actor.geo) continue;
      const std::string roles = actor.code.size() >= 6 ? actor.code.substr(3, 3) : actor.roles.substr(0, 3);
      if (roles == "COP" || roles == "MIL" || roles == "GOV") continue;
      return a;
    }
    return -1;
  }

  // The genitive of a verbal noun with ب at `from` (time words aside), after a verb of threatening and its subject:
  // يهدد بتوقيف X، هدد الرئيس باعتقال X.
  int ThreatObject(int from, int source) const {
    for (const TriggerMention& p : s_.triggers) {
      if (p.first < from) continue;
      if (!OnlyTimeBetween(from, p.first)) return -1;
      const Trigger& action = lex_.trigger(p.trigger);
      if (action.pos != Trigger::Pos::kNoun || !WithBa(p.first)) return -1;
      const int object = Genitive(p, action, static_cast<int>(s_.words.size()));
      return object != source ? object : -1;
    }
    return -1;
  }

  // Returns whether word w is an indefinite common noun a verb after it may describe: unknown to the dictionary,
  // no actor or place, and governed by a preposition written as a word (في شكوى); not a name (المسلحين في غزة
  // استسلموا). Not a document in the accusative either: in أصدر بيانا انتقد فيه "issued a statement in which he
  // criticised" the subject is the one who issued it.
  bool DescribedNoun(int w) const {
    if (!IndefiniteAdjectives(w, w + 1) || ActorEndsAt(w + 1)) return false;
    for (const PlaceMention& p : s_.places) {
      if (w >= p.first && w < p.last) return false;
    }
    return AfterPrepositionWord(w);
  }

  bool ActorEndsAt(int w) const {
    for (const ActorMention& a : s_.actors) {
      if (a.last == w) return true;
    }
    return false;
  }

  // OnlyTimeBetween, commas setting off a time aside allowed (قتل الجيش، الأربعاء، 3 فلسطينيين).
  bool TimeOrCommasBetween(int from, int to) const {
    for (int w = from; w < to; ++w) {
      if (s_.words[w].key != "," && !OnlyTimeBetween(w, w + 1)) return false;
    }
    return true;
  }

  // The subject of the nearest verb trigger before t in the sentence (after it, else before it); -1 when none.
  int EarlierVerbSubject(const TriggerMention& t) const {
    for (int k = static_cast<int>(s_.triggers.size()) - 1; k >= 0; --k) {
      const TriggerMention& verb = s_.triggers[k];
      if (verb.last > t.first || lex_.trigger(verb.trigger).pos != Trigger::Pos::kVerb) continue;
      int subject = SubjectAfter(verb.last, t.first, kMaxSubjectDistance);
      if (subject < 0) subject = SubjectBefore(verb.first, 0);
      return subject;
    }
    return -1;
  }

  // The latest event of this sentence by violent repression (175: dispersal, tear gas, live fire on protesters)
  // before the casualty noun t, when أسفر عن، أدى إلى or خلف stands right before t and no other action stands
  // between (اعتقلت الشرطة مشتبها به بعد إطلاق نار أسفر عن مقتل: the shooting killed, not the arrest); else nullptr.
  // (The casualties of an attack or a shelling are already its target: CasualtiesAfter.)
  const Candidate* Cause(const TriggerMention& t, const std::vector<Candidate>& out) const {
    if (!ResultIn(t.first - 3, t.first)) return nullptr;
    for (size_t i = out.size(); i-- > first_candidate_;) {
      const Candidate& c = out[i];
      const TriggerMention& cause = s_.triggers[c.trigger];
      if (cause.last > t.first || lex_.trigger(cause.trigger).code != "175") continue;
      for (const TriggerMention& other : s_.triggers) {
        if (other.first >= cause.last && other.last <= t.first && lex_.trigger(other.trigger).code != "175") {
          return nullptr;
        }
      }
      return c.source >= 0 || c.source_speech >= 0 ? &c : nullptr;
    }
    return nullptr;
  }

  // Returns whether a number (a numeral or a number word) stands in the words [from, to).
  bool Counted(int from, int to) const {
    for (int w = from; w < to; ++w) {
      if (IsNumber(w)) return true;
    }
    return false;
  }

  // Returns whether the words [from, to) are one to three indefinite nouns, with no proclitic preposition: an
  // object noun in the construct state, whose owner follows with ل.
  bool OwnedObject(int from, int to) const {
    if (to - from < 1 || to - from > 3) return false;
    for (int w = from; w < to; ++w) {
      const Word& word = s_.words[w];
      if (word.kind != TokenKind::kWord || !word.arabic || word.analysis().has_article() ||
          !word.analysis().prefix().empty()) {
        return false;
      }
      for (const LexHit& h : lex_.Find(word.key)) {
        if (h.kind == LexHit::Kind::kFunction) return false;
      }
    }
    return true;
  }

  // Returns whether word `w` follows a verbal noun other than the trigger `self` (an index into triggers) that is
  // not itself the object right after `from`.
  bool AfterVerbalNoun(int w, int self, int from) const {
    for (size_t k = 0; k < s_.triggers.size(); ++k) {
      const TriggerMention& t = s_.triggers[k];
      if (static_cast<int>(k) != self && t.last == w && lex_.trigger(t.trigger).pos == Trigger::Pos::kNoun &&
          t.first > from + 1) {
        return true;
      }
    }
    return false;
  }

  // Returns the latest event of this sentence made before trigger t, when it was made by a verb and t is a verb
  // joined by و / ف (its prefix); none when t is a future or follows a verbal noun directly. Asked only when t
  // has no subject of its own.
  const Candidate* EarlierVerbEvent(const TriggerMention& t, const std::vector<Candidate>& out) const {
    const std::string_view prefix = s_.words[t.first].analysis().prefix();
    if (prefix.size() < 2 || (prefix.substr(0, 2) != "و" && prefix.substr(0, 2) != "ف")) return nullptr;
    // Not a future (وسأجري "and I will hold"): in quotes it is mostly the speaker's first person, which the
    // normalised spelling does not tell from the third.
    if (prefix.find("س") != std::string_view::npos) return nullptr;
    for (size_t i = out.size(); i-- > first_candidate_;) {
      const Candidate& c = out[i];
      const TriggerMention& earlier = s_.triggers[c.trigger];
      if (earlier.first >= t.first || c.source < 0 || c.source_pair >= 0 || c.target_pair >= 0) continue;
      if (lex_.trigger(earlier.trigger).pos != Trigger::Pos::kVerb) return nullptr;
      // Right after a verbal noun, و + this word is the next noun of a list (الكف عن اعتقال وطرد المهاجرين "to
      // stop arresting and expelling migrants").
      for (const TriggerMention& other : s_.triggers) {
        if (other.last == t.first && lex_.trigger(other.trigger).pos == Trigger::Pos::kNoun) return nullptr;
      }
      return &c;
    }
    return nullptr;
  }

  // Returns whether a preposition the frame admits, written with a pronoun (معه "with him", إليها), stands
  // right after the verb t.
  bool PronounAfter(const TriggerMention& t, const Trigger& trig) const {
    const int w = t.last;
    if (w >= static_cast<int>(s_.words.size()) || s_.words[w].analysis().suffix().empty()) return false;
    for (const LexHit& h : lex_.Find(s_.words[w].analysis().stem())) {
      if (h.kind != LexHit::Kind::kFunction) continue;
      const FunctionWord& f = lex_.function_word(h.index);
      if (f.cls == FunctionClass::kPrep &&
          std::find(trig.frame.preps.begin(), trig.frame.preps.end(), f.value) != trig.frame.preps.end()) {
        return true;
      }
    }
    return false;
  }

  // Returns whether the word w is the complement of a trigger verb before it: only that verb's subject and
  // time words stand between (نددت ميركل بالهجمات "Merkel denounced the attacks", أدانت مصر أمس الهجوم).
  bool ObjectOfVerb(int w) const {
    for (const TriggerMention& t : s_.triggers) {
      if (t.last > w || lex_.trigger(t.trigger).pos != Trigger::Pos::kVerb) continue;
      int k = t.last;
      while (k < w) {
        int next = k;
        for (const ActorMention& a : s_.actors) {
          if (a.first == k && a.prep.empty()) next = std::max(next, a.last);
        }
        for (const TimeMention& tm : s_.times) {
          if (tm.first == k) next = std::max(next, tm.last);
        }
        if (next == k && s_.words[k].kind == TokenKind::kPunct && s_.words[k].key == ",") next = k + 1;
        if (next == k) break;
        k = next;
      }
      if (k == w) return true;
    }
    return false;
  }

  // Returns whether a casualty verb's subject and object stand right by it, time words aside: the subject right
  // before the verb (SVO) or right after it with no number before it (a counted subject, قتل ثلاثة ضباط شرطة,
  // is the passive's: the ones killed), and the object right after the subject or the verb.
  // An inverse one (استشهد، أصيب) has the one who suffered it as its subject, and the doer after برصاص: only
  // a subject before it must stand right by it.
  bool CloseCasualtyFrame(const TriggerMention& t, const ActorMention& source, int target, bool inverse) const {
    if (inverse) return source.first > t.first || TimeOrCommasBetween(source.last, t.first);
    if (source.first > t.first) {
      for (int w = t.last; w < source.first; ++w) {
        if (s_.words[w].kind == TokenKind::kNumber) return false;
      }
      if (!TimeOrCommasBetween(t.last, source.first)) return false;
    } else if (!TimeOrCommasBetween(source.last, t.first)) {
      return false;
    }
    if (target < 0) return true;
    return TimeOrCommasBetween(source.first > t.first ? source.last : t.last, s_.actors[target].first);
  }

  // For a violent verbal noun (roots 18-20) after في، جراء، إثر or ب: the subject of a casualty verb earlier in its
  // clause (قتل، استشهد، أصيب), that is, the first party after that verb with no preposition, else the one before
  // it. -1 when there is none, or it is the noun's own source.
  int Casualties(const TriggerMention& t, const Trigger& trig, int start, int source) const {
    if (trig.symmetric) return -1;
    const int victim = CasualtyVictim(t, trig, start);
    return victim >= 0 && victim != source && !IsCoordinatedWith(source, victim) ? victim : -1;
  }

  // For a violent action (roots 18-20) followed by أسفر عن / أدى إلى / خلف and a casualty noun (قصف ... أسفر عن مقتل
  // ثلاثة أشخاص "a shelling that killed three people"): that noun's genitive, the casualties; else -1.
  int CasualtiesAfter(const TriggerMention& t, const Trigger& trig, int source) const {
    if (trig.code.compare(0, 2, "18") < 0) return -1;
    for (const TriggerMention& casualty : s_.triggers) {
      if (casualty.first <= t.last || casualty.first > t.last + kMaxTargetDistance * 2) continue;
      const Trigger& ct = lex_.trigger(casualty.trigger);
      if (!ct.casualty || ct.pos != Trigger::Pos::kNoun) continue;
      if (!ResultIn(std::max(t.last, casualty.first - 3), casualty.first)) continue;
      const int victim = SubjectAfter(casualty.last, static_cast<int>(s_.words.size()), kMaxGenitiveGap);
      return victim != source ? victim : -1;
    }
    return -1;
  }

  // Returns whether the actor `a` stands between a casualty verb or noun of t's clause and t.
  bool AfterCasualtyVerb(int a, const TriggerMention& t, int start) const {
    for (const TriggerMention& verb : s_.triggers) {
      if (verb.first >= start && verb.last <= s_.actors[a].first && s_.actors[a].last <= t.first &&
          lex_.trigger(verb.trigger).casualty) {
        return true;
      }
    }
    return false;
  }

  // Returns whether the verbal noun t follows في، جراء، إثر، خلال or stands with a proclitic ب: a circumstance.
  bool AfterCasualtyPrep(const TriggerMention& t) const {
    if (t.first == 0) return false;
    const std::string_view before = s_.words[t.first - 1].key;
    return WithBa(t.first) || before == "في" || before == "جراء" || before == "اثر" || before == "خلال";
  }

  // The subject of the casualty verb or noun before a violent verbal noun introduced by في، جراء، إثر، خلال or ب
  // in its clause (for a noun such as مقتل, its genitive); -1 when there is none.
  int CasualtyVictim(const TriggerMention& t, const Trigger& trig, int start) const {
    if (trig.code.compare(0, 2, "18") < 0 || !AfterCasualtyPrep(t)) return -1;
    for (const TriggerMention& verb : s_.triggers) {
      if (verb.last > t.first || verb.first < start || !lex_.trigger(verb.trigger).casualty) continue;
      int victim = SubjectAfter(verb.last, t.first, kMaxSubjectDistance);
      if (victim < 0 && lex_.trigger(verb.trigger).pos == Trigger::Pos::kVerb) {
        victim = SubjectBefore(verb.first, start);
      }
      if (victim >= 0) return victim;
    }
    return -1;
  }

  bool IsCoordinatedWith(int head, int other) const {
    for (int a = head; a >= 0; a = s_.actors[a].coord_next) {
      if (a == other) return true;
    }
    return false;
  }

  void CodeTrigger(int index, std::vector<Candidate>* out) const {
    const TriggerMention& t = s_.triggers[index];
    if (t.negated || t.anaphoric || t.hypothetical) {
      reason_ = t.negated      ? "rejected: negated or denied"
                : t.hypothetical ? "rejected: in a condition or a question"
                                 : "rejected: refers back to an event told before (demonstrative)";
      return;
    }
    const Trigger& trig = lex_.trigger(t.trigger);
    const int start = ClauseStart(t);
    int end = ClauseEnd(t);
    Candidate c;
    c.trigger = index;
    const bool noun = trig.pos == Trigger::Pos::kNoun;
    if (noun && trig.symmetric) {
      // محادثات بين X و Y "talks between X and Y": the pair are the parties.
      for (size_t a = From(t.last); a < s_.actors.size(); ++a) {
        const ActorMention& actor = s_.actors[a];
        if (actor.first < t.last) continue;
        if (actor.first >= end || actor.first - t.last > kMaxGenitiveGap) break;
        if (actor.prep == "بين" && actor.coord_next >= 0) {
          c.source = static_cast<int>(a);
          c.target = actor.coord_next;
          c.rule = "between";
          out->push_back(c);
          return;
        }
        if (actor.prep == "بين" && !actor.pair.empty()) {  // بين الطرفين "between the two sides"
          c.source = c.target = static_cast<int>(a);
          c.source_pair = 0;
          c.target_pair = 1;
          c.rule = "between-pair";
          out->push_back(c);
          return;
        }
        break;
      }
    }
    if (noun && trig.symmetric) {
      // مقتل 12 مسلحا في تبادل لإطلاق النار مع قوات الأمن "12 gunmen killed in an exchange of fire with the
      // security forces": the ones killed were one side, the one named after مع the other.
      const int victim = CasualtyVictim(t, trig, start);
      const int other = victim >= 0 ? Target(trig, t.last, end, victim, /*allow_direct=*/false) : -1;
      if (other >= 0) {
        c.source = victim;
        c.target = other;
        c.rule = "casualty";
        out->push_back(c);
        return;
      }
    }
    const bool clause_initial = !noun && !s_.words[t.first].analysis().prefix().empty();
    if (noun) {
      // A verbal noun after the preposition ل states a purpose (لبحث "to discuss"), not an event.
      const Analysis& head = s_.words[t.first].analysis();
      std::string_view prefix = head.prefix();
      if (prefix.size() >= 2 && (prefix.substr(0, 2) == "و" || prefix.substr(0, 2) == "ف")) prefix.remove_prefix(2);
      if (prefix.substr(0, 2) == "ل") {
        reason_ = "rejected: a purpose (ل + verbal noun), not an event";
        return;
      }
    }
    if (noun && !t.enclitic) {
      if (const int carrier = Carrier(t); carrier >= 0) {
        CodeCarried(t, trig, carrier, start, end, c, out);
        return;
      }
      if (trig.objective) {
        CodeObjective(t, trig, start, end, c, out);
        return;
      }
      c.source = Genitive(t, trig, end);
      c.rule = "nominal";
      // قصف شنه داعش "a shelling that IS carried out", هجوم نفذه مسلحون: the doer after a verb of doing with a
      // pronoun for the noun.
      if (c.source < 0) {
        c.source = DoerAfter(t);
        if (c.source >= 0) c.rule = "nominal-doer";
      }
      // A country or city as the genitive of a transitive action is its object, when nothing else is: زيارة
      // الجزائر "a visit to Algeria", قصف دمشق "the shelling of Damascus". The source is then the clause's subject.
      if (c.source >= 0 && trig.frame.direct && s_.actors[c.source].geo && s_.actors[c.source].prep.empty() &&
          Target(trig, s_.actors[c.source].last, end, c.source, /*allow_direct=*/false) < 0) {
        Candidate object = c;
        object.target = c.source;
        object.source = SubjectBefore(t.first, start);
        object.rule = "nominal-object";
        if (object.source < 0) {
          reason_ = "rejected: the genitive is the object, and the clause names no subject";
          return;
        }
        out->push_back(object);
        return;
      }
    }
    // Only for the acts done to someone (14-20: arrests, attacks, killings): انتقد بنس سرقة التكنولوجيا من قبل
    // الصين "Pence criticised the theft of technology by China" is active, the agent phrase the noun's.
    if (!noun && !trig.inverse && trig.code.compare(0, 2, "14") >= 0) {
      // A passive names its agent after على يد / من قبل ("at the hands of", "by"): the agent is the source and
      // the grammatical subject the target (اعتقل الصحفي على يد قوات الأمن "the journalist was arrested by the
      // security forces"). Unvocalised, the verb looks active; the agent phrase is what tells.
      for (size_t a = From(t.first + 1); a < s_.actors.size(); ++a) {
        const ActorMention& agent = s_.actors[a];
        if (agent.first <= t.first || agent.first >= end || !Party(agent)) continue;
        if (!AgentPrep(agent.prep)) continue;
        Candidate p = c;
        p.source = static_cast<int>(a);
        // The target: the first party between verb and agent, bare or possessed by ل (قصفت مواقع للجيش "the
        // army's positions were shelled"); else the subject before the verb.
        for (size_t b = 0; b < a && p.target < 0; ++b) {
          const ActorMention& cand = s_.actors[b];
          if (cand.first > t.first && Party(cand) && (cand.prep.empty() || cand.prep == "ل")) p.target = static_cast<int>(b);
        }
        if (p.target < 0) p.target = SubjectBefore(t.first, start);
        if (p.target < 0 || p.target == p.source) break;
        p.rule = "passive";
        out->push_back(p);
        return;
      }
    }
    // A verb after its subject in the clause (أن هود عقد "that Hood held") is SVO; a clause-initial verb
    // (وبحث لعمامرة "and Lamamra discussed") is VSO.
    // A verbal noun of an action with no target (احتجاجات "protests") takes its source only from its genitive:
    // standing alone it is mostly background (في أعقاب احتجاجات "after protests"). So does a definite one
    // after a preposition (المشاركة في المفاوضات "taking part in the negotiations": a process known, not an
    // event told), unlike an indefinite one (في اتصال هاتفي "in a phone call") or one with a pronoun
    // (خلال استقباله "while receiving").
    const bool known_process = noun && !t.enclitic && AfterPrepositionWord(t.first) &&
                               s_.words[t.first].analysis().has_article();
    // احتجاجا على "in protest at": the people its sentence names before it protested (تجمع مئات المحتجين،
    // احتجاجا على غلاء الأسعار), unless the sentence already tells their protest.
    if (c.source < 0 && noun && !t.enclitic && trig.code.compare(0, 2, "14") == 0 &&
        s_.words[t.first].key == "احتجاجا") {
      c.source = Protester(t, *out);
      if (c.source >= 0) {
        c.rule = "protest-purpose";
        // A protest the sentence names before, with no one of its own, is theirs (وجدد عمال السكك الحديد
        // إضرابهم احتجاجا على "the rail workers renewed their strike in protest at": a strike, 143).
        for (int k = 0; k < index; ++k) {
          const TriggerMention& earlier = s_.triggers[k];
          if (earlier.last <= t.first && lex_.trigger(earlier.trigger).code.compare(0, 2, "14") == 0) {
            c.trigger = k;
            break;
          }
        }
        c.target = Target(trig, t.last, end, c.source, /*allow_direct=*/false);
        out->push_back(c);
        return;
      }
    }
    if (c.source < 0 && noun && (!trig.frame.required || known_process)) {
      reason_ = known_process ? "rejected: a known process after a preposition, with no genitive source"
                              : "rejected: no genitive source for an action without target";
      return;
    }
    // A verb right after a relative pronoun: its subject is the noun the pronoun stands for (ألباريس، الذي يزور
    // "Albares, who is visiting"), unless the verb carries an object pronoun: then that noun is its object and
    // the subject follows (التي تتهمها مانيلا "whom Manila accuses").
    int antecedent = noun ? -1 : RelativeAntecedent(t.first);
    if (c.source < 0 && antecedent >= 0) {
      if (s_.words[t.last - 1].analysis().suffix().empty()) {
        c.source = antecedent;
        c.rule = "relative";
      } else {
        c.source = SubjectAfter(t.first + 1, end, kMaxSubjectDistance);
        c.rule = "relative-object";
        if (c.source < 0 || c.source == antecedent) {
          reason_ = "rejected: no subject after the verb of a relative clause";
          return;
        }
        c.target = antecedent;
        out->push_back(c);
        return;
      }
    }
    // A verbal noun that is the object of the verb right before it (نددت بهجمات إيران "condemned Iran's
    // attacks", أدان الهجوم) is not done by that verb's subject: its source is its genitive or no one.
    if (c.source < 0 && noun && !t.enclitic && ObjectOfVerb(t.first)) {
      reason_ = "rejected: the object of the verb before it, with no genitive source";
      return;
    }
    // A joint violence (تبادل لإطلاق النار، اشتباكات) told with no genitive is not done by the one who reports it
    // (أعلنت وزارة الداخلية مقتل تسعة إرهابيين في تبادل لإطلاق النار مع قوات الأمن).
    const bool reported_violence = noun && trig.symmetric && trig.code.compare(0, 2, "18") >= 0 && !t.enclitic &&
                                   CasualtyVictim(t, trig, start) < 0 && AfterCasualtyPrep(t);
    // A verb right after an indefinite noun the dictionary does not know describes that noun, its subject (شكوى
    // تتهم دوتيرتي "a complaint accusing Duterte"): no one before it is.
    const bool describes_noun = !noun && t.first > 0 && DescribedNoun(t.first - 1);
    if (c.source < 0 && !clause_initial && !reported_violence && !describes_noun) {
      c.source = SubjectBefore(t.first, start);
      c.rule = noun ? (t.enclitic ? "pronoun" : "nominal-subject") : "svo";
      // Those killed in an attack did not make it (مقتل مدنيين في قصف جديد على دوما، قتل 30 شخصا بينهم ستة
      // كنديين في هجوم): no party after a casualty verb before the noun is its source.
      if (noun && c.source >= 0 &&
          (c.source == CasualtyVictim(t, trig, start) || AfterCasualtyVerb(c.source, t, start))) {
        reason_ = "rejected: the casualties of a violent action are not its source";
        return;
      }
    }
    // After أنه / إنها "that he / that she", the verb's subject is that pronoun: the speaker of the clause, or
    // someone named before; the actor after the verb is its object (إنه التقى نظيره "that he met his counterpart").
    const bool pronoun_subject = !noun && PronounSubject(t.first, start);
    if (c.source < 0 && !noun && !pronoun_subject) {
      c.source = SubjectAfter(t.first + 1, end, kMaxSubjectDistance);
      c.rule = "vso";
      // A counted party right after a verb joined by و is its object, and the subject is the one the sentence
      // named before (واقتحمت قوات الاحتلال المخيم واعتقلت خمسة شبان "stormed the camp and arrested five young men").
      // So is a party followed by the ب-complement of the verb (ونددت المنظمة بالقمع، وطالبت السلطات بالإفراج عن
      // المعتقلين "and demanded of the authorities the release of the detainees"), when an earlier verb of the
      // sentence has a subject of its own.
      // (Not when the verb carries its object as a pronoun: واتهمته الحكومة بالتعاطف "and the government accused him".)
      const bool complemented = c.source >= 0 && s_.actors[c.source].last < static_cast<int>(s_.words.size()) &&
                                WithBa(s_.actors[c.source].last) && s_.words[t.last - 1].analysis().suffix().empty();
      if (c.source >= 0 && clause_initial && trig.frame.direct && !trig.casualty && !trig.inverse &&
          (Counted(t.last, s_.actors[c.source].first) || complemented)) {
        const std::string_view prefix = s_.words[t.first].analysis().prefix();
        int subject = -1;
        if (prefix.substr(0, 2) == "و") subject = complemented ? EarlierVerbSubject(t) : SubjectBefore(t.first, 0);
        if (subject >= 0 && subject != c.source) {
          c.target = c.source;
          c.source = subject;
          c.rule = "coordinated";
          out->push_back(c);
          return;
        }
      }
    }
    if (c.source < 0 && (!noun || t.enclitic)) {
      c.source_speech = Speaker(t.first);
      if (c.source_speech >= 0) {
        const Speech& sp = s_.speeches[c.source_speech];
        // The speaker's own actor stands in the sentence, or was carried from an earlier one.
        c.source = sp.actor;
        c.rule = "speaker";
      }
    }
    // A verb joined by و / ف to an earlier verb of the sentence, with no subject of its own, shares that verb's
    // subject (استقبل الرئيس الوزير وبحث معه "the president received the minister and discussed with him").
    const Candidate* shared = nullptr;
    if (c.source < 0 && c.source_speech < 0 && !noun && !pronoun_subject) {
      shared = EarlierVerbEvent(t, *out);
      if (shared != nullptr) {
        c.source = shared->source;
        c.rule = "coordinated";
      }
    }
    if (c.source < 0 && c.source_speech < 0) return;
    const ActorMention& source =
        c.source >= 0 ? s_.actors[c.source] : s_.speeches[c.source_speech].carried;
    // The target comes after the subject when the subject follows the trigger; a light verb's target may
    // stand before its object noun (اقترحت الجزائر على ليبيا استضافة "Algeria offered Libya to host").
    int from = source.first > t.first ? source.last : (noun ? t.last : t.first + 1);
    if (c.rule == "vso") end = PastApposition(end, source.last);
    // Skip the rest of a coordinated subject.
    for (int a = source.coord_next; a >= 0; a = s_.actors[a].coord_next) from = std::max(from, s_.actors[a].last);
    c.target = Target(trig, from, end, c.source, /*allow_direct=*/true, index);
    if (c.target < 0 && shared != nullptr && shared->target >= 0 && shared->target != c.source &&
        (PronounAfter(t, trig) || (trig.frame.direct && !s_.words[t.last - 1].analysis().suffix().empty()))) {
      // ... and its pronoun (بحث معه "discussed with him", وحذرته "and warned him") the earlier verb's object.
      c.target = shared->target;
    }
    if (trig.casualty && (c.rule == "vso" || c.rule == "svo") &&
        !CloseCasualtyFrame(t, source, c.target, trig.inverse)) {
      // قتل "killed" is as often "was killed" (قتل 30 من قوات الأمن وسيطرت طالبان على القاعدة "30 of the security
      // forces were killed and the Taliban took the base"): only a compact clause is read as active.
      reason_ = "rejected: a killing verb's subject and object must stand right by it: else it is a passive";
      return;
    }
    if (c.target < 0 && !noun && trig.frame.direct && c.source >= 0) {
      // An object pronoun on the verb stands for a party named before it (قبل أن تفرقهم قوات الأمن "before the
      // security forces dispersed them": the protesters named before).
      c.target = PronounObject(t, c.source);
      if (c.target >= 0) c.rule = "object-pronoun";
    }

    if (!source.pair.empty()) {
      // "The two sides": one joint event between the parties last named.
      if (c.target >= 0 || !trig.symmetric) {
        reason_ = "rejected: \"the two sides\" as the source of a one-sided action";
        return;
      }
      c.source_pair = 0;
      c.target_pair = 1;
      c.target = c.source;
      c.rule = "joint-pair";
      out->push_back(c);
      return;
    }
    // Coordinated subjects act jointly only as the verb's subject or the noun's genitive, not when a verbal
    // noun further on merely follows them (أبرمت بريطانيا وفرنسا اتفاقا بعد المفاوضات).
    if (c.target < 0 && trig.symmetric && source.coord_next >= 0 && c.rule != "nominal-subject") {
      c.target = source.coord_next;
      c.rule = "joint";
      out->push_back(c);
      return;
    }
    if (c.target < 0 && noun && c.source >= 0) {
      // قتل خمسة مدنيين في قصف لقوات النظام "five civilians were killed in a shelling by the regime's forces":
      // the casualties of the verb before are the target of the violent action that killed them.
      c.target = Casualties(t, trig, start, c.source);
      if (c.target < 0) c.target = CasualtiesAfter(t, trig, c.source);
      if (c.target >= 0) c.rule = "casualty";
    }
    if (c.target < 0 && !noun && trig.frame.required) {
      // A purpose of the same kind names whom the action was aimed at (أطلقت قوات الأمن الغاز المسيل للدموع
      // لتفريق المحتجين "fired tear gas to disperse the protesters").
      c.target = PurposeObject(t, trig, c.source);
      // A threat names its target as the one the threatened action is done to (يهدد بتوقيف مدعية المحكمة
      // "threatens to arrest the court's prosecutor").
      if (c.target < 0 && trig.code.compare(0, 2, "13") == 0) {
        c.target = ThreatObject(source.first > t.first ? source.last : t.last, c.source);
      }
    }
    if (c.target < 0 && trig.frame.required) {
      reason_ = "rejected: no target in the clause that the frame admits";
      return;
    }
    if (c.target >= 0 && !s_.actors[c.target].pair.empty()) {
      // دعت السعودية الطرفين "Saudi Arabia called on the two sides": one event towards each.
      for (int p = 0; p < 2; ++p) {
        Candidate each = c;
        each.target_pair = p;
        out->push_back(each);
      }
      return;
    }
    if (c.source < 0) {  // a speaker carried from an earlier sentence
      out->push_back(c);
      return;
    }
    // A coordinated subject of a one-sided action: one event per subject.
    for (int a = c.source; a >= 0; a = s_.actors[a].coord_next) {
      Candidate each = c;
      each.source = a;
      out->push_back(each);
      if (trig.symmetric) break;
    }
  }

  const SentenceMentions& s_;
  const Lexicon& lex_;
  const bool sorted_;  // actors in text order
  size_t first_candidate_ = 0;  // this sentence's first candidate in the output
  mutable std::string reason_;  // what became of the trigger being coded, for explanations
};

}  // namespace

void CodeSentence(const SentenceMentions& sentence, const Lexicon& lexicon, std::vector<Candidate>* out,
                  std::vector<std::string>* reasons) {
  SentenceCoder(sentence, lexicon).Code(out, reasons);
}

}  // namespace rasad
