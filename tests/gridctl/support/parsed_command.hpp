#pragma once
// tests/gridctl/support/parsed_command.hpp — a gridctl command line parsed as
// gridctl parses it, and the request it would send, without a server: what
// the request-building tests check (method, path, query, body, headers).
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>

#include "cmd/gridctl/app.hpp"

namespace gridcoord::testing {

// A command line as gridctl understands it; the console stays alive with it,
// since a file argument is read through it when the request is built.
struct parsed {
  std::istringstream in;
  std::ostringstream out, err;
  gridctl::console io{in, out, err, [](std::string_view) { return std::optional<std::string>{}; }, {}};
  int code = -1;  // -1: parsed into an invocation
  gridctl::invocation inv;

  explicit parsed(std::vector<std::string> args, std::string input = "") : in(std::move(input)) {
    args.insert(args.begin(), "gridctl");
    auto result = gridctl::parse_command_line(args, io);
    if (auto* c = std::get_if<int>(&result)) code = *c;
    else inv = std::move(std::get<gridctl::invocation>(result));
  }
  expected<gridctl::client::http_request, std::string> build() const { return inv.cmd->build(inv.args); }
};

// The request gridctl would send for `args` (REQUIREs that there is one).
inline gridctl::client::http_request request_for(std::vector<std::string> args, std::string input = "") {
  parsed p(std::move(args), std::move(input));
  INFO(p.err.str());
  REQUIRE(p.code == -1);
  auto req = p.build();
  INFO((req ? "" : req.error()));
  REQUIRE(req);
  return *req;
}

// The message of the request gridctl refuses to build for `args` (REQUIREs a refusal).
inline std::string refusal_for(std::vector<std::string> args, std::string input = "") {
  parsed p(std::move(args), std::move(input));
  INFO(p.err.str());
  REQUIRE(p.code == -1);
  auto req = p.build();
  REQUIRE_FALSE(req);
  return req.error();
}

inline int usage_code(std::vector<std::string> args) { return parsed(std::move(args)).code; }

}  // namespace gridcoord::testing
