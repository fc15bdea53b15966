// GET /v1/stream (Server-Sent Events) against the real server and the fake actor system.
#include <catch2/catch.hpp>

#include <array>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include <boost/beast/http/buffer_body.hpp>
#include <boost/json/parse.hpp>

#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;
namespace beast = boost::beast;
namespace net = boost::asio;
namespace json = boost::json;

namespace {

const auto t0 = fake_client::fixed_time;

actors::event_view event(std::uint64_t seq, std::string type = "report.submitted") {
  return {seq, "report/marketing/large_customer_demand/2027-03", std::move(type), t0, "li.wei",
          R"({"demand_kw":1250.5})"};
}

// One SSE frame, split into its fields.
struct frame {
  std::string id, event, data;
};

frame parse_frame(const std::string& text) {
  frame f;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    auto line = text.substr(at, end - at);
    if (line.starts_with("id: ")) f.id = line.substr(4);
    if (line.starts_with("event: ")) f.event = line.substr(7);
    if (line.starts_with("data: ")) f.data = line.substr(6);
    at = end + 1;
  }
  return f;
}

// A streaming GET: reads the head, then the de-chunked body frame by frame;
// every read fails the test after `deadline` rather than hanging it.
class sse_reader {
 public:
  sse_reader(std::uint16_t port, std::string_view target, const headers& extra = {}) : stream_(ioc_) {
    net::ip::tcp::endpoint server{net::ip::make_address("127.0.0.1"), port};
    run([&](auto h) { stream_.async_connect(server, [h](beast::error_code ec) mutable { h(ec, 0); }); });
    request_ = make_request(verb::get, target, "", extra);
    run([&](auto h) { http::async_write(stream_, request_, h); });
    run([&](auto h) { http::async_read_header(stream_, buffer_, parser_, h); });
  }

  const http::response<http::buffer_body>& head() const { return parser_.get(); }

  // The next frame or comment, without its blank line; nullopt when the stream ended.
  std::optional<std::string> next() {
    for (;;) {
      if (auto end = body_.find("\n\n"); end != std::string::npos) {
        auto text = body_.substr(0, end);
        body_.erase(0, end + 2);
        return text;
      }
      if (!read_some()) return std::nullopt;
    }
  }

  // The next event frame, skipping comments; throws when the stream ended.
  frame next_frame() {
    for (;;) {
      auto text = next();
      if (!text) throw std::runtime_error("the stream ended before a frame arrived");
      if (!text->starts_with(":")) return parse_frame(*text);
    }
  }

 private:
  template <class Start>
  beast::error_code run(Start start, bool throw_on_error = true) {
    std::optional<beast::error_code> result;
    stream_.expires_after(deadline);
    start([&](beast::error_code ec, std::size_t) { result = ec; });
    ioc_.restart();
    ioc_.run();
    if (!result) throw std::runtime_error("sse reader: operation did not complete");
    if (*result && throw_on_error) throw boost::system::system_error(*result);
    return *result;
  }

  // Appends what arrives to body_; false once the body or the connection ended.
  bool read_some() {
    if (parser_.is_done()) return false;
    std::array<char, 4096> chunk{};
    parser_.get().body().data = chunk.data();
    parser_.get().body().size = chunk.size();
    auto ec = run([&](auto h) { http::async_read_some(stream_, buffer_, parser_, h); }, false);
    body_.append(chunk.data(), chunk.size() - parser_.get().body().size);
    if (ec == http::error::need_buffer) ec = {};
    if (ec == net::error::timed_out || ec == beast::error::timeout) throw boost::system::system_error(ec);
    return !ec && !parser_.is_done();
  }

  net::io_context ioc_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response_parser<http::buffer_body> parser_;
  std::string body_;
};

}  // namespace

