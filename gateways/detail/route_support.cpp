#include "gateways/detail/route_support.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <boost/json.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "domain/json.hpp"
#include "domain/origin.hpp"
#include "gateways/request_hash.hpp"
#include "gateways/uri.hpp"

namespace gridcoord::gateways::detail {

namespace json = boost::json;
using domain::errc;
using domain::fail;

http_response json_response(unsigned status, const boost::json::value& body) {
  return {status, domain::to_text(body), {}};
}

http_response internal_failure(std::string_view what) {
  spdlog::error("request failed inside the gateway: {}", what);
  return error_response(errc::internal, "the server failed to handle this request");
}

domain::expected<domain::department> department_param(std::string_view text) {
  if (auto d = domain::parse_department(text)) return *d;
  return fail(errc::not_found,
              fmt::format("no department \"{}\"; departments are planning, dispatch, production, "
                          "marketing, customer_service",
                          text));
}

domain::expected<const domain::report_kind*> kind_param(std::string_view text) {
  if (const auto* k = domain::find_report_kind(text)) return k;
  return fail(errc::not_found, fmt::format("no report kind \"{}\"", text));
}

domain::expected<domain::month> month_param(std::string_view text) {
  if (auto m = domain::parse_month(text)) return *m;
  return fail(errc::invalid_request,
              fmt::format("\"{}\" is not a month; write it YYYY-MM, e.g. 2027-03", text));
}

domain::expected<std::uint64_t> integer_param(std::string_view text, std::string_view what,
                                              std::uint64_t min, std::uint64_t max) {
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || v < min || v > max)
    return fail(errc::invalid_request,
                fmt::format("{} must be a whole number from {} to {}, not \"{}\"", what, min, max, text));
  return v;
}

domain::expected<std::uint64_t> integer_query(const request_context& ctx, std::string_view key,
                                              std::uint64_t fallback, std::uint64_t min,
                                              std::uint64_t max) {
  auto text = find_param(ctx.query, key);
  if (!text) return fallback;
  return integer_param(*text, key, min, max);
}

domain::expected<std::optional<bool>> bool_query(const request_context& ctx, std::string_view key) {
  auto text = find_param(ctx.query, key);
  if (!text) return std::optional<bool>{};
  if (*text == "true") return std::optional<bool>{true};
  if (*text == "false") return std::optional<bool>{false};
  return fail(errc::invalid_request, fmt::format("{} must be true or false", key),
              {{domain::rule::not_a_boolean, std::nullopt, std::string(key), std::string(*text),
                "must be true or false"}});
}

std::string report_address::path() const {
  return fmt::format("/v1/reports/{}/{}/{}", domain::to_string(department), kind->id, domain::to_string(period));
}

domain::expected<report_address> parse_report_address(const request_context& ctx) {
  auto department = department_param(ctx.param("department"));
  if (!department) return unexpected{department.error()};
  auto kind = kind_param(ctx.param("kind"));
  if (!kind) return unexpected{kind.error()};
  auto period = month_param(ctx.param("month"));
  if (!period) return unexpected{period.error()};
  return report_address{*department, *kind, *period};
}

domain::expected<std::string> idempotency_key_of(const request_context& ctx) {
  auto key = ctx.header("Idempotency-Key");
  if (!key) return std::string();
  if (key->empty() || key->size() > max_idempotency_key_chars)
    return fail(errc::invalid_request,
                fmt::format("Idempotency-Key must be 1 to {} characters", max_idempotency_key_chars));
  return std::string(*key);
}

std::optional<path_params> match_pattern(std::string_view pattern, const std::vector<std::string>& path) {
  auto segments = split_path(pattern);
  if (!segments || segments->size() != path.size()) return std::nullopt;
  path_params params;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const auto& seg = (*segments)[i];
    if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
      if (path[i].empty()) return std::nullopt;
      params.emplace_back(seg.substr(1, seg.size() - 2), path[i]);
    } else if (seg != path[i]) {
      return std::nullopt;
    }
  }
  return params;
}

void note_csv_encoding(const request_context& ctx, boost::json::object& answer) {
  if (ctx.csv) answer["encoding"] = domain::to_string(ctx.csv->encoding);
}

http_response upload_error_response(const request_context& ctx, const domain::error& e) {
  boost::json::object extra;
  note_csv_encoding(ctx, extra);
  return error_response(e, extra);
}

std::string body_hash(const request_context& ctx, std::string_view method, std::string_view path) {
  if (ctx.csv) return request_hash(fmt::format("{} text/csv", method), path, std::string_view(ctx.http.body()));
  return request_hash(method, path, domain::to_text(ctx.body ? *ctx.body : boost::json::value{}));
}

std::string origin_of(const request_context& ctx) {
  return domain::encode(domain::request_origin{
      ctx.caller ? domain::to_string(ctx.caller->granted) : std::string(), ctx.remote, ctx.request_id,
      ctx.caller ? ctx.caller->description : std::string()});
}

std::string caller_id(const request_context& ctx) {
  return ctx.caller ? ctx.caller->token_id : std::string(anonymous_actor);
}

