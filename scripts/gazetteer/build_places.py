#!/usr/bin/env python3
"""Build data/places.tsv, rasad's gazetteer of countries and cities with Arabic names, from GeoNames.

Usage:
    scripts/gazetteer/build_places.py [GEONAMES_DIR] [OUTPUT] [--log FILE]

GEONAMES_DIR defaults to ../shared/reference/geonames relative to the repository root and must hold
    countries_ar_en_fr.tsv               iso2, iso3, geonameid, Arabic/English/French country names
    countryInfo.tsv                      GeoNames country table (capital, population)
    cities15000.txt.gz                   GeoNames cities with 15,000 people or more (19-column dump)
    cities15000_arabic_script_names.tsv  the alternate names of those cities written in Arabic script
OUTPUT defaults to data/places.tsv in the repository. --log writes every name that was dropped, and why,
to FILE (for review; not part of the data).

Only the Python standard library is used and the output is deterministic: one line per place, sorted by
GeoNames id, names in a fixed order. GeoNames data is CC BY 4.0 (geonames.org).

What is kept. GeoNames' "Arabic script" names mix Arabic with Persian, Urdu, Pashto, Kurdish and Uyghur
spellings, Wikipedia disambiguation titles ("X، Y", "X (Y)") and some plain errors. A name is kept only
when, after diacritics and tatweel are stripped and the Persian shapes of Arabic letters are replaced
(ک -> ك, ی -> ي, ۀ -> ة, and ە -> ه where it ends a word of a name with no other ە and no وو), it is
written with the 36 letters of Arabic proper and spaces (so every name with پ چ ژ گ ڤ ڵ ڕ ێ ۆ ھ ے ٹ ڈ ں ...,
a zero-width non-joiner, Latin letters or digits is dropped, and so is a "X، Y" title not wholly in
Arabic letters), and when it does not show a non-Arabic orthography that uses only those letters
(ة or ى inside a word, ئ at the start of a word). A name got by that replacement comes after the names
written in Arabic letters from the start, is not taken for a city of the Arab states (their Arabic names
are in GeoNames), and is dropped when it is the name of a country, of a place of data/places_regions.tsv
or data/places_extra.tsv, or a name that a more populous city has in Arabic letters (--log lists these
collisions). Names that differ only in the letters rasad's reader folds (أ إ آ -> ا, ى -> ي, ة -> ه)
are merged, keeping the most carefully written one; a bare name is dropped when the same name with the
article is there (موصل beside الموصل is the Persian form). A short
table of hand corrections (CITY_NAMES, DROP_NAMES, COMMON_WORDS below) gives the usual news spelling of
well-known places first, adds names GeoNames lacks for well-known cities, and removes names found wrong.
"""

import argparse
import gzip
import os
import re
import sys
import unicodedata

# --------------------------------------------------------------------------------------------------
# Letters and name cleaning
# --------------------------------------------------------------------------------------------------

# The letters of Arabic proper: hamza .. ghain, feh .. yeh (U+0621-U+063A, U+0641-U+064A).
ARABIC_LETTERS = {chr(c) for c in range(0x0621, 0x063B)} | {chr(c) for c in range(0x0641, 0x064B)}

# Marks removed before anything else: harakat, shadda, sukun, superscript alef, Quranic annotation signs,
# tatweel, and invisible direction marks.
STRIP_RE = re.compile('[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200E\u200F\u061C\u200D\uFEFF]')

# Alef wasla is written as a plain alef in ordinary text; alef with wavy hamza as alef with hamza.
REPLACE = {'\u0671': '\u0627', '\u0672': '\u0623', '\u00A0': ' ', '-': ' ', '\u2010': ' ', '\u2011': ' '}

# Words that start the name of a region: such names are dropped from cities (data/places_regions.tsv has
# the regions).
REGION_WORDS = {'محافظة', 'ولاية', 'إمارة', 'شعبية', 'استان', 'منطقة', 'إقليم', 'قضاء', 'لواء'}

# The Persian and Urdu words for a county or district, first (Persian) or last (Urdu) in a name got by
# mapping Persian shapes: such a name is the unit's (شهرستان اروميه is Urmia county, ضلع تيمارو Timaru
# district) and is dropped like the names above. Names written in Arabic letters from the start keep the
# rule above alone.
PERSIAN_REGION_WORDS = {'شهرستان', 'دهستان', 'بخش', 'ناحيه', 'ضلع'}

# Folding used by rasad's reader: variants that differ only in these letters are one name.
FOLD = str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ى': 'ي', 'ة': 'ه'})

# Words that, as the first word of a name, only say what kind of place it is.
CLASS_WORDS = {'مدينة', 'محافظة', 'ولاية', 'إمارة', 'بلدية', 'قضاء', 'ناحية', 'منطقة', 'مركز', 'شعبية',
               'قرية', 'بلدة', 'حي', 'جزيرة', 'دائرة', 'استان'}


def fold(name):
    """The key under which rasad's reader matches a name."""
    return name.translate(FOLD)


def _letters_ok(text):
    """Why text is not a name in Arabic proper, or None when it is."""
    for ch in text:
        if ch == ' ' or ch in ARABIC_LETTERS:
            continue
        if 'LATIN' in unicodedata.name(ch, '') or ch.isdigit():
            return 'latin letter or digit'
        if '\u0600' <= ch <= '\u06FF' or '\u0750' <= ch <= '\u077F':
            return 'non-Arabic letter %s' % ch
        return 'character U+%04X' % ord(ch)
    for word in text.split():
        if 'ة' in word[:-1]:
            return 'ة inside a word'
        if 'ى' in word[:-1]:
            return 'ى inside a word'
        if word.startswith('ئ'):
            return 'word starting with ئ'
        if len(word) == 1 and word != 'و':
            return 'one-letter word'
    if len(text.replace(' ', '')) < 2:
        return 'one letter'
    return None


