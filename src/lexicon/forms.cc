// Generates inflected forms from lemmas by concatenation rules on the unvocalised script. Arabic verbs of
// the shapes news uses most (sound, hollow, doubled, and defective in ى/ي/ا) inflect in the third person by
// suffixes and by the imperfect's person prefix, which is all that is generated here: first and second
// persons are rare in news reporting of events. Tested in forms_test.cc.
#include "lexicon/forms.h"

#include <string>

namespace rasad {
namespace {

constexpr std::string_view kYeh = "ي";          // imperfect prefix of the third person masculine
constexpr std::string_view kAlefMaqsura = "ى";
constexpr std::string_view kAlef = "ا";
constexpr std::string_view kArticle = "ال";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

void AddPerfect(std::string_view p, std::vector<std::string>* out) {
  std::string s(p);
  out->push_back(s);
  if (EndsWith(p, kAlefMaqsura) || (EndsWith(p, kAlef) && p.size() > 4)) {
    // Defective: التقى "met" -> التقت، التقوا، التقيا; دعا "called" -> دعت، دعوا
    std::string stem(p.substr(0, p.size() - 2));
    out->push_back(stem + "ت");
    out->push_back(stem + "وا");
    out->push_back(stem + (EndsWith(p, kAlefMaqsura) ? "يا" : "وا"));
    out->push_back(stem + "تا");
    return;
  }
  out->push_back(s + "ت");   // 3fs
  out->push_back(s + "ا");   // 3md
  out->push_back(s + "تا");  // 3fd
  out->push_back(s + "وا");  // 3mp
}

void AddImperfect(std::string_view i, std::vector<std::string>* out) {
  if (!StartsWith(i, kYeh)) {
    out->emplace_back(i);
    return;
  }
  std::string_view rest = i.substr(kYeh.size());
  std::vector<std::string> bodies{std::string(rest)};
  if (EndsWith(rest, kYeh)) {
    // Defective in ي: يلتقي "meets" -> يلتقون، يلتقيان
    std::string stem(rest.substr(0, rest.size() - kYeh.size()));
    bodies.push_back(stem + "ون");
    bodies.push_back(stem + "وا");
    bodies.push_back(std::string(rest) + "ان");
  } else if (EndsWith(rest, "و")) {
    // Defective in و: يدعو "calls" -> يدعون، يدعوان
    std::string stem(rest.substr(0, rest.size() - 2));
    bodies.push_back(stem + "ون");
    bodies.push_back(stem + "وا");
    bodies.push_back(std::string(rest) + "ان");
  } else if (EndsWith(rest, kAlefMaqsura) || EndsWith(rest, kAlef)) {
    std::string stem(rest.substr(0, rest.size() - 2));
    bodies.push_back(stem + "ون");
    bodies.push_back(stem + "وا");
    bodies.push_back(stem + "يان");
  } else {
    bodies.push_back(std::string(rest) + "ان");
    bodies.push_back(std::string(rest) + "ون");
    bodies.push_back(std::string(rest) + "وا");
  }
  // Person prefixes: ي he/they, ت she/they (f), ن we, أ I (kept: "أبحث" is rare but harmless).
  for (const std::string& body : bodies) {
    for (std::string_view prefix : {"ي", "ت", "ن"}) out->push_back(std::string(prefix) + body);
  }
}

}  // namespace

std::vector<std::string> VerbForms(std::string_view perfect, std::string_view imperfect) {
  std::vector<std::string> out;
  if (!perfect.empty()) AddPerfect(perfect, &out);
  if (!imperfect.empty()) AddImperfect(imperfect, &out);
  return out;
}

std::vector<NisbaForm> NisbaForms(std::string_view nisba) {
  std::vector<NisbaForm> out;
  const std::string n(nisba);
  for (std::string_view article : {std::string_view(), kArticle}) {
    const std::string a(article);
    out.push_back({a + n, false});          // جزائري / الجزائري
    out.push_back({a + n + "ة", false});    // feminine / the state's (الحكومة الجزائرية)
    out.push_back({a + n + "ون", true});    // the Algerians (nominative)
    out.push_back({a + n + "ين", true});    // the Algerians (oblique), also the dual oblique
    out.push_back({a + n + "ات", true});    // the Algerian women
    out.push_back({a + n + "ان", false});   // dual (الجانبان الجزائري والأميركي is rare; keep as adjective)
    out.push_back({a + n + "تان", false});  // feminine dual
  }
  out.push_back({n + "ا", false});  // accusative indefinite: "وفدا جزائريا"
  return out;
}

std::string ConstructForm(std::string_view phrase) {
  size_t last = phrase.rfind(' ');
  size_t start = last == std::string_view::npos ? 0 : last + 1;
  std::string_view word = phrase.substr(start);
  if (!StartsWith(word, kArticle) || word.size() <= kArticle.size() + 2) return "";
  std::string out(phrase.substr(0, start));
  out += word.substr(kArticle.size());
  return out;
}

}  // namespace rasad
