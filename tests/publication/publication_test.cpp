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
  constrained_point b;
  b.point = "DT-7";
  b.kind = equipment_kind::distribution_transformer;
  b.region = "North";
  b.area = area_class::rural;
  b.available_kva = 0;
  b.binding = "DT-7";
  b.status = light::red;
  b.reason = "available capacity 0 kVA is at or below the minimum 50 kVA";
  p.entries = {a, b};
  p.sources = {{"load_statistics", 2026y / October, 2}, {"planning_projects", 2026y / September, 1}};
  return p;
}

}  // namespace

TEST_CASE("the restricted list's CSV is RFC 4180 with a BOM and CRLF, byte for byte", "[publication]") {
  CHECK(render_csv(two_entries()) ==
        "\xEF\xBB\xBF"
        "region,point,kind,area_class,available_kva,binding,reason,expected_relief_month,as_of\r\n"
        "蓝海新区,F-101,feeder,urban,-120.5,MT-1,\"MT-1 is overloaded (112.5 %), \"\"heavy\"\" since 2026-08\","
        "2027-03,2026-10\r\n"
        "North,DT-7,distribution_transformer,rural,0,DT-7,available capacity 0 kVA is at or below the minimum "
        "50 kVA,,2026-10\r\n");
}

TEST_CASE("a reason with a line break is one quoted CSV field", "[publication]") {
  auto p = two_entries();
  p.entries.resize(1);
  p.entries[0].reason = "line one\r\nline two";
  p.as_of.reset();
  CHECK(render_csv(p) ==
        "\xEF\xBB\xBF"
        "region,point,kind,area_class,available_kva,binding,reason,expected_relief_month,as_of\r\n"
        "蓝海新区,F-101,feeder,urban,-120.5,MT-1,\"line one\r\nline two\",2027-03,\r\n");
}

TEST_CASE("an empty restricted list's CSV is the header alone", "[publication]") {
  auto p = two_entries();
  p.entries.clear();
  CHECK(render_csv(p) ==
        "\xEF\xBB\xBFregion,point,kind,area_class,available_kva,binding,reason,expected_relief_month,as_of\r\n");
}

TEST_CASE("the HTML page escapes a hostile reason and region", "[publication]") {
  auto p = two_entries();
  p.entries[0].reason = "<script>alert('x')</script> & \"more\"";
  p.entries[0].region = "<b>蓝海</b>";
  auto page = render_html(p);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</td>") !=
        std::string::npos);
  CHECK(page.find("<td>&lt;b&gt;蓝海&lt;/b&gt;</td>") != std::string::npos);
  CHECK(page.find("<b>") == std::string::npos);
}

TEST_CASE("the HTML page is a self-contained English document with every entry and the sources",
          "[publication]") {
  auto page = render_html(two_entries());
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
  CHECK(page.find("<title>Areas where new connections are restricted — 2026-12</title>") != std::string::npos);
  CHECK(page.find("<h1>Areas where new connections are restricted</h1>") != std::string::npos);
  CHECK(page.find("For new connections in <strong>2026-12</strong>. Load data as of 2026-10.") !=
        std::string::npos);
  CHECK(page.find("Publication no. 7, issued <time datetime=\"2026-12-03T01:00:00.000000Z\">2026-12-03 01:00 "
                  "UTC</time>") != std::string::npos);
  CHECK(page.find("<tr><td>蓝海新区</td><td>F-101</td><td>feeder</td><td class=\"num\">-120.5</td><td>MT-1</td>"
                  "<td>MT-1 is overloaded (112.5 %), &quot;heavy&quot; since 2026-08</td><td>2027-03</td></tr>") !=
        std::string::npos);
  CHECK(page.find("<tr><td>North</td><td>DT-7</td><td>distribution transformer</td><td class=\"num\">0</td>"
                  "<td>DT-7</td><td>available capacity 0 kVA is at or below the minimum 50 kVA</td>"
                  "<td>not within the planning horizon</td></tr>") != std::string::npos);
  CHECK(page.find("<li>load_statistics 2026-10, version 2</li>\n<li>planning_projects 2026-09, version 1</li>") !=
        std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("src=") == std::string::npos);
  CHECK(page.find("href=") == std::string::npos);
  CHECK(page.find("@media print") != std::string::npos);
  CHECK(page.find("No area is restricted") == std::string::npos);
  CHECK(page.ends_with("</tbody>\n</table>\n<h2>Sources</h2>\n<ul>\n<li>load_statistics 2026-10, version 2</li>\n"
                       "<li>planning_projects 2026-09, version 1</li>\n</ul>\n</body>\n</html>\n"));
}

TEST_CASE("an empty restricted list's page says so instead of a table", "[publication]") {
  auto p = two_entries();
  p.entries.clear();
  p.sources.clear();
  p.as_of.reset();
  auto page = render_html(p);
  CHECK(page.find("<p class=\"empty\">No area is restricted for new connections in 2026-12.</p>") !=
        std::string::npos);
  CHECK(page.find("<table>") == std::string::npos);
  CHECK(page.find("Load data as of no load report yet.") != std::string::npos);
  CHECK(page.find("<p>No report was used.</p>") != std::string::npos);
}

TEST_CASE("the publication payload is exact JSON and reads back to the same publication", "[publication]") {
  auto p = two_entries();
  auto text = encode_publication(p);
  CHECK(text ==
        "{\"number\":7,\"period\":\"2026-11\",\"restricted_month\":\"2026-12\","
        "\"issued_at\":\"2026-12-03T01:00:00.000000Z\",\"issued_by\":\"schedule\",\"as_of\":\"2026-10\","
        "\"entries\":[{\"region\":\"蓝海新区\",\"point\":\"F-101\",\"kind\":\"feeder\",\"area_class\":\"urban\","
        "\"available_kva\":-120.5,\"binding\":\"MT-1\",\"reason\":\"MT-1 is overloaded (112.5 %), \\\"heavy\\\" "
        "since 2026-08\",\"expected_relief_month\":\"2027-03\"},{\"region\":\"North\",\"point\":\"DT-7\","
        "\"kind\":\"distribution_transformer\",\"area_class\":\"rural\",\"available_kva\":0,\"binding\":\"DT-7\","
        "\"reason\":\"available capacity 0 kVA is at or below the minimum 50 kVA\",\"expected_relief_month\":null}],"
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
  auto back = decode_publication(text);
  REQUIRE(back);
  CHECK(*back == p);
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

  CHECK_FALSE(decode_publication("[1,2]"));
}
