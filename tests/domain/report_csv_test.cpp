#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "domain/json.hpp"
#include "domain/localize.hpp"
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
  CHECK(i.line == 1u);
  CHECK(i.field == "kw");
  CHECK(i.reason ==
        "is not a field of large_customer_demand (line 1, column 4); the fields are: customer (客户), feeder (馈线), "
        "area (区域), demand_kw (需求负荷（kW）), demand_kva (需求容量（kVA）), expected_month (预计月份), "
        "likelihood_pct (可能性（%）)");
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

TEST_CASE("every bad cell is reported with data row, file line, field, value and reason, at once",
          "[domain][report_csv]") {
  auto rows = from_csv(m1_header +
                       "A,F-1,,1.2.3,,2027-01,80\r\n"       // data row 1, line 2
                       "\"B\r\nLtd\",F-1,,5,,2027-01,80\r\n"  // data row 2, on lines 3 and 4
                       ",F-1,,5,,2027-13,150\r\n");          // data row 3, line 5
  REQUIRE_FALSE(rows);
  CHECK(rows.error().code == errc::validation_failed);
  CHECK(rows.error().message == "5 problem(s) in the large_customer_demand report; nothing was stored");
  const auto& d = rows.error().details;
  REQUIRE(d.size() == 5);
  CHECK(d[0] == issue{rule::not_a_number, 1, "demand_kw", "1.2.3", "must be a number", 2});
  // A name is one line (domain/text_rules.hpp): the cell over two lines is refused, on its first line.
  CHECK(d[1] == issue{rule::forbidden_character, 2, "customer", "B\r\nLtd", "must not hold U+000D: control characters (tab and line breaks too) and bidirectional overrides are refused", 3});
  CHECK(d[2] == issue{rule::required, 3, "customer", "", "is required", 5});
  CHECK(d[3] == issue{rule::not_a_month, 3, "expected_month", "2027-13",
                      "must be a month: 2027-03, 2027/3, 2027/3/1 or 2027年3月", 5});
  CHECK(d[4] == issue{rule::above_maximum, 3, "likelihood_pct", "150", "must be at most 100", 5});
}

TEST_CASE("an empty cell is an absent value, so a required one is reported missing", "[domain][report_csv]") {
  auto file = csv_to_json(m1(), m1_header + "A,,Harbour,,630,2027-01,\r\n");
  REQUIRE(file);
  CHECK(to_text(file->body) ==
        R"({"rows":[{"customer":"A","area":"Harbour","demand_kva":630,"expected_month":"2027-01"}]})");
  CHECK(file->lines == std::vector<std::size_t>{2});
  auto rows = parse_rows(m1(), october, file->body);
  REQUIRE_FALSE(rows);
  CHECK(rows.error().details == std::vector<issue>{{rule::required, 1, "likelihood_pct", "", "is required"}});
}

TEST_CASE("a missing required column is reported on every row", "[domain][report_csv]") {
  auto rows = from_csv("customer,feeder,demand_kw,expected_month\nA,F-1,5,2027-01\nB,F-1,6,2027-01\n");
  REQUIRE_FALSE(rows);
  CHECK(rows.error().details ==
        std::vector<issue>{{rule::required, 1, "likelihood_pct", "", "is required", 2},
                           {rule::required, 2, "likelihood_pct", "", "is required", 3}});
}

TEST_CASE("a CSV syntax error stops before validation", "[domain][report_csv]") {
  auto rows = from_csv(m1_header + "A,F-1,,5,,2027-01\r\n");
  REQUIRE_FALSE(rows);
  CHECK(rows.error().code == errc::invalid_request);
  CHECK(rows.error().details.at(0).reason == "line 2 has 6 field(s); the header (line 1) has 7");
  CHECK(rows.error().details.at(0).row == 1u);
  CHECK(rows.error().details.at(0).line == 2u);
}

TEST_CASE("an integer cell is read as a number, so validation checks it is whole", "[domain][report_csv]") {
  report_kind counts{.id = "counts", .fields = {{.name = "complaints", .type = field_type::integer, .required = true}}};
  auto rows = parse_csv_rows(counts, october, "complaints\n\"1,200\"\n12.5\n");
  REQUIRE_FALSE(rows);
  CHECK(rows.error().details ==
        std::vector<issue>{{rule::not_a_whole_number, 2, "complaints", "12.5", "must be a whole number", 3}});
  auto good = parse_csv_rows(counts, october, "complaints\n\"1,200\"\n");
  REQUIRE(good);
  CHECK((*good)[0][0] == cell{cell::kind::number, {}, 1200});
}

