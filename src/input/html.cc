// HTML article extraction over libxml2's tree (html.h).
#include "input/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <vector>

namespace rasad {
namespace {

constexpr size_t kMinParagraphChars = 60;   // outside <article>, shorter paragraphs are menus and captions
constexpr size_t kMinArticleBytes = 80;     // less body text than this: not a news page

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Attr(xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool Is(xmlNode* node, const char* tag) {
  return node->type == XML_ELEMENT_NODE && node->name != nullptr &&
         strcasecmp(reinterpret_cast<const char*>(node->name), tag) == 0;
}

// The text of a node with runs of white space made one space.
std::string Text(xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string raw = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

size_t Chars(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

struct Walk {
  std::string og_title, h1, title, date, time_date;
  std::vector<xmlNode*> articles, paragraphs;

  void Visit(xmlNode* node) {
    for (xmlNode* n = node; n != nullptr; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (Is(n, "script") || Is(n, "style") || Is(n, "nav") || Is(n, "footer") || Is(n, "aside")) continue;
      if (Is(n, "meta")) {
        const std::string key = Lower(Attr(n, "property") + Attr(n, "name") + Attr(n, "itemprop"));
        const std::string content = Attr(n, "content");
        if (key == "og:title" && og_title.empty()) og_title = content;
        if (date.empty() && (key == "article:published_time" || key == "og:published_time" || key == "datepublished" ||
                             key == "pubdate" || key == "publishdate" || key == "date" || key == "dc.date.issued" ||
                             key == "article.published" || key == "publish-date")) {
          date = content;
        }
      } else if (Is(n, "title") && title.empty()) {
        title = Text(n);
      } else if (Is(n, "h1") && h1.empty()) {
        h1 = Text(n);
      } else if (Is(n, "time") && time_date.empty()) {
        time_date = Attr(n, "datetime");
      } else if (Is(n, "article")) {
        articles.push_back(n);
      } else if (Is(n, "p")) {
        paragraphs.push_back(n);
        continue;  // a paragraph's inner markup holds no other paragraph
      }
      Visit(n->children);
    }
  }
};

void CollectParagraphs(xmlNode* node, std::vector<xmlNode*>* out) {
  for (xmlNode* n = node; n != nullptr; n = n->next) {
    if (Is(n, "p")) {
      out->push_back(n);
      continue;
    }
    if (n->type == XML_ELEMENT_NODE && !Is(n, "script") && !Is(n, "style")) CollectParagraphs(n->children, out);
  }
}

}  // namespace

bool LooksLikeHtml(std::string_view content) {
  const std::string head = Lower(content.substr(0, 2048));
  const size_t first = head.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (first == std::string::npos || head[first] != '<') return false;
  return head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos;
}

bool ReadHtmlPage(std::string_view html, HtmlPage* page) {
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
      xmlFreeDoc);
  if (!doc) return false;
  Walk walk;
  walk.Visit(xmlDocGetRootElement(doc.get()));
  page->title = !walk.og_title.empty() ? walk.og_title : !walk.h1.empty() ? walk.h1 : walk.title;
  page->date = !walk.date.empty() ? walk.date : walk.time_date;
  std::vector<xmlNode*> paragraphs;
  for (xmlNode* a : walk.articles) CollectParagraphs(a->children, &paragraphs);
  const bool in_article = !paragraphs.empty();
  if (!in_article) paragraphs = walk.paragraphs;
  page->body.clear();
  for (xmlNode* p : paragraphs) {
    const std::string text = Text(p);
    if (text.empty() || (!in_article && Chars(text) < kMinParagraphChars)) continue;
    if (!page->body.empty()) page->body += "\n\n";
    page->body += text;
  }
  return page->body.size() >= kMinArticleBytes;
}

}  // namespace rasad