# Persian (and Urdu, Pashto) letters that are only other shapes of letters of Arabic proper: keheh is kaf,
# Farsi yeh is yeh, heh with yeh above (the Persian ezafe after a final heh) is teh marbuta. A name whose
# only foreign letters are these is the Arabic spelling once they are replaced (کرمان = كرمان, یزد = يزد).
PERSIAN_SHAPES = {'\u06A9': '\u0643', '\u06CC': '\u064A', '\u06C0': '\u0629'}

# ە (U+06D5, ae) is Kurdish and Uyghur's vowel letter; at the end of a word it stands where Arabic and Persian
# write heh. It is read as heh only there, and only when the name has no other sign of that orthography:
# ە inside a word, or وو for a long u (کووفە, Kufa in Kurdish, is dropped).
AE = '\u06D5'
AE_FINAL_RE = re.compile(AE + r'(?= |$)')


def arabic_shapes(text):
    """text with the Persian shapes of Arabic letters replaced (see PERSIAN_SHAPES and AE above), and
    whether any was; letters Arabic lacks are left for _letters_ok to reject."""
    mapped = text
    for a, b in PERSIAN_SHAPES.items():
        mapped = mapped.replace(a, b)
    if AE in mapped:
        final = AE_FINAL_RE.sub('\u0647', mapped)
        # a one-letter word "ە" stays, and so is caught below as a one-letter word
        if AE not in final and 'وو' not in final and all(len(w) > 1 for w in mapped.split()):
            mapped = final
    return mapped, mapped != text


def clean_name(raw):
    """Returns (name, None, mapped) for an acceptable Arabic name, or (None, reason, False). mapped tells
    that the name is acceptable only because Persian shapes of Arabic letters were replaced."""
    text = unicodedata.normalize('NFKC', raw)  # presentation forms -> letters
    if '\u200C' in text:
        return None, 'zero-width non-joiner (Persian orthography)', False
    text = STRIP_RE.sub('', text)
    for a, b in REPLACE.items():
        text = text.replace(a, b)
    # Wikipedia disambiguation: "X (qualifier)" -> X
    if '(' in text or ')' in text:
        head = text.split('(')[0]
        if ')' in head:
            return None, 'unbalanced parenthesis', False
        text = head
    # "X، Y" (place, region) -> X, but only when the whole title is in Arabic proper: the form is
    # above all that of Persian and Urdu titles. The check is made before Persian shapes are replaced, so
    # that "کرج، ایران" stays dropped.
    if '،' in text:
        whole = ' '.join(text.replace('،', ' ').split())
        why = _letters_ok(whole)
        if why:
            return None, 'comma title: ' + why, False
        text = text.split('،')[0]
    text = ' '.join(text.split())
    # Persian shapes of Arabic letters -> the Arabic letters; the checks of Arabic orthography below then
    # apply to the result (a Persian name with ى or ة inside a word is still dropped).
    text, mapped = arabic_shapes(text)
    why = _letters_ok(text)
    if why:
        return None, why, False
    return text, None, mapped


def best_spelling(names, mapped=()):
    """Among names that fold to one key, the most carefully written (hamza, teh marbuta, final yeh). A
    spelling got by mapping Persian shapes (in mapped) comes after every spelling written in Arabic letters
    from the start: Persian writes آ where Arabic has أ (آغری beside أغري)."""
    def score(n):
        hamza = sum(n.count(c) for c in 'أإآ')
        marbuta = n.count('ة')
        final_yeh = sum(1 for w in n.split() if w.endswith('ي'))
        return (n in mapped, -hamza, -marbuta, -final_yeh, n)
    return min(names, key=score)


def order_key(name, mapped=()):
    """Order of GeoNames names after the hand-given ones: names written in Arabic letters from the start
    before those got by mapping Persian shapes, plain names before 'مدينة X', short first."""
    words = name.split()
    return (name in mapped, words[0] in CLASS_WORDS, len(words), len(name), name)


def merge_names(preferred, candidates, drop=(), mapped=()):
    """One name list: preferred names first (in their order), then the candidates, without variants.
    mapped holds the candidate spellings got only by mapping Persian shapes of Arabic letters."""
    drop_keys = {fold(d) for d in drop}
    groups = {}   # fold key -> spellings seen
    order = []    # fold keys of preferred names, in order
    for n in preferred:
        k = fold(n)
        if k not in groups:
            groups[k] = [n]
            order.append(k)
    for n in candidates:
        k = fold(n)
        if k in drop_keys and k not in order:
            continue
        groups.setdefault(k, []).append(n)
    # A bare name beside the same name with the article is the Persian/Urdu form: drop it.
    for k in list(groups):
        if k not in order and ('ال' + k) in groups:
            del groups[k]
    chosen = {}
    for k, spellings in groups.items():
        chosen[k] = spellings[0] if k in order else best_spelling(spellings, mapped)
    rest = sorted((chosen[k] for k in groups if k not in order), key=lambda n: order_key(n, mapped))
    return [chosen[k] for k in order] + rest


# --------------------------------------------------------------------------------------------------
# Hand corrections (rasad's own knowledge of Arabic news usage)
# --------------------------------------------------------------------------------------------------