namespace {

const report_kind& kind_named(std::string_view id) { return *find_report_kind(id); }

std::optional<std::string> heading_field(std::string_view id, std::string_view heading) {
  const auto& k = kind_named(id);
  auto f = field_for_heading(k, heading);
  if (!f) return std::nullopt;
  return k.fields[*f].name;
}

}  // namespace

TEST_CASE("a heading names a field by its Chinese label, with or without the unit, full-width or not",
          "[domain][report_csv]") {
  const std::string m1_id = "large_customer_demand";
  CHECK(heading_field(m1_id, "客户") == "customer");
  CHECK(heading_field(m1_id, " 馈线 ") == "feeder");
  CHECK(heading_field(m1_id, "需求负荷（kW）") == "demand_kw");
  CHECK(heading_field(m1_id, "需求负荷(kW)") == "demand_kw");
  CHECK(heading_field(m1_id, "需求负荷 (KW)") == "demand_kw");
  CHECK(heading_field(m1_id, "需求负荷") == "demand_kw");
  CHECK(heading_field(m1_id, "需求容量") == "demand_kva");
  CHECK(heading_field(m1_id, "可能性（％）") == "likelihood_pct");
  CHECK(heading_field(m1_id, "可能性") == "likelihood_pct");
  CHECK(heading_field(m1_id, "预计月份") == "expected_month");
  CHECK(heading_field(m1_id, "客户 (customer)") == "customer");       // as the web console writes a heading
  CHECK(heading_field(m1_id, "预计月份（expected_month）") == "expected_month");
  CHECK(heading_field("load_statistics", "负载率(%)") == "load_rate_pct");
  CHECK(heading_field("equipment_load_standards", "同时率") == "demand_factor");
  for (std::string_view unknown : {"客户名称", "需求", "(kW)", "kW", "需求负荷(kVA)", "（）", ""})
    CHECK_FALSE(heading_field(m1_id, unknown));
}

TEST_CASE("a file with Chinese headings gives the rows of the file with field names", "[domain][report_csv]") {
  auto chinese = from_csv("\xEF\xBB\xBF客户,馈线,需求负荷（kW）,预计月份,可能性（%）\r\n"
                          "恒达钢铁,F-101,\"1,250.5\",2027年3月,80%\r\n");
  auto named = from_csv("customer,feeder,demand_kw,expected_month,likelihood_pct\r\n"
                        "恒达钢铁,F-101,1250.5,2027-03,80\r\n");
  REQUIRE(chinese);
  REQUIRE(named);
  CHECK(*chinese == *named);
}

TEST_CASE("a field named twice, by name and by label, is a duplicate column", "[domain][report_csv]") {
  auto rows = from_csv("customer,feeder,客户,demand_kw,expected_month,likelihood_pct\nA,F-1,B,5,2027-01,80\n");
  REQUIRE_FALSE(rows);
  REQUIRE(rows.error().details.size() == 1);
  const auto& i = rows.error().details[0];
  CHECK(i.rule == rule::duplicate_column);
  CHECK(i.field == "customer");
  CHECK(i.value == "客户");
  CHECK(i.line == 1u);
  CHECK(i.reason == "appears twice in the header (line 1, columns 1 and 3)");
}

TEST_CASE("Excel's months become YYYY-MM; a date on another day than the 1st says why it is refused",
          "[domain][report_csv]") {
  auto file = csv_to_json(m1(), "customer,feeder,demand_kw,expected_month,likelihood_pct\n"
                                "A,F-1,5,2027/3/1,80\n"
                                "B,F-1,5,2027年4月,80\n"
                                "C,F-1,5,２０２７／５,80\n");
  REQUIRE(file);
  const auto& rows = file->body.at("rows").as_array();
  CHECK(rows[0].at("expected_month") == "2027-03");
  CHECK(rows[1].at("expected_month") == "2027-04");
  CHECK(rows[2].at("expected_month") == "2027-05");
  auto dated = from_csv("customer,feeder,demand_kw,expected_month,likelihood_pct\n"
                        "A,F-1,5,2027/3/1,80\n"
                        "B,F-1,5,2027/3/15,80\n"
                        "C,F-1,5,next March,80\n");
  REQUIRE_FALSE(dated);
  CHECK(dated.error().details ==
        std::vector<issue>{{rule::not_a_month, 2, "expected_month", "2027/3/15",
                            "is a date, not a month: the day must be the 1st (2027/3/1) or be left out (2027/3)", 3},
                           {rule::not_a_month, 3, "expected_month", "next March",
                            "must be a month: 2027-03, 2027/3, 2027/3/1 or 2027年3月", 4}});
}

