#include "cmd/gridcoord/demo.hpp"

#include <future>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "domain/references.hpp"
#include "domain/report.hpp"

namespace gridcoord::cmd {

namespace {

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

}  // namespace

domain::expected<int> load_demo_data(actors::client& api, std::uint64_t last_seq) {
  if (last_seq > 0) return 0;  // never add demo data to a log that has history
  if (auto st = import_demo_equipment(api); !st) return unexpected{st.error()};
  const auto* kind = domain::find_report_kind("large_customer_demand");
  int submitted = 0;
  for (const auto& r : demo_reports) {
    auto period = *domain::parse_month(r.month);
    auto rows = domain::parse_checked_rows(*kind, period, boost::json::parse(r.rows), *api.equipment_view());
    if (!rows) return unexpected{rows.error()};
    actors::report_submission sub{domain::department::marketing, kind->id, period, std::move(*rows),
                                  "demo", fmt::format("demo-m1-{}", r.month), r.month};
    std::promise<domain::expected<actors::submit_receipt>> answer;
    api.submit_report(std::move(sub), [&](auto receipt) { answer.set_value(std::move(receipt)); });
    auto receipt = answer.get_future().get();
    if (!receipt) return unexpected{receipt.error()};
    ++submitted;
  }
  return submitted;
}

std::string demo_hints(const std::string& base, const std::string& token) {
  return fmt::format(R"(
gridcoord demo is running at {0} with demo data for the fictional city of Lanhai:
its equipment registry (docs/examples/equipment.csv) is imported, and marketing has sent two
monthly large-customer demand reports (M1) to planning and dispatch. Reports are checked
against the registry: a feeder it does not hold is refused (422).

An administrator token for this session (shown only now):

  export TOKEN={1}

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

Stop with Ctrl-C; the data stays in the data directory for the next start.
)",
                     base, token);
}

}  // namespace gridcoord::cmd
