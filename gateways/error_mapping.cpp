#include "gateways/error_mapping.hpp"

#include <array>
#include <utility>

#include <boost/json/value_from.hpp>

#include "domain/json.hpp"
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
};

constexpr std::array<protocol_mapping, 7> protocol_table{{
    {protocol_error::bad_request, 400, errc::invalid_request},
    {protocol_error::method_not_allowed, 405, errc::invalid_request},
    {protocol_error::request_timeout, 408, errc::invalid_request},
    {protocol_error::body_too_large, 413, errc::too_large},
    {protocol_error::unsupported_media_type, 415, errc::invalid_request},
    {protocol_error::header_too_large, 431, errc::too_large},
    {protocol_error::too_many_connections, 503, errc::unavailable},
}};

const protocol_mapping& lookup(protocol_error e) noexcept {
  for (const auto& m : protocol_table)
    if (m.error == e) return m;
  return protocol_table.front();
}

http_response envelope(unsigned status, const domain::error& e, const boost::json::object& extra = {}) {
  boost::json::object body;
  body["error"] = boost::json::value_from(e);
  for (const auto& [key, value] : extra) body["error"].as_object()[key] = value;
  return {status, domain::to_text(body), {}};
}

}  // namespace

unsigned http_status(errc code) noexcept {
  for (const auto& [c, status] : status_of_errc)
    if (c == code) return status;
  return 500;
}

unsigned http_status(protocol_error e) noexcept { return lookup(e).status; }

http_response error_response(const domain::error& e) { return envelope(http_status(e.code), e); }

http_response error_response(const domain::error& e, const boost::json::object& extra) {
  return envelope(http_status(e.code), e, extra);
}

http_response error_response(errc code, std::string message) {
  return error_response(domain::error{code, std::move(message), {}});
}

http_response error_response(protocol_error e, std::string message) {
  const auto& m = lookup(e);
  return envelope(m.status, domain::error{m.code, std::move(message), {}});
}

}  // namespace gridcoord::gateways
