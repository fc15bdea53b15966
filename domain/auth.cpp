#include "domain/auth.hpp"

#include <algorithm>

#include "domain/report_kind.hpp"

namespace gridcoord::domain {

namespace {

constexpr std::string_view liaison_prefix = "liaison:";

bool is_recipient(department d, std::string_view kind) {
  const auto* k = find_report_kind(kind);
  return k && std::find(k->recipients.begin(), k->recipients.end(), d) != k->recipients.end();
}

bool acts_for(const role& r, std::optional<department> d) {
  auto home = home_department(r);
  return home && d && *home == *d;
}

bool is_liaison_of(const role& r, department d) { return r.kind == role_kind::liaison && r.dept == d; }

// Dispatch reports outages; production's crews report arrival and restoration.
bool reports_outages(const role& r) {
  return r.kind == role_kind::dispatcher || is_liaison_of(r, department::dispatch) ||
         is_liaison_of(r, department::production);
}

// Customer service is the one voice to the customer.
bool serves_customers(const role& r) {
  return r.kind == role_kind::cs_agent || is_liaison_of(r, department::customer_service);
}

}  // namespace

std::string to_string(const role& r) {
  switch (r.kind) {
    case role_kind::admin: return "admin";
    case role_kind::reader: return "reader";
    case role_kind::planner: return "planner";
    case role_kind::dispatcher: return "dispatcher";
    case role_kind::cs_agent: return "cs_agent";
    case role_kind::liaison: return std::string(liaison_prefix) + std::string(to_string(r.dept));
  }
  return "reader";
}

std::optional<role> parse_role(std::string_view text) {
  if (text.starts_with(liaison_prefix)) {
    auto d = parse_department(text.substr(liaison_prefix.size()));
    if (!d) return std::nullopt;
    return role{role_kind::liaison, *d};
  }
  for (auto k : {role_kind::admin, role_kind::reader, role_kind::planner, role_kind::dispatcher,
                 role_kind::cs_agent})
    if (to_string(role{k, department::planning}) == text) return role{k, department::planning};
  return std::nullopt;
}

std::optional<department> home_department(const role& r) {
  switch (r.kind) {
    case role_kind::liaison: return r.dept;
    case role_kind::planner: return department::planning;
    case role_kind::dispatcher: return department::dispatch;
    case role_kind::cs_agent: return department::customer_service;
    default: return std::nullopt;
  }
}

bool allowed(const role& r, const operation& op) {
  if (op.kind == operation_kind::read_public || op.kind == operation_kind::run_batch ||
      op.kind == operation_kind::read_catalogue || op.kind == operation_kind::read_equipment ||
      op.kind == operation_kind::read_cycle || op.kind == operation_kind::read_capacity ||
      op.kind == operation_kind::read_work || r.kind == role_kind::admin)
    return true;
  bool reads = op.kind == operation_kind::read_report || op.kind == operation_kind::read_inbox ||
               op.kind == operation_kind::read_events || op.kind == operation_kind::read_customers;
  if (r.kind == role_kind::reader) return reads;
  switch (op.kind) {
    case operation_kind::submit_report:
    case operation_kind::read_inbox:
    case operation_kind::acknowledge: return acts_for(r, op.dept);
    case operation_kind::import_equipment: return is_liaison_of(r, department::production);
    case operation_kind::manage_applications: return is_liaison_of(r, department::marketing);
    case operation_kind::report_outages: return reports_outages(r);
    case operation_kind::serve_customers: return serves_customers(r);
    case operation_kind::handle_work: return acts_for(r, op.dept);
    case operation_kind::read_customers:
      return serves_customers(r) || r.kind == role_kind::dispatcher || is_liaison_of(r, department::dispatch);
    case operation_kind::read_report: {
      auto home = home_department(r);
      return acts_for(r, op.dept) || (home && is_recipient(*home, op.report_kind));
    }
    default: return false;  // read_events, manage_tokens: admin and reader only
  }
}

}  // namespace gridcoord::domain
