// The SLA routes against the fake client: each request as the gateway reads
// it (every field, defaults, every issue at once, nothing sent for a bad
// body) and the JSON of an item (sla_codec_test.cpp has the other answers).
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "domain/clock.hpp"
#include "domain/json.hpp"
#include "gateways/detail/sla_routes.hpp"
#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;
namespace json = boost::json;
namespace sla = domain::sla;

namespace {

domain::time_point at(const char* text) { return *domain::parse_rfc3339(text); }

const headers csv_type{{"Content-Type", "text/csv; charset=utf-8"}};

template <class T>
T sent(const server_fixture& f) {
  auto r = f.fake.last_sla_request();
  REQUIRE(r);
  REQUIRE(std::holds_alternative<T>(*r));
  return std::get<T>(*r);
}

// The field of every issue, in order.
std::vector<std::string> fields_of(const response& r) {
  std::vector<std::string> out;
  auto body = json_of(r);
  for (const auto& d : body.at("error").at("details").as_array()) out.emplace_back(d.at("field").as_string());
  return out;
}

// The rule of every issue, in order.
std::vector<std::string> rules_of(const response& r) {
  std::vector<std::string> out;
  auto body = json_of(r);
  for (const auto& d : body.at("error").at("details").as_array()) out.emplace_back(d.at("rule").as_string());
  return out;
}

sla::work_clock clock_of(std::string item, sla::step what, domain::department owner) {
  sla::work_clock c;
  c.item = std::move(item);
  c.spec = {what, 1, owner, at("2026-12-01T08:00:00Z"), at("2026-12-01T08:45:00Z"), "45 min", {50, 75}};
  c.known_at = at("2026-12-01T08:01:00Z");
  return c;
}

actors::sla_item outage_item(bool created, bool changed) {
  sla::outage o;
  o.id = 17;
  o.report.id = 17;
  o.report.equipment = {"F-101", "D-7"};
  o.report.area = domain::area_class::rural;
  o.report.started_at = at("2026-12-01T08:00:00Z");
  o.report.description = "feeder tripped";
  o.report.reported_by = "tk_dispatch";
  o.reported_at = at("2026-12-01T08:01:00Z");
  o.etr = at("2026-12-01T12:00:00Z");
  o.notices = 3;
  o.notices_pending = {"m1", "m2"};
  auto arrival = clock_of("outage/17", sla::step::crew_arrival, domain::department::production);
  arrival.fired = {50};
  auto notice = clock_of("outage/17", sla::step::preliminary_notice, domain::department::dispatch);
  notice.completed = at("2026-12-01T08:01:00Z");
  return {"outage/17", o, {notice, arrival}, created, changed};
}

}  // namespace

TEST_CASE("POST /v1/outages sends every field with the writer and answers 201 with the item and its clocks",
          "[gateways][sla]") {
  server_fixture f;
  f.fake.set_sla_answer(outage_item(true, true));
  auto r = f.request(verb::post, "/v1/outages",
                     R"({"equipment":["F-101","D-7"],"started_at":"2026-12-01T16:00:00+08:00","description":"feeder tripped"})",
                     {{"Idempotency-Key", "out-1"}});
  REQUIRE(r.result_int() == 201);
  CHECK(r[http::field::location] == "/v1/outages/17");
  auto q = sent<actors::report_outage>(f);
  CHECK(q.equipment == std::vector<std::string>{"F-101", "D-7"});
  CHECK(q.started_at == at("2026-12-01T08:00:00Z"));
  CHECK(q.description == "feeder tripped");
  CHECK(q.writer.by.starts_with("tk_"));
  CHECK(q.writer.idempotency_key == "out-1");
  CHECK(q.writer.origin.find("admin") != std::string::npos);
  CHECK(q.writer.request_hash.size() > 0);

  auto body = json_of(r).as_object();
  CHECK(body.at("item") == "outage/17");
  CHECK(body.at("kind") == "outage");
  CHECK(body.at("id") == 17);
  CHECK(body.at("source") == "dispatcher");
  CHECK_FALSE(body.contains("source_ref"));
  CHECK(body.at("equipment") == json::parse(R"(["F-101","D-7"])"));
  CHECK(body.at("area_class") == "rural");
  CHECK(body.at("started_at") == "2026-12-01T08:00:00.000000Z");
  CHECK(body.at("etr") == "2026-12-01T12:00:00.000000Z");
  CHECK_FALSE(body.contains("restored_at"));
  CHECK_FALSE(body.contains("callback"));
  CHECK(body.at("notices") == 3);
  CHECK(body.at("notices_pending") == 2);
  CHECK(body.at("state") == "open");
  CHECK_FALSE(body.contains("repeated"));
  const auto& clocks = body.at("clocks").as_array();
  REQUIRE(clocks.size() == 2);
  CHECK(clocks[0] == json::parse(R"({"step":"preliminary_notice","flow":"E1","round":1,"department":"dispatch",
      "started":"2026-12-01T08:00:00.000000Z","due":"2026-12-01T08:45:00.000000Z","limit":"45 min",
      "completed":"2026-12-01T08:01:00.000000Z","status":"met","warnings":[]})"));
  CHECK(clocks[1].at("flow") == "E5");
  CHECK(clocks[1].at("status") == "open");
  CHECK(clocks[1].at("warnings") == json::parse("[50]"));
  CHECK_FALSE(clocks[1].as_object().contains("completed"));
}

