// The JSON the SLA routes write for each kind of answer, with the request
// each read sends, against the fake client (tests/gateways/support/fake_sla.cpp).
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "domain/clock.hpp"
#include "domain/calendar_coverage.hpp"
#include "domain/json.hpp"
#include "gateways/sla_codec.hpp"
#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;
namespace json = boost::json;
namespace sla = domain::sla;

namespace {

domain::time_point at(const char* text) { return *domain::parse_rfc3339(text); }

template <class T>
T sent(const server_fixture& f) {
  auto r = f.fake.last_sla_request();
  REQUIRE(r);
  REQUIRE(std::holds_alternative<T>(*r));
  return std::get<T>(*r);
}

sla::work_clock clock_of(std::string item, sla::step what, domain::department owner) {
  sla::work_clock c;
  c.item = std::move(item);
  c.spec = {what, 1, owner, at("2026-12-01T08:00:00Z"), at("2026-12-01T08:45:00Z"), "45 min", {50, 75}};
  c.known_at = at("2026-12-01T08:01:00Z");
  return c;
}

}  // namespace

TEST_CASE("complaints, callbacks, analyses and planned notices are written with their kind's fields",
          "[gateways][sla]") {
  server_fixture f;
  sla::complaint k;
  k.id = 5;
  k.registration = {5, sla::complaint_category::supply_capacity, "C-1", "蓝海化工", "+8613800000000", "dips", "tk_cs", {}};
  k.registered_at = at("2026-12-01T08:00:00Z");
  k.state = sla::complaint_state::escalated;
  k.responsible = domain::department::planning;
  k.owner = domain::department::planning;
  k.round = 2;
  k.result = "tap changed";
  k.callbacks = {3};
  f.fake.set_sla_answer(actors::sla_item{"complaint/5", k, {}, false, true});
  auto complaint = json_of(f.request(verb::get, "/v1/complaints/5")).as_object();
  CHECK(sent<actors::get_item>(f).id == 5);
  CHECK(complaint.at("category") == "supply_capacity");
  CHECK(complaint.at("state") == "escalated");
  CHECK(complaint.at("responsible") == "planning");
  CHECK(complaint.at("round") == 2);
  CHECK(complaint.at("result") == "tap changed");
  CHECK_FALSE(complaint.contains("resolved_at"));
  CHECK(complaint.at("callbacks") == json::parse(R"(["callback/3"])"));

  sla::callback cb;
  cb.id = 3;
  cb.opening = {3, "complaint/5", domain::department::planning, "C-1", {}};
  cb.opened_at = at("2026-12-02T08:00:00Z");
  cb.attempts = {{at("2026-12-02T09:00:00Z"), {3, sla::callback_outcome::no_answer, std::nullopt, true, "", "tk_cs"}},
                 {at("2026-12-02T10:00:00Z"), {3, sla::callback_outcome::reached, 2u, false, "unhappy", "tk_cs"}}};
  cb.completed_at = at("2026-12-02T10:00:00Z");
  cb.satisfied = false;
  f.fake.set_sla_answer(actors::sla_item{"callback/3", cb, {}, false, true});
  auto callback = json_of(f.request(verb::get, "/v1/callbacks/3"));
  CHECK(callback.at("attempts") == json::parse(R"([
      {"at":"2026-12-02T09:00:00.000000Z","outcome":"no_answer","note":"","by":"tk_cs"},
      {"at":"2026-12-02T10:00:00.000000Z","outcome":"reached","satisfaction":2,"satisfied":false,"note":"unhappy","by":"tk_cs"}])"));
  CHECK(callback.at("state") == "done");
  CHECK(callback.at("satisfied") == false);
  CHECK(callback.at("department") == "planning");

  sla::analysis a;
  a.id = 2;
  a.opening = {2, "outage/17", sla::step::restoration, domain::department::production};
  a.opened_at = at("2026-12-01T13:00:00Z");
  f.fake.set_sla_answer(actors::sla_item{"analysis/2", a, {}, false, true});
  auto analysis = json_of(f.request(verb::get, "/v1/analyses/2")).as_object();
  CHECK(analysis.at("about") == "outage/17");
  CHECK(analysis.at("step") == "restoration");
  CHECK(analysis.at("state") == "open");
  CHECK_FALSE(analysis.contains("finding"));

  sla::planned_notice p;
  p.id = 2;
  p.notice = {2, sla::planned_kind::temporary, {"F-1"}, at("2026-12-09T08:00:00Z"), at("2026-12-09T12:00:00Z"),
              "switchgear", "tk_d", {}};
  p.noticed_at = at("2026-12-08T20:00:00Z");
  p.late = true;
  f.fake.set_sla_answer(actors::sla_item{"planned/2", p, {}, false, true});
  auto planned = json_of(f.request(verb::get, "/v1/planned-outages/2")).as_object();
  CHECK(planned.at("item") == "planned/2");
  CHECK(planned.at("kind") == "planned");
  CHECK(planned.at("planned_kind") == "temporary");
  CHECK(planned.at("late") == true);
}

