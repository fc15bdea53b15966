#include <algorithm>

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>
#include <fmt/format.h>

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

// As event 1 at t0 would build it.
equipment_registry registry_of(std::string_view body) {
  equipment_registry reg;
  auto rows = check(reg, body);
  REQUIRE(rows);
  reg.apply_import(*rows, 1, time_point{});
  return reg;
}

const time_point t1 = time_point{std::chrono::seconds{1'790'000'000}};

bool has_issue(const error& e, std::size_t row, std::string_view field, std::string_view reason_part) {
  return std::any_of(e.details.begin(), e.details.end(), [&](const issue& i) {
    return i.row == row && i.field == field && i.reason.find(reason_part) != std::string::npos;
  });
}

// The rule of the first issue on that row and field; nullopt when there is none.
std::optional<rule> rule_at(const error& e, std::size_t row, std::string_view field) {
  for (const auto& i : e.details)
    if (i.row == row && i.field == field) return i.rule;
  return std::nullopt;
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
  CHECK(rule_at(e, 1, "parent") == rule::unknown_equipment);
  CHECK(rule_at(e, 2, "parent") == rule::wrong_equipment_kind);
  CHECK(rule_at(e, 3, "parent") == rule::not_applicable);
  CHECK(rule_at(e, 4, "parent") == rule::required);
  CHECK(rule_at(e, 4, "rating_kva") == rule::below_minimum);
  CHECK(rule_at(e, 5, "id") == rule::duplicate_row);
  CHECK(rule_at(e, 5, "kind") == rule::not_one_of);
  CHECK(rule_at(e, 5, "colour") == rule::unknown_field);
  CHECK(rule_at(e, 6, "rating_kva") == rule::not_a_number);
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
  CHECK(reg.summarize(*rows) == import_summary{2, 1, 1, 0});
  CHECK(reg.apply_import(*rows) == import_summary{2, 1, 1, 0});
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
  CHECK(rule_at(r.error(), 1, "kind") == rule::orphaned_children);
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

TEST_CASE("a CSV import names bad columns and bad rows, each with its rule", "[domain][equipment][csv]") {
  auto header = read_import_csv("id,kind,colour\nS1,substation,red\n");
  REQUIRE_FALSE(header);
  CHECK(header.error().code == errc::validation_failed);
  CHECK(header.error().details.at(0).field == "colour");
  CHECK(header.error().details.at(0).rule == rule::unknown_field);
  auto draft = read_import_csv("id,kind,parent,area_class,region,rating_kva\nF1,feeder,T0,urban,R,x\n");
  REQUIRE(draft);
  auto r = equipment_registry{}.check_import(*draft);
  REQUIRE_FALSE(r);
  CHECK(has_issue(r.error(), 1, "rating_kva", "must be a number"));
  CHECK(has_issue(r.error(), 1, "parent", "no equipment T0"));
  CHECK(rule_at(r.error(), 1, "rating_kva") == rule::not_a_number);
  CHECK(rule_at(r.error(), 1, "parent") == rule::unknown_equipment);
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

TEST_CASE("a registry of more equipment than one import may hold survives a snapshot", "[domain][equipment][snapshot]") {
  // Two imports (the limit, then one more) make a registry larger than any
  // one import; its snapshot used to be read as one import, and refused, so
  // such an installation could not start again.
  std::vector<equipment> rows;
  rows.reserve(max_import_rows);
  rows.push_back({"S", equipment_kind::substation, "", area_class::urban, "东城区", 1000});
  for (std::size_t i = 1; i < max_import_rows; ++i)
    rows.push_back({fmt::format("D{}", i), equipment_kind::distribution_transformer, "S", area_class::urban, "东城区", 400});
  equipment_registry reg;
  reg.apply_import(rows, 1);
  reg.apply_import(std::vector<equipment>{{"F-extra", equipment_kind::feeder, "S", area_class::rural, "西城区", 5000}}, 2);
  REQUIRE(reg.size() == max_import_rows + 1);
  auto back = equipment_registry::from_json(reg.to_json());
  INFO((back ? std::string() : back.error().message));
  REQUIRE(back);
  CHECK(back->size() == max_import_rows + 1);
  CHECK(*back == reg);
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

TEST_CASE("coordinates are optional, both or neither, within WGS 84 ranges", "[domain][equipment][coordinates]") {
  auto reg = registry_of(R"({"equipment":[
    {"id":"S1","kind":"substation","area_class":"urban","region":"R","rating_kva":1,"latitude":39.9042,"longitude":116.407396}]})");
  auto s1 = reg.find("S1");
  REQUIRE(s1);
  CHECK(s1->latitude == 39.9042);
  CHECK(s1->longitude == 116.407396);
  CHECK(record_to_json(*s1).at("longitude").as_double() == 116.407396);
  CHECK(encode_import(std::vector<equipment>{*s1}).find(R"("latitude":39.9042,"longitude":116.407396})") != std::string::npos);
  auto r = check(reg, R"({"equipment":[
    {"id":"S2","kind":"substation","area_class":"urban","region":"R","rating_kva":1,"latitude":39.9},
    {"id":"S3","kind":"substation","area_class":"urban","region":"R","rating_kva":1,"latitude":90.5,"longitude":-180.01},
    {"id":"S4","kind":"substation","area_class":"urban","region":"R","rating_kva":1,"latitude":"north","longitude":1}]})");
  REQUIRE_FALSE(r);
  const auto& d = r.error().details;
  REQUIRE(d.size() == 4);
  CHECK(d[0] ==
        issue{rule::required_when, 1, "longitude", "", "is required with latitude: give both coordinates or neither"});
  CHECK(d[1] == issue{rule::out_of_range, 2, "latitude", "90.5", "must be between -90 and 90 (degrees, WGS 84)"});
  CHECK(d[2] ==
        issue{rule::out_of_range, 2, "longitude", "-180.01", "must be between -180 and 180 (degrees, WGS 84)"});
  CHECK(d[3] == issue{rule::not_a_number, 3, "latitude", "north", "must be a number"});
  auto csv = read_import_csv("id,kind,area_class,region,rating_kva,latitude,longitude\n"
                             "S5,substation,urban,R,1, 30.123456789 ,120\nS6,substation,urban,R,1,,\n");
  REQUIRE(csv);
  REQUIRE(csv->issues.empty());
  CHECK(csv->rows[0].record.latitude == 30.1234568);  // kept to 1e-7 degree
  CHECK(csv->rows[0].record.longitude == 120);
  CHECK_FALSE(csv->rows[1].record.latitude);
  CHECK_FALSE(csv->rows[1].record.longitude);
}

TEST_CASE("each change is a new version; an identical row is unchanged", "[domain][equipment][versions]") {
  auto reg = registry_of(tree);
  CHECK(reg.find("F12")->version == 1);
  CHECK(reg.find("F12")->changed_seq == 1);
  const char* again = R"({"equipment":[
    {"id":"F12","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":12000},
    {"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"东城区","rating_kva":63000}]})";
  auto rows = check(reg, again);
  REQUIRE(rows);
  CHECK(reg.summarize(*rows) == import_summary{2, 0, 1, 1});
  CHECK(reg.apply_import(*rows, 7, t1) == import_summary{2, 0, 1, 1});
  auto f12 = reg.find("F12");
  CHECK(f12->version == 2);
  CHECK(f12->changed_seq == 7);
  CHECK(f12->changed_at == t1);
  CHECK(f12->rating_kva == 12000);
  CHECK(reg.find("T1")->version == 1);
  CHECK(reg.find("T1")->changed_seq == 1);
  CHECK(reg.apply_import(*rows, 9, t1) == import_summary{2, 0, 0, 2});
  auto moved = check(reg, R"({"equipment":[
    {"id":"F12","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":12000,"latitude":1,"longitude":2}]})");
  REQUIRE(moved);
  CHECK(reg.apply_import(*moved, 11, t1) == import_summary{1, 0, 1, 0});
  CHECK(reg.find("F12")->version == 3);
  CHECK(reg.change_seqs("F12") == std::vector<std::uint64_t>{1, 7, 11});
  CHECK(reg.change_seqs("T1") == std::vector<std::uint64_t>{1});
  CHECK(reg.change_seqs("F99").empty());
  auto json = record_to_json(*reg.find("F12"));
  CHECK(json.at("version").to_number<int>() == 3);
  CHECK(json.at("changed_seq").to_number<int>() == 11);
  CHECK(json.at("changed_at").as_string() == format_rfc3339(t1));
  auto back = equipment_registry::from_json(reg.to_json());
  REQUIRE(back);
  CHECK(*back == reg);
  CHECK(back->change_seqs("F12") == std::vector<std::uint64_t>{1, 7, 11});
  CHECK(back->find("F12")->changed_at == t1);
}

