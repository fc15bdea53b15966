// PUT and GET /v1/reports/{department}/{kind}/{month} against the fake actor system.
#include <catch2/catch.hpp>

#include <set>

#include <boost/json/parse.hpp>

#include "domain/report.hpp"
#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;

namespace {

const std::string m1_path = "/v1/reports/marketing/large_customer_demand/2027-03";

const std::string good_row =
    R"({"customer":"Hengda Steel","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80})";
const std::string good_body = R"({"rows":[)" + good_row + "]}";

std::vector<domain::row> rows_of(const std::string& body) {
  const auto* kind = domain::find_report_kind("large_customer_demand");
  auto rows = domain::parse_rows(*kind, domain::month{std::chrono::year{2027}, std::chrono::March},
                                 boost::json::parse(body));
  REQUIRE(rows);
  return *rows;
}

}  // namespace

TEST_CASE("a valid M1 report is accepted as version 1 and reaches the actors parsed",
          "[gateways][reports]") {
  server_fixture f;
  auto r = f.request(verb::put, m1_path, good_body);
  REQUIRE(r.result_int() == 201);
  auto body = json_of(r);
  CHECK(body.at("stream") == "report/marketing/large_customer_demand/2027-03");
  CHECK(body.at("department") == "marketing");
  CHECK(body.at("kind") == "large_customer_demand");
  CHECK(body.at("month") == "2027-03");
  CHECK(body.at("version") == 1);
  CHECK(body.at("recipients") == boost::json::parse(R"(["planning","dispatch"])"));
  CHECK(body.at("replayed") == false);
  CHECK(body.at("accepted_at").as_string().ends_with("Z"));
  CHECK(r[http::field::location] == m1_path + "?version=1");
  auto got = f.fake.submissions();
  REQUIRE(got.size() == 1);
  CHECK(got[0].rows == rows_of(good_body));
  CHECK(got[0].sender == domain::department::marketing);
  CHECK(got[0].kind == "large_customer_demand");
  CHECK(got[0].submitted_by == f.fake.authenticate(fake_client::admin_token())->token_id);
  CHECK(got[0].idempotency_key.empty());
  CHECK(got[0].request_hash.size() == 64);
}

