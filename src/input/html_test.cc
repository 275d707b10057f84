// Tests of reading news pages: the article's title, date and paragraphs, not the page's menus and scripts.
#include "input/html.h"

#include <gtest/gtest.h>

namespace rasad {
namespace {

TEST(Html, RecognisesPages) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html><body></body></html>"));
  EXPECT_TRUE(LooksLikeHtml("\n  <html lang=\"ar\">"));
  EXPECT_FALSE(LooksLikeHtml("عنوان الخبر\n<html> في النص"));
  EXPECT_FALSE(LooksLikeHtml("{\"id\": 1}"));
}

TEST(Html, ArticleTitleDateAndParagraphs) {
  HtmlPage page;
  ASSERT_TRUE(ReadHtmlPage(
      "<html><head><title>الموقع | خبر</title><meta property=\"og:title\" content=\"تونس تستدعي السفير\">"
      "<meta name=\"pubdate\" content=\"2023-01-12\"><script>document.write('<p>لا</p>')</script></head><body>"
      "<nav><p>الرئيسية سياسة اقتصاد رياضة ثقافة منوعات اتصل بنا من نحن سياسة الخصوصية والاستخدام</p></nav>"
      "<article><p>تونس - استدعت وزارة الخارجية التونسية، الخميس، السفير الإيطالي.</p>"
      "<p>وقالت   الوزارة في بيان\\nإنها أبلغته احتجاجها.</p></article></body></html>",
      &page));
  EXPECT_EQ(page.title, "تونس تستدعي السفير");
  EXPECT_EQ(page.date, "2023-01-12");
  EXPECT_EQ(page.body, "تونس - استدعت وزارة الخارجية التونسية، الخميس، السفير الإيطالي.\n\n"
                       "وقالت الوزارة في بيان\\nإنها أبلغته احتجاجها.");
}

TEST(Html, WithoutArticleMarkupLongParagraphsAndTheFirstHeading) {
  HtmlPage page;
  ASSERT_TRUE(ReadHtmlPage(
      "<html><body><h1>عنوان الخبر</h1><time datetime=\"2021-07-27T10:00:00+04:00\">الثلاثاء</time>"
      "<p>قصير</p><p>الجزائر - التقى وزير الخارجية الجزائري رمطان لعمامرة الاثنين مساعد وزير الخارجية الأميركي.</p>"
      "</body></html>",
      &page));
  EXPECT_EQ(page.title, "عنوان الخبر");
  EXPECT_EQ(page.date, "2021-07-27T10:00:00+04:00");
  EXPECT_EQ(page.body.find("قصير"), std::string::npos);
}

TEST(Html, APageWithoutArticleTextIsNoNewsPage) {
  HtmlPage page;
  EXPECT_FALSE(ReadHtmlPage("<html><body><p>تسجيل الدخول</p></body></html>", &page));
  EXPECT_FALSE(ReadHtmlPage("<html><body><<<>>>&&&", &page));
  EXPECT_FALSE(ReadHtmlPage("", &page));
}

}  // namespace
}  // namespace rasad
