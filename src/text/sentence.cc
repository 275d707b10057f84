// Sentence splitting of normalised Arabic news text.
//
// Method. The text is cut into lines first, because every line break ends a sentence and each non-empty line
// is a paragraph of its own. Within a line one left-to-right scan keeps the bracket depth and whether a '"'
// quotation is open (normalisation has already turned « » “ ” into '"', so an opening and a closing quote are
// told apart only by parity). At a run of terminal marks (. ! ? ;) the scan first drops the cases that are not
// ends: a lone '.' joining two ASCII letters or digits, a lone '.' after a one-letter word, a run with nothing
// before it in its sentence (a leading "..."). It then swallows the closing quotes and brackets that follow
// the run (“...”. is common in news copy), and ends the sentence unless it is still inside a bracket or
// quotation that closes later on the same line. "Closes later" is answered in O(1) from two positions found
// by a pre-pass over the line (the last '"', and the last closing bracket that brings the depth back to
// zero), so a pathological line stays linear. An unclosed quotation therefore never swallows the rest of its
// line: a quoted paragraph that runs on to the next line, as is usual in news copy, is split normally.
//
// Tested in sentence_test.cc.
#include "text/sentence.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

namespace rasad {
namespace {

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
inline bool IsMark(char c) { return c == '.' || c == '!' || c == '?' || c == ';'; }
inline bool IsOpener(char c) { return c == '(' || c == '[' || c == '{'; }
inline bool IsCloser(char c) { return c == ')' || c == ']' || c == '}'; }
inline bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline bool IsLetter(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c >= 0x0621 && c <= 0x064A) return true;  // the common Arabic letters, without asking ICU
  return u_isalpha(c);
}

// Returns the character that ends just before byte `pos` of t[begin, ...), or -1 at `begin`; moves *prev to
// its first byte.
UChar32 CharBefore(std::string_view t, size_t begin, size_t pos, size_t* prev) {
  if (pos <= begin) return -1;
  int32_t i = static_cast<int32_t>(pos - begin);
  UChar32 c;
  U8_PREV(t.data() + begin, 0, i, c);
  *prev = begin + i;
  return c;
}

// True when the single '.' at `dot` does not end a sentence: between two ASCII letters or digits (3.5,
// 2021.07.27, reuters.com), or after a one-letter word (د. for doctor, م. for the Common Era, U.S.).
bool DotContinues(std::string_view t, size_t line_begin, size_t line_end, size_t dot) {
  if (dot > line_begin && dot + 1 < line_end && IsAsciiAlnum(t[dot - 1]) && IsAsciiAlnum(t[dot + 1])) {
    return true;
  }
  size_t letter_begin = dot;
  if (!IsLetter(CharBefore(t, line_begin, dot, &letter_begin))) return false;
  size_t unused;
  return !IsLetter(CharBefore(t, line_begin, letter_begin, &unused));
}

// True when t[begin, end) holds nothing but spaces.
bool AllSpaces(std::string_view t, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (!IsSpace(t[i])) return false;
  }
  return true;
}

// Appends t[begin, end) trimmed of spaces, unless nothing is left.
void AddSentence(std::string_view t, size_t begin, size_t end, int paragraph,
                 std::vector<SentenceSpan>* out) {
  while (begin < end && IsSpace(t[begin])) ++begin;
  while (end > begin && IsSpace(t[end - 1])) --end;
  if (begin < end) out->push_back({begin, end, paragraph});
}

// Splits the line t[begin, end), which holds no '\n', as paragraph `paragraph`.
// The bytes SplitLine acts on: quotes, brackets and sentence marks; a line is mostly other bytes, skipped
// with one table lookup each.
constexpr std::array<bool, 256> kSplitBytes = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : std::string_view("\"()[]{}.!?;")) table[c] = true;
  return table;
}();

// Returns the first position in [i, end) of a byte SplitLine acts on, or end.
inline size_t SkipPlain(std::string_view t, size_t i, size_t end) {
  while (i < end && !kSplitBytes[static_cast<unsigned char>(t[i])]) ++i;
  return i;
}

void SplitLine(std::string_view t, size_t begin, size_t end, int paragraph, std::vector<SentenceSpan>* out) {
  // Pre-pass: where the last quote is, and where brackets last closed back to depth zero.
  size_t last_quote = std::string_view::npos;
  size_t last_zero_close = std::string_view::npos;
  int depth = 0;
  for (size_t i = SkipPlain(t, begin, end); i < end; i = SkipPlain(t, i + 1, end)) {
    const char c = t[i];
    if (c == '"') {
      last_quote = i;
    } else if (IsOpener(c)) {
      ++depth;
    } else if (IsCloser(c) && depth > 0) {
      if (--depth == 0) last_zero_close = i;
    }
  }
  auto after = [](size_t pos, size_t from) { return pos != std::string_view::npos && pos >= from; };

  depth = 0;
  bool quoted = false;
  size_t sentence_begin = begin;
  size_t i = begin;
  while ((i = SkipPlain(t, i, end)) < end) {
    const char c = t[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (IsOpener(c)) {
      ++depth;
    } else if (IsCloser(c)) {
      if (depth > 0) --depth;
    }
    if (!IsMark(c)) {
      ++i;
      continue;
    }
    size_t run_end = i;
    while (run_end < end && IsMark(t[run_end])) ++run_end;
    if (run_end - i == 1 && c == '.' && DotContinues(t, begin, end, i)) {
      ++i;
      continue;
    }
    if (AllSpaces(t, sentence_begin, i)) {
      i = run_end;  // a leading "..." belongs to the sentence it introduces
      continue;
    }
    // Take the closing quotes and brackets that follow the marks: ... نتراجع." وأضاف
    size_t j = run_end;
    int d = depth;
    bool q = quoted;
    while (j < end) {
      if (IsCloser(t[j])) {
        if (d > 0) --d;
      } else if (t[j] == '"' && q) {
        q = false;
      } else {
        break;
      }
      ++j;
    }
    const bool inside = (d > 0 && after(last_zero_close, j)) || (q && after(last_quote, j));
    if (inside) {
      i = run_end;  // the closers, if any, are counted by the main loop
      continue;
    }
    AddSentence(t, sentence_begin, j, paragraph, out);
    sentence_begin = j;
    depth = d;
    quoted = q;
    i = j;
  }
  AddSentence(t, sentence_begin, end, paragraph, out);
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view normalized) {
  std::vector<SentenceSpan> out;
  int paragraph = -1;
  size_t line_begin = 0;
  while (true) {
    size_t line_end = normalized.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = normalized.size();
    size_t k = line_begin;
    while (k < line_end && IsSpace(normalized[k])) ++k;
    if (k < line_end) SplitLine(normalized, line_begin, line_end, ++paragraph, &out);
    if (line_end == normalized.size()) break;
    line_begin = line_end + 1;
  }
  return out;
}

}  // namespace rasad
