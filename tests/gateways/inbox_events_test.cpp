// GET …/inbox, POST …/inbox/{item}/ack and GET /v1/events against the fake actor system.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;

namespace {

const auto t0 = fake_client::fixed_time;
const domain::month march{std::chrono::year{2027}, std::chrono::March};

void add_item(fake_client& fake, domain::item_id id) {
  fake.add_inbox_item(domain::department::planning,
                      {id, domain::department::marketing, "large_customer_demand", march, 1, t0, std::nullopt});
}

void add_events(fake_client& fake, std::uint64_t count) {
  for (std::uint64_t seq = 1; seq <= count; ++seq)
    fake.add_event({seq, "report/marketing/large_customer_demand/2027-03", "report.submitted", t0, "li.wei",
                    R"({"demand_kw":1250.5})"});
}

}  // namespace

TEST_CASE("an inbox lists its items with acknowledged null until acknowledged", "[gateways][inbox]") {
  server_fixture f;
  add_item(f.fake, 11);
  auto r = f.request(verb::get, "/v1/departments/planning/inbox");
  REQUIRE(r.result_int() == 200);
  auto body = json_of(r);
  CHECK(body.at("department") == "planning");
  REQUIRE(body.at("items").as_array().size() == 1);
  const auto& item = body.at("items").at(0);
  CHECK(item.at("item") == 11);
  CHECK(item.at("from") == "marketing");
  CHECK(item.at("kind") == "large_customer_demand");
  CHECK(item.at("month") == "2027-03");
  CHECK(item.at("version") == 1);
  CHECK(item.at("received_at") == domain::format_rfc3339(t0).c_str());
  CHECK(item.at("acknowledged").is_null());
}

TEST_CASE("an empty inbox is an empty list and an unknown department is 404", "[gateways][inbox]") {
  server_fixture f;
  auto r = f.request(verb::get, "/v1/departments/dispatch/inbox");
  CHECK(r.result_int() == 200);
  CHECK(json_of(r).at("items").as_array().empty());
  CHECK(f.request(verb::get, "/v1/departments/sales/inbox").result_int() == 404);
}

TEST_CASE("an acknowledgement names the caller's token, and the person the body names",
          "[gateways][inbox]") {
  server_fixture f;
  add_item(f.fake, 11);
  add_item(f.fake, 12);
  auto token_id = f.fake.authenticate(fake_client::admin_token())->token_id;
  auto by_body = f.request(verb::post, "/v1/departments/planning/inbox/11/ack", R"({"by":"wang.fang"})");
  REQUIRE(by_body.result_int() == 200);
  CHECK(json_of(by_body).at("acknowledged").at("by").as_string() == "wang.fang (" + token_id + ")");
  CHECK(json_of(by_body).at("item") == 11);
  auto by_token = f.request(verb::post, "/v1/departments/planning/inbox/12/ack");
  CHECK(json_of(by_token).at("acknowledged").at("by").as_string() == token_id);
}

TEST_CASE("acknowledging twice returns the first acknowledgement", "[gateways][inbox]") {
  server_fixture f;
  add_item(f.fake, 11);
  auto first = f.request(verb::post, "/v1/departments/planning/inbox/11/ack", R"({"by":"a"})");
  auto again = f.request(verb::post, "/v1/departments/planning/inbox/11/ack", R"({"by":"b"})");
  CHECK(json_of(again).at("acknowledged") == json_of(first).at("acknowledged"));
}

TEST_CASE("acknowledging an unknown item is 404, a malformed one 400", "[gateways][inbox]") {
  server_fixture f;
  CHECK(f.request(verb::post, "/v1/departments/planning/inbox/99/ack").result_int() == 404);
  CHECK(f.request(verb::post, "/v1/departments/planning/inbox/abc/ack").result_int() == 400);
  CHECK(f.request(verb::post, "/v1/departments/planning/inbox/11/ack", R"({"by":""})").result_int() == 400);
  CHECK(f.request(verb::post, "/v1/departments/planning/inbox/11/ack", R"({"who":"x"})").result_int() == 400);
  CHECK(f.request(verb::post, "/v1/departments/planning/inbox/11/ack", R"(["x"])").result_int() == 400);
  CHECK(f.request(verb::get, "/v1/departments/planning/inbox/11/ack").result_int() == 405);
}

