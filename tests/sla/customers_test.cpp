#include <algorithm>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include "domain/json.hpp"
#include "domain/sla/customers.hpp"

using namespace gridcoord::domain;
using namespace gridcoord::domain::sla;
namespace json = boost::json;

namespace {

// S1 → T1 → F1 (→ D1), F2; and S2 → T2 → F3, another substation's.
const char* tree = R"({"equipment":[
  {"id":"S1","kind":"substation","area_class":"urban","region":"东城区","rating_kva":126000},
  {"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"东城区","rating_kva":63000},
  {"id":"F1","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":10000},
  {"id":"F2","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":10000},
  {"id":"D1","kind":"distribution_transformer","parent":"F1","area_class":"urban","region":"东城区","rating_kva":630},
  {"id":"S2","kind":"substation","area_class":"rural","region":"西城区","rating_kva":126000},
  {"id":"T2","kind":"main_transformer","parent":"S2","area_class":"rural","region":"西城区","rating_kva":63000},
  {"id":"F3","kind":"feeder","parent":"T2","area_class":"rural","region":"西城区","rating_kva":10000}
]})";

void import_equipment(equipment_registry& reg, std::string_view body) {
  auto draft = read_import_json(json::parse(body));
  REQUIRE(draft);
  auto rows = reg.check_import(*draft);
  INFO((rows ? std::string() : rows.error().message));
  REQUIRE(rows);
  reg.apply_import(*rows);
}

equipment_registry grid() {
  equipment_registry reg;
  import_equipment(reg, tree);
  return reg;
}

customer person(std::string id, std::string point, customer_tier tier = customer_tier::important) {
  return customer{.id = std::move(id), .name = "北京市第一医院", .tier = tier,
                  .contacts = {{"sms", "+8613800000000"}}, .connection_point = std::move(point)};
}

// A customer at each point of the tree, named after it: c-S1 at S1, c-T1 at T1, ...
std::vector<customer> one_at_each(std::initializer_list<const char*> points) {
  std::vector<customer> rows;
  for (const char* p : points) rows.push_back(person(std::string("c-") + p, p));
  return rows;
}

customer_registry registry_of(const std::vector<customer>& rows, const equipment_registry& equipment) {
  customer_registry reg;
  auto ok = reg.check_import(rows, equipment);
  INFO((ok ? std::string() : ok.error().message));
  REQUIRE(ok);
  reg.apply_import(rows, equipment, 1);
  return reg;
}

std::vector<std::string> ids(const std::vector<const customer*>& cs) {
  std::vector<std::string> out;
  for (const auto* c : cs) out.push_back(c->id);
  return out;
}

std::vector<std::string> affected_ids(const customer_registry& reg, std::vector<std::string> equipment_ids) {
  return ids(reg.affected(equipment_ids));
}

bool has_issue(const error& e, std::size_t row, std::string_view field, std::string_view value,
               std::string_view reason_part) {
  return std::any_of(e.details.begin(), e.details.end(), [&](const issue& i) {
    return i.row == row && i.field == field && i.value == value && i.reason.find(reason_part) != std::string::npos;
  });
}

expected<std::vector<customer>> parse(std::string_view body) { return parse_customers_json(json::parse(body)); }

}  // namespace

TEST_CASE("a JSON import reads every field, Chinese names and the contacts in order", "[sla][customers]") {
  auto rows = parse(R"({"customers":[
    {"id":"C-001","name":"北京市第一医院","tier":"important","connection_point":"D1",
     "contacts":[{"channel":"sms","address":"+8613800000000"},{"channel":"email","address":"duty@hospital.cn"},
                 {"channel":"phone","address":"+861065550000"},{"channel":"webhook","address":"https://ops.hospital.cn/outage"}]},
    {"id":"C-002","name":"首钢集团","tier":"large","connection_point":"F2",
     "contacts":[{"channel":"email","address":"power@shougang.com.cn"}]}]})");
  REQUIRE(rows);
  REQUIRE(rows->size() == 2);
  const auto& a = (*rows)[0];
  CHECK(a.id == "C-001");
  CHECK(a.name == "北京市第一医院");
  CHECK(a.tier == customer_tier::important);
  CHECK(a.connection_point == "D1");
  CHECK(a.contacts == std::vector<contact>{{"sms", "+8613800000000"}, {"email", "duty@hospital.cn"},
                                           {"phone", "+861065550000"}, {"webhook", "https://ops.hospital.cn/outage"}});
  CHECK(a.version == 0);
  CHECK((*rows)[1].tier == customer_tier::large);
  CHECK((*rows)[1].name == "首钢集团");
}

