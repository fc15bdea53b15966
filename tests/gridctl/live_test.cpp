// gridctl's command layer, in-process, against the real actor runtime (in
// memory) behind the real HTTP server on an ephemeral port.
#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <future>

#include <fmt/format.h>

#include "actors/runtime.hpp"
#include "cmd/gridctl/execute.hpp"
#include "cmd/gridctl/text_width.hpp"
#include "gateways/http_server.hpp"
#include "tests/gridctl/support/gridctl_runner.hpp"
#include "tests/system/live_server.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using testing::gridctl_runner;
using testing::lines_of;
namespace json = boost::json;

namespace {

const std::string m1_rows = R"({"rows":[
  {"customer":"Hengda Steel","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80},
  {"customer":"蓝海冷链","area":"Harbour","demand_kva":630,"expected_month":"2026-12","likelihood_pct":55}]})";

const std::string bad_rows = R"({"rows":[
  {"customer":"A","feeder":"F-1","demand_kw":-5,"expected_month":"2027-01","likelihood_pct":50},
  {"customer":"B","feeder":"F-1","demand_kw":5,"expected_month":"2025-01","likelihood_pct":50}]})";

// A live server and a gridctl that talks to it as `token` (admin by default).
struct fixture {
  testing::live_server server;
  gridctl_runner admin{env_for(server.admin)};

  std::map<std::string, std::string> env_for(const std::string& token) {
    return {{"GRIDCOORD_URL", "http://127.0.0.1:" + std::to_string(server.server->port())},
            {"GRIDCOORD_TOKEN", token}};
  }
  gridctl_runner as(const std::string& role) { return gridctl_runner{env_for(server.issue(role))}; }

