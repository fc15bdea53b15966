// The web console is served from the binary (GET /, /console/…) with its
// security and cache headers, deep links answer the index page, and GET /v1/me
// tells the console who the caller is.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "gateways/console_assets.hpp"
#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;

namespace {

std::string header(const response& r, std::string_view name) {
  auto it = r.find(name);
  return it == r.end() ? std::string() : std::string(it->value());
}

const gateways::console_asset* asset(std::string_view path) {
  for (const auto& a : gateways::console_assets())
    if (a.path == path) return &a;
  return nullptr;
}

}  // namespace

TEST_CASE("the binary holds the console's index page, its modules and the UI library", "[gateways][console]") {
  const auto* index = asset("index.html");
  REQUIRE(index != nullptr);
  CHECK(index->content_type == "text/html; charset=utf-8");
  CHECK(index->body.find("/console/app.js") != std::string_view::npos);
  const auto* vendor = asset("vendor/preact-htm.js");
  REQUIRE(vendor != nullptr);
  CHECK(vendor->content_type == "text/javascript; charset=utf-8");
  CHECK(vendor->body.find("export{") != std::string_view::npos);
  for (const auto& a : gateways::console_assets()) {
    INFO(a.path);
    CHECK(!a.path.starts_with("."));
    CHECK(a.etag.size() == 22);  // '"' + 20 hex digits of the SHA-256 + '"'
  }
}

TEST_CASE("GET / and GET /console redirect to /console/", "[gateways][console]") {
  server_fixture f;
  for (auto target : {"/", "/console"}) {
    auto r = f.request(verb::get, target, "", {{"Authorization", ""}});
    INFO(target);
    CHECK(r.result_int() == 302);
    CHECK(header(r, "Location") == "/console/");
  }
}

TEST_CASE("the console's files are served without a token, typed, with CSP, ETag and no-cache",
          "[gateways][console]") {
  server_fixture f;
  auto r = f.request(verb::get, "/console/", "", {{"Authorization", ""}});
  REQUIRE(r.result_int() == 200);
  CHECK(r.body() == asset("index.html")->body);
  CHECK(header(r, "Content-Type") == "text/html; charset=utf-8");
  CHECK(header(r, "Content-Security-Policy").starts_with("default-src 'self'"));
  CHECK(header(r, "Cache-Control") == "no-cache");
  CHECK(header(r, "X-Content-Type-Options") == "nosniff");
  CHECK(header(r, "ETag") == asset("index.html")->etag);

  auto js = f.request(verb::get, "/console/vendor/preact-htm.js", "", {{"Authorization", ""}});
  REQUIRE(js.result_int() == 200);
  CHECK(header(js, "Content-Type") == "text/javascript; charset=utf-8");
  CHECK(js.body() == asset("vendor/preact-htm.js")->body);
}

TEST_CASE("a request naming the current ETag is answered 304 without a body", "[gateways][console]") {
  server_fixture f;
  auto first = f.request(verb::get, "/console/app.js", "", {{"Authorization", ""}});
  REQUIRE(first.result_int() == 200);
  auto again = f.request(verb::get, "/console/app.js", "",
                         {{"Authorization", ""}, {"If-None-Match", header(first, "ETag")}});
  CHECK(again.result_int() == 304);
  CHECK(again.body().empty());
  auto stale = f.request(verb::get, "/console/app.js", "", {{"Authorization", ""}, {"If-None-Match", "\"old\""}});
  CHECK(stale.result_int() == 200);
}

TEST_CASE("a deep link answers the index page; a missing file is a 404, never the index", "[gateways][console]") {
  server_fixture f;
  auto deep = f.request(verb::get, "/console/reports/marketing/large_customer_demand/2026-11", "",
                        {{"Authorization", ""}});
  REQUIRE(deep.result_int() == 200);
  CHECK(deep.body() == asset("index.html")->body);
  auto missing = f.request(verb::get, "/console/screens/nothing-here.js", "", {{"Authorization", ""}});
  CHECK(missing.result_int() == 404);
  CHECK(json_of(missing).at("error").at("code") == "not_found");
}

TEST_CASE("a path that climbs out of the console is refused", "[gateways][console]") {
  server_fixture f;
  for (auto target : {"/console/../docs/api.md", "/console/%2e%2e/CMakeLists.txt", "/console/a//b.js",
                      "/console/./index.html"}) {
    INFO(target);
    auto r = f.request(verb::get, target, "", {{"Authorization", ""}});
    CHECK(r.result_int() == 404);
  }
}

TEST_CASE("with a console folder the files come from disk, the UI library still from the binary",
          "[gateways][console]") {
  auto dir = std::filesystem::temp_directory_path() / "gridcoord-console-dir-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "index.html") << "<!doctype html><title>dev</title>";
  std::ofstream(dir / "app.js") << "export const dev = 1;";
  auto s = server_fixture::small_settings();
  s.console_dir = dir.string();
  server_fixture f(s);
  auto page = f.request(verb::get, "/console/month", "", {{"Authorization", ""}});
  CHECK(page.body() == "<!doctype html><title>dev</title>");
  auto js = f.request(verb::get, "/console/app.js", "", {{"Authorization", ""}});
  CHECK(js.body() == "export const dev = 1;");
  CHECK(header(js, "Content-Type") == "text/javascript; charset=utf-8");
  auto vendor = f.request(verb::get, "/console/vendor/preact-htm.js", "", {{"Authorization", ""}});
  CHECK(vendor.body() == asset("vendor/preact-htm.js")->body);
  std::filesystem::remove_all(dir);
}

TEST_CASE("GET /v1/me names the caller's token, role, person and the server's time zone", "[gateways][console]") {
  server_fixture f;
  auto r = f.request(verb::get, "/v1/me");
  REQUIRE(r.result_int() == 200);
  auto me = json_of(r).as_object();
  CHECK(me.at("role") == "admin");
  CHECK(me.at("description") == "test admin");
  CHECK(me.at("time_zone") == "Asia/Shanghai");
  CHECK(me.at("token_id").as_string().starts_with("tk_"));
  CHECK(!me.contains("department"));
  auto anonymous = f.request(verb::get, "/v1/me", "", {{"Authorization", ""}});
  CHECK(anonymous.result_int() == 401);
}
