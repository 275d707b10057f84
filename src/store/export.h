// Exports of the event store in the formats other tools read: the GDELT 2.0 event table and PLOVER-style JSON.
//
// GDELT 2.0 (tab-separated, no header, GDELT's 61 columns in GDELT's order): dates as SQLDATE (an event dated
// to a month or a year takes its first day, as GDELT always has a day), MonthYear, Year, FractionDate; actor
// fields from the CAMEO code (country, known group for IGO/NGO/IMG codes, up to three type codes); event code,
// base and root code, quad class, Goldstein score, mention, source and article counts; the action's geography
// (type 1 country, 4 world city, 5 world region, 2 and 3 for US states and cities; full name; FIPS country code;
// latitude and longitude; GeoNames id as the feature id); DATEADDED from the ingestion time and SOURCEURL from
// the first reporting article. Left empty, because rasad does not measure them: the ethnic and religion codes,
// AvgTone, the ADM1 and ADM2 codes, and the actors' own geography (Actor1Geo_*, Actor2Geo_*).
//
// PLOVER-style JSON Lines: one object per event with PLOVER's event type and, where the CAMEO code says it, its
// mode (a mapping from CAMEO roots: 02 and 10 REQUEST, 11 ACCUSE, 19 ASSAULT ...), actors, date and place.
// Tested in tests/store_test.py.
#ifndef RASAD_STORE_EXPORT_H_
#define RASAD_STORE_EXPORT_H_

#include <map>
#include <string>

#include "store/query.h"

namespace rasad {

// Returns GDELT 2.0 event rows for `events` (a table of ExportEvents). `fips` maps ISO3 to FIPS 10-4 country
// codes (data/fips.tsv).
std::string ToGdelt(const Table& events, const std::map<std::string, std::string>& fips);

// Returns PLOVER-style JSON Lines for `events`.
std::string ToPlover(const Table& events);

// Reads data/fips.tsv (iso3, fips, numeric, name): ISO3 -> FIPS 10-4; empty on error.
std::map<std::string, std::string> LoadFips(const std::string& path);
// Reads one column of data/fips.tsv by ISO3 (1 FIPS, 2 ISO numeric); empty on error.
std::map<std::string, std::string> LoadCountryColumn(const std::string& path, int column);

// The PLOVER event type of a CAMEO code, and its mode ("" when none or CAMEO says nothing more).
std::pair<std::string, std::string> PloverOf(const std::string& cameo_code);

}  // namespace rasad

#endif  // RASAD_STORE_EXPORT_H_
