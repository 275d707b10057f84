// GDELT 2.0 and PLOVER-style exports of the event store (export.h).
#include "store/export.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "time/date.h"

namespace rasad {
namespace {

// Column access by name over an ExportEvents table.
class Row {
 public:
  Row(const Table& t, const std::vector<std::string>& row) : table_(t), row_(row) {}
  const std::string& operator[](const char* name) const {
    static const std::string kEmpty;
    for (size_t c = 0; c < table_.columns.size(); ++c) {
      if (table_.columns[c] == name) return row_[c];
    }
    return kEmpty;
  }

 private:
  const Table& table_;
  const std::vector<std::string>& row_;
};

bool GroupPrefix(const std::string& code) {
  return code.compare(0, 3, "IGO") == 0 || code.compare(0, 3, "NGO") == 0 || code.compare(0, 3, "IMG") == 0;
}

// The ten GDELT actor fields of a CAMEO actor code.
std::vector<std::string> ActorFields(const std::string& code, const std::string& name) {
  std::vector<std::string> f(10);
  if (code.empty()) return f;
  f[0] = code;
  for (char c : name) f[1] += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  size_t pos = 3;
  if (GroupPrefix(code)) {
    if (code.size() >= 6) f[3] = code.substr(3, 3);  // IGOUNO -> UNO
    pos = 6;
  } else {
    f[2] = code.substr(0, 3);
  }
  for (int t = 0; t < 3 && pos + 3 <= code.size(); ++t, pos += 3) f[7 + t] = code.substr(pos, 3);
  return f;
}

std::string Compact(const std::string& iso_day) {  // 2021-07-26 -> 20210726
  std::string out;
  for (char c : iso_day) {
    if (c != '-') out += c;
  }
  return out;
}

}  // namespace

std::map<std::string, std::string> LoadFips(const std::string& path) { return LoadCountryColumn(path, 1); }

std::map<std::string, std::string> LoadCountryColumn(const std::string& path, int column) {
  std::map<std::string, std::string> fips;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string iso3, code;
    if (!std::getline(fields, iso3, '\t')) continue;
    for (int c = 0; c < column && std::getline(fields, code, '\t'); ++c) {
    }
    if (!code.empty() && code != "-") fips[iso3] = code;
  }
  return fips;
}

std::string ToGdelt(const Table& events, const std::map<std::string, std::string>& fips) {
  std::string out;
  for (const auto& values : events.rows) {
    const Row r(events, values);
    std::vector<std::string> f;
    f.reserve(61);
    const std::string& day = r["day"];  // YYYY-MM-DD, the first day of the event's period
    const int year = std::atoi(day.substr(0, 4).c_str()), month = std::atoi(day.substr(5, 2).c_str()),
              dom = std::atoi(day.substr(8, 2).c_str());
    int day_of_year = dom;
    for (int m = 1; m < month; ++m) {
      int last = 31;
      while (!IsValidDay(year, m, last)) --last;
      day_of_year += last;
    }
    f.push_back(r["event_id"]);
    f.push_back(Compact(day));
    f.push_back(Compact(day).substr(0, 6));
    f.push_back(day.substr(0, 4));
    f.push_back(fmt::format("{:.4f}", year + day_of_year / 365.0));
    for (const std::string& s : ActorFields(r["source_code"], r["source_name"])) f.push_back(s);
    for (const std::string& s : ActorFields(r["target_code"], r["target_name"])) f.push_back(s);
    const std::string& code = r["event_code"];
    f.push_back(std::atoi(r["first_sentence"].c_str()) <= 2 ? "1" : "0");  // IsRootEvent: told in the title or lead
    f.push_back(code);
    f.push_back(code.substr(0, 3));
    f.push_back(r["event_root"]);
    f.push_back(r["quad_class"]);
    f.push_back(r["goldstein"]);
    f.push_back(r["num_mentions"]);
    f.push_back(r["num_sources"]);
    f.push_back(r["num_articles"]);
    f.push_back("");  // AvgTone: not measured
    for (int geo = 0; geo < 2; ++geo) {
      for (int k = 0; k < 8; ++k) f.push_back("");  // Actor1Geo_*, Actor2Geo_*: not coded
    }
    const std::string& feature = r["place_feature"];
    if (feature.empty()) {
      for (int k = 0; k < 8; ++k) f.push_back("");
    } else {
      const bool usa = r["place_country"] == "USA";
      f.push_back(feature == "country" ? "1" : feature == "region" ? (usa ? "2" : "5") : (usa ? "3" : "4"));
      f.push_back(r["place_name"]);
      auto it = fips.find(r["place_country"]);
      f.push_back(it == fips.end() ? "" : it->second);
      f.push_back("");  // ADM1
      f.push_back("");  // ADM2
      f.push_back(r["lat"].empty() ? "" : fmt::format("{:.4f}", std::atof(r["lat"].c_str())));
      f.push_back(r["lon"].empty() ? "" : fmt::format("{:.4f}", std::atof(r["lon"].c_str())));
      f.push_back(r["geonames_id"]);
    }
    std::string added;  // DATEADDED: YYYYMMDDHHMMSS of the ingestion (2026-11-29T13:01:15Z)
    for (char c : r["added"]) {
      if (c >= '0' && c <= '9') added += c;
    }
    f.push_back(added.size() >= 14 ? added.substr(0, 14) : "");
    f.push_back(r["source_url"]);
    for (size_t i = 0; i < f.size(); ++i) {
      std::string v = f[i];
      for (char& c : v) {
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
      }
      out += (i ? "\t" : "") + v;
    }
    out += "\n";
  }
  return out;
}

