// Coder: turns a sentence's triggers and actors into event candidates by attribution rules.
//
// For each trigger that is not negated, the source and target are chosen by construction, in order of
// evidence:
//   nominal   لقاء S مع T، زيارة S إلى T، استقبال S لـ T: the actor right after the verbal noun is its source
//   pronoun   خلال استقباله T: a noun with a possessive pronoun takes the clause's subject as source
//   VSO       بحث S مع T: the first actor after the verb with no preposition is the subject
//   SVO       S عقد جلسة عمل مع T: else the nearest actor before the trigger in its clause
//   speaker   قال S إنه يرحب ب T: else, in a clause reported by a verb of saying whose subject is not written
//             (a pronoun, إنه "that he"), the speaker
// The target is the first later actor in the clause that the trigger's frame admits: introduced by one of
// its prepositions, or unmarked when the frame takes a direct object. Actors that are places (في الجزائر) or
// parts of names (مؤتمر برلين) are never parties. Coordinated subjects of a joint action (جددت الجزائر وواشنطن
// شراكتهما) are its source and target; "the two sides" stands for the two parties last named.
//
// Tested in coder_test.cc.
#ifndef RASAD_CODE_CODER_H_
#define RASAD_CODE_CODER_H_

#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "mention/mentions.h"

namespace rasad {

// An event found in one sentence, before dating and settling.
struct Candidate {
  int trigger = 0;        // index into SentenceMentions::triggers
  int source = -1;        // index into SentenceMentions::actors
  int target = -1;        // index into SentenceMentions::actors, or -1
  int source_speech = -1; // when the source is the speaker of a reported clause: index into
                          // SentenceMentions::speeches (source is then -1)
  int source_pair = -1;   // for "the two sides": which of the pair (0 or 1) the source is, else -1
  int target_pair = -1;
  std::string rule;       // "nominal", "pronoun", "vso", "svo", "joint"
};

// Appends the event candidates of one analysed sentence to *out. When `reasons` is not null, it receives one
// line per trigger saying what became of it (the rule that attributed it, or why it was rejected).
void CodeSentence(const SentenceMentions& sentence, const Lexicon& lexicon, std::vector<Candidate>* out,
                  std::vector<std::string>* reasons = nullptr);

}  // namespace rasad

#endif  // RASAD_CODE_CODER_H_
