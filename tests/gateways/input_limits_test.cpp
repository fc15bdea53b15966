// Hostile and careless inputs at the gateway (issue 14, items 4 and 9): texts
// over their length limit or holding control characters are 422 naming the
// field, a number no double holds (1e999999) is 422 wherever it is, and an
// empty body to a write that needs one is 400.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;
namespace json = boost::json;

namespace {

const std::string m1_path = "/v1/reports/marketing/large_customer_demand/2027-03";
const headers chinese{{"Accept-Language", "zh-CN"}};

std::string m1_body(const std::string& customer) {
  json::object row{{"customer", customer}, {"feeder", "F-101"}, {"demand_kw", 1200}, {"expected_month", "2027-03"},
                   {"likelihood_pct", 80}};
  return json::serialize(json::object{{"rows", json::array{row}}});
}

std::string complaint(const std::string& text, const std::string& name = "王芳") {
  return json::serialize(json::object{{"category", "outage"}, {"customer_name", name}, {"text", text}});
}

json::object first_detail(const response& r) {
  auto body = json_of(r);
  const auto& details = body.at("error").at("details").as_array();
  REQUIRE(details.size() >= 1);
  return details[0].as_object();
}

// Room for bodies past the limits (the fixture's own limit is 4 KiB).
config::server_settings roomy() {
  auto s = server_fixture::small_settings();
  s.max_body_bytes = 1u << 20;
  return s;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("a 60 kB M1 customer is 422 naming the field, its row and the limit, quoting only its start",
          "[gateways][limits]") {
  server_fixture f(roomy());
  auto r = f.request(verb::put, m1_path, m1_body(std::string(60'000, 'x')));
  REQUIRE(r.result_int() == 422);
  auto d = first_detail(r);
  CHECK(d.at("rule") == "too_long");
  CHECK(d.at("field") == "customer");
  CHECK(d.at("row") == 1);
  CHECK(d.at("reason") == "must be at most 200 characters");
  CHECK(d.at("value").as_string().size() < 200);
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("a limit counts characters: 200 Chinese characters are a name, 201 are not", "[gateways][limits]") {
  server_fixture f(roomy());
  CHECK(f.request(verb::put, m1_path, m1_body(repeat("蓝", 200))).result_int() == 201);
  auto r = f.request(verb::put, m1_path, m1_body(repeat("蓝", 201)), chinese);
  REQUIRE(r.result_int() == 422);
  CHECK(first_detail(r).at("reason") == "不得超过 200 个字符");
}

TEST_CASE("a complaint text over 4000 characters is 422 and one of 4000 Chinese characters with line breaks is taken",
          "[gateways][limits][sla]") {
  server_fixture f(roomy());
  f.fake.set_sla_answer(actors::sla_item{"complaint/1", {}, {}, true, true});
  auto too_long = f.request(verb::post, "/v1/complaints", complaint(std::string(4001, 'a')));
  REQUIRE(too_long.result_int() == 422);
  CHECK(first_detail(too_long).at("field") == "text");
  CHECK(first_detail(too_long).at("rule") == "too_long");
  auto fits = f.request(verb::post, "/v1/complaints", complaint(repeat("停", 3998) + "\r\n"));
  CHECK(fits.result_int() == 201);
}

TEST_CASE("NUL, ESC, C1 controls and bidi overrides in a text are 422 naming the field", "[gateways][limits]") {
  server_fixture f(roomy());
  for (std::string bad : {std::string("a\0b", 3), std::string("a\x1b[31m"), std::string("a\xc2\x85"),
                          std::string("invoice \xe2\x80\xaetxt.exe"), std::string("a\xe2\x81\xa6" "b")}) {
    auto r = f.request(verb::post, "/v1/complaints", complaint(bad));
    REQUIRE(r.result_int() == 422);
    CHECK(first_detail(r).at("rule") == "forbidden_character");
    CHECK(first_detail(r).at("field") == "text");
    auto m1 = f.request(verb::put, m1_path, m1_body(bad));
    REQUIRE(m1.result_int() == 422);
    CHECK(first_detail(m1).at("field") == "customer");
  }
}

TEST_CASE("a tab or a line break is taken in a free text and refused in a name", "[gateways][limits]") {
  server_fixture f(roomy());
  f.fake.set_sla_answer(actors::sla_item{"complaint/1", {}, {}, true, true});
  CHECK(f.request(verb::post, "/v1/complaints", complaint("line one\n\tline two")).result_int() == 201);
  auto r = f.request(verb::post, "/v1/complaints", complaint("text", "Wang\nFang"), chinese);
  REQUIRE(r.result_int() == 422);
  auto d = first_detail(r);
  CHECK(d.at("field") == "customer_name");
  CHECK(d.at("rule") == "forbidden_character");
  CHECK(d.at("reason") == "不能含有 U+000A：控制字符（包括制表符和换行）以及双向文字覆盖符一律不接受");
}

TEST_CASE("1e999999 is 422 naming where it is, in any body", "[gateways][limits][finite]") {
  server_fixture f(roomy());
  auto pre = f.request(verb::post, "/v1/prechecks", R"({"point":"F-101","load_kva":1e999999,"month":"2027-03"})");
  REQUIRE(pre.result_int() == 422);
  CHECK(first_detail(pre).at("field") == "load_kva");
  CHECK(first_detail(pre).at("rule") == "not_a_number");
  auto rows = f.request(verb::put, m1_path,
                        R"({"rows":[{"customer":"A","feeder":"F-101","demand_kw":1,"expected_month":"2027-03",
                            "likelihood_pct":80},{"customer":"B","demand_kw":-1e400}]})");
  REQUIRE(rows.result_int() == 422);
  CHECK(first_detail(rows).at("field") == "rows[1].demand_kw");
  auto zh = f.request(verb::post, "/v1/prechecks", R"({"point":"F-101","load_kva":1e999999,"month":"2027-03"})",
                      chinese);
  CHECK(json_of(zh).at("error").at("message") == "请求体中有一个数太大，不是有限的数");
}

TEST_CASE("an empty body to POST /v1/outages or /v1/complaints is 400 like other writes", "[gateways][limits][sla]") {
  server_fixture f(roomy());
  for (auto path : {"/v1/outages", "/v1/complaints", "/v1/planned-outages", "/v1/outages/3/updates"}) {
    auto r = f.request(verb::post, path, "");
    CHECK(r.result_int() == 400);
    CHECK(json_of(r).at("error").at("code") == "invalid_request");
  }
  CHECK_FALSE(f.fake.last_sla_request());
  // A step whose fields are all optional still takes an empty body.
  f.fake.set_sla_answer(actors::sla_item{"complaint/3", {}, {}, false, true});
  CHECK(f.request(verb::post, "/v1/complaints/3/forward", "").result_int() == 200);
}

TEST_CASE("a token description is a name: 200 characters and no control characters, quoted short when refused",
          "[gateways][limits][tokens]") {
  server_fixture f(roomy());
  auto token = [](const std::string& description) {
    return json::serialize(json::object{{"role", "reader"}, {"description", description}});
  };
  CHECK(f.request(verb::post, "/v1/tokens", token(repeat("敏", 200))).result_int() == 201);
  auto too_long = f.request(verb::post, "/v1/tokens", token(std::string(100'000, 'x')));
  REQUIRE(too_long.result_int() == 422);
  CHECK(first_detail(too_long).at("field") == "description");
  CHECK(first_detail(too_long).at("rule") == "too_long");
  CHECK(first_detail(too_long).at("value").as_string().size() < 200);
  auto escape = f.request(verb::post, "/v1/tokens", token("Zhang\x1b[2J"));
  REQUIRE(escape.result_int() == 422);
  CHECK(first_detail(escape).at("rule") == "forbidden_character");
  auto not_text = f.request(verb::post, "/v1/tokens", R"({"role":"reader","description":7})");
  REQUIRE(not_text.result_int() == 422);
  CHECK(first_detail(not_text).at("rule") == "not_a_string");
}