# Country names, the usual news form first. GeoNames' name_ar (often the official long form) is added
# after these. Countries not listed keep the GeoNames name alone.
COUNTRY_NAMES = {
    'ARE': ['الإمارات', 'الإمارات العربية المتحدة', 'دولة الإمارات'],
    'AGO': ['أنغولا', 'أنجولا'],
    'ATG': ['أنتيغوا وباربودا', 'أنتيغوا وبربودا'],
    'BIH': ['البوسنة والهرسك', 'البوسنة'],
    'BGD': ['بنغلاديش', 'بنجلاديش'],
    'BHR': ['البحرين', 'مملكة البحرين'],
    'BRN': ['بروناي', 'بروناي دار السلام'],
    'BHS': ['جزر البهاما', 'البهاما'],
    'BWA': ['بوتسوانا', 'بتسوانا'],
    'BLR': ['بيلاروسيا', 'بيلاروس', 'روسيا البيضاء'],
    'COD': ['جمهورية الكونغو الديمقراطية', 'الكونغو الديمقراطية', 'الكونغو كينشاسا'],
    'CAF': ['أفريقيا الوسطى', 'جمهورية أفريقيا الوسطى'],
    'COG': ['الكونغو', 'جمهورية الكونغو', 'الكونغو برازافيل'],
    'CHE': ['سويسرا'],
    'CIV': ['كوت ديفوار', 'ساحل العاج'],
    'CHL': ['تشيلي', 'شيلي'],
    'CMR': ['الكاميرون'],
    'CHN': ['الصين', 'جمهورية الصين الشعبية'],
    'CZE': ['التشيك', 'جمهورية التشيك', 'تشيكيا'],
    'DJI': ['جيبوتي', 'جمهورية جيبوتي'],
    'DNK': ['الدنمارك', 'الدانمارك'],
    'DOM': ['جمهورية الدومينيكان', 'الدومينيكان'],
    'DZA': ['الجزائر', 'الجمهورية الجزائرية'],
    'ECU': ['الإكوادور', 'إكوادور'],
    'EGY': ['مصر', 'جمهورية مصر العربية'],
    'ERI': ['إريتريا', 'إرتريا'],
    'ESP': ['إسبانيا', 'أسبانيا'],
    'ETH': ['إثيوبيا'],
    'FSM': ['ميكرونيزيا', 'ميكرونيسيا'],
    'GAB': ['الغابون', 'الجابون'],
    'GBR': ['بريطانيا', 'المملكة المتحدة', 'بريطانيا العظمى'],
    'GRD': ['غرينادا', 'جرينادا'],
    'GRC': ['اليونان'],
    'GTM': ['غواتيمالا', 'جواتيمالا'],
    'GMB': ['غامبيا', 'جامبيا'],
    'HTI': ['هايتي'],
    'HND': ['هندوراس'],
    'HUN': ['المجر', 'هنغاريا'],
    'IRL': ['أيرلندا', 'أيرلاندا', 'جمهورية أيرلندا'],
    'ISR': ['إسرائيل', 'دولة إسرائيل'],
    'IRQ': ['العراق', 'جمهورية العراق'],
    'IRN': ['إيران', 'الجمهورية الإسلامية الإيرانية'],
    'JOR': ['الأردن', 'المملكة الأردنية الهاشمية'],
    'KAZ': ['كازاخستان'],
    'KGZ': ['قرغيزستان', 'قيرغيزستان'],
    'KOR': ['كوريا الجنوبية', 'جمهورية كوريا'],
    'PRK': ['كوريا الشمالية', 'جمهورية كوريا الديمقراطية الشعبية'],
    'COM': ['جزر القمر', 'جمهورية جزر القمر'],
    'KWT': ['الكويت', 'دولة الكويت'],
    'LBN': ['لبنان', 'الجمهورية اللبنانية'],
    'LBY': ['ليبيا', 'دولة ليبيا'],
    'LUX': ['لوكسمبورغ', 'لوكسمبورج'],
    'LTU': ['ليتوانيا', 'لتوانيا'],
    'MAR': ['المغرب', 'المملكة المغربية'],
    'MDA': ['مولدوفا', 'مولدافيا'],
    'MMR': ['ميانمار', 'بورما'],
    'MRT': ['موريتانيا', 'الجمهورية الإسلامية الموريتانية'],
    'MDV': ['جزر المالديف', 'المالديف'],
    'MWI': ['مالاوي', 'ملاوي'],
    'MKD': ['مقدونيا الشمالية', 'مقدونيا'],
    'NER': ['النيجر'],
    'NIC': ['نيكاراغوا', 'نيكاراجوا'],
    'NOR': ['النرويج'],
    'NRU': ['ناورو', 'نورو'],
    'OMN': ['سلطنة عمان', 'عمان'],
    'PSE': ['فلسطين', 'دولة فلسطين', 'الأراضي الفلسطينية'],
    'PRT': ['البرتغال'],
    'PRY': ['باراغواي', 'باراجواي'],
    'QAT': ['قطر', 'دولة قطر'],
    'RUS': ['روسيا', 'روسيا الاتحادية'],
    'SAU': ['السعودية', 'المملكة العربية السعودية'],
    'SDN': ['السودان', 'جمهورية السودان'],
    'SSD': ['جنوب السودان', 'جمهورية جنوب السودان'],
    'SEN': ['السنغال'],
    'SWE': ['السويد'],
    'SLV': ['السلفادور'],
    'SOM': ['الصومال', 'جمهورية الصومال'],
    'SYR': ['سوريا', 'سورية', 'الجمهورية العربية السورية'],
    'SWZ': ['إسواتيني', 'سوازيلاند', 'سوازيلند'],
    'SYC': ['سيشل', 'سيشيل'],
    'TCD': ['تشاد', 'جمهورية تشاد'],
    'TGO': ['توغو', 'توجو'],
    'TJK': ['طاجيكستان', 'طاجكستان'],
    'TON': ['تونغا', 'تونجا'],
    'TUN': ['تونس', 'الجمهورية التونسية'],
    'TUR': ['تركيا', 'جمهورية تركيا'],
    'TZA': ['تنزانيا'],
    'URY': ['الأوروغواي', 'أوروغواي'],
    'USA': ['الولايات المتحدة', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية', 'أمريكا',
            'أميركا'],
    'VAT': ['الفاتيكان', 'دولة الفاتيكان'],
    'XKX': ['كوسوفو'],
    'YEM': ['اليمن', 'الجمهورية اليمنية'],
    'ZAF': ['جنوب أفريقيا', 'جنوب إفريقيا', 'جمهورية جنوب أفريقيا'],
    'ESH': ['الصحراء الغربية'],
    'TWN': ['تايوان'],
    'NZL': ['نيوزيلندا', 'نيوزيلاندا'],
    'PHL': ['الفلبين'],
    'KHM': ['كمبوديا'],
    'LAO': ['لاوس'],
    'VNM': ['فيتنام'],
    'THA': ['تايلاند'],
    'IDN': ['إندونيسيا'],
    'MYS': ['ماليزيا'],
    'NLD': ['هولندا'],
    'BEL': ['بلجيكا'],
    'AUT': ['النمسا'],
    'DEU': ['ألمانيا'],
    'FRA': ['فرنسا'],
    'ITA': ['إيطاليا'],
    'NGA': ['نيجيريا'],
    'KEN': ['كينيا'],
    'UKR': ['أوكرانيا'],
    'LKA': ['سريلانكا', 'سري لانكا'],
}

