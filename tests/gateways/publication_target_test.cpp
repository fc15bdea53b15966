#include "gateways/detail/beast.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "gateways/publication_target.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using namespace gridcoord::domain::capacity;
using namespace std::chrono;
namespace fs = std::filesystem;

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

publication sample(std::uint32_t number, std::string reason) {
  publication p;
  p.number = number;
  p.period = 2026y / November;
  p.restricted_month = 2026y / December;
  p.issued_at = domain::time_point{sys_days{2026y / December / 3} + 1h};
  p.issued_by = "schedule";
  p.as_of = 2026y / October;
  p.entries.push_back({"F-101", domain::equipment_kind::feeder, "蓝海新区", domain::area_class::urban, -120.5,
                       "MT-1", light::red, std::move(reason), 2027y / March});
  p.sources = {{"load_statistics", 2026y / October, 2}};
  return p;
}

// Both languages' publishers, English the default.
page_settings lanhai() {
  page_settings s;
  s.default_language = domain::language::en;
  s.zh_cn = {"蓝海供电公司 营销部", "客户服务热线 95598"};
  s.en = {"Lanhai Power Supply Company, Marketing Department", "Customer service 95598"};
  return s;
}

std::string contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// A local HTTP receiver: answers each request with the next status of
// `answers` (the last one repeated) and keeps what it received.
class receiver {
 public:
  explicit receiver(std::vector<unsigned> answers) : answers_(std::move(answers)) {
    accept();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~receiver() {
    io_.stop();
    thread_.join();
  }
  std::string url() const {
    return fmt::format("http://127.0.0.1:{}/v1/restricted", acceptor_.local_endpoint().port());
  }
  std::vector<http::request<http::string_body>> seen() {
    std::lock_guard lock(mutex_);
    return seen_;
  }

 private:
  struct exchange {
    beast::tcp_stream stream;
    beast::flat_buffer buffer;
    http::request<http::string_body> request;
    http::response<http::string_body> response;
  };

  void accept() {
    acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (ec) return;
      auto x = std::make_shared<exchange>(exchange{beast::tcp_stream(std::move(socket)), {}, {}, {}});
      x->stream.expires_after(seconds{5});
      http::async_read(x->stream, x->buffer, x->request, [this, x](beast::error_code rec, std::size_t) {
        if (rec) return;
        answer(*x);
        http::async_write(x->stream, x->response, [x](beast::error_code, std::size_t) {
          beast::error_code ignored;
          x->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        });
      });
      accept();
    });
  }
  void answer(exchange& x) {
    std::lock_guard lock(mutex_);
    seen_.push_back(x.request);
    unsigned status = answers_[std::min(seen_.size(), answers_.size()) - 1];
    x.response = http::response<http::string_body>{static_cast<http::status>(status), 11};
    x.response.set(http::field::content_type, "application/json");
    x.response.body() = "{}";
    x.response.keep_alive(false);
    x.response.prepare_payload();
  }

  net::io_context io_;
  tcp::acceptor acceptor_{io_, tcp::endpoint{net::ip::make_address("127.0.0.1"), 0}};
  std::vector<unsigned> answers_;
  std::mutex mutex_;
  std::vector<http::request<http::string_body>> seen_;
  std::thread thread_;
};

}  // namespace

TEST_CASE("publishing writes the numbered files and latest, each exactly the rendering", "[gateways][publication]") {
  testing::temp_dir dir;
  auto target = gateways::publication_target::make({.directory = (dir.path() / "pub").string(), .pages = lanhai()});
  REQUIRE(target);
  auto p = sample(7, "MT-1 is overloaded, \"heavy\"");
  auto result = target->publish(p);
  REQUIRE(result);
  auto root = dir.path() / "pub";
  std::vector<std::string> expected;
  for (const char* name : {"7/restricted", "latest"})
    for (const char* suffix : {".json", ".csv", ".html", ".zh-CN.html", ".en.html"})
      expected.push_back((root / (std::string(name) + suffix)).string());
  CHECK(result->written == expected);
  CHECK_FALSE(result->post);
  CHECK_FALSE(result->post_pending());
  auto pages = lanhai();
  for (std::string name : {"7/restricted", "latest"}) {
    CHECK(contents(root / (name + ".json")) == encode_publication(p));
    CHECK(contents(root / (name + ".csv")) == render_csv(p));
    CHECK(contents(root / (name + ".html")) == render_html(p, pages, domain::language::en));  // the default
    CHECK(contents(root / (name + ".zh-CN.html")) == render_html(p, pages, domain::language::zh_cn));
    CHECK(contents(root / (name + ".en.html")) == render_html(p, pages, domain::language::en));
  }
  CHECK(contents(root / "latest.zh-CN.html").find("<dd>蓝海供电公司 营销部</dd>") != std::string::npos);
  // No temporary file is left behind.
  CHECK(names_in(root) == std::set<std::string>{"7", "latest.csv", "latest.en.html", "latest.html", "latest.json",
                                                "latest.zh-CN.html"});
  CHECK(names_in(root / "7") == std::set<std::string>{"restricted.csv", "restricted.en.html", "restricted.html",
                                                      "restricted.json", "restricted.zh-CN.html"});
}

