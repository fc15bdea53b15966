// GET /v1/health and GET /v1/events.
#include <boost/json/value_from.hpp>

#include "gateways/codecs.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/route_support.hpp"

namespace gridcoord::gateways::detail {

namespace json = boost::json;

// Events per page: the default and the most a client may ask for.
inline constexpr std::uint64_t default_event_limit = 100;
inline constexpr std::uint64_t max_event_limit = 1000;

route_handler get_health(actors::client& client) {
  return [&client](const request_context&, respond done) {
    client.health(reply_with<actors::health_report>(std::move(done), [](const actors::health_report& h) {
      return json_response(h.ok ? 200 : 503, json::value_from(h));
    }));
  };
}

route_handler get_events(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto after = integer_query(ctx, "after", 0, 0, UINT64_MAX);
    if (!after) return done(error_response(after.error()));
    auto limit = integer_query(ctx, "limit", default_event_limit, 1, max_event_limit);
    if (!limit) return done(error_response(limit.error()));
    auto on_events = [after = *after](const std::vector<actors::event_view>& events) {
      json::object body;
      body["events"] = json::value_from(events);
      body["next_after"] = events.empty() ? after : events.back().seq;
      return json_response(200, body);
    };
    client.events(*after, static_cast<std::size_t>(*limit),
                  reply_with<std::vector<actors::event_view>>(std::move(done), on_events));
  };
}

}  // namespace gridcoord::gateways::detail
