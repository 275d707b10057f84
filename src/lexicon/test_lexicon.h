// The lexicon of the source tree's data/, compiled once per test binary: shared by the tests of every stage
// that needs real dictionaries. For tests only.
#ifndef RASAD_LEXICON_TEST_LEXICON_H_
#define RASAD_LEXICON_TEST_LEXICON_H_

#include <string>

#include <gtest/gtest.h>

#include "lexicon/lexicon.h"

namespace rasad {

inline const Lexicon& TestLexicon() {
  static const Lexicon* lexicon = [] {
    auto lex = Lexicon::Load(std::string(RASAD_SOURCE_DIR) + "/data");
    EXPECT_TRUE(lex.ok()) << lex.status().message();
    return new Lexicon(std::move(lex).value());
  }();
  return *lexicon;
}

}  // namespace rasad

#endif  // RASAD_LEXICON_TEST_LEXICON_H_