TEST_CASE("a report without a token is refused and reaches nobody", "[gateways][reports][auth]") {
  server_fixture f;
  CHECK(f.request(verb::put, m1_path, good_body, {{"Authorization", ""}}).result_int() == 401);
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("validation lists every bad row and field at once and stores nothing", "[gateways][reports]") {
  server_fixture f;
  std::string body = R"({"rows":[)"
                     R"({"customer":"A","feeder":"F-1","demand_kw":-5,"expected_month":"2027-03","likelihood_pct":80},)" +
                     good_row + "," +
                     R"({"customer":"B","feeder":"F-1","area":"North","demand_kw":10,"expected_month":"2027-03","likelihood_pct":50},)"
                     R"({"customer":"C","area":"East","demand_kva":10,"expected_month":"2027-03","likelihood_pct":150},)"
                     R"({"customer":"D","area":"East","demand_kva":10,"expected_month":"2027-01","likelihood_pct":50}]})";
  auto r = f.request(verb::put, m1_path, body);
  REQUIRE(r.result_int() == 422);
  auto err = json_of(r).at("error");
  CHECK(err.at("code") == "validation_failed");
  const auto& details = err.at("details").as_array();
  REQUIRE(details.size() >= 4);
  std::set<std::int64_t> rows;
  std::set<std::string> fields;
  for (const auto& d : details) {
    rows.insert(d.at("row").as_int64());
    fields.insert(std::string(d.at("field").as_string()));
  }
  CHECK(rows == std::set<std::int64_t>{1, 3, 4, 5});
  CHECK(fields.count("demand_kw"));
  CHECK(fields.count("area"));
  CHECK(fields.count("likelihood_pct"));
  CHECK(fields.count("expected_month"));
  CHECK(r.body().find(R"({"row":1,"field":"demand_kw","value":"-5","reason":"must be greater than 0",)"
                      R"("rule":"below_minimum"})") != std::string::npos);
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("a repeated request with the same idempotency key is replayed with 200", "[gateways][reports]") {
  server_fixture f;
  headers key{{"Idempotency-Key", "k-1"}};
  auto c = f.connect();
  auto first = c.request(verb::put, m1_path, good_body, key);
  auto again = c.request(verb::put, m1_path, good_body, key);
  CHECK(first.result_int() == 201);
  REQUIRE(again.result_int() == 200);
  CHECK(json_of(again).at("replayed") == true);
  CHECK(json_of(again).at("version") == 1);
  auto got = f.fake.submissions();
  REQUIRE(got.size() == 2);
  CHECK(got[0].idempotency_key == "k-1");
  CHECK(got[0].request_hash == got[1].request_hash);
}

TEST_CASE("a replay may format its JSON differently: the request hash ignores whitespace",
          "[gateways][reports]") {
  server_fixture f;
  headers key{{"Idempotency-Key", "k-2"}};
  CHECK(f.request(verb::put, m1_path, good_body, key).result_int() == 201);
  std::string spaced = "{ \"rows\" : [\n  " + good_row + "\n] }";
  auto r = f.request(verb::put, m1_path, spaced, key);
  CHECK(r.result_int() == 200);
  CHECK(json_of(r).at("replayed") == true);
}

TEST_CASE("the same idempotency key with another body is a 409 conflict", "[gateways][reports]") {
  server_fixture f;
  headers key{{"Idempotency-Key", "k-1"}};
  CHECK(f.request(verb::put, m1_path, good_body, key).result_int() == 201);
  std::string other = good_body;
  other.replace(other.find("1250.5"), 6, "1300");
  auto r = f.request(verb::put, m1_path, other, key);
  CHECK(r.result_int() == 409);
  CHECK(json_of(r).at("error").at("code") == "conflict");
}

TEST_CASE("a second submission becomes version 2", "[gateways][reports]") {
  server_fixture f;
  CHECK(f.request(verb::put, m1_path, good_body).result_int() == 201);
  auto r = f.request(verb::put, m1_path, good_body);
  CHECK(r.result_int() == 201);
  CHECK(json_of(r).at("version") == 2);
  CHECK(r[http::field::location] == m1_path + "?version=2");
}

TEST_CASE("an error from the actors keeps its status: forbidden is 403", "[gateways][reports]") {
  server_fixture f;
  f.fake.fail_next_call({domain::errc::forbidden, "planning does not send large_customer_demand", {}});
  auto r = f.request(verb::put, "/v1/reports/planning/large_customer_demand/2027-03", good_body);
  CHECK(r.result_int() == 403);
  CHECK(json_of(r).at("error").at("message") == "planning does not send large_customer_demand");
}

TEST_CASE("bad path values: unknown department or kind is 404, a bad month 400", "[gateways][reports]") {
  server_fixture f;
  CHECK(f.request(verb::put, "/v1/reports/sales/large_customer_demand/2027-03", good_body).result_int() == 404);
  CHECK(f.request(verb::put, "/v1/reports/marketing/no_such_kind/2027-03", good_body).result_int() == 404);
  CHECK(f.request(verb::get, "/v1/reports/marketing/%E4%B8%AD/2027-03").result_int() == 404);
  auto r = f.request(verb::put, "/v1/reports/marketing/large_customer_demand/2027-3", good_body);
  CHECK(r.result_int() == 400);
  CHECK(json_of(r).at("error").at("code") == "invalid_request");
  CHECK(f.request(verb::get, "/v1/reports/marketing/large_customer_demand/2027-13").result_int() == 400);
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("malformed JSON, a missing body or a body without rows is 400", "[gateways][reports]") {
  server_fixture f;
  auto r = f.request(verb::put, m1_path, R"({"rows":[)");
  CHECK(r.result_int() == 400);
  CHECK(json_of(r).at("error").at("code") == "invalid_request");
  CHECK(f.request(verb::put, m1_path).result_int() == 400);
  CHECK(f.request(verb::put, m1_path, R"({"lines":[]})").result_int() == 400);
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("an idempotency key longer than 200 characters is 400", "[gateways][reports]") {
  server_fixture f;
  auto r = f.request(verb::put, m1_path, good_body, {{"Idempotency-Key", std::string(201, 'k')}});
  CHECK(r.result_int() == 400);
  CHECK(f.request(verb::put, m1_path, good_body, {{"Idempotency-Key", std::string(200, 'k')}}).result_int() == 201);
}

TEST_CASE("a stored report reads back with its rows, numbers as written, and its versions",
          "[gateways][reports]") {
  server_fixture f;
  REQUIRE(f.request(verb::put, m1_path, good_body).result_int() == 201);
  std::string second = good_body;
  second.replace(second.find("1250.5"), 6, "2000");
  REQUIRE(f.request(verb::put, m1_path, second).result_int() == 201);

  auto latest = f.request(verb::get, m1_path);
  REQUIRE(latest.result_int() == 200);
  CHECK(latest.body().find(R"("demand_kw":2000)") != std::string::npos);
  auto v1 = f.request(verb::get, m1_path + "?version=1");
  REQUIRE(v1.result_int() == 200);
  CHECK(v1.body().find(R"("demand_kw":1250.5)") != std::string::npos);
  auto body = json_of(v1);
  CHECK(body.at("department") == "marketing");
  CHECK(body.at("kind") == "large_customer_demand");
  CHECK(body.at("month") == "2027-03");
  CHECK(body.at("version") == 1);
  const auto admin_id = f.fake.authenticate(fake_client::admin_token())->token_id;
  CHECK(body.at("submitted_by").as_string() == admin_id);
  CHECK(body.at("row_count") == 1);
  CHECK(body.at("rows").at(0).at("customer") == "Hengda Steel");
  REQUIRE(body.at("versions").as_array().size() == 2);
  CHECK(body.at("versions").at(1).at("version") == 2);
  CHECK(body.at("versions").at(1).at("submitted_by").as_string() == admin_id);
}

TEST_CASE("Chinese text in a row survives the round trip", "[gateways][reports]") {
  server_fixture f;
  std::string body = R"({"rows":[{"customer":"恒大钢铁","area":"城东","demand_kva":800,"expected_month":"2027-04","likelihood_pct":60}]})";
  REQUIRE(f.request(verb::put, m1_path, body).result_int() == 201);
  auto r = f.request(verb::get, m1_path);
  REQUIRE(r.result_int() == 200);
  CHECK(json_of(r).at("rows").at(0).at("customer") == "恒大钢铁");
  CHECK(json_of(r).at("rows").at(0).at("area") == "城东");
}

TEST_CASE("reading a missing report or version is 404, a bad version 400", "[gateways][reports]") {
  server_fixture f;
  CHECK(f.request(verb::get, m1_path).result_int() == 404);
  REQUIRE(f.request(verb::put, m1_path, good_body).result_int() == 201);
  CHECK(f.request(verb::get, m1_path + "?version=9").result_int() == 404);
  CHECK(f.request(verb::get, m1_path + "?version=0").result_int() == 400);
  CHECK(f.request(verb::get, m1_path + "?version=x").result_int() == 400);
}