TEST_CASE("the stream sends the events already logged as frames, oldest first", "[gateways][stream]") {
  server_fixture f;
  for (std::uint64_t seq = 1; seq <= 3; ++seq) f.fake.add_event(event(seq, seq == 2 ? "token.issued" : "report.submitted"));
  auto events = json_of(f.request(verb::get, "/v1/events")).at("events").as_array();

  sse_reader s(f.server.port(), "/v1/stream");
  REQUIRE(s.head().result_int() == 200);
  CHECK(s.head()[http::field::content_type] == "text/event-stream");
  CHECK(s.head()[http::field::cache_control] == "no-cache");
  CHECK(s.head().chunked());
  for (std::size_t i = 0; i < 3; ++i) {
    auto fr = s.next_frame();
    CHECK(fr.id == std::to_string(i + 1));
    CHECK(fr.event == (i == 1 ? "token.issued" : "report.submitted"));
    CHECK(json::parse(fr.data) == events.at(i));
  }
}

TEST_CASE("an event logged after the stream started arrives too", "[gateways][stream]") {
  server_fixture f;
  f.fake.add_event(event(1));
  sse_reader s(f.server.port(), "/v1/stream?after=0");
  CHECK(s.next_frame().id == "1");
  f.fake.add_event(event(2, "inbox.acknowledged"));
  auto fr = s.next_frame();  // the server polls; the reader waits up to its deadline
  CHECK(fr.id == "2");
  CHECK(fr.event == "inbox.acknowledged");
  CHECK(json::parse(fr.data).at("seq") == 2);
}

TEST_CASE("the stream starts after ?after, and Last-Event-ID wins over it", "[gateways][stream]") {
  server_fixture f;
  for (std::uint64_t seq = 1; seq <= 5; ++seq) f.fake.add_event(event(seq));
  {
    sse_reader s(f.server.port(), "/v1/stream?after=2");
    CHECK(s.next_frame().id == "3");
  }
  sse_reader resumed(f.server.port(), "/v1/stream?after=1", {{"Last-Event-ID", "4"}});
  CHECK(resumed.next_frame().id == "5");
}

TEST_CASE("the stream needs a token and well-formed numbers", "[gateways][stream]") {
  server_fixture f;
  CHECK(f.request(verb::get, "/v1/stream", "", {{"Authorization", ""}}).result_int() == 401);
  for (const char* target : {"/v1/stream?after=-1", "/v1/stream?after=x", "/v1/stream?after="}) {
    INFO(target);
    auto r = f.request(verb::get, target);
    CHECK(r.result_int() == 400);
    CHECK(r[http::field::content_type] == "application/json");
  }
  CHECK(f.request(verb::get, "/v1/stream", "", {{"Last-Event-ID", "seven"}}).result_int() == 400);
}

TEST_CASE("stopping the server ends an open stream promptly", "[gateways][stream]") {
  server_fixture f;
  f.fake.add_event(event(1));
  sse_reader s(f.server.port(), "/v1/stream");
  REQUIRE(s.next_frame().id == "1");
  auto started = std::chrono::steady_clock::now();
  f.server.stop();
  CHECK(std::chrono::steady_clock::now() - started < deadline);
  CHECK_FALSE(s.next().has_value());  // the final chunk (or the close) ends the body
}

namespace {

// A new token of `role` through the API; its id and text.
std::pair<std::string, std::string> new_token(server_fixture& f, const std::string& role,
                                              const std::string& expires_at = "") {
  std::string body = R"({"role":")" + role + "\"" + (expires_at.empty() ? "" : R"(,"expires_at":")" + expires_at + "\"") + "}";
  auto r = f.request(verb::post, "/v1/tokens", body);
  REQUIRE(r.result_int() == 201);
  auto j = json_of(r);
  return {std::string(j.at("id").as_string()), std::string(j.at("token").as_string())};
}

headers as(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

// What remains of the stream: the ids of its frames, and whether its last
// comment says its token is no longer valid; waits for the stream to end.
struct remainder {
  std::vector<std::string> ids;
  bool token_gone = false;
};
remainder read_to_end(sse_reader& s) {
  remainder out;
  while (auto text = s.next()) {
    if (text->starts_with(":")) out.token_gone = *text == ": the token of this stream is no longer valid";
    else out.ids.push_back(parse_frame(*text).id);
  }
  return out;
}

}  // namespace

