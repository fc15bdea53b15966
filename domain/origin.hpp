#pragma once
// domain/origin.hpp — where a write came from, kept with every event it
// writes, for the audit trail: the caller's role, its network address and the
// request id the gateway logged. (Who — the token id — is the event's actor.)
#include <string>
#include <string_view>

namespace gridcoord::domain {

struct request_origin {
  std::string role;        // "liaison:marketing", ...; "" for the system
  std::string remote;      // "127.0.0.1:53122"; "" when not over the network
  std::string request_id;  // the gateway's X-Request-Id
  friend bool operator==(const request_origin&, const request_origin&) = default;
};

// JSON text {"role":…,"remote":…,"request_id":…}; "" for an empty origin.
std::string encode(const request_origin& o);

// The origin in `text`; empty fields for "" or text that is not an origin
// (events written before origins were kept have none).
request_origin decode_origin(std::string_view text);

}  // namespace gridcoord::domain
