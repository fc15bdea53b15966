#include "domain/capacity/applications.hpp"

#include <algorithm>
#include <cmath>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/json.hpp"
#include "domain/text_rules.hpp"

namespace gridcoord::domain::capacity {

namespace json = boost::json;

namespace {

constexpr std::string_view body_fields = "id, customer, point, requested_kva, month, demand_factor";

json::value month_or_null(const std::optional<month>& m) {
  return m ? json::value(to_string(*m)) : json::value(nullptr);
}

// A non-empty string within the rules of `kind` (domain/text_rules.hpp), or an issue.
std::optional<std::string> read_text(const json::object& o, std::string_view field, text_kind kind,
                                     std::vector<issue>& out) {
  const auto* v = o.if_contains(field);
  if (!v || v->is_null()) {
    out.push_back({rule::required, std::nullopt, std::string(field), "", "is required"});
    return std::nullopt;
  }
  if (!v->is_string())
    out.push_back({rule::not_a_string, std::nullopt, std::string(field), value_text(*v), "must be a string"});
  else if (v->get_string().empty())
    out.push_back({rule::empty_text, std::nullopt, std::string(field), "", "must not be empty"});
  else if (auto broken = check_text(field, v->get_string(), kind))
    out.push_back(std::move(*broken));
  else return std::string(v->get_string());
  return std::nullopt;
}

expected<transition> unknown(std::string_view id) {
  return fail(errc::not_found, fmt::format("no application {}", id));
}

expected<transition> not_from(const application& a, std::string_view action) {
  return fail(errc::conflict, fmt::format("application {} is {}: it cannot be {}", a.id, to_string(a.state), action));
}

}  // namespace

std::string_view to_string(application_state s) noexcept {
  switch (s) {
    case application_state::submitted: return "submitted";
    case application_state::approved: return "approved";
    case application_state::refused: return "refused";
    case application_state::energized: return "energized";
  }
  return "submitted";
}

std::optional<application_state> parse_application_state(std::string_view text) {
  for (auto s : {application_state::submitted, application_state::approved, application_state::refused,
                 application_state::energized})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

connection application::as_connection() const {
  return {.application = id, .point = point, .from = connect_month, .load_kva = requested_kva,
          .demand_factor = demand_factor};
}

std::string application_stream(std::string_view id) { return fmt::format("application/{}", id); }

bool is_application_event(std::string_view type) noexcept {
  return type == application_submitted_type || type == application_approved_type ||
         type == application_refused_type || type == application_energized_type;
}

json::object to_json(const application& a) {
  json::object o;
  o["id"] = a.id;
  o["customer"] = a.customer;
  o["point"] = a.point;
  o["requested_kva"] = a.requested_kva;
  o["month"] = to_string(a.connect_month);
  o["demand_factor"] = a.demand_factor ? json::value(*a.demand_factor) : json::value(nullptr);
  o["state"] = to_string(a.state);
  o["submitted_at"] = format_rfc3339(a.submitted_at);
  o["submitted_by"] = a.submitted_by;
  bool decided = a.state != application_state::submitted;
  o["decided_at"] = decided ? json::value(format_rfc3339(a.decided_at)) : json::value(nullptr);
  o["decided_by"] = decided ? json::value(a.decided_by) : json::value(nullptr);
  bool refused = a.state == application_state::refused;
  o["refusal_reason"] = refused ? json::value(a.refusal_reason) : json::value(nullptr);
  o["lack_of_capacity"] = refused ? json::value(a.lack_of_capacity) : json::value(nullptr);
  o["limiting_equipment"] = a.limiting_equipment.empty() ? json::value(nullptr) : json::value(a.limiting_equipment);
  o["expected_relief_month"] = month_or_null(a.expected_relief);
  o["energized_on"] = a.energized_on ? json::value(domain::to_string(*a.energized_on)) : json::value(nullptr);
  o["energized_by"] = a.energized_on ? json::value(a.energized_by) : json::value(nullptr);
  o["seq"] = a.seq;
  return o;
}

expected<application> application_from_json(const json::value& v) {
  auto bad = [](const std::string& why) { return fail(errc::internal, "a stored application is unreadable: " + why); };
  if (!v.is_object()) return bad("not an object");
  const auto& o = v.get_object();
  application a;
  try {
    a.id = o.at("id").as_string();
    a.customer = o.at("customer").as_string();
    a.point = o.at("point").as_string();
    a.requested_kva = o.at("requested_kva").to_number<double>();
    auto m = parse_month(o.at("month").as_string());
    auto state = parse_application_state(o.at("state").as_string());
    auto submitted = parse_rfc3339(o.at("submitted_at").as_string());
    if (!m || !state || !submitted) return bad("bad month, state or time");
    a.connect_month = *m;
    a.state = *state;
    a.submitted_at = *submitted;
    a.submitted_by = o.at("submitted_by").as_string();
    if (const auto& f = o.at("demand_factor"); !f.is_null()) a.demand_factor = f.to_number<double>();
    if (const auto& d = o.at("decided_at"); !d.is_null()) {
      auto at = parse_rfc3339(d.as_string());
      if (!at) return bad("bad decided_at");
      a.decided_at = *at;
      a.decided_by = o.at("decided_by").as_string();
    }
    if (const auto& r = o.at("refusal_reason"); !r.is_null()) {
      a.refusal_reason = r.as_string();
      a.lack_of_capacity = o.at("lack_of_capacity").as_bool();
    }
    if (const auto& l = o.at("limiting_equipment"); !l.is_null()) a.limiting_equipment = l.as_string();
    if (const auto& r = o.at("expected_relief_month"); !r.is_null()) {
      a.expected_relief = parse_month(r.as_string());
      if (!a.expected_relief) return bad("bad expected_relief_month");
    }
    if (const auto& e = o.at("energized_on"); !e.is_null()) {
      a.energized_on = parse_local_date(e.as_string());
      if (!a.energized_on) return bad("bad energized_on");
      a.energized_by = o.at("energized_by").as_string();
    }
    a.seq = o.at("seq").to_number<std::uint64_t>();
  } catch (const std::exception& e) {
    return bad(e.what());
  }
  return a;
}

expected<application> read_application(const json::value& body) {
  if (!body.is_object())
    return fail(errc::invalid_request, fmt::format("the body must be a JSON object with {}", body_fields));
  const auto& o = body.get_object();
  std::vector<issue> issues;
  for (const auto& [k, v] : o)
    if (k != "id" && k != "customer" && k != "point" && k != "requested_kva" && k != "month" &&
        k != "demand_factor")
      issues.push_back({rule::unknown_field, std::nullopt, std::string(k), value_text(v),
                        fmt::format("is not a field of an application ({})", body_fields)});
  application a;
  if (auto id = read_text(o, "id", text_kind::identifier, issues)) {
    if (id->find('/') != std::string::npos || std::any_of(id->begin(), id->end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x20 || c == ' ';
        }))
      issues.push_back({rule::forbidden_character, std::nullopt, "id", *id,
                        "must not hold a slash, a space or a control character"});
    a.id = std::move(*id);
  }
  if (auto c = read_text(o, "customer", text_kind::name, issues)) a.customer = std::move(*c);
  if (auto p = read_text(o, "point", text_kind::identifier, issues)) a.point = std::move(*p);
  if (const auto* v = o.if_contains("requested_kva"); !v || v->is_null())
    issues.push_back({rule::required, std::nullopt, "requested_kva", "", "is required"});
  else if (bool finite = v->is_number() && std::isfinite(v->to_number<double>());
           !finite || v->to_number<double>() <= 0)
    issues.push_back({finite ? rule::below_minimum : rule::not_a_number, std::nullopt, "requested_kva",
                      value_text(*v), "must be a number greater than 0"});
  else a.requested_kva = v->to_number<double>();
  if (auto m = read_text(o, "month", text_kind::name, issues)) {
    if (auto p = parse_month(*m)) a.connect_month = *p;
    else issues.push_back({rule::not_a_month, std::nullopt, "month", *m, "must be a month, YYYY-MM"});
  }
  if (const auto* v = o.if_contains("demand_factor"); v && !v->is_null()) {
    if (!v->is_number() || !(v->to_number<double>() > 0) || v->to_number<double>() > 1)
      issues.push_back({v->is_number() ? rule::out_of_range : rule::not_a_number, std::nullopt, "demand_factor",
                        value_text(*v), "must be a number above 0 and at most 1"});
    else a.demand_factor = v->to_number<double>();
  }
  if (!issues.empty()) return fail(errc::validation_failed, "the application is not valid", std::move(issues));
  return a;
}

const application* application_book::find(std::string_view id) const {
  auto it = items_.find(id);
  return it == items_.end() ? nullptr : &it->second;
}

expected<transition> application_book::check_submit(application a, time_point at, std::string by) const {
  if (const auto* known = find(a.id)) {
    bool same = known->customer == a.customer && known->point == a.point &&
                known->requested_kva == a.requested_kva && known->connect_month == a.connect_month &&
                known->demand_factor == a.demand_factor;
    if (same) return transition{*known, std::string(application_submitted_type), false};
    return fail(errc::conflict, fmt::format("application {} was already submitted with other details", a.id));
  }
  a.state = application_state::submitted;
  a.submitted_at = at;
  a.submitted_by = std::move(by);
  return transition{std::move(a), std::string(application_submitted_type), true};
}

expected<transition> application_book::check_approve(std::string_view id, time_point at, std::string by) const {
  const auto* a = find(id);
  if (!a) return unknown(id);
  if (a->state == application_state::approved) return transition{*a, std::string(application_approved_type), false};
  if (a->state != application_state::submitted) return not_from(*a, "approved");
  auto after = *a;
  after.state = application_state::approved;
  after.decided_at = at;
  after.decided_by = std::move(by);
  return transition{std::move(after), std::string(application_approved_type), true};
}

expected<transition> application_book::check_refuse(std::string_view id, refusal r, time_point at,
                                                    std::string by) const {
  const auto* a = find(id);
  if (!a) return unknown(id);
  if (a->state == application_state::refused) return transition{*a, std::string(application_refused_type), false};
  if (a->state != application_state::submitted) return not_from(*a, "refused");
  if (r.reason.empty())
    return fail(errc::validation_failed, "a refusal needs a reason",
                {{rule::required, std::nullopt, "reason", r.reason, "is required: the reason in words"}});
  if (auto broken = check_text("reason", r.reason, text_kind::free_text))
    return fail(errc::validation_failed, "the refusal is not valid", {std::move(*broken)});
  auto after = *a;
  after.state = application_state::refused;
  after.decided_at = at;
  after.decided_by = std::move(by);
  after.refusal_reason = std::move(r.reason);
  after.lack_of_capacity = r.lack_of_capacity;
  after.limiting_equipment = r.lack_of_capacity ? std::move(r.limiting_equipment) : std::string{};
  after.expected_relief = r.lack_of_capacity ? r.expected_relief : std::nullopt;
  return transition{std::move(after), std::string(application_refused_type), true};
}

expected<transition> application_book::check_energize(std::string_view id, local_date on, std::string by) const {
  const auto* a = find(id);
  if (!a) return unknown(id);
  if (a->state == application_state::energized)
    return transition{*a, std::string(application_energized_type), false};
  if (a->state != application_state::approved) return not_from(*a, "energized");
  auto after = *a;
  after.state = application_state::energized;
  after.energized_on = on;
  after.energized_by = std::move(by);
  return transition{std::move(after), std::string(application_energized_type), true};
}

expected<const application*> application_book::apply_event(std::string_view type, std::uint64_t seq,
                                                            std::string_view payload) {
  if (!is_application_event(type)) return nullptr;
  std::error_code ec;
  auto v = json::parse(payload, ec);
  if (ec) return fail(errc::internal, "a stored application is unreadable: not JSON");
  auto a = application_from_json(v);
  if (!a) return unexpected{a.error()};
  a->seq = seq;
  auto id = a->id;
  return &items_.insert_or_assign(std::move(id), std::move(*a)).first->second;
}

std::vector<application> application_book::select(std::optional<application_state> state, std::string_view after,
                                                  std::size_t limit) const {
  std::vector<application> out;
  for (auto it = after.empty() ? items_.begin() : items_.upper_bound(after); it != items_.end(); ++it) {
    if (out.size() == limit) break;
    if (!state || it->second.state == *state) out.push_back(it->second);
  }
  return out;
}

}  // namespace gridcoord::domain::capacity