body_reader::body_reader(const json::value* body, std::string_view what, const std::vector<std::string_view>& known,
                         empty_body empty)
    : what_(what) {
  if (!body || body->is_null()) {
    not_object_ = empty == empty_body::refused;
    return;
  }
  if (!body->is_object()) {
    not_object_ = true;
    return;
  }
  object_ = &body->get_object();
  for (const auto& [k, v] : *object_)
    if (std::find(known.begin(), known.end(), std::string_view(k)) == known.end())
      issue_of(domain::rule::unknown_field, k, v, fmt::format("is not a field of the {}", what_));
}

const json::value* body_reader::field(std::string_view key) const {
  if (!object_) return nullptr;
  const auto* v = object_->if_contains(key);
  return v && !v->is_null() ? v : nullptr;
}

std::string body_reader::fmt_allowed(std::string_view lead, std::string_view allowed) {
  return fmt::format("{} {}", lead, allowed);
}

void body_reader::issue_of(domain::rule broken, std::string_view key, const json::value& v, std::string reason) {
  issue(broken, key, domain::value_text(v), std::move(reason));
}

void body_reader::issue(domain::rule broken, std::string_view key, std::string value, std::string reason) {
  issues_.push_back({broken, std::nullopt, std::string(key), std::move(value), std::move(reason)});
}

std::string body_reader::text(std::string_view key, bool required, domain::text_kind kind) {
  const auto* v = field(key);
  if (v && v->is_string() && !(required && v->get_string().empty())) {
    if (auto broken = domain::check_text(key, v->get_string(), kind)) {
      issues_.push_back(std::move(*broken));
      return {};
    }
    return std::string(v->get_string());
  }
  if (v && !v->is_string()) issue_of(domain::rule::not_a_string, key, *v, "must be a string");
  else if (required)
    issue(v ? domain::rule::empty_text : domain::rule::required, key, "", "is required and must not be empty");
  return {};
}

std::optional<std::string> body_reader::optional_text(std::string_view key, domain::text_kind kind) {
  if (!field(key)) return std::nullopt;
  return text(key, false, kind);
}

std::optional<domain::time_point> body_reader::time(std::string_view key, bool required) {
  const auto* v = field(key);
  if (!v) {
    if (required)
      issue(domain::rule::required, key, "", "is required: an RFC 3339 time, e.g. 2026-12-01T09:30:00+08:00");
    return std::nullopt;
  }
  auto t = v->is_string() ? domain::parse_rfc3339(v->get_string()) : std::nullopt;
  if (!t)
    issue_of(domain::rule::not_a_time, key, *v,
             "must be an RFC 3339 time with its offset, e.g. 2026-12-01T09:30:00+08:00");
  return t;
}

std::vector<std::string> body_reader::ids(std::string_view key, bool required) {
  std::vector<std::string> out;
  const auto* v = field(key);
  if (!v) {
    if (required) issue(domain::rule::required, key, "", "is required: a list of equipment ids");
    return out;
  }
  if (!v->is_array() || (required && v->get_array().empty())) {
    issue_of(v->is_array() ? domain::rule::required : domain::rule::not_a_list, key, *v,
             "must be a list of at least one equipment id");
    return out;
  }
  const auto& list = v->get_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].is_string() && !list[i].get_string().empty()) {
      auto at = fmt::format("{}[{}]", key, i);
      if (auto broken = domain::check_text(at, list[i].get_string(), domain::text_kind::identifier))
        issues_.push_back(std::move(*broken));
      else
        out.emplace_back(list[i].get_string());
    } else
      issue_of(list[i].is_string() ? domain::rule::empty_text : domain::rule::not_a_string,
               fmt::format("{}[{}]", key, i), list[i], "must be an equipment id (a non-empty string)");
  }
  return out;
}

namespace {

// The rule a value given for a whole number in [min, max] breaks.
domain::rule integer_rule(const json::value& v) {
  if (!v.is_number()) return domain::rule::not_a_whole_number;
  double d = v.to_number<double>();
  return std::floor(d) == d ? domain::rule::out_of_range : domain::rule::not_a_whole_number;
}

}  // namespace

std::optional<std::uint64_t> body_reader::integer(std::string_view key, std::uint64_t min, std::uint64_t max) {
  const auto* v = field(key);
  if (!v) return std::nullopt;
  std::error_code ec;
  auto n = v->is_number() ? v->to_number<std::uint64_t>(ec) : 0;
  if (!v->is_number() || ec || n < min || n > max) {
    issue_of(integer_rule(*v), key, *v, fmt::format("must be a whole number from {} to {}", min, max));
    return std::nullopt;
  }
  return n;
}

std::optional<bool> body_reader::boolean(std::string_view key) {
  const auto* v = field(key);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    issue_of(domain::rule::not_a_boolean, key, *v, "must be true or false");
    return std::nullopt;
  }
  return v->get_bool();
}

domain::status body_reader::finish() const {
  if (not_object_) return domain::fail(errc::invalid_request, fmt::format("the body of a {} must be a JSON object", what_));
  if (!issues_.empty()) return domain::fail(errc::validation_failed, fmt::format("the {} is not valid", what_), issues_);
  return {};
}

}  // namespace gridcoord::gateways::detail