TEST_CASE("a CSV import reads the same customers, its columns in any order", "[sla][customers][csv]") {
  std::string csv =
      "\xEF\xBB\xBF" "tier,id,Name,contacts,connection_point\r\n"
      "important,C-001,北京市第一医院,\"sms:+8613800000000; email:duty@hospital.cn;webhook:http://10.0.0.7:8080/n\",D1\r\n"
      "large,C-002,\"首钢集团, 石景山\",email:power@shougang.com.cn,F2\r\n";
  auto rows = parse_customers_csv(csv);
  INFO((rows ? std::string() : rows.error().message));
  REQUIRE(rows);
  REQUIRE(rows->size() == 2);
  CHECK((*rows)[0] == customer{.id = "C-001", .name = "北京市第一医院", .tier = customer_tier::important,
                               .contacts = {{"sms", "+8613800000000"}, {"email", "duty@hospital.cn"},
                                            {"webhook", "http://10.0.0.7:8080/n"}},
                               .connection_point = "D1"});
  CHECK((*rows)[1].name == "首钢集团, 石景山");
  CHECK((*rows)[1].tier == customer_tier::large);
  CHECK((*rows)[1].contacts == std::vector<contact>{{"email", "power@shougang.com.cn"}});
}

TEST_CASE("every bad field of every row is named at once, with its value", "[sla][customers]") {
  std::string long_name(201, 'x');
  std::string nine_contacts = "[";
  for (int i = 0; i < 9; ++i) nine_contacts += std::string(i ? "," : "") + R"({"channel":"sms","address":"+8613800000000"})";
  nine_contacts += "]";
  auto r = parse(R"({"customers":[
    {"id":"C 1","name":"","tier":"vip","connection_point":"D1","contacts":[{"channel":"sms","address":"+86138"}]},
    {"id":")" + std::string(65, 'a') + R"(","name":")" + long_name + R"(","tier":"large","contacts":[],"colour":"red"},
    {"id":"C-3","name":"甲","tier":"large","connection_point":"F1","contacts":)" + nine_contacts + R"(},
    {"id":"C-4","name":"乙","tier":"large","connection_point":"F1","contacts":[
      {"channel":"fax","address":"123"},
      {"channel":"email","address":"a@b@c.cn"},
      {"channel":"email","address":"duty@localhost"},
      {"channel":"phone","address":"8613800000000"},
      {"channel":"webhook","address":"ftp://files.cn/x","priority":1},
      {"address":"+8613800000000"}]},
    "C-5",
    {"id":7,"name":"丙","tier":"important","connection_point":"F1","contacts":[{"channel":"sms","address":"+86 13800000000"}]}
  ]})");
  REQUIRE_FALSE(r);
  const auto& e = r.error();
  CHECK(e.code == errc::validation_failed);
  CHECK(e.message.find("nothing was imported") != std::string::npos);
  CHECK(has_issue(e, 1, "id", "C 1", "must not hold spaces"));
  CHECK(has_issue(e, 1, "name", "", "must not be empty"));
  CHECK(has_issue(e, 1, "tier", "vip", "must be one of important, large"));
  CHECK(has_issue(e, 1, "contacts[1].address", "+86138", "E.164"));
  CHECK(has_issue(e, 2, "id", std::string(64, 'a') + "… (65 characters)", "at most 64 bytes"));
  CHECK(has_issue(e, 2, "name", std::string(64, 'x') + "… (201 characters)", "at most 200 characters"));
  CHECK(has_issue(e, 2, "connection_point", "", "is required"));
  CHECK(has_issue(e, 2, "contacts", "[]", "1 to 8 contacts, not 0"));
  CHECK(has_issue(e, 2, "colour", "red", "is not a field of a customer"));
  CHECK(has_issue(e, 3, "contacts", to_text(json::parse(nine_contacts)), "1 to 8 contacts, not 9"));
  CHECK(has_issue(e, 4, "contacts[1].channel", "fax", "must be one of sms, email, phone, webhook"));
  CHECK(has_issue(e, 4, "contacts[2].address", "a@b@c.cn", "exactly one \"@\""));
  CHECK(has_issue(e, 4, "contacts[3].address", "duty@localhost", "a domain with a dot"));
  CHECK(has_issue(e, 4, "contacts[4].address", "8613800000000", "E.164"));
  CHECK(has_issue(e, 4, "contacts[5].address", "ftp://files.cn/x", "http:// or https:// URL"));
  CHECK(has_issue(e, 4, "contacts[5].priority", "1", "is not a field of a contact"));
  CHECK(has_issue(e, 4, "contacts[6].channel", "", "is required"));
  CHECK(has_issue(e, 5, "", "C-5", "must be an object"));
  CHECK(has_issue(e, 6, "id", "7", "must be a string"));
  CHECK(has_issue(e, 6, "contacts[1].address", "+86 13800000000", "must not hold spaces"));
  CHECK(e.details.size() == 20);
  CHECK(std::is_sorted(e.details.begin(), e.details.end(), [](const issue& a, const issue& b) { return a.row < b.row; }));
}

