#include <string>

#include <fmt/format.h>

#include "cmd/gridctl/customer_view.hpp"
#include "cmd/gridctl/request_support.hpp"
#include "cmd/gridctl/sla_commands.hpp"

namespace gridcoord::gridctl {

namespace {

// POST /v1/customers: a .csv FILE as text/csv, as written; any other as JSON
// {"customers":[…]}, checked to have that shape.
built import_customers(const arguments& a) {
  const auto& path = a.at("FILE");
  bool csv = path.size() >= 4 && (path.ends_with(".csv") || path.ends_with(".CSV"));
  auto req = csv ? csv_file_body(a, "POST", "FILE") : json_file_body(a, "FILE", "customers", "POST");
  if (!req) return req;
  req->target = "/v1/customers";
  add_idempotency_key(a, *req);
  return req;
}

}  // namespace

std::vector<command> customer_commands() {
  return {
      {{"customers", "import"}, "import important and large customers (ids already there are replaced)",
       {{"FILE", "a .csv file (sent as text/csv), else JSON holding {\"customers\":[…]}; - reads JSON from "
                 "standard input",
         arg_kind::file},
        {"--idempotency-key", "key that makes a retry apply once (1 to 200 characters)"}},
       import_customers},
      {{"customers", "list"}, "the customer registry, by id",
       {{"--point", "only customers connected at this equipment id"},
        {"--tier", "only important or large"},
        {"--after", "customers after this id"},
        {"--limit", "customers per request, 1 to 1000 (server default 100; with --all 1000)", arg_kind::whole}},
       [](const arguments& a) -> built {
         return get(with_query("/v1/customers", a,
                               {{"connection_point", "--point"}, {"tier", "--tier"}, {"after", "--after"},
                                {"limit", "--limit"}}));
       },
       paging{"customers", "--after", "next_after", "--limit", 1000, "end"}, false, without_times(customers_for_people)},
      {{"customer", "get"}, "one customer, with the state of every notification sent to it",
       {{"ID", "customer id"}},
       [](const arguments& a) -> built { return get(fmt::format("/v1/customers/{}", enc(a, "ID"))); },
       std::nullopt, false, customer_for_people},
      {{"notifications"}, "customer notifications still to deliver, or given up on (dead-lettered)",
       {{"--state", "pending or dead_lettered"},
        {"--cause", "only those of this cause, e.g. outage/17"},
        {"--limit", "at most this many, 1 to 1000", arg_kind::whole}},
       [](const arguments& a) -> built {
         return get(with_query("/v1/notifications", a, {{"state", "--state"}, {"cause", "--cause"}, {"limit", "--limit"}}));
       },
       std::nullopt, false, notifications_for_people},
  };
}

}  // namespace gridcoord::gridctl
