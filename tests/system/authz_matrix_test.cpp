// Every endpoint × every role: allowed -> 2xx, denied -> 403, no or bad token
// -> 401, against the real server and actor system.
#include <catch2/catch.hpp>

#include <chrono>
#include <set>

#include "domain/clock.hpp"
#include "domain/month.hpp"
#include "gateways/client/http_client.hpp"
#include "tests/system/live_server.hpp"

using namespace gridcoord;
using testing::bearer;
using testing::m1_body;
using testing::m1_path;

namespace {

struct endpoint {
  std::string method;
  std::string target;
  std::string body;
  std::set<std::string> allowed;  // roles; "*" = anyone, even without a token
  bool endless = false;           // a 200's body never ends: read the head, then close
  bool once = false;              // a step done once: the allowed roles after the first get 409
};

// GET of an endless body (GET /v1/stream) with the incremental client: a 200
// stops after its head; any other answer is read whole (its error envelope).
testing::http_reply stream_reply(std::uint16_t port, const std::string& target,
                                 const std::map<std::string, std::string>& headers) {
  namespace client = gateways::client;
  client::endpoint where;
  where.host = "127.0.0.1";
  where.port = port;
  client::http_client http(where, {std::chrono::seconds{10}, "authz-matrix-test"});
  client::http_request req{"GET", target, {}, {headers.begin(), headers.end()}};
  testing::http_reply out;
  auto ended = http.stream(
      req,
      [&](const client::http_response& head) {
        out.status = static_cast<int>(head.status);
        for (const auto& [k, v] : head.headers) out.headers[k] = v;
        return head.status == 200 ? client::stream_step::stop : client::stream_step::more;
      },
      [&](std::string_view bytes) {
        out.body.append(bytes);
        return client::stream_step::more;
      },
      std::chrono::seconds{10});
  REQUIRE(ended);
  CHECK(*ended == (out.status == 200 ? client::stream_end::stopped : client::stream_end::closed));
  return out;
}

const std::vector<std::string> roles = {"admin",   "reader",           "planner",
                                        "dispatcher", "cs_agent",      "liaison:marketing",
                                        "liaison:planning", "liaison:production"};

const std::string equipment_import = R"({"equipment":[
  {"id":"S1","kind":"substation","area_class":"urban","region":"R","rating_kva":126000},
  {"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"R","rating_kva":63000},
  {"id":"F-101","kind":"feeder","parent":"T1","area_class":"urban","region":"R","rating_kva":10000}]})";

}  // namespace

