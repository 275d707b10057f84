// Tokenisation of one normalised sentence.
//
// Method. A single left-to-right pass decodes one character at a time and classifies it as space, ASCII
// digit, word character or other. Word characters are letters of any script (ICU's u_isalpha, with the
// Arabic letters and tashkeel answered by range before asking ICU) and the combining marks NFKC leaves; a
// decimal digit of another script also counts as a word character, since numbers are defined on ASCII digits
// and normalisation has already mapped the Arabic-Indic and Persian ones. The joiners need one character of
// lookahead: a number continues over '.', ',', '/', ':' or '-' only when a digit follows, and a word continues
// over '\'' or '-' only when a Latin letter follows and a Latin letter precedes (al-Qaeda, Qa'ida), never in
// Arabic script, where a hyphen between words is punctuation. Every other character is a punctuation token,
// with a run of the same character ("...", "!!") kept as one. An ill-formed byte becomes a one-byte
// punctuation token so that offsets stay exact even on input that skipped Normalize().
//
// Tested in token_test.cc.
#include "text/token.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace rasad {
namespace {

enum class CharClass : uint8_t { kSpace, kDigit, kWord, kOther };

inline bool IsLatinLetter(UChar32 c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) ||  // Latin-1 and Extended-A/B letters
         (c >= 0x1E00 && c <= 0x1EFF);                                  // Latin Extended Additional
}

inline bool IsArabicLetter(UChar32 c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF);
}

CharClass Classify(UChar32 c) {
  if (c < 0x80) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f') return CharClass::kSpace;
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kWord;
    return CharClass::kOther;
  }
  if ((c >= 0x0621 && c <= 0x065F) || (c >= 0x0670 && c <= 0x06D3)) return CharClass::kWord;
  if (c < 0) return CharClass::kOther;
  if (u_isUWhiteSpace(c)) return CharClass::kSpace;
  if (u_isalpha(c) || u_isdigit(c)) return CharClass::kWord;
  if (U_GET_GC_MASK(c) & U_GC_M_MASK) return CharClass::kWord;  // combining marks stay inside their word
  return CharClass::kOther;
}

// Decodes the character at *i of text[.., end) and advances *i; an ill-formed byte decodes as -1 and
// advances by the bytes U8_NEXT consumed.
inline UChar32 Next(std::string_view text, size_t end, size_t* i) {
  int32_t k = static_cast<int32_t>(*i);
  UChar32 c;
  U8_NEXT(text.data(), k, static_cast<int32_t>(end), c);
  *i = static_cast<size_t>(k);
  return c;
}

// Peeks at the character at `i`, or -1 at `end`.
inline UChar32 Peek(std::string_view text, size_t end, size_t i) {
  if (i >= end) return -1;
  return Next(text, end, &i);
}

}  // namespace

void Tokenize(std::string_view text, size_t begin, size_t end, std::vector<Token>* out) {
  if (end > text.size()) end = text.size();
  size_t i = begin;
  while (i < end) {
    const size_t start = i;
    const UChar32 c = Next(text, end, &i);
    switch (Classify(c)) {
      case CharClass::kSpace:
        break;
      case CharClass::kDigit: {
        while (i < end) {
          const char d = text[i];
          if (d >= '0' && d <= '9') {
            ++i;
          } else if ((d == '.' || d == ',' || d == '/' || d == ':' || d == '-') && i + 1 < end &&
                     text[i + 1] >= '0' && text[i + 1] <= '9') {
            i += 2;
          } else {
            break;
          }
        }
        out->push_back({start, i, TokenKind::kNumber, false});
        break;
      }
      case CharClass::kWord: {
        UChar32 last = c;
        while (i < end) {
          // Most of a word is Arabic letters (two bytes, D8 or D9 then a trail byte): taken without decoding
          // through ICU's macro, as Classify would take them.
          const auto lead = static_cast<uint8_t>(text[i]);
          if ((lead == 0xD8 || lead == 0xD9) && i + 1 < end && (static_cast<uint8_t>(text[i + 1]) & 0xC0) == 0x80) {
            const UChar32 d = ((lead & 0x1F) << 6) | (static_cast<uint8_t>(text[i + 1]) & 0x3F);
            if (d >= 0x0621 && d <= 0x065F) {
              last = d;
              i += 2;
              continue;
            }
          }
          size_t k = i;
          const UChar32 d = Next(text, end, &k);
          if (Classify(d) == CharClass::kWord) {
            last = d;
            i = k;
          } else if ((d == '\'' || d == '-') && IsLatinLetter(last) && IsLatinLetter(Peek(text, end, k))) {
            i = k;  // the letter after the joiner is taken on the next round
          } else {
            break;
          }
        }
        out->push_back({start, i, TokenKind::kWord, IsArabicLetter(c)});
        break;
      }
      case CharClass::kOther: {
        if (c >= 0) {
          // A run of the same mark is one token: "...", "!!", "--".
          size_t k = i;
          while (k < end && Next(text, end, &k) == c) i = k;
        }
        out->push_back({start, i, TokenKind::kPunct, false});
        break;
      }
    }
  }
}

}  // namespace rasad