TEST_CASE("a write the actor answers as a repeat is 200 with repeated true", "[gateways][sla]") {
  server_fixture f;
  f.fake.set_sla_answer(outage_item(true, false));
  auto r = f.request(verb::post, "/v1/outages", R"({"equipment":["F-101"]})", {{"Idempotency-Key", "out-1"}});
  REQUIRE(r.result_int() == 200);
  CHECK(json_of(r).at("repeated") == true);
  CHECK(r.count(http::field::location) == 0);
}

TEST_CASE("an outage report with bad fields lists every issue and sends nothing", "[gateways][sla]") {
  server_fixture f;
  f.fake.set_sla_answer(outage_item(true, true));
  auto r = f.request(verb::post, "/v1/outages",
                     R"({"equipment":[],"started_at":"2026-12-01 08:00","descripton":"x"})");
  REQUIRE(r.result_int() == 422);
  CHECK(fields_of(r) == std::vector<std::string>{"descripton", "equipment", "started_at"});
  auto no_body = f.request(verb::post, "/v1/outages", "");  // 400, as every write that needs a body
  CHECK(no_body.result_int() == 400);
  CHECK(fields_of(no_body).empty());
  CHECK(f.request(verb::post, "/v1/outages", "[1]").result_int() == 400);
  CHECK(f.fake.sla_calls() == 0);
}

TEST_CASE("outage steps read their id from the path, a missing time as now, and refuse a bad id",
          "[gateways][sla]") {
  server_fixture f;
  f.fake.set_sla_answer(outage_item(false, true));
  REQUIRE(f.request(verb::post, "/v1/outages/17/crew-arrived", "").result_int() == 200);
  auto arrival = sent<actors::record_crew_arrival>(f);
  CHECK(arrival.id == 17);
  CHECK_FALSE(arrival.at);
  REQUIRE(f.request(verb::post, "/v1/outages/17/restored", R"({"at":"2026-12-01T10:00:00Z"})").result_int() == 200);
  CHECK(sent<actors::restore_outage>(f).at == at("2026-12-01T10:00:00Z"));
  REQUIRE(f.request(verb::post, "/v1/outages/17/updates",
                    R"({"cause":"tree on line","etr":"2026-12-01T12:00:00Z","equipment_added":["D-9"]})")
              .result_int() == 200);
  auto update = sent<actors::update_outage>(f);
  CHECK(update.cause == "tree on line");
  CHECK(update.etr == at("2026-12-01T12:00:00Z"));
  CHECK(update.equipment_added == std::vector<std::string>{"D-9"});
  REQUIRE(f.request(verb::post, "/v1/outages/17/customers-notified", R"({"note":"phoned both"})").result_int() == 200);
  CHECK(sent<actors::notify_customers>(f).note == "phoned both");

  auto calls = f.fake.sla_calls();
  CHECK(f.request(verb::post, "/v1/outages/x7/crew-arrived", "").result_int() == 400);
  CHECK(f.request(verb::post, "/v1/outages/0/restored", "").result_int() == 400);
  auto empty = f.request(verb::post, "/v1/outages/17/updates", "{}");
  CHECK(empty.result_int() == 422);
  CHECK(json_of(empty).at("error").at("details").at(0).at("reason") == "give a cause, an etr or equipment_added");
  CHECK(fields_of(f.request(verb::post, "/v1/outages/17/updates", R"({"cause":"","etr":"soon"})")) ==
        std::vector<std::string>{"cause", "etr"});
  CHECK(fields_of(f.request(verb::post, "/v1/outages/17/customers-notified", "{}")) ==
        std::vector<std::string>{"note"});
  CHECK(f.fake.sla_calls() == calls);
}

