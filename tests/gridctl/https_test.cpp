// gridctl over https, in-process, against the real actor runtime behind the
// real HTTP server serving TLS with a throwaway certificate.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "cmd/gridctl/exit_codes.hpp"
#include "tests/gridctl/support/gridctl_runner.hpp"
#include "tests/support/self_signed.hpp"
#include "tests/system/live_server.hpp"

using namespace gridcoord;
using testing::gridctl_runner;
using testing::lines_of;

namespace {

const std::string m1_rows = R"({"rows":[
  {"customer":"Hengda Steel","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80}]})";

const int transport_exit = gridctl::to_int(gridctl::exit_code::server);

// A TLS server whose certificate is `cert` (made out to localhost and 127.0.0.1 unless told otherwise).
struct https_fixture {
  https_fixture() = default;
  https_fixture(const std::string& common_name, const std::string& alt_names) : cert(common_name, alt_names) {}

  testing::self_signed cert;
  testing::live_server server{config::tls_settings{cert.cert_file(), cert.key_file(), "1.2"}};

  std::string url(const std::string& host = "127.0.0.1") const {
    return "https://" + host + ":" + std::to_string(server.server->port());
  }
  // gridctl as the admin, with `more` in its environment.
  gridctl_runner admin(std::map<std::string, std::string> more = {}) const {
    more.emplace("GRIDCOORD_URL", url());
    more.emplace("GRIDCOORD_TOKEN", server.admin);
    return gridctl_runner{std::move(more)};
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("gridctl health over https with --ca-file answers the server's JSON", "[gridctl][https]") {
  https_fixture f;
  auto r = f.admin()({"health", "--ca-file", f.cert.cert_file()});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.json().at("status") == "ok");

  auto by_name = f.admin({{"GRIDCOORD_CA_FILE", f.cert.cert_file()}})({"health", "--url", f.url("localhost")});
  INFO(by_name.err);
  CHECK(by_name.code == 0);
  CHECK(by_name.json().at("status") == "ok");
}

TEST_CASE("gridctl over https without the CA file fails as a transport error naming the certificate",
          "[gridctl][https]") {
  https_fixture f;
  auto r = f.admin()({"health"});
  CHECK(r.code == transport_exit);
  CHECK(r.out.empty());
  INFO(r.err);
  CHECK(has(r.err, "the server's certificate is not trusted: self-signed certificate"));
  CHECK(has(r.err, "--ca-file"));
}

TEST_CASE("gridctl over https refuses a trusted certificate made out to another host", "[gridctl][https]") {
  https_fixture f("grid.example", "DNS:grid.example");
  auto by_ip = f.admin({{"GRIDCOORD_CA_FILE", f.cert.cert_file()}})({"health"});
  CHECK(by_ip.code == transport_exit);
  INFO(by_ip.err);
  CHECK(has(by_ip.err, "the server's certificate is not trusted: IP address mismatch"));
  CHECK(has(by_ip.err, "not made out to 127.0.0.1"));

  auto by_name = f.admin({{"GRIDCOORD_CA_FILE", f.cert.cert_file()}})({"health", "--url", f.url("localhost")});
  CHECK(by_name.code == transport_exit);
  INFO(by_name.err);
  CHECK(has(by_name.err, "the server's certificate is not trusted: hostname mismatch"));
}

TEST_CASE("a CA file that cannot be loaded is a transport error naming it", "[gridctl][https]") {
  https_fixture f;
  auto missing = f.cert.dir() + "/none.pem";
  auto r = f.admin()({"health", "--ca-file", missing});
  CHECK(r.code == transport_exit);
  INFO(r.err);
  CHECK(has(r.err, "cannot load the CA file " + missing));
}

TEST_CASE("gridctl submits over https and gridctl stream --limit ends after that many events",
          "[gridctl][https][stream]") {
  https_fixture f;
  auto admin = f.admin({{"GRIDCOORD_CA_FILE", f.cert.cert_file()}});
  admin.input = m1_rows;
  auto put = admin({"report", "submit", "marketing", "large_customer_demand", "2026-10", "--file", "-"});
  INFO(put.err);
  REQUIRE(put.code == 0);

  auto r = admin({"stream", "--limit", "2"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 2);  // the admin token's event, then the report
  CHECK(boost::json::parse(lines[0]).at("seq") == 1);
  CHECK(boost::json::parse(lines[1]).at("seq") == 2);
  CHECK(has(lines[1], "report.submitted"));
}