TEST_CASE("open work, breaches and figures are written with the time left and the rates", "[gateways][sla]") {
  server_fixture f;
  auto overdue = clock_of("outage/17", sla::step::crew_arrival, domain::department::production);
  overdue.fired = {50, 75, 100};
  actors::open_work w;
  w.as_of = at("2026-12-01T09:00:00Z");
  w.steps = {{overdue, -std::chrono::minutes{15}, 133}};
  w.analyses = {sla::analysis{4, {4, "outage/17", sla::step::crew_arrival, domain::department::production},
                              at("2026-12-01T08:45:00Z"), std::nullopt, std::nullopt}};
  w.notices = {{"outage/17", sla::step::crew_arrival, 1, domain::department::production, 100,
                at("2026-12-01T08:45:00Z"), at("2026-12-01T08:00:00Z"), at("2026-12-01T08:45:00Z")},
               {"outage/17", sla::step::crew_arrival, 1, domain::department::production, 75,
                at("2026-12-01T08:33:45Z"), at("2026-12-01T08:00:00Z"), at("2026-12-01T08:45:00Z")}};
  f.fake.set_sla_answer(w);
  auto work = json_of(f.request(verb::get, "/v1/work/production"));
  CHECK(sent<actors::list_open_work>(f).department == domain::department::production);
  CHECK(work.at("department") == "production");
  CHECK(work.at("as_of") == "2026-12-01T09:00:00.000000Z");
  CHECK(work.at("steps").at(0) == json::parse(R"({"item":"outage/17","step":"crew_arrival","flow":"E5","round":1,
      "department":"production","started":"2026-12-01T08:00:00.000000Z","due":"2026-12-01T08:45:00.000000Z",
      "limit":"45 min","remaining_seconds":-900,"overdue":true,"elapsed_percent":133,"warnings":[50,75]})"));
  CHECK(work.at("analyses").at(0).at("item") == "analysis/4");
  CHECK(work.at("notices") == json::parse(R"([
      {"kind":"breach","percent":100,"item":"outage/17","step":"crew_arrival","flow":"E5","round":1,
       "department":"production","at":"2026-12-01T08:45:00.000000Z","due":"2026-12-01T08:45:00.000000Z"},
      {"kind":"warning","percent":75,"item":"outage/17","step":"crew_arrival","flow":"E5","round":1,
       "department":"production","at":"2026-12-01T08:33:45.000000Z","due":"2026-12-01T08:45:00.000000Z"}])"));

  sla::clock_signal s{"outage/17", sla::step::crew_arrival, 1, domain::department::production, 100,
                      at("2026-12-01T08:45:00Z"), at("2026-12-01T08:00:00Z"), at("2026-12-01T08:45:00Z")};
  f.fake.set_sla_answer(actors::breach_list{{s}});
  auto breaches = json_of(f.request(verb::get, "/v1/breaches?department=production&month=2026-12"));
  auto q = sent<actors::list_breaches>(f);
  CHECK(q.department == domain::department::production);
  CHECK(q.period == domain::parse_month("2026-12"));
  CHECK(breaches == json::parse(R"({"breaches":[{"item":"outage/17","step":"crew_arrival","flow":"E5","round":1,
      "department":"production","started":"2026-12-01T08:00:00.000000Z","due":"2026-12-01T08:45:00.000000Z"}]})"));

  auto december = *domain::parse_month("2026-12");
  f.fake.set_sla_answer(actors::sla_figures{{{december, domain::department::production, 2}},
                                            {{december, domain::department::dispatch, 3, 2, 4, 1, 3.5}}});
  auto figures = json_of(f.request(verb::get, "/v1/sla/figures?month=2026-12"));
  CHECK(sent<actors::get_figures>(f).period == december);
  CHECK(domain::to_text(figures) ==
        R"({"breaches":[{"month":"2026-12","department":"production","breaches":2}],)"
        R"("callbacks":[{"month":"2026-12","department":"dispatch","opened":3,"completed":2,"rate":0.6667,)"
        R"("attempts":4,"satisfied":1,"mean_satisfaction":3.5}]})");
}