TEST_CASE("an id with a control character and a name that is not UTF-8 are refused", "[sla][customers]") {
  json::object row{{"id", "C\t1"}, {"name", "\xE5\x8C"}, {"tier", "large"}, {"connection_point", "F1"},
                   {"contacts", json::array{json::object{{"channel", "sms"}, {"address", "+8613800000000"}}}}};
  auto r = parse_customers_json(json::object{{"customers", json::array{row}}});
  REQUIRE_FALSE(r);
  CHECK(has_issue(r.error(), 1, "id", "C\t1", "control characters"));
  CHECK(has_issue(r.error(), 1, "name", "\xE5\x8C", "must be UTF-8"));
  CHECK(r.error().details.size() == 2);
}

TEST_CASE("a CSV import names bad contacts entries, and missing and unknown columns", "[sla][customers][csv]") {
  auto r = parse_customers_csv(
      "id,name,tier,connection_point,contacts\n"
      "C-1,甲,important,F1,sms:+8613800000000;duty@hospital.cn\n"
      "C-2,乙,large,F1,\n"
      "C-3,丙,large,F1,sms:+8613800000000;;email:a@b.cn\n");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::validation_failed);
  CHECK(has_issue(r.error(), 1, "contacts[2]", "duty@hospital.cn", "must be channel:address"));
  CHECK(has_issue(r.error(), 2, "contacts", "", "is required"));
  CHECK(has_issue(r.error(), 3, "contacts[2]", "", "must be channel:address"));
  CHECK(r.error().details.size() == 3);

  auto missing = parse_customers_csv("id,name,tier\nC-1,甲,important\n");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == errc::validation_failed);
  REQUIRE(missing.error().details.size() == 2);
  CHECK(missing.error().details[0].field == "connection_point");
  CHECK(missing.error().details[1].field == "contacts");
  CHECK_FALSE(missing.error().details[0].row);

  auto unknown = parse_customers_csv("id,name,tier,connection_point,contacts,colour\nC-1,甲,large,F1,sms:+8613800000000,red\n");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == errc::validation_failed);
  CHECK(std::any_of(unknown.error().details.begin(), unknown.error().details.end(),
                    [](const issue& i) { return i.field == "colour"; }));
}

