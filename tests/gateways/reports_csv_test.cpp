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

TEST_CASE("a CSV charset other than UTF-8, GB18030, GBK or GB2312 is 415 naming those", "[gateways][reports][csv]") {
  server_fixture f;
  for (std::string charset : {"big5", "ISO-8859-1", "utf-16"}) {
    auto r = f.request(verb::put, m1_path, m1_csv, {{"Content-Type", "text/csv; charset=" + charset}});
    REQUIRE(r.result_int() == 415);
    CHECK(json_of(r).at("error").at("message").as_string() ==
          "a CSV body is read as UTF-8 or GB18030: send it with charset=utf-8, gb18030, gbk or gb2312 (GBK and "
          "GB2312 are read as GB18030), or with no charset to have it detected; not " + charset);
  }
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("a route that does not take CSV still answers text/csv with 415", "[gateways][reports][csv]") {
  server_fixture f;
  auto r = f.request(verb::post, "/v1/batch", "a,b\n1,2\n", csv_type);
  CHECK(r.result_int() == 415);
  CHECK(f.fake.batches().empty());
}

TEST_CASE("a bad CSV is 422 listing every issue with data row, line, field, value and reason, storing nothing",
          "[gateways][reports][csv]") {
  server_fixture f;
  std::string bad = "customer,feeder,demand_kw,expected_month,likelihood_pct\n"
                    "A,F-1,1.2.3,2027-03,80\n"
                    "\"B\nLtd\",F-1,5,2027/3/15,80\n"
                    ",F-1,5,2027-03,101\n";
  auto r = f.request(verb::put, m1_path, bad, csv_type);
  REQUIRE(r.result_int() == 422);
  auto err = json_of(r).at("error");
  CHECK(err.at("code") == "validation_failed");
  CHECK(err.at("encoding") == "UTF-8");
  CHECK(err.at("details") == boost::json::parse(R"j([
    {"row":1,"line":2,"field":"demand_kw","value":"1.2.3","reason":"must be a number","rule":"not_a_number"},
    {"row":2,"line":3,"field":"customer","value":"B\nLtd","reason":"must not hold U+000A: control characters (tab and line breaks too) and bidirectional overrides are refused",
     "rule":"forbidden_character"},
    {"row":2,"line":3,"field":"expected_month","value":"2027/3/15",
     "reason":"is a date, not a month: the day must be the 1st (2027/3/1) or be left out (2027/3)",
     "rule":"not_a_month"},
    {"row":3,"line":5,"field":"customer","value":"","reason":"is required","rule":"required"},
    {"row":3,"line":5,"field":"likelihood_pct","value":"101","reason":"must be at most 100",
     "rule":"above_maximum"}])j"));
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("a JSON report's answer names no encoding and its issues no line", "[gateways][reports][csv]") {
  server_fixture f;
  auto ok = f.request(verb::put, m1_path, m1_json);
  REQUIRE(ok.result_int() == 201);
  CHECK_FALSE(json_of(ok).as_object().contains("encoding"));
  auto bad = f.request(verb::put, m1_path, R"({"rows":[{"customer":"A"}]})");
  REQUIRE(bad.result_int() == 422);
  CHECK_FALSE(json_of(bad).at("error").as_object().contains("encoding"));
  CHECK_FALSE(json_of(bad).at("error").at("details").at(0).as_object().contains("line"));
}

TEST_CASE("a CSV report's answer says it was read as UTF-8", "[gateways][reports][csv]") {
  server_fixture f;
  auto r = f.request(verb::put, m1_path, m1_csv, {{"Content-Type", "text/csv"}});
  REQUIRE(r.result_int() == 201);
  CHECK(json_of(r).at("encoding") == "UTF-8");
}

// Excel's plain "CSV（逗号分隔）" on a Chinese Windows: GB18030 (GBK) bytes, Chinese
// headings, months formatted as dates (2027/3/1) and as 2027年4月, a percentage.
// Literal bytes: 客户 is BF CD BB A7, 馈线 C0 A1 CF DF, 恒达钢铁 BA E3 B4 EF B8 D6 CC FA.
const std::string gb18030_m1 =
    "\xBF\xCD\xBB\xA7,\xC0\xA1\xCF\xDF,\xD0\xE8\xC7\xF3\xB8\xBA\xBA\xC9\xA3\xA8kW\xA3\xA9,"
    "\xD4\xA4\xBC\xC6\xD4\xC2\xB7\xDD,\xBF\xC9\xC4\xDC\xD0\xD4\xA3\xA8%\xA3\xA9\r\n"  // 客户,馈线,需求负荷（kW）,预计月份,可能性（%）
    "\xBA\xE3\xB4\xEF\xB8\xD6\xCC\xFA,F-101,\"1,250.5\",2027/3/1,80%\r\n"                   // 恒达钢铁,F-101,"1,250.5",2027/3/1,80%
    "\xC0\xB6\xBA\xA3\xC0\xE4\xC1\xB4,F-102,630,2027\xC4\xEA" "4\xD4\xC2,55\r\n";             // 蓝海冷链,F-102,630,2027年4月,55
const std::string gb18030_m1_json = R"({"rows":[
  {"customer":"恒达钢铁","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80},
  {"customer":"蓝海冷链","feeder":"F-102","demand_kw":630,"expected_month":"2027-04","likelihood_pct":55}]})";

