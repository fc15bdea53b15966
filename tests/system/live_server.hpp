#pragma once
// tests/system/live_server.hpp — the real actor runtime (in memory) behind the
// real HTTP server on an ephemeral port, with tokens issued per role.
#include <future>
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "actors/runtime.hpp"
#include "gateways/http_server.hpp"
#include "tests/support/http_client.hpp"

namespace gridcoord::testing {

struct live_server {
  std::unique_ptr<actors::runtime> rt;
  std::unique_ptr<gateways::http_server> server;
  std::string admin;  // an admin token

  live_server() {
    actors::runtime_options o;
    o.scheduler_threads = 2;
    o.snapshot_check_interval = std::chrono::milliseconds{0};
    rt = std::move(*actors::runtime::start(o));
    config::server_settings s;
    s.port = 0;
    server = std::make_unique<gateways::http_server>(s, rt->api());
    REQUIRE(server->start());
    admin = issue("admin");
  }

  // A new token with `role`, issued straight through the actor system.
  std::string issue(const std::string& role) {
    std::promise<domain::expected<domain::issued_token>> p;
    rt->api().create_token(role, "test", "test", "", [&](auto t) { p.set_value(std::move(t)); });
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