TEST_CASE("open work and an item flag deadlines in working days that lie in a year without holidays",
          "[gateways][sla][calendar]") {
  server_fixture f;
  actors::open_work w;
  w.as_of = at("2026-12-30T09:00:00Z");
  w.uncovered_years = {2027};
  f.fake.set_sla_answer(w);
  auto work = json_of(f.request(verb::get, "/v1/work/production"));
  REQUIRE(work.as_object().contains("calendar_warnings"));
  CHECK(work.at("calendar_warnings").at(0).at("year") == 2027);
  CHECK(work.at("calendar_warnings").at(0).at("message") == domain::uncovered_year_message(2027).c_str());

  w.uncovered_years = {};
  f.fake.set_sla_answer(w);
  CHECK_FALSE(json_of(f.request(verb::get, "/v1/work/production")).as_object().contains("calendar_warnings"));

  actors::sla_item item{"analysis/4",
                        sla::analysis{4, {4, "outage/17", sla::step::crew_arrival, domain::department::production},
                                      at("2026-12-01T08:45:00Z"), std::nullopt, std::nullopt},
                        {}, false, true, {2027}};
  auto one = json::value_from(item);
  CHECK(one.at("calendar_warnings").at(0).at("year") == 2027);
}

TEST_CASE("a customer is written with its notifications, and pages of customers with their cursor",
          "[gateways][sla][customers]") {
  server_fixture f;
  sla::customer c{"C-1", "蓝海化工", sla::customer_tier::important, {{"sms", "+8613800000000"}}, "F-1", 2, 40};
  sla::message_status m;
  m.message.message_id = "outage/17/C-1/outage_notice";
  m.message.customer_id = "C-1";
  m.message.channel = "sms";
  m.message.cause = "outage/17";
  m.message.text = "【蓝海供电】尊敬的蓝海化工：受蓝海市临港镇F-1线路故障影响，您单位自12月1日 16:00起停电，"
                   "预计另行通知的时间恢复供电。如有疑问请致电95598。";
  m.message.language = "zh-CN";
  m.message.segments = 2;
  m.message.enqueued_at = at("2026-12-01T08:01:00Z");
  m.state = sla::delivery_state::dead_lettered;
  m.attempts = 8;
  m.last_error = "HTTP 503";
  m.ended_at = at("2026-12-01T09:00:00Z");
  f.fake.set_sla_answer(actors::customer_view{c, {m}});
  auto one = json_of(f.request(verb::get, "/v1/customers/C-1"));
  CHECK(sent<actors::get_customer>(f).id == "C-1");
  CHECK(one.at("name") == "蓝海化工");
  CHECK(one.at("version") == 2);
  CHECK(one.at("notifications") == json::parse(R"([{"message_id":"outage/17/C-1/outage_notice","customer_id":"C-1",
      "channel":"sms","kind":"outage_notice","cause":"outage/17",
      "text":"【蓝海供电】尊敬的蓝海化工：受蓝海市临港镇F-1线路故障影响，您单位自12月1日 16:00起停电，预计另行通知的时间恢复供电。如有疑问请致电95598。",
      "language":"zh-CN","segments":2,"too_long":false,"state":"dead_lettered","attempts":8,
      "last_error":"HTTP 503","ended_at":"2026-12-01T09:00:00.000000Z","enqueued_at":"2026-12-01T08:01:00.000000Z"}])"));

  f.fake.set_sla_answer(sla::customer_page{{c}, "C-1", false});
  auto page = json_of(f.request(verb::get, "/v1/customers?connection_point=F-1&tier=important&after=C-0&limit=1"));
  auto q = sent<actors::list_customers>(f).filter;
  CHECK(q.connection_point == "F-1");
  CHECK(q.tier == sla::customer_tier::important);
  CHECK(q.after == "C-0");
  CHECK(q.limit == 1);
  CHECK(page.at("customers").at(0).at("id") == "C-1");
  CHECK(page.at("next_after") == "C-1");
  CHECK(page.at("end") == false);

  f.fake.set_sla_answer(actors::notification_list{{m}, 4});
  auto list = json_of(f.request(verb::get, "/v1/notifications?state=dead_lettered"));
  CHECK(sent<actors::list_notifications>(f).state == sla::delivery_state::dead_lettered);
  CHECK(list.at("pending") == 4);
  CHECK(list.at("notifications").at(0).at("attempts") == 8);
  CHECK(list.at("notifications").at(0).at("text").as_string() == std::string_view(m.message.text));
}