  // Submits m1_rows for `month` as marketing; answers the receipt.
  json::value submit(const std::string& month = "2026-10") {
    auto marketing = as("liaison:marketing");
    marketing.input = m1_rows;
    auto r = marketing({"report", "submit", "marketing", "large_customer_demand", month, "--file", "-"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    return r.json();
  }
};

}  // namespace

TEST_CASE("gridctl health answers the server's JSON and exit code 0", "[gridctl][live]") {
  fixture f;
  auto r = f.admin({"health"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.json().at("status") == "ok");
}

TEST_CASE("gridctl submits a report, reads it back, and planning acknowledges it from its inbox",
          "[gridctl][live]") {
  fixture f;
  auto receipt = f.submit();
  CHECK(receipt.at("version") == 1);
  CHECK(receipt.at("recipients") == json::parse(R"(["planning","dispatch"])"));
  auto item = std::to_string(receipt.at("seq").as_int64());

  auto report = f.admin({"report", "get", "marketing", "large_customer_demand", "2026-10"});
  REQUIRE(report.code == 0);
  CHECK(report.out.find("1250.5") != std::string::npos);  // as people write it
  CHECK(report.json().at("rows").as_array().size() == 2);
  CHECK(f.admin({"report", "get", "marketing", "large_customer_demand", "2026-10", "--version", "1"}).code == 0);

  auto planning = f.as("liaison:planning");
  auto inbox = planning({"inbox", "planning"});
  REQUIRE(inbox.code == 0);
  auto items = inbox.json().at("items").as_array();
  REQUIRE(items.size() == 1);
  CHECK(items[0].at("acknowledged").is_null());

  auto ack = planning({"ack", "planning", item, "--by", "li.wei"});
  REQUIRE(ack.code == 0);
  CHECK(ack.json().at("acknowledged").at("by").as_string().starts_with("li.wei"));
  auto after = planning({"inbox", "planning"});
  CHECK_FALSE(after.json().at("items").at(0).at("acknowledged").is_null());
}

TEST_CASE("gridctl --table shows inbox items and report rows in aligned columns", "[gridctl][live][table]") {
  fixture f;
  f.submit();
  auto report = f.admin({"--table", "report", "get", "marketing", "large_customer_demand", "2026-10"});
  REQUIRE(report.code == 0);
  auto lines = lines_of(report.out);
  auto header = std::find_if(lines.begin(), lines.end(), [](auto& l) { return l.starts_with("customer"); });
  REQUIRE(header != lines.end());
  REQUIRE(std::distance(header, lines.end()) >= 3);
  // Columns line up on screen: "feeder" starts at the same display column in every row.
  auto col = [](const std::string& l, std::string_view word) {
    return gridctl::display_width(std::string_view(l).substr(0, l.find(word)));
  };
  REQUIRE(header[2].starts_with("蓝海冷链"));
  CHECK(col(*header, "feeder") == col(header[1], "F-101"));
  CHECK(col(*header, "expected_month") == col(header[1], "2027-03"));
  CHECK(col(*header, "expected_month") == col(header[2], "2026-12"));  // after a Chinese name
  CHECK(col(*header, "area") == col(header[2], "Harbour"));

  auto inbox = f.admin({"inbox", "dispatch", "--table"});
  REQUIRE(inbox.code == 0);
  INFO(inbox.out);
  CHECK(inbox.out.starts_with("department  dispatch\n"));
  CHECK(inbox.out.find("\nitems (1)\nitem  from       kind") != std::string::npos);
  CHECK(inbox.out.find(" (+08:00)  ") != std::string::npos);  // received_at in the server's zone (GET /v1/me)
  CHECK(inbox.out.find("Z  ") == std::string::npos);           // no UTC time left
  CHECK(inbox.err.empty());
}

TEST_CASE("gridctl events --all follows next_after to the end, with progress on stderr", "[gridctl][live][events]") {
  fixture f;
  for (int m = 1; m <= 12; ++m) f.submit(fmt::format("2026-{:02}", m));
  auto whole = f.admin({"events", "--limit", "1000"});
  REQUIRE(whole.code == 0);
  auto expected = whole.json().at("events").as_array();
  REQUIRE(expected.size() >= 12);

  auto paged = f.admin({"events", "--all", "--limit", "1"});
  REQUIRE(paged.code == 0);
  CHECK(paged.json().at("events").as_array() == expected);
  CHECK(paged.json().at("next_after") == expected.back().at("seq"));
  // One progress line per 10 pages.
  CHECK(lines_of(paged.err).size() == expected.size() / gridctl::progress_every_pages);
  CHECK(paged.err.starts_with("gridctl: 10 events so far"));

  auto tail = f.admin({"events", "--all", "--after", "3", "--limit", "5"});
  REQUIRE(tail.code == 0);
  CHECK(tail.json().at("events").as_array().size() == expected.size() - 3);
  CHECK(tail.err.empty());

  auto none = f.admin({"events", "--all", "--after", std::to_string(expected.size())});
  REQUIRE(none.code == 0);
  CHECK(none.json() == json::parse(fmt::format(R"({{"events":[],"next_after":{}}})", expected.size())));

  auto table = f.admin({"events", "--all", "--limit", "4", "--table"});
  REQUIRE(table.code == 0);
  CHECK(table.out.find(fmt::format("events ({})", expected.size())) != std::string::npos);
}

TEST_CASE("a refused report exits 4 and prints the message and every detail line", "[gridctl][live][errors]") {
  fixture f;
  f.admin.input = bad_rows;
  auto r = f.admin({"report", "submit", "marketing", "large_customer_demand", "2026-10", "--file", "-"});
  CHECK(r.code == 4);
  CHECK(r.out.empty());
  auto lines = lines_of(r.err);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].starts_with("gridctl: validation_failed (422): 2 problem(s)"));
  CHECK(lines[1] == R"(  row 1, demand_kw = "-5": must be greater than 0)");
  CHECK(lines[2] == R"(  row 2, expected_month = "2025-01": is before the report month 2026-10)");
}

