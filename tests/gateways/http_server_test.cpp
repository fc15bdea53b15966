// The server's HTTP behaviour: keep-alive, pipelining, limits, timeouts, stop.
#include <catch2/catch.hpp>

#include <future>

#include <boost/json/parse.hpp>

#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;

namespace {
const std::string health_request = "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
}

TEST_CASE("health answers 200 with status, last_seq, version and the calendar's years", "[gateways][server]") {
  server_fixture f;
  auto r = f.request(verb::get, "/v1/health");
  CHECK(r.result_int() == 200);
  CHECK(r[http::field::content_type] == "application/json");
  CHECK(r["X-Request-Id"].size() == 16);
  CHECK(json_of(r) == boost::json::parse(R"({"status":"ok","last_seq":42,"version":"0.1.0-test",)"
                                          R"("calendar":{"covered_years":[2026],"missing_years":[2027]}})"));
}

TEST_CASE("health answers 503 when the actor system is not ok", "[gateways][server]") {
  server_fixture f;
  f.fake.set_health({false, 7, "0.1.0-test"});
  auto r = f.request(verb::get, "/v1/health");
  CHECK(r.result_int() == 503);
  CHECK(json_of(r).at("status") == "unavailable");
}

TEST_CASE("every response carries its own request id", "[gateways][server]") {
  server_fixture f;
  auto c = f.connect();
  auto a = c.request(verb::get, "/v1/health");
  auto b = c.request(verb::get, "/v1/nowhere");
  CHECK(a["X-Request-Id"] != b["X-Request-Id"]);
  CHECK(b["X-Request-Id"].size() == 16);
}

TEST_CASE("two requests are served on one keep-alive connection", "[gateways][server]") {
  server_fixture f;
  auto c = f.connect();
  auto first = c.request(verb::get, "/v1/health");
  CHECK(first.result_int() == 200);
  CHECK(first.keep_alive());
  auto second = c.request(verb::get, "/v1/events");
  CHECK(second.result_int() == 200);
}

TEST_CASE("pipelined requests are answered in the order they were sent", "[gateways][server]") {
  server_fixture f;
  auto c = f.connect();
  c.write_raw(health_request + "GET /v1/nowhere HTTP/1.1\r\nHost: x\r\n\r\n" +
              "GET /v1/events?limit=0 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
              fake_client::admin_token() + "\r\n\r\n" + health_request);
  CHECK(c.read().result_int() == 200);
  CHECK(c.read().result_int() == 404);
  CHECK(c.read().result_int() == 400);
  CHECK(c.read().result_int() == 200);
}

TEST_CASE("Connection: close is honoured", "[gateways][server]") {
  server_fixture f;
  auto c = f.connect();
  auto r = c.request(verb::get, "/v1/health", "", {{"Connection", "close"}});
  CHECK(r.result_int() == 200);
  CHECK_FALSE(r.keep_alive());
  CHECK(c.closed_by_server());
}

TEST_CASE("an unknown path is 404 with the error envelope", "[gateways][server]") {
  server_fixture f;
  auto r = f.request(verb::get, "/v2/health");
  CHECK(r.result_int() == 404);
  CHECK(json_of(r).at("error").at("code") == "not_found");
}

TEST_CASE("a known path with the wrong method is 405 and names the allowed methods", "[gateways][server]") {
  server_fixture f;
  auto r = f.request(verb::delete_, "/v1/reports/marketing/large_customer_demand/2027-03");
  CHECK(r.result_int() == 405);
  CHECK(r[http::field::allow] == "PUT, GET");
  CHECK(json_of(r).at("error").at("code") == "invalid_request");
}