TEST_CASE("every endpoint answers every role as the authorization matrix says", "[system][auth][matrix]") {
  testing::live_server s;
  auto c = s.client();
  auto first = c.request("PUT", m1_path, m1_body, bearer(s.admin));
  REQUIRE(first.status == 201);
  auto item = std::to_string(first.json().at("seq").as_int64());
  auto spare = c.request("POST", "/v1/tokens", R"({"role":"reader"})", bearer(s.admin));
  REQUIRE(spare.status == 201);
  auto spare_id = std::string(spare.json().at("id").as_string());

  const std::set<std::string> every_role(roles.begin(), roles.end());
  // A year from now: inside the capacity horizon (this month and the 23 after it).
  const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  const std::string in_horizon = domain::to_string(today.year() / today.month() + std::chrono::months{12});
  // Outage 1 started before its crew could arrive: the check logs the breach
  // and opens analysis 1 for production.
  auto three_hours_ago = domain::format_rfc3339(std::chrono::time_point_cast<std::chrono::microseconds>(
      std::chrono::system_clock::now() - std::chrono::hours{3}));
  REQUIRE(c.request("POST", "/v1/equipment/imports", equipment_import, bearer(s.admin)).status == 201);
  REQUIRE(c.request("POST", "/v1/outages", R"({"equipment":["F-101"],"started_at":")" + three_hours_ago + R"("})",
                    bearer(s.admin))
              .status == 201);
  REQUIRE(s.rt->check_sla());
  const std::set<std::string> outage_reporters{"admin", "dispatcher", "liaison:production"};
  const std::set<std::string> customer_service{"admin", "cs_agent"};
  const std::set<std::string> customer_readers{"admin", "reader", "dispatcher", "cs_agent"};
  auto in_a_month = [](std::chrono::hours extra) {
    return domain::format_rfc3339(std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now() + std::chrono::days{30} + extra));
  };
  const std::string planned_notice = R"({"kind":"planned","equipment":["F-101"],"starts_at":")" +
                                     in_a_month(std::chrono::hours{0}) + R"(","ends_at":")" +
                                     in_a_month(std::chrono::hours{4}) + R"("})";
  const std::string customers = R"({"customers":[{"id":"C-1","name":"N","tier":"important","connection_point":"F-101",
      "contacts":[{"channel":"sms","address":"+8613800000000"}]}]})";
  const std::vector<endpoint> endpoints = {
      {"GET", "/v1/health", "", {"*"}},
      {"GET", "/v1/me", "", every_role},
      {"GET", "/console/", "", {"*"}},
      {"GET", "/console/inbox", "", {"*"}},
      {"PUT", m1_path, m1_body, {"admin", "liaison:marketing"}},
      {"GET", m1_path, "", {"admin", "reader", "planner", "dispatcher", "liaison:marketing", "liaison:planning"}},
      {"GET", "/v1/departments/planning/inbox", "", {"admin", "reader", "planner", "liaison:planning"}},
      {"POST", "/v1/departments/planning/inbox/" + item + "/ack", "", {"admin", "planner", "liaison:planning"}},
      {"GET", "/v1/departments/customer_service/inbox", "", {"admin", "reader", "cs_agent"}},
      {"GET", "/v1/report-kinds", "", every_role},
      {"GET", "/v1/report-kinds/load_statistics", "", every_role},
      {"GET", "/v1/validation-rules", "", every_role},
      {"GET", "/v1/cycle/2026-10", "", every_role},
      {"GET", "/v1/events", "", {"admin", "reader"}},
      {"GET", "/v1/stream?after=0", "", {"admin", "reader"}, true},
      {"GET", "/v1/audit", "", {"admin", "reader"}},
      {"POST", "/v1/tokens", R"({"role":"reader"})", {"admin"}},
      {"GET", "/v1/tokens", "", {"admin"}},
      {"DELETE", "/v1/tokens/" + spare_id, "", {"admin"}},
      // A batch needs, for each operation, the role that operation's endpoint needs.
      {"POST", "/v1/batch", testing::batch_of("PUT", m1_path, m1_body), {"admin", "liaison:marketing"}},
      {"POST", "/v1/batch", testing::batch_of("POST", "/v1/departments/planning/inbox/" + item + "/ack", "{}"),
       {"admin", "planner", "liaison:planning"}},
      // Production owns the equipment; the import names F-101, which m1_body uses.
      {"POST", "/v1/equipment/imports", equipment_import, {"admin", "liaison:production"}},
      {"GET", "/v1/equipment", "", every_role},
      {"GET", "/v1/equipment/F-101", "", every_role},
      {"GET", "/v1/equipment/F-101/history", "", every_role},
      // The capacity register (a month in the horizon from now); applications and
      // publications are marketing's. A repeated step answers 200 (nothing changes).
      {"GET", "/v1/capacity/F-101?month=" + in_horizon, "", every_role},
      {"GET", "/v1/capacity?month=" + in_horizon, "", every_role},
      {"GET", "/v1/heat-map/" + in_horizon, "", every_role},
      {"POST", "/v1/prechecks", R"({"point":"F-101","load_kva":10,"month":")" + in_horizon + R"("})", every_role},
      {"POST", "/v1/applications", R"({"id":"NC-1","customer":"C","point":"F-101","requested_kva":10,"month":")" +
                                       in_horizon + R"("})", {"admin", "liaison:marketing"}},
      {"POST", "/v1/applications", R"({"id":"NC-2","customer":"C","point":"F-101","requested_kva":10,"month":")" +
                                       in_horizon + R"("})", {"admin", "liaison:marketing"}},
      {"GET", "/v1/applications", "", every_role},
      {"GET", "/v1/applications/NC-1", "", every_role},
      {"POST", "/v1/applications/NC-1/refuse", R"({"reason":"no"})", {"admin", "liaison:marketing"}},
      {"POST", "/v1/applications/NC-2/approve", "", {"admin", "liaison:marketing"}},
      {"POST", "/v1/applications/NC-2/energize", R"({"on":"2027-01-04"})", {"admin", "liaison:marketing"}},
      {"POST", "/v1/publications", "{}", {"admin", "liaison:marketing"}},
      {"GET", "/v1/publications/latest", "", {"*"}},
      {"GET", "/v1/publications/1?format=html", "", {"*"}},
      // The SLA work. Outage 1 started three hours ago, so its crew arrival is
      // breached and analysis 1 is open (see above); steps taken again are
      // repeats (200), but a complaint's result and an analysis's closing are once.
      {"POST", "/v1/outages", R"({"equipment":["F-101"]})", outage_reporters},
      {"GET", "/v1/outages", "", every_role},
      {"GET", "/v1/outages/1", "", every_role},
      {"POST", "/v1/outages/1/updates", R"({"cause":"storm"})", outage_reporters},
      {"POST", "/v1/outages/1/customers-notified", R"({"note":"phoned"})", customer_service},
      {"POST", "/v1/outages/1/crew-arrived", "{}", outage_reporters},
      {"POST", "/v1/outages/1/restored", "{}", outage_reporters},
      {"POST", "/v1/outage-feed",
       R"([{"event_id":"e-1","type":"outage.started","outage_ref":"OMS-1","equipment":["F-101"]}])", outage_reporters},
      {"POST", "/v1/planned-outages", planned_notice, outage_reporters},
      {"GET", "/v1/planned-outages", "", every_role},
      {"GET", "/v1/planned-outages/1", "", every_role},
      {"POST", "/v1/complaints", R"({"category":"supply_capacity","customer_name":"A","text":"t"})", customer_service},
      {"GET", "/v1/complaints", "", every_role},
      {"GET", "/v1/complaints/1", "", every_role},
      {"POST", "/v1/complaints/1/forward", "{}", customer_service},
      {"POST", "/v1/work/planning/complaints/1/acknowledge", "{}", {"admin", "planner", "liaison:planning"}},
      {"POST", "/v1/work/planning/complaints/1/result", R"({"result":"r"})", {"admin", "planner", "liaison:planning"},
       false, true},
      {"GET", "/v1/callbacks", "", every_role},
      {"GET", "/v1/callbacks/1", "", every_role},
      {"POST", "/v1/callbacks/1/attempts", R"({"outcome":"no_answer"})", customer_service},
      {"GET", "/v1/analyses", "", every_role},
      {"GET", "/v1/analyses/1", "", every_role},
      {"POST", "/v1/work/production/analyses/1/close", R"({"finding":"f"})", {"admin", "liaison:production"}, false,
       true},
      {"GET", "/v1/work/production", "", every_role},
      {"GET", "/v1/breaches", "", every_role},
      {"GET", "/v1/sla/figures", "", every_role},
      {"POST", "/v1/customers", customers, customer_service},
      {"GET", "/v1/customers", "", customer_readers},
      {"GET", "/v1/customers/C-1", "", customer_readers},
      {"GET", "/v1/notifications", "", customer_readers},
  };
  std::map<std::string, std::string> tokens;
  for (const auto& r : roles) tokens[r] = s.issue(r);
  auto call = [&](const endpoint& e, const std::map<std::string, std::string>& headers) {
    if (e.endless) return stream_reply(s.server->port(), e.target, headers);
    return c.request(e.method, e.target, e.body, headers);
  };

  for (const auto& e : endpoints) {
    bool done_once = false;
    for (const auto& r : roles) {
      INFO(e.method << " " << e.target << " as " << r);
      auto res = call(e, bearer(tokens[r]));
      bool ok = e.allowed.contains("*") || e.allowed.contains(r);
      if (ok && e.once && done_once) {
        CHECK(res.status == 409);
      } else if (ok) {
        done_once = true;
        CHECK(res.status / 100 == 2);
        if (e.endless) CHECK(res.headers["Content-Type"] == "text/event-stream");
      } else {
        CHECK(res.status == 403);
        CHECK(res.json().at("error").at("code") == "forbidden");
      }
    }
    INFO(e.method << " " << e.target << " without a token, and with a forged one");
    auto none = call(e, {});
    auto forged = call(e, bearer("gct_0123456789abcdef_" + std::string(64, 'a')));
    if (e.allowed.contains("*")) {
      CHECK(none.status == 200);
    } else {
      CHECK(none.status == 401);
      CHECK(forged.status == 401);
      CHECK(none.headers.count("WWW-Authenticate") == 1);
    }
  }
}

