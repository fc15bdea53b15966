#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "cmd/gridctl/render_json.hpp"
#include "cmd/gridctl/render_table.hpp"
#include "cmd/gridctl/text_width.hpp"
#include "tests/gridctl/support/gridctl_runner.hpp"

using namespace gridcoord::gridctl;
using gridcoord::testing::lines_of;
namespace json = boost::json;

TEST_CASE("JSON output writes numbers as people write them", "[gridctl][render]") {
  auto v = json::parse(R"({"demand_kw":1250.5,"demand_kva":2000.0,"seq":101,"tiny":0.1,"ok":true,"none":null})");
  auto text = pretty(v);
  CHECK(text.find("1250.5") != std::string::npos);
  CHECK(text.find("E3") == std::string::npos);
  CHECK(text.find("\"demand_kva\": 2000") != std::string::npos);
  CHECK(text.find("0.1") != std::string::npos);
  auto back = json::parse(text);  // still JSON, with the same numbers
  CHECK(back.at("demand_kw").as_double() == 1250.5);
  CHECK(back.at("demand_kva").to_number<double>() == 2000.0);
  CHECK(back.at("tiny").as_double() == 0.1);
}

TEST_CASE("JSON output is indented, with short flat lists on one line", "[gridctl][render]") {
  auto v = json::parse(R"({"recipients":["planning","dispatch"],"rows":[{"customer":"蓝海冷链","demand_kw":630}],"empty":[]})");
  CHECK(pretty(v) ==
        "{\n"
        "  \"recipients\": [\"planning\", \"dispatch\"],\n"
        "  \"rows\": [\n"
        "    {\"customer\": \"蓝海冷链\", \"demand_kw\": 630}\n"
        "  ],\n"
        "  \"empty\": []\n"
        "}");
  auto wide = json::parse(R"({"customer":"Hengda Steel Works Group","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03"})");
  CHECK(lines_of(pretty(wide)).size() == 6);  // too long for one line
}

TEST_CASE("a table aligns columns by display width, Chinese included", "[gridctl][render][table]") {
  auto rows = json::parse(R"([
    {"customer":"蓝海钢铁","feeder":"LH-F07","demand_kw":1250.5},
    {"customer":"Hengda Steel","feeder":"F-1","demand_kw":80}])").as_array();
  auto lines = lines_of(render_table(rows));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "customer      feeder  demand_kw");
  CHECK(lines[1] == "蓝海钢铁      LH-F07     1250.5");
  CHECK(lines[2] == "Hengda Steel  F-1            80");
  for (const auto& l : lines) CHECK(display_width(l) == display_width(lines[0]));
}

TEST_CASE("table cells: null is '-', flat objects are k=v, lists are joined, long cells are cut",
          "[gridctl][render][table]") {
  auto rows = json::parse(R"([
    {"item":2,"acknowledged":null,"to":["planning","dispatch"]},
    {"item":3,"acknowledged":{"by":"li.wei","at":"2026-10-05T08:30:00Z"},"note":"line one\nline two"}])").as_array();
  rows.push_back(json::object{{"item", 4}, {"note", std::string(100, 'x')}});
  auto lines = lines_of(render_table(rows));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "item  acknowledged                       to                  note");
  CHECK(lines[1] == "   2  -                                  planning, dispatch");
  CHECK(lines[2] == "   3  by=li.wei at=2026-10-05T08:30:00Z                      line one line two");
  CHECK(display_width(lines[3].substr(lines[3].find('x'))) == max_cell_columns);
  CHECK(lines[3].ends_with("…"));
}

TEST_CASE("an object is key/value lines, then each list in it as a table", "[gridctl][render][table]") {
  auto inbox = json::parse(R"({"department":"planning","items":[{"item":101,"from":"marketing"}]})");
  CHECK(render_for_people(inbox) ==
        "department  planning\n"
        "\n"
        "items (1)\n"
        "item  from\n"
        " 101  marketing\n");
  auto tokens = json::parse(R"({"tokens":[]})");
  CHECK(render_for_people(tokens) == "(none)\n");
  std::string secret = "gct_0123456789abcdef_" + std::string(64, 'a');
  auto issued = json::value{{"id", "tk_0123456789abcdef"}, {"token", secret}};
  CHECK(render_for_people(issued) == "id     tk_0123456789abcdef\ntoken  " + secret + "\n");  // never cut
}
