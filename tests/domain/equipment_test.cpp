#include <algorithm>

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include "domain/equipment.hpp"
#include "domain/projection.hpp"

using namespace gridcoord::domain;
namespace json = boost::json;

namespace {

const char* tree = R"({"equipment":[
  {"id":"S1","kind":"substation","area_class":"urban","region":"东城区","rating_kva":126000},
  {"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"东城区","rating_kva":63000},
  {"id":"F12","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":10000},
  {"id":"D7","kind":"distribution_transformer","parent":"F12","area_class":"rural","region":"东城区","rating_kva":630}
]})";

expected<std::vector<equipment>> check(const equipment_registry& reg, std::string_view body) {
  auto draft = read_import_json(json::parse(body));
  REQUIRE(draft);
  return reg.check_import(*draft);
}

equipment_registry registry_of(std::string_view body) {
  equipment_registry reg;
  auto rows = check(reg, body);
  REQUIRE(rows);
  reg.apply_import(*rows);
  return reg;
}

bool has_issue(const error& e, std::size_t row, std::string_view field, std::string_view reason_part) {
  return std::any_of(e.details.begin(), e.details.end(), [&](const issue& i) {
    return i.row == row && i.field == field && i.reason.find(reason_part) != std::string::npos;
  });
}

}  // namespace

TEST_CASE("an import builds the tree, parents before or after their children", "[domain][equipment]") {
  auto reg = registry_of(tree);
  CHECK(reg.size() == 4);
  REQUIRE(reg.find("F12"));
  CHECK(reg.find("F12")->kind == equipment_kind::feeder);
  CHECK(reg.find("F12")->parent == "T1");
  CHECK(reg.find("F12")->region == "东城区");
  CHECK(reg.find("D7")->area == area_class::rural);
  CHECK(reg.find("S1")->rating_kva == 126000);
  // a child listed before its parent in the same import is fine
  equipment_registry empty;
  CHECK(check(empty, R"({"equipment":[
    {"id":"T2","kind":"main_transformer","parent":"S2","area_class":"rural","region":"R","rating_kva":1},
    {"id":"S2","kind":"substation","area_class":"rural","region":"R","rating_kva":1}]})"));
}

TEST_CASE("an import reports every bad row and field at once", "[domain][equipment]") {
  auto reg = registry_of(tree);
  auto r = check(reg, R"({"equipment":[
    {"id":"F13","kind":"feeder","parent":"T9","area_class":"urban","region":"R","rating_kva":100},
    {"id":"F14","kind":"feeder","parent":"S1","area_class":"urban","region":"R","rating_kva":100},
    {"id":"S3","kind":"substation","parent":"S1","area_class":"urban","region":"R","rating_kva":100},
    {"id":"F15","kind":"feeder","area_class":"urban","region":"R","rating_kva":0},
    {"id":"F13","kind":"switch","area_class":"city","region":"R","rating_kva":-1,"colour":"red"},
    {"kind":"feeder","parent":"T1","area_class":"urban","rating_kva":"lots"}
  ]})");
  REQUIRE_FALSE(r);
  const auto& e = r.error();
  CHECK(e.code == errc::validation_failed);
  CHECK(e.message.find("nothing was imported") != std::string::npos);
  CHECK(has_issue(e, 1, "parent", "no equipment T9 in the registry or in this import"));
  CHECK(has_issue(e, 2, "parent", "S1 is a substation, not a main_transformer"));
  CHECK(has_issue(e, 3, "parent", "a substation has no parent"));
  CHECK(has_issue(e, 4, "parent", "is required: the main_transformer"));
  CHECK(has_issue(e, 4, "rating_kva", "must be greater than 0"));
  CHECK(has_issue(e, 5, "id", "repeats row 1"));
  CHECK(has_issue(e, 5, "kind", "must be one of substation"));
  CHECK(has_issue(e, 5, "area_class", "must be one of urban, rural, remote"));
  CHECK(has_issue(e, 5, "rating_kva", "must be greater than 0"));
  CHECK(has_issue(e, 5, "colour", "is not a field of an equipment record"));
  CHECK(has_issue(e, 6, "id", "is required"));
  CHECK(has_issue(e, 6, "region", "is required"));
  CHECK(has_issue(e, 6, "rating_kva", "must be a number"));
  CHECK(e.details.size() == 13);
  CHECK(std::is_sorted(e.details.begin(), e.details.end(),
                       [](const issue& a, const issue& b) { return a.row < b.row; }));
}

TEST_CASE("a body of another shape is a bad request", "[domain][equipment]") {
  for (const char* body : {R"({"rows":[]})", R"([])", R"({"equipment":{}})", R"({"equipment":[]})"}) {
    auto d = read_import_json(json::parse(body));
    REQUIRE_FALSE(d);
    CHECK(d.error().code == errc::invalid_request);
  }
}

TEST_CASE("an import upserts: known ids are replaced, the summary counts both", "[domain][equipment]") {
  auto reg = registry_of(tree);
  auto rows = check(reg, R"({"equipment":[
    {"id":"F12","kind":"feeder","parent":"T1","area_class":"urban","region":"西城区","rating_kva":12000},
    {"id":"F20","kind":"feeder","parent":"T1","area_class":"remote","region":"西城区","rating_kva":8000}]})");
  REQUIRE(rows);
  CHECK(reg.summarize(*rows) == import_summary{2, 1, 1});
  CHECK(reg.apply_import(*rows) == import_summary{2, 1, 1});
  CHECK(reg.size() == 5);
  CHECK(reg.find("F12")->rating_kva == 12000);
  CHECK(reg.find("F12")->region == "西城区");
}