TEST_CASE("a complaint's personal fields reach only roles that may read customers in items lists and answers",
          "[gateways][sla][disclosure]") {
  server_fixture f;
  sla::complaint k;
  k.id = 5;
  k.registration = {5, sla::complaint_category::supply_capacity, "C-1", "蓝海化工", "+8613800000000", "dips", "tk_cs", {}};
  k.registered_at = at("2026-12-01T08:00:00Z");
  k.responsible = domain::department::planning;
  k.owner = domain::department::planning;
  f.fake.set_sla_answer(actors::sla_item{"complaint/5", k, {}, false, true});
  auto token_of = [&](const std::string& role) {
    auto r = f.request(verb::post, "/v1/tokens", R"({"role":")" + role + R"("})");
    REQUIRE(r.result_int() == 201);
    return headers{{"Authorization", "Bearer " + std::string(json_of(r).at("token").as_string())}};
  };
  auto planner = token_of("planner");
  auto agent = token_of("cs_agent");
  const json::array redacted{"customer_name", "contact", "text"};
  auto hidden = [&](const json::value& item) {
    CHECK(item.at("redacted") == redacted);
    for (const char* field : {"customer_name", "contact", "text"}) CHECK_FALSE(item.as_object().contains(field));
    CHECK(item.at("customer_id") == "C-1");
    CHECK(item.at("responsible") == "planning");
  };

  auto one = f.request(verb::get, "/v1/complaints/5", "", planner);
  REQUIRE(one.result_int() == 200);
  CHECK(one.body().find("蓝海化工") == std::string::npos);
  hidden(json_of(one));
  // The answer of a step the planner may take shows the item as the planner may see it.
  auto ack = f.request(verb::post, "/v1/work/planning/complaints/5/acknowledge", "{}", planner);
  REQUIRE(ack.result_int() == 200);
  hidden(json_of(ack));
  auto shown = json_of(f.request(verb::get, "/v1/complaints/5", "", agent));
  CHECK(shown.at("customer_name") == "蓝海化工");
  CHECK(shown.at("contact") == "+8613800000000");
  CHECK(shown.at("text") == "dips");
  CHECK_FALSE(shown.as_object().contains("redacted"));

  f.fake.set_sla_answer(actors::item_list{{actors::sla_item{"complaint/5", k, {}, false, true}}, 5, true});
  auto list = f.request(verb::get, "/v1/complaints", "", planner);
  REQUIRE(list.result_int() == 200);
  CHECK(list.body().find("蓝海化工") == std::string::npos);
  hidden(json_of(list).at("items").at(0));
  CHECK(json_of(f.request(verb::get, "/v1/complaints", "", agent)).at("items").at(0).at("text") == "dips");
}