# GeoNames country names not used: 'الشام' (SY) is the Levant or Damascus as often as Syria.
COUNTRY_DROP = {'SYR': {'الشام'}}

# Countries whose capital is not in cities15000 (or is disputed there): approximate coordinates, and what
# they are.
COUNTRY_COORDS = {
    'ATA': (-82.86, 135.0, 'centroid'),
    'BVT': (-54.43, 3.38, 'the island'),
    'HMD': (-53.08, 73.50, 'Heard Island'),
    'IOT': (-7.31, 72.41, 'Diego Garcia'),
    'PSE': (31.78, 35.23, 'East Jerusalem, the capital named by GeoNames'),
    'TKL': (-9.20, -171.85, 'Fakaofo'),
    'UMI': (19.28, 166.65, 'Wake Island'),
}

# Capitals that countryInfo names otherwise than cities15000 does (El-Aaiun = Laayoune).
COUNTRY_CAPITAL_ID = {'ESH': 2462881}

# Countries of countryInfo.tsv that no longer exist: not written.
DEFUNCT = {'AN', 'CS'}

# City names by GeoNames id, the usual news spelling first. They go before the GeoNames names, and give
# names to well-known cities that GeoNames has none for.
CITY_NAMES = {
    # world capitals news names often, with their Arabic news spellings
    4140963: ['واشنطن', 'واشنطن العاصمة'],                      # Washington, D.C.; small US towns share the name
    1138958: ['كابل', 'كابول'],
    1261481: ['نيودلهي', 'نيو دلهي'],
    1642911: ['جاكرتا', 'جاكارتا'],
    # capitals and large cities of the Arab states
    2507480: ['الجزائر العاصمة', 'الجزائر', 'مدينة الجزائر'],     # Algiers; الجزائر is also the country
    2538475: ['الرباط'],
    2464470: ['تونس العاصمة', 'تونس'],                            # تونس is also the country
    2210247: ['طرابلس', 'طرابلس الغرب'],                          # Tripoli, Libya
    266826: ['طرابلس', 'طرابلس الشام'],                           # Tripoli, Lebanon
    360630: ['القاهرة'],
    361058: ['الإسكندرية'],
    170654: ['دمشق'],
    170063: ['حلب'],
    98182: ['بغداد'],
    99072: ['الموصل'],
    99532: ['البصرة'],
    276781: ['بيروت'],
    250441: ['عمان'],                                    # Amman; عمان is also Oman
    108410: ['الرياض'],
    105343: ['جدة'],
    290030: ['الدوحة'],
    292223: ['دبي'],
    292968: ['أبوظبي', 'أبو ظبي'],
    285787: ['مدينة الكويت', 'الكويت', 'الكويت العاصمة'],        # الكويت is also the country
    290340: ['المنامة'],
    287286: ['مسقط'],
    71137: ['صنعاء'],
    415189: ['عدن'],
    379252: ['الخرطوم'],
    2377450: ['نواكشوط', 'انواكشوط'],
    281184: ['القدس', 'القدس الشريف', 'بيت المقدس', 'القدس المحتلة', 'مدينة القدس', 'أورشليم القدس',
             'أورشليم'],
    7498240: ['القدس الغربية'],
    281133: ['غزة', 'مدينة غزة'],
    282239: ['رام الله'],
    112931: ['طهران'],
    323786: ['أنقرة'],
    53654: ['مقديشو'],
    223817: ['جيبوتي', 'مدينة جيبوتي'],
    921772: ['موروني'],
    104515: ['مكة المكرمة', 'مكة'],
    109223: ['المدينة المنورة'],
    2553604: ['الدار البيضاء', 'كازابلانكا'],
    2485926: ['وهران'],
    2498611: ['الشلف'],
    2477461: ['تبسة'],
    2481700: ['سطيف'],
    372753: ['كسلا'],
    373141: ['كادقلي'],
    371760: ['كوستي'],
    379003: ['الأبيض'],
    379555: ['الفاشر'],
    363533: ['زالنجي'],
    379251: ['الخرطوم بحري', 'بحري'],
    365137: ['أم درمان'],
    377039: ['بورتسودان', 'بور سودان'],
    72968: ['مأرب'],
    71334: ['صعدة'],
    74477: ['إب'],
    79415: ['الحديدة'],
    70225: ['تعز'],
    78754: ['المكلا'],
    78751: ['المخا'],
    291074: ['رأس الخيمة'],
    290594: ['أم القيوين'],
    292913: ['العين'],
    285799: ['الجهراء'],
    285815: ['الفروانية'],
    285839: ['الأحمدي'],
    290332: ['المحرق'],
    290215: ['جد حفص'],
    290269: ['دار كليب'],
    289545: ['أم غويلينة'],
    107304: ['بريدة'],
    101732: ['عنيزة'],
    101760: ['سلطانة'],
    110690: ['أبها'],
    109323: ['الخبر'],
    57289: ['هرجيسا', 'هرغيسا'],
    55671: ['كيسمايو'],
    64013: ['بوصاصو', 'بوساسو'],
    58933: ['غاروي', 'جاروي'],
    278913: ['النبطية'],
    268743: ['رأس بيروت'],
    267008: ['صور'],
    2210394: ['تاجوراء'],
    2213618: ['قصر بن غشير'],
    353219: ['السادس من أكتوبر', 'مدينة السادس من أكتوبر'],
    353225: ['مدينة نصر'],
    2529013: ['تمارة'],
    2544001: ['القصر الكبير'],
    2558470: ['الخميسات'],
    2556272: ['برشيد'],
    2530048: ['تاوريرت'],
    2545957: ['إنزكان'],
    10374934: ['أيت ملول'],
    2498392: ['العلمة'],
    2508287: ['عين البيضاء'],
    353802: ['كوم أمبو'],
    367644: ['سنار'],
    286647: ['صحم'],
    11204413: ['المروج'],
    2381291: ['عيون العتروس', 'لعيون'],
    172374: ['الطبقة'],
    92430: ['الحمدانية', 'قره قوش', 'بغديدا'],
    172256: ['عين العرب', 'كوباني'],
    8199394: ['أرئيل', 'أريئيل'],
    8199378: ['موديعين عيليت'],
    2208791: ['يفرن'],
    2210221: ['ترهونة'],
    376450: ['الدلنج'],
    2472431: ['بن قردان'],
    292672: ['الشارقة'],
    359796: ['السويس'],
    117574: ['سنندج'],
    127319: ['خرمشهر', 'المحمرة'],
    96961: ['سوران'],
    2475860: ['تيسمسيلت'],
    2483936: ['رأس الوادي'],
    2485572: ['وادي سلي'],
    2491134: ['الأخضرية'],
    2491911: ['خميس مليانة'],
    2496059: ['قديل'],
    2498704: ['العامرية'],
    2507169: ['أميزور'],
    2482447: ['صالح باي'],
    2462881: ['العيون'],
    # Palestine and Israel
    285066: ['الخليل'],
    282615: ['نابلس'],
    283506: ['جنين'],
    281124: ['خان يونس', 'خانيونس'],
    281102: ['رفح'],
    284315: ['بيت لحم'],
    281129: ['جباليا'],
    285108: ['البيرة'],
    281577: ['طولكرم'],
    282993: ['معاليه أدوميم', 'معالي أدوميم'],
    293397: ['تل أبيب', 'تل أبيب يافا', 'تل الربيع'],
    294801: ['حيفا'],
    295530: ['بئر السبع'],
    294098: ['الناصرة'],
    295629: ['أسدود', 'أشدود'],
    295620: ['عسقلان', 'أشكلون'],
    293619: ['سديروت'],
    295277: ['إيلات', 'أم الرشراش'],
    293703: ['ريشون لتسيون'],
    293725: ['رحوفوت'],
    293918: ['بتاح تكفا'],
    293825: ['كريات شمونة'],
    294117: ['نهاريا'],
    293807: ['رعنانا'],
    294577: ['كرميئيل'],
    294778: ['هرتسليا'],
    282926: ['موديعين'],
    293992: ['أوفاكيم'],
    295721: ['عكا'],
    294421: ['اللد'],
    293768: ['الرملة'],
    293286: ['أم الفحم'],
    8184212: ['رهط'],
    # Iran
    124665: ['مشهد'],
    418863: ['أصفهان'],
    113646: ['تبريز'],
    115019: ['شيراز'],
    119208: ['قم'],
    144448: ['الأهواز'],
    128226: ['كرمانشاه'],
    141681: ['بندر عباس'],
    139817: ['بوشهر'],
    # Turkey
    745044: ['إسطنبول', 'اسطنبول'],
    311046: ['إزمير'],
    314830: ['غازي عنتاب', 'عنتاب'],
    323779: ['أنطاكية'],
    325363: ['أضنة'],
    316541: ['ديار بكر'],
    298333: ['شانلي أورفا', 'أورفا'],
    304531: ['مرسين'],
    304827: ['مانيسا'],
    741100: ['أوردو'],
    745028: ['إزميت'],
    747764: ['دوزجة'],
    321082: ['بينغول'],
    747323: ['إسنيورت'],
    307084: ['قزل تبه'],
    300614: ['سويرك'],
    298033: ['ويران شهر'],
    750269: ['بورصة'],
    306571: ['قونية'],
}