TEST_CASE("a planned-outage notice needs its kind, equipment and both times in order", "[gateways][sla]") {
  server_fixture f;
  f.fake.set_sla_answer(outage_item(true, true));
  auto bad = f.request(verb::post, "/v1/planned-outages",
                       R"({"kind":"urgent","equipment":["F-1"],"starts_at":"2026-12-09T08:00:00Z","ends_at":"2026-12-09T07:00:00Z"})");
  REQUIRE(bad.result_int() == 422);
  CHECK(fields_of(bad) == std::vector<std::string>{"kind", "ends_at"});
  CHECK(rules_of(bad) == std::vector<std::string>{"not_one_of", "out_of_order"});
  CHECK(json_of(bad).at("error").at("details").at(0).at("reason") == "must be one of planned, temporary");
  REQUIRE(f.request(verb::post, "/v1/planned-outages",
                    R"({"kind":"temporary","equipment":["F-1"],"starts_at":"2026-12-09T08:00:00Z","ends_at":"2026-12-09T12:00:00Z"})")
              .result_int() == 201);
  auto q = sent<actors::notice_planned_outage>(f);
  CHECK(q.kind == sla::planned_kind::temporary);
  CHECK(q.ends_at == at("2026-12-09T12:00:00Z"));
}

TEST_CASE("a complaint names a known category and its text, and its steps name the department in the path",
          "[gateways][sla]") {
  server_fixture f;
  f.fake.set_sla_answer(outage_item(false, true));
  auto bad = f.request(verb::post, "/v1/complaints", R"({"category":"billing","text":"","mood":"angry"})");
  REQUIRE(bad.result_int() == 422);
  CHECK(fields_of(bad) == std::vector<std::string>{"mood", "category", "text", "customer_name"});
  CHECK(rules_of(bad) == std::vector<std::string>{"unknown_field", "not_one_of", "empty_text", "at_least_one_of"});
  REQUIRE(f.request(verb::post, "/v1/complaints",
                    R"({"category":"supply_capacity","customer_name":"蓝海化工","contact":"+8613800000000","text":"voltage dips"})")
              .result_int() == 200);
  auto c = sent<actors::register_complaint>(f);
  CHECK(c.category == sla::complaint_category::supply_capacity);
  CHECK(c.customer_name == "蓝海化工");
  CHECK(c.customer_id.empty());
  CHECK(c.contact == "+8613800000000");

  REQUIRE(f.request(verb::post, "/v1/complaints/4/forward", "").result_int() == 200);
  CHECK(sent<actors::forward_complaint>(f).id == 4);
  CHECK(f.request(verb::post, "/v1/complaints/4/forward", R"({"to":"planning"})").result_int() == 422);
  REQUIRE(f.request(verb::post, "/v1/work/planning/complaints/4/acknowledge", "{}").result_int() == 200);
  auto ack = sent<actors::acknowledge_complaint>(f);
  CHECK(ack.id == 4);
  CHECK(ack.department == domain::department::planning);
  REQUIRE(f.request(verb::post, "/v1/work/planning/complaints/4/result", R"({"result":"tap changed"})")
              .result_int() == 200);
  CHECK(sent<actors::resolve_complaint>(f).result == "tap changed");
  CHECK(f.request(verb::post, "/v1/work/nowhere/complaints/4/acknowledge", "{}").result_int() == 404);
  CHECK(fields_of(f.request(verb::post, "/v1/work/planning/complaints/4/result", "{}")) ==
        std::vector<std::string>{"result"});
  REQUIRE(f.request(verb::post, "/v1/work/production/analyses/2/close", R"({"finding":"crew far away"})")
              .result_int() == 200);
  auto close = sent<actors::close_analysis>(f);
  CHECK(close.department == domain::department::production);
  CHECK(close.finding == "crew far away");
}

