// Resolution of the time expressions of a sentence against the publication date.
//
// Weekdays point to the last such day on or before publication (الاثنين in a Tuesday paper is the day
// before), or the next one when marked المقبل; relative days count from publication (أمس "yesterday" = -1);
// months without a year take the last such month not after publication, or the one before or after when
// marked الماضي / المقبل; a year written with the month wins. With no publication date only absolute
// expressions resolve. Tested in resolve_test.cc.
#ifndef RASAD_TIME_RESOLVE_H_
#define RASAD_TIME_RESOLVE_H_

#include "mention/mentions.h"
#include "rasad/article.h"

namespace rasad {

// Returns the date `t` denotes for an article published on `published` (invalid when unknown), or an invalid
// Date when it cannot be resolved.
// `future`: the clause tells of what is to come (سيزور الخميس "will visit on Thursday"), so an unmarked weekday
// is the next one, not the last.
Date ResolveTime(const TimeMention& t, const Date& published, bool future = false);

}  // namespace rasad

#endif  // RASAD_TIME_RESOLVE_H_