TEST_CASE("changing the kind of equipment with registered children is refused", "[domain][equipment]") {
  auto reg = registry_of(tree);
  auto r = check(reg, R"({"equipment":[
    {"id":"F12","kind":"distribution_transformer","parent":"T1","area_class":"urban","region":"R","rating_kva":1}]})");
  REQUIRE_FALSE(r);
  CHECK(has_issue(r.error(), 1, "parent", "T1 is a main_transformer, not a feeder"));
  CHECK(has_issue(r.error(), 1, "kind", "D7, a distribution_transformer, first"));
}

TEST_CASE("a CSV import reads the same rows, header in any order and case", "[domain][equipment][csv]") {
  std::string csv =
      "\xEF\xBB\xBFKind,id,Parent,area_class,region,rating_kva\r\n"
      "substation,S1,,urban,\"东城区, 北\",\"126,000\"\r\n"
      "main_transformer,T1,S1,urban,东城区,63000\r\n";
  auto draft = read_import_csv(csv);
  REQUIRE(draft);
  equipment_registry reg;
  auto rows = reg.check_import(*draft);
  REQUIRE(rows);
  REQUIRE(rows->size() == 2);
  CHECK((*rows)[0].region == "东城区, 北");
  CHECK((*rows)[0].rating_kva == 126000);
  CHECK((*rows)[0].parent.empty());
  CHECK((*rows)[1].parent == "S1");
}

TEST_CASE("a CSV import names bad columns and bad rows", "[domain][equipment][csv]") {
  auto header = read_import_csv("id,kind,colour\nS1,substation,red\n");
  REQUIRE_FALSE(header);
  CHECK(header.error().code == errc::validation_failed);
  CHECK(header.error().details.at(0).field == "colour");
  auto draft = read_import_csv("id,kind,parent,area_class,region,rating_kva\nF1,feeder,T0,urban,R,x\n");
  REQUIRE(draft);
  auto r = equipment_registry{}.check_import(*draft);
  REQUIRE_FALSE(r);
  CHECK(has_issue(r.error(), 1, "rating_kva", "must be a number"));
  CHECK(has_issue(r.error(), 1, "parent", "no equipment T0"));
  auto broken = read_import_csv("id,kind\n\"S1,substation\n");
  REQUIRE_FALSE(broken);
  CHECK(broken.error().code == errc::invalid_request);
}

TEST_CASE("the list filters by kind, parent and region and pages by id", "[domain][equipment]") {
  auto reg = registry_of(tree);
  equipment_filter f;
  f.limit = 2;
  auto p1 = reg.select(f);
  REQUIRE(p1.items.size() == 2);
  CHECK(p1.items[0].id == "D7");
  CHECK(p1.items[1].id == "F12");
  CHECK_FALSE(p1.end);
  f.after = p1.next_after;
  auto p2 = reg.select(f);
  REQUIRE(p2.items.size() == 2);
  CHECK(p2.items[1].id == "T1");
  CHECK(p2.end);
  equipment_filter feeders;
  feeders.kind = equipment_kind::feeder;
  feeders.parent = "T1";
  feeders.region = "东城区";
  auto p = reg.select(feeders);
  REQUIRE(p.items.size() == 1);
  CHECK(p.items[0].id == "F12");
  feeders.region = "西城区";
  CHECK(reg.select(feeders).items.empty());
}

TEST_CASE("the registry is a projection of its import events and survives a snapshot", "[domain][equipment][snapshot]") {
  auto reg = registry_of(tree);
  auto p = projection::empty();
  REQUIRE(p.apply_event(equipment_imported_type, 1, {}, encode_import(reg.select({.limit = 1000}).items)));
  CHECK(p.equipment == reg);
  auto back = projection::from_json(p.to_json());
  REQUIRE(back);
  CHECK(back->equipment == reg);
  CHECK(*back == p);
  auto older = p.to_json();
  older.as_object().erase("equipment");  // a snapshot from before the registry
  auto loaded = projection::from_json(older);
  REQUIRE(loaded);
  CHECK(loaded->equipment.empty());
  CHECK_FALSE(p.apply_event(equipment_imported_type, 2, {}, R"({"equipment":[{"id":"X"}]})"));
}

TEST_CASE("an id may hold a slash but no control character", "[domain][equipment]") {
  auto r = check(equipment_registry{}, R"({"equipment":[
    {"id":"SS-07","kind":"substation","area_class":"urban","region":"R","rating_kva":1},
    {"id":"SS-07/T1","kind":"main_transformer","parent":"SS-07","area_class":"urban","region":"R","rating_kva":1},
    {"id":"F\u0007","kind":"feeder","parent":"SS-07/T1","area_class":"urban","region":"R","rating_kva":1}]})");
  REQUIRE_FALSE(r);
  REQUIRE(r.error().details.size() == 1);
  CHECK(r.error().details[0].row == 3);
  CHECK(r.error().details[0].reason == "must not hold control characters");
}
