#include "gateways/routes.hpp"

#include "gateways/detail/handlers.hpp"

namespace gridcoord::gateways {

void register_routes(router& r, actors::client& client) {
  using http_verb::get, http_verb::put, http_verb::post;
  r.add(get, "/v1/health", detail::get_health(client));
  r.add(put, "/v1/reports/{department}/{kind}/{month}", detail::put_report(client));
  r.add(get, "/v1/reports/{department}/{kind}/{month}", detail::get_report(client));
  r.add(get, "/v1/departments/{department}/inbox", detail::get_inbox(client));
  r.add(post, "/v1/departments/{department}/inbox/{item}/ack", detail::post_ack(client));
  r.add(get, "/v1/events", detail::get_events(client));
}

}  // namespace gridcoord::gateways
