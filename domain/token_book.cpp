#include "domain/token_book.hpp"

#include <algorithm>

#include <boost/json.hpp>
#include <fmt/format.h>
#include <sodium.h>

#include "domain/json.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

constexpr std::size_t id_bytes = 8;
constexpr std::size_t secret_bytes = 32;

std::string to_hex(const unsigned char* data, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return to_hex(buf.data(), buf.size());
}

std::string hash_secret(std::string_view secret) {
  unsigned char out[crypto_generichash_BYTES];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), nullptr, 0);
  return to_hex(out, sizeof out);
}

bool is_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

std::int64_t micros(time_point t) { return t.time_since_epoch().count(); }
time_point from_micros(std::int64_t us) { return time_point{std::chrono::microseconds{us}}; }

}  // namespace

bool is_active(const token_record& r, time_point now) {
  return !r.revoked_at && !(r.expires_at && now >= *r.expires_at);
}

issued_token generate_token(role granted, std::string description, std::string created_by,
                            time_point now, std::optional<time_point> expires_at) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot initialise");
  auto id = random_hex(id_bytes);
  auto secret = random_hex(secret_bytes);
  token_record r{"tk_" + id, granted, std::move(description), hash_secret(secret), now,
                 std::move(created_by), std::nullopt, {}, expires_at};
  return {std::move(r), fmt::format("gct_{}_{}", id, secret)};
}

// {"id","role","description","secret_hash","created_by","expires_at"?}: the
// expiry as RFC 3339, left out when the token never expires.
std::string encode_created(const token_record& r) {
  json::object o{{"id", r.id}, {"role", to_string(r.granted)}, {"description", r.description},
                 {"secret_hash", r.secret_hash}, {"created_by", r.created_by}};
  if (r.expires_at) o["expires_at"] = format_rfc3339(*r.expires_at);
  return to_text(o);
}

std::string encode_revoked(std::string_view id, std::string_view by) {
  return to_text(json::object{{"id", id}, {"revoked_by", by}});
}

expected<principal> token_book::verify(std::string_view bearer, time_point now) const {
  auto refuse = [] { return fail(errc::unauthorized, "the token is not valid; ask an administrator for one"); };
  constexpr std::size_t length = 4 + id_bytes * 2 + 1 + secret_bytes * 2;
  if (bearer.size() != length || !bearer.starts_with("gct_") || bearer[4 + id_bytes * 2] != '_')
    return refuse();
  auto id_hex = bearer.substr(4, id_bytes * 2);
  auto secret = bearer.substr(5 + id_bytes * 2);
  if (!is_hex(id_hex) || !is_hex(secret)) return refuse();
  const auto* r = find("tk_" + std::string(id_hex));
  if (!r || r->revoked_at) return refuse();
  auto presented = hash_secret(secret);
  if (presented.size() != r->secret_hash.size() ||
      sodium_memcmp(presented.data(), r->secret_hash.data(), presented.size()) != 0)
    return refuse();
  if (r->expires_at && now >= *r->expires_at)  // the secret is right: the expiry is no oracle
    return fail(errc::unauthorized, fmt::format("the token expired at {}; ask an administrator for a new one",
                                                format_rfc3339(*r->expires_at)));
  return principal{r->id, r->granted, r->description};
}

const token_record* token_book::find(std::string_view id) const {
  auto it = tokens_.find(id);
  return it == tokens_.end() ? nullptr : &it->second;
}

std::vector<token_record> token_book::list() const {
  std::vector<token_record> out;
  for (const auto& [id, r] : tokens_) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.created_at < b.created_at; });
  return out;
}

std::size_t token_book::active(time_point now) const noexcept {
  return static_cast<std::size_t>(std::count_if(tokens_.begin(), tokens_.end(),
                                                [now](const auto& kv) { return is_active(kv.second, now); }));
}

status token_book::apply_event(std::string_view type, time_point at, std::string_view payload) {
  if (type != token_created_type && type != token_revoked_type) return {};
  try {
    auto o = json::parse(payload).as_object();
    std::string id(o.at("id").as_string());
    if (type == token_revoked_type) {
      auto it = tokens_.find(id);
      if (it != tokens_.end() && !it->second.revoked_at) {
        it->second.revoked_at = at;
        it->second.revoked_by = o.at("revoked_by").as_string();
      }
      return {};
    }
    auto granted = parse_role(o.at("role").as_string());
    if (!granted) throw std::runtime_error("unknown role");
    std::optional<time_point> expires_at;
    if (const auto* e = o.if_contains("expires_at")) {
      expires_at = parse_rfc3339(e->as_string());
      if (!expires_at) throw std::runtime_error("expires_at is not an RFC 3339 time");
    }
    tokens_.try_emplace(id, token_record{id, *granted, std::string(o.at("description").as_string()),
                                         std::string(o.at("secret_hash").as_string()), at,
                                         std::string(o.at("created_by").as_string()), std::nullopt, {},
                                         expires_at});
    return {};
  } catch (const std::exception& e) {
    return fail(errc::internal, std::string("a stored token event is unreadable: ") + e.what());
  }
}

json::object record_to_json(const token_record& r) {
  json::object o{{"id", r.id}, {"role", to_string(r.granted)}, {"description", r.description},
                 {"secret_hash", r.secret_hash}, {"created_at_us", micros(r.created_at)},
                 {"created_by", r.created_by}};
  if (r.revoked_at) {
    o["revoked_at_us"] = micros(*r.revoked_at);
    o["revoked_by"] = r.revoked_by;
  }
  if (r.expires_at) o["expires_at_us"] = micros(*r.expires_at);
  return o;
}

expected<token_record> record_from_json(const json::value& v) {
  try {
    const auto& o = v.as_object();
    auto granted = parse_role(o.at("role").as_string());
    if (!granted) throw std::runtime_error("unknown role");
    token_record r{std::string(o.at("id").as_string()), *granted,
                   std::string(o.at("description").as_string()),
                   std::string(o.at("secret_hash").as_string()),
                   from_micros(o.at("created_at_us").to_number<std::int64_t>()),
                   std::string(o.at("created_by").as_string()), std::nullopt, {}};
    if (const auto* rev = o.if_contains("revoked_at_us")) {
      r.revoked_at = from_micros(rev->to_number<std::int64_t>());
      r.revoked_by = o.at("revoked_by").as_string();
    }
    if (const auto* exp = o.if_contains("expires_at_us")) r.expires_at = from_micros(exp->to_number<std::int64_t>());
    return r;
  } catch (const std::exception& e) {
    return fail(errc::internal, std::string("a stored token record is unreadable: ") + e.what());
  }
}

json::value token_book::to_json() const {
  json::array a;
  for (const auto& [id, r] : tokens_) a.push_back(record_to_json(r));
  return a;
}

expected<token_book> token_book::from_json(const json::value& v) {
  token_book book;
  if (!v.is_array()) return fail(errc::internal, "the token snapshot is unreadable: not an array");
  for (const auto& e : v.as_array()) {
    auto r = record_from_json(e);
    if (!r) return unexpected{r.error()};
    book.tokens_.emplace(r->id, std::move(*r));
  }
  return book;
}

}  // namespace gridcoord::domain