TEST_CASE("an import cannot make a cycle: the strict kinds refuse it", "[domain][equipment][cycles]") {
  auto reg = registry_of(tree);
  // T1 under F12, which hangs under T1: refused as a parent of the wrong kind.
  auto r = check(reg, R"({"equipment":[
    {"id":"T1","kind":"main_transformer","parent":"F12","area_class":"urban","region":"R","rating_kva":1}]})");
  REQUIRE_FALSE(r);
  REQUIRE(r.error().details.size() == 1);
  CHECK(r.error().details[0] ==
        issue{rule::wrong_equipment_kind, 1, "parent", "F12",
              "F12 is a feeder, not a substation: the parent of a main_transformer is a substation"});
  // Re-kinding T1 as a distribution transformer under F12 strands F12 under a
  // distribution transformer: refused by the kind check.
  auto k = check(reg, R"({"equipment":[
    {"id":"T1","kind":"distribution_transformer","parent":"F12","area_class":"urban","region":"R","rating_kva":1}]})");
  REQUIRE_FALSE(k);
  REQUIRE(k.error().details.size() == 1);
  CHECK(k.error().details[0].field == "kind");
  CHECK(k.error().details[0].reason.find("T1 has 1 registered child(ren) (F12, a feeder, first)") == 0);
}

