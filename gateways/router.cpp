#include "gateways/router.hpp"

#include <algorithm>
#include <cctype>
#include <exception>

#include <boost/json/parse.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "domain/finite_numbers.hpp"
#include "gateways/error_mapping.hpp"

namespace gridcoord::gateways {

namespace http = boost::beast::http;

namespace {

bool iequals(std::string_view a, std::string_view b) noexcept {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The media type: "application/json" for "application/json; charset=utf-8".
std::string_view media_type(std::string_view content_type) noexcept {
  return trim(content_type.substr(0, content_type.find(';')));
}

// The charset parameter of a Content-Type, unquoted; "" when there is none.
std::string_view charset_of(std::string_view content_type) noexcept {
  for (auto at = content_type.find(';'); at != std::string_view::npos;) {
    auto rest = content_type.substr(at + 1);
    auto next = rest.find(';');
    auto param = trim(rest.substr(0, next));
    if (param.size() > 8 && iequals(param.substr(0, 8), "charset=")) {
      auto value = param.substr(8);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      return value;
    }
    at = next == std::string_view::npos ? next : at + 1 + next;
  }
  return {};
}

bool is_write(http::verb v) noexcept {
  return v == http::verb::put || v == http::verb::post || v == http::verb::patch;
}

// 415 for a text body (`what`: "CSV", "JSON lines") in a charset other than
// UTF-8; the hint says which Content-Type to send instead.
std::optional<http_response> check_utf8(std::string_view content_type, std::string_view what,
                                        std::string_view hint) {
  auto charset = charset_of(content_type);
  if (charset.empty() || iequals(charset, "utf-8") || iequals(charset, "utf8")) return std::nullopt;
  return error_response(protocol_error::unsupported_media_type,
                        fmt::format("a {} body must be UTF-8, not {}: save the file as UTF-8 and send it with "
                                    "Content-Type: {}; charset=utf-8",
                                    what, charset, hint));
}

// A text/csv body as UTF-8 text, unparsed (domain/csv_encoding.hpp); 415 for
// a charset it does not read, 400 for bytes that are not text in it.
std::optional<http_response> take_csv(const http_request& req, std::string_view content_type,
                                      std::optional<domain::decoded_text>& out) {
  auto charset = charset_of(content_type);
  auto declared = domain::parse_charset(charset);
  if (!charset.empty() && !declared)
    return error_response(protocol_error::unsupported_media_type,
                          fmt::format("a CSV body is read as UTF-8 or GB18030: send it with charset={} "
                                      "(GBK and GB2312 are read as GB18030), or with no charset to have it "
                                      "detected; not {}",
                                      domain::accepted_charsets(), charset));
  auto text = domain::decode_csv_bytes(req.body(), declared);
  if (!text) return error_response(text.error());
  out = std::move(*text);
  return std::nullopt;
}

// 415 or 400 for a body of a type the route does not take, or bad JSON;
// nullopt when there is no body, it is in `ctx` (body or csv), or it is JSON
// lines (left in the request).
std::optional<http_response> parse_body(const http_request& req, body_types takes, request_context& ctx) {
  if (req.body().empty() || !is_write(req.method())) return std::nullopt;
  auto field = req.find(http::field::content_type);
  std::string_view content_type;
  if (field != req.end()) content_type = std::string_view(field->value().data(), field->value().size());
  bool csv_too = takes == body_types::json_or_csv;
  bool lines_too = takes == body_types::json_or_lines;
  auto type = media_type(content_type);
  if (csv_too && iequals(type, "text/csv")) return take_csv(req, content_type, ctx.csv);
  if (lines_too && (iequals(type, "application/x-ndjson") || iequals(type, "text/plain")))
    return check_utf8(content_type, "JSON lines", "application/x-ndjson");  // the route reads the body
  if (!iequals(type, "application/json"))
    return error_response(protocol_error::unsupported_media_type,
                          csv_too     ? "a request body here must be JSON (Content-Type: application/json) "
                                        "or CSV (Content-Type: text/csv)"
                          : lines_too ? "a request body here must be JSON lines (Content-Type: application/x-ndjson "
                                        "or text/plain) or JSON (application/json)"
                                      : "a request body must be JSON, sent with Content-Type: application/json");
  std::error_code ec;
  boost::json::value v = boost::json::parse(req.body(), ec);
  if (ec) return error_response(domain::errc::invalid_request,
                                fmt::format("the body is not valid JSON: {}", ec.message()));
  if (auto finite = domain::check_finite(v); !finite) return error_response(finite.error());  // 1e999999: 422
  ctx.body = std::move(v);
  return std::nullopt;
}

std::string join_methods(const std::vector<http::verb>& methods) {
  std::string out;
  for (auto m : methods) {
    if (!out.empty()) out += ", ";
    out += http::to_string(m);
  }
  return out;
}

}  // namespace

std::string_view request_context::param(std::string_view name) const {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return {};
}

std::optional<std::string_view> request_context::header(std::string_view name) const {
  auto it = http.find(name);
  if (it == http.end()) return std::nullopt;
  return std::string_view(it->value().data(), it->value().size());
}

void router::add(http_verb method, std::string_view pattern, access_rule access,
                 route_handler handler, body_types takes) {
  route r{method, {}, false, std::move(access), std::move(handler), takes};
  auto segments = split_path(pattern);
  for (auto& s : segments.value_or(std::vector<std::string>{})) {
    bool is_param = s.size() > 2 && s.front() == '{' && s.back() == '}';
    std::string name = is_param ? s.substr(1, s.size() - 2) : s;
    if (is_param && name.ends_with("...")) {
      name.resize(name.size() - 3);
      r.rest = true;
    }
    r.pattern.push_back({std::move(name), is_param});
  }
  routes_.push_back(std::move(r));
}

std::optional<http_response> router::authorize(const route& r, request_context& ctx) const {
  auto op = r.access(ctx);
  if (op.kind == domain::operation_kind::read_public) return std::nullopt;
  constexpr std::string_view scheme = "Bearer ";
  auto header = ctx.header("Authorization");
  if (!header || !header->starts_with(scheme)) {
    auto res = error_response(domain::errc::unauthorized,
                              "this request needs a token: send \"Authorization: Bearer <token>\"");
    res.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"gridcoord\"");
    return res;
  }
  auto caller = authenticate_(header->substr(scheme.size()));
  if (!caller) {
    auto res = error_response(caller.error());
    res.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"gridcoord\", error=\"invalid_token\"");
    return res;
  }
  if (!domain::allowed(caller->granted, op))
    return error_response(domain::errc::forbidden,
                          fmt::format("the role {} may not do this", domain::to_string(caller->granted)));
  std::chrono::milliseconds retry_after{0};
  if (limiter_ && !limiter_->admit(caller->token_id, rate_limiter::clock::now(), retry_after)) {
    auto res = error_response(domain::errc::too_many_requests,
                              fmt::format("token {} is over its request rate; retry in {} ms",
                                          caller->token_id, retry_after.count()));
    auto seconds = (retry_after.count() + 999) / 1000;
    res.headers.emplace_back("Retry-After", std::to_string(std::max<long>(1, seconds)));
    return res;
  }
  ctx.caller = std::move(*caller);
  return std::nullopt;
}

