#include <catch2/catch.hpp>

#include "gateways/uri.hpp"

using namespace gridcoord::gateways;

TEST_CASE("percent-decoding turns UTF-8 escapes into Chinese text", "[gateways][uri]") {
  auto decoded = percent_decode("%E6%81%92%E5%A4%A7%E9%92%A2%E9%93%81", false);
  REQUIRE(decoded);
  CHECK(*decoded == "恒大钢铁");
  CHECK(percent_decode("a%20b", false) == std::optional<std::string>("a b"));
  CHECK(percent_decode("%7e%7E", false) == std::optional<std::string>("~~"));
}

TEST_CASE("plus is a space in a query but not in a path", "[gateways][uri]") {
  CHECK(percent_decode("a+b", true) == std::optional<std::string>("a b"));
  CHECK(percent_decode("a+b", false) == std::optional<std::string>("a+b"));
}

TEST_CASE("malformed escapes, bad UTF-8 and control characters are refused", "[gateways][uri]") {
  CHECK_FALSE(percent_decode("%", false));
  CHECK_FALSE(percent_decode("%4", false));
  CHECK_FALSE(percent_decode("%G1", false));
  CHECK_FALSE(percent_decode("%FF", false));        // not UTF-8
  CHECK_FALSE(percent_decode("%C0%AF", false));     // overlong '/'
  CHECK_FALSE(percent_decode("%ED%A0%80", false));  // surrogate
  CHECK_FALSE(percent_decode("%E6%81", false));     // truncated sequence
  CHECK_FALSE(percent_decode("a%00b", false));
  CHECK_FALSE(percent_decode("a%0Ab", false));
}

TEST_CASE("a path splits into decoded segments", "[gateways][uri]") {
  auto segments = split_path("/v1/reports/a%2Fb/%E4%B8%AD");
  REQUIRE(segments);
  CHECK(*segments == std::vector<std::string>{"v1", "reports", "a/b", "中"});
  CHECK(split_path("/") == std::optional<std::vector<std::string>>({""}));
  CHECK(split_path("/a/") == std::optional<std::vector<std::string>>({"a", ""}));
  CHECK_FALSE(split_path("v1/health"));
  CHECK_FALSE(split_path(""));
}

TEST_CASE("a query parses into ordered, decoded pairs", "[gateways][uri]") {
  auto q = parse_query("after=3&&limit=10&name=%E4%B8%AD+x&flag");
  REQUIRE(q);
  REQUIRE(q->size() == 4);
  CHECK(find_param(*q, "after") == std::optional<std::string_view>("3"));
  CHECK(find_param(*q, "limit") == std::optional<std::string_view>("10"));
  CHECK(find_param(*q, "name") == std::optional<std::string_view>("中 x"));
  CHECK(find_param(*q, "flag") == std::optional<std::string_view>(""));
  CHECK_FALSE(find_param(*q, "missing"));
  CHECK_FALSE(parse_query("a=%ZZ"));
}

TEST_CASE("a target splits at the first question mark", "[gateways][uri]") {
  auto [path, query] = split_target("/v1/events?after=1?x");
  CHECK(path == "/v1/events");
  CHECK(query == "after=1?x");
  auto [p2, q2] = split_target("/v1/health");
  CHECK(p2 == "/v1/health");
  CHECK(q2.empty());
}

TEST_CASE("an absolute-form target splits after its scheme and authority", "[gateways][uri]") {
  using pair = std::pair<std::string_view, std::string_view>;
  CHECK(split_target("http://grid.example:8080/v1/health?x=1") == pair{"/v1/health", "x=1"});
  CHECK(split_target("HTTPS://grid.example/v1/events") == pair{"/v1/events", ""});
  CHECK(split_target("http://grid.example") == pair{"/", ""});
  CHECK(split_target("http://grid.example?a=b") == pair{"/", "a=b"});
  CHECK(split_target("/http://not-absolute") == pair{"/http://not-absolute", ""});
}
