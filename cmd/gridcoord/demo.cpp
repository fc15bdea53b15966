#include "cmd/gridcoord/demo.hpp"

#include <chrono>
#include <future>
#include <optional>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "domain/calendar.hpp"
#include "domain/references.hpp"
#include "domain/report.hpp"
#include "domain/sla/customers.hpp"

namespace gridcoord::cmd {

namespace {

using std::chrono::months;

// Lanhai, a fictional coastal city: large customers' potential demand (M1)
// as marketing would report it for two months.
struct demo_report {
  const char* month;
  const char* rows;
};

constexpr demo_report demo_reports[] = {
    {"2026-09", R"json({"rows":[
      {"customer":"Lanhai Port Cold Storage","feeder":"LH-F12","demand_kw":1800,"expected_month":"2027-01","likelihood_pct":90},
      {"customer":"Xinhe Data Centre","area":"Xinhe Hi-Tech Zone","demand_kva":6500,"expected_month":"2027-06","likelihood_pct":60}
    ]})json"},
    {"2026-10", R"json({"rows":[
      {"customer":"Lanhai Port Cold Storage","feeder":"LH-F12","demand_kw":2000,"expected_month":"2027-01","likelihood_pct":95},
      {"customer":"Xinhe Data Centre","area":"Xinhe Hi-Tech Zone","demand_kva":6500,"expected_month":"2027-06","likelihood_pct":70},
      {"customer":"蓝海钢铁 (Lanhai Steel)","feeder":"LH-F07","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80}
    ]})json"},
};

// Last month's peaks (M4), as dispatch measured them. With the default load
// standards (config/standards.toml: feeders planned to 70 %, main transformers
// to 80 %, 200 kVA minimum) F-101 has 500 kVA left of its own 7,000 kVA limit,
// and SS-07/T2 (2,500 kVA left) binds F-222 and F-310 below it.
constexpr const char* demo_load_statistics = R"json({"rows":[
  {"equipment_id":"SS-07","equipment_class":"substation","peak_load_kva":70000,"load_rate_pct":55.6,"hours_above_heavy_h":0,"hours_above_overload_h":0},
  {"equipment_id":"SS-07/T1","equipment_class":"main_transformer","peak_load_kva":32000,"load_rate_pct":64,"hours_above_heavy_h":0,"hours_above_overload_h":0},
  {"equipment_id":"SS-07/T2","equipment_class":"main_transformer","peak_load_kva":37500,"load_rate_pct":75,"hours_above_heavy_h":0,"hours_above_overload_h":0},
  {"equipment_id":"F-101","equipment_class":"feeder","peak_load_kva":6500,"load_rate_pct":65,"hours_above_heavy_h":0,"hours_above_overload_h":0},
  {"equipment_id":"F-222","equipment_class":"feeder","peak_load_kva":2400,"load_rate_pct":30,"hours_above_heavy_h":0,"hours_above_overload_h":0},
  {"equipment_id":"F-310","equipment_class":"feeder","peak_load_kva":1800,"load_rate_pct":22.5,"hours_above_heavy_h":0,"hours_above_overload_h":0}
]})json";

// Planning's M2: F-101 uprated to 12,000 kVA (limit 8,400) from `in_service`.
std::string demo_regional_development(domain::month in_service) {
  return fmt::format(R"json({{"rows":[
  {{"row_type":"reinforcement","equipment_id":"F-101","equipment_class":"feeder","action":"uprate","rating_kva":12000,"in_service_month":"{}"}}
]}})json",
                     domain::to_string(in_service));
}

// The demo's months, from the month the capacity register counts as "this
// month" when the demo data is loaded: M4 and M2 for last month, the M2
// uprate in four months, the application from this month, the hints' month
// next month.
struct demo_months {
  domain::month now;
  domain::month last() const { return now - months{1}; }
  domain::month uprate() const { return now + months{4}; }
  domain::month hint() const { return now + months{1}; }
};

// Set by load_demo_data, read by demo_hints; serve calls both on its own
// thread, in that order.
std::optional<demo_months> loaded_months;

// This month as the server sees it: its clock, in its reporting time zone
// (the capacity register's horizon starts there), read from the cycle matrix
// it answers (for any month: only its as_of and time_zone are read).
domain::expected<domain::month> server_month(actors::client& api) {
  std::promise<domain::expected<domain::cycle_matrix>> answer;
  api.cycle(*domain::parse_month("2026-01"), [&](auto matrix) { answer.set_value(std::move(matrix)); });
  auto matrix = answer.get_future().get();
  if (!matrix) return unexpected{matrix.error()};
  auto calendar = domain::working_calendar::make(matrix->time_zone, {});
  if (!calendar) return unexpected{calendar.error()};
  return calendar->local_month_of(matrix->as_of);
}