TEST_CASE("a GB18030 file from Chinese Excel uploads with --csv; a bad one shows each issue's row and line",
          "[gridctl][live][csv]") {
  fixture f;
  testing::temp_dir dir;
  // 客户,馈线,需求负荷（kW）,预计月份,可能性（%） / 恒达钢铁,F-101,"1,250.5",2027/3/1,80% in GB18030
  const std::string good = "\xBF\xCD\xBB\xA7,\xC0\xA1\xCF\xDF,\xD0\xE8\xC7\xF3\xB8\xBA\xBA\xC9\xA3\xA8kW\xA3\xA9,"
                           "\xD4\xA4\xBC\xC6\xD4\xC2\xB7\xDD,\xBF\xC9\xC4\xDC\xD0\xD4\xA3\xA8%\xA3\xA9\r\n"
                           "\xBA\xE3\xB4\xEF\xB8\xD6\xCC\xFA,F-101,\"1,250.5\",2027/3/1,80%\r\n";
  std::ofstream(dir.str() + "/good.csv", std::ios::binary) << good;
  auto ok = f.admin({"report", "submit", "marketing", "large_customer_demand", "2026-10", "--csv",
                     dir.str() + "/good.csv", "--table"});
  INFO(ok.err);
  REQUIRE(ok.code == 0);
  auto out_lines = lines_of(ok.out);
  auto encoding_line = std::find_if(out_lines.begin(), out_lines.end(),
                                    [](const std::string& l) { return l.starts_with("encoding "); });
  REQUIRE(encoding_line != out_lines.end());
  CHECK(encoding_line->ends_with(" GB18030"));
  auto stored = f.admin({"report", "get", "marketing", "large_customer_demand", "2026-10"});
  REQUIRE(stored.code == 0);
  CHECK(stored.json().at("rows") == json::parse(R"([{"customer":"恒达钢铁","feeder":"F-101","demand_kw":1250.5,)"
                                                R"("expected_month":"2027-03","likelihood_pct":80}])"));

  // A second row with a date on the 20th and -5 kW; a first one whose customer spans two lines.
  std::ofstream(dir.str() + "/bad.csv", std::ios::binary)
      << good << "\"A\nB\",F-101,-5,2027/5/20,50%\r\n";
  auto bad = f.admin({"report", "submit", "marketing", "large_customer_demand", "2026-10", "--csv",
                      dir.str() + "/bad.csv", "--table"});
  CHECK(bad.code == 4);
  auto lines = lines_of(bad.err);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1] == R"(  row 2 (line 3), demand_kw = "-5": must be greater than 0)");
  CHECK(lines[2] == R"(  row 2 (line 3), expected_month = "2027/5/20": is a date, not a month: the day must be )"
                    R"(the 1st (2027/3/1) or be left out (2027/3))");
}

TEST_CASE("not found exits 5, a reused idempotency key exits 6", "[gridctl][live][errors]") {
  fixture f;
  auto missing = f.admin({"report", "get", "marketing", "large_customer_demand", "2030-01"});
  CHECK(missing.code == 5);
  CHECK(missing.err.starts_with("gridctl: not_found (404): "));
  CHECK(f.admin({"inbox", "nowhere"}).code == 5);
  CHECK(f.admin({"ack", "planning", "999"}).code == 5);

  f.admin.input = m1_rows;
  CHECK(f.admin({"report", "submit", "marketing", "large_customer_demand", "2026-10", "--file", "-",
                 "--idempotency-key", "k-1"}).code == 0);
  auto replay = f.admin({"report", "submit", "marketing", "large_customer_demand", "2026-10", "--file", "-",
                         "--idempotency-key", "k-1"});
  CHECK(replay.code == 0);
  CHECK(replay.json().at("replayed") == true);
  f.admin.input = R"({"rows":[{"customer":"X","feeder":"F-1","demand_kw":1,"expected_month":"2027-01","likelihood_pct":1}]})";
  auto conflict = f.admin({"report", "submit", "marketing", "large_customer_demand", "2026-10", "--file", "-",
                           "--idempotency-key", "k-1"});
  CHECK(conflict.code == 6);
  CHECK(conflict.err.starts_with("gridctl: conflict (409): "));
}

TEST_CASE("a missing, bad or insufficient token exits 3", "[gridctl][live][auth]") {
  fixture f;
  gridctl_runner anonymous{{{"GRIDCOORD_URL", "http://127.0.0.1:" + std::to_string(f.server.server->port())}}};
  auto none = anonymous({"inbox", "planning"});
  CHECK(none.code == 3);
  CHECK(none.err.find("unauthorized (401)") != std::string::npos);
  CHECK(none.err.find("no token is configured") != std::string::npos);
  CHECK(anonymous({"--token", "gct_nonsense", "inbox", "planning"}).code == 3);
  CHECK(anonymous({"health"}).code == 0);  // public

  auto marketing = f.as("liaison:marketing");
  auto forbidden = marketing({"inbox", "planning"});
  CHECK(forbidden.code == 3);
  CHECK(forbidden.err.find("(403)") != std::string::npos);
  CHECK(marketing({"token", "list"}).code == 3);
}