TEST_CASE("a percentage is the number of percent in a % field, the fraction in demand_factor, and elsewhere "
          "not a number",
          "[domain][report_csv]") {
  auto m3 = csv_to_json(kind_named("equipment_load_standards"),
                        "设备类别,重载阈值（%）,过载阈值（%）,持续时长（h）,规划限额（%）,同时率,生效月份\n"
                        "feeder,70%,１００％,1,70 %,85%,2026-10\n");
  REQUIRE(m3);
  CHECK(to_text(m3->body) == R"({"rows":[{"equipment_class":"feeder","heavy_load_pct":70,"overload_pct":100,)"
                             R"("duration_h":1,"planning_limit_pct":70,"demand_factor":0.85,"effective_from":"2026-10"}]})");
  auto m1_rows = from_csv("customer,feeder,demand_kw,expected_month,likelihood_pct\nA,F-1,50%,2027-03,８０％\n");
  REQUIRE_FALSE(m1_rows);
  CHECK(m1_rows.error().details ==
        std::vector<issue>{{rule::not_a_number, 1, "demand_kw", "50%", "must be a number", 2}});
  auto m8 = parse_csv_rows(kind_named("service_figures"), october,
                           "类别,投诉件数,应回访数,已回访数,满意率（%）\noutage,42,310,308,96.4%\nbilling,5%,1,1,90\n");
  REQUIRE_FALSE(m8);
  CHECK(m8.error().details ==
        std::vector<issue>{{rule::not_a_number, 2, "complaints", "5%", "must be a number", 3}});
}

TEST_CASE("a quoted cell over several lines moves the lines of the rows after it", "[domain][report_csv]") {
  auto rows = from_csv("customer,feeder,demand_kw,expected_month,likelihood_pct\r\n"
                       "\"Hengda\nSteel\nWorks\",F-1,5,2027-03,80\r\n"  // data row 1: lines 2 to 4
                       "B,F-1,-5,2027-03,80\r\n"                        // data row 2: line 5
                       "\"C\r\n\",F-1,5,2027-03,\"1\n01\"\r\n"           // data row 3: lines 6 to 8
                       "D,F-1,5,2027-03,101\r\n");                      // data row 4: line 9
  REQUIRE_FALSE(rows);
  const auto& d = rows.error().details;
  REQUIRE(d.size() == 5);  // the customers over several lines are refused too (a name is one line)
  CHECK((d[0].row == 1u && d[0].line == 2u && d[0].field == "customer"));
  CHECK((d[1].row == 2u && d[1].line == 5u));
  CHECK((d[2].row == 3u && d[2].line == 6u && d[2].field == "customer"));
  CHECK((d[3].row == 3u && d[3].line == 6u && d[3].field == "likelihood_pct"));
  CHECK((d[4].row == 4u && d[4].line == 9u));
}

TEST_CASE("in zh-CN a CSV month cell's reasons are Chinese, its row and line unchanged", "[domain][report_csv][localize]") {
  auto rows = from_csv("customer,feeder,demand_kw,expected_month,likelihood_pct\n"
                       "A,F-1,5,2027/3/15,80\n"
                       "B,F-1,5,next March,80\n");
  REQUIRE_FALSE(rows);
  auto zh = localize(rows.error(), language::zh_cn);
  REQUIRE(zh.details.size() == 2);
  CHECK(zh.details[0].reason == "是日期而不是月份：日须为 1 日（2027/3/1），或不写日（2027/3）");
  CHECK(zh.details[1].reason == "须为月份：2027-03、2027/3、2027/3/1 或 2027年3月");
  CHECK((zh.details[0].row == 1u && zh.details[0].line == 2u));
  CHECK((zh.details[1].row == 2u && zh.details[1].line == 3u));
}