TEST_CASE("a revoked token is refused from then on", "[system][auth]") {
  testing::live_server s;
  auto c = s.client();
  auto issued = c.request("POST", "/v1/tokens", R"({"role":"reader","description":"auditor"})", bearer(s.admin));
  REQUIRE(issued.status == 201);
  auto token = std::string(issued.json().at("token").as_string());
  auto id = std::string(issued.json().at("id").as_string());
  CHECK(c.request("GET", "/v1/events", "", bearer(token)).status == 200);
  auto revoked = c.request("DELETE", "/v1/tokens/" + id, "", bearer(s.admin));
  REQUIRE(revoked.status == 200);
  CHECK(revoked.json().at("revoked_at").is_string());
  CHECK(c.request("GET", "/v1/events", "", bearer(token)).status == 401);
  // Listing shows the token without its secret or hash.
  auto list = c.request("GET", "/v1/tokens", "", bearer(s.admin));
  CHECK(list.body.find(token) == std::string::npos);
  CHECK(list.body.find("secret") == std::string::npos);
}

TEST_CASE("an unknown role is a validation error naming the field and the rule", "[system][auth]") {
  testing::live_server s;
  auto c = s.client();
  auto r = c.request("POST", "/v1/tokens", R"({"role":"root"})", bearer(s.admin));
  CHECK(r.status == 422);
  CHECK(r.json().at("error").at("details").at(0).at("field") == "role");
  CHECK(r.json().at("error").at("details").at(0).at("rule") == "unknown_role");
  CHECK(c.request("DELETE", "/v1/tokens/tk_0000000000000000", "", bearer(s.admin)).status == 404);
}

