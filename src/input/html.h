// News pages: the title, publication date and body text of an HTML article page, read with libxml2's HTML
// parser (forgiving, no network). Title: og:title, else the first h1, else <title>. Date: the usual meta tags
// (article:published_time, og:published_time, datePublished, pubdate, publishdate, date, DC.date.issued),
// else the first <time datetime>. Body: the paragraphs of <article>, else the page's paragraphs of some length
// (menus and footers are short). Tested in html_test.cc.
#ifndef RASAD_INPUT_HTML_H_
#define RASAD_INPUT_HTML_H_

#include <string>
#include <string_view>

namespace rasad {

struct HtmlPage {
  std::string title;
  std::string date;  // as the page writes it (an ISO timestamp, usually)
  std::string body;  // paragraphs separated by blank lines
};

// Returns whether `content` looks like an HTML document (a doctype or <html> near its start).
bool LooksLikeHtml(std::string_view content);

// Extracts the article of a page. Returns false when the page has no article text (not a news page).
bool ReadHtmlPage(std::string_view html, HtmlPage* page);

}  // namespace rasad

#endif  // RASAD_INPUT_HTML_H_