TEST_CASE("a callback attempt that reached the customer needs a score from 1 to 5; satisfied defaults to true",
          "[gateways][sla]") {
  server_fixture f;
  f.fake.set_sla_answer(outage_item(false, true));
  CHECK(fields_of(f.request(verb::post, "/v1/callbacks/3/attempts", R"({"outcome":"reached"})")) ==
        std::vector<std::string>{"satisfaction"});
  auto bad = f.request(verb::post, "/v1/callbacks/3/attempts", R"({"outcome":"hung_up","satisfaction":6,"satisfied":"no"})");
  CHECK(fields_of(bad) == std::vector<std::string>{"outcome", "satisfaction", "satisfied"});
  CHECK(rules_of(bad) == std::vector<std::string>{"not_one_of", "out_of_range", "not_a_boolean"});
  REQUIRE(f.request(verb::post, "/v1/callbacks/3/attempts", R"({"outcome":"reached","satisfaction":4,"note":"ok"})")
              .result_int() == 200);
  auto a = sent<actors::attempt_callback>(f);
  CHECK(a.id == 3);
  CHECK(a.outcome == sla::callback_outcome::reached);
  CHECK(a.satisfaction == 4u);
  CHECK(a.satisfied);
  CHECK(a.note == "ok");
  REQUIRE(f.request(verb::post, "/v1/callbacks/3/attempts", R"({"outcome":"reached","satisfaction":2,"satisfied":false})")
              .result_int() == 200);
  CHECK_FALSE(sent<actors::attempt_callback>(f).satisfied);
}

TEST_CASE("the outage feed reads each JSON line on its own: a bad line is rejected with its reason, the rest go",
          "[gateways][sla][feed]") {
  std::string text =
      "{\"event_id\":\"e1\",\"type\":\"outage.started\",\"outage_ref\":\"OMS-1\",\"equipment\":[\"F-1\"],"
      "\"at\":\"2026-12-01T08:00:00Z\"}\r\n"
      "\n"
      "not json\n"
      "{\"event_id\":\"e2\",\"type\":\"outage.lost\",\"outage_ref\":\"OMS-1\",\"at\":\"yesterday\"}\n"
      "[1,2]\n"
      "{\"event_id\":\"e3\",\"type\":\"outage.updated\",\"outage_ref\":\"OMS-1\",\"cause\":\"storm\","
      "\"etr\":\"2026-12-01T12:00:00Z\",\"colour\":\"red\"}\n"
      "{\"event_id\":\"e4\",\"type\":\"power.restored\",\"outage_ref\":\"OMS-1\"}";
  auto feed = gateways::detail::parse_feed(std::string_view(text));
  REQUIRE(feed);
  REQUIRE(feed->lines.size() == 2);
  CHECK(feed->lines[0].line == 1);
  CHECK(feed->lines[0].event_id == "e1");
  CHECK(feed->lines[0].equipment == std::vector<std::string>{"F-1"});
  CHECK(feed->lines[0].at == at("2026-12-01T08:00:00Z"));
  CHECK(feed->lines[1].line == 7);
  CHECK_FALSE(feed->lines[1].at);
  REQUIRE(feed->rejected.size() == 4);
  CHECK(feed->rejected[0].line == 3);
  CHECK(feed->rejected[0].error.starts_with("the line is not JSON"));
  CHECK(feed->rejected[1].line == 4);
  CHECK(feed->rejected[1].error ==
        "type: must be one of outage.started, outage.updated, crew.arrived, power.restored; "
        "at: must be an RFC 3339 time with its offset, e.g. 2026-12-01T09:30:00+08:00");
  CHECK(feed->rejected[2].error == "the line is not a JSON object");
  CHECK(feed->rejected[3].line == 6);
  CHECK(feed->rejected[3].error == "colour: is not a field of the feed line");

  std::string many;
  for (std::size_t i = 0; i <= gateways::detail::max_feed_lines; ++i) many += "{}\n";
  auto too_many = gateways::detail::parse_feed(std::string_view(many));
  REQUIRE_FALSE(too_many);
  CHECK(too_many.error().code == domain::errc::too_large);
}