TEST_CASE("events default to after=0 and limit=100 and embed payloads as JSON", "[gateways][events]") {
  server_fixture f;
  add_events(f.fake, 3);
  auto r = f.request(verb::get, "/v1/events");
  REQUIRE(r.result_int() == 200);
  CHECK(f.fake.last_events_query() == std::pair<std::uint64_t, std::size_t>{0, 100});
  auto body = json_of(r);
  REQUIRE(body.at("events").as_array().size() == 3);
  CHECK(body.at("next_after") == 3);
  const auto& e = body.at("events").at(0);
  CHECK(e.at("seq") == 1);
  CHECK(e.at("stream") == "report/marketing/large_customer_demand/2027-03");
  CHECK(e.at("type") == "report.submitted");
  CHECK(e.at("actor") == "li.wei");
  CHECK(e.at("payload").is_object());
  CHECK(r.body().find(R"("payload":{"demand_kw":1250.5})") != std::string::npos);
}

TEST_CASE("events page with after and limit, and next_after stays put on an empty page", "[gateways][events]") {
  server_fixture f;
  add_events(f.fake, 5);
  auto page = json_of(f.request(verb::get, "/v1/events?after=1&limit=2"));
  CHECK(f.fake.last_events_query() == std::pair<std::uint64_t, std::size_t>{1, 2});
  CHECK(page.at("events").as_array().size() == 2);
  CHECK(page.at("next_after") == 3);
  auto empty = json_of(f.request(verb::get, "/v1/events?after=5&limit=1000"));
  CHECK(empty.at("events").as_array().empty());
  CHECK(empty.at("next_after") == 5);
}

TEST_CASE("bad event query numbers are 400", "[gateways][events]") {
  server_fixture f;
  for (const char* target : {"/v1/events?limit=0", "/v1/events?limit=1001", "/v1/events?limit=ten",
                             "/v1/events?after=-1", "/v1/events?after=1.5", "/v1/events?after=",
                             "/v1/events?after=99999999999999999999"}) {
    INFO(target);
    auto r = f.request(verb::get, target);
    CHECK(r.result_int() == 400);
    CHECK(json_of(r).at("error").at("code") == "invalid_request");
  }
}

TEST_CASE("an unavailable actor system is 503", "[gateways][events]") {
  server_fixture f;
  f.fake.fail_next_call({domain::errc::unavailable, "request timed out", {}});
  auto r = f.request(verb::get, "/v1/events");
  CHECK(r.result_int() == 503);
  CHECK(json_of(r).at("error").at("code") == "unavailable");
}

TEST_CASE("the inbox pages with after and limit, and filters by state", "[gateways][inbox][lists]") {
  server_fixture f;
  for (domain::item_id id = 11; id <= 15; ++id) add_item(f.fake, id);
  REQUIRE(f.request(verb::post, "/v1/departments/planning/inbox/12/ack").result_int() == 200);
  auto first = f.request(verb::get, "/v1/departments/planning/inbox?limit=2");
  REQUIRE(first.result_int() == 200);
  auto body = json_of(first);
  REQUIRE(body.at("items").as_array().size() == 2);
  CHECK(body.at("next_after") == 12);
  CHECK(body.at("end") == false);
  auto rest = json_of(f.request(verb::get, "/v1/departments/planning/inbox?after=12&limit=10"));
  CHECK(rest.at("items").as_array().size() == 3);
  CHECK(rest.at("end") == true);
  auto open = json_of(f.request(verb::get, "/v1/departments/planning/inbox?acknowledged=false"));
  CHECK(open.at("items").as_array().size() == 4);
  auto done = json_of(f.request(verb::get, "/v1/departments/planning/inbox?acknowledged=true&from=marketing"));
  REQUIRE(done.at("items").as_array().size() == 1);
  CHECK(done.at("items").at(0).at("item") == 12);
  CHECK(f.request(verb::get, "/v1/departments/planning/inbox?acknowledged=maybe").result_int() == 400);
  CHECK(f.request(verb::get, "/v1/departments/planning/inbox?limit=0").result_int() == 400);
  CHECK(f.request(verb::get, "/v1/departments/planning/inbox?from=weather").result_int() == 400);
}

TEST_CASE("the token list pages by id and filters by role and state", "[gateways][tokens][lists]") {
  server_fixture f;
  for (const char* role : {"reader", "reader", "liaison:marketing"})
    REQUIRE(f.request(verb::post, "/v1/tokens", std::string(R"({"role":")") + role + "\"}").result_int() == 201);
  auto all = json_of(f.request(verb::get, "/v1/tokens?limit=3"));
  CHECK(all.at("tokens").as_array().size() == 3);
  CHECK(all.at("end") == false);  // the fake's admin token is the fourth
  auto readers = json_of(f.request(verb::get, "/v1/tokens?role=reader"));
  CHECK(readers.at("tokens").as_array().size() == 2);
  auto next = json_of(f.request(verb::get, "/v1/tokens?after=" +
                                               std::string(all.at("next_after").as_string())));
  CHECK(next.at("tokens").as_array().size() == 1);
  CHECK(next.at("end") == true);
  CHECK(json_of(f.request(verb::get, "/v1/tokens?active=false")).at("tokens").as_array().empty());
}

