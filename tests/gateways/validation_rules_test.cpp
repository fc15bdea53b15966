// GET /v1/validation-rules: every rule code a validation detail can carry, with
// its English text and its text in each language, for clients that translate
// the details.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "domain/localize.hpp"
#include "domain/validation_rule.hpp"
#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;
namespace json = boost::json;

TEST_CASE("GET /v1/validation-rules lists every rule code with its English text and its texts in en and zh-CN, "
          "in order",
          "[gateways][validation_rules]") {
  server_fixture f;
  auto r = f.request(verb::get, "/v1/validation-rules");
  REQUIRE(r.result_int() == 200);
  auto body = json_of(r);
  CHECK(body.as_object().size() == 1);
  const auto& rules = body.at("rules").as_array();
  auto all = domain::all_rules();
  REQUIRE(rules.size() == all.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    INFO(domain::to_string(all[i]));
    CHECK(rules[i].as_object().size() == 3);
    CHECK(rules[i].at("rule").as_string() == domain::to_string(all[i]));
    CHECK(rules[i].at("message").as_string() == domain::message_of(all[i]));
    CHECK(rules[i].at("messages").at("en").as_string() == domain::message_of(all[i]));
    CHECK(rules[i].at("messages").at("zh-CN").as_string() == domain::message_of(all[i], domain::language::zh_cn));
  }
  CHECK(rules.front() == json::parse(R"({"rule":"required","message":"a required value is missing",
      "messages":{"en":"a required value is missing","zh-CN":"缺少必填的值"}})"));
}

TEST_CASE("the validation rules need a token and are read only", "[gateways][validation_rules]") {
  server_fixture f;
  CHECK(f.request(verb::get, "/v1/validation-rules", "", {{"Authorization", ""}}).result_int() == 401);
  CHECK(f.request(verb::post, "/v1/validation-rules", "{}").result_int() == 405);
}