TEST_CASE("the pages' settings come from [publication]'s, with the zone", "[gateways][publication]") {
  config::publication_page_settings page;
  page.language = "en";
  page.zh_cn = {"蓝海供电公司 营销部", "95598"};
  page.en = {"Lanhai Power Supply Company", "Call 95598"};
  auto s = gateways::page_settings_of(page, "Asia/Shanghai");
  CHECK(s.default_language == domain::language::en);
  CHECK(s.zh_cn == publisher{"蓝海供电公司 营销部", "95598"});
  CHECK(s.en == publisher{"Lanhai Power Supply Company", "Call 95598"});
  CHECK(s.zone == "Asia/Shanghai");
  CHECK(gateways::page_settings_of({}, "UTC").default_language == domain::language::zh_cn);
}

TEST_CASE("a second publication replaces latest and keeps the first one's files", "[gateways][publication]") {
  testing::temp_dir dir;
  auto target = gateways::publication_target::make({.directory = dir.str()});
  REQUIRE(target);
  auto first = sample(1, "first reason");
  auto second = sample(2, "second reason");
  second.entries.clear();
  REQUIRE(target->publish(first));
  REQUIRE(target->publish(second));
  CHECK(contents(dir.path() / "latest.json") == encode_publication(second));
  CHECK(contents(dir.path() / "latest.csv") == render_csv(second));
  CHECK(contents(dir.path() / "latest.html") == render_html(second, page_settings{}, domain::language::zh_cn));
  CHECK(contents(dir.path() / "latest.en.html") == render_html(second, page_settings{}, domain::language::en));
  CHECK(contents(dir.path() / "1/restricted.json") == encode_publication(first));
  CHECK(contents(dir.path() / "2/restricted.csv") == render_csv(second));
  CHECK(names_in(dir.path()) == std::set<std::string>{"1", "2", "latest.csv", "latest.en.html", "latest.html",
                                                      "latest.json", "latest.zh-CN.html"});
}

TEST_CASE("a directory that cannot be created is an error naming it", "[gateways][publication]") {
  testing::temp_dir dir;
  std::ofstream(dir.path() / "a-file") << "not a directory";
  auto root = dir.path() / "a-file" / "pub";
  auto target = gateways::publication_target::make({.directory = root.string()});
  REQUIRE(target);
  auto result = target->publish(sample(3, "r"));
  REQUIRE_FALSE(result);
  CHECK(result.error().code == domain::errc::internal);
  CHECK(result.error().message ==
        fmt::format("cannot create directory {}: {}", (root / "3").string(),
                    std::make_error_code(std::errc::not_a_directory).message()));
}

TEST_CASE("a post_url that is not http or https is refused naming it", "[gateways][publication]") {
  auto target = gateways::publication_target::make({.post_url = "ftp://web.example/m6"});
  REQUIRE_FALSE(target);
  CHECK(target.error().code == domain::errc::invalid_request);
  CHECK(target.error().message.rfind("publication.post_url \"ftp://web.example/m6\" is not an http:// or https:// URL",
                                     0) == 0);
}

TEST_CASE("the POST carries the JSON and the idempotency key; a 503 is reported and a retry succeeds",
          "[gateways][publication]") {
  testing::temp_dir dir;
  receiver in({503, 200});
  auto target = gateways::publication_target::make(
      {.directory = dir.str(), .post_url = in.url(), .timeout = milliseconds{5000}});
  REQUIRE(target);
  auto p = sample(12, "overloaded");

  auto first = target->publish(p);
  REQUIRE(first);
  REQUIRE(first->post);
  CHECK_FALSE(first->post->delivered);
  CHECK(first->post->status == 503u);
  CHECK(first->post->problem == fmt::format("POST {} answered 503 Service Unavailable", in.url()));
  CHECK(first->post_pending());
  CHECK(first->written.size() == 10);
  CHECK(contents(dir.path() / "latest.json") == encode_publication(p));  // the failed POST undid nothing

  auto retry = target->post(p);
  CHECK(retry.delivered);
  CHECK(retry.status == 200u);
  CHECK(retry.problem == "");

  auto seen = in.seen();
  REQUIRE(seen.size() == 2);
  for (const auto& request : seen) {
    CHECK(request.method() == http::verb::post);
    CHECK(request.target() == "/v1/restricted");
    CHECK(request.body() == encode_publication(p));
    CHECK(request[http::field::content_type] == "application/json");
    CHECK(request["Idempotency-Key"] == "publication-12");
  }
}

TEST_CASE("a POST nobody answers is reported with the URL and the files are still written", "[gateways][publication]") {
  testing::temp_dir dir;
  std::string url;
  {
    receiver gone({200});  // a port that was open, then closed
    url = gone.url();
  }
  auto target = gateways::publication_target::make({.directory = dir.str(), .post_url = url});
  REQUIRE(target);
  auto result = target->publish(sample(4, "r"));
  REQUIRE(result);
  REQUIRE(result->post);
  CHECK_FALSE(result->post->delivered);
  CHECK_FALSE(result->post->status);
  CHECK(result->post->problem.rfind(fmt::format("POST {}: cannot connect to ", url), 0) == 0);
  CHECK(result->written.size() == 10);  // as in a delivery that succeeds: both languages and latest.*
}