// Lanhai's equipment, so that reports are checked against it from the start.
domain::status import_demo_equipment(actors::client& api) {
  auto draft = domain::read_import_csv(demo_equipment_csv());
  if (!draft) return unexpected{draft.error()};
  std::promise<domain::expected<actors::equipment_receipt>> answer;
  api.import_equipment({std::move(*draft), "demo", "demo-equipment", "demo-equipment", ""},
                       [&](auto receipt) { answer.set_value(std::move(receipt)); });
  auto receipt = answer.get_future().get();
  if (!receipt) return unexpected{receipt.error()};
  return {};
}

// Submits one report as `sender`, checked against the registry as a user's is.
domain::status submit_demo_report(actors::client& api, domain::department sender, const char* kind_id,
                                  domain::month period, std::string_view rows_json) {
  const auto* kind = domain::find_report_kind(kind_id);
  auto rows = domain::parse_checked_rows(*kind, period, boost::json::parse(rows_json), *api.equipment_view());
  if (!rows) return unexpected{rows.error()};
  auto key = fmt::format("demo-{}-{}", kind_id, domain::to_string(period));
  actors::report_submission sub{sender, kind->id, period, std::move(*rows), "demo", key, key};
  std::promise<domain::expected<actors::submit_receipt>> answer;
  api.submit_report(std::move(sub), [&](auto receipt) { answer.set_value(std::move(receipt)); });
  auto receipt = answer.get_future().get();
  if (!receipt) return unexpected{receipt.error()};
  return {};
}

domain::status application_step(actors::client& api, actors::application_command command) {
  command.by = "demo";
  std::promise<domain::expected<actors::application_outcome>> answer;
  api.application_step(std::move(command), [&](auto outcome) { answer.set_value(std::move(outcome)); });
  auto outcome = answer.get_future().get();
  if (!outcome) return unexpected{outcome.error()};
  return {};
}

// Marketing's application for 2,600 kVA at F-310 from this month, submitted
// and approved: counted at the feeders' 0.9 demand factor it leaves SS-07/T2
// 160 kVA, so F-222 and F-310 are restricted (red) from this month.
domain::status approve_demo_application(actors::client& api, domain::month from) {
  actors::application_command submit;
  submit.action = actors::application_action::submit;
  submit.draft.id = fmt::format("NC-{}-0101", static_cast<int>(from.year()));
  submit.draft.customer = "临港冷链物流园 (Lingang Cold-Chain Park)";
  submit.draft.point = "F-310";
  submit.draft.requested_kva = 2600;
  submit.draft.connect_month = from;
  actors::application_command approve;
  approve.action = actors::application_action::approve;
  approve.id = submit.draft.id;
  if (auto st = application_step(api, std::move(submit)); !st) return st;
  return application_step(api, std::move(approve));
}

domain::expected<actors::sla_answer> sla_call(actors::client& api, actors::sla_request request) {
  std::promise<domain::expected<actors::sla_answer>> answer;
  api.sla(std::move(request), [&](auto reply) { answer.set_value(std::move(reply)); });
  return answer.get_future().get();
}

// Customer service's registry of important and large customers
// (docs/examples/customers.csv), so that outages have someone to notify.
domain::status import_demo_customers(actors::client& api) {
  auto rows = domain::sla::parse_customers_csv(demo_customers_csv());
  if (!rows) return unexpected{rows.error()};
  actors::import_customers request{{"demo", "", "demo-customers", "demo-customers"}, std::move(*rows)};
  if (auto answer = sla_call(api, std::move(request)); !answer) return unexpected{answer.error()};
  return {};
}

// Dispatch's report of an outage on F-222 that started a few minutes before
// start-up: its clocks run from then (E1 met, E3, crew arrival and restoration
// open) and an outage notice is enqueued for 临港镇政府 (C-1004), the important
// customer on F-222.
constexpr auto demo_outage_age = std::chrono::minutes{4};

domain::status report_demo_outage(actors::client& api) {
  actors::report_outage request;
  request.writer = {"demo", "", "demo-outage", "demo-outage"};
  request.equipment = {"F-222"};
  auto now = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
  request.started_at = now - demo_outage_age;
  request.description = "F-222 tripped (10 kV line fault, Lingang)";
  if (auto answer = sla_call(api, std::move(request)); !answer) return unexpected{answer.error()};
  return {};
}

}  // namespace

domain::expected<int> load_demo_data(actors::client& api, std::uint64_t last_seq) {
  auto now = server_month(api);
  if (!now) return unexpected{now.error()};
  loaded_months = demo_months{*now};
  if (last_seq > 0) return 0;  // never add demo data to a log that has history
  if (auto st = import_demo_equipment(api); !st) return unexpected{st.error()};
  int submitted = 0;
  for (const auto& r : demo_reports) {
    auto st = submit_demo_report(api, domain::department::marketing, "large_customer_demand",
                                 *domain::parse_month(r.month), r.rows);
    if (!st) return unexpected{st.error()};
    ++submitted;
  }
  const auto& m = *loaded_months;
  if (auto st = submit_demo_report(api, domain::department::dispatch, "load_statistics", m.last(),
                                   demo_load_statistics);
      !st)
    return unexpected{st.error()};
  if (auto st = submit_demo_report(api, domain::department::planning, "regional_development", m.last(),
                                   demo_regional_development(m.uprate()));
      !st)
    return unexpected{st.error()};
  submitted += 2;
  if (auto st = approve_demo_application(api, m.now); !st) return unexpected{st.error()};
  if (auto st = import_demo_customers(api); !st) return unexpected{st.error()};
  if (auto st = report_demo_outage(api); !st) return unexpected{st.error()};
  return submitted;
}