TEST_CASE("an empty import or a body of another shape is a bad request", "[sla][customers]") {
  for (const char* body : {R"({"rows":[]})", R"([])", R"({"customers":{}})", R"({"customers":[]})"}) {
    auto r = parse(body);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::invalid_request);
  }
  auto csv = parse_customers_csv("id,name,tier,connection_point,contacts\r\n");
  REQUIRE_FALSE(csv);
  CHECK(csv.error().code == errc::invalid_request);
  auto extra = parse(R"({"customers":[],"mode":"replace"})");
  REQUIRE_FALSE(extra);
  CHECK(extra.error().details == std::vector<issue>{{rule::unknown_field, std::nullopt, "mode", "replace",
                                                     R"(is not a field of an import (only "customers"))"}});
}

TEST_CASE("an import naming unknown equipment or an id twice reports every row", "[sla][customers]") {
  auto equipment = grid();
  customer_registry reg;
  std::vector<customer> rows = {person("C-1", "F1"), person("C-2", "F9"), person("C-1", "D1"), person("C-3", "东城-99")};
  auto ok = reg.check_import(rows, equipment);
  REQUIRE_FALSE(ok);
  const auto& e = ok.error();
  CHECK(e.code == errc::validation_failed);
  CHECK(has_issue(e, 2, "connection_point", "F9", "is not equipment of the registry"));
  CHECK(has_issue(e, 3, "id", "C-1", "repeats the id of row 1"));
  CHECK(has_issue(e, 4, "connection_point", "东城-99", "is not equipment of the registry"));
  CHECK(e.details.size() == 3);
  CHECK(reg.size() == 0);
  CHECK_FALSE(reg.check_import(std::vector<customer>{}, equipment));
}

TEST_CASE("an import upserts: new ids get version 1, changes count up, identical rows change nothing",
          "[sla][customers]") {
  auto equipment = grid();
  customer_registry reg;
  auto first = std::vector<customer>{person("C-1", "F1"), person("C-2", "F2")};
  CHECK(reg.summarize(first) == customer_import_summary{2, 2, 0, 0});
  CHECK(reg.apply_import(first, equipment, 10) == customer_import_summary{2, 2, 0, 0});
  REQUIRE(reg.find("C-1"));
  CHECK(reg.find("C-1")->version == 1);
  CHECK(reg.find("C-1")->changed_seq == 10);

  auto second = first;
  second[1].contacts.push_back({"email", "duty@example.cn"});
  second.push_back(person("C-3", "D1", customer_tier::large));
  CHECK(reg.summarize(second) == customer_import_summary{3, 1, 1, 1});
  CHECK(reg.apply_import(second, equipment, 11) == customer_import_summary{3, 1, 1, 1});
  CHECK(reg.size() == 3);
  CHECK(reg.find("C-1")->version == 1);
  CHECK(reg.find("C-1")->changed_seq == 10);
  CHECK(reg.find("C-2")->version == 2);
  CHECK(reg.find("C-2")->changed_seq == 11);
  CHECK(reg.find("C-2")->contacts.size() == 2);
  CHECK(reg.find("C-3")->version == 1);
  CHECK(reg.find("C-9") == nullptr);
}

TEST_CASE("an import event decodes to the rows it was encoded from", "[sla][customers]") {
  auto rows = std::vector<customer>{person("C-1", "F1"), person("客户\"2\"", "D1", customer_tier::large)};
  rows[1].name = "首钢集团 石景山";
  rows[1].contacts = {{"webhook", "https://ops.example.cn/a?b=1&c=2"}, {"phone", "+861065550000"}};
  auto payload = encode_customer_import(rows);
  CHECK(json::parse(payload).as_object().contains("customers"));
  auto back = decode_customer_import(payload);
  REQUIRE(back);
  CHECK(*back == rows);
  auto bad = decode_customer_import(R"({"customers":[{"id":"C-1"}]})");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == errc::internal);
  CHECK(decode_customer_import("not json").error().code == errc::internal);
}

