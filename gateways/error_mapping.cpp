#include "gateways/error_mapping.hpp"

#include <array>
#include <utility>

#include <boost/json/value_from.hpp>

#include "domain/json.hpp"
#include "domain/localize.hpp"
#include "gateways/detail/beast.hpp"
#include "gateways/codecs.hpp"

namespace gridcoord::gateways {

namespace {

using domain::errc;

// THE table. A new errc gets its status here and nowhere else.
constexpr std::array<std::pair<errc, unsigned>, 10> status_of_errc{{
    {errc::invalid_request, 400},
    {errc::validation_failed, 422},
    {errc::not_found, 404},
    {errc::conflict, 409},
    {errc::unauthorized, 401},
    {errc::forbidden, 403},
    {errc::too_large, 413},
    {errc::too_many_requests, 429},
    {errc::unavailable, 503},
    {errc::internal, 500},
}};

struct protocol_mapping {
  protocol_error error;
  unsigned status;
  errc code;
  domain::localized_text title;
};

constexpr std::array<protocol_mapping, 7> protocol_table{{
    {protocol_error::bad_request, 400, errc::invalid_request, {"malformed HTTP request", "HTTP 请求格式错误"}},
    {protocol_error::method_not_allowed, 405, errc::invalid_request, {"method not allowed", "不允许使用该方法"}},
    {protocol_error::request_timeout, 408, errc::invalid_request, {"the request timed out", "请求超时"}},
    {protocol_error::body_too_large, 413, errc::too_large, {"the body is too large", "请求体过大"}},
    {protocol_error::unsupported_media_type, 415, errc::invalid_request,
     {"unsupported media type or charset", "不支持的内容类型或字符集"}},
    {protocol_error::header_too_large, 431, errc::too_large, {"the header is too large", "请求头过大"}},
    {protocol_error::too_many_connections, 503, errc::unavailable,
     {"too many connections; retry later", "连接过多，请稍后重试"}},
}};

const protocol_mapping& lookup(protocol_error e) noexcept {
  for (const auto& m : protocol_table)
    if (m.error == e) return m;
  return protocol_table.front();
}

// The envelope's text: the error, and `extra` beside its fields (a CSV
// upload's "encoding").
std::string envelope_body(const domain::error& e, const boost::json::object& extra) {
  boost::json::object body;
  body["error"] = boost::json::value_from(e);
  for (const auto& [key, value] : extra) body["error"].as_object()[key] = value;
  return domain::to_text(body);
}

http_response envelope(unsigned status, domain::error e, domain::localized_text title,
                       const boost::json::object& extra = {}) {
  http_response r{status, envelope_body(e, extra), {}, nullptr, std::nullopt};
  r.error = error_answer{std::move(e), title, extra};
  return r;
}

// Sets `name`, or adds `value` to the list it holds.
void add_to_list(std::vector<std::pair<std::string, std::string>>& headers, std::string_view name,
                 std::string_view value) {
  for (auto& [n, v] : headers)
    if (boost::beast::iequals(n, name)) {
      v += ", ";
      v += value;
      return;
    }
  headers.emplace_back(name, value);
}

}  // namespace

unsigned http_status(errc code) noexcept {
  for (const auto& [c, status] : status_of_errc)
    if (c == code) return status;
  return 500;
}

unsigned http_status(protocol_error e) noexcept { return lookup(e).status; }

http_response error_response(const domain::error& e) { return envelope(http_status(e.code), e, domain::title_of(e.code)); }

http_response error_response(const domain::error& e, const boost::json::object& extra) {
  return envelope(http_status(e.code), e, domain::title_of(e.code), extra);
}

http_response error_response(errc code, std::string message) {
  return error_response(domain::error{code, std::move(message), {}});
}

http_response error_response(protocol_error e, std::string message) {
  const auto& m = lookup(e);
  return envelope(m.status, domain::error{m.code, std::move(message), {}}, m.title);
}

domain::localized_text title_of(protocol_error e) noexcept { return lookup(e).title; }

http_response in_language(http_response r, domain::language l) {
  if (!r.error) return r;
  if (l != domain::language::en) r.body = envelope_body(domain::localize(r.error->error, l, r.error->title), r.error->extra);
  r.headers.emplace_back("Content-Language", domain::to_string(l));
  add_to_list(r.headers, "Vary", "Accept-Language");
  return r;
}

}  // namespace gridcoord::gateways