TEST_CASE("POST /v1/outage-feed answers every line in order, the gateway's rejections among the actor's results",
          "[gateways][sla][feed]") {
  server_fixture f;
  f.fake.set_sla_answer(actors::feed_results{{{1, "created", "outage/1", ""}, {3, "duplicate", "outage/1", ""}}});
  auto r = f.request(verb::post, "/v1/outage-feed",
                     R"([{"event_id":"e1","type":"outage.started","outage_ref":"OMS-1","equipment":["F-1"]},
                         {"event_id":"e2","type":"crew.arrived"},
                         {"event_id":"e1","type":"outage.started","outage_ref":"OMS-1","equipment":["F-1"]}])");
  REQUIRE(r.result_int() == 200);
  auto batch = sent<actors::feed_batch>(f);
  REQUIRE(batch.lines.size() == 2);
  CHECK(batch.lines[1].line == 3);
  CHECK(json_of(r) == json::parse(R"({"results":[{"line":1,"status":"created","item":"outage/1"},
      {"line":2,"status":"rejected","error":"outage_ref: is required and must not be empty"},
      {"line":3,"status":"duplicate","item":"outage/1"}],"created":1,"updated":0,"duplicate":1,"rejected":1})"));
}

TEST_CASE("POST /v1/outage-feed takes JSON lines as application/x-ndjson or text/plain, UTF-8 only",
          "[gateways][sla][feed]") {
  server_fixture f;
  f.fake.set_sla_answer(actors::feed_results{{{1, "created", "outage/1", ""}, {3, "updated", "outage/1", ""}}});
  const std::string lines =
      "{\"event_id\":\"e1\",\"type\":\"outage.started\",\"outage_ref\":\"OMS-1\",\"equipment\":[\"F-1\"]}\n"
      "\n"
      "{\"event_id\":\"e2\",\"type\":\"outage.updated\",\"outage_ref\":\"OMS-1\",\"cause\":\"树障\"}\n";
  for (const char* type : {"application/x-ndjson", "text/plain; charset=utf-8"}) {
    auto r = f.request(verb::post, "/v1/outage-feed", lines, {{"Content-Type", type}});
    INFO(type);
    REQUIRE(r.result_int() == 200);
    auto batch = sent<actors::feed_batch>(f);
    REQUIRE(batch.lines.size() == 2);
    CHECK(batch.lines[0].line == 1);
    CHECK(batch.lines[1].line == 3);  // the blank line keeps its number
    CHECK(batch.lines[1].cause == "树障");
  }
  auto latin = f.request(verb::post, "/v1/outage-feed", lines, {{"Content-Type", "application/x-ndjson; charset=latin1"}});
  CHECK(latin.result_int() == 415);
  auto csv = f.request(verb::post, "/v1/outage-feed", lines, {{"Content-Type", "text/csv"}});
  CHECK(csv.result_int() == 415);
}

