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

TEST_CASE("an error answer is written again in the language asked for, with Content-Language and Vary",
          "[gateways][errors][languages]") {
  domain::error e{domain::errc::validation_failed, "the precheck is not valid",
                  {{domain::rule::not_a_number, std::nullopt, "load_kva", "\"x\"", "must be a number above 0"}}};
  auto en = gateways::in_language(gateways::error_response(e), domain::language::en);
  CHECK(en.body == gateways::error_response(e).body);  // byte for byte
  auto zh = gateways::in_language(gateways::error_response(e), domain::language::zh_cn);
  CHECK(zh.status == 422);
  CHECK(boost::json::parse(zh.body) == boost::json::parse(R"({"error":{"code":"validation_failed",
      "message":"容量预检有误","details":[{"field":"load_kva","value":"\"x\"","reason":"须为大于 0 的数值",
      "rule":"not_a_number"}]}})"));
  auto header = [](const gateways::http_response& r, std::string_view name) {
    for (const auto& [n, v] : r.headers)
      if (n == name) return v;
    return std::string("(none)");
  };
  CHECK(header(en, "Content-Language") == "en");
  CHECK(header(zh, "Content-Language") == "zh-CN");
  CHECK(header(zh, "Vary") == "Accept-Language");
  gateways::http_response ok{200, "{}", {}, nullptr, std::nullopt};
  auto same = gateways::in_language(ok, domain::language::zh_cn);
  CHECK(same.body == "{}");
  CHECK(same.headers.empty());
}

TEST_CASE("a protocol failure without a translation says its own title in Chinese, then the English",
          "[gateways][errors][languages]") {
  auto r = gateways::in_language(gateways::error_response(protocol_error::method_not_allowed, "no PATCH here"),
                                 domain::language::zh_cn);
  CHECK(boost::json::parse(r.body).at("error").at("message") == "不允许使用该方法（no PATCH here）");
  for (auto e : {protocol_error::bad_request, protocol_error::method_not_allowed, protocol_error::request_timeout,
                 protocol_error::body_too_large, protocol_error::unsupported_media_type,
                 protocol_error::header_too_large, protocol_error::too_many_connections}) {
    CHECK_FALSE(gateways::title_of(e).en.empty());
    CHECK_FALSE(gateways::title_of(e).zh_cn.empty());
  }
}
