#include <catch2/catch.hpp>

#include "domain/token_book.hpp"

using namespace gridcoord::domain;
using namespace std::chrono_literals;

namespace {

const time_point t0 = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2} + 8h;

token_book with(const issued_token& t) {
  token_book book;
  REQUIRE(book.apply_event(token_created_type, t.record.created_at, encode_created(t.record)));
  return book;
}

}  // namespace

TEST_CASE("an issued token verifies as its id and role", "[domain][tokens]") {
  auto t = generate_token(*parse_role("liaison:marketing"), "Zhang Min", "bootstrap", t0);
  CHECK(t.token.starts_with("gct_"));
  CHECK(t.token.size() == 4 + 16 + 1 + 64);
  CHECK(t.record.id.starts_with("tk_"));
  CHECK(t.token.find(t.record.secret_hash) == std::string::npos);  // only the hash is kept
  auto book = with(t);
  auto who = book.verify(t.token, t0);
  REQUIRE(who);
  CHECK(who->token_id == t.record.id);
  CHECK(to_string(who->granted) == "liaison:marketing");
}

TEST_CASE("a wrong, malformed or revoked token is refused with one message", "[domain][tokens]") {
  auto t = generate_token(role{role_kind::admin}, "", "bootstrap", t0);
  auto book = with(t);
  auto tampered = t.token;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  auto other = generate_token(role{role_kind::admin}, "", "bootstrap", t0);
  for (const std::string& bad : {tampered, other.token, std::string("gct_short"), std::string(""),
                                 t.token + "0", std::string("Bearer ") + t.token}) {
    auto r = book.verify(bad, t0);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::unauthorized);
    CHECK(r.error().message == "the token is not valid; ask an administrator for one");
  }
  REQUIRE(book.apply_event(token_revoked_type, t0 + 1h, encode_revoked(t.record.id, "tk_admin")));
  CHECK_FALSE(book.verify(t.token, t0 + 1h));
  CHECK(book.find(t.record.id)->revoked_at == t0 + 1h);
  CHECK(book.active(t0 + 1h) == 0);
}

TEST_CASE("a token book survives its snapshot form", "[domain][tokens][snapshot]") {
  auto a = generate_token(role{role_kind::admin}, "first admin", "bootstrap", t0);
  auto b = generate_token(role{role_kind::reader}, "auditor", a.record.id, t0 + 1min);
  auto book = with(a);
  REQUIRE(book.apply_event(token_created_type, t0 + 1min, encode_created(b.record)));
  auto c = generate_token(role{role_kind::reader}, "contractor", a.record.id, t0 + 2min, t0 + 24h);
  REQUIRE(book.apply_event(token_created_type, t0 + 2min, encode_created(c.record)));
  REQUIRE(book.apply_event(token_revoked_type, t0 + 3min, encode_revoked(a.record.id, b.record.id)));
  auto back = token_book::from_json(book.to_json());
  REQUIRE(back);
  CHECK(*back == book);
  CHECK(back->find(c.record.id)->expires_at == t0 + 24h);
  CHECK(back->verify(b.token, t0 + 3min));
  REQUIRE(book.list().size() == 3);
  CHECK(book.list()[0].id == a.record.id);
}

TEST_CASE("a token with an expiry is refused from that instant on with a message naming it",
          "[domain][tokens][expiry]") {
  auto t = generate_token(role{role_kind::reader}, "contractor", "tk_admin", t0, t0 + 24h);
  auto payload = encode_created(t.record);
  CHECK(payload.find(R"("expires_at":"2026-11-03T08:00:00.000000Z")") != std::string::npos);
  auto book = with(t);
  CHECK(book.find(t.record.id)->expires_at == t0 + 24h);  // read back from the event
  CHECK(book.verify(t.token, t0 + 24h - 1us));
  CHECK(book.active(t0 + 24h - 1us) == 1);
  auto late = book.verify(t.token, t0 + 24h);
  REQUIRE_FALSE(late);
  CHECK(late.error().code == errc::unauthorized);
  CHECK(late.error().message ==
        "the token expired at 2026-11-03T08:00:00.000000Z; ask an administrator for a new one");
  CHECK(book.active(t0 + 24h) == 0);
  CHECK_FALSE(is_active(*book.find(t.record.id), t0 + 24h));
  // A wrong secret for the same id says nothing of the expiry (no oracle).
  auto tampered = t.token;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  CHECK(book.verify(tampered, t0 + 48h).error().message == "the token is not valid; ask an administrator for one");
}

TEST_CASE("a token without an expiry keeps none through its event", "[domain][tokens][expiry]") {
  auto t = generate_token(role{role_kind::reader}, "", "tk_admin", t0);
  CHECK(encode_created(t.record).find("expires_at") == std::string::npos);
  auto book = with(t);
  CHECK_FALSE(book.find(t.record.id)->expires_at);
  CHECK(book.verify(t.token, t0 + 24h * 365 * 50));
}
