// Tests of the whole engine on short articles written for these tests, one mechanism each: the expected
// events are exact (code, source, target, date), so a rule that stops firing, or starts firing where it must
// not, fails here.
#include "rasad/engine.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace rasad {
namespace {

const Engine& TheEngine() {
  static std::shared_ptr<const Engine> engine = [] {
    auto e = Engine::Open(std::string(RASAD_SOURCE_DIR) + "/data");
    EXPECT_TRUE(e.ok()) << e.status().message();
    return e.value();
  }();
  return *engine;
}

// An article of a title and `body`, whose first `dateline` bytes are its dateline.
Article MakeArticle(const std::string& body, Date published = {2021, 7, 27}, size_t dateline = 0) {
  Article a;
  a.id = "t";
  a.published = published;
  a.text = "عنوان\n\n" + body;
  a.body_offset = a.dateline_end = std::string("عنوان\n\n").size();
  a.dateline_end += dateline;
  return a;
}

// "042 USAGOV>DZA 2021-07-26" for each event of the article, sorted.
std::vector<std::string> Code(const Article& a) {
  std::vector<std::string> out;
  for (const Event& e : TheEngine().Code(a)) {
    out.push_back(e.event_code + " " + e.source.code + ">" + (e.target.code.empty() ? "-" : e.target.code) + " " +
                  e.date.ToString());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Code(const std::string& body, Date published = {2021, 7, 27}, size_t dateline = 0) {
  return Code(MakeArticle(body, published, dateline));
}

using V = std::vector<std::string>;

TEST(Attribution, VerbSubjectObject) {
  // The Egyptian president received the Jordanian foreign minister on Monday.
  EXPECT_EQ(Code("استقبل الرئيس المصري عبد الفتاح السيسي الاثنين وزير الخارجية الأردني أيمن الصفدي."),
            V{"043 EGYGOV>JORGOV 2021-07-26"});
}

TEST(Attribution, SubjectVerbAfterThat) {
  // The statement said that the Qatari minister held a meeting with the Saudi ambassador.
  EXPECT_EQ(Code("وذكر البيان أن وزير الخارجية القطري عقد اجتماعا مع السفير السعودي."),
            V{"040 QATGOV>SAUGOV 2021-07-27"});
}

TEST(Attribution, NominalGenitiveAndPreposition) {
  // The visit of the Turkish foreign minister to Baghdad.
  EXPECT_EQ(Code("بدأت زيارة وزير الخارجية التركي إلى العراق أمس."), V{"042 TURGOV>IRQ 2021-07-26"});
}

TEST(Attribution, PronounOnTheNounTakesTheSubject) {
  // The Tunisian president discussed, while receiving the Italian prime minister, ...
  EXPECT_EQ(Code("وبحث الرئيس التونسي خلال استقباله رئيسة الوزراء الإيطالية ملف الهجرة."),
            V{"043 TUNGOV>ITAGOV 2021-07-27"});
}

TEST(Attribution, CoordinatedSubjectsOfAJointAction) {
  // Algeria and Washington renewed their partnership in October 2020.
  EXPECT_EQ(Code("وفي أكتوبر من العام 2020 جددت الجزائر وواشنطن شراكتهما الاستراتيجية."),
            V{"050 DZA>USAGOV 2020-10"});
}

TEST(Attribution, CoordinatedSubjectsOfAOneSidedAction) {
  // Saudi Arabia and the UAE condemned Iran: one event each.
  EXPECT_EQ(Code("انتقدت السعودية والإمارات إيران بشدة."), (V{"111 ARE>IRN 2021-07-27", "111 SAU>IRN 2021-07-27"}));
}

TEST(Attribution, TheTwoSidesAreTheLastTwoParties) {
  EXPECT_EQ(Code("التقى وزير الخارجية المغربي نظيره الإسباني. وبحث الطرفان التعاون. ثم وقع الوزيران اتفاقية."),
            (V{"040 MARGOV>ESPGOV 2021-07-27", "057 MARGOV>ESPGOV 2021-07-27"}));
}

TEST(Attribution, AListOfSubjectsIsNoObject) {
  // Five states called on... : the last of the list is a subject too, not the one called on.
  EXPECT_EQ(Code("دعت هولندا والسويد والدنمارك إلى ضبط النفس."), V{});
}

TEST(Attribution, OrdinalsAfterANameAreNoReference) {
  // "John Paul II during his visit to Poland": الثاني is part of the name, not "the latter".
  EXPECT_EQ(Code("التقت الجزائر والمغرب. وزار البابا يوحنا بولس الثاني خلال زيارته الأولى بولندا."),
            V{"040 DZA>MAR 2021-07-27"});
}

TEST(Attribution, PlacesAndNamesAreNoParties) {
  // A meeting in Algiers; the Berlin conference; neither is a party.
  EXPECT_EQ(Code("التقى الرئيس الفرنسي في الجزائر العاصمة. وشارك وزير الخارجية المصري في مؤتمر برلين."), V{});
}

TEST(Attribution, OuterPrepositionOfAPossessive) {
  // The Sudanese army carried out air strikes on positions of the RSF.
  EXPECT_EQ(Code("شن الجيش السوداني السبت غارات جوية على مواقع لقوات الدعم السريع.", {2023, 5, 14}),
            V{"195 SDNMIL>SDNREB 2023-05-13"});
}

TEST(Attribution, TheAuthorOfADocumentActsThroughIt) {
  // A report of Amnesty International criticised the Algerian government.
  EXPECT_EQ(Code("وانتقد تقرير لمنظمة العفو الدولية الحكومة الجزائرية."), V{"111 NGOHRIAMN>DZAGOV 2021-07-27"});
  // A statement of the Yemeni parliament warned the Houthi militias on Monday.
  EXPECT_EQ(Code("حذر بيان للبرلمان اليمني، الاثنين، ميليشيات الحوثي من التصعيد."), V{"130 YEMLEG>YEMREB 2021-07-26"});
  // The Kremlin denounced the statements of the British foreign minister: his statements, him.
  EXPECT_EQ(Code("ندد الكرملين الخميس بتصريحات وزير الخارجية البريطاني."), V{"111 RUSGOV>GBRGOV 2021-07-22"});
  // Control: the same report when no verb has it as its subject ("according to a report of Amnesty") is no
  // party, and the sentence's subject stays the actor.
  EXPECT_EQ(Code("وانتقد الرئيس الفرنسي بحسب تقرير لمنظمة العفو الدولية الحكومة الجزائرية."),
            V{"111 FRAGOV>DZAGOV 2021-07-27"});
  // A letter's ل names its addressee (رسالة is no document of this kind): no source for the criticism.
  EXPECT_EQ(Code("وانتقدت رسالة لمنظمة العفو الدولية الحكومة الجزائرية."), V{});
}

TEST(Attribution, ADocumentFurtherOnIsTheObject) {
  // Leaders of the ruling party (no actor the dictionary knows) criticised the decision of the Supreme Court:
  // the court is the object's genitive, not the subject.
  const V events = Code(
      "قضت المحكمة العليا الباكستانية بتنحية نواز شريف من رئاسة الحزب الحاكم في باكستان.\n"
      "وانتقد قادة في الحزب الحاكم قرار المحكمة العليا تنحية شريف من رئاسة الحزب.");
  for (const std::string& e : events) EXPECT_EQ(e.find("PAKJUD>"), std::string::npos) << e;
  // Control: the resolution right after the verb is its subject.
  EXPECT_EQ(Code("وأدان قرار مجلس الأمن الدولي الحكومة السورية."), V{"111 IGOUNO>SYRGOV 2021-07-27"});
}

TEST(Codes, PluralVerbalNouns) {
  // Taliban fighters often launch attacks on the Afghan forces; the criticism of the deputies of the White House.
  EXPECT_EQ(Code("ويشن مقاتلو حركة طالبان هجمات على القوات الأفغانية."), V{"190 AFGREB>AFGMIL 2021-07-27"});
  EXPECT_EQ(Code("وجاء البيان بعد انتقادات مجلس النواب الأمريكي للبيت الأبيض."), V{"111 USALEG>USAGOV 2021-07-27"});
}

TEST(Attribution, AVerbalNounObjectIsNotDoneByTheVerbsSubject) {
  // The German chancellor denounced the attacks on the Israeli army: she did not attack (no 190 by Germany).
  for (const std::string& e : Code("نددت المستشارة الألمانية أنغيلا ميركل بالهجمات على الجيش الإسرائيلي.")) {
    EXPECT_NE(e.rfind("190", 0), 0u) << e;
  }
  // Control: its own genitive or adjective still gives the noun its source, and through the verb's
  // preposition (ندد ب) the verb its target: Germany condemned Iran (111), Iran attacked (190).
  EXPECT_EQ(Code("نددت المستشارة الألمانية أنغيلا ميركل بهجمات إيران على الجيش الإسرائيلي."),
            (V{"111 DEUGOV>IRN 2021-07-27", "190 IRN>ISRMIL 2021-07-27"}));
  EXPECT_EQ(Code("نددت المستشارة الألمانية أنغيلا ميركل بالهجمات الإيرانية على الجيش الإسرائيلي."),
            (V{"111 DEUGOV>IRN 2021-07-27", "190 IRN>ISRMIL 2021-07-27"}));
}

TEST(Attribution, AJoinedVerbSharesTheSubjectOfTheVerbBefore) {
  // The Yemeni army sent reinforcements to Hodeidah and raised its combat readiness (152: no target).
  EXPECT_EQ(Code("وكان الجيش اليمني قد دفع بتعزيزات عسكرية كبيرة إلى مشارف الحديدة ورفع جاهزيته القتالية."),
            (V{"152 YEMMIL>- 2021-07-27", "154 YEMMIL>- 2021-07-27"}));
  // The US secretary of state called on his Russian counterpart to de-escalate and warned him: the pronoun is
  // the one called on. Without a pronoun, the warning has no target.
  EXPECT_EQ(Code("دعا وزير الخارجية الأمريكي نظيره الروسي إلى وقف التصعيد وحذره من العواقب."),
            (V{"0256 USAGOV>RUSGOV 2021-07-27", "130 USAGOV>RUSGOV 2021-07-27"}));
  EXPECT_EQ(Code("دعا وزير الخارجية الأمريكي نظيره الروسي إلى وقف التصعيد وحذر من العواقب."),
            V{"0256 USAGOV>RUSGOV 2021-07-27"});
  // Control: a joined verb with a subject of its own keeps it; a future in a quote may be the speaker's own.
  EXPECT_EQ(Code("التقى وزير الخارجية الجزائري نظيره التونسي واستقبل الرئيس الليبي السفير الإيطالي."),
            (V{"040 DZAGOV>TUNGOV 2021-07-27", "043 LBYGOV>ITAGOV 2021-07-27"}));
  EXPECT_EQ(Code("التقى الرئيس الفرنسي نظيره الإيراني ودعاه إلى وقف التصعيد."),
            (V{"0256 FRAGOV>IRNGOV 2021-07-27", "040 FRAGOV>IRNGOV 2021-07-27"}));
  // Right after a verbal noun, و + a verb's spelling is the next noun of a list: the UN does not expel.
  for (const std::string& e : Code("وحثت الأمم المتحدة الجزائر الثلاثاء على الكف عن اعتقال وطرد المهاجرين.")) {
    EXPECT_NE(e.rfind("174 IGOUNO", 0), 0u) << e;
  }
  // "... and we will meet him again": the first person of a quote, not the president.
  EXPECT_EQ(Code("التقى الرئيس الفرنسي نظيره الإيراني وسنلتقي معه مجددا."), V{"040 FRAGOV>IRNGOV 2021-07-27"});
}

TEST(Actors, AnIndefiniteTitleWithItsNationality) {
  // A Sudanese official criticised the Iranian government; Egyptian officials met the Palestinian president.
  EXPECT_EQ(Code("وانتقد مسؤول سوداني الحكومة الإيرانية."), V{"111 SDNGOV>IRNGOV 2021-07-27"});
  EXPECT_EQ(Code("والتقى مسؤولون مصريون الرئيس الفلسطيني محمود عباس."), V{"040 EGYGOV>PSEGOV 2021-07-27"});
  EXPECT_EQ(Code("واتهم وزير تركي حزب العمال الكردستاني بخرق الهدنة."), V{"112 TURGOV>TURREB 2021-07-27"});
  // The chargé d'affaires of an embassy is that embassy's country.
  EXPECT_EQ(Code("واستدعت وزارة الخارجية البحرينية القائم بأعمال السفارة الإيرانية."), V{"114 BHRGOV>IRNGOV 2021-07-27"});
  // Control: the bare word is no actor of its own, not even in an article about one country (where a bare
  // "official" would take that country: ITAGOV criticising France).
  EXPECT_EQ(Code("تواجه إيطاليا أزمة سياسية جديدة. وانتقد مسؤول الحكومة الفرنسية بشدة. "
                 "وتسعى إيطاليا إلى الخروج من الأزمة."),
            V{});
}

TEST(Attribution, AGenitiveAfterFiForTheFramesThatTakeIt) {
  // The Egyptian public prosecution investigated accusations against the police (090 takes في).
  EXPECT_EQ(Code("وحققت النيابة العامة المصرية في اتهامات الشرطة المصرية."), V{"090 EGYJUD>EGYCOP 2021-07-27"});
  // Control: a statement's في says where something was said; the one called on is still the object.
  EXPECT_EQ(Code("ودعا مجلس التعاون الخليجي في بيان الحكومة اليمنية إلى الحوار."), V{"0256 IGOGCC>YEMGOV 2021-07-27"});
}

TEST(Attribution, AdjectivalSource) {
  // Israeli strikes on Lebanon.
  EXPECT_EQ(Code("أسفرت غارات إسرائيلية على لبنان عن مقتل ثلاثة."), V{"195 ISR>LBN 2021-07-27"});
}

TEST(Codes, CommonActionsOfOtherRoots) {
  // Welcome (051), demand (100), threat (130), sanctions (163), release (0841), each with its frame.
  EXPECT_EQ(Code("رحبت الخارجية المصرية بالاتفاق بين السودان وجنوب السودان."), V{});  // a welcome of a deal: no actor
  EXPECT_EQ(Code("رحب الرئيس الفرنسي بقرار الحكومة اللبنانية."), V{"051 FRAGOV>LBNGOV 2021-07-27"});
  EXPECT_EQ(Code("طالب وزير الخارجية التركي إسرائيل بوقف العمليات العسكرية."), V{"100 TURGOV>ISR 2021-07-27"});
  EXPECT_EQ(Code("هدد الرئيس الأميركي إيران برد قاس."), V{"130 USAGOV>IRN 2021-07-27"});
  EXPECT_EQ(Code("فرضت الولايات المتحدة عقوبات جديدة على إيران."), V{"163 USA>IRN 2021-07-27"});
  EXPECT_EQ(Code("أفرجت السلطات الإيرانية عن الصحفي البريطاني."), V{"0841 IRNGOV>GBRMED 2021-07-27"});
  EXPECT_EQ(Code("لم تفرض الحكومة المصرية عقوبات على قطر."), V{});  // negated
}

TEST(Codes, LightVerbsOfOtherRoots) {
  // Cut relations (161), claim responsibility (015), sanctions lifted (085).
  EXPECT_EQ(Code("وقطعت السعودية علاقاتها مع إيران."), V{"161 SAU>IRN 2021-07-27"});
  EXPECT_EQ(Code("وأعلن تنظيم داعش مسؤوليته عن الهجوم."), V{"015 IMGMUSISI>- 2021-07-27"});
}

TEST(Codes, ALightVerbsObjectIsInItsOwnClause) {
  // "Supporters of IS published a picture ... of the bomber who attacked a mosque of the emergency forces":
  // قوات after the relative clause is no object of نشر, so no deployment (154).
  EXPECT_EQ(Code("نشر انصار تنظيم داعش المتشدد، صورة قالوا إنها للانتحاري الذي نفذ الهجوم داخل مسجد قوات "
                 "الطوارئ الخاصة."),
            V{});
}

TEST(Attribution, PassivesWithTheirAgent) {
  // "The Turkish journalist was arrested by the Iranian security forces": the forces arrest (173).
  EXPECT_EQ(Code("اعتقل الصحفي التركي على يد قوات الأمن الإيرانية."), V{"173 IRNCOP>TURMED 2021-07-27"});
  EXPECT_EQ(Code("وقصفت مواقع للجيش السوري من قبل الطيران الإسرائيلي."), V{"194 ISRMIL>SYRMIL 2021-07-27"});
}

TEST(Polarity, NegatedActionsAreNoEvents) {
  EXPECT_EQ(Code("لم يلتق الرئيس الجزائري وزير الخارجية الفرنسي."), V{});
  EXPECT_EQ(Code("ولن يزور رئيس الوزراء الإسرائيلي المغرب."), V{});
}

TEST(Polarity, AnnouncedActionsAreIntents) {
  // "will discuss", "is due to hold a meeting", "will visit": intents to meet (036). "Will sign" an agreement:
  // intent to cooperate diplomatically (032). "Will criticise": CAMEO codes no intent of it.
  EXPECT_EQ(Code("وسيناقش الرئيس الفرنسي مع نظيره المصري الأوضاع."), V{"036 FRAGOV>EGYGOV 2021-07-27"});
  EXPECT_EQ(Code("ومن المقرر أن يعقد الرئيس الأميركي اجتماعا مع أمير قطر."), V{"036 USAGOV>QATGOV 2021-07-27"});
  EXPECT_EQ(Code("وسوف يزور رئيس الوزراء الهندي الإمارات."), V{"036 INDGOV>ARE 2021-07-27"});
  EXPECT_EQ(Code("وسيوقع وزير الخارجية الأردني اتفاقية مع نظيره العراقي."), V{"032 JORGOV>IRQGOV 2021-07-27"});
  EXPECT_EQ(Code("وسينتقد وزير الخارجية الأردني إسرائيل."), V{});
}

TEST(Polarity, PurposeAndBackReferenceAreNoEvents) {
  // He arrived to discuss...; "these talks" tell again what was told.
  EXPECT_EQ(Code("وقال المسؤول الأميركي إن هذه المباحثات مع الجزائر مهمة."), V{});
  EXPECT_EQ(Code("وتوجه الوفد لبحث التعاون مع مصر."), V{});
}

TEST(Memory, SurnameStandsForThePersonIntroduced) {
  EXPECT_EQ(Code("وصل مساعد وزير الخارجية الأميركي جوي هود إلى الجزائر. واستقبل وزير الخارجية الجزائري هود أمس."),
            (V{"042 USAGOV>DZA 2021-07-26", "043 DZAGOV>USAGOV 2021-07-26"}));  // the paragraph's date
}

TEST(Memory, ABareTitleIsThePersonIntroducedWithIt) {
  // "The minister" later on is the Spanish minister introduced first, not a minister of the dateline country.
  EXPECT_EQ(Code("الرباط - وصل وزير الخارجية الإسباني خوسيه مانويل ألباريس إلى المغرب. واستقبل الملك الوزير أمس.",
                 {2024, 3, 12}, std::string("الرباط -").size()),
            (V{"042 ESPGOV>MAR 2024-03-11", "043 MARGOV>ESPGOV 2024-03-11"}));
}

TEST(Memory, TheOrganisationIsTheArmedGroupLastNamed) {
  // The Islamic State took the city; the SDF keep fighting "the extremist organisation", the Iraqi army attacked
  // "the organisation": both the Islamic State. With no armed group named before, التنظيم is nobody.
  EXPECT_EQ(Code("وسيطر تنظيم الدولة الإسلامية على المدينة. وتواصل قوات سوريا الديموقراطية القتال ضد التنظيم "
                 "المتطرف. وهاجم الجيش العراقي التنظيم في الموصل."),
            (V{"190 IRQMIL>IMGMUSISI 2021-07-27", "190 SYRREB>IMGMUSISI 2021-07-27"}));
  EXPECT_EQ(Code("وهاجم الجيش العراقي التنظيم في الموصل."), V{});
}

TEST(Memory, DatedRolesOfPersons) {
  // Esper, called "former" in 2021, was defence secretary in October 2020.
  EXPECT_EQ(Code("وفي أكتوبر 2020 زار وزير الدفاع السابق مارك إسبر تونس."), V{"042 USAGOVMIL>TUN 2020-10"});
}

TEST(Actors, FormerOfficialsAreElites) {
  // A former Algerian president with no known term: an elite. Esper in 2023, out of office: an elite too.
  EXPECT_EQ(Code("انتقد الرئيس الجزائري السابق فرنسا."), V{"111 DZAELI>FRA 2021-07-27"});
  EXPECT_EQ(Code("زار وزير الدفاع السابق مارك إسبر المغرب أمس.", {2023, 3, 2}), V{"042 USAELI>MAR 2023-03-01"});
}

TEST(Actors, ConstructTitleTakesTheCountryAfterIt) {
  EXPECT_EQ(Code("التقى وزير خارجية الجزائر نظيره الموريتاني."), V{"040 DZAGOV>MRTGOV 2021-07-27"});
}

TEST(Actors, BareTitleTakesTheDatelineCountry) {
  // "تونس -": in a report from Tunis, the police are the Tunisian police.
  EXPECT_EQ(Code("تونس - اعتقلت الشرطة عشرات المتظاهرين.", {2023, 1, 12}, std::string("تونس -").size()),
            V{"173 TUNCOP>TUNCVL 2023-01-12"});
}

TEST(Attribution, LocativeBaBeforeAPlaceIsNoTarget) {
  // Talks "in Rabat" with the Spanish minister: the target is the minister, not Rabat.
  EXPECT_EQ(Code("أجرى وزير الخارجية المغربي، الاثنين بالرباط، مباحثات مع وزير الخارجية الإسباني."),
            V{"040 MARGOV>ESPGOV 2021-07-26"});
}

TEST(Attribution, TheMostSpecificCodeOfTheSentence) {
  // "discussed in a phone call": 041, not also 040.
  EXPECT_EQ(Code("بحث الوزير المصري في اتصال هاتفي مع نظيره القطري الأوضاع."), V{"041 EGYGOV>QATGOV 2021-07-27"});
}

TEST(Attribution, AVerbSpellingAfterAPrepositionIsANoun) {
  // "agreed on holding the meeting": an intent (036), not a meeting held.
  EXPECT_EQ(Code("التقى الرئيس اللبناني نظيره القبرصي. واتفق الطرفان على عقد اجتماع."),
            (V{"036 LBNGOV>CYPGOV 2021-07-27", "040 LBNGOV>CYPGOV 2021-07-27"}));
}

TEST(Actors, TitlesInApposition) {
  // Deputy prime minister and foreign minister of Kuwait: one actor, Kuwaiti.
  EXPECT_EQ(Code("زار نائب رئيس مجلس الوزراء وزير الخارجية الكويتي بغداد."), V{"042 KWTGOV>IRQGOV 2021-07-27"});
}

TEST(Actors, NationalityAfterALongTitle) {
  EXPECT_EQ(Code("وقعت السعودية اتفاقية مع وزارة الصحة العامة والسكان اليمنية."), V{"057 SAU>YEMGOVHLH 2021-07-27"});
}

TEST(Attribution, TheSpeakerOfAReportedClause) {
  // The Moroccan foreign minister said that he met his Spanish counterpart (the pronoun in إنه is the subject;
  // the actor after the verb is its object). Then: "he added that he discussed with the Spanish official".
  EXPECT_EQ(Code("قال وزير الخارجية المغربي إنه التقى نظيره الإسباني في مدريد."), V{"040 MARGOV>ESPGOV 2021-07-27"});
  EXPECT_EQ(Code("قال وزير الخارجية المغربي إن الأوضاع صعبة. وأضاف أنه بحث مع السفير الإسباني الهجرة."),
            V{"040 MARGOV>ESPGOV 2021-07-27"});
  // A clause whose subject is a noun no dictionary knows is not the speaker's: "he said that a drone attacked
  // the Saudi army" codes no event by the minister.
  EXPECT_EQ(Code("قال وزير الخارجية المغربي إن طائرة مسيرة هاجمت الجيش السعودي."), V{});
  // أعلن "announced" is a verb of saying too: the army announced that it fired on a Syrian artillery position.
  EXPECT_EQ(Code("أعلن الجيش الإسرائيلي أنه أطلق النار على موقع للمدفعية السورية، الاثنين."),
            V{"193 ISRMIL>SYRMIL 2021-07-26"});
}

TEST(Attribution, PossessiveLamNamesTheAgentOfAnIndefiniteNoun) {
  // The town saw shelling by the Syrian army of opposition positions.
  EXPECT_EQ(Code("وشهدت البلدة أمس قصفا للجيش السوري على مواقع المعارضة السورية."),
            V{"194 SYRMIL>SYROPP 2021-07-26"});
}

TEST(Attribution, ACommaAfterTheSubjectIsNoClauseEnd) {
  // The Jordanian prime minister met, today, with the heads of the unions.
  EXPECT_EQ(Code("واجتمع اليوم رئيس الوزراء الأردني، بممثلي النقابات المهنية الأردنية."),
            V{"040 JORGOV>JORLAB 2021-07-27"});
}

TEST(Attribution, ACarrierVerbMakesAVerbOfItsNoun) {
  // The Israeli army carried out strikes on Iranian targets: the subject of قام is the source, and "targets"
  // with a nationality stand for that country.
  EXPECT_EQ(Code("وقام الجيش الإسرائيلي أمس بغارات على أهداف إيرانية في سوريا."), V{"195 ISRMIL>IRN 2021-07-26"});
  // "Targets" with no nationality are no actor: no event.
  EXPECT_EQ(Code("وقام الجيش الإسرائيلي أمس بغارات على أهداف في سوريا."), V{});
}

TEST(Polarity, IntentVerbsAndThreats) {
  // Egypt intends to send humanitarian aid to Sudan: intent to give humanitarian aid (0333), not aid.
  EXPECT_EQ(Code("تعتزم الحكومة المصرية إرسال مساعدات إنسانية إلى السودان."), V{"0333 EGYGOV>SDN 2021-07-27"});
  // The Tunisian president decided to visit Algeria: intent to meet (036); the country is the place visited.
  EXPECT_EQ(Code("وقرر الرئيس التونسي زيارة الجزائر."), V{"036 TUNGOV>DZA 2021-07-27"});
  // The army will shell rebel positions: a threat of force (138).
  EXPECT_EQ(Code("وقال الجيش السوداني إنه سيقصف مواقع قوات الدعم السريع."), V{"138 SDNMIL>SDNREB 2021-07-27"});
}

TEST(Polarity, HopesAreIntents) {
  // The United States counts on entering negotiations with Iran: an intent (036), not negotiations held.
  EXPECT_EQ(Code("وتعول الولايات المتحدة على الدخول في مفاوضات على اتفاق جديد مع إيران."), V{"036 USA>IRN 2021-07-27"});
}

TEST(Polarity, ConditionsAndQuestionsTellNoEvent) {
  EXPECT_EQ(Code("وقال الوزير الإسرائيلي إنه إذا هاجمت إيران إسرائيل فإن الرد سيكون قاسيا."), V{});
  EXPECT_EQ(Code("هل يلتقي الرئيس المصري نظيره التركي قريبا؟"), V{});
  // The same actions told as facts are coded.
  EXPECT_EQ(Code("وقال الوزير الإسرائيلي إن إيران هاجمت إسرائيل."), V{"190 IRN>ISR 2021-07-27"});
  EXPECT_EQ(Code("يلتقي الرئيس المصري نظيره التركي."), V{"040 EGYGOV>TURGOV 2021-07-27"});
}

TEST(Polarity, ADenialInTheLeadIsTheNewsAndDeniesItsClause) {
  // The Israeli army denied shelling positions of the Lebanese army: a denial (016), and no shelling.
  EXPECT_EQ(Code("نفى الجيش الإسرائيلي قصف مواقع الجيش اللبناني."), V{"016 ISRMIL>- 2021-07-27"});
}

TEST(Attribution, TheSubjectOfARelativeClauseIsItsAntecedent) {
  // ... with the Spanish foreign minister, who is on a working visit to the kingdom (the dateline's country).
  EXPECT_EQ(Code("الرباط - أجرى الوزير المغربي مباحثات مع وزير الخارجية الإسباني، الذي يقوم بزيارة عمل إلى المملكة.",
                 {2021, 7, 27}, std::string("الرباط -").size()),
            (V{"040 MARGOV>ESPGOV 2021-07-27", "042 ESPGOV>MAR 2021-07-27"}));
  // An object pronoun on the verb makes the antecedent its object: "the rapporteur, whom Manila accuses".
  EXPECT_EQ(Code("وانتقد الوزير الفلبيني مقررة الأمم المتحدة، التي تتهمها مانيلا بالتحيز."),
            (V{"111 PHLGOV>IGOUNO 2021-07-27", "112 PHLGOV>IGOUNO 2021-07-27"}));
}

TEST(Attribution, InverseActionsTradeSourceAndTarget) {
  // The Iraqi minister received a phone call from his Kuwaiti counterpart: the Kuwaiti called.
  EXPECT_EQ(Code("وتلقى وزير الخارجية العراقي اتصالا هاتفيا من نظيره الكويتي."), V{"041 KWTGOV>IRQGOV 2021-07-27"});
  // Iraqi forces came under attack from the Islamic State.
  EXPECT_EQ(Code("وتعرضت القوات العراقية لهجوم من تنظيم الدولة الإسلامية."), V{"190 IMGMUSISI>IRQMIL 2021-07-27"});
}

TEST(Actors, ASurnameIsRecalledWithItsArticleOrAsACompound) {
  // عادل عبد المهدي is later عبد المهدي; محمد علي الحكيم is later الحكيم.
  EXPECT_EQ(Code("التقى رئيس الوزراء العراقي عادل عبد المهدي وزير الخارجية محمد علي الحكيم. "
                 "ثم استقبل عبد المهدي الوزير الكويتي. وانتقد الحكيم الوزير الكويتي.",
                 {2019, 9, 18}),
            (V{"043 IRQGOV>KWTGOV 2019-09-18", "111 IRQGOV>KWTGOV 2019-09-18"}));
}

TEST(Attribution, TheGenitiveOfAnArrestIsWhoIsArrested) {
  // The Tunisian police announced the arrest of 14 people (of the police's country).
  EXPECT_EQ(Code("وأعلنت الشرطة التونسية اعتقال 14 شخصا."), V{"173 TUNCOP>TUNCVL 2021-07-27"});
  // Washington demanded his release after the pastor's arrest: Washington arrested no one.
  EXPECT_EQ(Code("وطالبت واشنطن بالإفراج عنه بعد اعتقال القس الأمريكي."), V{});
}

TEST(Confidence, SportsReportsFallBelowTheDefault) {
  // The Egyptian president criticised Algeria after the match; the coach, the player, the league, the cup...
  const std::vector<Event> events = TheEngine().Code(MakeArticle(
      "وانتقد الرئيس المصري الجزائر بشدة بعد المباراة. وقال المدرب إن اللاعب سيغيب عن "
      "الدوري، وإن الفريق يستعد لنهائي الكأس في الملعب الجديد."));
  ASSERT_FALSE(events.empty());  // the criticism is coded, only below the default
  for (const Event& e : events) EXPECT_LT(e.confidence, kMinConfidence) << e.event_code;
}

TEST(Codes, ShowsOfForceAndDetentions) {
  // Russia stepped up naval patrols in the Baltic (150, no target); the Israeli authorities put the Palestinian
  // activists in administrative detention (173).
  EXPECT_EQ(Code("وقال مسؤولون إن روسيا كثفت من الدوريات البحرية في بحر البلطيق."), V{"150 RUS>- 2021-07-27"});
  EXPECT_EQ(Code("وضعت السلطات الإسرائيلية الناشطين الفلسطينيين قيد الاعتقال الإداري."), V{"173 ISRGOV>PSEOPP 2021-07-27"});
}

TEST(Codes, AProtestWithoutAWrittenTargetIsAgainstTheGovernment) {
  // Thousands of Moroccans demonstrated; Tunisian protesters held a sit-in; against whom the text does not say.
  EXPECT_EQ(Code("وتظاهر آلاف المغاربة أمس في الرباط."), V{"141 MARCVL>MARGOV 2021-07-26"});
  // A crowd counted without saying who, in a place: civilians of its country.
  EXPECT_EQ(Code("وتظاهر المئات من أهالي البصرة."), V{"141 IRQCVL>IRQGOV 2021-07-27"});
  EXPECT_EQ(Code("ونظم المحتجون التونسيون وقفة احتجاجية أمام البرلمان."), V{"141 TUNCVL>TUNGOV 2021-07-27"});
  // A drone (طائرة مسيرة) is no march: the condemnation is of the Turkish drone's shelling (a weapon with its
  // nationality is that country's forces).
  EXPECT_EQ(Code("ودانت الخارجية العراقية قصفا نفذته طائرة مسيرة تركية."), V{"111 IRQGOV>TURMIL 2021-07-27"});
  // With no nationality, an aircraft is nobody: no event.
  EXPECT_EQ(Code("وشنت طائرات التحالف غارات على صنعاء."), V{});
  // Such a protest is in the default output when its protesters' country is written, not guessed.
  const std::vector<Event> events = TheEngine().Code(MakeArticle("وتظاهر آلاف المغاربة أمس في الرباط."));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_GE(events[0].confidence, kMinConfidence);
  // Nor the police closing roads.
  EXPECT_EQ(Code("وأغلقت الشرطة المغربية الطرق المؤدية إلى البرلمان."), V{});
}

TEST(Codes, ProtestsAndAssaultsAsTheNewsTellsThem) {
  // Tear gas fired "to disperse" the protesters is fired at them.
  EXPECT_EQ(Code("أطلقت قوات الأمن السودانية الغاز المسيل للدموع لتفريق مئات المحتجين في الخرطوم."),
            V{"175 SDNCOP>SDNCVL 2021-07-27"});
  // ... and a protester it killed was killed by those who fired (ما أسفر عن مقتل متظاهر).
  EXPECT_EQ(Code("أطلقت قوات الأمن السودانية الغاز المسيل للدموع لتفريق المحتجين في الخرطوم، ما أسفر عن مقتل متظاهر."),
            (V{"175 SDNCOP>SDNCVL 2021-07-27", "1823 SDNCOP>SDNCVL 2021-07-27"}));
  // Stormed the camp and arrested five young men: a count after a joined verb is its object.
  EXPECT_EQ(Code("واقتحمت قوات الاحتلال الإسرائيلي مخيم جنين واعتقلت خمسة شبان فلسطينيين."),
            V{"173 ISRMIL>PSECVL 2021-07-27"});
  // Gunmen attacked a checkpoint of the Egyptian army: the owner after ل of the object noun.
  EXPECT_EQ(Code("وهاجم مسلحون مجهولون نقطة تفتيش للجيش المصري في شمال سيناء."), V{"190 EGYUAF>EGYMIL 2021-07-27"});
  // Gunmen killed in an exchange of fire with the police: the two sides, not the ministry that told it.
  EXPECT_EQ(Code("القاهرة - أعلنت وزارة الداخلية مقتل 12 مسلحا في تبادل لإطلاق النار مع الشرطة.", {2021, 7, 27},
                 std::string("القاهرة - ").size()),
            V{"193 EGYUAF>EGYCOP 2021-07-27"});
  // Students of Khartoum University demonstrated: the city of their university is their country's.
  EXPECT_EQ(Code("وتظاهر طلاب جامعة الخرطوم احتجاجا على ارتفاع الأسعار."), V{"141 SDNEDU>SDNGOV 2021-07-27"});
  // The army launched an attack (light verb); a man stabbed a British policeman (no chain of titles).
  EXPECT_EQ(Code("وشن الجيش السوري هجوما على مواقع المعارضة السورية."), V{"190 SYRMIL>SYROPP 2021-07-27"});
  EXPECT_EQ(Code("وطعن رجل شرطيا بريطانيا أمام البرلمان في لندن."), V{"182 GBRCVL>GBRCOP 2021-07-27"});
  // Civilians killed in a new shelling by the regime: the shelling's possessor after its adjective; the dead are
  // not its source.
  EXPECT_EQ(Code("وقتل خمسة مدنيين سوريين في قصف جديد للجيش السوري على دوما."), V{"194 SYRMIL>SYRCVL 2021-07-27"});
  // A shelling by a Turkish drone "that killed three people": the casualties after أسفر عن مقتل are its target.
  EXPECT_EQ(Code("بغداد - دانت الخارجية العراقية قصفا نفذته طائرة مسيرة تركية في سنجار، أسفر عن مقتل ثلاثة أشخاص.",
                 {2021, 7, 27}, std::string("بغداد - ").size()),
            (V{"111 IRQGOV>TURMIL 2021-07-27", "194 TURMIL>IRQCVL 2021-07-27"}));
  // An Iraqi soldier was killed in a shelling "that IS carried out": the doer after شنه.
  EXPECT_EQ(Code("وقتل جندي عراقي في قصف شنه داعش على ثكنة عسكرية."), V{"194 IMGMUSISI>IRQMIL 2021-07-27"});
  // "In protest at": the protesters named before protested; a strike named before is their action; the police
  // do not protest.
  EXPECT_EQ(Code("وتجمع مئات المحتجين، احتجاجا على انقطاع الكهرباء في بغداد."), V{"141 IRQCVL>IRQGOV 2021-07-27"});
  EXPECT_EQ(Code("وجدد عمال السكك الحديد الفرنسيون إضرابهم احتجاجا على خطة الإصلاح."),
            V{"143 FRALAB>FRAGOV 2021-07-27"});
  EXPECT_EQ(Code("وانتشرت الشرطة العراقية في وسط بغداد، احتجاجا على الفوضى."), V{});
}

TEST(Codes, WaysOfTakingToTheStreets) {
  // Thousands went out in marches in the streets of Algiers; hundreds rallied in Beirut; thousands of Sudanese
  // took to the streets of Khartoum.
  EXPECT_EQ(Code("وخرج الآلاف في مسيرات حاشدة في شوارع الجزائر العاصمة للمطالبة برحيل النظام."),
            V{"141 DZACVL>DZAGOV 2021-07-27"});
  EXPECT_EQ(Code("واحتشد مئات المحتجين أمام مقر البرلمان في بيروت."), V{"141 LBNCVL>LBNGOV 2021-07-27"});
  EXPECT_EQ(Code("ونزل آلاف السودانيين إلى الشوارع في الخرطوم."), V{"141 SDN>SDNGOV 2021-07-27"});
}

TEST(Attribution, APartyBeforeTheVerbsComplementWithBaIsItsObject) {
  // Amnesty denounced the repression and demanded of the Iraqi authorities the release of the detainees: the
  // authorities are the object of the joined verb, Amnesty its subject.
  EXPECT_EQ(Code("ونددت منظمة العفو الدولية بالقمع، وطالبت السلطات العراقية بالإفراج عن المعتقلين."),
            V{"100 NGOHRIAMN>IRQGOV 2021-07-27"});
  // With its object as a pronoun, the party after the verb is its subject: the government accused him.
  EXPECT_EQ(Code("وانتقد النائب الألماني الانتخابات التركية، واتهمته الحكومة التركية بالتعاطف مع المتمردين."),
            V{"112 TURGOV>DEULEG 2021-07-27"});
}

TEST(Attribution, AThreatIsAgainstWhomTheThreatenedActionIsDone) {
  // The Philippine president threatens to arrest the prosecutor of the International Criminal Court (a member
  // of a body in the construct state, and one at a body after ب).
  EXPECT_EQ(Code("وهدد الرئيس الفلبيني بتوقيف مدعية المحكمة الجنائية الدولية.", {2018, 3, 2}),
            V{"130 PHLGOV>IGOICC 2018-03-02"});
  EXPECT_EQ(Code("وانتقد مدع بالمحكمة الجنائية الدولية الحكومة الفلبينية.", {2018, 3, 2}),
            V{"111 IGOICC>PHLGOV 2018-03-02"});
  // The prosecutor opened an inquiry into "a complaint accusing Duterte": the complaint accuses, not the
  // prosecutor (and the light verb's object is no part of the prosecutor's name).
  EXPECT_EQ(Code("وفتح مدع بالمحكمة الجنائية الدولية تحقيقا أوليا في شكوى تتهم الرئيس الفلبيني.", {2018, 3, 2}), V{});
}

TEST(Actors, ItsHeadIsTheHeadOfTheBodyNamedBefore) {
  // The opposition front condemned ..., and its head accused the authorities: the front's leader (TUNOPP).
  EXPECT_EQ(Code("ونددت جبهة الخلاص الوطني المعارضة بالقمع، واتهم رئيسها أحمد نجيب الشابي السلطات التونسية بالعودة "
                 "إلى ممارسات الماضي."),
            V{"112 TUNOPP>TUNGOV 2021-07-27"});
  // Of a state, its government: Nigeria, whose president warned the United States.
  EXPECT_EQ(Code("وقتل عشرات في نيجيريا التي حذر رئيسها الولايات المتحدة من التدخل."), V{"130 NGAGOV>USA 2021-07-27"});
}

TEST(Codes, ExecutionsAndAnnouncedWithdrawals) {
  // The Nusra Front (an aside in brackets) carried out the death sentence, yesterday, against ten people in Aleppo:
  // the light verb's object after the aside, its target after بحق and a count.
  EXPECT_EQ(Code("ونفذت جبهة النصرة (ذراع القاعدة في سورية) حكم الإعدام، أمس، بحق عشرة أشخاص في حلب."),
            V{"1823 SYRREBMUS>SYRCVL 2021-07-26"});
  // The announcement of President Trump (a person after إعلان is its author, not part of a name) of the
  // withdrawal from the nuclear agreement with Iran.
  EXPECT_EQ(Code("جاء ذلك بعد إعلان الرئيس الأميركي دونالد ترامب الانسحاب من الاتفاق النووي مع إيران.", {2018, 5, 19}),
            V{"127 USAGOV>IRN 2018-05-19"});
  // A city after إعلان is still part of a name: the Algiers declaration is no party.
  EXPECT_EQ(Code("ورحبت تونس بإعلان الجزائر."), V{});
}

TEST(Codes, AStatesProtestIsAnOfficialComplaint) {
  // Iran protested to the British ambassador: a complaint (114), not a demonstration; Turkey protests against
  // plans, to no one named: no event.
  EXPECT_EQ(Code("واحتجت إيران لدى السفير البريطاني في طهران."), V{"114 IRN>GBRGOV 2021-07-27"});
  EXPECT_EQ(Code("وقالت الوزارة إن تركيا تحتج على خطط لنصب تمثال."), V{});
}

TEST(Codes, APersonAttackedIsAttackedInWords) {
  // Rouhani attacked Trump (criticism, 111); the Syrian army attacked opposition positions (force, 190).
  EXPECT_EQ(Code("هاجم الرئيس الإيراني حسن روحاني نظيره الأمريكي دونالد ترامب.", {2018, 7, 27}),
            V{"111 IRNGOV>USAGOV 2018-07-27"});
  EXPECT_EQ(Code("وهاجم الجيش السوري مواقع المعارضة السورية."), V{"190 SYRMIL>SYROPP 2021-07-27"});
}

TEST(Polarity, ThatNotNegates) {
  // Israel expects the court not to yield to Palestinian pressure: ألا (أن + لا) negates.
  EXPECT_EQ(Code("وقال إن إسرائيل تتوقع من المحكمة ألا تستسلم للضغوط الفلسطينية."), V{});
  EXPECT_EQ(Code("وقال إن قوات المعارضة السورية استسلمت للجيش السوري."), V{"0874 SYRREB>SYRMIL 2021-07-27"});
}

TEST(Actors, ADictionarySurnameAfterAnotherGivenNameIsSomeoneElse) {
  // Ahmed al-Sahhaf, the spokesman, is not Mohammed Saeed al-Sahhaf (Iraq's minister until 2003); "the ministry"
  // is the dateline's country's.
  EXPECT_EQ(Code("بغداد - انتقد المتحدث باسم الخارجية العراقية أحمد الصحاف تركيا، وقال إن الوزارة استدعت السفير التركي.",
                 {2022, 7, 15}, std::string("بغداد -").size()),
            (V{"111 IRQGOV>TUR 2022-07-15", "114 IRQGOV>TURGOV 2022-07-15"}));
}

TEST(Actors, ABodyWithoutNationalityBelongsToTheArticlesCountry) {
  // Sudan named twice, Egypt once: "the government" and "the opposition" are Sudanese.
  EXPECT_EQ(Code("قال مسؤول سوداني إن الخرطوم تدرس الأمر. وفي مصر، انتقدت المعارضة الحكومة بشدة. "
                 "ويعاني السودان أزمة."),
            V{"111 SDNOPP>SDNGOV 2021-07-27"});
  // Joined by و to a body of known country, a body is of that country.
  EXPECT_EQ(Code("عقدت الحكومة الليبية ومجلس النواب محادثات في تونس. وتتابع تونس والجزائر الملف."),
            V{"040 LBYGOV>LBYLEG 2021-07-27"});
}

TEST(Actors, ABodyPlacedByTheWordsAfterItIsOfThatPlacesCountry) {
  // The gunmen in Gaza surrendered to the Israeli army: Palestinian, not of the other party's country.
  EXPECT_EQ(Code("وقال إن المسلحين في غزة استسلموا للجيش الإسرائيلي."), V{"0874 PSEUAF>ISRMIL 2021-07-27"});
}

TEST(Actors, ALocalOutletsHomeNewsIsAboutItsHomeCountry) {
  // The head of government, named without a country, in Jawhara FM's local news is
  // Tunisia's; in its international news, or in another outlet, nobody's (no event).
  auto code = [](const std::string& outlet, const std::string& section) {
    Article a = MakeArticle("وأشار إلى أن زيارة رئيس الحكومة إلى ألمانيا كانت ناجحة.", {2017, 2, 16});
    a.outlet = outlet;
    a.section = section;
    return Code(a);
  };
  EXPECT_EQ(code("Jawhara FM", "localNews"), V{"042 TUNGOV>DEU 2017-02-16"});
  EXPECT_EQ(code("Jawhara FM", "internationalNews"), V{});
  EXPECT_EQ(code("BBC", "localNews"), V{});
}

TEST(Actors, ALocalBodyIsOfTheCountryOfThePlaceOfItsClause) {
  // Protesters in Basra, police in Beirut: the place of the clause gives the country of a body that acts where it
  // is, the government of the article's country set aside.
  EXPECT_EQ(Code("وفرقت الشرطة المتظاهرين في البصرة بالقوة."), V{"175 IRQCOP>IRQCVL 2021-07-27"});
  // Settlers are Israeli wherever they act.
  EXPECT_EQ(Code("وهاجم مستوطنون مواطنين فلسطينيين قرب نابلس."), V{"190 ISRCVL>PSECVL 2021-07-27"});
}

TEST(Actors, AGroupInItsIndefinitePluralStandsBare) {
  // Unknown gunmen opened fire on a police patrol in Sinai; a title (مسؤول) does not stand bare.
  EXPECT_EQ(Code("وأطلق مسلحون مجهولون النار على عناصر الشرطة في سيناء."), V{"193 EGYUAF>EGYCOP 2021-07-27"});
  EXPECT_EQ(Code("وأطلق مسؤول النار على عناصر الشرطة في سيناء."), V{});
}

TEST(Codes, CasualtiesAndWhoCausedThem) {
  // Three protesters were killed by the bullets of the security forces in Basra (the unvocalised passive with its
  // agent); a young Palestinian was killed by the Israeli army's fire; five civilians were killed in a shelling by
  // the Syrian army (the violent noun after في names who did it).
  EXPECT_EQ(Code("وقتل ثلاثة متظاهرين برصاص قوات الأمن في مدينة البصرة."), V{"1823 IRQCOP>IRQCVL 2021-07-27"});
  EXPECT_EQ(Code("واستشهد شاب فلسطيني برصاص الجيش الإسرائيلي قرب نابلس."), V{"1823 ISRMIL>PSECVL 2021-07-27"});
  EXPECT_EQ(Code("وقتل خمسة مدنيين سوريين في قصف للجيش السوري."), V{"194 SYRMIL>SYRCVL 2021-07-27"});
  EXPECT_EQ(Code("وأصيب ثلاثة جنود إسرائيليين بنيران مسلحين فلسطينيين."), V{"182 PSEUAF>ISRMIL 2021-07-27"});
  // Active: the Yemeni army killed ten Houthi fighters; a time aside between commas keeps the frame compact.
  EXPECT_EQ(Code("وقتل الجيش اليمني عشرة مسلحين حوثيين."), V{"1823 YEMMIL>YEMUAF 2021-07-27"});
  EXPECT_EQ(Code("قتل الجيش الإسرائيلي، الأربعاء، 3 فلسطينيين على حدود غزة."), V{"1823 ISRMIL>PSE 2021-07-21"});
  // Killed, with no one named who killed: no event, and the one killed is not the killer.
  EXPECT_EQ(Code("وقتل ثلاثة جنود أتراك في سوريا."), V{});
  // The health ministry announcing deaths did not kill.
  EXPECT_EQ(Code("وأعلنت وزارة الصحة الفلسطينية مقتل ثلاثة مواطنين."), V{});
}

TEST(Actors, ATitleInABodyIsAMemberOfIt) {
  // The official at the US State Department criticised Iran; the ambassador at the US embassy in Baghdad too.
  EXPECT_EQ(Code("وانتقد المسؤول في وزارة الخارجية الأمريكية إيران."), V{"111 USAGOV>IRN 2021-07-27"});
  EXPECT_EQ(Code("وانتقد السفير بالسفارة الأمريكية في بغداد إيران."), V{"111 USAGOV>IRN 2021-07-27"});
}

TEST(Actors, ABodyWordAfterADefiniteNounIsItsAdjective) {
  // Morocco cut diplomatic relations with Iran: الدبلوماسية is no actor of its own.
  EXPECT_EQ(Code("أعلن المغرب قطع العلاقات الدبلوماسية مع إيران."), V{"161 MAR>IRN 2021-07-27"});
}

TEST(Dates, WithoutPublicationDateRelativeDatesStayUnresolved) {
  EXPECT_EQ(Code("استقبل الرئيس المصري الاثنين وزير الخارجية الأردني.", Date()), V{"043 EGYGOV>JORGOV "});
}

}  // namespace
}  // namespace rasad
