#include <catch2/catch.hpp>

#include "gateways/rate_limiter.hpp"

using gridcoord::gateways::rate_limiter;
using namespace std::chrono_literals;

TEST_CASE("a token may spend its burst at once, then waits for the rate", "[gateways][rate]") {
  rate_limiter limiter(10, 3);  // 10 per second, 3 at once
  auto t0 = rate_limiter::clock::time_point{} + 1h;
  std::chrono::milliseconds retry{0};
  for (int i = 0; i < 3; ++i) CHECK(limiter.admit("tk_a", t0, retry));
  CHECK_FALSE(limiter.admit("tk_a", t0, retry));
  CHECK(retry == 100ms);
  CHECK(limiter.admit("tk_b", t0, retry));  // another token has its own bucket
  CHECK_FALSE(limiter.admit("tk_a", t0 + 50ms, retry));
  CHECK(retry == 50ms);
  CHECK(limiter.admit("tk_a", t0 + 100ms, retry));
  CHECK_FALSE(limiter.admit("tk_a", t0 + 100ms, retry));
  // A long pause refills to the burst, not beyond.
  for (int i = 0; i < 3; ++i) CHECK(limiter.admit("tk_a", t0 + 1h, retry));
  CHECK_FALSE(limiter.admit("tk_a", t0 + 1h, retry));
}

TEST_CASE("a rate of zero admits everything", "[gateways][rate]") {
  rate_limiter limiter(0, 0);
  std::chrono::milliseconds retry{0};
  for (int i = 0; i < 1000; ++i) REQUIRE(limiter.admit("tk_a", rate_limiter::clock::now(), retry));
}

#include "tests/gateways/support/test_client.hpp"

TEST_CASE("a token over its rate gets 429 with Retry-After; anonymous health is not limited",
          "[gateways][rate][server]") {
  using namespace gridcoord::testing;
  auto settings = server_fixture::small_settings();
  settings.rate_limit_per_second = 1;
  settings.rate_limit_burst = 2;
  server_fixture f(settings);
  CHECK(f.request(http::verb::get, "/v1/events").result_int() == 200);
  CHECK(f.request(http::verb::get, "/v1/events").result_int() == 200);
  auto limited = f.request(http::verb::get, "/v1/events");
  CHECK(limited.result_int() == 429);
  CHECK(json_of(limited).at("error").at("code") == "too_many_requests");
  CHECK(std::stoi(std::string(limited[http::field::retry_after])) >= 1);
  for (int i = 0; i < 5; ++i)
    CHECK(f.request(http::verb::get, "/v1/health", "", {{"Authorization", ""}}).result_int() == 200);
}