TEST_CASE("POST /v1/customers reads CSV or JSON by Content-Type and answers the import's summary",
          "[gateways][sla][customers]") {
  server_fixture f;
  f.fake.set_sla_answer(actors::customer_import_receipt{{2, 1, 1, 0}, 88, false});
  auto csv = f.request(verb::post, "/v1/customers",
                       "id,name,tier,connection_point,contacts\n"
                       "C-1,蓝海化工,important,F-1,sms:+8613800000000;email:ops@lanhai.cn\n"
                       "C-2,Harbour Ice Rink,large,D-7,phone:+862155550000\n",
                       csv_type);
  REQUIRE(csv.result_int() == 201);
  CHECK(json_of(csv) == json::parse(R"({"imported":2,"added":1,"replaced":1,"unchanged":0,"seq":88,"replayed":false,
                                        "encoding":"UTF-8"})"));
  auto rows = sent<actors::import_customers>(f).rows;
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].name == "蓝海化工");
  CHECK(rows[0].contacts.size() == 2);
  CHECK(rows[1].tier == sla::customer_tier::large);

  // The same file as a Chinese Excel's plain "CSV" saves it: GB18030, detected and said so.
  auto gb18030 = f.request(verb::post, "/v1/customers",
                           "id,name,tier,connection_point,contacts\n"
                           "C-1,\xC0\xB6\xBA\xA3\xBB\xAF\xB9\xA4,important,F-1,sms:+8613800000000\n",  // 蓝海化工
                           {{"Content-Type", "text/csv"}});
  REQUIRE(gb18030.result_int() == 201);
  CHECK(json_of(gb18030).at("encoding") == "GB18030");
  CHECK(sent<actors::import_customers>(f).rows.at(0).name == "蓝海化工");

  REQUIRE(f.request(verb::post, "/v1/customers",
                    R"({"customers":[{"id":"C-3","name":"N","tier":"important","connection_point":"F-1",
                        "contacts":[{"channel":"webhook","address":"https://n.example/hook"}]}]})")
              .result_int() == 201);
  CHECK(sent<actors::import_customers>(f).rows.at(0).contacts.at(0).channel == "webhook");

  auto calls = f.fake.sla_calls();
  auto bad = f.request(verb::post, "/v1/customers",
                       "id,name,tier,connection_point,contacts\nC-1,X,vip,F-1,fax:123\n", csv_type);
  CHECK(bad.result_int() == 422);
  CHECK(json_of(bad).at("error").at("details").as_array().size() >= 2);
  CHECK(json_of(bad).at("error").at("encoding") == "UTF-8");
  CHECK(f.fake.sla_calls() == calls);
}

TEST_CASE("the lists read their query, and refuse a bad value naming it", "[gateways][sla]") {
  server_fixture f;
  f.fake.set_sla_answer(actors::item_list{{outage_item(false, true)}, 17, false});
  auto r = f.request(verb::get, "/v1/outages?open=true&after=3&limit=2");
  REQUIRE(r.result_int() == 200);
  auto q = sent<actors::list_items>(f);
  CHECK(q.kind == "outage");
  CHECK(q.open_only);
  CHECK(q.after == 3);
  CHECK(q.limit == 2);
  auto body = json_of(r);
  CHECK(body.at("next_after") == 17);
  CHECK(body.at("end") == false);
  CHECK(body.at("items").at(0).at("item") == "outage/17");
  REQUIRE(f.request(verb::get, "/v1/analyses").result_int() == 200);
  CHECK(sent<actors::list_items>(f).kind == "analysis");
  CHECK_FALSE(sent<actors::list_items>(f).open_only);
  // An answer of another kind than the request names is the actor's bug: 500.
  CHECK(f.request(verb::get, "/v1/planned-outages/2").result_int() == 500);
  f.fake.set_sla_answer(outage_item(false, true));
  REQUIRE(f.request(verb::get, "/v1/planned-outages/2").result_int() == 200);
  CHECK(sent<actors::get_item>(f).kind == "planned");
  CHECK(sent<actors::get_item>(f).id == 2);

  auto calls = f.fake.sla_calls();
  CHECK(f.request(verb::get, "/v1/complaints?open=yes").result_int() == 400);
  CHECK(f.request(verb::get, "/v1/callbacks?limit=0").result_int() == 400);
  auto dept = f.request(verb::get, "/v1/breaches?department=sales");
  CHECK(dept.result_int() == 400);
  CHECK(fields_of(dept) == std::vector<std::string>{"department"});
  CHECK(f.request(verb::get, "/v1/sla/figures?month=2026-13").result_int() == 400);
  CHECK(f.request(verb::get, "/v1/work/sales").result_int() == 404);
  CHECK(f.request(verb::get, "/v1/notifications?state=sent").result_int() == 400);
  CHECK(f.request(verb::get, "/v1/customers?tier=gold").result_int() == 400);
  CHECK(f.fake.sla_calls() == calls);

  f.fake.set_sla_answer(actors::notification_list{{}, 4});
  REQUIRE(f.request(verb::get, "/v1/notifications?cause=outage/17&limit=5").result_int() == 200);
  auto n = sent<actors::list_notifications>(f);
  CHECK(n.state == sla::delivery_state::pending);
  CHECK(n.cause == "outage/17");
  CHECK(n.limit == 5);
}
