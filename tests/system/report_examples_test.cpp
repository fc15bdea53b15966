// docs/examples/reports/<kind>.json, one per report kind, submitted over HTTP to
// the real actor runtime: each is accepted and reaches exactly its kind's
// recipients, so the routing table is exercised for every kind. The example
// registry (docs/examples/equipment.csv) is imported first, so the examples
// prove they name registered equipment. The copies of the examples in
// docs/reports.md are checked against the files.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "domain/report_kind.hpp"
#include "tests/system/live_server.hpp"

using namespace gridcoord;
namespace json = boost::json;

using testing::bearer;

namespace {

// The month the examples are written for (docs/reports.md says so).
const std::string example_month = "2026-10";

std::string read_source(const std::string& relative) {
  std::ifstream in(GRIDCOORD_SOURCE_DIR "/" + relative, std::ios::binary);
  INFO(relative);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string example_path(const domain::report_kind& k) { return "docs/examples/reports/" + k.id + ".json"; }

// The first ```json block after `marker` in `doc`, or "" when there is none.
std::string json_block_after(const std::string& doc, const std::string& marker) {
  auto at = doc.find(marker);
  if (at == std::string::npos) return {};
  auto open = doc.find("```json\n", at);
  if (open == std::string::npos) return {};
  open += 8;
  auto close = doc.find("```", open);
  return close == std::string::npos ? std::string() : doc.substr(open, close - open);
}

// Imports docs/examples/equipment.csv: from then on reports are checked against it.
void import_example_registry(testing::live_server& s) {
  auto r = s.client().request("POST", "/v1/equipment/imports", read_source("docs/examples/equipment.csv"),
                              bearer(s.admin, {{"Content-Type", "text/csv; charset=utf-8"}}));
  INFO(r.body);
  REQUIRE(r.status == 201);
  REQUIRE(r.json().at("added") == 14);
}

}  // namespace

TEST_CASE("every example report is accepted and delivered to exactly its kind's recipients",
          "[system][http][report_kinds]") {
  testing::live_server s;
  import_example_registry(s);
  auto c = s.client();
  for (const auto& k : domain::report_catalogue()) {
    INFO(k.flow << " " << k.id);
    auto body = read_source(example_path(k));
    auto path = "/v1/reports/" + std::string(domain::to_string(k.sender)) + "/" + k.id + "/" + example_month;
    auto put = c.request("PUT", path, body, bearer(s.admin));
    INFO(put.body);
    REQUIRE(put.status == 201);
    json::array expected;
    for (auto d : k.recipients) expected.push_back(json::string(domain::to_string(d)));
    CHECK(put.json().at("recipients").as_array() == expected);
    auto seq = put.json().at("seq").as_int64();

    for (auto d : domain::all_departments) {
      auto name = std::string(domain::to_string(d));
      INFO("inbox of " << name);
      auto inbox = c.request("GET", "/v1/departments/" + name + "/inbox?kind=" + k.id, "", bearer(s.admin));
      REQUIRE(inbox.status == 200);
      auto answer = inbox.json();
      const auto& items = answer.at("items").as_array();
      bool recipient = std::find(k.recipients.begin(), k.recipients.end(), d) != k.recipients.end();
      REQUIRE(items.size() == (recipient ? 1u : 0u));
      if (!recipient) continue;
      CHECK(items[0].at("item").as_int64() == seq);
      CHECK(items[0].at("from").as_string() == domain::to_string(k.sender));
      CHECK(items[0].at("month").as_string() == example_month);
    }

    auto stored = c.request("GET", path, "", bearer(s.admin));
    REQUIRE(stored.status == 200);
    CHECK(stored.json().at("rows") == json::parse(body).at("rows"));
  }
}

TEST_CASE("the M1 row examples name registered feeders; a report naming unknown equipment is 422",
          "[system][http][equipment]") {
  testing::live_server s;
  import_example_registry(s);
  auto c = s.client();
  const std::string path = "/v1/reports/marketing/large_customer_demand/2026-11";
  CHECK(c.request("PUT", path, read_source("docs/examples/m1-rows.json"), bearer(s.admin)).status == 201);
  CHECK(c.request("PUT", path, read_source("docs/examples/m1-rows.csv"),
                  bearer(s.admin, {{"Content-Type", "text/csv; charset=utf-8"}})).status == 201);
  auto bad = c.request("PUT", "/v1/reports/dispatch/load_statistics/2026-10", R"({"rows":[
    {"equipment_id":"SS-07/T1","peak_load_kva":41250.5,"load_rate_pct":82.5,"hours_above_heavy_h":36,"hours_above_overload_h":0},
    {"equipment_id":"SS-99/T4","peak_load_kva":100,"load_rate_pct":1,"hours_above_heavy_h":0,"hours_above_overload_h":0}]})",
                       bearer(s.admin));
  REQUIRE(bad.status == 422);
  CHECK(bad.json().at("error").at("details") ==
        json::parse(R"([{"row":2,"field":"equipment_id","value":"SS-99/T4",)"
                    R"("reason":"no equipment SS-99/T4 in the registry","rule":"unknown_equipment"}])"));
  auto not_feeder = c.request("PUT", path, R"({"rows":[{"customer":"X","feeder":"SS-07/T2","demand_kw":10,
                                             "expected_month":"2027-01","likelihood_pct":50}]})", bearer(s.admin));
  REQUIRE(not_feeder.status == 422);
  CHECK(not_feeder.json().at("error").at("details").at(0).at("reason") ==
        "SS-07/T2 is a main_transformer, not a feeder");
  CHECK(not_feeder.json().at("error").at("details").at(0).at("rule") == "wrong_equipment_kind");
  auto events = c.request("GET", "/v1/audit?entity=report/dispatch/", "", bearer(s.admin));
  REQUIRE(events.status == 200);
  CHECK(events.json().at("events").as_array().empty());  // nothing stored
}

