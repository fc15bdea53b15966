#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "gateways/router.hpp"

using namespace gridcoord::gateways;
namespace http = boost::beast::http;

namespace {

http_request make(http::verb method, std::string_view target, std::string body = "",
                  std::string_view content_type = "application/json",
                  std::string_view token = "admin-token") {
  http_request req{method, target, 11};
  if (!token.empty()) req.set(http::field::authorization, "Bearer " + std::string(token));
  if (!body.empty()) req.set(http::field::content_type, content_type);
  req.body() = std::move(body);
  req.prepare_payload();
  return req;
}

using namespace gridcoord::domain;

// Accepts "admin-token" as an admin and "marketing-token" as marketing's liaison.
expected<principal> test_authenticate(std::string_view bearer) {
  if (bearer == "admin-token") return principal{"tk_admin", role{role_kind::admin}};
  if (bearer == "marketing-token")
    return principal{"tk_marketing", role{role_kind::liaison, department::marketing}};
  return fail(errc::unauthorized, "the token is not valid; ask an administrator for one");
}

access_rule anyone() {
  return [](const request_context&) { return operation{operation_kind::read_public, {}, {}}; };
}

// Writing thing {id} counts as submitting department {id}'s report.
access_rule submit_of_id() {
  return [](const request_context& ctx) {
    return operation{operation_kind::submit_report, parse_department(ctx.param("id")), {}};
  };
}

struct fixture {
  router r{test_authenticate};
  std::vector<path_params> seen;
  std::optional<boost::json::value> seen_body;
  std::optional<principal> seen_caller;

  fixture() {
    auto record = [this](const request_context& ctx, respond done) {
      seen.push_back(ctx.params);
      seen_body = ctx.body;
      seen_caller = ctx.caller;
      done({200, "{}", {}});
    };
    r.add(http::verb::get, "/v1/things/{id}", anyone(), record);
    r.add(http::verb::put, "/v1/things/{id}", submit_of_id(), record);
    r.add(http::verb::get, "/v1/things/{id}/parts/{part}", anyone(), record);
  }

  http_response send(const http_request& req) {
    std::optional<http_response> out;
    r.dispatch(req, "127.0.0.1", "test-request", [&](http_response res) { out = std::move(res); });
    REQUIRE(out);
    return *out;
  }
};

}  // namespace

TEST_CASE("a route receives its decoded path parameters", "[gateways][router]") {
  fixture f;
  CHECK(f.send(make(http::verb::get, "/v1/things/%E4%B8%AD%20x/parts/7")).status == 200);
  REQUIRE(f.seen.size() == 1);
  CHECK(f.seen[0] == path_params{{"id", "中 x"}, {"part", "7"}});
}

TEST_CASE("an unknown path is 404 and a known path with another method is 405 with Allow",
          "[gateways][router]") {
  fixture f;
  CHECK(f.send(make(http::verb::get, "/v1/nothing")).status == 404);
  CHECK(f.send(make(http::verb::get, "/v1/things/")).status == 404);  // empty parameter
  auto r = f.send(make(http::verb::delete_, "/v1/things/1"));
  CHECK(r.status == 405);
  REQUIRE(r.headers.size() == 1);
  CHECK(r.headers[0] == std::pair<std::string, std::string>{"Allow", "GET, PUT"});
  CHECK(f.seen.empty());
}

TEST_CASE("a write body must be JSON with a JSON content type", "[gateways][router]") {
  fixture f;
  CHECK(f.send(make(http::verb::put, "/v1/things/1", "{}", "text/plain")).status == 415);
  CHECK(f.send(make(http::verb::put, "/v1/things/1", "{oops", "application/json")).status == 400);
  CHECK(f.seen.empty());
  CHECK(f.send(make(http::verb::put, "/v1/things/1", R"({"a":1})", "Application/JSON; charset=utf-8"))
            .status == 200);
  REQUIRE(f.seen_body);
  CHECK(*f.seen_body == boost::json::parse(R"({"a":1})"));
}

TEST_CASE("a malformed target is 400", "[gateways][router]") {
  fixture f;
  CHECK(f.send(make(http::verb::get, "/v1/things/%ZZ")).status == 400);
  CHECK(f.send(make(http::verb::get, "/v1/things/1?x=%FF")).status == 400);
  CHECK(f.seen.empty());
}

TEST_CASE("a route that throws is answered 500", "[gateways][router]") {
  router r{test_authenticate};
  r.add(http::verb::get, "/boom", anyone(), [](const request_context&, respond) { throw std::runtime_error("boom"); });
  std::optional<http_response> out;
  r.dispatch(make(http::verb::get, "/boom"), "127.0.0.1", "test-request", [&](http_response res) { out = std::move(res); });
  REQUIRE(out);
  CHECK(out->status == 500);
  CHECK(out->body.find("boom") == std::string::npos);  // details stay in the log
}

TEST_CASE("a protected route without a token is 401 and names the scheme", "[gateways][router][auth]") {
  fixture f;
  auto r = f.send(make(http::verb::put, "/v1/things/marketing", "{}", "application/json", ""));
  CHECK(r.status == 401);
  CHECK(f.seen.empty());
  bool names_scheme = false;
  for (const auto& [k, v] : r.headers)
    if (k == "WWW-Authenticate" && v.starts_with("Bearer")) names_scheme = true;
  CHECK(names_scheme);
  CHECK(f.send(make(http::verb::get, "/v1/things/1", "", "application/json", "")).status == 200);
}

TEST_CASE("a bad token is 401; a good token without the right is 403; with it the route runs",
          "[gateways][router][auth]") {
  fixture f;
  CHECK(f.send(make(http::verb::put, "/v1/things/marketing", "{}", "application/json", "forged")).status == 401);
  CHECK(f.send(make(http::verb::put, "/v1/things/planning", "{}", "application/json", "marketing-token")).status == 403);
  CHECK(f.seen.empty());
  CHECK(f.send(make(http::verb::put, "/v1/things/marketing", "{}", "application/json", "marketing-token")).status == 200);
  REQUIRE(f.seen_caller);
  CHECK(f.seen_caller->token_id == "tk_marketing");
}

TEST_CASE("authorization is decided before the body is read", "[gateways][router][auth]") {
  fixture f;
  // A malformed body from a caller without the right is refused as 403, not 400.
  CHECK(f.send(make(http::verb::put, "/v1/things/planning", "{broken", "application/json", "marketing-token")).status == 403);
}
