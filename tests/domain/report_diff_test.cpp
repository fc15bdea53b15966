#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "domain/report_diff.hpp"

using namespace gridcoord::domain;
namespace json = boost::json;

namespace {

json::array rows(const char* text) { return json::parse(text).as_array(); }

const report_kind& m1() { return *find_report_kind("large_customer_demand"); }

}  // namespace

TEST_CASE("a diff matches rows by the kind's key and lists each changed field", "[domain][diff]") {
  auto from = rows(R"([
    {"customer":"Hengda Steel","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80},
    {"customer":"Harbour Hotel","feeder":"LH-F03","demand_kw":450,"expected_month":"2027-02","likelihood_pct":75},
    {"customer":"蓝海冷链","area":"Harbour","demand_kva":630,"expected_month":"2026-12","likelihood_pct":55}])");
  auto to = rows(R"([
    {"customer":"Harbour Hotel","feeder":"LH-F03","demand_kw":500,"expected_month":"2027-02","likelihood_pct":90},
    {"customer":"蓝海冷链","area":"Harbour","demand_kva":630,"expected_month":"2026-12","likelihood_pct":55},
    {"customer":"New Mall","feeder":"F-102","demand_kw":300,"expected_month":"2027-06","likelihood_pct":40}])");
  auto d = diff_rows(m1(), from, to);
  CHECK(d.unchanged == 1);
  CHECK(d.removed == std::vector<std::size_t>{1});
  CHECK(d.added == std::vector<std::size_t>{3});
  REQUIRE(d.changed.size() == 1);
  CHECK(d.changed[0].from_row == 2);
  CHECK(d.changed[0].to_row == 1);
  REQUIRE(d.changed[0].fields.size() == 2);
  CHECK(d.changed[0].fields[0].field == "demand_kw");
  CHECK(d.changed[0].fields[0].before == 450);
  CHECK(d.changed[0].fields[0].after == 500);
  CHECK(d.changed[0].fields[1].field == "likelihood_pct");
}

TEST_CASE("a field that appears or disappears is a change from or to null", "[domain][diff]") {
  auto d = diff_rows(m1(),
                     rows(R"([{"customer":"A","feeder":"F-1","demand_kw":10,"expected_month":"2027-01","likelihood_pct":50}])"),
                     rows(R"([{"customer":"A","feeder":"F-1","demand_kva":12,"expected_month":"2027-01","likelihood_pct":50}])"));
  REQUIRE(d.changed.size() == 1);
  REQUIRE(d.changed[0].fields.size() == 2);
  CHECK(d.changed[0].fields[0].field == "demand_kw");
  CHECK(d.changed[0].fields[0].after.is_null());
  CHECK(d.changed[0].fields[1].field == "demand_kva");
  CHECK(d.changed[0].fields[1].before.is_null());
}

TEST_CASE("identical versions differ in nothing; repeated keys pair up in order", "[domain][diff]") {
  auto same = rows(R"([{"customer":"A","feeder":"F-1","demand_kw":10,"expected_month":"2027-01","likelihood_pct":50},
                       {"customer":"B","feeder":"F-1","demand_kw":20,"expected_month":"2027-01","likelihood_pct":50}])");
  auto d = diff_rows(m1(), same, same);
  CHECK(d.unchanged == 2);
  CHECK(d.added.empty());
  CHECK(d.removed.empty());
  CHECK(d.changed.empty());
  auto grown = same;
  grown.push_back(same[0]);
  auto g = diff_rows(m1(), same, grown);
  CHECK(g.unchanged == 2);
  CHECK(g.added == std::vector<std::size_t>{3});
}