TEST_CASE("docs/reports.md shows each example as its file holds it", "[system][docs][report_kinds]") {
  auto doc = read_source("docs/reports.md");
  for (const auto& k : domain::report_catalogue()) {
    INFO(k.id);
    auto block = json_block_after(doc, "(examples/reports/" + k.id + ".json)");
    REQUIRE_FALSE(block.empty());
    CHECK(json::parse(block) == json::parse(read_source(example_path(k))));
  }
}

TEST_CASE("docs/reports.md lists each field's Chinese label beside its name", "[system][docs][report_kinds]") {
  auto doc = read_source("docs/reports.md");
  for (const auto& k : domain::report_catalogue()) {
    auto start = doc.find("## " + k.flow + " — `" + k.id + "`:");
    REQUIRE(start != std::string::npos);
    auto section = doc.substr(start, doc.find("\n## ", start + 1) - start);
    for (const auto& f : k.fields) {
      INFO(k.id << "." << f.name);
      CHECK(section.find("| `" + f.name + "` | " + f.label + " |") != std::string::npos);
    }
  }
}

TEST_CASE("docs/reports.md states each text field's length limit and lines", "[system][docs][report_kinds][limits]") {
  auto doc = read_source("docs/reports.md");
  for (const auto& k : domain::report_catalogue()) {
    auto start = doc.find("## " + k.flow + " — `" + k.id + "`:");
    REQUIRE(start != std::string::npos);
    auto section = doc.substr(start, doc.find("\n## ", start + 1) - start);
    for (const auto& f : k.fields) {
      if (f.type != domain::field_type::text) continue;
      INFO(k.id << "." << f.name);
      auto limit = domain::limit_of(f.text_as);
      auto chars = limit.max_chars >= 1000 ? fmt::format("{},{:03}", limit.max_chars / 1000, limit.max_chars % 1000)
                                           : std::to_string(limit.max_chars);
      auto values = fmt::format("| ≤ {} characters, {} |", chars, limit.multi_line ? "line breaks allowed" : "one line");
      auto row = section.find("| `" + f.name + "` | " + f.label + " |");
      REQUIRE(row != std::string::npos);
      CHECK(section.substr(row, section.find('\n', row) - row).find(values) != std::string::npos);
    }
  }
}