namespace {

// The body of GET /v1/stream until it holds `needle` (or the server ends it):
// what the stream wrote, head excluded, and how it ended.
std::pair<std::string, gateways::client::stream_end> stream_until(std::uint16_t port, const std::string& target,
                                                                  const std::string& token, const std::string& needle) {
  namespace client = gateways::client;
  client::endpoint where;
  where.host = "127.0.0.1";
  where.port = port;
  client::http_client http(where, {std::chrono::seconds{10}, "authz-matrix-test"});
  client::http_request req{"GET", target, {}, {{"Authorization", "Bearer " + token}}};
  std::string body;
  auto ended = http.stream(
      req, [&](const client::http_response& head) {
        REQUIRE(head.status == 200);
        return client::stream_step::more;
      },
      [&](std::string_view bytes) {
        body.append(bytes);
        return !needle.empty() && body.find(needle) != std::string::npos ? client::stream_step::stop
                                                                          : client::stream_step::more;
      },
      std::chrono::seconds{10});
  REQUIRE(ended);
  return {body, *ended};
}

const std::set<std::string> personal_readers{"admin", "reader", "dispatcher", "cs_agent"};

}  // namespace

TEST_CASE("personal data and token hashes are shown to every role as the authorization matrix says",
          "[system][auth][matrix][disclosure]") {
  testing::live_server s;
  auto c = s.client();
  const std::string name = "王芳-PERSONAL-NAME", contact = "+86138PERSONAL", text = "PERSONAL-TEXT flicker",
                    note = "PERSONAL-NOTE called";
  REQUIRE(c.request("POST", "/v1/complaints",
                    R"({"category":"supply_capacity","customer_name":")" + name + R"(","contact":")" + contact +
                        R"(","text":")" + text + R"("})",
                    bearer(s.admin))
              .status == 201);
  REQUIRE(c.request("POST", "/v1/complaints/1/forward", "{}", bearer(s.admin)).status == 200);
  REQUIRE(c.request("POST", "/v1/work/planning/complaints/1/result", R"({"result":"r"})", bearer(s.admin)).status ==
          200);
  REQUIRE(c.request("POST", "/v1/callbacks/1/attempts", R"({"outcome":"no_answer","note":")" + note + R"("})",
                    bearer(s.admin))
              .status == 200);
  std::map<std::string, std::string> tokens;
  for (const auto& r : roles) tokens[r] = s.issue(r);
  auto last = c.request("GET", "/v1/events?limit=1000", "", bearer(s.admin)).json().at("next_after").as_int64();
  const std::vector<std::string> personal{name, contact, text, note};
  auto shows = [&](const std::string& body) {
    std::size_t found = 0;
    for (const auto& p : personal) found += body.find(p) != std::string::npos;
    return found;
  };

  for (const auto& r : roles) {
    INFO("as " << r);
    bool may = personal_readers.contains(r);
    // Every role reads complaints and callbacks; only customer readers see who and what.
    for (const char* target : {"/v1/complaints", "/v1/complaints/1", "/v1/callbacks", "/v1/callbacks/1"}) {
      INFO(target);
      auto res = c.request("GET", target, "", bearer(tokens[r]));
      REQUIRE(res.status == 200);
      auto body = res.json();
      const auto& item = body.as_object().contains("items") ? body.at("items").at(0) : body;
      if (may) {
        CHECK_FALSE(item.as_object().contains("redacted"));
      } else {
        CHECK(shows(res.body) == 0);
        CHECK(item.at("redacted").as_array().size() >= 1);
      }
    }
    CHECK(shows(c.request("GET", "/v1/complaints/1", "", bearer(tokens[r])).body) == (may ? 3u : 0u));
    CHECK(shows(c.request("GET", "/v1/callbacks/1", "", bearer(tokens[r])).body) == (may ? 2u : 0u));  // name, note
    // The event views: for the roles that read them, never a token's hash, and
    // personal data as the role may see it.
    if (r != "admin" && r != "reader") continue;
    for (const std::string target : {"/v1/events?limit=1000", "/v1/audit?limit=1000"}) {
      INFO(target);
      auto res = c.request("GET", target, "", bearer(tokens[r]));
      REQUIRE(res.status == 200);
      CHECK(res.body.find("secret_hash") == std::string::npos);
      CHECK(shows(res.body) == (may ? personal.size() : 0u));
    }
    auto [stream, ended] = stream_until(s.server->port(), "/v1/stream", tokens[r], "id: " + std::to_string(last) + "\n");
    CHECK(ended == gateways::client::stream_end::stopped);
    CHECK(stream.find("token.created") != std::string::npos);
    CHECK(stream.find("secret_hash") == std::string::npos);
    CHECK(shows(stream) == (may ? personal.size() : 0u));
  }
}

