// The server over TLS: the same answers as plain HTTP, after a handshake;
// no HTTP for clients that do not speak TLS or do not trust the certificate.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "tests/gateways/support/test_client.hpp"
#include "tests/gateways/support/tls_client.hpp"
#include "tests/support/self_signed.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;

namespace {

const std::string health_request = "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n";

config::server_settings tls_settings(const self_signed& cert) {
  auto s = server_fixture::small_settings();
  s.tls.cert_file = cert.cert_file();
  s.tls.key_file = cert.key_file();
  return s;
}

// A server with TLS on 127.0.0.1:0 over the fake client, and a way to talk to it.
struct tls_fixture {
  explicit tls_fixture(gateways::timeout_overrides o = {}) : f(tls_settings(cert), o) {}
  tls_client connect() { return tls_client(f.server.port(), cert.cert_file()); }

  self_signed cert;
  server_fixture f;
};

// start()'s error message with `tls`, or "" when it started.
std::string start_error(const config::tls_settings& tls) {
  auto s = server_fixture::small_settings();
  s.tls = tls;
  fake_client fake;
  gateways::http_server server(s, fake);
  auto started = server.start();
  return started ? "" : started.error().message;
}

}  // namespace

TEST_CASE("health over TLS answers as over plain HTTP", "[gateways][tls]") {
  tls_fixture t;
  auto r = t.connect().request(verb::get, "/v1/health");
  CHECK(r.result_int() == 200);
  CHECK(r[http::field::content_type] == "application/json");
  CHECK(json_of(r) == boost::json::parse(R"({"status":"ok","last_seq":42,"version":"0.1.0-test",)"
                                          R"("calendar":{"covered_years":[2026],"missing_years":[2027]}})"));
}

TEST_CASE("two requests are served on one TLS keep-alive connection", "[gateways][tls]") {
  tls_fixture t;
  auto c = t.connect();
  auto first = c.request(verb::get, "/v1/health");
  CHECK(first.result_int() == 200);
  CHECK(first.keep_alive());
  auto second = c.request(verb::get, "/v1/nowhere");
  CHECK(second.result_int() == 404);
  CHECK(json_of(second).at("error").at("code") == "not_found");
}

TEST_CASE("a plain-HTTP request to the TLS port gets no HTTP answer", "[gateways][tls]") {
  tls_fixture t;
  test_client plain(t.f.server.port());
  plain.write_raw(health_request);
  CHECK_THROWS(plain.read());
  CHECK(t.connect().request(verb::get, "/v1/health").result_int() == 200);  // still serving
}

TEST_CASE("a client that does not trust the certificate fails the handshake", "[gateways][tls]") {
  tls_fixture t;
  self_signed other;
  CHECK_THROWS_AS(tls_client(t.f.server.port(), other.cert_file()), boost::system::system_error);
  CHECK(t.connect().request(verb::get, "/v1/health").result_int() == 200);
}

TEST_CASE("Connection: close over TLS ends with the server's close_notify", "[gateways][tls]") {
  tls_fixture t;
  auto c = t.connect();
  auto r = c.request(verb::get, "/v1/health", "", {{"Connection", "close"}});
  CHECK(r.result_int() == 200);
  CHECK_FALSE(r.keep_alive());
  CHECK(c.shut_down_by_server());
}

TEST_CASE("a connection silent during the TLS handshake is dropped after header_timeout", "[gateways][tls]") {
  tls_fixture t({std::nullopt, std::nullopt, std::chrono::milliseconds{200}});
  test_client silent(t.f.server.port());
  CHECK(silent.closed_by_server());
}

TEST_CASE("the event stream is served over TLS", "[gateways][tls][stream]") {
  tls_fixture t;
  t.f.fake.add_event({1, "report/marketing/large_customer_demand/2027-03", "report.submitted",
                      fake_client::fixed_time, "li.wei", R"({"demand_kw":1250.5})"});
  auto c = t.connect();
  c.send(make_request(verb::get, "/v1/stream"));
  auto head = c.read_head();
  CHECK(head.result_int() == 200);
  CHECK(head[http::field::content_type] == "text/event-stream");
  CHECK(c.read_until("id: 1\nevent: report.submitted\n").find("data: ") != std::string::npos);
}

TEST_CASE("a missing certificate or key file is a start error naming it", "[gateways][tls]") {
  self_signed cert;
  auto missing_cert = start_error({cert.dir() + "/none.pem", cert.key_file(), "1.2"});
  CHECK(missing_cert.find(cert.dir() + "/none.pem cannot be read") != std::string::npos);
  auto missing_key = start_error({cert.cert_file(), cert.dir() + "/none.key", "1.2"});
  CHECK(missing_key.find("key file " + cert.dir() + "/none.key cannot be read") != std::string::npos);
}

TEST_CASE("a certificate file that is not PEM, or a key of another certificate, is a start error",
          "[gateways][tls]") {
  self_signed cert, other;
  auto not_pem = start_error({cert.key_file(), cert.key_file(), "1.2"});
  CHECK(not_pem.find("certificate file " + cert.key_file()) != std::string::npos);
  auto mismatch = start_error({cert.cert_file(), other.key_file(), "1.2"});
  CHECK(mismatch.find("key file " + other.key_file()) != std::string::npos);
}
