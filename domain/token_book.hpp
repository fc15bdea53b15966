#pragma once
// domain/token_book.hpp — API tokens: issued, stored only as hashes, revoked.
//
// A token as the caller holds it: "gct_<16 hex id>_<64 hex secret>". The id
// ("tk_<16 hex>") is public — it names the caller in the audit trail; only a
// BLAKE2b-256 hash of the secret is logged and kept (and never shown: see
// domain/sla/disclosure.hpp). The book is a projection of "token.created"
// and "token.revoked" events in stream "tokens". A token may expire: from
// its expires_at on it is refused as a revoked one is.
// [Threading] Not synchronised; one owner at a time.
// [Errors]    verify answers errc::unauthorized for a malformed, unknown or
//             revoked token, with one message for all three (no oracle); for
//             an expired one (its secret right) the message names the expiry.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "domain/auth.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"

namespace gridcoord::domain {

struct token_record {
  std::string id;           // "tk_…"
  role granted;
  std::string description;
  std::string secret_hash;  // hex BLAKE2b-256 of the secret
  time_point created_at{};
  std::string created_by;   // token id of the admin, or "bootstrap", "host"
  std::optional<time_point> revoked_at;
  std::string revoked_by;
  std::optional<time_point> expires_at;  // none: it never expires
  friend bool operator==(const token_record&, const token_record&) = default;
};

// Whether `r` is refused at `now`: revoked, or expired (now >= expires_at).
bool is_active(const token_record& r, time_point now);

// A freshly generated token: the record to log and the text to show once.
struct issued_token {
  token_record record;
  std::string token;  // "gct_…": never logged, never stored
};

// Generates a random token (libsodium's CSPRNG); `record.created_at` is `now`.
issued_token generate_token(role granted, std::string description, std::string created_by,
                            time_point now, std::optional<time_point> expires_at = std::nullopt);

inline constexpr std::string_view tokens_stream = "tokens";
inline constexpr std::string_view token_created_type = "token.created";
inline constexpr std::string_view token_revoked_type = "token.revoked";

std::string encode_created(const token_record& r);
std::string encode_revoked(std::string_view id, std::string_view by);

// A record as snapshots and idempotency records keep it (the secret's hash
// included); record_from_json(record_to_json(r)) == r. errc::internal when `v`
// is not such an object.
boost::json::object record_to_json(const token_record& r);
[[nodiscard]] expected<token_record> record_from_json(const boost::json::value& v);

class token_book {
 public:
  // The caller behind `bearer` at `now`, or errc::unauthorized.
  [[nodiscard]] expected<principal> verify(std::string_view bearer, time_point now) const;

  const token_record* find(std::string_view id) const;
  std::vector<token_record> list() const;  // by creation order of ids
  bool empty() const noexcept { return tokens_.empty(); }
  std::size_t active(time_point now) const noexcept;  // tokens neither revoked nor expired

  [[nodiscard]] status apply_event(std::string_view type, time_point at, std::string_view payload);

  boost::json::value to_json() const;
  [[nodiscard]] static expected<token_book> from_json(const boost::json::value& v);
  friend bool operator==(const token_book&, const token_book&) = default;

 private:
  std::map<std::string, token_record, std::less<>> tokens_;
};

}  // namespace gridcoord::domain
