// Article: one news article as read from a file, before any analysis.
#ifndef RASAD_ARTICLE_H_
#define RASAD_ARTICLE_H_

#include <string>

namespace rasad {

// A calendar date; a zero month or day marks a coarser precision (2020-10 has day == 0).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  bool valid() const { return year > 0; }
  // Returns "YYYY-MM-DD", "YYYY-MM" or "YYYY" according to the precision; "" when invalid.
  std::string ToString() const;
  // Returns "day", "month", "year" or "none".
  const char* precision() const;
  friend bool operator==(const Date&, const Date&) = default;
};

struct Article {
  std::string id;         // the JSON id, else the file name without extension
  std::string outlet;     // may be empty
  std::string url;        // may be empty
  std::string section;    // the outlet's section ("localNews", the corpus's category); may be empty
  Date published;         // invalid when the article gives none and no --date was set
  std::string title;      // original text of the title
  std::string text;       // the whole original text the events point into: title, subtitle, date line, body
  size_t body_offset = 0; // byte offset in `text` where the body begins (after title, subtitle, date line)
  size_t dateline_end = 0;  // end of the body's opening dateline ("الرباط - رويترز -"), or body_offset if none
  std::string source_name;  // file name (and line for JSON Lines) for diagnostics
};

}  // namespace rasad

#endif  // RASAD_ARTICLE_H_
