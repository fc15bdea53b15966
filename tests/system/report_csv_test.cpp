// A CSV report through the real runtime: submitted as text/csv, read back as JSON.
#include <catch2/catch.hpp>

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