bool router::matches(const route& r, const std::vector<std::string>& path, path_params& params) {
  if (r.rest ? path.size() < r.pattern.size() : r.pattern.size() != path.size()) return false;
  params.clear();
  std::size_t fixed = r.rest ? r.pattern.size() - 1 : r.pattern.size();
  for (std::size_t i = 0; i < fixed; ++i) {
    const auto& seg = r.pattern[i];
    if (seg.is_param) {
      if (path[i].empty()) return false;
      params.emplace_back(seg.text, path[i]);
    } else if (seg.text != path[i]) {
      return false;
    }
  }
  if (r.rest) {
    std::string tail;
    for (std::size_t i = fixed; i < path.size(); ++i) tail += (i > fixed ? "/" : "") + path[i];
    params.emplace_back(r.pattern.back().text, std::move(tail));
  }
  return true;
}

router::admission router::admit(const http_request& head) const {
  admission a;
  auto [raw_path, raw_query] = split_target(std::string_view(head.target().data(), head.target().size()));
  auto path = split_path(raw_path);
  auto query = parse_query(raw_query);
  if (!path || !query) {
    a.refusal_ = error_response(protocol_error::bad_request,
                                "the request target is not a well-formed, UTF-8, percent-encoded path");
    return a;
  }
  std::vector<http::verb> allowed;
  for (const auto& r : routes_) {
    path_params p;
    if (!matches(r, *path, p)) continue;
    allowed.push_back(r.method);
    if (r.method == head.method() && !a.route_) {
      a.route_ = &r;
      a.params_ = std::move(p);
    }
  }
  if (!a.route_ && allowed.empty()) {
    a.refusal_ = error_response(domain::errc::not_found, fmt::format("no resource at {}", raw_path));
    return a;
  }
  if (!a.route_) {
    auto res = error_response(protocol_error::method_not_allowed,
                              fmt::format("{} is not allowed on {}; allowed: {}",
                                          std::string_view(head.method_string()), raw_path,
                                          join_methods(allowed)));
    res.headers.emplace_back("Allow", join_methods(allowed));
    a.refusal_ = std::move(res);
    return a;
  }
  request_context ctx{head, std::move(a.params_), std::move(*query), std::nullopt, std::nullopt, {}, {}};
  if (auto refused = authorize(*a.route_, ctx)) {
    a.refusal_ = std::move(refused);
    return a;
  }
  a.params_ = std::move(ctx.params);
  a.query_ = std::move(ctx.query);
  a.caller_ = std::move(ctx.caller);
  a.essential_ = (a.caller_ && a.caller_->granted.kind == domain::role_kind::admin) ||
                 (head.method() == http::verb::get && raw_path == "/v1/health");
  return a;
}

void router::dispatch(const http_request& req, admission admitted, std::string remote, std::string request_id,
                      respond done) const {
  if (admitted.refusal_) return done(std::move(*admitted.refusal_));
  const route& found = *admitted.route_;
  request_context ctx{req,
                      std::move(admitted.params_),
                      std::move(admitted.query_),
                      std::nullopt,
                      std::move(admitted.caller_),
                      std::move(remote),
                      std::move(request_id)};
  if (auto failure = parse_body(req, found.takes, ctx)) return done(std::move(*failure));
  try {
    found.handler(ctx, done);
  } catch (const std::exception& e) {
    spdlog::error("route {} {} threw: {}", std::string_view(req.method_string()),
                  split_target(std::string_view(req.target().data(), req.target().size())).first, e.what());
    done(error_response(domain::errc::internal, "the server failed to handle this request"));
  }
}

void router::dispatch(const http_request& req, std::string remote, std::string request_id, respond done) const {
  dispatch(req, admit(req), std::move(remote), std::move(request_id), std::move(done));
}

std::vector<router::entry> router::table() const {
  std::vector<entry> out;
  for (const auto& r : routes_) {
    std::string pattern;
    for (const auto& seg : r.pattern) pattern += seg.is_param ? "/{" + seg.text + "}" : "/" + seg.text;
    out.push_back({r.method, pattern.empty() ? "/" : pattern, r.rest});
  }
  return out;
}

}  // namespace gridcoord::gateways