TEST_CASE("a row is found in a stored import without reading the others", "[domain][equipment][history]") {
  auto reg = registry_of(tree);
  auto payload = encode_import(reg.select({.limit = 1000}).items);
  auto f12 = find_in_import(payload, "F12");
  REQUIRE(f12);
  REQUIRE(*f12);
  CHECK((*f12)->parent == "T1");
  CHECK((*f12)->version == 0);
  auto none = find_in_import(payload, "F1");
  REQUIRE(none);
  CHECK_FALSE(*none);
  // written another way (spaces): read in full
  auto spaced = find_in_import(R"({"equipment":[ { "id" : "S9", "kind":"substation","area_class":"rural","region":"R","rating_kva":5}]})", "S9");
  REQUIRE(spaced);
  REQUIRE(*spaced);
  CHECK((*spaced)->rating_kva == 5);
}

TEST_CASE("the store stays compact and a copy is independent", "[domain][equipment][memory]") {
  equipment_registry reg;
  std::vector<equipment> rows;
  for (int s = 0; s < 100; ++s) {
    rows.push_back({fmt::format("S{:03}", s), equipment_kind::substation, "", area_class::urban, "朝阳区", 1});
    for (int f = 0; f < 99; ++f)
      rows.push_back({fmt::format("S{:03}-F{:02}", s, f), equipment_kind::main_transformer, fmt::format("S{:03}", s),
                      area_class::rural, "海淀区", 2, 39.9, 116.4});
  }
  reg.apply_import(rows, 1, t1);
  REQUIRE(reg.size() == 10'000);
  CHECK(reg.memory_bytes() < 10'000 * 100);
  auto copy = reg;
  reg.apply_import(std::vector<equipment>{{"S000", equipment_kind::substation, "", area_class::remote, "R", 3}}, 2, t1);
  CHECK(copy.find("S000")->area == area_class::urban);
  CHECK(reg.find("S000")->area == area_class::remote);
  CHECK(copy.select({.parent = "S001", .limit = 1000}).items.size() == 99);
  CHECK(copy.select({.region = "海淀区", .limit = 100'000}).items.size() == 9'900);
}