# Names found wrong or misleading, by GeoNames id; they are dropped with a note in the log.
DROP_NAMES = {
    2507480: {'الجزيره', 'الجزيرة'},              # Algiers: "the island / Al Jazeera"
    5180225: {'بيت لحم'},                          # Bethlehem, Pennsylvania: in news بيت لحم is Palestine's
    292968: {'جزيرة أبوظبي وجزر داخلية اخرى'},     # Abu Dhabi: a census-area label
    8057551: {'مدينة خليفة أ مطار أبوظبي الدولي'},
    379252: {'ااالخرطوم'},                        # Khartoum: typo
    371760: {'ربك'},                              # Kosti: Rabak is another town
    379003: {'الأبي'},                            # El Obeid: truncated
    2479536: {'ولاية سعيدة', 'فيليبفيل'},          # Skikda: Saida province; colonial name
    2498611: {'كاستيليوم تانجيتانيوم', 'كستلم تنجيتانم', 'أورليانفيل'},  # Chlef: Latin/colonial names
    6546693: {'ابي الجعد'},                       # Boujniba: Boujad (أبي الجعد) is another town
    166742: {'الكرمة'},                           # Maharda
    2464861: {'ريج'},                             # Teboulba
    281184: {'البلا', 'اريئيل', 'صهيون', 'ساليم', 'مريا', 'يبوس', 'لقدس', 'أولى القبلتين', 'إيلياء',
             'أورسالم', 'ورشليم'},                # Jerusalem: other places, epithets, ancient names, typos
    284899: {'مدينة القمر'},                      # Jericho: an epithet
    294801: {'جحفية'},                            # Haifa
    294098: {'ناصيرات', 'نتسرات'},                # Nazareth
    293286: {'الفحم', 'بأم النور'},              # Umm al-Fahm: "the coal"; junk
    8184212: {'الخضراء'},                         # Rahat: "the green"
    293842: {'قسطينة أ'},                         # Kiryat Gat: the destroyed village Qastina
    124665: {'سناباد'},                           # Mashhad: medieval name
    112931: {'تهران', 'تهرون'},                   # Tehran: Persian spellings
    250441: {'امان'},                             # Amman: folds to أمان "safety"
    74477: {'اب'},                                # Ibb: folds to أب "father"
    2381291: {'العيون'},                          # Ayoun el Atrous: العيون is Laayoune
    323779: {'نتاكية'},                           # Antakya: typo
    2553604: {'أنفا'},                            # Casablanca: Anfa is one district
    6765385: {'الريحانة', 'ريحانة'},              # Anah (new town)
    120292: {'كرج'},                               # Qods: Karaj is the neighbouring city
    2542051: {'الهراويين'},                        # Mohammedia: Lahraouyine is another town
}

