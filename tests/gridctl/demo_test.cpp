// The demo (`tools/run demo`): the real gridcoord binary started with --demo
// in a fresh data directory; the commands its hints print are run against it
// and answer what the hints say they show.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "domain/month.hpp"
#include "tests/gridctl/support/gridctl_runner.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/temp_dir.hpp"

extern char** environ;

using namespace gridcoord;
namespace json = boost::json;

namespace {

// `gridcoord serve --demo --listen 127.0.0.1:0`, as tools/run demo starts it,
// until it has printed its hints.
class demo_server {
 public:
  demo_server() {
    std::vector<std::string> args{GRIDCOORD_SERVER_BINARY, "serve", "--demo", "--data-dir", dir_.str() + "/var",
                                  "--listen", "127.0.0.1:0", "--log-format", "text"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addchdir_np(&fa, dir_.str().c_str());  // ./var/publication goes there too
    posix_spawn_file_actions_addopen(&fa, 1, log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    int rc = posix_spawn(&pid_, GRIDCOORD_SERVER_BINARY, &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    REQUIRE(rc == 0);
    wait_for_hints();
  }
  ~demo_server() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  std::string log() const {
    std::ifstream in(log_path_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  unsigned short port() const { return port_; }
  const std::string& token() const { return token_; }
  std::string url() const { return fmt::format("http://127.0.0.1:{}", port_); }

  testing::gridctl_result gridctl(std::vector<std::string> args) {
    testing::gridctl_runner r{{{"GRIDCOORD_URL", url()}, {"GRIDCOORD_TOKEN", token_}}};
    return r(std::move(args));
  }

 private:
  // Bounded: the hints follow the "listening" line at once.
  void wait_for_hints() {
    static const std::regex listening{R"(listening on http://127\.0\.0\.1:(\d+))"};
    static const std::regex token{R"(export TOKEN=(gct_[0-9a-f]{16}_[0-9a-f]{64}))"};
    for (int i = 0; i < 3000; ++i) {
      auto text = log();
      std::smatch p, t;
      if (std::regex_search(text, p, listening) && std::regex_search(text, t, token) &&
          text.find("Stop with Ctrl-C") != std::string::npos) {
        port_ = static_cast<unsigned short>(std::stoi(p[1]));
        token_ = t[1];
        return;
      }
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        FAIL("the demo exited during start-up:\n" << text);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL("the demo printed no hints within 30 s:\n" << log());
  }

  testing::temp_dir dir_;
  std::string log_path_ = dir_.str() + "/demo.log";
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  std::string token_;
};

// The month the hints give to `gridctl capacity F-101 --month`.
domain::month hinted_month(const std::string& hints) {
  std::smatch m;
  REQUIRE(std::regex_search(hints, m, std::regex(R"(gridctl capacity F-101 --month (\d{4}-\d{2}))")));
  auto month = domain::parse_month(m[1].str());
  REQUIRE(month);
  return *month;
}

// A JSON string as text; anything else as JSON.
std::string str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : json::serialize(v); }

std::vector<std::string> points_of(const json::value& list, const char* field) {
  std::vector<std::string> out;
  for (const auto& e : list.at(field).as_array()) out.emplace_back(e.at("point").as_string());
  return out;
}

}  // namespace

TEST_CASE("the demo's capacity hints show F-101 near its limit and SS-07/T2 binding F-222 and F-310",
          "[gridctl][demo]") {
  demo_server demo;
  auto hints = demo.log();
  auto month = hinted_month(hints);
  auto m = domain::to_string(month);
  CHECK(hints.find("gridctl precheck F-101 2000 --month " + m) != std::string::npos);
  CHECK(hints.find("gridctl constrained --month " + m + " --table") != std::string::npos);
  CHECK(hints.find("gridctl publication issue") != std::string::npos);
  CHECK(hints.find(demo.url() + "/v1/publications/latest?format=html") != std::string::npos);

  auto capacity = demo.gridctl({"capacity", "F-101", "--month", m});
  INFO(capacity.err);
  REQUIRE(capacity.code == 0);
  auto c = capacity.json();
  CHECK(c.at("available_kva").to_number<double>() == 500);
  CHECK(str(c.at("binding")) == "F-101");
  CHECK(str(c.at("status")) == "amber");  // 65 % loaded: above the feeder's 60 % heavy-load threshold

  // Relief when the uprate of planning's M2 (four months after this one,
  // three after the hinted month) is in service.
  auto precheck = demo.gridctl({"precheck", "F-101", "2000", "--month", m});
  REQUIRE(precheck.code == 0);
  auto p = precheck.json();
  CHECK(str(p.at("decision")) == "no");
  CHECK(str(p.at("relief_month")) == domain::to_string(month + std::chrono::months{3}));

  auto constrained = demo.gridctl({"constrained", "--month", m, "--kind", "feeder", "--status", "red"});
  REQUIRE(constrained.code == 0);
  auto list = constrained.json();
  CHECK(points_of(list, "items") == std::vector<std::string>{"F-222", "F-310"});
  for (const auto& e : list.at("items").as_array()) {
    CHECK(str(e.at("binding")) == "SS-07/T2");
    CHECK(str(e.at("status")) == "red");
  }

  auto applications = demo.gridctl({"application", "list", "--state", "approved"});
  REQUIRE(applications.code == 0);
  auto items = applications.json().at("items").as_array();
  REQUIRE(items.size() == 1);
  CHECK(str(items[0].at("point")) == "F-310");
  CHECK(str(items[0].at("month")) == domain::to_string(month - std::chrono::months{1}));

  auto issued = demo.gridctl({"publication", "issue"});
  REQUIRE(issued.code == 0);
  auto publication = issued.json();
  CHECK(str(publication.at("restricted_month")) == domain::to_string(month - std::chrono::months{1}));
  CHECK(points_of(publication, "entries") == std::vector<std::string>{"F-222", "F-310"});

  testing::http_client anonymous{"127.0.0.1", demo.port()};
  auto html = anonymous.request("GET", "/v1/publications/latest?format=html");
  CHECK(html.status == 200);
  CHECK(html.headers["Content-Type"] == "text/html; charset=utf-8");
  CHECK(html.body.find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(html.body.find("<td data-label=\"接入点\">F-222</td>") != std::string::npos);
  CHECK(html.body.find("<dd>蓝海供电公司 营销部（演示）</dd>") != std::string::npos);  // the demo's issuer
  auto en = anonymous.request("GET", "/v1/publications/latest?format=html&lang=en");
  CHECK(en.status == 200);
  CHECK(en.body.find("<html lang=\"en\">") != std::string::npos);
  CHECK(en.body.find(">Main transformer SS-07/T2 has no spare capacity left</td>") != std::string::npos);
  auto csv = demo.gridctl({"publication", "get", "--format", "csv"});
  CHECK(csv.code == 0);  // a text document is printed as it is, not refused as "not JSON"
  CHECK(csv.out.find("region,point,kind") != std::string::npos);
}

TEST_CASE("the demo's first hints still work after the capacity data is loaded", "[gridctl][demo]") {
  demo_server demo;
  auto hints = demo.log();
  CHECK(hints.find("/v1/departments/planning/inbox/3/ack") != std::string::npos);

  // Item 3 of planning's inbox is still marketing's first M1 report.
  auto inbox = demo.gridctl({"inbox", "planning"});
  REQUIRE(inbox.code == 0);
  auto first = inbox.json().at("items").at(0);
  CHECK(first.at("item").to_number<int>() == 3);
  CHECK(str(first.at("kind")) == "large_customer_demand");
  CHECK(str(first.at("month")) == "2026-09");
  CHECK(demo.gridctl({"ack", "planning", "3", "--by", "li.wei"}).code == 0);

  CHECK(demo.gridctl({"report", "get", "marketing", "large_customer_demand", "2026-10"}).code == 0);
  CHECK(demo.gridctl({"cycle", "2026-11"}).code == 0);
  CHECK(demo.gridctl({"equipment", "list", "--kind", "feeder"}).code == 0);
  CHECK(demo.gridctl({"token", "create", "--role", "liaison:marketing", "--description", "Zhang Min"}).code == 0);

  testing::http_client http{"127.0.0.1", demo.port()};
  auto put = http.request(
      "PUT", "/v1/reports/marketing/large_customer_demand/2026-11",
      R"({"rows":[{"customer":"Harbour Hotel","feeder":"LH-F03","demand_kw":450,"expected_month":"2027-02","likelihood_pct":75}]})",
      {{"Authorization", "Bearer " + demo.token()}, {"Idempotency-Key", "my-first-report"}});
  CHECK(put.status == 201);
}
