// An event's origin round-trips, with the person behind the token, and reads
// origins written before the person was kept.
#include <catch2/catch.hpp>

#include "domain/origin.hpp"

using namespace gridcoord::domain;

TEST_CASE("an origin keeps the person behind the token", "[domain][origin]") {
  request_origin o{"liaison:marketing", "127.0.0.1", "req-1", "张敏"};
  CHECK(decode_origin(encode(o)) == o);
}

TEST_CASE("an origin written before people were kept reads with no person", "[domain][origin]") {
  auto o = decode_origin(R"({"role":"admin","remote":"10.0.0.1","request_id":"r"})");
  CHECK(o.role == "admin");
  CHECK(o.person.empty());
  CHECK(encode(request_origin{"admin", "10.0.0.1", "r", ""}) ==
        R"({"role":"admin","remote":"10.0.0.1","request_id":"r"})");
}