# Names that are common words of news Arabic; dropped from every city that CITY_NAMES does not give
# them to.
COMMON_WORDS = {
    'المدينة', 'الحي', 'القائم', 'بلد', 'الصور', 'الساحل', 'الشهداء', 'البرج', 'الحمام', 'الوقف',
    'وقف', 'الجديد', 'الجميل', 'المنشاة', 'القصر', 'الحد', 'الخميس', 'سيان', 'المركز', 'الجرف',
    'السد', 'النجمة', 'الهلال', 'الشفا', 'السلام', 'الأمل', 'النصر', 'الوحدة', 'الحرية',
    'الثورة', 'الاستقلال', 'الجمهورية', 'الشعب', 'الوطن', 'العرب', 'الاتحاد',
    'دار السلام', 'الرئيس', 'الجيش', 'الشرطة', 'الأمن', 'النور', 'الخير', 'البلد', 'القرية',
    'ثورة', 'الحراك', 'بيان', 'يهود', 'البستان', 'بور', 'سلوى', 'فرعون', 'جامعة', 'الشروق', 'العبور',
    'الكردي', 'سحر', 'جمال', 'البدع', 'الصف', 'كريمة', 'قارة', 'تلا', 'عنك', 'أدم', 'القاسم',
    'الهندية', 'الشامية', 'المالح', 'الصافي', 'ديدان', 'عثمانية', 'كسل', 'عشاق', 'سلطات', 'الغانم',
    'سن', 'سنة', 'خور', 'كيف', 'سير', 'المالي', 'دينار', 'مبارك', 'تاريخا', 'كره',
}

# Misspellings and old names that are no longer in use, dropped wherever they are: French colonial names
# of Algerian towns, Essaouira's Mogador, a few non-Arabic spellings of Arab cities.
OLD_OR_MISSPELT = {
    'فيالار', 'بسكال', 'باسكال', 'مونتنياك', 'توكفيل', 'مالاكف', 'باليسترو', 'أفرفيل', 'سان كلو',
    'لورمل', 'لورمال', 'كلمار', 'كولمار', 'أورليانفيل', 'فيليبفيل', 'بول كازيل', 'ريو سالادو',
    'موغادور', 'موكادور', 'توونس', 'ربات', 'رابات', 'شارجه', 'سوئز', 'سطف', 'موصول', 'خارطوم', 'مووش', 'مدينه', 'ددن', 'دادان', 'لاد',
}

# The hand-made gazetteer files of data/, read to keep mapped Persian spellings off their names.
HAND_GAZETTEERS = ('places_regions.tsv', 'places_extra.tsv')

# The Arab states (and Western Sahara). A city elsewhere loses a name that is the name of another country
# or the first name of a bigger Arab city (الإسكندرية of Virginia, لبنان of Pennsylvania, وهران of
# Argentina): in Arabic news such a name means the Arab place.
ARAB = {'DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'MA', 'OM', 'PS', 'QA', 'SA',
        'SO', 'SD', 'SY', 'TN', 'AE', 'YE', 'EH'}


# --------------------------------------------------------------------------------------------------
# Reading GeoNames
# --------------------------------------------------------------------------------------------------

def read_tsv(path):
    """Rows of a tab-separated file, skipping comment lines and blank lines."""
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            yield line.split('\t')


def read_cities(path):
    """cities15000.txt.gz: id -> (name, lat, lon, feature, iso2, admin1, population)."""
    cities = {}
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        for line in f:
            r = line.rstrip('\n').split('\t')
            if len(r) < 19:
                continue
            cities[int(r[0])] = (r[1], float(r[4]), float(r[5]), r[7], r[8], r[10], int(r[14] or 0))
    return cities


def fmt_coord(x):
    """At most 4 decimals, no trailing zeros."""
    s = '%.4f' % x
    s = s.rstrip('0').rstrip('.')
    return '0' if s in ('-0', '') else s