TEST_CASE("revoking a token ends its open stream before any later event", "[system][auth][stream][revocation]") {
  testing::live_server s;
  auto c = s.client();
  auto issued = c.request("POST", "/v1/tokens", R"({"role":"reader","description":"auditor"})", bearer(s.admin));
  REQUIRE(issued.status == 201);
  auto token = std::string(issued.json().at("token").as_string());
  auto id = std::string(issued.json().at("id").as_string());
  // Once the reader's stream has written its first frame: a write, the
  // revocation, and a write after it, all while the stream is open.
  namespace client = gateways::client;
  client::endpoint where;
  where.host = "127.0.0.1";
  where.port = s.server->port();
  client::http_client http(where, {std::chrono::seconds{10}, "authz-matrix-test"});
  std::string body;
  bool acted = false;
  std::int64_t later_seq = 0;
  auto ended = http.stream(
      {"GET", "/v1/stream", {}, {{"Authorization", "Bearer " + token}}},
      [](const client::http_response& head) {
        CHECK(head.status == 200);
        return client::stream_step::more;
      },
      [&](std::string_view bytes) {
        body.append(bytes);
        if (acted || body.find("\n\n") == std::string::npos) return client::stream_step::more;
        acted = true;
        CHECK(c.request("PUT", testing::m1_path, testing::m1_body, bearer(s.admin)).status / 100 == 2);
        CHECK(c.request("DELETE", "/v1/tokens/" + id, "", bearer(s.admin)).status == 200);
        auto changed = testing::m1_body;
        changed.replace(changed.find("1250.5"), 6, "1300");
        auto after = c.request("PUT", testing::m1_path, changed, bearer(s.admin));
        CHECK(after.status / 100 == 2);
        later_seq = after.json().at("seq").as_int64();
        return client::stream_step::more;
      },
      std::chrono::seconds{10});
  REQUIRE(ended);
  REQUIRE(acted);
  CHECK(*ended == client::stream_end::closed);  // the server ended it
  CHECK(body.find(": the token of this stream is no longer valid") != std::string::npos);
  CHECK(body.find("\"revoked_by\"") == std::string::npos);  // not even its own revocation
  CHECK(body.find("id: " + std::to_string(later_seq) + "\n") == std::string::npos);
}

