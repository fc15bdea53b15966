// docs/openapi.json and the router's table agree, and the server serves the
// document it was built with.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>

#include "domain/report_kind.hpp"
#include "domain/validation_rule.hpp"
#include "gateways/openapi_document.hpp"
#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;
namespace json = boost::json;

namespace {

std::string source_openapi() {
  std::ifstream in(GRIDCOORD_SOURCE_DIR "/docs/openapi.json", std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "GET /v1/health" for every operation the document describes.
std::set<std::string> documented_operations(const json::value& doc) {
  static const std::set<std::string> methods{"get", "put", "post", "delete",
                                             "patch", "head", "options", "trace"};
  std::set<std::string> out;
  for (const auto& [path, item] : doc.at("paths").as_object())
    for (const auto& [key, operation] : item.as_object()) {
      std::string method(key);
      if (!methods.count(method)) continue;  // "parameters", "summary", ...
      std::transform(method.begin(), method.end(), method.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      out.insert(method + " " + std::string(path));
    }
  return out;
}

}  // namespace

TEST_CASE("every route the server serves is in docs/openapi.json and every documented operation is served",
          "[gateways][openapi]") {
  server_fixture f;
  std::set<std::string> served;
  for (const auto& [method, pattern] : f.server.routes()) served.insert(method + " " + pattern);
  REQUIRE(served.count("GET /metrics") == 1);
  auto documented = documented_operations(json::parse(source_openapi()));

  std::vector<std::string> undocumented, not_served;
  std::set_difference(served.begin(), served.end(), documented.begin(), documented.end(),
                      std::back_inserter(undocumented));
  std::set_difference(documented.begin(), documented.end(), served.begin(), served.end(),
                      std::back_inserter(not_served));
  CHECK(undocumented == std::vector<std::string>{});
  CHECK(not_served == std::vector<std::string>{});
}

TEST_CASE("GET /v1/openapi.json serves docs/openapi.json as built, without a token", "[gateways][openapi]") {
  server_fixture f;
  auto r = f.request(verb::get, "/v1/openapi.json", "", {{"Authorization", ""}});
  REQUIRE(r.result_int() == 200);
  CHECK(r[http::field::content_type] == "application/json");
  CHECK(r.body() == gateways::openapi_document());
  CHECK(r.body() == source_openapi());  // fails when the embedded copy is stale
  CHECK(json_of(r).at("openapi") == "3.1.0");
}

namespace {

// "large_customer_demand" -> "LargeCustomerDemandRow".
std::string row_schema_name(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out + "Row";
}

double number_of(const json::value& v) { return v.to_number<double>(); }

}  // namespace

TEST_CASE("each report kind's row schema in docs/openapi.json has the catalogue's fields, labels, types and bounds",
          "[gateways][openapi][report_kinds]") {
  auto doc = json::parse(source_openapi());
  const auto& schemas = doc.at("components").at("schemas").as_object();
  for (const auto& k : domain::report_catalogue()) {
    auto name = row_schema_name(k.id);
    INFO(name);
    REQUIRE(schemas.contains(name));
    const auto& schema = schemas.at(name).as_object();
    const auto& props = schema.at("properties").as_object();
    std::vector<std::string> documented, fields, documented_required, required;
    for (const auto& p : props) documented.emplace_back(p.key());
    for (const auto& r : schema.at("required").as_array()) documented_required.emplace_back(r.as_string());
    for (const auto& f : k.fields) {
      fields.push_back(f.name);
      if (f.required) required.push_back(f.name);
    }
    CHECK(documented == fields);
    CHECK(documented_required == required);
    CHECK(schema.at("additionalProperties") == false);
    for (const auto& f : k.fields) {
      INFO(f.name);
      if (!props.contains(f.name)) continue;
      const auto& p = props.at(f.name).as_object();
      CHECK(p.at("title") == json::value(f.label));  // the Chinese heading a CSV file may use
      switch (f.type) {
        case domain::field_type::year_month: CHECK(p.at("$ref") == "#/components/schemas/Month"); break;
        case domain::field_type::text: CHECK(p.at("type") == "string"); break;
        case domain::field_type::choice: {
          json::array allowed;
          for (const auto& a : f.allowed) allowed.push_back(json::string(a));
          CHECK(p.at("enum").as_array() == allowed);
          break;
        }
        case domain::field_type::number: CHECK(p.at("type") == "number"); break;
        case domain::field_type::integer: CHECK(p.at("type") == "integer"); break;
      }
      CHECK(p.contains("exclusiveMinimum") == f.positive);
      if (f.positive) CHECK(number_of(p.at("exclusiveMinimum")) == 0);
      CHECK(p.contains("minimum") == f.min.has_value());
      if (f.min && p.contains("minimum")) CHECK(number_of(p.at("minimum")) == *f.min);
      CHECK(p.contains("maximum") == f.max.has_value());
      if (f.max && p.contains("maximum")) CHECK(number_of(p.at("maximum")) == *f.max);
    }
  }
}

TEST_CASE("docs/openapi.json requires a rule on every issue and lists every rule code, in order",
          "[gateways][openapi][validation_rules]") {
  auto doc = json::parse(source_openapi());
  const auto& schemas = doc.at("components").at("schemas");
  const auto& issue = schemas.at("Issue");
  CHECK(std::count(issue.at("required").as_array().begin(), issue.at("required").as_array().end(),
                   json::value("rule")) == 1);
  CHECK(issue.at("properties").at("rule").at("$ref") == "#/components/schemas/RuleCode");
  CHECK(schemas.at("RuleCode").at("type") == "string");
  json::array codes;
  for (auto r : domain::all_rules()) codes.push_back(json::string(domain::to_string(r)));
  CHECK(schemas.at("RuleCode").at("enum").as_array() == codes);
}

TEST_CASE("docs/api.md explains every rule code in its table of rules", "[gateways][openapi][validation_rules]") {
  std::ifstream in(GRIDCOORD_SOURCE_DIR "/docs/api.md", std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  for (auto r : domain::all_rules()) {
    INFO(domain::to_string(r));
    CHECK(text.str().find("\n| `" + std::string(domain::to_string(r)) + "` | ") != std::string::npos);
  }
}
