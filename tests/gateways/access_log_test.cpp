// Structured logs: one JSON object per line, the access line of every
// response, and the text mode for people.
#include <catch2/catch.hpp>

#include <mutex>
#include <regex>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include "gateways/access_log.hpp"
#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;
namespace json = boost::json;

namespace {

// Keeps every formatted line; lines() is safe while other threads log.
class capture_sink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  std::vector<std::string> lines() {
    std::lock_guard lock(mutex_);
    return lines_;
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t buf;
    formatter_->format(msg, buf);
    lines_.emplace_back(buf.data(), buf.size());
  }
  void flush_() override {}

 private:
  std::vector<std::string> lines_;
};

// Sends gridcoord's logs to a capture sink for one test, then restores them.
struct captured_logs {
  explicit captured_logs(gateways::log_format format) { gateways::log_to(sink, format); }
  ~captured_logs() {
    spdlog::drop(std::string(gateways::access_logger_name));
    if (saved_access) spdlog::register_logger(saved_access);
    spdlog::set_default_logger(saved_default);
  }
  // The one line that mentions `text`.
  std::string line_with(const std::string& text) {
    std::vector<std::string> found;
    for (auto& l : sink->lines())
      if (l.find(text) != std::string::npos) found.push_back(l);
    INFO(text);
    REQUIRE(found.size() == 1);
    return found.front();
  }

  std::shared_ptr<spdlog::logger> saved_default = spdlog::default_logger();
  std::shared_ptr<spdlog::logger> saved_access = spdlog::get(std::string(gateways::access_logger_name));
  std::shared_ptr<capture_sink> sink = std::make_shared<capture_sink>();
};

const std::regex rfc3339_utc{R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)"};

}  // namespace

TEST_CASE("an access line is a JSON object carrying the request id of the response", "[gateways][logs]") {
  captured_logs logs(gateways::log_format::json);
  server_fixture f;
  auto r = f.request(verb::get, "/v1/health");
  REQUIRE(r.result_int() == 200);
  std::string id(r["X-Request-Id"]);
  auto line = logs.line_with(id);
  CHECK(line.back() == '\n');
  auto v = json::parse(line).as_object();
  CHECK(v.at("request_id") == id.c_str());
  CHECK(v.at("level") == "info");
  CHECK(v.at("msg") == "GET /v1/health 200");
  CHECK(v.at("method") == "GET");
  CHECK(v.at("route") == "/v1/health");
  CHECK(v.at("path") == "/v1/health");
  CHECK(v.at("status").to_number<int>() == 200);
  CHECK(v.at("duration_ms").to_number<double>() >= 0);
  CHECK(v.at("remote") == "127.0.0.1");
  CHECK(v.at("bytes").to_number<std::size_t>() == r.body().size());
  CHECK(std::regex_match(std::string(v.at("time").as_string()), rfc3339_utc));
  for (const auto& l : logs.sink->lines()) {  // the server's other lines are JSON too
    INFO(l);
    CHECK_NOTHROW(json::parse(l));
  }
}

TEST_CASE("an access line names the route pattern and the path without its query", "[gateways][logs]") {
  captured_logs logs(gateways::log_format::json);
  server_fixture f;
  auto r = f.request(verb::get, "/v1/reports/marketing/large_customer_demand/2027-03?version=4");
  REQUIRE(r.result_int() == 404);
  auto v = json::parse(logs.line_with(std::string(r["X-Request-Id"]))).as_object();
  CHECK(v.at("route") == "/v1/reports/{department}/{kind}/{month}");
  CHECK(v.at("path") == "/v1/reports/marketing/large_customer_demand/2027-03");
  CHECK(v.at("status").to_number<int>() == 404);
}

TEST_CASE("a JSON log line escapes quotes, control characters and bytes that are not UTF-8",
          "[gateways][logs]") {
  captured_logs logs(gateways::log_format::json);
  spdlog::warn("marker \"quoted\" back\\slash\nnew line\ttab \x01 bad \xff byte");
  auto line = logs.line_with("marker");
  CHECK(line.find('\n') == line.size() - 1);  // one line
  auto v = json::parse(line).as_object();
  CHECK(v.at("level") == "warning");
  CHECK(v.at("msg") == "marker \"quoted\" back\\slash\nnew line\ttab \x01 bad ? byte");
}

TEST_CASE("text mode writes a readable access line with the request id", "[gateways][logs]") {
  captured_logs logs(gateways::log_format::text);
  server_fixture f;
  auto r = f.request(verb::get, "/v1/health");
  std::string id(r["X-Request-Id"]);
  auto line = logs.line_with(id);
  INFO(line);
  CHECK(std::regex_search(line, std::regex{"^" + std::string(R"(\d{4}-\d\d-\d\dT[0-9:.]+Z info  )")}));
  CHECK(line.find("GET /v1/health 200 ") != std::string::npos);
  CHECK(line.find("route=/v1/health remote=127.0.0.1 bytes=") != std::string::npos);
  CHECK(line.find('{') == std::string::npos);
}

TEST_CASE("log.format names json or text", "[gateways][logs]") {
  CHECK(gateways::parse_log_format("json") == gateways::log_format::json);
  CHECK(gateways::parse_log_format("text") == gateways::log_format::text);
  CHECK_FALSE(gateways::parse_log_format("JSON"));
  CHECK_FALSE(gateways::parse_log_format(""));
}
