#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "domain/json.hpp"
#include "domain/report.hpp"
#include "domain/report_csv.hpp"

using namespace gridcoord::domain;
namespace json = boost::json;

namespace {

const report_kind& m1() { return *find_report_kind("large_customer_demand"); }
const month october = *parse_month("2026-10");

const std::string m1_header = "customer,feeder,area,demand_kw,demand_kva,expected_month,likelihood_pct\r\n";

expected<std::vector<row>> from_csv(const std::string& text) { return parse_csv_rows(m1(), october, text); }
expected<std::vector<row>> from_json(const char* body) { return parse_rows(m1(), october, json::parse(body)); }

const cell& at(const row& r, std::string_view field) { return r[*m1().field_index(field)]; }

}  // namespace

TEST_CASE("an M1 CSV gives the same rows as the equivalent JSON", "[domain][report_csv]") {
  auto csv = from_csv("\xEF\xBB\xBF" + m1_header +
                      "Hengda Steel,F-101,,1250.5,,2027-03,80\r\n"
                      "\"蓝海冷链, 临港\",,Harbour,,630,2026-10,0\r\n");
  auto json = from_json(R"({"rows":[
    {"customer":"Hengda Steel","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80},
    {"customer":"蓝海冷链, 临港","area":"Harbour","demand_kva":630,"expected_month":"2026-10","likelihood_pct":0}]})");
  REQUIRE(csv);
  REQUIRE(json);
  CHECK(*csv == *json);
  CHECK(at((*csv)[1], "customer").text == "蓝海冷链, 临港");
  CHECK(at((*csv)[0], "area").k == cell::kind::empty);
}

TEST_CASE("header names are trimmed, case-insensitive and in any order; optional columns may be missing",
          "[domain][report_csv]") {
  auto rows = from_csv(" Likelihood_Pct ,CUSTOMER,expected_month, demand_kw,feeder\n80,A,2027-01,5,F-1\n");
  REQUIRE(rows);
  CHECK(at((*rows)[0], "likelihood_pct").number == 80);
  CHECK(at((*rows)[0], "customer").text == "A");
  CHECK(at((*rows)[0], "demand_kva").k == cell::kind::empty);
}

TEST_CASE("an unknown header column is named with the fields there are", "[domain][report_csv]") {
  auto rows = from_csv("customer,feeder,demand_kw,kw,expected_month,likelihood_pct\nA,F-1,5,5,2027-01,80\n");
  REQUIRE_FALSE(rows);
  CHECK(rows.error().code == errc::validation_failed);
  REQUIRE(rows.error().details.size() == 1);
  const auto& i = rows.error().details[0];
  CHECK_FALSE(i.row);
  CHECK(i.field == "kw");
  CHECK(i.reason ==
        "is not a field of large_customer_demand (line 1, column 4); the fields are: customer, feeder, area, "
        "demand_kw, demand_kva, expected_month, likelihood_pct");
}

TEST_CASE("a semicolon-separated file is told to use commas", "[domain][report_csv]") {
  auto rows = from_csv("customer;feeder;demand_kw;expected_month;likelihood_pct\nA;F-1;5;2027-01;80\n");
  REQUIRE_FALSE(rows);
  CHECK(rows.error().details.at(0).reason.ends_with("separate the columns with commas, not semicolons or tabs"));
}

TEST_CASE("a repeated or unnamed header column is an error for each", "[domain][report_csv]") {
  auto rows = from_csv("customer,feeder,Customer,,expected_month\nA,F-1,B,x,2027-01\n");
  REQUIRE_FALSE(rows);
  REQUIRE(rows.error().details.size() == 2);
  CHECK(rows.error().details[0].field == "customer");
  CHECK(rows.error().details[0].reason == "appears twice in the header (line 1, columns 1 and 3)");
  CHECK(rows.error().details[1].reason.starts_with("column 4 of the header (line 1) has no name"));
}

