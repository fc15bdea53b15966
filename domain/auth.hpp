#pragma once
// domain/auth.hpp — who may do what: roles, principals and the one
// authorization matrix of gridcoord.
//
// Every route declares the operation it performs (with the department it
// concerns, when there is one); `allowed` decides for a role. Nothing else in
// gridcoord decides access.
//   admin                  everything
//   reader                 every read, no write
//   liaison:<department>   its department's reports (submit, amend, read), reports
//                          sent to its department, its own inbox (read, acknowledge)
//   planner                as liaison:planning
//   dispatcher             as liaison:dispatch, plus outages (report, update,
//                          crew times, the outage feed, planned-outage notices)
//                          and reading customers and their notifications
//   cs_agent               as liaison:customer_service, plus complaints
//                          (register, forward), callback attempts, customers
//                          notified, the customer import and reading customers
//   every role             the catalogue of report kinds (GET /v1/report-kinds),
//                          the validation rules (GET /v1/validation-rules)
//                          and the equipment registry (GET /v1/equipment…),
//                          the monthly cycle's status matrix (GET /v1/cycle/…),
//                          capacity queries, and the SLA work: outages,
//                          complaints, callbacks, analyses, open work, breaches
//                          and figures (read only)
//   liaison:production     as any liaison, plus importing equipment (admin too)
//                          and, as crews do, reporting outages
//   liaison:dispatch       as dispatcher for outages and reading customers
//   liaison:customer_service  as cs_agent for complaints and customers
//   liaison:marketing      as any liaison, plus applications and publications
//   a department's roles   the steps of that department's SLA work
//                          (acknowledge and answer a complaint routed to it,
//                          close its analyses): liaison:D, and the functional
//                          role of D (planner, dispatcher, cs_agent)
//   customers (personal)   read by admin, reader, cs_agent, dispatcher,
//                          liaison:customer_service and liaison:dispatch only
//   anonymous              health and published information only
// [Errors] parse_role answers nullopt for anything that is not one of the above.
#include <optional>
#include <string>
#include <string_view>

#include "domain/department.hpp"

namespace gridcoord::domain {

enum class role_kind { admin, reader, liaison, planner, dispatcher, cs_agent };

struct role {
  role_kind kind = role_kind::reader;
  department dept = department::planning;  // meaningful for liaison only
  friend bool operator==(const role&, const role&) = default;
};

// "admin", "reader", "planner", "dispatcher", "cs_agent", "liaison:marketing".
std::string to_string(const role& r);
std::optional<role> parse_role(std::string_view text);

// The department a role acts for, if any (liaison:X -> X, planner -> planning, ...).
std::optional<department> home_department(const role& r);

// An authenticated caller.
struct principal {
  std::string token_id;  // "tk_…": who, in the audit trail
  role granted;
  std::string description;  // the token's description: the person or system behind it
  friend bool operator==(const principal&, const principal&) = default;
};

enum class operation_kind {
  read_public,    // health, OpenAPI, metrics: anonymous
  submit_report,  // PUT a report of `dept` (the sender)
  read_report,    // GET a report sent by `dept` of `kind`
  read_inbox,     // GET the inbox of `dept`
  acknowledge,    // acknowledge an item in the inbox of `dept`
  read_events,    // the audit feed: every department's events
  manage_tokens,  // create, list, revoke tokens
  run_batch,      // POST a batch: any authenticated role; each operation in it is checked on its own
  read_catalogue,  // the report kinds and their schemas, the validation rules: any authenticated role
  import_equipment,  // POST an equipment import: admin and liaison:production (production owns the equipment)
  read_equipment,    // the equipment registry: any authenticated role
  read_cycle,        // the monthly cycle's status matrix: any authenticated role
  read_capacity,     // capacity queries, prechecks, applications read: any authenticated role
  manage_applications,  // submit, approve, refuse, energize applications; issue a publication:
                        // admin and liaison:marketing (marketing owns new connections and M6)
  read_work,        // SLA items, lists, open work, breaches, figures: any authenticated role
  report_outages,   // report and update outages, crew arrival and restoration, the outage feed,
                    // planned-outage notices: admin, dispatcher, liaison:dispatch, liaison:production
  serve_customers,  // register and forward complaints, callback attempts, customers notified,
                    // the customer import: admin, cs_agent, liaison:customer_service
  handle_work,      // a step of `dept`'s SLA work (acknowledge, result, close an analysis):
                    // admin, or a role acting for `dept`
  read_customers,   // customers and their notifications (personal data): admin, reader, cs_agent,
                    // liaison:customer_service, dispatcher, liaison:dispatch
};

struct operation {
  operation_kind kind = operation_kind::read_public;
  std::optional<department> dept;
  std::string report_kind;  // for read_report: recipients of that kind may read it
};

// Whether `r` may perform `op`. read_public is allowed to every role (and to
// anonymous callers, which the gateway checks before asking).
bool allowed(const role& r, const operation& op);

}  // namespace gridcoord::domain
