// Sentence splitting of normalised Arabic news text (see normalize.h for what normalised means).
//
// A sentence ends at '.', '!', '?' (the normalised form of ؟), ';' (of ؛) or a line break, and takes with it any
// closing quotes and brackets that follow the mark. A paragraph ends at a blank line or a line break: every line
// break ends a sentence, and each sentence records the index of its paragraph (a run of non-empty lines; with
// single line breaks every line is its own paragraph). These do not end a sentence: a '.' between digits
// (3.5, 2021.07.27), a '.' after a one-letter word (abbreviations such as "د." for doctor, "م." for the Common
// Era, "أ." for professor, Latin "U.S."), a mark inside an open bracket or quotation that closes on the same
// line, a run of marks ("?!", "...") which ends the sentence once. Sentences are trimmed of surrounding spaces;
// empty sentences are never returned.
//
// Precisely: each non-empty line (one with a character other than a space) is one paragraph, so blank lines
// only separate and paragraph numbers count non-empty lines. A lone '.' between two ASCII letters or digits
// (3.5, reuters.com) does not end a sentence either. Quotes are '"' only, told open or closed by parity
// within the line ('\'' is too often an apostrophe); brackets are ( [ {. The closing quotes and brackets
// taken after a mark are those directly after it, with no space between. A quotation or bracket that does
// not close on its line does not hold back the marks inside it. A run of marks at the very start of a
// sentence (a leading "...") does not end it.
//
// Tested in sentence_test.cc.
#ifndef RASAD_TEXT_SENTENCE_H_
#define RASAD_TEXT_SENTENCE_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace rasad {

// A sentence as a half-open byte span [begin, end) of the normalised text.
struct SentenceSpan {
  size_t begin = 0;
  size_t end = 0;
  int paragraph = 0;  // 0-based index of the paragraph the sentence is in
};

// Returns the sentences of `normalized` in order.
std::vector<SentenceSpan> SplitSentences(std::string_view normalized);

}  // namespace rasad

#endif  // RASAD_TEXT_SENTENCE_H_
