#include <catch2/catch.hpp>

#include "gateways/client/url.hpp"

using namespace gridcoord::gateways::client;

TEST_CASE("a server URL gives host, port and base path", "[gridctl][url]") {
  auto e = parse_url("http://127.0.0.1:8080");
  REQUIRE(e);
  CHECK(*e == endpoint{"127.0.0.1", 8080, ""});
  CHECK(*parse_url("http://grid.example") == endpoint{"grid.example", 80, ""});
  CHECK(*parse_url("grid.example:9000") == endpoint{"grid.example", 9000, ""});
  CHECK(*parse_url("http://proxy:80/gridcoord/") == endpoint{"proxy", 80, "/gridcoord"});
  CHECK(*parse_url("http://[::1]:8080") == endpoint{"::1", 8080, ""});
  CHECK(parse_url("http://[::1]:8080")->text() == "http://[::1]:8080");
  CHECK(parse_url("http://proxy/gc")->text() == "http://proxy:80/gc");
}

TEST_CASE("an https server URL records the scheme and defaults to port 443", "[gridctl][url]") {
  auto https = url_scheme::https;
  CHECK(*parse_url("https://grid.example") == endpoint{"grid.example", 443, "", https});
  CHECK(*parse_url("https://grid.example:8443/gc/") == endpoint{"grid.example", 8443, "/gc", https});
  CHECK(*parse_url("https://[::1]") == endpoint{"::1", 443, "", https});
  CHECK(parse_url("https://grid.example/gc")->text() == "https://grid.example:443/gc");
  CHECK(parse_url("grid.example:443")->scheme == url_scheme::http);  // no scheme means http, whatever the port
}

TEST_CASE("other schemes and malformed server URLs are refused with a reason", "[gridctl][url]") {
  auto ftp = parse_url("ftp://grid.example");
  REQUIRE_FALSE(ftp);
  CHECK(ftp.error().find("must start with http:// or https://") != std::string::npos);
  CHECK_FALSE(parse_url("https://"));
  CHECK_FALSE(parse_url("http://"));
  CHECK_FALSE(parse_url("http://:8080"));
  CHECK_FALSE(parse_url("http://host:0"));
  CHECK_FALSE(parse_url("http://host:65536"));
  CHECK_FALSE(parse_url("http://host:80x"));
  CHECK_FALSE(parse_url("http://host/?a=1"));
  CHECK_FALSE(parse_url("http://[::1"));
}

TEST_CASE("path segments and query values are percent-encoded as UTF-8", "[gridctl][url]") {
  CHECK(encode_component("planning") == "planning");
  CHECK(encode_component("a b/c?d") == "a%20b%2Fc%3Fd");
  CHECK(encode_component("蓝海") == "%E8%93%9D%E6%B5%B7");
  CHECK(encode_component("-._~") == "-._~");
}
