#include <catch2/catch.hpp>

#include <fstream>

#include <boost/json/parse.hpp>

#include "cmd/gridctl/app.hpp"
#include "tests/gridctl/support/gridctl_runner.hpp"
#include "tests/gridctl/support/parsed_command.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using gridctl::client::http_request;
using testing::parsed;
using testing::request_for;
using testing::usage_code;
namespace json = boost::json;

namespace {

const std::string m1_rows = R"({"rows":[{"customer":"蓝海冷链","area":"Harbour","demand_kva":630,"expected_month":"2026-12","likelihood_pct":55}]})";

}  // namespace

TEST_CASE("read commands map to GETs with encoded paths and only the queries given",
          "[gridctl][commands]") {
  CHECK(request_for({"health"}) == http_request{"GET", "/v1/health", "", {}});
  CHECK(request_for({"inbox", "planning"}) == http_request{"GET", "/v1/departments/planning/inbox", "", {}});
  CHECK(request_for({"inbox", "规划 部"}).target == "/v1/departments/%E8%A7%84%E5%88%92%20%E9%83%A8/inbox");
  CHECK(request_for({"report", "get", "marketing", "large_customer_demand", "2026-10"}).target ==
        "/v1/reports/marketing/large_customer_demand/2026-10");
  CHECK(request_for({"report", "get", "marketing", "large_customer_demand", "2026-10", "--version", "3"}).target ==
        "/v1/reports/marketing/large_customer_demand/2026-10?version=3");
  CHECK(request_for({"events"}).target == "/v1/events");
  CHECK(request_for({"events", "--after", "41", "--limit", "5"}).target == "/v1/events?after=41&limit=5");
  CHECK(request_for({"token", "list"}) == http_request{"GET", "/v1/tokens", "", {}});
}

TEST_CASE("report submit sends the file as written, with the idempotency key as a header",
          "[gridctl][commands]") {
  testing::temp_dir dir;
  auto file = dir.str() + "/rows.json";
  std::ofstream(file) << m1_rows;
  auto req = request_for({"report", "submit", "marketing", "large_customer_demand", "2026-11", "--file", file,
                          "--idempotency-key", "m1-2026-11"});
  CHECK(req.method == "PUT");
  CHECK(req.target == "/v1/reports/marketing/large_customer_demand/2026-11");
  CHECK(req.body == m1_rows);
  CHECK(req.headers == gridctl::client::header_list{{"Idempotency-Key", "m1-2026-11"}});

  auto from_stdin = request_for({"report", "submit", "marketing", "large_customer_demand", "2026-11", "--file", "-"},
                                m1_rows);
  CHECK(from_stdin.body == m1_rows);
  CHECK(from_stdin.headers.empty());
}

TEST_CASE("report submit --csv sends the file's bytes as text/csv", "[gridctl][commands][csv]") {
  // A BOM, CRLF line ends and Chinese text: sent byte for byte, nothing re-encoded.
  const std::string csv = "\xEF\xBB\xBF" "customer,area,demand_kva,expected_month,likelihood_pct\r\n"
                          "\"蓝海冷链, 临港\",Harbour,630,2026-12,55\r\n";
  testing::temp_dir dir;
  auto file = dir.str() + "/m1.csv";
  std::ofstream(file, std::ios::binary) << csv;
  auto req = request_for({"report", "submit", "marketing", "large_customer_demand", "2026-11", "--csv", file,
                          "--idempotency-key", "m1-csv"});
  CHECK(req.method == "PUT");
  CHECK(req.target == "/v1/reports/marketing/large_customer_demand/2026-11");
  CHECK(req.body == csv);
  CHECK(req.content_type == "text/csv");  // no charset: the server tells UTF-8 from GB18030
  CHECK(req.headers == gridctl::client::header_list{{"Idempotency-Key", "m1-csv"}});
  CHECK(request_for({"report", "submit", "marketing", "large_customer_demand", "2026-11", "--csv", "-"}, csv).body ==
        csv);
  CHECK(request_for({"report", "submit", "marketing", "large_customer_demand", "2026-11", "--file", "-"}, m1_rows)
            .content_type == "application/json");
}

TEST_CASE("report submit --csv --charset names the file's encoding; a charset the server does not read is refused",
          "[gridctl][commands][csv]") {
  const std::string gb18030 = "\xBF\xCD\xBB\xA7,\xC0\xA1\xCF\xDF\r\n";  // 客户,馈线
  testing::temp_dir dir;
  auto file = dir.str() + "/m1.csv";
  std::ofstream(file, std::ios::binary) << gb18030;
  auto req = request_for({"report", "submit", "marketing", "large_customer_demand", "2026-11", "--csv", file,
                          "--charset", "gb18030"});
  CHECK(req.body == gb18030);
  CHECK(req.content_type == "text/csv; charset=gb18030");
  CHECK(request_for({"equipment", "import", file, "--csv", "--charset", "GBK"}).content_type ==
        "text/csv; charset=GBK");
  parsed big5({"report", "submit", "marketing", "large_customer_demand", "2026-11", "--csv", file, "--charset", "big5"});
  REQUIRE(big5.code == -1);
  auto refused = big5.build();
  REQUIRE_FALSE(refused);
  CHECK(refused.error() == "--charset must be utf-8, gb18030, gbk or gb2312, not big5");
  parsed json_too({"report", "submit", "marketing", "large_customer_demand", "2026-11", "--file", file, "--charset",
                   "gbk"});
  REQUIRE(json_too.code == -1);
  auto not_csv = json_too.build();
  REQUIRE_FALSE(not_csv);
  CHECK(not_csv.error() == "--charset goes with --csv");
}