def feature_of(code):
    """GeoNames feature code -> rasad feature."""
    return 'city'  # PPLC, PPLA*, PPL, PPLX, STLMT ...: every populated place is a city


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('geonames', nargs='?', default=os.path.join(repo, '..', 'shared', 'reference', 'geonames'))
    ap.add_argument('output', nargs='?', default=os.path.join(repo, 'data', 'places.tsv'))
    ap.add_argument('--log', help='write every dropped name and the reason to this file')
    args = ap.parse_args()
    g = args.geonames

    dropped = []  # (geonameid, place, name, reason)

    # Countries -------------------------------------------------------------------------------------
    info = {}
    for r in read_tsv(os.path.join(g, 'countryInfo.tsv')):
        info[r[0]] = {'iso3': r[1], 'name': r[4], 'capital': r[5], 'population': int(r[7] or 0),
                      'geonameid': int(r[16])}
    iso3_of = {k: v['iso3'] for k, v in info.items()}
    names_ar = {}
    rows = read_tsv(os.path.join(g, 'countries_ar_en_fr.tsv'))
    header = next(rows)
    col = {h: i for i, h in enumerate(header)}
    for r in rows:
        iso2 = r[col['iso2']]
        iso3_of.setdefault(iso2, r[col['iso3']])
        names_ar[iso2] = r[col['name_ar']]

    cities = read_cities(os.path.join(g, 'cities15000.txt.gz'))

    out = []  # (geonameid, names, feature, iso3, lat, lon, population)
    for iso2, c in sorted(info.items()):
        if iso2 in DEFUNCT:
            continue
        iso3 = c['iso3']
        candidates = []
        raw = names_ar.get(iso2, '')
        if raw:
            name, why, _ = clean_name(raw)
            if name:
                candidates.append(name)
            else:
                dropped.append((c['geonameid'], c['name'], raw, why))
        for n in COUNTRY_DROP.get(iso3, ()):
            if n in candidates:
                dropped.append((c['geonameid'], c['name'], n, 'ambiguous country name'))
        names = merge_names(COUNTRY_NAMES.get(iso3, []), candidates, COUNTRY_DROP.get(iso3, ()))
        if not names:
            print('warning: no Arabic name for country %s' % iso2, file=sys.stderr)
            continue
        # Coordinates: the capital city (PPLC of cities15000, else the city named as capital by
        # countryInfo), else the table above.
        lat = lon = None
        if iso3 in COUNTRY_COORDS:
            lat, lon, _ = COUNTRY_COORDS[iso3]
        elif iso3 in COUNTRY_CAPITAL_ID:
            _, lat, lon = cities[COUNTRY_CAPITAL_ID[iso3]][:3]
        else:
            pplc = [(cid, v) for cid, v in cities.items() if v[4] == iso2 and v[3] == 'PPLC']
            if len(pplc) != 1:
                pplc = [(cid, v) for cid, v in cities.items() if v[4] == iso2 and v[0] == c['capital']]
            if pplc:
                pplc.sort(key=lambda cv: -cv[1][6])
                lat, lon = pplc[0][1][1], pplc[0][1][2]
        if lat is None:
            print('warning: no coordinates for country %s' % iso2, file=sys.stderr)
            continue
        out.append((c['geonameid'], names, 'country', iso3, lat, lon, c['population']))

    # Cities ----------------------------------------------------------------------------------------
    geonames_ar = {}
    rows = read_tsv(os.path.join(g, 'cities15000_arabic_script_names.tsv'))
    header = next(rows)
    col = {h: i for i, h in enumerate(header)}
    for r in rows:
        geonames_ar[int(r[col['geonameid']])] = r[col['arabic_script_alternate_names']].split('|')

    common = {fold(n) for n in COMMON_WORDS}
    old = {fold(n) for n in OLD_OR_MISSPELT}
    city_lines = []
    for cid in sorted(set(geonames_ar) | set(CITY_NAMES)):
        if cid not in cities:
            print('warning: city %d is not in cities15000' % cid, file=sys.stderr)
            continue
        name_en, lat, lon, fcode, iso2, _, pop = cities[cid]
        given = CITY_NAMES.get(cid, [])
        for n in given:
            assert clean_name(n) == (n, None, False), 'bad hand-given name %r' % n
        drop = DROP_NAMES.get(cid, set())
        given_keys = {fold(n) for n in given}
        candidates = []
        plain = set(given)  # names written in Arabic letters from the start
        mapped_names = set()  # names got by mapping Persian shapes of Arabic letters
        for raw in geonames_ar.get(cid, []):
            name, why, mapped = clean_name(raw)
            if name:
                (mapped_names if mapped else plain).add(name)
            if not name:
                dropped.append((cid, name_en, raw, why))
            elif mapped and iso2 in ARAB:
                # The cities of the Arab states have their Arabic names in GeoNames; a Persian or Urdu
                # spelling of them is not Arabic usage (لكسر for Luxor, تايف for Taif).
                dropped.append((cid, name_en, raw, 'Persian spelling of a city of an Arab state'))
            elif name in drop or fold(name) in {fold(d) for d in drop}:
                dropped.append((cid, name_en, raw, 'wrong or misleading (hand list)'))
            elif fold(name) in common and fold(name) not in given_keys:
                dropped.append((cid, name_en, raw, 'common word'))
            elif fold(name) in old and fold(name) not in given_keys:
                dropped.append((cid, name_en, raw, 'old name or misspelling'))
            elif name.split()[0] in REGION_WORDS and len(name.split()) > 1:
                dropped.append((cid, name_en, raw, 'name of the region, not the city'))
            elif (mapped and len(name.split()) > 1 and
                  (name.split()[0] in PERSIAN_REGION_WORDS or name.split()[-1] in PERSIAN_REGION_WORDS)):
                dropped.append((cid, name_en, raw, 'Persian spelling, name of the county or district'))
            else:
                candidates.append(name)
        names = merge_names(given, candidates, mapped=mapped_names - plain)
        if not names:
            continue
        if iso2 not in iso3_of:
            print('warning: no ISO 3166 alpha-3 code for %s' % iso2, file=sys.stderr)
            continue
        # the names that the city has only in Persian shapes of Arabic letters
        mapped_keys = {fold(n) for n in names} - {fold(n) for n in plain}
        city_lines.append((cid, names, feature_of(fcode), iso3_of[iso2], lat, lon, pop, iso2, name_en,
                           mapped_keys))

    # What a name got by mapping is checked against: the names of countries, those of the hand-made
    # gazetteer files, and every name that a city has in Arabic letters from the start (hand-given or
    # GeoNames), with the largest population under it. country_of_name also serves the rule below.
    country_of_name = {}  # fold key -> iso3 of the country of that name
    for t in out:
        for n in t[1]:
            country_of_name[fold(n)] = t[3]
    # The hand-made files name regions and places that GeoNames lacks (جزيرة تيران|تيران); they have no
    # population, so a mapped name never takes theirs.
    hand_place = {}  # fold key -> the first name of the hand-made place
    for fname in HAND_GAZETTEERS:
        path = os.path.join(repo, 'data', fname)
        if not os.path.exists(path):
            print('warning: %s not found; mapped names are not checked against it' % path, file=sys.stderr)
            continue
        for r in read_tsv(path):
            for n in r[0].split('|'):
                hand_place.setdefault(fold(n), r[0].split('|')[0])
    plain_city = {}  # fold key -> the largest population of a city that has the name not by mapping
    for cid, names, _, _, _, _, pop, _, _, mapped_keys in city_lines:
        for n in names:
            k = fold(n)
            if k not in mapped_keys:
                plain_city[k] = max(plain_city.get(k, -1), pop)

    # A name got by mapping Persian shapes must not take the name of a country or of a place of the
    # hand-made files, nor a name that a more populous city has in Arabic letters: the Persian spelling of
    # a small town would otherwise compete with the place Arabic news means.
    mapped_lines = []
    for cid, names, feat, iso3, lat, lon, pop, iso2, name_en, mapped_keys in city_lines:
        kept = []
        for n in names:
            k = fold(n)
            if k in mapped_keys and k in country_of_name:
                dropped.append((cid, name_en, n, 'Persian spelling, name of a country'))
            elif k in mapped_keys and k in hand_place:
                dropped.append((cid, name_en, n, 'Persian spelling, name of %s (hand-made gazetteer)'
                                % hand_place[k]))
            elif k in mapped_keys and plain_city.get(k, -1) > pop:
                dropped.append((cid, name_en, n, 'Persian spelling, name of a more populous city'))
            else:
                kept.append(n)
        if kept:
            mapped_lines.append((cid, kept, feat, iso3, lat, lon, pop, iso2, name_en))
    city_lines = mapped_lines

    # Names of countries and of Arab cities taken by foreign cities.
    arab_city = {}  # fold key of an Arab city's first name -> the largest population under it
    for cid, names, _, _, _, _, pop, iso2, _ in city_lines:
        if iso2 in ARAB:
            k = fold(names[0])
            arab_city[k] = max(arab_city.get(k, 0), pop)
    for cid, names, feat, iso3, lat, lon, pop, iso2, name_en in city_lines:
        if iso2 not in ARAB:
            kept = []
            for n in names:
                k = fold(n)
                if country_of_name.get(k, iso3) != iso3:
                    dropped.append((cid, name_en, n, 'name of a country'))
                elif arab_city.get(k, -1) > pop:
                    dropped.append((cid, name_en, n, 'name of a bigger Arab city'))
                else:
                    kept.append(n)
            names = kept
        if names:
            out.append((cid, names, feat, iso3, lat, lon, pop))

    # Output ----------------------------------------------------------------------------------------
    out.sort(key=lambda t: t[0])
    n_country = sum(1 for t in out if t[2] == 'country')
    with open(args.output, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# rasad: places with Arabic names - every country and every city of GeoNames cities15000 that\n'
                '# has an acceptable Arabic name. UTF-8, tab-separated, one place per line, sorted by GeoNames id.\n'
                '# Generated by scripts/gazetteer/build_places.py from GeoNames (geonames.org, CC BY 4.0):\n'
                '# cities15000 (2025-11-19), countryInfo, and the Arabic country names of the GeoNames\n'
                '# translations. Do not edit by hand: change the script and run it again.\n'
                '# names       Arabic names, |-separated, the usual news spelling first. Diacritics and tatweel are\n'
                '#             stripped. Persian shapes of Arabic letters are read as the Arabic letters: ک as ك,\n'
                '#             ی as ي, ۀ as ة, and ە as ه at the end of a word (so Persian spellings of Iranian,\n'
                '#             Afghan, Pakistani and other cities are kept); such a name comes after the names\n'
                '#             written in Arabic, is not used for cities of the Arab states, and is dropped when\n'
                '#             it is the name of a country, of a region or place of places_regions.tsv or\n'
                '#             places_extra.tsv, or of a more populous city. Names with letters Arabic lacks\n'
                '#             (پ چ ژ گ ڤ ھ ے ...), with a zero-width non-joiner, Latin letters or digits, Persian or\n'
                '#             Urdu titles "X، Y", or of one letter are dropped; variants that differ only in\n'
                '#             أ/إ/آ/ا, ى/ي, ة/ه are given once. Some names were added or dropped by hand (see the\n'
                '#             script).\n'
                '# geonames_id the GeoNames id of the place\n'
                '# feature     country or city (every GeoNames populated place: PPLC, PPLA*, PPL, PPLX, STLMT ...)\n'
                '# country     ISO 3166-1 alpha-3 (PSE Palestine, ESH Western Sahara, XKX Kosovo), from the GeoNames\n'
                '#             country of the place\n'
                '# lat, lon    decimal degrees, 4 decimals at most. For a country: its capital (the PPLC city of\n'
                '#             cities15000, else the capital named by countryInfo); Antarctica, Bouvet, Heard,\n'
                '#             British Indian Ocean Territory, Palestine (East Jerusalem), Tokelau and the US Minor\n'
                '#             Outlying Islands have approximate coordinates given in the script\n'
                '# population  GeoNames population (0 when unknown)\n'
                '# %d countries, %d cities.\n' % (n_country, len(out) - n_country))
        f.write('# names\tgeonames_id\tfeature\tcountry\tlat\tlon\tpopulation\n')
        for gid, names, feat, iso3, lat, lon, pop in out:
            f.write('\t'.join([('|').join(names), str(gid), feat, iso3, fmt_coord(lat), fmt_coord(lon),
                               str(pop)]) + '\n')

    if args.log:
        with open(args.log, 'w', encoding='utf-8') as f:
            for gid, place, raw, why in dropped:
                f.write('%s\t%s\t%s\t%s\n' % (gid, place, raw, why))
    print('%s: %d countries, %d cities; %d names dropped' % (args.output, n_country, len(out) - n_country,
                                                             len(dropped)), file=sys.stderr)


if __name__ == '__main__':
    main()
