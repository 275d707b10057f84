// A tiny, valid set of dictionary sources (one or two entries of each file), written by hand for the
// dictionary-compiler and lexicon-loader fuzz targets: small enough that compiling it per input is cheap.
#ifndef RASAD_TESTS_FUZZ_TINY_DICTIONARY_H_
#define RASAD_TESTS_FUZZ_TINY_DICTIONARY_H_

#include <string>
#include <string_view>
#include <utility>

#include "fuzz_common.h"

namespace rasad {
namespace fuzz {

// File name and content of each source, in the order Lexicon::SourceFiles reads them.
inline constexpr std::pair<std::string_view, std::string_view> kTinyDictionary[] = {
    {"cameo.tsv",
     "code\troot\tquad_class\tgoldstein\tdescription\n"
     "040\t04\t1\t1.0\tConsult\n"
     "042\t04\t1\t1.9\tMake a visit\n"
     "111\t11\t3\t-2.0\tCriticize or denounce\n"},
    {"countries.tsv",
     "DZA\tالجزائر|الجمهورية الجزائرية\tجزائري\t-\tالجزائر العاصمة\tقصر المرادية\trasad\tAlgeria\n"
     "TUN\tتونس\tتونسي\tالتونسيون\tتونس العاصمة\tقرطاج\trasad\tTunisia\n"},
    {"agents.tsv",
     "وزير الخارجية\tGOV\tperson\trasad\n"
     "الرئيس\tGOV\tperson\trasad\n"
     "الجيش\tMIL\tgroup\trasad\n"},
    {"persons.tsv",
     "رمطان لعمامرة|لعمامرة\tRamtane Lamamra\tDZAGOV\t2021-07-07\t2023-03-18\trasad\n"
     "قيس سعيد\tKais Saied\tTUNGOV\t2019-10-23\t-\trasad\n"},
    {"orgs.tsv", "الأمم المتحدة\tIGOUNO\tUnited Nations\trasad\n"},
    {"events.tsv",
     "042\tverb\tزار/يزور\t-\tobj\t-\tvisit\n"
     "040\tnoun\tمباحثات\t-\tمع\tsym\ttalks with\n"
     "111\tverb\tانتقد/ينتقد\t-\tobj\tverbal\tcriticise\n"},
    {"places.tsv",
     "الجزائر\t2507480\tcity\tDZA\t36.7525\t3.0420\t1977663\n"
     "تونس\t2464470\tcity\tTUN\t36.8190\t10.1658\t693210\n"},
    {"function_words.tsv",
     "مع\tprep\tمع\twith\n"
     "في\tplace_prep\t-\tin\n"
     "أمس\trelday\t-1\tyesterday\n"
     "الماضي\tpast\t-\tlast\n"},
};

// Writes the tiny dictionary into `dir`.
inline void WriteTinyDictionary(const std::string& dir) {
  for (const auto& [name, content] : kTinyDictionary) WriteFile(dir + "/" + std::string(name), content);
}

}  // namespace fuzz
}  // namespace rasad

#endif  // RASAD_TESTS_FUZZ_TINY_DICTIONARY_H_