TEST_CASE("report submit without --file or --csv says to give one", "[gridctl][commands][csv]") {
  parsed neither({"report", "submit", "marketing", "large_customer_demand", "2026-10"});
  REQUIRE(neither.code == -1);
  auto req = neither.build();
  REQUIRE_FALSE(req);
  CHECK(req.error() == "give the rows with --file (JSON) or --csv (CSV)");
}

TEST_CASE("report kinds asks for every kind, or for the one named", "[gridctl][commands][report_kinds]") {
  CHECK(request_for({"report", "kinds"}) == http_request{"GET", "/v1/report-kinds", "", {}});
  CHECK(request_for({"report", "kinds", "load_statistics"}) ==
        http_request{"GET", "/v1/report-kinds/load_statistics", "", {}});
  CHECK(request_for({"report", "kinds", "a b"}).target == "/v1/report-kinds/a%20b");
  CHECK(usage_code({"report", "kinds", "load_statistics", "extra"}) == 2);
}

TEST_CASE("ack posts who acknowledges only when --by is given", "[gridctl][commands]") {
  auto plain = request_for({"ack", "planning", "101"});
  CHECK(plain == http_request{"POST", "/v1/departments/planning/inbox/101/ack", "", {}});
  auto by = request_for({"ack", "planning", "101", "--by", "王芳"});
  CHECK(json::parse(by.body) == json::parse(R"({"by":"王芳"})"));
}

TEST_CASE("token commands map to the token API", "[gridctl][commands][tokens]") {
  auto create = request_for({"token", "create", "--role", "liaison:marketing", "--description", "Zhang Min"});
  CHECK(create.method == "POST");
  CHECK(create.target == "/v1/tokens");
  CHECK(json::parse(create.body) == json::parse(R"({"role":"liaison:marketing","description":"Zhang Min"})"));
  CHECK(json::parse(request_for({"token", "create", "--role", "reader"}).body) == json::parse(R"({"role":"reader"})"));
  CHECK(request_for({"token", "revoke", "tk_0011223344556677"}) ==
        http_request{"DELETE", "/v1/tokens/tk_0011223344556677", "", {}});
}

TEST_CASE("token create --expires-at sends the expiry and refuses a value that is not a time",
          "[gridctl][commands][tokens]") {
  auto create = request_for({"token", "create", "--role", "reader", "--expires-at", "2027-01-31T18:00:00+08:00"});
  CHECK(json::parse(create.body) == json::parse(R"({"role":"reader","expires_at":"2027-01-31T18:00:00+08:00"})"));
  CHECK(usage_code({"token", "create", "--role", "reader", "--expires-at", "next week"}) == 2);
}

TEST_CASE("global options are accepted before and after the command", "[gridctl][commands]") {
  parsed after({"inbox", "planning", "--table", "--url", "http://x:1", "--timeout", "2.5"});
  REQUIRE(after.code == -1);
  CHECK(after.inv.table);
  CHECK(after.inv.conn.url == "http://x:1");
  CHECK(after.inv.timeout_s == 2.5);
  parsed before({"--token", "t", "--table", "events", "--all"});
  REQUIRE(before.code == -1);
  CHECK(before.inv.table);
  CHECK(before.inv.conn.token == "t");
  CHECK(before.inv.args.has("--all"));
}

TEST_CASE("bad command lines are usage errors (exit code 2) before anything is sent", "[gridctl][commands]") {
  CHECK(usage_code({}) == 2);
  CHECK(usage_code({"frobnicate"}) == 2);
  CHECK(usage_code({"report"}) == 2);
  CHECK(usage_code({"report", "get", "marketing", "large_customer_demand"}) == 2);
  CHECK(usage_code({"report", "get", "marketing", "large_customer_demand", "2026-13"}) == 2);
  CHECK(usage_code({"report", "get", "marketing", "large_customer_demand", "Oct-2026"}) == 2);
  CHECK(usage_code({"report", "get", "marketing", "large_customer_demand", "2026-10", "--version", "x"}) == 2);
  CHECK(usage_code({"report", "submit", "marketing", "large_customer_demand", "2026-10", "--file", "a.json", "--csv",
                    "a.csv"}) == 2);  // one or the other
  CHECK(usage_code({"ack", "planning", "-3"}) == 2);
  CHECK(usage_code({"events", "--limit", "ten"}) == 2);
  CHECK(usage_code({"token", "create"}) == 2);  // no --role
  CHECK(usage_code({"inbox", "planning", "--timeout", "0"}) == 2);
}

