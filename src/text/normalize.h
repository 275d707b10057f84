// Normalisation of Arabic news text for matching, with a map back to the original bytes.
//
// Two levels:
//  * Normalize() turns an article's original UTF-8 into NormalizedText: ICU NFKC; tashkeel (U+064B-U+065F,
//    U+0670) and tatweel (U+0640) removed; zero-width and bidi controls (U+200B-U+200F, U+202A-U+202E,
//    U+2060-U+2069, U+FEFF, U+061C) removed; Arabic-Indic (U+0660-U+0669) and Persian (U+06F0-U+06F9) digits
//    to ASCII; Arabic punctuation to ASCII (، U+060C -> ',', ؛ U+061B -> ';', ؟ U+061F -> '?', ٪ -> '%',
//    ٫ -> '.', ٬ -> ','); every quotation mark (« » “ ” „ ‟ ″) to '"' and ‘ ’ to '\''; dashes (– — ‒ ―) to '-';
//    every Unicode space (NBSP, thin space, ...) to ' '; CR LF and CR to '\n'; Persian letters to their Arabic
//    twins (ک -> ك, ی -> ي). Letters keep their identity (alef forms, ى, ة are NOT folded here), so the
//    normalised text is still good to show. Invalid UTF-8 sequences become U+FFFD and are counted (one per
//    maximal ill-formed subsequence, as ICU's U8_NEXT reads them).
//    Details beyond the list above: the character rules apply both before NFKC and to what NFKC produces,
//    so ″ becomes '"' (not two primes) and a Persian letter reached through its presentation form is still
//    folded; the presentation forms of tashkeel (U+FE70-U+FE7F, U+FC5E-U+FC63), which NFKC would turn into
//    a space plus a mark, are removed; tab, VT and FF become ' '; U+2028, U+2029 and U+0085 become '\n';
//    the soft hyphen U+00AD is removed; hyphens U+2010, U+2011 and the minus U+2212 become '-'; ‚ ‛ ‹ ›
//    become '\''; the Urdu full stop ۔ becomes '.'. After Normalize() the only whitespace left is ' ' and
//    '\n'.
//  * MatchKey() folds a word further for dictionary keys: alef forms (أ إ آ ٱ) -> ا, alef maqsura ى -> ي,
//    teh marbuta ة -> ه. Keys are only for lookup, never shown.
//
// Tested in normalize_test.cc.
#ifndef RASAD_TEXT_NORMALIZE_H_
#define RASAD_TEXT_NORMALIZE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasad {

// The normalised form of a text and, for each of its bytes, the byte offset in the original text where the
// character that produced it starts.
class NormalizedText {
 public:
  NormalizedText() = default;

  // The normalised UTF-8 text.
  const std::string& text() const { return text_; }

  // Returns the original byte offset of the character that produced normalised byte `offset`. For
  // offset == text().size() returns the original text's size, so a half-open normalised span [b, e) maps
  // to the half-open original span [OriginalOffset(b), OriginalOffset(e)) that covers it exactly (with the
  // removed characters between the two, such as trailing tashkeel). Every output character of a ligature or
  // other NFKC expansion (ﻻ -> لا, ﷺ -> four words) maps to the expanded character's start, so a span that
  // ends inside such an expansion needs OriginalEnd().
  size_t OriginalOffset(size_t offset) const;

  // Returns the original end of a normalised span that ends at `offset`: OriginalOffset(offset), except
  // when bytes offset-1 and offset come from the same original character (inside an expansion), where it is
  // the end of that character. [OriginalOffset(b), OriginalEnd(e)) therefore covers any span [b, e).
  size_t OriginalEnd(size_t offset) const;

  // Number of invalid UTF-8 sequences that were replaced by U+FFFD, and the original byte offset of the
  // first one (meaningful only when invalid_count() > 0).
  size_t invalid_count() const { return invalid_count_; }
  size_t first_invalid_offset() const { return first_invalid_offset_; }

 private:
  friend NormalizedText Normalize(std::string_view original);
  std::string text_;
  std::vector<uint32_t> to_original_;  // one entry per byte of text_, plus one for the end
  size_t invalid_count_ = 0;
  size_t first_invalid_offset_ = 0;
};

// Returns the normalised form of `original` (see the file comment). Never fails: bad bytes become U+FFFD.
// `original` must be shorter than 2 GiB (offsets are 32-bit); a longer one aborts.
NormalizedText Normalize(std::string_view original);

// Returns the dictionary key of one already-normalised word: alef forms -> ا, ى -> ي, ة -> ه.
std::string MatchKey(std::string_view normalized_word);

// Appends MatchKey(normalized_word) to *out (no allocation when *out has capacity).
void AppendMatchKey(std::string_view normalized_word, std::string* out);

}  // namespace rasad

#endif  // RASAD_TEXT_NORMALIZE_H_
