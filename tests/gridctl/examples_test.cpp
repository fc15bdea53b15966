// The administrators' scripts of docs/examples/, run by bash with gridctl and
// jq on PATH against the real gridcoord binary (started on an ephemeral port).
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "tests/gridctl/support/gridctl_runner.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/system/server_process.hpp"

using namespace gridcoord;
using testing::lines_of;
namespace json = boost::json;

namespace {

const std::string examples = GRIDCOORD_SOURCE_DIR "/docs/examples/";

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct script_result {
  int code = -1;
  std::string out;
  std::string err;
};

// A real server in a fresh data directory, and a shell whose PATH has gridctl
// and whose environment points gridctl at the server with the bootstrap token.
struct example_env {
  testing::temp_dir dir;
  testing::server_process server{GRIDCOORD_SERVER_BINARY, dir.str() + "/data", dir.str() + "/server.log"};
  std::string admin = bootstrap_token();

  // The administrator token a first start prints once, just after it listens.
  std::string bootstrap_token() {
    static const std::regex token{R"(gct_[0-9a-f]{16}_[0-9a-f]{64})"};
    for (int i = 0; i < 500; ++i) {  // bounded: the line follows "listening" at once
      std::smatch m;
      auto log = server.log();
      if (std::regex_search(log, m, token)) return m[0];
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL("no bootstrap token in the server's log:\n" << server.log());
    return {};
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(server.port()); }

  // Runs `bash docs/examples/<script> args…`.
  script_result run(const std::string& script, const std::vector<std::string>& args = {},
                    const std::string& token = "") {
    auto err_file = dir.str() + "/stderr";
    std::string cmd = "cd " + shell_quote(dir.str()) + " && env -u GRIDCTL_CONFIG HOME=" + shell_quote(dir.str()) +
                      " PATH=" + shell_quote(GRIDCTL_BINARY_DIR) + ":\"$PATH\" GRIDCOORD_URL=" + shell_quote(url()) +
                      " GRIDCOORD_TOKEN=" + shell_quote(token.empty() ? admin : token) + " USER=tester bash " +
                      shell_quote(examples + script);
    for (const auto& a : args) cmd += " " + shell_quote(a);
    cmd += " 2>" + shell_quote(err_file);
    script_result r;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    REQUIRE(pipe);
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) r.out.append(buf, n);
    int status = ::pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read_text(err_file);
    return r;
  }

  // gridctl in-process against the same server.
  testing::gridctl_result gridctl(std::vector<std::string> args, const std::string& token = "") {
    testing::gridctl_runner r{{{"GRIDCOORD_URL", url()}, {"GRIDCOORD_TOKEN", token.empty() ? admin : token}}};
    return r(std::move(args));
  }

  std::string write(const std::string& name, const std::string& text) {
    auto path = dir.str() + "/" + name;
    std::ofstream(path) << text;
    return path;
  }
};

const std::string rows_file = examples + "m1-rows.json";
const std::regex receipt_line{R"(large_customer_demand (\d{4}-\d{2}) version (\d+) \(seq (\d+)\) sent to: planning, dispatch)"};

}  // namespace

TEST_CASE("submit-report.sh submits once, shows the recipients, and explains a refusal",
          "[gridctl][examples]") {
  example_env env;
  auto first = env.run("submit-report.sh", {"marketing", "large_customer_demand", "2026-11", rows_file});
  INFO(first.err);
  REQUIRE(first.code == 0);
  std::smatch m;
  REQUIRE(std::regex_match(first.out, m, std::regex(R"((.*)\n)")));
  auto line = m[1].str();
  REQUIRE(std::regex_match(line, m, receipt_line));
  CHECK(m[1] == "2026-11");
  CHECK(m[2] == "1");

  auto again = env.run("submit-report.sh", {"marketing", "large_customer_demand", "2026-11", rows_file});
  REQUIRE(again.code == 0);
  CHECK(again.out == line + " (already submitted)\n");

  auto bad = env.write("bad.json", R"({"rows":[{"customer":"X","feeder":"F-1","demand_kw":-5,"expected_month":"2027-01","likelihood_pct":50}]})");
  auto refused = env.run("submit-report.sh", {"marketing", "large_customer_demand", "2026-11", bad});
  CHECK(refused.code == 4);
  CHECK(refused.out.empty());
  CHECK(refused.err.find(R"(row 1, demand_kw = "-5": must be greater than 0)") != std::string::npos);
  CHECK(env.run("submit-report.sh", {"marketing"}).code == 2);
}

