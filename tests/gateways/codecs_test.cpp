#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "domain/json.hpp"
#include "domain/report.hpp"
#include "gateways/codecs.hpp"

using namespace gridcoord;
namespace json = boost::json;

namespace {
const domain::time_point t0{std::chrono::seconds{1'790'000'000}};  // 2026-09-22T…Z
const std::string t0_text = domain::format_rfc3339(t0);
}  // namespace

TEST_CASE("an inbox item shows its acknowledgement and newer version, or null", "[gateways][codecs]") {
  domain::inbox_item item{7, domain::department::marketing, "large_customer_demand",
                          domain::month{std::chrono::year{2027}, std::chrono::March}, 2, t0, std::nullopt, std::nullopt};
  auto v = json::value_from(item);
  CHECK(v == json::parse(R"({"item":7,"from":"marketing","kind":"large_customer_demand","month":"2027-03",)"
                         R"("version":2,"received_at":")" + t0_text +
                         R"(","acknowledged":null,"newer_version":null})"));
  item.ack = domain::acknowledgement{"li.wei", t0};
  item.newer = domain::newer_version{3, 9, t0};
  auto acked = json::value_from(item);
  CHECK(acked.at("acknowledged") == json::parse(R"({"by":"li.wei","at":")" + t0_text + "\"}"));
  CHECK(acked.at("newer_version") == json::parse(R"({"version":3,"item":9,"received_at":")" + t0_text + "\"}"));
}

TEST_CASE("a report document embeds its stored rows as JSON with numbers as written",
          "[gateways][codecs]") {
  const auto* kind = domain::find_report_kind("large_customer_demand");
  REQUIRE(kind);
  auto period = domain::month{std::chrono::year{2027}, std::chrono::March};
  auto rows = domain::parse_rows(*kind, period, json::parse(R"({"rows":[{"customer":"Hengda Steel",)"
                                                            R"("feeder":"F-101","demand_kw":1250.5,)"
                                                            R"("expected_month":"2027-03","likelihood_pct":80}]})"));
  REQUIRE(rows);
  domain::report_version v{domain::department::marketing, kind->id, period, 1, kind->recipients, "li.wei", 1, *rows};
  domain::version_entry entry{1, 101, t0, "li.wei", 1,
                              {{domain::department::planning, domain::acknowledgement{"wang.fang", t0}},
                               {domain::department::dispatch, std::nullopt}}};
  actors::report_document doc{101, t0, domain::encode(v), {entry}};
  auto text = domain::to_text(json::value_from(doc));
  CHECK(text.find("\"demand_kw\":1250.5") != std::string::npos);
  auto body = json::parse(text);
  CHECK(body.at("department") == "marketing");
  CHECK(body.at("month") == "2027-03");
  CHECK(body.at("seq") == 101);
  CHECK(body.at("submitted_at") == t0_text.c_str());
  CHECK(body.at("rows").is_array());
  CHECK(body.at("recipients") == json::parse(R"(["planning","dispatch"])"));
  CHECK(body.at("versions").at(0) ==
        json::parse(R"({"version":1,"seq":101,"submitted_at":")" + t0_text +
                    R"(","submitted_by":"li.wei","row_count":1,"deliveries":[)"
                    R"({"to":"planning","acknowledged":{"by":"wang.fang","at":")" + t0_text + R"("}},)"
                    R"({"to":"dispatch","acknowledged":null}]})"));
}

TEST_CASE("an event embeds its payload as an object, not as a string", "[gateways][codecs]") {
  actors::event_view e{5, "report/marketing/x/2027-03", "report.submitted", t0, "li.wei", R"({"a":1.5})"};
  auto v = json::value_from(e);
  CHECK(v.at("payload") == json::parse(R"({"a":1.5})"));
  CHECK(v.at("time") == t0_text.c_str());
  e.payload = "not json";
  CHECK(json::value_from(e).at("payload") == "not json");
}

TEST_CASE("a receipt and a health report use snake_case fields", "[gateways][codecs]") {
  actors::submit_receipt r{"report/marketing/large_customer_demand/2027-03", 3, 77,
                           {domain::department::planning}, t0, true};
  CHECK(json::value_from(r) ==
        json::parse(R"({"stream":"report/marketing/large_customer_demand/2027-03","version":3,"seq":77,)"
                    R"("recipients":["planning"],"accepted_at":")" + t0_text + R"(","replayed":true})"));
  CHECK(json::value_from(actors::health_report{true, 9, "1.0", {{2026}, {2027}}}) ==
        json::parse(R"({"status":"ok","last_seq":9,"version":"1.0",)"
                    R"("calendar":{"covered_years":[2026],"missing_years":[2027]}})"));
  CHECK(json::value_from(actors::health_report{false, 9, "1.0"}).at("status") == "unavailable");
}

TEST_CASE("calendar warnings are put only when a year lacks holidays, each with its message",
          "[gateways][codecs][calendar]") {
  json::object o;
  domain::put_calendar_warnings(o, {});
  CHECK_FALSE(o.contains("calendar_warnings"));
  domain::put_calendar_warnings(o, {2027});
  CHECK(o.at("calendar_warnings") ==
        json::array{json::object{{"year", 2027}, {"message", domain::uncovered_year_message(2027)}}});
}

TEST_CASE("an issue is written with its rule's code beside its reason", "[gateways][codecs][validation_rules]") {
  domain::issue in_row{domain::rule::not_a_month, 2, "expected_month", "2027-3", "must be a month written YYYY-MM"};
  CHECK(json::value_from(in_row) ==
        json::parse(R"({"row":2,"field":"expected_month","value":"2027-3",)"
                    R"("reason":"must be a month written YYYY-MM","rule":"not_a_month"})"));
  domain::issue whole{domain::rule::unknown_role, std::nullopt, "role", "root", "is not a role"};
  CHECK(json::value_from(whole) ==
        json::parse(R"({"field":"role","value":"root","reason":"is not a role","rule":"unknown_role"})"));
}
