// Forms: the inflections generated from a dictionary's lemmas, so that sources list each word once.
//
// Generation overshoots on purpose (a form that no text uses costs one hash entry) but never produces a form
// that is another common word's spelling in the contexts where rasad matches. Tested in forms_test.cc.
#ifndef RASAD_LEXICON_FORMS_H_
#define RASAD_LEXICON_FORMS_H_

#include <string>
#include <string_view>
#include <vector>

namespace rasad {

// Returns the third-person forms of a verb from its perfect and imperfect third-person masculine singular
// (زار / يزور "visit"): perfect زار زارت زارا زارتا زاروا; imperfect يزور تزور نزور يزوران تزوران يزورون
// يزوروا; with the defective endings handled (التقى -> التقت التقوا التقيا; يلتقي -> يلتقون يلتقيان).
// Either argument may be empty. Forms are normalised text, not keys.
std::vector<std::string> VerbForms(std::string_view perfect, std::string_view imperfect);

// A nationality adjective's inflection and whether it names the people (a plural).
struct NisbaForm {
  std::string text;
  bool plural;
};

// Returns the inflections of a masculine singular nisba without the article (جزائري "Algerian"): with and
// without ال, feminine ة, plurals ون ين ات, dual ان ين, accusative ا.
std::vector<NisbaForm> NisbaForms(std::string_view nisba);

// Returns the construct form of a role phrase whose last word has the article (وزير الخارجية ->
// وزير خارجية; الحكومة -> حكومة), or an empty string when it has none.
std::string ConstructForm(std::string_view phrase);

}  // namespace rasad

#endif  // RASAD_LEXICON_FORMS_H_
