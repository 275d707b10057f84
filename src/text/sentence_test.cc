// Tests of sentence.h on news-style Arabic text. Inputs go through Normalize() first, as in the engine, so
// that « » “ ” ؟ ؛ reach the splitter in their normalised form; each case lists the exact sentences (as
// normalised text) and their paragraph numbers. A cross-check verifies that spans are ordered, trimmed and
// never empty on every input.
#include "text/sentence.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "text/normalize.h"

namespace rasad {
namespace {

using Expected = std::vector<std::pair<std::string, int>>;  // (sentence text, paragraph)

struct SentenceCase {
  const char* name;
  std::string original;  // normalised by the test
  Expected expected;
};

void PrintTo(const SentenceCase& c, std::ostream* os) { *os << c.name; }

Expected Split(const std::string& normalized) {
  Expected got;
  for (const SentenceSpan& s : SplitSentences(normalized)) {
    got.emplace_back(normalized.substr(s.begin, s.end - s.begin), s.paragraph);
  }
  return got;
}

class SentenceTest : public ::testing::TestWithParam<SentenceCase> {};

TEST_P(SentenceTest, SplitsAsExpected) {
  const SentenceCase& c = GetParam();
  EXPECT_EQ(Split(Normalize(c.original).text()), c.expected);
}

TEST_P(SentenceTest, SpansAreOrderedTrimmedAndNonEmpty) {
  const std::string text = Normalize(GetParam().original).text();
  size_t previous_end = 0;
  int previous_paragraph = 0;
  for (const SentenceSpan& s : SplitSentences(text)) {
    ASSERT_LE(previous_end, s.begin);
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, text.size());
    EXPECT_NE(text[s.begin], ' ');
    EXPECT_NE(text[s.end - 1], ' ');
    EXPECT_EQ(text.substr(s.begin, s.end - s.begin).find('\n'), std::string::npos);
    EXPECT_LE(previous_paragraph, s.paragraph);
    previous_end = s.end;
    previous_paragraph = s.paragraph;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, SentenceTest,
    ::testing::ValuesIn(std::vector<SentenceCase>{
        // Plain marks.
        {"two_statements", "قال الرئيس إن الوضع مستقر. وأضاف أن الحكومة ستتحرك.",
         {{"قال الرئيس إن الوضع مستقر.", 0}, {"وأضاف أن الحكومة ستتحرك.", 0}}},
        {"arabic_question_mark", "هل ستعقد القمة في موعدها؟ لم يتأكد ذلك بعد.",
         {{"هل ستعقد القمة في موعدها?", 0}, {"لم يتأكد ذلك بعد.", 0}}},
        {"exclamation", "يا له من انتصار! هكذا علق المدرب.",
         {{"يا له من انتصار!", 0}, {"هكذا علق المدرب.", 0}}},
        {"arabic_semicolon", "تقدم الجيش؛ وتراجع المسلحون نحو الجبال.",
         {{"تقدم الجيش;", 0}, {"وتراجع المسلحون نحو الجبال.", 0}}},
        {"question_exclamation_run", "ماذا يحدث في العاصمة؟! لا أحد يعرف.",
         {{"ماذا يحدث في العاصمة?!", 0}, {"لا أحد يعرف.", 0}}},
        {"exclamation_run", "رائع!!! قالها الجمهور بصوت واحد.",
         {{"رائع!!!", 0}, {"قالها الجمهور بصوت واحد.", 0}}},
        {"ellipsis_ends_once", "وانتظر الجميع... ثم جاء الرد.",
         {{"وانتظر الجميع...", 0}, {"ثم جاء الرد.", 0}}},
        {"ellipsis_character", "وانتظر الجميع… ثم جاء الرد.",
         {{"وانتظر الجميع...", 0}, {"ثم جاء الرد.", 0}}},
        {"leading_ellipsis", "... وتابع الوزير حديثه.", {{"... وتابع الوزير حديثه.", 0}}},
        {"no_final_mark", "بغداد - رويترز", {{"بغداد - رويترز", 0}}},
        {"missing_space_after_period", "انتهى الاجتماع.وبدأ التصويت.",
         {{"انتهى الاجتماع.", 0}, {"وبدأ التصويت.", 0}}},
        {"trimmed", "   قال الوزير.   ", {{"قال الوزير.", 0}}},
        // Numbers.
        {"decimal", "ارتفع المؤشر بنسبة 3.5 في المئة أمس.", {{"ارتفع المؤشر بنسبة 3.5 في المئة أمس.", 0}}},
        {"arabic_decimal_separator", "بلغ النمو ٢٫٧ بالمئة. وتراجع التضخم.",
         {{"بلغ النمو 2.7 بالمئة.", 0}, {"وتراجع التضخم.", 0}}},
        {"dotted_date", "وقع الانفجار في 2021.07.27 صباحا.", {{"وقع الانفجار في 2021.07.27 صباحا.", 0}}},
        {"slashed_date", "في ٢٠٢١/٠٧/٢٧ أعلنت الوزارة النتائج. وقال مسؤول إنها نهائية.",
         {{"في 2021/07/27 أعلنت الوزارة النتائج.", 0}, {"وقال مسؤول إنها نهائية.", 0}}},
        {"period_after_year", "قتل 12 شخصا في 2021. وأصيب آخرون.",
         {{"قتل 12 شخصا في 2021.", 0}, {"وأصيب آخرون.", 0}}},
        {"domain_name", "نقلا عن موقع reuters.com أمس.", {{"نقلا عن موقع reuters.com أمس.", 0}}},
        // Abbreviations.
        {"doctor", "التقى د. محمد علي بالسفير. ثم غادر.",
         {{"التقى د. محمد علي بالسفير.", 0}, {"ثم غادر.", 0}}},
        {"professor_doctor", "وحاضر أ.د. سامي يوسف في الندوة.", {{"وحاضر أ.د. سامي يوسف في الندوة.", 0}}},
        {"common_era", "ولد عام 1950 م. في القاهرة.", {{"ولد عام 1950 م. في القاهرة.", 0}}},
        {"us_abbreviation", "Officials in the U.S. said talks failed. Others disagreed.",
         {{"Officials in the U.S. said talks failed.", 0}, {"Others disagreed.", 0}}},
        // Quotes.
        {"closing_quote_after_period", "وقال الوزير: \"لن نتراجع عن قرارنا.\" وأضاف أن الحكومة ماضية.",
         {{"وقال الوزير: \"لن نتراجع عن قرارنا.\"", 0}, {"وأضاف أن الحكومة ماضية.", 0}}},
        {"guillemets_closing_after_period", "قال المتحدث: «نرفض هذه الاتهامات.» وأكد موقفه.",
         {{"قال المتحدث: \"نرفض هذه الاتهامات.\"", 0}, {"وأكد موقفه.", 0}}},
        {"curly_quotes_closing_after_question", "وتساءل: “إلى متى؟” ثم غادر القاعة.",
         {{"وتساءل: \"إلى متى?\"", 0}, {"ثم غادر القاعة.", 0}}},
        {"period_after_closing_guillemet", "قال المتحدث: «نرفض هذه الاتهامات». وأكد موقفه.",
         {{"قال المتحدث: \"نرفض هذه الاتهامات\".", 0}, {"وأكد موقفه.", 0}}},
        {"marks_inside_quotation", "وقال: «لن نتراجع. لن نستسلم» وسط تصفيق الحاضرين.",
         {{"وقال: \"لن نتراجع. لن نستسلم\" وسط تصفيق الحاضرين.", 0}}},
        {"mark_before_closing_quote_ends", "وقال: «لن نتراجع. لن نستسلم!» وسط تصفيق الحاضرين.",
         {{"وقال: \"لن نتراجع. لن نستسلم!\"", 0}, {"وسط تصفيق الحاضرين.", 0}}},
        {"quotation_runs_to_next_paragraph", "وقال: «نرفض التدخل. ونطالب بالانسحاب.\nوتابع: «لن نقبل».",
         {{"وقال: \"نرفض التدخل.", 0}, {"ونطالب بالانسحاب.", 0}, {"وتابع: \"لن نقبل\".", 1}}},
        {"opening_quote_glued_to_period", "انتهت الجلسة.\"سنعود\" قال النائب.",
         {{"انتهت الجلسة.", 0}, {"\"سنعود\" قال النائب.", 0}}},
        {"opening_quote_after_space", "انتهت الجلسة. «سنعود غدا» قال النائب.",
         {{"انتهت الجلسة.", 0}, {"\"سنعود غدا\" قال النائب.", 0}}},
        // Brackets.
        {"mark_inside_brackets", "وقال مصدر (طلب عدم ذكر اسمه. وهو مسؤول رفيع) إن النتائج إيجابية. وانتهى.",
         {{"وقال مصدر (طلب عدم ذكر اسمه. وهو مسؤول رفيع) إن النتائج إيجابية.", 0}, {"وانتهى.", 0}}},
        {"closing_bracket_after_period", "وأعلنت الوزارة الحصيلة (التفاصيل أدناه.) ثم عقدت مؤتمرا.",
         {{"وأعلنت الوزارة الحصيلة (التفاصيل أدناه.)", 0}, {"ثم عقدت مؤتمرا.", 0}}},
        {"period_after_bracket", "التقى الوزير نظيره (الفرنسي). وبحثا الأزمة.",
         {{"التقى الوزير نظيره (الفرنسي).", 0}, {"وبحثا الأزمة.", 0}}},
        {"unclosed_bracket", "ارتفع عدد القتلى (وفق مصادر طبية. وتواصل القصف.",
         {{"ارتفع عدد القتلى (وفق مصادر طبية.", 0}, {"وتواصل القصف.", 0}}},
        {"bracket_inside_quotation", "قال \"إن الاجتماع (الذي عقد أمس.) كان مثمرا\". ثم غادر.",
         {{"قال \"إن الاجتماع (الذي عقد أمس.) كان مثمرا\".", 0}, {"ثم غادر.", 0}}},
        {"bracket_and_quote_closers", "قال: \"(انتهى الأمر.)\" ثم رحل.",
         {{"قال: \"(انتهى الأمر.)\"", 0}, {"ثم رحل.", 0}}},
        // Lines and paragraphs.
        {"dateline_then_body", "بغداد - رويترز\nقال مسؤول إن الهجوم وقع فجرا. ولم تعلن أي جهة مسؤوليتها.",
         {{"بغداد - رويترز", 0}, {"قال مسؤول إن الهجوم وقع فجرا.", 1}, {"ولم تعلن أي جهة مسؤوليتها.", 1}}},
        {"blank_lines_between_paragraphs", "فقرة أولى.\n\nفقرة ثانية.\n\n\nفقرة ثالثة.",
         {{"فقرة أولى.", 0}, {"فقرة ثانية.", 1}, {"فقرة ثالثة.", 2}}},
        {"line_break_ends_sentence", "أعلنت الحكومة\nحالة الطوارئ",
         {{"أعلنت الحكومة", 0}, {"حالة الطوارئ", 1}}},
        {"spaces_only_line", "الخبر الأول.\n   \nالخبر الثاني.", {{"الخبر الأول.", 0}, {"الخبر الثاني.", 1}}},
        {"crlf_lines", "العنوان\r\n\r\nالنص.\r\n", {{"العنوان", 0}, {"النص.", 1}}},
        {"nbsp_and_rlm_only_line", "أولا.\n\u00A0\u200F\nثانيا.", {{"أولا.", 0}, {"ثانيا.", 1}}},
        {"quote_cannot_cross_line", "قال: \"نعم.\nلا\" ثم سكت.",
         {{"قال: \"نعم.", 0}, {"لا\" ثم سكت.", 1}}},
        {"empty", "", {}},
        {"only_breaks_and_spaces", "\n  \n\n", {}},
    }),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace rasad