TEST_CASE("a token created with expires_at shows it and is refused with a message naming it after",
          "[gateways][tokens][expiry]") {
  using namespace std::chrono_literals;
  server_fixture f;
  auto created = f.request(verb::post, "/v1/tokens", R"({"role":"reader","expires_at":"2026-09-22T08:00:00+08:00"})");
  REQUIRE(created.result_int() == 201);
  auto body = json_of(created);
  CHECK(body.at("expires_at") == "2026-09-22T00:00:00.000000Z");
  auto token = std::string(body.at("token").as_string());
  auto id = std::string(body.at("id").as_string());
  auto listed = json_of(f.request(verb::get, "/v1/tokens?role=reader"));
  CHECK(listed.at("tokens").at(0).at("expires_at") == "2026-09-22T00:00:00.000000Z");
  auto admin = json_of(f.request(verb::get, "/v1/tokens?role=admin"));
  CHECK(admin.at("tokens").at(0).at("expires_at").is_null());

  const domain::time_point expiry = std::chrono::sys_days{std::chrono::year{2026} / 9 / 22};
  f.fake.set_now(expiry - 1us);
  CHECK(f.request(verb::get, "/v1/events", "", {{"Authorization", "Bearer " + token}}).result_int() == 200);
  CHECK(json_of(f.request(verb::get, "/v1/tokens?active=true&role=reader")).at("tokens").as_array().size() == 1);
  f.fake.set_now(expiry);
  auto refused = f.request(verb::get, "/v1/events", "", {{"Authorization", "Bearer " + token}});
  CHECK(refused.result_int() == 401);
  CHECK(json_of(refused).at("error").at("message") ==
        "the token expired at 2026-09-22T00:00:00.000000Z; ask an administrator for a new one");
  auto zh = f.request(verb::get, "/v1/events", "",
                      {{"Authorization", "Bearer " + token}, {"Accept-Language", "zh-CN"}});
  CHECK(json_of(zh).at("error").at("message") == "令牌已于 2026-09-22T00:00:00.000000Z 过期；请向管理员申请新令牌");
  CHECK(json_of(f.request(verb::get, "/v1/tokens?active=true&role=reader")).at("tokens").as_array().empty());
  auto expired = json_of(f.request(verb::get, "/v1/tokens?active=false"));
  REQUIRE(expired.at("tokens").as_array().size() == 1);
  CHECK(expired.at("tokens").at(0).at("id").as_string() == id);
}

TEST_CASE("a token's expires_at that is not an RFC 3339 time is 422 naming the field", "[gateways][tokens][expiry]") {
  server_fixture f;
  for (const char* bad : {R"("next week")", R"("2026-09-22T08:00:00")", "1790000000", "null"}) {
    INFO(bad);
    auto r = f.request(verb::post, "/v1/tokens", std::string(R"({"role":"reader","expires_at":)") + bad + "}");
    CHECK(r.result_int() == 422);
    auto details = json_of(r).at("error").at("details");
    REQUIRE(details.as_array().size() == 1);
    CHECK(details.at(0).at("field") == "expires_at");
    CHECK(details.at(0).at("rule") == "not_a_time");
  }
}

TEST_CASE("a token's secret hash is in no page of events nor of the audit trail", "[gateways][events][disclosure]") {
  server_fixture f;
  const std::string hash(64, 'e');
  f.fake.add_event({1, "tokens", "token.created", t0, "tk_admin",
                    R"({"id":"tk_0011223344556677","role":"reader","description":"","secret_hash":")" + hash +
                        R"(","created_by":"tk_admin"})"});
  for (const char* target : {"/v1/events", "/v1/audit"}) {
    INFO(target);
    auto r = f.request(verb::get, target);
    REQUIRE(r.result_int() == 200);
    CHECK(r.body().find(hash) == std::string::npos);
    CHECK(r.body().find("secret_hash") == std::string::npos);
    CHECK(json_of(r).at("events").at(0).at("payload").at("id") == "tk_0011223344556677");
  }
}
