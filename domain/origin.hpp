#pragma once
// domain/origin.hpp — where a write came from, kept with every event it
// writes, for the audit trail: the caller's role, its network address and the
// request id the gateway logged, and the person: the description of the token
// (who the token id — the event's actor — was issued to), so that the audit
// trail names people, not only token ids.
#include <string>
#include <string_view>

namespace gridcoord::domain {

struct request_origin {
  std::string role;        // "liaison:marketing", ...; "" for the system
  std::string remote;      // "127.0.0.1:53122"; "" when not over the network
  std::string request_id;  // the gateway's X-Request-Id
  std::string person;      // the token's description ("张敏"); "" when it has none
  friend bool operator==(const request_origin&, const request_origin&) = default;
};

// JSON text {"role":…,"remote":…,"request_id":…,"person":…}; "" for an empty
// origin; "person" is left out when empty (as events written before it was kept).
std::string encode(const request_origin& o);

// The origin in `text`; empty fields for "" or text that is not an origin
// (events written before origins were kept have none).
request_origin decode_origin(std::string_view text);

}  // namespace gridcoord::domain
