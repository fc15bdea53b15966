// docs/examples/reports/<kind>.json, one per report kind, submitted over HTTP to
// the real actor runtime: each is accepted and reaches exactly its kind's
// recipients, so the routing table is exercised for every kind. The copies of
// the examples in docs/reports.md are checked against the files.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <boost/json/parse.hpp>

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

}  // namespace

TEST_CASE("every example report is accepted and delivered to exactly its kind's recipients",
          "[system][http][report_kinds]") {
  testing::live_server s;
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

TEST_CASE("docs/reports.md shows each example as its file holds it", "[system][docs][report_kinds]") {
  auto doc = read_source("docs/reports.md");
  for (const auto& k : domain::report_catalogue()) {
    INFO(k.id);
    auto block = json_block_after(doc, "(examples/reports/" + k.id + ".json)");
    REQUIRE_FALSE(block.empty());
    CHECK(json::parse(block) == json::parse(read_source(example_path(k))));
  }
}