TEST_CASE("an administrator creates, lists and revokes tokens with gridctl", "[gridctl][live][tokens]") {
  fixture f;
  auto created = f.admin({"token", "create", "--role", "liaison:planning", "--description", "李伟"});
  REQUIRE(created.code == 0);
  auto record = created.json();
  auto id = std::string(record.at("id").as_string());
  auto secret = std::string(record.at("token").as_string());
  CHECK(id.starts_with("tk_"));
  CHECK(secret.starts_with("gct_"));
  CHECK(record.at("role") == "liaison:planning");

  gridctl_runner holder{f.env_for(secret)};
  CHECK(holder({"inbox", "planning"}).code == 0);

  auto list = f.admin({"token", "list"});
  REQUIRE(list.code == 0);
  CHECK(list.out.find(id) != std::string::npos);
  CHECK(list.out.find(secret) == std::string::npos);  // the secret is never shown again
  auto table = f.admin({"token", "list", "--table"});
  CHECK(table.out.find("李伟") != std::string::npos);

  auto revoked = f.admin({"token", "revoke", id});
  REQUIRE(revoked.code == 0);
  CHECK_FALSE(revoked.json().at("revoked_at").is_null());
  CHECK(holder({"inbox", "planning"}).code == 3);
  CHECK(f.admin({"token", "revoke", "tk_0000000000000000"}).code == 5);

  auto bad_role = f.admin({"token", "create", "--role", "emperor"});
  CHECK(bad_role.code == 4);
  CHECK(bad_role.err.find("role") != std::string::npos);
}

TEST_CASE("a server that is not there exits 7", "[gridctl][live][connection]") {
  std::uint16_t port = 0;
  {
    testing::live_server gone;
    port = gone.server->port();
    gone.server->stop();
  }
  gridctl_runner r{{{"GRIDCOORD_URL", "http://127.0.0.1:" + std::to_string(port)}}};
  auto result = r({"health"});
  CHECK(result.code == 7);
  CHECK(result.err.starts_with("gridctl: cannot connect to http://127.0.0.1:" + std::to_string(port)));
  CHECK(r({"--url", "http://127.0.0.1:1", "inbox", "planning"}).code == 7);
}

TEST_CASE("a rate-limited request is retried after Retry-After, then exits 7", "[gridctl][live][connection]") {
  actors::runtime_options o;
  o.scheduler_threads = 1;
  o.snapshot_check_interval = std::chrono::milliseconds{0};
  auto rt = std::move(*actors::runtime::start(o));
  config::server_settings s;
  s.port = 0;
  s.rate_limit_per_second = 1;
  s.rate_limit_burst = 1;
  gateways::http_server server(s, rt->api());
  REQUIRE(server.start());
  std::promise<domain::expected<domain::issued_token>> issued;
  rt->api().create_token({"admin", "", "test", "", {}}, [&](auto t) { issued.set_value(std::move(t)); });
  auto token = issued.get_future().get()->token;

  gridctl_runner r{{{"GRIDCOORD_URL", "http://127.0.0.1:" + std::to_string(server.port())},
                    {"GRIDCOORD_TOKEN", token}}};
  CHECK(r({"inbox", "planning"}).code == 0);  // the burst
  auto limited = r({"inbox", "planning"});    // the waits are recorded, not slept: the bucket stays empty
  CHECK(limited.code == 7);
  CHECK(r.waits.size() == gridctl::max_rate_retries);
  for (auto w : r.waits) CHECK(w == std::chrono::seconds(1));
  CHECK(limited.err.find("rate limited by the server; retrying in 1 s") != std::string::npos);
  CHECK(limited.err.find("(429)") != std::string::npos);
}

TEST_CASE("a server that accepts but does not answer within --timeout exits 7", "[gridctl][live][connection]") {
  // A listening socket that never accepts: the kernel completes the connection, nobody answers.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) == 0);
  REQUIRE(::listen(fd, 4) == 0);
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  auto url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  gridctl_runner r;
  auto result = r({"--url", url, "--timeout", "0.2", "health"});
  ::close(fd);
  CHECK(result.code == 7);
  CHECK(result.err == "gridctl: no answer from " + url + " within 0.2 s\n");
}

TEST_CASE("gridctl audit filters the trail and --all pages on to its end", "[gridctl][live][audit]") {
  fixture f;
  for (int m = 1; m <= 3; ++m) f.submit(fmt::format("2026-{:02}", m));
  auto reports = f.admin({"audit", "--entity", "report/marketing/"});
  REQUIRE(reports.code == 0);
  auto events = reports.json().at("events").as_array();
  REQUIRE(events.size() == 3);
  for (const auto& e : events) CHECK(e.at("origin").at("role") == "liaison:marketing");

  // One match a page: --all must follow next_after until the server says end,
  // not stop at the first page that is short of matches.
  auto paged = f.admin({"audit", "--all", "--limit", "1", "--entity", "report/marketing/"});
  REQUIRE(paged.code == 0);
  CHECK(paged.json().at("events").as_array() == events);

  auto bad = f.admin({"audit", "--from", "yesterday"});
  CHECK(bad.code == 4);
}
