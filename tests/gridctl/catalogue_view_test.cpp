// `gridctl report kinds --table`: the catalogue reshaped for people.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "cmd/gridctl/catalogue_view.hpp"
#include "cmd/gridctl/render_table.hpp"

using namespace gridcoord::gridctl;
namespace json = boost::json;

namespace {

// A kind as GET /v1/report-kinds/{kind} answers it (gateways/codecs.cpp), cut short.
const char* const m4 = R"json({"id":"load_statistics","flow":"M4","title":"Monthly statistics","sender":"dispatch",
  "recipients":["planning","production"],"key":["equipment_id"],
  "fields":[
    {"name":"equipment_id","label":"设备编号","type":"text","required":true,"min":null,"max":null,"positive":false,"allowed":[],
     "description":"the equipment measured"},
    {"name":"equipment_class","label":"设备类别","type":"choice","required":false,"min":null,"max":null,"positive":false,
     "allowed":["feeder","substation"],"description":"its class"},
    {"name":"load_rate_pct","label":"负载率（%）","type":"number","required":true,"min":0,"max":1000,"positive":false,"allowed":[],
     "description":"peak load as % of rating"},
    {"name":"duration_h","label":"持续时长（h）","type":"number","required":true,"min":null,"max":744,"positive":true,"allowed":[],
     "description":"hours"},
    {"name":"hours_h","label":"重载时长（h）","type":"number","required":true,"min":0,"max":null,"positive":false,"allowed":[],
     "description":"hours above"}],
  "rules":[
    {"fields":["hours_h"],"description":"hours_h is at most the hours in the report month (24 × its days)"},
    {"fields":["equipment_id"],"description":"no two rows have the same equipment_id"}]})json";

}  // namespace

TEST_CASE("report kinds --table shows a kind a line", "[gridctl][render][report_kinds]") {
  auto answer = json::parse(std::string(R"({"kinds":[)") + m4 + "]}");
  CHECK(render_for_people(report_kinds_for_people(answer)) ==
        "flow  id               sender    recipients            fields  title\n"
        "M4    load_statistics  dispatch  planning, production       5  Monthly statistics\n");
}

TEST_CASE("report kinds KIND --table shows every rule whole, then the fields with their labels and bounds",
          "[gridctl][render][report_kinds]") {
  CHECK(render_for_people(report_kinds_for_people(json::parse(m4))) ==
        "id                      load_statistics\n"
        "flow                    M4\n"
        "title                   Monthly statistics\n"
        "sender                  dispatch\n"
        "recipients              planning, production\n"
        "key                     equipment_id\n"
        "rule 1                  hours_h is at most the hours in the report month (24 × its days)\n"
        "rule 2                  no two rows have the same equipment_id\n"
        "equipment_class values  feeder, substation\n"
        "\n"
        "fields (5)\n"
        "name             label          type    required  bounds      description\n"
        "equipment_id     设备编号       text    yes                   the equipment measured\n"
        "equipment_class  设备类别       choice                        its class\n"
        "load_rate_pct    负载率（%）    number  yes       0 to 1000   peak load as % of rating\n"
        "duration_h       持续时长（h）  number  yes       > 0, ≤ 744  hours\n"
        "hours_h          重载时长（h）  number  yes       ≥ 0         hours above\n");
}

TEST_CASE("report kinds --table leaves other answers as they are", "[gridctl][render][report_kinds]") {
  auto error = json::parse(R"({"error":{"code":"not_found"}})");
  CHECK(report_kinds_for_people(error) == error);
  CHECK(report_kinds_for_people(json::parse("[1]")) == json::parse("[1]"));
}

TEST_CASE("report kinds KIND --table shows a text field's length limit", "[gridctl][render][report_kinds][limits]") {
  auto kind = json::parse(R"json({"id":"k","flow":"M9","title":"t","sender":"dispatch","recipients":[],"key":[],
    "fields":[{"name":"customer","label":"客户","type":"text","required":true,"min":null,"max":null,"positive":false,
               "allowed":[],"description":"who","max_chars":200,"multi_line":false}],"rules":[]})json");
  auto text = render_for_people(report_kinds_for_people(kind));
  CHECK(text.find("customer  客户   text  yes       ≤ 200 characters  who\n") != std::string::npos);
}