TEST_CASE("a customer's JSON has version and changed_seq only once the registry holds it", "[sla][customers]") {
  auto c = person("C-1", "F1");
  auto o = customer_to_json(c);
  CHECK(o.at("name").as_string() == "北京市第一医院");
  CHECK(o.at("tier").as_string() == "important");
  CHECK(o.at("contacts").as_array().at(0).as_object().at("address").as_string() == "+8613800000000");
  CHECK_FALSE(o.contains("version"));
  c.version = 3;
  c.changed_seq = 42;
  o = customer_to_json(c);
  CHECK(o.at("version").to_number<int>() == 3);
  CHECK(o.at("changed_seq").to_number<int>() == 42);
}

TEST_CASE("replaying import events rebuilds the registry apply_import built", "[sla][customers]") {
  auto equipment = grid();
  auto first = one_at_each({"T1", "F1", "D1"});
  auto second = std::vector<customer>{person("c-F1", "F2"), person("c-new", "F3")};
  customer_registry direct;
  direct.apply_import(first, equipment, 1);
  direct.apply_import(second, equipment, 2);

  customer_registry replayed;
  REQUIRE(replayed.apply_event(customer_imported_type, 1, encode_customer_import(first), equipment));
  REQUIRE(replayed.apply_event(equipment_imported_type, 2, "ignored: not a customer event", equipment));
  REQUIRE(replayed.apply_event(customer_imported_type, 2, encode_customer_import(second), equipment));
  REQUIRE(replayed.size() == direct.size());
  for (const auto* id : {"c-T1", "c-F1", "c-D1", "c-new"}) {
    REQUIRE(replayed.find(id));
    CHECK(*replayed.find(id) == *direct.find(id));
  }
  CHECK(replayed.find("c-F1")->version == 2);
  for (const auto* at : {"S1", "T1", "F1", "F2", "D1", "T2"})
    CHECK(affected_ids(replayed, {at}) == affected_ids(direct, {at}));
  auto bad = replayed.apply_event(customer_imported_type, 3, "{", equipment);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == errc::internal);
}

TEST_CASE("an outage reaches the customers at and below its equipment, not another substation's",
          "[sla][customers][affected]") {
  auto equipment = grid();
  auto reg = registry_of(one_at_each({"S1", "T1", "F1", "F2", "D1", "S2", "F3"}), equipment);
  CHECK(affected_ids(reg, {"T1"}) == std::vector<std::string>{"c-D1", "c-F1", "c-F2", "c-T1"});
  CHECK(affected_ids(reg, {"S1"}) == std::vector<std::string>{"c-D1", "c-F1", "c-F2", "c-S1", "c-T1"});
  CHECK(affected_ids(reg, {"F1"}) == std::vector<std::string>{"c-D1", "c-F1"});
  CHECK(affected_ids(reg, {"D1"}) == std::vector<std::string>{"c-D1"});
  CHECK(affected_ids(reg, {"T2"}) == std::vector<std::string>{"c-F3"});
  CHECK(affected_ids(reg, {"F9"}).empty());
  CHECK(affected_ids(reg, {}).empty());
}

TEST_CASE("an outage naming both a feeder and a transformer below it lists each customer once",
          "[sla][customers][affected]") {
  auto equipment = grid();
  auto reg = registry_of(one_at_each({"F1", "D1", "F3"}), equipment);
  CHECK(affected_ids(reg, {"D1", "F1"}) == std::vector<std::string>{"c-D1", "c-F1"});
  CHECK(affected_ids(reg, {"F3", "D1", "S2", "D1"}) == std::vector<std::string>{"c-D1", "c-F3"});
}

