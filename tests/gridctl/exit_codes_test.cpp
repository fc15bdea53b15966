#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "cmd/gridctl/error_report.hpp"
#include "cmd/gridctl/exit_codes.hpp"

using namespace gridcoord::gridctl;
namespace json = boost::json;

TEST_CASE("every HTTP status maps to its documented exit code", "[gridctl][exit]") {
  CHECK(exit_code_for_status(200) == exit_code::ok);
  CHECK(exit_code_for_status(201) == exit_code::ok);
  CHECK(exit_code_for_status(401) == exit_code::auth);
  CHECK(exit_code_for_status(403) == exit_code::auth);
  for (unsigned s : {400u, 413u, 415u, 422u, 405u, 408u, 431u}) CHECK(exit_code_for_status(s) == exit_code::invalid);
  CHECK(exit_code_for_status(404) == exit_code::not_found);
  CHECK(exit_code_for_status(409) == exit_code::conflict);
  for (unsigned s : {429u, 500u, 502u, 503u, 504u, 302u}) CHECK(exit_code_for_status(s) == exit_code::server);
  CHECK(to_int(exit_code::usage) == 2);
  CHECK(to_int(exit_code::server) == 7);
}

TEST_CASE("the exit code table is in the help text", "[gridctl][exit]") {
  auto help = std::string(exit_code_help());
  for (auto code : {"0  success", "2  usage", "3  authentication", "4  the server refused", "5  not found",
                    "6  conflict", "7  server or connection"})
    CHECK(help.find(code) != std::string::npos);
}

TEST_CASE("a validation error becomes one readable line per detail", "[gridctl][exit][errors]") {
  auto body = json::parse(R"({"error":{"code":"validation_failed","message":"3 problem(s); nothing was stored",
    "details":[{"row":3,"field":"demand_kw","value":"-5","reason":"must be greater than 0"},
               {"field":"role","value":"","reason":"is required"},
               {"row":2,"field":"","value":"","reason":"the row is empty"}]}})");
  CHECK(describe_failure(422, "Unprocessable Entity", body) ==
        "gridctl: validation_failed (422): 3 problem(s); nothing was stored\n"
        "  row 3, demand_kw = \"-5\": must be greater than 0\n"
        "  role = \"\": is required\n"
        "  row 2: the row is empty\n");
  CHECK(describe_detail(json::parse(R"({"row":1,"field":"customer","value":"say \"hi\"","reason":"x"})")) ==
        R"(row 1, customer = "say \"hi\"": x)");
}

TEST_CASE("a failure without the error envelope is told by its status line", "[gridctl][exit][errors]") {
  CHECK(describe_failure(503, "Service Unavailable", json::parse(R"({"status":"unavailable"})")) ==
        "gridctl: the server answered 503 Service Unavailable\n");
  CHECK(describe_failure(502, "Bad Gateway", nullptr) == "gridctl: the server answered 502 Bad Gateway\n");
  CHECK_FALSE(is_error_envelope(json::parse(R"({"error":"text"})")));
}