TEST_CASE("an unreadable or malformed report file is a usage error with the reason", "[gridctl][commands]") {
  testing::temp_dir dir;
  auto build = [](std::vector<std::string> args, std::string input = "") {
    parsed p(std::move(args), std::move(input));
    REQUIRE(p.code == -1);
    return p.build();
  };
  auto missing = build({"report", "submit", "marketing", "k", "2026-10", "--file", dir.str() + "/none.json"});
  REQUIRE_FALSE(missing);
  CHECK(missing.error().find("cannot read") != std::string::npos);
  auto not_json = build({"report", "submit", "marketing", "k", "2026-10", "--file", "-"}, "{rows: oops");
  REQUIRE_FALSE(not_json);
  CHECK(not_json.error().find("not JSON") != std::string::npos);
  auto no_rows = build({"report", "submit", "marketing", "k", "2026-10", "--file", "-"}, R"([{"customer":"A"}])");
  REQUIRE_FALSE(no_rows);
  CHECK(no_rows.error().find(R"({"rows":[…]})") != std::string::npos);
}

TEST_CASE("every command of the table has its own --help, and --help lists the exit codes",
          "[gridctl][commands]") {
  for (const auto& cmd : gridctl::commands()) {
    auto args = cmd.words;
    args.push_back("--help");
    parsed p(args);
    CHECK(p.code == 0);
    CHECK(p.out.str().find(cmd.summary) != std::string::npos);
  }
  parsed top({"--help"});
  CHECK(top.code == 0);
  CHECK(top.out.str().find("Exit codes:") != std::string::npos);
  CHECK(top.out.str().find("https") != std::string::npos);
  CHECK(top.out.str().find("GRIDCOORD_TOKEN") != std::string::npos);
  CHECK(gridctl::find_command("report submit") != nullptr);
  CHECK(gridctl::find_command("report") == nullptr);
}

TEST_CASE("batch sends the operations file as written to POST /v1/batch, with its key", "[gridctl][batch]") {
  const std::string ops = R"({"operations":[{"method":"DELETE","path":"/v1/tokens/tk_1"}]})";
  auto req = request_for({"batch", "--file", "-", "--idempotency-key", "nightly"}, ops);
  CHECK(req.method == "POST");
  CHECK(req.target == "/v1/batch");
  CHECK(req.body == ops);
  CHECK(req.headers == gridctl::client::header_list{{"Idempotency-Key", "nightly"}});
  parsed wrong({"batch", "--file", "-"}, R"({"rows":[]})");
  REQUIRE(wrong.code == -1);
  auto refused = wrong.build();
  REQUIRE_FALSE(refused);
  CHECK(refused.error() == R"(standard input: the file must hold {"operations":[…]})");
}

TEST_CASE("report diff asks for the two versions given, or the server's defaults", "[gridctl][versions]") {
  auto req = request_for({"report", "diff", "marketing", "large_customer_demand", "2026-11", "--from", "1", "--to", "3"});
  CHECK(req.method == "GET");
  CHECK(req.target == "/v1/reports/marketing/large_customer_demand/2026-11/diff?from=1&to=3");
  CHECK(request_for({"report", "diff", "marketing", "large_customer_demand", "2026-11"}).target ==
        "/v1/reports/marketing/large_customer_demand/2026-11/diff");
  CHECK(usage_code({"report", "diff", "marketing", "large_customer_demand", "2026-11", "--from", "x"}) == 2);
}

TEST_CASE("capacity and precheck ask the capacity routes; a KVA that is not a number is refused",
          "[gridctl][capacity]") {
  auto c = request_for({"capacity", "F-101", "--month", "2027-03"});
  CHECK(c.method == "GET");
  CHECK(c.target == "/v1/capacity/F-101?month=2027-03");
  auto p = request_for({"precheck", "F-101", "2000", "--month", "2027-03"});
  CHECK(p.method == "POST");
  CHECK(p.target == "/v1/prechecks");
  CHECK(p.body == R"({"point":"F-101","load_kva":2000,"month":"2027-03"})");
  auto refuse = request_for({"application", "refuse", "NC-1", "--reason", "full", "--lack-of-capacity"});
  CHECK(refuse.target == "/v1/applications/NC-1/refuse");
  CHECK(refuse.body == R"({"reason":"full","lack_of_capacity":true})");
  parsed bad({"precheck", "F-101", "lots", "--month", "2027-03"});
  REQUIRE(bad.code == -1);
  auto refused = bad.build();
  REQUIRE_FALSE(refused);
  CHECK(refused.error() == R"(KVA must be a number above 0, not "lots")");
}

TEST_CASE("publication get asks for the format and the page's language given", "[gridctl][publication]") {
  CHECK(request_for({"publication", "get"}).target == "/v1/publications/latest");
  CHECK(request_for({"publication", "get", "3", "--format", "html", "--lang", "en"}).target ==
        "/v1/publications/3?format=html&lang=en");
  CHECK(request_for({"publication", "get", "--format", "html", "--lang", "zh-CN"}).target ==
        "/v1/publications/latest?format=html&lang=zh-CN");
}
