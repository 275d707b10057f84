// Normalisation of Arabic news text with an exact map back to the original bytes.
//
// Method. Normalize() walks the original UTF-8 once, character by character (U8_NEXT; an ill-formed
// sequence becomes U+FFFD and is counted). Every output byte records the original offset of the character
// that produced it, as sentencepiece's norm_to_orig does. Blocks of ASCII that no rule touches are copied
// whole. Any other character first meets the character rules (ApplyRules: digits, punctuation, quotes,
// dashes, spaces, controls, tashkeel, Persian letters); the rules run before NFKC because NFKC would spoil a
// few characters we map ourselves (″ would become two primes, an isolated tashkeel form U+FE7x a space plus
// a mark). A character the rules keep starts a run: it and the combining marks after it, up to the next
// NFKC boundary (Normalizer2::hasBoundaryBefore), because NFKC composes across them (alef + U+0654 -> أ).
// The run looks past removed invisible characters (ZWNJ, RLM, tatweel), and tashkeel other than the three
// composing marks U+0653-U+0655 is removed before NFKC sees the run; otherwise a character that is gone
// from the output could have blocked a composition, and normalising twice would not give the same text.
// The common run, a plain Arabic letter with or without tashkeel, never reaches ICU and keeps one exact
// offset per character; a run whose remainder is already NFKC and untouched by the rules is also copied
// with exact offsets. Only a run that changes goes through FinishRun (NFKC, then the rules again so that
// marks are stripped after NFKC and a Persian letter reached through its presentation form is folded,
// repeated while the rules remove something), and all its output maps to the run's first character;
// OriginalEnd() then lets a span that ends inside such an expansion (ﷺ) cover the whole character.
// MatchKey() is a byte-level pass: every letter it folds is two bytes in UTF-8 and so is its replacement,
// so a key has the byte length of its word.
//
// Tested in normalize_test.cc.
#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace rasad {
namespace {

// A result of ApplyRules() meaning "the character is removed".
constexpr UChar32 kDrop = -1;

// Returns what the character rules of normalize.h make of `c`: `c` itself when no rule applies, another
// character, or kDrop. Never called with '\r' (CR LF needs two bytes of context; see Normalize()).
UChar32 ApplyRules(UChar32 c) {
  if (c < 0x80) {
    // Tabs and form feeds are spaces; the later stages then only ever see ' ' and '\n'.
    return (c == '\t' || c == '\v' || c == '\f') ? ' ' : c;
  }
  if (c >= 0x0600 && c <= 0x06FF) {
    if (c >= 0x064B && c <= 0x065F) return kDrop;  // tashkeel, incl. hamza above/below as marks
    if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);  // Arabic-Indic digits
    if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);  // Persian digits
    switch (c) {
      case 0x0640: return kDrop;    // tatweel ـ
      case 0x0670: return kDrop;    // superscript (dagger) alef
      case 0x061C: return kDrop;    // Arabic letter mark (bidi control)
      case 0x060C: return ',';      // ، comma
      case 0x061B: return ';';      // ؛ semicolon
      case 0x061F: return '?';      // ؟ question mark
      case 0x066A: return '%';      // ٪ percent
      case 0x066B: return '.';      // ٫ decimal separator
      case 0x066C: return ',';      // ٬ thousands separator
      case 0x06D4: return '.';      // ۔ Urdu full stop
      case 0x06A9: return 0x0643;   // Persian keheh ک -> kaf ك
      case 0x06CC: return 0x064A;   // Persian yeh ی -> yeh ي
      default: return c;
    }
  }
  if (c >= 0x2000 && c <= 0x206F) {  // General Punctuation
    if (c <= 0x200A) return ' ';                   // en quad ... hair space
    if (c <= 0x200F) return kDrop;                 // ZWSP, ZWNJ, ZWJ, LRM, RLM
    if (c <= 0x2015) return '-';                   // hyphens and dashes ‐ ‑ ‒ – — ―
    if (c >= 0x2018 && c <= 0x201B) return '\'';   // ‘ ’ ‚ ‛
    if (c >= 0x201C && c <= 0x201F) return '"';    // “ ” „ ‟
    if (c == 0x2028 || c == 0x2029) return '\n';   // line and paragraph separators
    if (c >= 0x202A && c <= 0x202E) return kDrop;  // bidi embeddings and overrides
    if (c == 0x202F || c == 0x205F) return ' ';    // narrow no-break space, medium math space
    if (c == 0x2033) return '"';                   // ″ double prime, used as a quote
    if (c == 0x2039 || c == 0x203A) return '\'';   // ‹ › single guillemets
    if (c >= 0x2060 && c <= 0x2069) return kDrop;  // word joiner, invisible operators, bidi isolates
    return c;
  }
  if (c >= 0xFE70 && c <= 0xFE7F) return kDrop;  // isolated/medial tashkeel forms (NFKC: space + mark)
  if (c >= 0xFC5E && c <= 0xFC63) return kDrop;  // shadda ligature forms (NFKC: space + marks)
  switch (c) {
    case 0x0085: return '\n';    // next line
    case 0x00A0: return ' ';     // no-break space
    case 0x00AD: return kDrop;   // soft hyphen, invisible
    case 0x00AB: return '"';     // «
    case 0x00BB: return '"';     // »
    case 0x1680: return ' ';     // ogham space mark
    case 0x2212: return '-';     // minus sign
    case 0x3000: return ' ';     // ideographic space
    case 0xFEFF: return kDrop;   // BOM / zero-width no-break space
    default: return c;
  }
}