TEST_CASE("a token with expires_at works until then and is refused after it by the virtual clock",
          "[system][auth][expiry]") {
  using namespace std::chrono_literals;
  domain::manual_clock clock{std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now())};
  testing::live_server s({}, &clock);
  auto c = s.client();
  auto in_an_hour = domain::format_rfc3339(clock.now() + 1h);
  auto past = c.request("POST", "/v1/tokens", R"({"role":"reader","expires_at":")" +
                                                  domain::format_rfc3339(clock.now() - 1s) + R"("})",
                        bearer(s.admin));
  CHECK(past.status == 422);
  CHECK(past.json().at("error").at("details").at(0).at("rule") == "in_the_past");
  CHECK(past.json().at("error").at("details").at(0).at("field") == "expires_at");

  auto issued = c.request("POST", "/v1/tokens", R"({"role":"reader","expires_at":")" + in_an_hour + R"("})",
                          bearer(s.admin));
  REQUIRE(issued.status == 201);
  CHECK(issued.json().at("expires_at").as_string() == in_an_hour);
  auto token = std::string(issued.json().at("token").as_string());
  auto batch = c.request("POST", "/v1/batch",
                         testing::batch_of("POST", "/v1/tokens", R"({"role":"reader","expires_at":")" + in_an_hour + R"("})"),
                         bearer(s.admin));
  REQUIRE(batch.status == 201);
  auto batch_token = std::string(batch.json().at("results").at(0).at("result").at("token").as_string());
  CHECK(batch.json().at("results").at(0).at("result").at("expires_at").as_string() == in_an_hour);
  CHECK(c.request("GET", "/v1/events", "", bearer(token)).status == 200);
  CHECK(c.request("GET", "/v1/events", "", bearer(batch_token)).status == 200);

  clock.advance(1h);
  auto refused = c.request("GET", "/v1/events", "", bearer(token));
  CHECK(refused.status == 401);
  CHECK(refused.json().at("error").at("message").as_string() ==
        "the token expired at " + in_an_hour + "; ask an administrator for a new one");
  CHECK(c.request("GET", "/v1/events", "", bearer(batch_token)).status == 401);
  auto listed = c.request("GET", "/v1/tokens?active=false", "", bearer(s.admin));
  CHECK(listed.json().at("tokens").as_array().size() == 2);
}