TEST_CASE("numbers are read as people write them", "[domain][report_csv]") {
  CHECK(parse_csv_number("1250.5") == 1250.5);
  CHECK(parse_csv_number(" 2000 ") == 2000);
  CHECK(parse_csv_number("-3") == -3);
  CHECK(parse_csv_number("+3") == 3);
  CHECK(parse_csv_number("1,250.5") == 1250.5);
  CHECK(parse_csv_number("12,345,678") == 12345678);
  CHECK(parse_csv_number("1.25e3") == 1250);
  for (std::string_view bad : {"1.2.3", "1,25", "1,2345", "1250,5", ",250", "1,", "1.", ".5", "80%", "abc", "",
                               "1e", "1e999", "nan", "inf", "0x10", "1 250"})
    CHECK_FALSE(parse_csv_number(bad));
}

TEST_CASE("every bad cell is reported with data row, field, value and reason, at once",
          "[domain][report_csv]") {
  auto rows = from_csv(m1_header +
                       "A,F-1,,1.2.3,,2027-01,80\r\n"       // data row 1
                       "\"B\r\nLtd\",F-1,,5,,2027-01,80\r\n"  // data row 2, on lines 3 and 4
                       ",F-1,,5,,2027-1,150\r\n");           // data row 3, line 5
  REQUIRE_FALSE(rows);
  CHECK(rows.error().code == errc::validation_failed);
  CHECK(rows.error().message == "4 problem(s) in the large_customer_demand report; nothing was stored");
  const auto& d = rows.error().details;
  REQUIRE(d.size() == 4);
  CHECK(d[0] == issue{rule::not_a_number, 1, "demand_kw", "1.2.3", "must be a number"});
  CHECK(d[1] == issue{rule::required, 3, "customer", "", "is required"});
  CHECK(d[2] == issue{rule::not_a_month, 3, "expected_month", "2027-1", "must be a month written YYYY-MM"});
  CHECK(d[3] == issue{rule::above_maximum, 3, "likelihood_pct", "150", "must be at most 100"});
}

TEST_CASE("an empty cell is an absent value, so a required one is reported missing", "[domain][report_csv]") {
  auto body = csv_to_json(m1(), m1_header + "A,,Harbour,,630,2027-01,\r\n");
  REQUIRE(body);
  CHECK(to_text(*body) == R"({"rows":[{"customer":"A","area":"Harbour","demand_kva":630,"expected_month":"2027-01"}]})");
  auto rows = parse_rows(m1(), october, *body);
  REQUIRE_FALSE(rows);
  CHECK(rows.error().details == std::vector<issue>{{rule::required, 1, "likelihood_pct", "", "is required"}});
}

TEST_CASE("a missing required column is reported on every row", "[domain][report_csv]") {
  auto rows = from_csv("customer,feeder,demand_kw,expected_month\nA,F-1,5,2027-01\nB,F-1,6,2027-01\n");
  REQUIRE_FALSE(rows);
  CHECK(rows.error().details ==
        std::vector<issue>{{rule::required, 1, "likelihood_pct", "", "is required"},
                           {rule::required, 2, "likelihood_pct", "", "is required"}});
}

TEST_CASE("a CSV syntax error stops before validation", "[domain][report_csv]") {
  auto rows = from_csv(m1_header + "A,F-1,,5,,2027-01\r\n");
  REQUIRE_FALSE(rows);
  CHECK(rows.error().code == errc::invalid_request);
  CHECK(rows.error().details.at(0).reason == "line 2 has 6 field(s); the header (line 1) has 7");
}

TEST_CASE("an integer cell is read as a number, so validation checks it is whole", "[domain][report_csv]") {
  report_kind counts{.id = "counts", .fields = {{.name = "complaints", .type = field_type::integer, .required = true}}};
  auto rows = parse_csv_rows(counts, october, "complaints\n\"1,200\"\n12.5\n");
  REQUIRE_FALSE(rows);
  CHECK(rows.error().details ==
        std::vector<issue>{{rule::not_a_whole_number, 2, "complaints", "12.5", "must be a whole number"}});
  auto good = parse_csv_rows(counts, october, "complaints\n\"1,200\"\n");
  REQUIRE(good);
  CHECK((*good)[0][0] == cell{cell::kind::number, {}, 1200});
}