TEST_CASE("a GB18030 file with Chinese headings and Excel dates is accepted, with or without its charset",
          "[gateways][reports][csv][gb18030]") {
  server_fixture f;
  REQUIRE(f.request(verb::put, m1_path, gb18030_m1_json).result_int() == 201);
  for (std::string type : {"text/csv", "text/csv; charset=GB18030", "text/csv; charset=gbk"}) {
    INFO(type);
    auto r = f.request(verb::put, m1_path, gb18030_m1, {{"Content-Type", type}});
    REQUIRE(r.result_int() == 201);
    CHECK(json_of(r).at("encoding") == "GB18030");
  }
  auto got = f.fake.submissions();
  REQUIRE(got.size() == 4);
  for (std::size_t i = 1; i < got.size(); ++i) CHECK(got[i].rows == got[0].rows);
}

TEST_CASE("a bad row of a GB18030 file is 422 with its row, its line and the encoding read",
          "[gateways][reports][csv][gb18030]") {
  server_fixture f;
  std::string bad = gb18030_m1 + "\xC0\xB6\xBA\xA3,F-103,-5,2027/5/20,55\r\n";  // 蓝海,F-103,-5,2027/5/20,55
  auto r = f.request(verb::put, m1_path, bad, {{"Content-Type", "text/csv"}});
  REQUIRE(r.result_int() == 422);
  auto err = json_of(r).at("error");
  CHECK(err.at("encoding") == "GB18030");
  CHECK(err.at("details") == boost::json::parse(R"j([
    {"row":3,"line":4,"field":"demand_kw","value":"-5","reason":"must be greater than 0","rule":"below_minimum"},
    {"row":3,"line":4,"field":"expected_month","value":"2027/5/20",
     "reason":"is a date, not a month: the day must be the 1st (2027/3/1) or be left out (2027/3)",
     "rule":"not_a_month"}])j"));
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("a CSV that is neither UTF-8 nor GB18030 is 400 naming the line and the byte",
          "[gateways][reports][csv][gb18030]") {
  server_fixture f;
  auto r = f.request(verb::put, m1_path, gb18030_m1 + "\xC0\xB6,\xFF\r\n", {{"Content-Type", "text/csv"}});
  REQUIRE(r.result_int() == 400);
  CHECK(std::string(json_of(r).at("error").at("message").as_string())
            .starts_with("line 4 is neither UTF-8 nor GB18030: byte 0xFF at byte 4 of the line"));
  auto declared = f.request(verb::put, m1_path, "customer\n\x81\x20\n", {{"Content-Type", "text/csv; charset=gb18030"}});
  REQUIRE(declared.result_int() == 400);
  CHECK(std::string(json_of(declared).at("error").at("message").as_string()).starts_with("line 2 is not GB18030"));
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("an unknown CSV column is 422 naming it; a CSV syntax error is 400 naming the line",
          "[gateways][reports][csv]") {
  server_fixture f;
  auto unknown = f.request(verb::put, m1_path, "customer,kw\nA,5\n", csv_type);
  REQUIRE(unknown.result_int() == 422);
  CHECK(json_of(unknown).at("error").at("details").at(0).at("field") == "kw");
  auto gbk = f.request(verb::put, m1_path, "customer,feeder\n\xC0\xB6\xBA\xA3,F-1\n", csv_type);
  REQUIRE(gbk.result_int() == 400);  // charset=utf-8 is obeyed: GBK bytes are not read as GB18030
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

TEST_CASE("a GB18030 replay repeats its bytes: 200; the same rows sent as UTF-8 under the key are 409",
          "[gateways][reports][csv][gb18030]") {
  server_fixture f;
  headers keyed{{"Content-Type", "text/csv"}, {"Idempotency-Key", "csv-gb"}};
  CHECK(f.request(verb::put, m1_path, gb18030_m1, keyed).result_int() == 201);
  auto again = f.request(verb::put, m1_path, gb18030_m1, keyed);
  REQUIRE(again.result_int() == 200);
  CHECK(json_of(again).at("encoding") == "GB18030");
  std::string utf8 = "客户,馈线,需求负荷（kW）,预计月份,可能性（%）\r\n"
                     "恒达钢铁,F-101,\"1,250.5\",2027/3/1,80%\r\n"
                     "蓝海冷链,F-102,630,2027年4月,55\r\n";
  CHECK(f.request(verb::put, m1_path, utf8, keyed).result_int() == 409);
}