std::pair<std::string, std::string> PloverOf(const std::string& code) {
  static const std::map<std::string, std::string> kModes = {
      {"041", "phone"}, {"042", "visit"}, {"043", "host"}, {"046", "negotiate"}, {"057", "sign"},
      {"141", "demonstrate"}, {"142", "hunger-strike"}, {"143", "strike"}, {"144", "obstruct"}, {"145", "riot"},
      {"163", "embargo"}, {"173", "arrest"}, {"1711", "seize"}, {"174", "expel"}, {"175", "repress"},
      {"181", "abduct"}, {"183", "explosives"}, {"186", "assassinate"}, {"193", "small-arms"},
      {"194", "artillery"}, {"195", "aerial"}};
  const std::string root = code.substr(0, 2);
  std::string type;
  if (root == "02" || root == "10") type = "REQUEST";
  else if (root == "03") type = "AGREE";
  else if (root == "04") type = "CONSULT";
  else if (root == "05") type = code.compare(0, 3, "057") == 0 ? "AGREE" : "SUPPORT";
  else if (root == "06") type = "COOPERATE";
  else if (root == "07") type = "AID";
  else if (root == "08") type = code.compare(0, 3, "087") == 0 ? "RETREAT" : "CONCEDE";
  else if (root == "11") type = "ACCUSE";
  else if (root == "12") type = "REJECT";
  else if (root == "13") type = "THREATEN";
  else if (root == "14") type = "PROTEST";
  else if (root == "15") type = "MOBILIZE";
  else if (root == "16") type = "SANCTION";
  else if (root == "17") type = "COERCE";
  else if (root == "18" || root == "19" || root == "20") type = "ASSAULT";
  std::string mode;
  for (size_t n = code.size(); n >= 3 && mode.empty(); --n) {
    if (auto it = kModes.find(code.substr(0, n)); it != kModes.end()) mode = it->second;
  }
  return {type, type.empty() ? "" : mode};
}

std::string ToPlover(const Table& events) {
  std::string out;
  for (const auto& values : events.rows) {
    const Row r(events, values);
    const auto [type, mode] = PloverOf(r["event_code"]);
    nlohmann::ordered_json j;
    j["id"] = r["event_id"];
    j["date"] = r["date"];
    j["event_type"] = type.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(type);
    j["mode"] = mode.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(mode);
    j["cameo"] = r["event_code"];
    j["actor1"] = r["source_code"];
    j["actor1_country"] = r["source_country"];
    j["actor2"] = r["target_code"].empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r["target_code"]);
    j["actor2_country"] = r["target_country"].empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r["target_country"]);
    j["quad_class"] = std::atoi(r["quad_class"].c_str());
    j["goldstein"] = std::atof(r["goldstein"].c_str());
    if (!r["place_name"].empty()) {
      j["location"] = {{"name", r["place_name"]}, {"country", r["place_country"]},
                       {"lat", std::round(std::atof(r["lat"].c_str()) * 1e4) / 1e4},
                       {"lon", std::round(std::atof(r["lon"].c_str()) * 1e4) / 1e4}};
    } else {
      j["location"] = nullptr;
    }
    j["num_articles"] = std::atoi(r["num_articles"].c_str());
    j["source_url"] = r["source_url"];
    out += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace rasad