TEST_CASE("a stream ends at the revocation of its own token and writes no event from it on",
          "[gateways][stream][revocation]") {
  server_fixture f;
  auto [id, token] = new_token(f, "reader");
  auto [other, unused] = new_token(f, "reader");
  f.fake.add_event(event(1));
  f.fake.add_event({2, "tokens", "token.revoked", t0, "tk_admin", R"({"id":")" + other + R"(","revoked_by":"tk_admin"})"});
  f.fake.add_event(event(3));
  // Its own revocation, logged before the directory the router reads was replaced.
  f.fake.add_event({4, "tokens", "token.revoked", t0, "tk_admin", R"({"id":")" + id + R"(","revoked_by":"tk_admin"})"});
  f.fake.add_event(event(5));
  sse_reader s(f.server.port(), "/v1/stream", as(token));
  REQUIRE(s.head().result_int() == 200);
  auto rest = read_to_end(s);
  CHECK(rest.ids == std::vector<std::string>{"1", "2", "3"});  // another token's revocation is an event like any
  CHECK(rest.token_gone);
}

TEST_CASE("a stream whose token is revoked while it waits ends before the next event", "[gateways][stream][revocation]") {
  server_fixture f;
  auto [id, token] = new_token(f, "reader");
  f.fake.add_event(event(1));
  sse_reader s(f.server.port(), "/v1/stream", as(token));
  REQUIRE(s.next_frame().id == "1");
  REQUIRE(f.request(verb::delete_, "/v1/tokens/" + id).result_int() == 200);
  f.fake.add_event(event(2));  // logged after the revocation answered: never sent to this stream
  auto rest = read_to_end(s);
  CHECK(rest.ids.empty());
  CHECK(rest.token_gone);
  // Another token's stream still gets it.
  sse_reader admin(f.server.port(), "/v1/stream?after=1");
  CHECK(admin.next_frame().id == "2");
}

TEST_CASE("a stream whose token expires ends by the virtual clock", "[gateways][stream][expiry]") {
  using namespace std::chrono_literals;
  server_fixture f;
  auto [id, token] = new_token(f, "reader", "2026-09-22T00:00:00Z");
  f.fake.add_event(event(1));
  sse_reader s(f.server.port(), "/v1/stream", as(token));
  REQUIRE(s.next_frame().id == "1");
  f.fake.set_now(std::chrono::sys_days{std::chrono::year{2026} / 9 / 22});
  auto rest = read_to_end(s);  // the next poll checks the token again
  CHECK(rest.ids.empty());
  CHECK(rest.token_gone);
}

TEST_CASE("a token's secret hash never reaches a stream", "[gateways][stream][disclosure]") {
  server_fixture f;
  const std::string hash(64, 'e');
  f.fake.add_event({1, "tokens", "token.created", t0, "tk_admin",
                    R"({"id":"tk_0011223344556677","role":"reader","description":"","secret_hash":")" + hash +
                        R"(","created_by":"tk_admin"})"});
  sse_reader s(f.server.port(), "/v1/stream");
  auto fr = s.next_frame();
  CHECK(fr.data.find(hash) == std::string::npos);
  auto payload = json::parse(fr.data).at("payload");
  CHECK_FALSE(payload.as_object().contains("secret_hash"));
  CHECK(payload.at("id") == "tk_0011223344556677");
}

namespace {

// Until `done` holds, for at most five seconds (a condition, not a time, is waited for).
template <class F>
bool eventually(F done) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds{5};
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::yield();
  }
  return true;
}

}  // namespace

TEST_CASE("an idle stream does not poll: it asks for events once the log tells it of one", "[gateways][stream][push]") {
  server_fixture f;
  f.fake.add_event(event(1));
  {
    sse_reader s(f.server.port(), "/v1/stream?after=0");
    REQUIRE(s.next_frame().id == "1");
    REQUIRE(eventually([&] { return f.fake.waits() == 1; }));  // waiting for the log, not on a timer
    auto asked = f.fake.events_calls();
    f.fake.add_event(event(2));
    CHECK(s.next_frame().id == "2");
    REQUIRE(eventually([&] { return f.fake.waits() == 1; }));
    CHECK(f.fake.events_calls() == asked + 1);  // one read for the one wake-up
  }
  // The client left: the stream ends and its wait is withdrawn (nothing holds the server's io).
  CHECK(eventually([&] { return f.fake.waits() == 0; }));
}
