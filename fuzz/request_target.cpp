// fuzz/request_target.cpp — the router's reading of a request target.
//
// Input: the bytes of a request target as a client sends it
// ("/v1/reports/%E8%90%A5%E9%94%80/x/2026-10?limit=10&after=3").
// Calls split_target, split_path, parse_query and percent_decode
// (gateways/uri.hpp), and router::dispatch over a small table with the shapes
// of the real one (parameters, a rest parameter, two methods on one path),
// as GET and as PUT with a JSON body. Checks: decoded text is UTF-8 without
// control characters; every dispatch answers exactly once, with a status the
// contract names.
#include <optional>
#include <string>
#include <string_view>

#include "domain/auth.hpp"
#include "fuzz/fuzz_target.hpp"
#include "gateways/detail/route_labels.hpp"
#include "gateways/detail/route_support.hpp"
#include "gateways/router.hpp"
#include "gateways/uri.hpp"

namespace {

namespace gw = gridcoord::gateways;
namespace http = boost::beast::http;
namespace domain = gridcoord::domain;
using gridcoord::fuzz::check;

bool clean_text(std::string_view text) {
  if (!gw::is_utf8(text)) return false;
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') return false;
  return true;
}

gw::access_rule anyone() {
  return [](const gw::request_context&) { return domain::operation{domain::operation_kind::read_public, {}, {}}; };
}

gw::access_rule admin_only() {
  return [](const gw::request_context&) { return domain::operation{domain::operation_kind::manage_tokens, {}, {}}; };
}

// Only "Bearer fuzz-admin" passes.
domain::expected<domain::principal> authenticate(std::string_view bearer) {
  if (bearer == "fuzz-admin") return domain::principal{"tk_fuzz", domain::role{domain::role_kind::admin}};
  return domain::fail(domain::errc::unauthorized, "the token is not valid");
}

const gw::router& table() {
  static const gw::router r = [] {
    gw::router out(authenticate);
    auto echo = [](const gw::request_context& ctx, gw::respond done) {
      for (const auto& [name, value] : ctx.params) check(clean_text(value), "a path parameter is not clean UTF-8");
      for (const auto& [key, value] : ctx.query)
        check(clean_text(key) && clean_text(value), "a query parameter is not clean UTF-8");
      done({200, "{}", {}});
    };
    out.add(http::verb::get, "/v1/health", anyone(), echo);
    out.add(http::verb::get, "/v1/reports/{department}/{kind}/{month}", anyone(), echo);
    out.add(http::verb::put, "/v1/reports/{department}/{kind}/{month}", anyone(), echo,
            gw::body_types::json_or_csv);
    out.add(http::verb::post, "/v1/departments/{department}/inbox/{item}/ack", anyone(), echo);
    out.add(http::verb::delete_, "/v1/tokens/{id}", admin_only(), echo);
    out.add(http::verb::get, "/console/{path...}", anyone(), echo);
    return out;
  }();
  return r;
}

void dispatch(http::verb method, std::string_view target, bool admin) {
  gw::http_request req{method, target, 11};
  if (admin) req.set(http::field::authorization, "Bearer fuzz-admin");
  if (method == http::verb::put) {
    req.set(http::field::content_type, "application/json");
    req.body() = R"({"rows":[]})";
    req.prepare_payload();
  }
  int answers = 0;
  unsigned status = 0;
  table().dispatch(req, "127.0.0.1:1", "fuzz", [&](gw::http_response res) {
    ++answers;
    status = res.status;
  });
  check(answers == 1, "dispatch did not answer exactly once");
  check(status == 200 || status == 400 || status == 401 || status == 403 || status == 404 || status == 405 ||
            status == 415,
        "dispatch answered a status its contract does not name");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto target = gridcoord::fuzz::as_text(data, size);
  auto [path, query] = gw::split_target(target);
  check(path.size() + query.size() <= target.size(), "split_target answered more than the target");
  if (auto segments = gw::split_path(path)) {
    for (const auto& s : *segments) check(clean_text(s), "a path segment is not clean UTF-8");
    (void)gw::detail::match_pattern("/v1/reports/{department}/{kind}/{month}", *segments);
  }
  if (auto params = gw::parse_query(query)) {
    for (const auto& [k, v] : *params) check(clean_text(k) && clean_text(v), "a query pair is not clean UTF-8");
    (void)gw::find_param(*params, "limit");
  }
  for (bool plus : {false, true})
    if (auto decoded = gw::percent_decode(target, plus)) check(clean_text(*decoded), "percent_decode let through bad text");

  // Beast refuses a target with bytes a request line cannot hold; the session
  // never sees one, so neither does the router here.
  if (target.find_first_of(std::string_view("\0\r\n \t", 5)) != std::string_view::npos) return 0;
  dispatch(http::verb::get, target, false);
  dispatch(http::verb::put, target, true);
  dispatch(http::verb::delete_, target, false);
  static const gw::detail::route_labels labels(table().table());
  auto label = labels.of("GET", target);
  check(!label.route.empty(), "route_labels answered no label");
  return 0;
}
