#pragma once
// tests/system/live_server.hpp — the real actor runtime (in memory) behind the
// real HTTP server on an ephemeral port (https when given TLS settings), with
// tokens issued per role.
#include <future>
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "actors/runtime.hpp"
#include "gateways/http_server.hpp"
#include "tests/support/http_client.hpp"

namespace gridcoord::testing {

// A one-row M1 report and where it goes, for tests that need any valid write.
inline const std::string m1_path = "/v1/reports/marketing/large_customer_demand/2026-10";
inline const std::string m1_body =
    R"({"rows":[{"customer":"Hengda Steel","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80}]})";

// {"operations":[{"method":…,"path":…,"body":…}]}: one operation as a batch.
inline std::string batch_of(const std::string& method, const std::string& path, const std::string& body) {
  return R"({"operations":[{"method":")" + method + R"(","path":")" + path + R"(","body":)" + body + "}]}";
}

struct live_server {
  std::unique_ptr<actors::runtime> rt;
  std::unique_ptr<gateways::http_server> server;
  std::string admin;  // an admin token

  // `clock`: the runtime's clock (nullptr: the system clock); it must outlive the server.
  explicit live_server(const config::tls_settings& tls = {}, const domain::clock* clock = nullptr) {
    actors::runtime_options o;
    o.clock = clock;
    o.scheduler_threads = 2;
    o.snapshot_check_interval = std::chrono::milliseconds{0};
    rt = std::move(*actors::runtime::start(o));
    config::server_settings s;
    s.port = 0;
    s.tls = tls;
    server = std::make_unique<gateways::http_server>(s, rt->api());
    REQUIRE(server->start());
    admin = issue("admin");
  }

  // A new token with `role`, issued straight through the actor system.
  std::string issue(const std::string& role) {
    std::promise<domain::expected<domain::issued_token>> p;
    rt->api().create_token({role, "test", "test", "", {}}, [&](auto t) { p.set_value(std::move(t)); });
    auto t = p.get_future().get();
    REQUIRE(t);
    return t->token;
  }

  http_client client() { return {"127.0.0.1", server->port()}; }
};

inline std::map<std::string, std::string> bearer(const std::string& token,
                                                 std::map<std::string, std::string> more = {}) {
  more["Authorization"] = "Bearer " + token;
  return more;
}

}  // namespace gridcoord::testing
