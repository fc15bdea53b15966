#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "domain/auth.hpp"

using namespace gridcoord::domain;

namespace {

operation op(operation_kind k, std::optional<department> d = std::nullopt, std::string kind = {}) {
  return {k, d, std::move(kind)};
}

role liaison(department d) { return {role_kind::liaison, d}; }

}  // namespace

TEST_CASE("roles are written and read as people write them", "[domain][auth]") {
  for (const char* text : {"admin", "reader", "planner", "dispatcher", "cs_agent", "liaison:marketing",
                           "liaison:customer_service"})
    CHECK(to_string(*parse_role(text)) == text);
  CHECK_FALSE(parse_role("liaison:weather"));
  CHECK_FALSE(parse_role("root"));
  CHECK_FALSE(parse_role("liaison"));
}

TEST_CASE("a liaison submits and reads only its own department's reports and inbox",
          "[domain][auth][matrix]") {
  auto marketing = liaison(department::marketing);
  CHECK(allowed(marketing, op(operation_kind::submit_report, department::marketing)));
  CHECK_FALSE(allowed(marketing, op(operation_kind::submit_report, department::planning)));
  CHECK(allowed(marketing, op(operation_kind::read_inbox, department::marketing)));
  CHECK_FALSE(allowed(marketing, op(operation_kind::read_inbox, department::planning)));
  CHECK_FALSE(allowed(marketing, op(operation_kind::acknowledge, department::planning)));
  CHECK_FALSE(allowed(marketing, op(operation_kind::read_events)));
  CHECK_FALSE(allowed(marketing, op(operation_kind::manage_tokens)));
}

TEST_CASE("a recipient department may read the reports sent to it, others may not",
          "[domain][auth][matrix]") {
  auto m1 = op(operation_kind::read_report, department::marketing, "large_customer_demand");
  CHECK(allowed(liaison(department::marketing), m1));
  CHECK(allowed(liaison(department::planning), m1));
  CHECK(allowed(liaison(department::dispatch), m1));
  CHECK(allowed(role{role_kind::planner}, m1));
  CHECK_FALSE(allowed(liaison(department::production), m1));
  CHECK_FALSE(allowed(role{role_kind::cs_agent}, m1));
}

TEST_CASE("functional roles act for their department", "[domain][auth][matrix]") {
  CHECK(allowed(role{role_kind::planner}, op(operation_kind::read_inbox, department::planning)));
  CHECK(allowed(role{role_kind::dispatcher}, op(operation_kind::acknowledge, department::dispatch)));
  CHECK(allowed(role{role_kind::cs_agent}, op(operation_kind::read_inbox, department::customer_service)));
  CHECK_FALSE(allowed(role{role_kind::planner}, op(operation_kind::submit_report, department::marketing)));
  CHECK_FALSE(allowed(role{role_kind::dispatcher}, op(operation_kind::read_inbox, department::planning)));
}

TEST_CASE("a reader reads everything and writes nothing; an admin does everything",
          "[domain][auth][matrix]") {
  role reader{role_kind::reader}, admin{role_kind::admin};
  for (auto d : all_departments) {
    CHECK(allowed(reader, op(operation_kind::read_inbox, d)));
    CHECK_FALSE(allowed(reader, op(operation_kind::acknowledge, d)));
    CHECK_FALSE(allowed(reader, op(operation_kind::submit_report, d)));
    CHECK(allowed(admin, op(operation_kind::submit_report, d)));
  }
  CHECK(allowed(reader, op(operation_kind::read_events)));
  CHECK_FALSE(allowed(reader, op(operation_kind::manage_tokens)));
  CHECK(allowed(admin, op(operation_kind::manage_tokens)));
}

TEST_CASE("every role reads the catalogue of report kinds", "[domain][auth][matrix]") {
  std::vector<role> roles{{role_kind::admin}, {role_kind::reader}, {role_kind::planner}, {role_kind::dispatcher},
                          {role_kind::cs_agent}};
  for (auto d : all_departments) roles.push_back(liaison(d));
  for (const auto& r : roles) {
    INFO(to_string(r));
    CHECK(allowed(r, op(operation_kind::read_catalogue)));
    CHECK(allowed(r, op(operation_kind::read_catalogue, std::nullopt, "load_statistics")));
  }
}

TEST_CASE("the SLA work is read by every role and written by the departments whose step it is",
          "[domain][auth][matrix][sla]") {
  struct row {
    operation_kind kind;
    std::set<std::string> allowed;  // roles by name; every other role is refused
  };
  const std::vector<row> rows = {
      {operation_kind::read_work,
       {"admin", "reader", "planner", "dispatcher", "cs_agent", "liaison:planning", "liaison:dispatch",
        "liaison:production", "liaison:marketing", "liaison:customer_service"}},
      {operation_kind::report_outages, {"admin", "dispatcher", "liaison:dispatch", "liaison:production"}},
      {operation_kind::serve_customers, {"admin", "cs_agent", "liaison:customer_service"}},
      {operation_kind::read_customers,
       {"admin", "reader", "cs_agent", "liaison:customer_service", "dispatcher", "liaison:dispatch"}},
  };
  std::vector<role> roles{{role_kind::admin}, {role_kind::reader}, {role_kind::planner}, {role_kind::dispatcher},
                          {role_kind::cs_agent}};
  for (auto d : all_departments) roles.push_back(liaison(d));
  for (const auto& r : rows)
    for (const auto& who : roles) {
      INFO(static_cast<int>(r.kind) << " as " << to_string(who));
      CHECK(allowed(who, op(r.kind)) == r.allowed.contains(to_string(who)));
    }
}

TEST_CASE("a department's SLA step is handled by the roles that act for it, and by admin",
          "[domain][auth][matrix][sla]") {
  for (auto d : all_departments) {
    INFO(to_string(d));
    CHECK(allowed(role{role_kind::admin}, op(operation_kind::handle_work, d)));
    CHECK(allowed(liaison(d), op(operation_kind::handle_work, d)));
    CHECK_FALSE(allowed(role{role_kind::reader}, op(operation_kind::handle_work, d)));
    for (auto other : all_departments)
      if (other != d) CHECK_FALSE(allowed(liaison(other), op(operation_kind::handle_work, d)));
  }
  CHECK(allowed(role{role_kind::planner}, op(operation_kind::handle_work, department::planning)));
  CHECK_FALSE(allowed(role{role_kind::planner}, op(operation_kind::handle_work, department::production)));
  CHECK(allowed(role{role_kind::dispatcher}, op(operation_kind::handle_work, department::dispatch)));
  CHECK(allowed(role{role_kind::cs_agent}, op(operation_kind::handle_work, department::customer_service)));
  CHECK_FALSE(allowed(liaison(department::planning), op(operation_kind::handle_work, std::nullopt)));
}
