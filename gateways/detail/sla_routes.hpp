#pragma once
// gateways/detail/sla_routes.hpp — the routes of the SLA work and the
// customer registry (docs/api.md, "Outages, complaints and callbacks"), each
// one call of client::sla, and what their two source files share:
//   detail/sla_routes.cpp           the writes: outages, the outage feed,
//                                   planned-outage notices, complaints,
//                                   callback attempts, analyses
//   detail/sla_customer_routes.cpp  the reads, and the customers
// Each write checks its body here first (unknown fields refused, every issue
// at once, validation_failed 422) and hands the SLA actor a request whose
// writer is the caller's token id, origin, Idempotency-Key and the digest of
// method, path and body; the actor checks the rest against its state.
// Bodies are read with body_reader (route_support.hpp).
// [Threading] As every route (gateways/router.hpp).
// [Errors]    400 for a malformed path id, query value or header; 404 for an
//             unknown department in a path; 422 for a body that breaks the
//             rules; the actor's errors as error_mapping says.
// [Limits]    The outage feed: at most max_feed_lines lines (413 beyond).
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "actors/client.hpp"
#include "domain/error.hpp"
#include "gateways/router.hpp"

namespace gridcoord::gateways::detail {

inline constexpr std::size_t max_feed_lines = 10'000;

// The alternative T of an SLA answer; throws std::logic_error for another
// (inside reply_with, that answers 500 and logs it).
template <class T>
const T& answer_as(const actors::sla_answer& a) {
  if (const auto* t = std::get_if<T>(&a)) return *t;
  throw std::logic_error("the SLA actor answered another kind of answer than the request names");
}

// The writer of a write: caller, origin, Idempotency-Key (400 when malformed)
// and the digest of method, path and body.
[[nodiscard]] domain::expected<actors::sla_writer> sla_writer_of(const request_context& ctx);

// The {id} of the path, a whole number from 1 (400 otherwise).
[[nodiscard]] domain::expected<std::uint64_t> item_id_of(const request_context& ctx);

// The lines of an outage-feed body (JSON lines; blank lines skipped), each
// read as the request it stands for or as a "rejected" result naming why;
// too_large beyond max_feed_lines lines.
struct parsed_feed {
  std::vector<actors::feed_line> lines;
  std::vector<actors::feed_result> rejected;
};
[[nodiscard]] domain::expected<parsed_feed> parse_feed(std::string_view text);
// The same for a JSON body: an array of line objects (line n is element n),
// or one object (line 1).
[[nodiscard]] domain::expected<parsed_feed> parse_feed(const boost::json::value& body);
// The actor's results and the lines the gateway rejected, in line order.
actors::feed_results merge_feed(actors::feed_results from_actor, std::vector<actors::feed_result> rejected);

// The writes (detail/sla_routes.cpp): 201 for a write that created its item
// (with Location), 200 otherwise.
route_handler post_outage(actors::client& client);
route_handler post_outage_update(actors::client& client);
route_handler post_crew_arrived(actors::client& client);
route_handler post_restored(actors::client& client);
route_handler post_customers_notified(actors::client& client);
route_handler post_outage_feed(actors::client& client);
route_handler post_planned_outage(actors::client& client);
route_handler post_complaint(actors::client& client);
route_handler post_complaint_forward(actors::client& client);
route_handler post_complaint_acknowledge(actors::client& client);
route_handler post_complaint_result(actors::client& client);
route_handler post_callback_attempt(actors::client& client);
route_handler post_analysis_close(actors::client& client);

// The reads and the customers (detail/sla_customer_routes.cpp). `kind` is
// the item kind: "outage", "planned", "complaint", "callback", "analysis".
route_handler get_sla_item(actors::client& client, std::string kind);
route_handler get_sla_items(actors::client& client, std::string kind);
route_handler get_open_work(actors::client& client);
route_handler get_breaches(actors::client& client);
route_handler get_sla_figures(actors::client& client);
route_handler post_customers(actors::client& client);
route_handler get_customers(actors::client& client);
route_handler get_customer(actors::client& client);
route_handler get_notifications(actors::client& client);

}  // namespace gridcoord::gateways::detail
