// PUT /v1/reports/{department}/{kind}/{month} with Content-Type: text/csv, against the fake actor system.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "domain/report.hpp"
#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;

namespace {

const std::string m1_path = "/v1/reports/marketing/large_customer_demand/2027-03";
const headers csv_type{{"Content-Type", "text/csv; charset=utf-8"}};

const std::string m1_csv =
    "\xEF\xBB\xBF"
    "customer,feeder,area,demand_kw,demand_kva,expected_month,likelihood_pct\r\n"
    "Hengda Steel,F-101,,\"1,250.5\",,2027-03,80\r\n"
    "\"蓝海冷链, 临港\",,Harbour,,630,2027-04,55\r\n";
const std::string m1_json = R"({"rows":[
  {"customer":"Hengda Steel","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80},
  {"customer":"蓝海冷链, 临港","area":"Harbour","demand_kva":630,"expected_month":"2027-04","likelihood_pct":55}]})";

}  // namespace

TEST_CASE("a CSV report is accepted and reaches the actors as the rows of the equivalent JSON",
          "[gateways][reports][csv]") {
  server_fixture f;
  auto csv = f.request(verb::put, m1_path, m1_csv, csv_type);
  REQUIRE(csv.result_int() == 201);
  CHECK(json_of(csv).at("version") == 1);
  REQUIRE(f.request(verb::put, m1_path, m1_json).result_int() == 201);
  auto got = f.fake.submissions();
  REQUIRE(got.size() == 2);
  CHECK(got[0].rows.size() == 2);
  CHECK(got[0].rows == got[1].rows);
  CHECK(got[0].request_hash != got[1].request_hash);
}

TEST_CASE("text/csv without a charset is UTF-8", "[gateways][reports][csv]") {
  server_fixture f;
  CHECK(f.request(verb::put, m1_path, m1_csv, {{"Content-Type", "text/csv"}}).result_int() == 201);
}

TEST_CASE("a CSV charset other than UTF-8 is 415 and says to save it as UTF-8", "[gateways][reports][csv]") {
  server_fixture f;
  auto r = f.request(verb::put, m1_path, m1_csv, {{"Content-Type", "text/csv; charset=GBK"}});
  REQUIRE(r.result_int() == 415);
  CHECK(std::string(json_of(r).at("error").at("message").as_string()).find("must be UTF-8, not GBK") !=
        std::string::npos);
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("a route that does not take CSV still answers text/csv with 415", "[gateways][reports][csv]") {
  server_fixture f;
  auto r = f.request(verb::post, "/v1/batch", "a,b\n1,2\n", csv_type);
  CHECK(r.result_int() == 415);
  CHECK(f.fake.batches().empty());
}

TEST_CASE("a bad CSV is 422 listing every issue with data row, field, value and reason, storing nothing",
          "[gateways][reports][csv]") {
  server_fixture f;
  std::string bad = "customer,feeder,demand_kw,expected_month,likelihood_pct\n"
                    "A,F-1,1.2.3,2027-03,80\n"
                    "B,F-1,5,2027-3,80\n"
                    ",F-1,5,2027-03,101\n";
  auto r = f.request(verb::put, m1_path, bad, csv_type);
  REQUIRE(r.result_int() == 422);
  auto err = json_of(r).at("error");
  CHECK(err.at("code") == "validation_failed");
  CHECK(err.at("details") == boost::json::parse(R"([
    {"row":1,"field":"demand_kw","value":"1.2.3","reason":"must be a number","rule":"not_a_number"},
    {"row":2,"field":"expected_month","value":"2027-3","reason":"must be a month written YYYY-MM",
     "rule":"not_a_month"},
    {"row":3,"field":"customer","value":"","reason":"is required","rule":"required"},
    {"row":3,"field":"likelihood_pct","value":"101","reason":"must be at most 100","rule":"above_maximum"}])"));
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("an unknown CSV column is 422 naming it; a CSV syntax error is 400 naming the line",
          "[gateways][reports][csv]") {
  server_fixture f;
  auto unknown = f.request(verb::put, m1_path, "customer,kw\nA,5\n", csv_type);
  REQUIRE(unknown.result_int() == 422);
  CHECK(json_of(unknown).at("error").at("details").at(0).at("field") == "kw");
  auto gbk = f.request(verb::put, m1_path, "customer,feeder\n\xC0\xB6\xBA\xA3,F-1\n", csv_type);
  REQUIRE(gbk.result_int() == 400);
  CHECK(std::string(json_of(gbk).at("error").at("message").as_string()).starts_with("line 2 is not UTF-8"));
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("a CSV replay with the same idempotency key and bytes is 200; other bytes 409",
          "[gateways][reports][csv]") {
  server_fixture f;
  headers keyed = csv_type;
  keyed.emplace_back("Idempotency-Key", "csv-1");
  CHECK(f.request(verb::put, m1_path, m1_csv, keyed).result_int() == 201);
  auto again = f.request(verb::put, m1_path, m1_csv, keyed);
  REQUIRE(again.result_int() == 200);
  CHECK(json_of(again).at("replayed") == true);
  std::string crlf_to_lf = m1_csv;
  std::erase(crlf_to_lf, '\r');
  CHECK(f.request(verb::put, m1_path, crlf_to_lf, keyed).result_int() == 409);
}
