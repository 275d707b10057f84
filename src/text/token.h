// Tokenisation of one normalised sentence.
//
// Tokens are: words (a run of letters of any script, incl. Arabic letters U+0621-U+064A, U+0671-U+06D3, and the
// combining marks that NFKC leaves; a word may contain an internal apostrophe or hyphen between letters only
// when both sides are Latin), numbers (a run of ASCII digits, with '.', ',', '/', ':' or '-' joining digit runs,
// so 2021/07/27, 3.5, 1,200 and 10:30 are one token each), and punctuation (each other non-space character is
// a token of its own, except that runs of the same mark such as "..." are one token). Spaces are never tokens.
// A joiner is part of a number only when digits follow it (so "2021." is a number and a '.'), and "U.S." is
// four tokens U . S . (the lexicon matches it as a token sequence). A decimal digit of another script, which
// Normalize() leaves alone, counts as a letter.
//
// Tested in token_test.cc.
#ifndef RASAD_TEXT_TOKEN_H_
#define RASAD_TEXT_TOKEN_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace rasad {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

// A token as a half-open byte span of the normalised text it was cut from.
struct Token {
  size_t begin = 0;
  size_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool arabic = false;  // a word whose first letter is Arabic
};

// Appends the tokens of text[begin, end) to *out, with offsets relative to the start of `text`.
void Tokenize(std::string_view text, size_t begin, size_t end, std::vector<Token>* out);

}  // namespace rasad

#endif  // RASAD_TEXT_TOKEN_H_