// True when NFKC leaves `c` unchanged on its own. The Arabic base letters (incl. the composed أ إ آ ؤ ئ)
// are answered without ICU because they are most of what we read.
inline bool NfkcStableAlone(UChar32 c) {
  if (c < 0x80 || (c >= 0x0621 && c <= 0x064A)) return true;
  return u_getIntPropertyValue(c, UCHAR_NFKC_QUICK_CHECK) != UNORM_NO;
}

// True when NFKC cannot combine `c` with the character before it, so a run may end before `c`.
inline bool StartsRun(const icu::Normalizer2& nfkc, UChar32 c) {
  if (c < 0x80 || (c >= 0x0621 && c <= 0x064A)) return true;
  return nfkc.hasBoundaryBefore(c);
}

// Returns the Arabic letter U+0621-U+064A other than tatweel encoded at s[i] (two bytes), or -1.
inline UChar32 ArabicLetterAt(const char* s, int32_t i, int32_t n) {
  if (i + 1 >= n) return -1;
  const auto lead = static_cast<uint8_t>(s[i]), trail = static_cast<uint8_t>(s[i + 1]);
  if ((lead != 0xD8 && lead != 0xD9) || (trail & 0xC0) != 0x80) return -1;
  const UChar32 c = ((lead & 0x1F) << 6) | (trail & 0x3F);
  return c >= 0x0621 && c <= 0x064A && c != 0x0640 ? c : -1;
}

// True for an Arabic letter (as ArabicLetterAt returns) that the rules leave as it is.
inline bool PlainArabicLetter(UChar32 c) {
  static const std::array<bool, 0x064A - 0x0621 + 1> plain = [] {
    std::array<bool, 0x064A - 0x0621 + 1> table{};
    for (UChar32 l = 0x0621; l <= 0x064A; ++l) table[l - 0x0621] = ApplyRules(l) == l && NfkcStableAlone(l);
    return table;
  }();
  return plain[c - 0x0621];
}

// True for an ASCII byte that no rule changes (CR, tab, VT and FF are changed).
inline bool IsPlainAscii(char b) {
  const auto u = static_cast<uint8_t>(b);
  return u < 0x80 && u != '\r' && u != '\t' && u != '\v' && u != '\f';
}

// True for a character that the rules remove and that NFKC never combines with what precedes it: the
// invisible controls, tatweel, the presentation forms of tashkeel. Unlike a combining mark, such a character
// must not reach NFKC inside a run, where it would block composition across it.
inline bool IsTransparent(const icu::Normalizer2& nfkc, UChar32 c) {
  return c >= 0x80 && ApplyRules(c) == kDrop && StartsRun(nfkc, c);
}

// True for a character of a run (after its first) that the rules remove before NFKC sees the run: the
// transparent ones and all tashkeel except the three marks that compose with a letter (U+0653-U+0655).
inline bool RemovedBeforeNfkc(UChar32 c) {
  return ApplyRules(c) == kDrop && !(c >= 0x0653 && c <= 0x0655);
}

// Brings `run` to what it finally normalises to: NFKC, then the rules, repeated while the rules change
// something, since a mark they remove may have blocked a composition (A + U+0654 + U+0301 -> Á). A second
// round is rare and a third has never been needed; the cap only bounds the loop. `scratch` is working space.
void FinishRun(const icu::Normalizer2& nfkc, icu::UnicodeString* run, icu::UnicodeString* scratch) {
  for (int round = 0; round < 4; ++round) {
    UErrorCode status = U_ZERO_ERROR;
    if (!nfkc.isNormalized(*run, status) && U_SUCCESS(status)) {
      nfkc.normalize(*run, *scratch, status);
      if (U_FAILURE(status)) return;
      run->swap(*scratch);
    }
    scratch->remove();
    bool changed = false;
    for (int32_t k = 0; k < run->length();) {
      const UChar32 c = run->char32At(k);
      k += U16_LENGTH(c);
      const UChar32 r = ApplyRules(c);
      changed = changed || r != c;
      if (r != kDrop) scratch->append(r);
    }
    run->swap(*scratch);
    if (!changed) return;
  }
}

