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