TEST_CASE("submit-months.sh stores every month in one batch, once, or none when one is refused",
          "[gridctl][examples][batch]") {
  example_env env;
  auto both = env.run("submit-months.sh", {"marketing", "large_customer_demand", "2026-11=" + rows_file,
                                           "2026-12=" + rows_file});
  INFO(both.err);
  REQUIRE(both.code == 0);
  auto lines = lines_of(both.out);
  REQUIRE(lines.size() == 2);
  std::smatch m;
  REQUIRE(std::regex_match(lines[0], m, std::regex(R"(2026-11 version 1 \(seq (\d+)\))")));
  auto first_seq = std::stoul(m[1]);
  CHECK(lines[1] == fmt::format("2026-12 version 1 (seq {})", first_seq + 1));

  auto again = env.run("submit-months.sh", {"marketing", "large_customer_demand", "2026-11=" + rows_file,
                                            "2026-12=" + rows_file});
  REQUIRE(again.code == 0);
  CHECK(lines_of(again.out) == std::vector<std::string>{lines[0] + " (already submitted)",
                                                        lines[1] + " (already submitted)"});

  auto bad = env.write("bad.json", R"({"rows":[{"customer":"X","feeder":"F-1","demand_kw":-5,"expected_month":"2027-01","likelihood_pct":50}]})");
  auto refused = env.run("submit-months.sh", {"marketing", "large_customer_demand", "2027-01=" + rows_file,
                                              "2027-02=" + bad});
  CHECK(refused.code == 4);
  CHECK(refused.out.empty());
  CHECK(refused.err.find("rows[1].demand_kw") != std::string::npos);
  // Nothing of the refused batch was stored: 2027-01 has no report.
  CHECK(env.gridctl({"report", "get", "marketing", "large_customer_demand", "2027-01"}).code == 5);
  CHECK(env.run("submit-months.sh", {"marketing", "large_customer_demand", "2027-01"}).code == 2);
}

TEST_CASE("ack-all.sh acknowledges every pending item once, and pending-acks.sh counts what is left",
          "[gridctl][examples]") {
  example_env env;
  for (auto month : {"2026-10", "2026-11"})
    REQUIRE(env.run("submit-report.sh", {"marketing", "large_customer_demand", month, rows_file}).code == 0);

  auto before = env.run("pending-acks.sh");
  REQUIRE(before.code == 0);
  auto rows = lines_of(before.out);
  REQUIRE(rows.size() == 6);
  CHECK(rows[0] == "department\tpending\toldest");
  CHECK(rows[1].starts_with("planning\t2\t20"));
  CHECK(rows[2].starts_with("dispatch\t2\t20"));
  CHECK(rows[3] == "production\t0\t-");

  auto acked = env.run("ack-all.sh", {"planning", "li.wei"});
  INFO(acked.err);
  REQUIRE(acked.code == 0);
  auto lines = lines_of(acked.out);
  REQUIRE(lines.size() == 2);
  CHECK(std::regex_match(lines[0], std::regex(R"(acknowledged \d+: large_customer_demand 2026-10 v1 from marketing)")));
  CHECK(std::regex_match(lines[1], std::regex(R"(acknowledged \d+: large_customer_demand 2026-11 v1 from marketing)")));
  auto inbox = env.gridctl({"inbox", "planning"}).json();
  for (const auto& item : inbox.at("items").as_array())
    CHECK(item.at("acknowledged").at("by").as_string().starts_with("li.wei"));

  CHECK(env.run("ack-all.sh", {"planning"}).out.empty());  // nothing left
  auto after = lines_of(env.run("pending-acks.sh").out);
  CHECK(after[1] == "planning\t0\t-");
  CHECK(after[2].starts_with("dispatch\t2\t"));
  CHECK(env.run("ack-all.sh", {"nowhere"}).code == 5);
}

TEST_CASE("export-events.sh writes the whole log as JSON lines and can continue an export",
          "[gridctl][examples]") {
  example_env env;
  for (int m = 1; m <= 5; ++m)
    REQUIRE(env.run("submit-report.sh", {"marketing", "large_customer_demand", fmt::format("2026-{:02}", m), rows_file})
                .code == 0);
  auto expected = env.gridctl({"events", "--limit", "1000"}).json().at("events").as_array();
  REQUIRE(expected.size() == 6);  // the bootstrap token, five reports

  auto all = env.run("export-events.sh");
  REQUIRE(all.code == 0);
  auto lines = lines_of(all.out);
  REQUIRE(lines.size() == expected.size());
  for (std::size_t i = 0; i < lines.size(); ++i) CHECK(json::parse(lines[i]) == expected[i]);
  CHECK(all.out.find("630.5") != std::string::npos);  // numbers as written

  auto rest = env.run("export-events.sh", {"4"});
  REQUIRE(rest.code == 0);
  CHECK(lines_of(rest.out).size() == 2);
  CHECK(json::parse(lines_of(rest.out)[0]).at("seq") == 5);
}

TEST_CASE("issue-liaison-tokens.sh issues one working token per department", "[gridctl][examples][tokens]") {
  example_env env;
  auto issued = env.run("issue-liaison-tokens.sh", {"2026 rollout"});
  INFO(issued.err);
  REQUIRE(issued.code == 0);
  auto lines = lines_of(issued.out);
  REQUIRE(lines.size() == 5);
  std::set<std::string> ids;
  for (const auto& line : lines) {
    std::smatch m;
    REQUIRE(std::regex_match(line, m, std::regex(R"((\w+)\t(tk_[0-9a-f]{16})\t(gct_\S+))")));
    ids.insert(m[2]);
    CHECK(env.gridctl({"inbox", m[1]}, m[3]).code == 0);                                  // its own inbox
    CHECK(env.gridctl({"token", "list"}, m[3]).code == 3);                                // not an admin
  }
  CHECK(ids.size() == 5);
  auto listed = env.gridctl({"token", "list"}).json().at("tokens").as_array();
  CHECK(listed.size() == 6);  // and the bootstrap administrator
}