void use_demo_publishers(config::settings& s) {
  auto fill = [](std::string& field, std::string_view demo) {
    if (field.empty()) field = demo;
  };
  auto& page = s.publication.page;
  fill(page.zh_cn.issuer, "蓝海供电公司 营销部（演示）");
  fill(page.zh_cn.contact, "客户服务热线 95598（工作日 8:30–17:30）；蓝海市海滨路 1 号供电营业厅");
  fill(page.en.issuer, "Lanhai Power Supply Company, Marketing Department (demo)");
  fill(page.en.contact, "Customer service 95598 (working days 8:30–17:30); business hall, 1 Haibin Road, Lanhai");
  s.server.publication_page = page;
}

std::string demo_hints(const std::string& base, const std::string& token) {
  auto today = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  auto m = loaded_months.value_or(demo_months{today.year() / today.month()});  // UTC: only without load_demo_data
  return fmt::format(R"(
gridcoord demo is running at {0} with demo data for the fictional city of Lanhai:
its equipment registry (docs/examples/equipment.csv) is imported, and marketing has sent two
monthly large-customer demand reports (M1) to planning and dispatch. Reports are checked
against the registry: a feeder it does not hold is refused (422).
For the capacity register, dispatch has sent last month's peak loads (M4: feeder F-101 is
near its limit, main transformer SS-07/T2 binds the feeders below it), planning its regional
development (M2: F-101 uprated four months on), and marketing has approved a 2,600 kVA
application at F-310 from this month, which leaves F-222 and F-310 restricted.
Customer service's registry holds eight important and large customers
(docs/examples/customers.csv, C-1001 … C-1008), and dispatch has reported an outage on
F-222 that started a few minutes ago (outage/1): its clocks are running, and an outage
notice is on its way to 临港镇政府 (C-1004), the important customer on F-222.

An administrator token for this session (shown only now):

  export TOKEN={1}

Open the web console at {0}/console/ and paste that token to sign in
(zh-CN or English; docs/console.md shows every screen).

Try:
  curl -s {0}/v1/health
  curl -s -H "Authorization: Bearer $TOKEN" {0}/v1/departments/planning/inbox
  curl -s -H "Authorization: Bearer $TOKEN" {0}/v1/reports/marketing/large_customer_demand/2026-10
  curl -s -H "Authorization: Bearer $TOKEN" -X POST {0}/v1/departments/planning/inbox/3/ack \
       -H 'Content-Type: application/json' -d '{{"by":"li.wei"}}'
  curl -s -H "Authorization: Bearer $TOKEN" -X POST {0}/v1/tokens \
       -H 'Content-Type: application/json' -d '{{"role":"liaison:marketing","description":"Zhang Min"}}'
  curl -s -H "Authorization: Bearer $TOKEN" -X PUT {0}/v1/reports/marketing/large_customer_demand/2026-11 \
       -H 'Content-Type: application/json' -H 'Idempotency-Key: my-first-report' \
       -d '{{"rows":[{{"customer":"Harbour Hotel","feeder":"LH-F03","demand_kw":450,"expected_month":"2027-02","likelihood_pct":75}}]}}'
  curl -s -H "Authorization: Bearer $TOKEN" '{0}/v1/equipment?kind=feeder'
  curl -s -H "Authorization: Bearer $TOKEN" {0}/v1/cycle/2026-11
  curl -s -H "Authorization: Bearer $TOKEN" '{0}/v1/events?after=0&limit=10'
  curl -s -H "Authorization: Bearer $TOKEN" {0}/v1/outages/1
  curl -s -H "Authorization: Bearer $TOKEN" {0}/v1/customers/C-1004

Capacity, prechecks and the restricted list with gridctl (build it with `tools/build gridctl`):
  export PATH="$PWD/build/cmd/gridctl:$PATH" GRIDCOORD_URL={0} GRIDCOORD_TOKEN="$TOKEN"
  gridctl capacity F-101 --month {2}
  gridctl precheck F-101 2000 --month {2}
  gridctl constrained --month {2} --table
  gridctl publication issue
  curl -s '{0}/v1/publications/latest?format=html'
  curl -s '{0}/v1/publications/latest?format=html&lang=en'
  gridctl work customer_service --table
  gridctl outage arrived 1

Stop with Ctrl-C; the data stays in the data directory for the next start.
)",
                     base, token, domain::to_string(m.hint()));
}

}  // namespace gridcoord::cmd