TEST_CASE("after the tree changes, reindex moves a transformer's customers to its new feeder",
          "[sla][customers][affected]") {
  auto equipment = grid();
  auto reg = registry_of(one_at_each({"F1", "F2", "D1"}), equipment);
  import_equipment(equipment, R"({"equipment":[
    {"id":"D1","kind":"distribution_transformer","parent":"F2","area_class":"urban","region":"东城区","rating_kva":630}]})");
  CHECK(affected_ids(reg, {"F1"}) == std::vector<std::string>{"c-D1", "c-F1"});  // until reindexed
  reg.reindex(equipment);
  CHECK(affected_ids(reg, {"F2"}) == std::vector<std::string>{"c-D1", "c-F2"});
  CHECK(affected_ids(reg, {"F1"}) == std::vector<std::string>{"c-F1"});
  CHECK(affected_ids(reg, {"T1"}) == std::vector<std::string>{"c-D1", "c-F1", "c-F2"});
}

TEST_CASE("a customer imported at another connection point leaves its old path", "[sla][customers][affected]") {
  auto equipment = grid();
  auto reg = registry_of(one_at_each({"D1", "F2"}), equipment);
  reg.apply_import(std::vector<customer>{person("c-D1", "F3")}, equipment, 2);
  CHECK(affected_ids(reg, {"F1"}).empty());
  CHECK(affected_ids(reg, {"T1"}) == std::vector<std::string>{"c-F2"});
  CHECK(affected_ids(reg, {"S2"}) == std::vector<std::string>{"c-D1"});
  CHECK(reg.find("c-D1")->version == 2);
}

TEST_CASE("a connection point the equipment registry lacks lists its customers under it alone",
          "[sla][customers][affected]") {
  equipment_registry none;
  customer_registry reg;  // as a replay that reads customers before equipment builds it
  REQUIRE(reg.apply_event(customer_imported_type, 1, encode_customer_import(one_at_each({"D1"})), none));
  CHECK(affected_ids(reg, {"D1"}) == std::vector<std::string>{"c-D1"});
  CHECK(affected_ids(reg, {"F1"}).empty());
  reg.reindex(grid());
  CHECK(affected_ids(reg, {"S1"}) == std::vector<std::string>{"c-D1"});
}

TEST_CASE("select pages by id and filters by tier and exact connection point", "[sla][customers][select]") {
  auto equipment = grid();
  std::vector<customer> rows = {person("C-5", "D1"), person("C-1", "F1", customer_tier::large), person("C-3", "F1"),
                                person("C-2", "F1"), person("C-4", "F2", customer_tier::large)};
  auto reg = registry_of(rows, equipment);
  auto p = reg.select({.limit = 2});
  REQUIRE(p.items.size() == 2);
  CHECK(p.items[0].id == "C-1");
  CHECK(p.items[1].id == "C-2");
  CHECK_FALSE(p.end);
  CHECK(p.next_after == "C-2");
  p = reg.select({.after = "C-2", .limit = 2});
  REQUIRE(p.items.size() == 2);
  CHECK(p.items[0].id == "C-3");
  CHECK(p.items[1].id == "C-4");
  CHECK_FALSE(p.end);
  p = reg.select({.after = "C-4", .limit = 2});
  REQUIRE(p.items.size() == 1);
  CHECK(p.items[0].id == "C-5");
  CHECK(p.items[0].version == 1);
  CHECK(p.end);
  CHECK(p.next_after == "C-5");

  p = reg.select({.tier = customer_tier::large});
  REQUIRE(p.items.size() == 2);
  CHECK(p.items[0].id == "C-1");
  CHECK(p.items[1].id == "C-4");
  CHECK(p.end);

  p = reg.select({.connection_point = "F1", .limit = 2});  // D1's C-5 is below F1, not at it
  REQUIRE(p.items.size() == 2);
  CHECK(p.items[0].id == "C-1");
  CHECK(p.items[1].id == "C-2");
  CHECK_FALSE(p.end);
  p = reg.select({.connection_point = "F1", .after = p.next_after, .limit = 2});
  REQUIRE(p.items.size() == 1);
  CHECK(p.items[0].id == "C-3");
  CHECK(p.end);
  p = reg.select({.connection_point = "F9"});
  CHECK(p.items.empty());
  CHECK(p.end);
}
