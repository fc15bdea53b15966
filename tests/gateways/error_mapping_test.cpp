#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "gateways/error_mapping.hpp"

using namespace gridcoord;
using gateways::http_status;
using gateways::protocol_error;

TEST_CASE("every domain error code maps to its HTTP status", "[gateways][errors]") {
  using domain::errc;
  CHECK(http_status(errc::invalid_request) == 400);
  CHECK(http_status(errc::validation_failed) == 422);
  CHECK(http_status(errc::not_found) == 404);
  CHECK(http_status(errc::conflict) == 409);
  CHECK(http_status(errc::unauthorized) == 401);
  CHECK(http_status(errc::forbidden) == 403);
  CHECK(http_status(errc::too_large) == 413);
  CHECK(http_status(errc::too_many_requests) == 429);
  CHECK(http_status(errc::unavailable) == 503);
  CHECK(http_status(errc::internal) == 500);
}

TEST_CASE("protocol failures have their own statuses and domain codes", "[gateways][errors]") {
  CHECK(http_status(protocol_error::method_not_allowed) == 405);
  CHECK(http_status(protocol_error::request_timeout) == 408);
  CHECK(http_status(protocol_error::body_too_large) == 413);
  CHECK(http_status(protocol_error::unsupported_media_type) == 415);
  CHECK(http_status(protocol_error::header_too_large) == 431);
  CHECK(http_status(protocol_error::too_many_connections) == 503);
  auto r = gateways::error_response(protocol_error::header_too_large, "too big");
  CHECK(r.status == 431);
  CHECK(r.body == R"({"error":{"code":"too_large","message":"too big","details":[]}})");
}

TEST_CASE("the error envelope lists every issue with its rule and omits an absent row", "[gateways][errors]") {
  domain::error e{domain::errc::validation_failed, "2 problems",
                  {{domain::rule::below_minimum, 3, "demand_kw", "-5", "must be greater than 0"},
                   {domain::rule::required, std::nullopt, "rows", "", "is required"}}};
  auto r = gateways::error_response(e);
  CHECK(r.status == 422);
  auto body = boost::json::parse(r.body);
  const auto& err = body.at("error");
  CHECK(err.at("code") == "validation_failed");
  CHECK(err.at("message") == "2 problems");
  const auto& details = err.at("details").as_array();
  REQUIRE(details.size() == 2);
  CHECK(details[0] == boost::json::parse(
                          R"({"row":3,"field":"demand_kw","value":"-5","reason":"must be greater than 0",)"
                          R"("rule":"below_minimum"})"));
  CHECK_FALSE(details[1].as_object().contains("row"));
  CHECK(details[1].at("rule") == "required");
}
