// GET /v1/cycle/{month}: the monthly cycle's status matrix (domain/cycle.hpp),
// every department's report kinds with due dates, submissions, reminders and
// late notices, as of now.
#include <boost/json/value_from.hpp>

#include "gateways/codecs.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/route_support.hpp"

namespace gridcoord::gateways::detail {

route_handler get_cycle(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto period = month_param(ctx.param("month"));
    if (!period) return done(error_response(period.error()));
    client.cycle(*period, reply_with<domain::cycle_matrix>(done, [](const domain::cycle_matrix& m) {
      return json_response(200, boost::json::value_from(m));
    }));
  };
}

}  // namespace gridcoord::gateways::detail
