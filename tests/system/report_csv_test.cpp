// A CSV report through the real runtime: submitted as text/csv, read back as JSON.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "tests/system/live_server.hpp"

using namespace gridcoord;
using testing::bearer;
using testing::live_server;

TEST_CASE("a CSV with Chinese customer names reads back as JSON with exactly the same text",
          "[system][http][csv]") {
  live_server s;
  auto c = s.client();
  auto marketing = s.issue("liaison:marketing");
  const std::string hengda = "恒达钢铁（集团）有限公司";
  const std::string lanhai = "蓝海冷链, 临港 \"一期\"";  // a comma and quotes: a quoted CSV field
  const std::string csv = "\xEF\xBB\xBF"
                          "customer,feeder,area,demand_kw,demand_kva,expected_month,likelihood_pct\r\n" +
                          hengda + ",F-101,,\"1,250.5\",,2027-03,80\r\n"
                          "\"蓝海冷链, 临港 \"\"一期\"\"\",,Harbour,,630,2026-12,55\r\n";
  auto put = c.request("PUT", testing::m1_path, csv,
                       bearer(marketing, {{"Content-Type", "text/csv; charset=utf-8"}}));
  INFO(put.body);
  REQUIRE(put.status == 201);
  CHECK(put.json().at("version").as_int64() == 1);

  auto got = c.request("GET", testing::m1_path, "", bearer(s.admin));
  REQUIRE(got.status == 200);
  auto doc = got.json();
  const auto& rows = doc.at("rows").as_array();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].at("customer").as_string() == hengda);
  CHECK(rows[0].at("demand_kw").as_double() == 1250.5);
  CHECK(rows[1].at("customer").as_string() == lanhai);
  CHECK(rows[1].at("area").as_string() == "Harbour");
  CHECK(got.body.find("\"demand_kw\":1250.5") != std::string::npos);
}

namespace {

// The same two rows as Chinese Excel's plain "CSV（逗号分隔）" writes them: GB18030 bytes,
// Chinese headings, months as dates on the 1st and as 2027年4月, percentages.
//   客户,馈线,区域,需求负荷（kW）,需求容量（kVA）,预计月份,可能性（%）
//   恒达钢铁（集团）有限公司,F-101,,"1,250.5",,2027/3/1,80%
//   "蓝海冷链, 临港",,Harbour,,630,2027年4月,55%
const std::string gb18030_csv =
    "\xBF\xCD\xBB\xA7,\xC0\xA1\xCF\xDF,\xC7\xF8\xD3\xF2,\xD0\xE8\xC7\xF3\xB8\xBA\xBA\xC9\xA3\xA8kW\xA3\xA9,"
    "\xD0\xE8\xC7\xF3\xC8\xDD\xC1\xBF\xA3\xA8kVA\xA3\xA9,\xD4\xA4\xBC\xC6\xD4\xC2\xB7\xDD,"
    "\xBF\xC9\xC4\xDC\xD0\xD4\xA3\xA8%\xA3\xA9\r\n"
    "\xBA\xE3\xB4\xEF\xB8\xD6\xCC\xFA\xA3\xA8\xBC\xAF\xCD\xC5\xA3\xA9\xD3\xD0\xCF\xDE\xB9\xAB\xCB\xBE,F-101,,"
    "\"1,250.5\",,2027/3/1,80%\r\n"
    "\"\xC0\xB6\xBA\xA3\xC0\xE4\xC1\xB4, \xC1\xD9\xB8\xDB\",,Harbour,,630,2027\xC4\xEA" "4\xD4\xC2,55%\r\n";

}  // namespace

TEST_CASE("a GB18030 file with Chinese headings and Excel dates is stored as the rows it shows, with or without "
          "its charset",
          "[system][http][csv][gb18030]") {
  live_server s;
  auto c = s.client();
  auto marketing = s.issue("liaison:marketing");
  for (std::string type : {"text/csv", "text/csv; charset=GB18030"}) {
    INFO(type);
    auto put = c.request("PUT", testing::m1_path, gb18030_csv, bearer(marketing, {{"Content-Type", type}}));
    INFO(put.body);
    REQUIRE(put.status == 201);
    CHECK(put.json().at("encoding").as_string() == "GB18030");
  }
  auto got = c.request("GET", testing::m1_path, "", bearer(s.admin));
  REQUIRE(got.status == 200);
  CHECK(got.json().at("version").as_int64() == 2);
  CHECK(got.json().at("rows") == boost::json::parse(R"([
    {"customer":"恒达钢铁（集团）有限公司","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03",
     "likelihood_pct":80},
    {"customer":"蓝海冷链, 临港","area":"Harbour","demand_kva":630,"expected_month":"2027-04","likelihood_pct":55}])"));
}

TEST_CASE("a bad row of a GB18030 file is 422 with its row and line; an unknown charset is 415",
          "[system][http][csv][gb18030]") {
  live_server s;
  auto c = s.client();
  auto marketing = s.issue("liaison:marketing");
  auto bad = c.request("PUT", testing::m1_path, gb18030_csv + "X,F-101,,5,,2027/3/15,50%\r\n",
                       bearer(marketing, {{"Content-Type", "text/csv"}}));
  REQUIRE(bad.status == 422);
  auto err = bad.json().at("error");
  CHECK(err.at("encoding").as_string() == "GB18030");
  REQUIRE(err.at("details").as_array().size() == 1);
  CHECK(err.at("details").at(0) == boost::json::parse(R"j(
    {"row":3,"line":4,"field":"expected_month","value":"2027/3/15",
     "reason":"is a date, not a month: the day must be the 1st (2027/3/1) or be left out (2027/3)",
     "rule":"not_a_month"})j"));
  auto big5 = c.request("PUT", testing::m1_path, gb18030_csv,
                        bearer(marketing, {{"Content-Type", "text/csv; charset=big5"}}));
  CHECK(big5.status == 415);
  CHECK(c.request("GET", testing::m1_path, "", bearer(s.admin)).status == 404);  // nothing stored
}