TEST_CASE("a body above max_body_bytes is 413 and the connection closes", "[gateways][server]") {
  server_fixture f;  // max_body_bytes = 4096
  auto c = f.connect();
  auto r = c.request(verb::put, "/v1/reports/marketing/large_customer_demand/2027-03",
                     R"({"rows":[)" + std::string(5000, ' ') + "]}");
  CHECK(r.result_int() == 413);
  CHECK(json_of(r).at("error").at("code") == "too_large");
  CHECK_FALSE(r.keep_alive());
  CHECK(c.closed_by_server());
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("a large body sent with Expect: 100-continue gets 100 first", "[gateways][server]") {
  server_fixture f;
  auto c = f.connect();
  c.write_raw("PUT /v1/reports/marketing/large_customer_demand/2027-03 HTTP/1.1\r\nHost: x\r\n"
              "Authorization: Bearer " + fake_client::admin_token() + "\r\n"
              "Content-Type: application/json\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n");
  auto interim = c.read();
  CHECK(interim.result_int() == 100);
  c.write_raw(R"({"rows":1})");
  auto r = c.read();
  CHECK(r.result_int() == 400);  // rows is not an array
}

TEST_CASE("a body announced above the limit is refused with 413 before it is sent", "[gateways][server]") {
  server_fixture f;
  auto c = f.connect();
  c.write_raw("PUT /v1/reports/marketing/large_customer_demand/2027-03 HTTP/1.1\r\nHost: x\r\n"
              "Content-Type: application/json\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n");
  auto r = c.read();
  CHECK(r.result_int() == 413);
  CHECK(c.closed_by_server());
}

TEST_CASE("a write body that is not JSON is 415", "[gateways][server]") {
  server_fixture f;
  auto req = make_request(verb::put, "/v1/reports/marketing/large_customer_demand/2027-03", "rows=1");
  req.set(http::field::content_type, "text/plain");
  auto c = f.connect();
  c.send(req);
  auto r = c.read();
  CHECK(r.result_int() == 415);
  CHECK(r.keep_alive());  // the body was read, so the connection stays usable
  CHECK(c.request(verb::get, "/v1/health").result_int() == 200);
}

TEST_CASE("a header block above max_header_bytes is 431", "[gateways][server]") {
  server_fixture f;  // max_header_bytes = 2048
  auto c = f.connect();
  c.send(make_request(verb::get, "/v1/health", "", {{"X-Padding", std::string(4000, 'a')}}));
  auto r = c.read();
  CHECK(r.result_int() == 431);
  CHECK(json_of(r).at("error").at("code") == "too_large");
  CHECK(c.closed_by_server());
}

TEST_CASE("unparsable HTTP is 400 and closes the connection", "[gateways][server]") {
  server_fixture f;
  auto c = f.connect();
  c.write_raw("GET /v1/health HTTP/1.1\r\nHost x\r\n\r\n");
  auto r = c.read();
  CHECK(r.result_int() == 400);
  CHECK(c.closed_by_server());
}

TEST_CASE("a body that does not arrive within read_timeout is answered 408", "[gateways][server][timeout]") {
  server_fixture f(server_fixture::small_settings(), {std::chrono::milliseconds{200}, std::nullopt, std::nullopt});
  auto c = f.connect();
  c.write_raw("PUT /v1/reports/marketing/large_customer_demand/2027-03 HTTP/1.1\r\nHost: x\r\n"
              "Authorization: Bearer " + fake_client::admin_token() + "\r\n"
              "Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"ro");  // 6 bytes never come
  auto r = c.read();
  CHECK(r.result_int() == 408);
  CHECK_FALSE(r.keep_alive());
  CHECK(c.closed_by_server());
}

TEST_CASE("a request head that does not arrive within header_timeout is answered 408",
          "[gateways][server][timeout]") {
  // read_timeout stays at 30 s: the head has its own, shorter limit.
  server_fixture f(server_fixture::small_settings(), {std::nullopt, std::nullopt, std::chrono::milliseconds{200}});
  auto c = f.connect();
  c.write_raw("GET /v1/health HTTP/1.1\r\nHost: x\r\n");  // the blank line never comes
  auto r = c.read();
  CHECK(r.result_int() == 408);
  CHECK(std::string(json_of(r).at("error").at("message").as_string()).find("head") != std::string::npos);
  CHECK(c.closed_by_server());
}

TEST_CASE("a fresh connection that sends nothing is closed after header_timeout", "[gateways][server][timeout]") {
  server_fixture f(server_fixture::small_settings(), {std::nullopt, std::nullopt, std::chrono::milliseconds{200}});
  auto c = f.connect();
  CHECK(c.closed_by_server());  // within the client's 5-s deadline, not read_timeout's 30 s
}

TEST_CASE("an idle keep-alive connection is closed after idle_timeout", "[gateways][server][timeout]") {
  server_fixture f(server_fixture::small_settings(), {std::nullopt, std::chrono::milliseconds{200}, std::nullopt});
  auto c = f.connect();
  CHECK(c.request(verb::get, "/v1/health").result_int() == 200);
  CHECK(c.closed_by_server());  // without any response
}

TEST_CASE("connections beyond max_connections are refused with 503", "[gateways][server]") {
  auto s = server_fixture::small_settings();
  s.max_connections = 1;
  server_fixture f(s);
  auto first = f.connect();
  CHECK(first.request(verb::get, "/v1/health").result_int() == 200);
  auto second = f.connect();
  second.write_raw(health_request);
  auto r = second.read();
  CHECK(r.result_int() == 503);
  CHECK(json_of(r).at("error").at("code") == "unavailable");
  CHECK(second.closed_by_server());
  CHECK(first.request(verb::get, "/v1/health").result_int() == 200);
}

TEST_CASE("start fails with unavailable when the port is taken", "[gateways][server]") {
  server_fixture f;
  auto s = server_fixture::small_settings();
  s.port = f.server.port();
  gateways::http_server second(s, f.fake);
  auto started = second.start();
  REQUIRE_FALSE(started);
  CHECK(started.error().code == domain::errc::unavailable);
  CHECK(started.error().message.find(std::to_string(s.port)) != std::string::npos);
}

TEST_CASE("stop lets an in-flight request finish and closes idle connections", "[gateways][server]") {
  server_fixture f;
  auto idle = f.connect();
  CHECK(idle.request(verb::get, "/v1/health").result_int() == 200);
  auto busy = f.connect();
  f.fake.hold();
  busy.write_raw(health_request);
  f.fake.wait_until_held(1);  // the request is with the actor system
  auto stopped = std::async(std::launch::async, [&] { f.server.stop(); });
  CHECK(idle.closed_by_server());
  f.fake.release();
  auto r = busy.read();
  CHECK(r.result_int() == 200);
  CHECK_FALSE(r.keep_alive());
  stopped.get();
  CHECK(busy.closed_by_server());
}

// --- The head decides before the body is read (issue 14) ---

TEST_CASE("a request without a token is answered 401 before its body is sent", "[gateways][server][hardening]") {
  auto s = server_fixture::small_settings();
  s.max_body_bytes = 1u << 20;
  server_fixture f(s);
  auto c = f.connect();
  // The body (100,000 bytes, within max_body_bytes) never comes: the answer must not wait for it.
  c.write_raw("PUT /v1/reports/marketing/large_customer_demand/2027-03 HTTP/1.1\r\nHost: x\r\n"
              "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
  auto r = c.read();
  CHECK(r.result_int() == 401);
  CHECK_FALSE(r.keep_alive());
  CHECK(c.closed_by_server());
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("Expect: 100-continue with a bad token is answered 401 and never 100", "[gateways][server][hardening]") {
  server_fixture f;
  auto c = f.connect();
  c.write_raw("PUT /v1/reports/marketing/large_customer_demand/2027-03 HTTP/1.1\r\nHost: x\r\n"
              "Authorization: Bearer gc_not_a_token\r\n"
              "Content-Type: application/json\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n");
  auto r = c.read();
  CHECK(r.result_int() == 401);
  CHECK(c.closed_by_server());
}

TEST_CASE("a role that may not write is answered 403 before its body is sent", "[gateways][server][hardening]") {
  server_fixture f;
  auto made = f.request(verb::post, "/v1/tokens", R"({"role":"reader"})");
  REQUIRE(made.result_int() == 201);
  auto body = json_of(made);
  std::string reader(body.at("token").as_string());
  auto c = f.connect();
  c.write_raw("PUT /v1/reports/marketing/large_customer_demand/2027-03 HTTP/1.1\r\nHost: x\r\n"
              "Authorization: Bearer " + reader + "\r\n"
              "Content-Type: application/json\r\nContent-Length: 4000\r\nExpect: 100-continue\r\n\r\n");
  auto r = c.read();
  CHECK(r.result_int() == 403);
  CHECK(c.closed_by_server());
}

TEST_CASE("a refused request without a body leaves the connection usable", "[gateways][server][hardening]") {
  server_fixture f;
  auto c = f.connect();
  CHECK(c.request(verb::get, "/v1/events", "", {{"Authorization", ""}}).result_int() == 401);
  CHECK(c.request(verb::get, "/v1/health").result_int() == 200);
}

TEST_CASE("a refused request with a small body keeps its connection", "[gateways][server][hardening]") {
  server_fixture f;
  auto c = f.connect();
  auto r = c.request(verb::put, "/v1/reports/marketing/large_customer_demand/2027-03", R"({"rows":[]})",
                     {{"Authorization", "Bearer gc_not_a_token"}});
  CHECK(r.result_int() == 401);
  CHECK(r.keep_alive());
  CHECK(c.request(verb::get, "/v1/health").result_int() == 200);
}

TEST_CASE("an unknown route is answered before its body is sent", "[gateways][server][hardening]") {
  auto s = server_fixture::small_settings();
  s.max_body_bytes = 1u << 20;
  server_fixture f(s);
  auto c = f.connect();
  c.write_raw("POST /v1/nowhere HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              "Content-Length: 100000\r\n\r\n");
  CHECK(c.read().result_int() == 404);
  CHECK(c.closed_by_server());
}

TEST_CASE("an anonymous route takes a body of at most 8 KiB", "[gateways][server][hardening]") {
  auto s = server_fixture::small_settings();
  s.max_body_bytes = 1u << 20;  // an authenticated request could send 1 MiB
  server_fixture f(s);
  auto c = f.connect();
  c.write_raw("GET /v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
  auto r = c.read();
  CHECK(r.result_int() == 413);
  CHECK(c.closed_by_server());
  // Chunked, so that no length is announced: cut off once 8 KiB have come.
  auto d = f.connect();
  d.write_raw("GET /v1/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
  std::string chunk = "1000\r\n" + std::string(4096, 'a') + "\r\n";
  for (int i = 0; i < 3; ++i) d.write_raw(chunk);
  CHECK(d.read().result_int() == 413);
  // A route that needs a token takes more, up to max_body_bytes.
  auto e = f.connect();
  auto r2 = e.request(verb::put, "/v1/reports/marketing/large_customer_demand/2027-03",
                      R"({"rows":[)" + std::string(9000, ' ') + "]}");
  CHECK(r2.result_int() != 413);
}

// --- Connections: per address, the reserve, Retry-After ---

TEST_CASE("connections beyond max_connections_per_address are refused with 503 and Retry-After",
          "[gateways][server][hardening]") {
  auto s = server_fixture::small_settings();
  s.max_connections_per_address = 2;
  server_fixture f(s);
  auto first = f.connect();
  auto second = f.connect();
  CHECK(first.request(verb::get, "/v1/health").result_int() == 200);
  CHECK(second.request(verb::get, "/v1/health").result_int() == 200);
  auto third = f.connect();
  third.write_raw(health_request);
  auto r = third.read();
  CHECK(r.result_int() == 503);
  CHECK(r[http::field::retry_after] == "5");
  CHECK(third.closed_by_server());
  CHECK(first.request(verb::get, "/v1/health").result_int() == 200);
}

TEST_CASE("at the connection cap the reserve still serves health and administrators",
          "[gateways][server][hardening]") {
  auto s = server_fixture::small_settings();
  s.max_connections = 2;
  s.reserved_connections = 2;
  server_fixture f(s);
  auto made = f.request(verb::post, "/v1/tokens", R"({"role":"reader"})");
  REQUIRE(made.result_int() == 201);
  auto body = json_of(made);
  std::string reader = "Bearer " + std::string(body.at("token").as_string());
  // Two silent connections fill the cap.
  auto silent_a = f.connect();
  auto silent_b = f.connect();
  silent_a.write_raw("G");
  silent_b.write_raw("G");
  auto health = f.connect();  // from the reserve
  CHECK(health.request(verb::get, "/v1/health").result_int() == 200);
  CHECK(health.request(verb::get, "/v1/tokens").result_int() == 200);  // the admin token
  auto other = f.connect();  // from the reserve too
  auto refused = other.request(verb::get, "/v1/events", "", {{"Authorization", reader}});
  CHECK(refused.result_int() == 503);
  CHECK(refused[http::field::retry_after] == "5");
  CHECK(other.closed_by_server());
}

// --- Framing: RFC 9112 (request smuggling) ---

TEST_CASE("a Transfer-Encoding whose final coding is not chunked is 400 and the bytes are not a second request",
          "[gateways][server][hardening]") {
  server_fixture f;
  for (std::string coding : {"chunked, identity", "gzip", "xchunked", "gzip, chunked", "identity"}) {
    CAPTURE(coding);
    auto c = f.connect();
    std::string smuggled = "GET /v1/tokens HTTP/1.1\r\nHost: x\r\n\r\n";
    c.write_raw("POST /v1/batch HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + fake_client::admin_token() +
                "\r\nContent-Type: application/json\r\nTransfer-Encoding: " + coding + "\r\n\r\n" + smuggled);
    auto r = c.read();
    CHECK(r.result_int() == 400);
    CHECK_FALSE(r.keep_alive());
    CHECK(c.closed_by_server());  // nothing more: the smuggled request is not answered
  }
}

TEST_CASE("an HTTP/1.1 request needs exactly one Host", "[gateways][server][hardening]") {
  server_fixture f;
  auto none = f.connect();
  none.write_raw("GET /v1/health HTTP/1.1\r\n\r\n");
  CHECK(none.read().result_int() == 400);
  auto two = f.connect();
  two.write_raw("GET /v1/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
  CHECK(two.read().result_int() == 400);
  auto old = f.connect();  // HTTP/1.0 has no such rule
  old.write_raw("GET /v1/health HTTP/1.0\r\n\r\n");
  CHECK(old.read().result_int() == 200);
}

TEST_CASE("an absolute-form target is served like its path", "[gateways][server][hardening]") {
  server_fixture f;
  auto c = f.connect();
  c.write_raw("GET http://gridcoord.example:8080/v1/health?x=1 HTTP/1.1\r\nHost: gridcoord.example:8080\r\n\r\n");
  CHECK(c.read().result_int() == 200);
  c.write_raw("GET HTTP://gridcoord.example HTTP/1.1\r\nHost: gridcoord.example\r\n\r\n");
  CHECK(c.read().result_int() == 302);  // the path "/", which redirects to the console
}