const icu::Normalizer2& Nfkc() {
  static const icu::Normalizer2* const nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || n == nullptr) {
      // Missing ICU data is an installation bug, not bad input: stop loudly.
      std::fprintf(stderr, "%s:%d: ICU NFKC data unavailable: %s\n", __FILE__, __LINE__,
                   u_errorName(status));
      std::abort();
    }
    return n;
  }();
  return *nfkc;
}

}  // namespace

size_t NormalizedText::OriginalOffset(size_t offset) const {
  if (to_original_.empty()) return 0;
  if (offset >= to_original_.size()) return to_original_.back();
  return to_original_[offset];
}

size_t NormalizedText::OriginalEnd(size_t offset) const {
  if (offset == 0 || offset + 1 >= to_original_.size()) return OriginalOffset(offset);
  const uint32_t from = to_original_[offset];
  if (to_original_[offset - 1] != from) return from;
  // Inside one character's expansion (ﷺ, ﻻ): the span ends where the next character's output begins.
  size_t k = offset;
  while (to_original_[k] == from) ++k;  // stops at the end entry, which is past every start
  return to_original_[k];
}

NormalizedText Normalize(std::string_view original) {
  const icu::Normalizer2& nfkc = Nfkc();
  if (original.size() > static_cast<size_t>(INT32_MAX)) {
    // ICU's UTF-8 macros index with int32_t; a 2 GiB "article" is a caller bug, not bad text.
    std::fprintf(stderr, "%s:%d: Normalize() input of %zu bytes exceeds 2 GiB\n", __FILE__, __LINE__,
                 original.size());
    std::abort();
  }
  NormalizedText result;
  std::string& text = result.text_;
  std::vector<uint32_t>& map = result.to_original_;
  text.reserve(original.size());
  map.reserve(original.size() + 1);

  // Appends `c` (already through the rules) as produced by the original character at `from`.
  auto emit = [&text, &map](UChar32 c, size_t from) {
    if (c == kDrop) return;
    if (c < 0x80) {
      text.push_back(static_cast<char>(c));
      map.push_back(static_cast<uint32_t>(from));
      return;
    }
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    text.append(buf, len);
    for (int32_t k = 0; k < len; ++k) map.push_back(static_cast<uint32_t>(from));  // not insert(): len <= 4
  };
  // Appends every character of a finished run, all produced by `from`.
  auto emit_all = [&emit](const icu::UnicodeString& run, size_t from) {
    for (int32_t k = 0; k < run.length();) {
      const UChar32 c = run.char32At(k);
      emit(c, from);
      k += U16_LENGTH(c);
    }
  };

  const char* s = original.data();
  const int32_t n = static_cast<int32_t>(original.size());
  icu::UnicodeString run, scratch;  // reused; short runs stay in their inline buffers
  int32_t i = 0;
  while (i < n) {
    const uint8_t b = static_cast<uint8_t>(s[i]);
    if (b == '\r') {  // CR LF and lone CR are one line break
      emit('\n', i);
      i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (b < 0x80 || b == 0xD8 || b == 0xD9) {
      // The common case: a run of ASCII that no rule touches and of Arabic letters that the rules leave alone
      // is copied at once, since nothing in it changes or combines. Its last character stays out when a
      // non-ASCII character that might be a combining mark (anything but an Arabic letter) follows it: the
      // general path below takes it with its marks.
      int32_t j = i, last = i;
      while (j < n) {
        if (static_cast<uint8_t>(s[j]) < 0x80) {
          if (!IsPlainAscii(s[j])) break;
          last = j++;
          continue;
        }
        const UChar32 letter = ArabicLetterAt(s, j, n);
        if (letter < 0 || !PlainArabicLetter(letter)) break;
        last = j;
        j += 2;
      }
      if (j < n && static_cast<uint8_t>(s[j]) >= 0x80 && ArabicLetterAt(s, j, n) < 0) j = last;
      if (j > i) {
        text.append(s + i, j - i);
        const size_t base = map.size();
        map.resize(base + (j - i));
        for (int32_t k = i; k < j; ++k) {  // both bytes of a letter map to its first
          map[base + (k - i)] = static_cast<uint32_t>(k - ((static_cast<uint8_t>(s[k]) & 0xC0) == 0x80 ? 1 : 0));
        }
        i = j;
        continue;
      }
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      if (result.invalid_count_++ == 0) result.first_invalid_offset_ = start;
      emit(0xFFFD, start);
      continue;
    }
    const UChar32 ruled = ApplyRules(c);
    if (ruled != c) {
      emit(ruled, start);
      continue;
    }
    // Extend the run over the characters NFKC might combine with `c`. The run also looks past invisible
    // characters we remove (ZWNJ, RLM, tatweel): once they are gone, a mark after them sits next to `c`,
    // and only composing it now keeps Normalize() idempotent (A + RLM + U+0301 -> Á).
    int32_t end = i;
    int32_t probe = i;
    bool kept_after_c = false;  // the run holds a character NFKC must see besides `c`
    while (probe < n && static_cast<uint8_t>(s[probe]) >= 0x80) {
      int32_t next = probe;
      UChar32 d;
      U8_NEXT(s, next, n, d);
      if (d < 0 || (d >= 0x0621 && d <= 0x064A && d != 0x0640)) break;  // Arabic letters start a run
      if (IsTransparent(nfkc, d)) {
        probe = next;
        continue;
      }
      if (nfkc.hasBoundaryBefore(d)) break;
      kept_after_c = kept_after_c || !RemovedBeforeNfkc(d);
      end = probe = next;
    }
    if (!kept_after_c && NfkcStableAlone(c)) {
      // The common case, a letter alone or with its tashkeel: one exact offset per character.
      emit(c, start);
      for (int32_t k = i; k < end;) {
        const int32_t from = k;
        UChar32 d;
        U8_NEXT_UNSAFE(s, k, d);  // validated by the scan above
        if (!RemovedBeforeNfkc(d)) emit(d, from);
      }
      i = end;
      continue;
    }
    // What NFKC must see of the run: tashkeel is removed up front, so that it cannot block a composition
    // after it is gone, except the marks that compose with a letter (alef + U+0654 -> أ).
    run.setTo(c);
    bool plain = true;  // nothing in the run needs NFKC or the rules
    for (int32_t k = i; k < end;) {
      UChar32 d;
      U8_NEXT_UNSAFE(s, k, d);
      if (!RemovedBeforeNfkc(d)) {
        run.append(d);
        plain = plain && ApplyRules(d) == d;
      }
    }
    UErrorCode status = U_ZERO_ERROR;
    if (plain && kept_after_c && nfkc.isNormalized(run, status) && U_SUCCESS(status)) {
      for (int32_t k = start; k < end;) {
        const int32_t from = k;
        UChar32 d;
        U8_NEXT_UNSAFE(s, k, d);
        if (!RemovedBeforeNfkc(d)) emit(d, from);
      }
    } else {
      FinishRun(nfkc, &run, &scratch);
      emit_all(run, start);
    }
    i = end;
  }
  map.push_back(static_cast<uint32_t>(original.size()));
  return result;
}

void AppendMatchKey(std::string_view normalized_word, std::string* out) {
  const size_t base = out->size();
  out->append(normalized_word);
  char* p = out->data() + base;
  const size_t len = normalized_word.size();
  // 0xD8 and 0xD9 are lead bytes only, so a match below is always a whole letter.
  for (size_t k = 0; k + 1 < len; ++k) {
    const uint8_t lead = static_cast<uint8_t>(p[k]);
    const uint8_t trail = static_cast<uint8_t>(p[k + 1]);
    if (lead == 0xD8) {
      if (trail == 0xA2 || trail == 0xA3 || trail == 0xA5) {  // آ أ إ -> ا
        p[k + 1] = static_cast<char>(0xA7);
      } else if (trail == 0xA9) {  // teh marbuta ة -> heh ه (U+0647)
        p[k] = static_cast<char>(0xD9);
        p[k + 1] = static_cast<char>(0x87);
      }
      ++k;
    } else if (lead == 0xD9) {
      if (trail == 0x89) {  // alef maqsura ى -> yeh ي
        p[k + 1] = static_cast<char>(0x8A);
      } else if (trail == 0xB1) {  // alef wasla ٱ -> ا (U+0627)
        p[k] = static_cast<char>(0xD8);
        p[k + 1] = static_cast<char>(0xA7);
      }
      ++k;
    }
  }
}

std::string MatchKey(std::string_view normalized_word) {
  std::string key;
  AppendMatchKey(normalized_word, &key);
  return key;
}

}  // namespace rasad
