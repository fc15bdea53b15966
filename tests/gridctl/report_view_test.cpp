// `gridctl report get --table`: who has acknowledged each version, in one cell.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "cmd/gridctl/render_table.hpp"
#include "cmd/gridctl/report_view.hpp"

using namespace gridcoord::gridctl;
namespace json = boost::json;

TEST_CASE("report get --table shows each version's deliveries as acknowledged or open", "[gridctl][render][report]") {
  auto answer = json::parse(R"({"department":"marketing","version":2,"rows":[],
    "versions":[
      {"version":1,"seq":4,"deliveries":[
        {"to":"planning","acknowledged":{"by":"li.wei","at":"2026-12-01T10:50:12.000000Z"}},
        {"to":"dispatch","acknowledged":null}]},
      {"version":2,"seq":9,"deliveries":[]}]})");
  auto view = report_for_people(answer);
  const auto& versions = view.at("versions").as_array();
  CHECK(versions[0].at("deliveries") == "planning ✓ li.wei, dispatch open");
  CHECK(versions[1].at("deliveries") == "");
  CHECK(view.at("department") == "marketing");
  CHECK(render_for_people(view).find("planning ✓ li.wei, dispatch open") != std::string::npos);
}

TEST_CASE("report get --table leaves an answer without versions as it is", "[gridctl][render][report]") {
  auto error = json::parse(R"({"error":{"code":"not_found"}})");
  CHECK(report_for_people(error) == error);
}
