// The catalogue of report kinds: DESIGN.md's monthly flows M1–M5, M7 and M8 (M6
// is a publication, not a report). Senders and recipients are exactly the
// table's; docs/reports.md describes each kind for people.
#include "domain/report_kind.hpp"
#include "domain/row_rules.hpp"

namespace gridcoord::domain {

namespace {

constexpr bool required = true;
constexpr bool optional = false;

// How far ahead a month in a report may lie: ten years.
constexpr int max_months_ahead = 120;
// How far ahead a load standard (M3) may be announced: a year.
constexpr int max_standard_lead_months = 12;

const std::vector<std::string> equipment_classes{"substation", "main_transformer", "feeder",
                                                 "distribution_transformer"};

field_spec text(std::string name, std::string label, bool req, std::string description) {
  return {.name = std::move(name), .label = std::move(label), .type = field_type::text, .required = req,
          .description = std::move(description)};
}

field_spec month_field(std::string name, std::string label, bool req, std::string description) {
  return {.name = std::move(name), .label = std::move(label), .type = field_type::year_month, .required = req,
          .description = std::move(description)};
}

field_spec choice(std::string name, std::string label, bool req, std::vector<std::string> allowed,
                  std::string description) {
  return {.name = std::move(name), .label = std::move(label), .type = field_type::choice, .required = req,
          .allowed = std::move(allowed), .description = std::move(description)};
}

// `f`, naming an entry of the equipment registry (checked when the registry
// is not empty; domain/references.hpp), in rows where field when[0] is when[1].
field_spec refers(field_spec f, reference to, std::vector<std::string> when = {}) {
  f.references = to;
  f.text_as = text_kind::identifier;
  f.references_when = std::move(when);
  return f;
}

// A text field holding an id: at most 64 characters, one line.
field_spec identifier(field_spec f) {
  f.text_as = text_kind::identifier;
  return f;
}

// A text field of sentences: at most 4,000 characters, line breaks allowed.
field_spec sentences(field_spec f) {
  f.text_as = text_kind::free_text;
  return f;
}

// A number greater than 0.
field_spec positive(std::string name, std::string label, bool req, std::string description) {
  return {.name = std::move(name), .label = std::move(label), .type = field_type::number, .required = req,
          .positive = true, .description = std::move(description)};
}

// A number in [min, max] (no upper bound when max is nullopt).
field_spec bounded(std::string name, std::string label, bool req, double min, std::optional<double> max,
                   std::string description) {
  return {.name = std::move(name), .label = std::move(label), .type = field_type::number, .required = req,
          .min = min, .max = max, .description = std::move(description)};
}

// `f`, a number counted in percent: a CSV cell "80%" is 80.
field_spec in_percent(field_spec f) {
  f.percent = percent_sign::points;
  return f;
}

// A count: a whole number from 0.
field_spec count(std::string name, std::string label, bool req, std::string description) {
  return {.name = std::move(name), .label = std::move(label), .type = field_type::integer, .required = req,
          .min = 0.0, .description = std::move(description)};
}

report_kind large_customer_demand() {
  return {
      .id = "large_customer_demand",
      .flow = "M1",
      .title = "Large customers' potential demand",
      .sender = department::marketing,
      .recipients = {department::planning, department::dispatch},
      .fields = {text("customer", "客户", required, "customer name or id"),
                 refers(text("feeder", "馈线", optional, "feeder the demand connects to (or give area)"),
                        reference::feeder),
                 text("area", "区域", optional, "area the demand falls in (or give feeder)"),
                 positive("demand_kw", "需求负荷（kW）", optional, "potential demand in kW (or give demand_kva)"),
                 positive("demand_kva", "需求容量（kVA）", optional, "potential demand in kVA (or give demand_kw)"),
                 month_field("expected_month", "预计月份", required, "month the demand is expected to appear, YYYY-MM"),
                 in_percent(bounded("likelihood_pct", "可能性（%）", required, 0, 100,
                                    "likelihood of the demand, 0-100 %"))},
      .rules = {exactly_one_of("feeder", "area"), exactly_one_of("demand_kw", "demand_kva"),
                month_within("expected_month", earlier_months::refused, max_months_ahead)},
      .key = {"customer", "feeder", "area", "expected_month"},
  };
}

report_kind regional_development() {
  return {
      .id = "regional_development",
      .flow = "M2",
      .title = "Regional development, major-project load and planned reinforcements",
      .sender = department::planning,
      .recipients = {department::marketing},
      .fields = {choice("row_type", "行类型", required, {"project", "reinforcement"},
                        "project: new load of a regional or major project; reinforcement: new or uprated "
                        "equipment"),
                 text("area", "区域", optional, "project: the area the load falls in"),
                 refers(text("feeder", "馈线", optional, "project: the feeder it connects to, when known"),
                        reference::feeder),
                 text("project", "项目名称", optional, "project: its name"),
                 positive("load_mw", "负荷（MW）", optional, "project: new load in MW"),
                 month_field("expected_month", "预计月份", optional, "project: month the load is expected, YYYY-MM"),
                 refers(text("equipment_id", "设备编号", optional, "reinforcement: the equipment built or uprated"),
                        reference::equipment, {"action", "uprate"}),
                 choice("equipment_class", "设备类别", optional, equipment_classes,
                        "reinforcement: its class (required for new equipment)"),
                 choice("action", "建设方式", optional, {"new", "uprate"},
                        "reinforcement: new equipment, or a higher rating"),
                 positive("rating_kva", "额定容量（kVA）", optional, "reinforcement: the rating in service afterwards, kVA"),
                 month_field("in_service_month", "投运月份", optional,
                             "reinforcement: month it enters service, YYYY-MM")},
      .rules = {row_layouts("row_type",
                            {{"project", {"area", "project", "load_mw", "expected_month"}, {"feeder"}},
                             {"reinforcement", {"equipment_id", "action", "rating_kva", "in_service_month"},
                              {"equipment_class"}}}),
                required_when("equipment_class", "action", "new"),
                month_within("expected_month", earlier_months::refused, max_months_ahead),
                month_within("in_service_month", earlier_months::refused, max_months_ahead)},
      .key = {"row_type", "area", "project", "equipment_id", "in_service_month"},
  };
}

report_kind equipment_load_standards() {
  return {
      .id = "equipment_load_standards",
      .flow = "M3",
      .title = "Equipment load standards",
      .sender = department::production,
      .recipients = {department::planning, department::dispatch, department::marketing},
      .fields = {choice("equipment_class", "设备类别", required, equipment_classes, "the class the standard applies to"),
                 {.name = "heavy_load_pct", .label = "重载阈值（%）", .type = field_type::number, .required = true,
                  .max = 200.0, .positive = true, .description = "heavy-load threshold, % of rating",
                  .percent = percent_sign::points},
                 {.name = "overload_pct", .label = "过载阈值（%）", .type = field_type::number, .required = true,
                  .max = 300.0, .positive = true,
                  .description = "overload threshold, % of rating (above heavy_load_pct)",
                  .percent = percent_sign::points},
                 {.name = "duration_h", .label = "持续时长（h）", .type = field_type::number, .required = true,
                  .max = 744.0, .positive = true,
                  .description = "hours a load must stay above a threshold for it to count as heavy load or "
                                 "overload"},
                 {.name = "planning_limit_pct", .label = "规划限额（%）", .type = field_type::number, .required = true,
                  .max = 100.0, .positive = true, .description = "load planning allows on the class, % of rating",
                  .percent = percent_sign::points},
                 {.name = "demand_factor", .label = "同时率", .type = field_type::number, .max = 1.0,
                  .positive = true,
                  .description = "default demand (coincidence) factor of a load connected at the class, above 0 "
                                 "and at most 1 (config/standards.toml's default for the class when left out)",
                  .percent = percent_sign::fraction},
                 month_field("effective_from", "生效月份", required, "first month the standard applies, YYYY-MM")},
      .rules = {greater_than("overload_pct", "heavy_load_pct"), at_most("planning_limit_pct", "overload_pct"),
                month_within("effective_from", earlier_months::allowed, max_standard_lead_months)},
      .key = {"equipment_class", "effective_from"},
  };
}

report_kind load_statistics() {
  return {
      .id = "load_statistics",
      .flow = "M4",
      .title = "Monthly heavy-load and overload statistics per equipment",
      .sender = department::dispatch,
      .recipients = {department::planning, department::production},
      .fields = {refers(text("equipment_id", "设备编号", required, "the equipment measured"), reference::equipment),
                 choice("equipment_class", "设备类别", optional, equipment_classes, "its class"),
                 bounded("peak_load_kva", "最大负荷（kVA）", required, 0, std::nullopt, "highest load in the month, kVA"),
                 in_percent(bounded("load_rate_pct", "负载率（%）", required, 0, 1000, "peak load as % of rating")),
                 bounded("hours_above_heavy_h", "重载时长（h）", required, 0, std::nullopt,
                         "hours in the month above the heavy-load threshold"),
                 bounded("hours_above_overload_h", "过载时长（h）", required, 0, std::nullopt,
                         "hours in the month above the overload threshold")},
      .rules = {at_most_hours_in_month("hours_above_heavy_h"), at_most_hours_in_month("hours_above_overload_h"),
                at_most("hours_above_overload_h", "hours_above_heavy_h")},
      .key = {"equipment_id"},
  };
}

report_kind connection_restrictions() {
  return {
      .id = "connection_restrictions",
      .flow = "M5",
      .title = "New-connection restriction findings",
      .sender = department::marketing,
      .recipients = {department::planning, department::dispatch},
      .fields = {identifier(text("application_id", "业扩申请编号", required, "the connection application")),
                 text("customer", "客户", required, "customer name or id"),
                 refers(text("feeder", "馈线", optional, "feeder applied for (or give area)"), reference::feeder),
                 text("area", "区域", optional, "area applied in (or give feeder)"),
                 positive("requested_kva", "申请容量（kVA）", required, "capacity applied for, kVA"),
                 choice("outcome", "处理结果", required, {"refused", "delayed"}, "what became of the application"),
                 refers(text("limiting_equipment_id", "受限设备", required, "the equipment without the capacity"),
                        reference::equipment),
                 sentences(text("reason", "受限原因", required, "why, in words: the finding on the limiting equipment")),
                 month_field("expected_relief_month", "预计解除月份", optional,
                             "month capacity is expected (required when delayed), YYYY-MM")},
      .rules = {exactly_one_of("feeder", "area"), required_when("expected_relief_month", "outcome", "delayed"),
                month_within("expected_relief_month", earlier_months::refused, max_months_ahead)},
      .key = {"application_id"},
  };
}

report_kind power_quality_requirements() {
  return {
      .id = "power_quality_requirements",
      .flow = "M7",
      .title = "Customers' power-quality requirements",
      .sender = department::marketing,
      .recipients = {department::planning, department::dispatch},
      .fields = {text("customer", "客户", required, "customer name or id"),
                 refers(text("feeder", "馈线", required, "feeder the customer is connected to or applied for"),
                        reference::feeder),
                 choice("requirement", "需求类型", required,
                        {"voltage_sag", "harmonics", "reliability", "flicker", "other"}, "what the requirement is about"),
                 sentences(text("detail", "需求说明", required, "the requirement in the customer's terms")),
                 text("threshold", "限值", optional, "a limit, as stated: \"sags < 10 ms\", \"THD ≤ 3 %\""),
                 identifier(text("application_id", "业扩申请编号", optional, "the connection application it was gathered with"))},
      .key = {"customer", "feeder", "requirement"},
  };
}

// satisfaction_pct is measured on callbacks: given exactly when some were done.
row_rule satisfaction_with_callbacks() {
  return {{"callbacks_done", "satisfaction_pct"},
          "satisfaction_pct is given when callbacks_done is above 0, and left out when it is 0",
          [](const row_view& v, std::vector<issue>& out) {
            const cell& done = v.at("callbacks_done");
            const cell& pct = v.at("satisfaction_pct");
            if (done.k != cell::kind::number) return;
            if (done.number > 0 && pct.k == cell::kind::empty)
              out.push_back({rule::required_when, v.number, "satisfaction_pct", "",
                             "is required when callbacks_done is above 0"});
            else if (done.number == 0 && pct.k != cell::kind::empty)
              out.push_back({rule::not_applicable, v.number, "satisfaction_pct", cell_text(pct),
                             "is measured on callbacks: leave it out when callbacks_done is 0"});
          }};
}

report_kind service_figures() {
  return {
      .id = "service_figures",
      .flow = "M8",
      .title = "Monthly service figures",
      .sender = department::customer_service,
      .recipients = {department::planning, department::dispatch, department::production, department::marketing},
      .fields = {choice("category", "类别", required,
                        {"outage", "power_quality", "supply_capacity", "new_connection", "billing", "other"},
                        "the category of customer matter"),
                 count("complaints", "投诉件数", required, "complaints received in the month"),
                 count("callbacks_due", "应回访数", required, "callbacks owed in the month"),
                 count("callbacks_done", "已回访数", required, "callbacks made in the month"),
                 in_percent(bounded("satisfaction_pct", "满意率（%）", optional, 0, 100,
                                    "satisfied customers among those called back, %"))},
      .rules = {at_most("callbacks_done", "callbacks_due"), satisfaction_with_callbacks()},
      .key = {"category"},
  };
}

}  // namespace

std::span<const report_kind> report_catalogue() {
  static const std::vector<report_kind> kinds{large_customer_demand(),      regional_development(),
                                              equipment_load_standards(),   load_statistics(),
                                              connection_restrictions(),    power_quality_requirements(),
                                              service_figures()};
  return kinds;
}

}  // namespace gridcoord::domain
