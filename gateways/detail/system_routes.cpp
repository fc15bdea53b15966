// GET /v1/health, GET /v1/events, GET /metrics and GET /v1/openapi.json.
#include <algorithm>
#include <array>
#include <mutex>

#include <boost/json/value_from.hpp>
#include <spdlog/spdlog.h>

#include "gateways/codecs.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/route_support.hpp"
#include "gateways/openapi_document.hpp"

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
    auto who = domain::sla::disclosure_for(ctx.caller->granted);
    auto on_events = [after = *after, who](const std::vector<actors::event_view>& events) {
      json::array shown;
      shown.reserve(events.size());
      for (const auto& e : events) shown.push_back(actors::event_json(e, who));
      json::object body;
      body["events"] = std::move(shown);
      body["next_after"] = events.empty() ? after : events.back().seq;
      return json_response(200, body);
    };
    client.events(*after, static_cast<std::size_t>(*limit),
                  reply_with<std::vector<actors::event_view>>(std::move(done), on_events));
  };
}

namespace {

// One scrape waiting for the departments' inboxes. The families that need no
// answer are rendered before it asks; the last inbox answer sends the whole.
struct pending_scrape {
  std::mutex mutex;
  std::array<std::optional<std::size_t>, domain::all_departments.size()> open{};
  std::size_t waiting = domain::all_departments.size();
  std::string text;
  respond done;
};

// REQUIRES: every inbox has answered (so no other thread touches `s`).
void send_scrape(pending_scrape& s) {
  std::vector<std::pair<std::string_view, std::size_t>> open;
  for (std::size_t i = 0; i < s.open.size(); ++i)
    if (s.open[i]) open.emplace_back(domain::to_string(domain::all_departments[i]), *s.open[i]);
  render_inbox_open(open, s.text);
  s.done(http_response{200, std::move(s.text), {{"Content-Type", std::string(exposition_content_type)}}});
}

void count_open(const std::shared_ptr<pending_scrape>& s, std::size_t index,
                const domain::expected<domain::inbox_page>& items) {
  std::unique_lock lock(s->mutex);
  if (items)
    s->open[index] = static_cast<std::size_t>(items->open);
  else
    spdlog::warn("metrics: the {} inbox did not answer: {}",
                 domain::to_string(domain::all_departments[index]), items.error().message);
  if (--s->waiting > 0) return;
  lock.unlock();
  send_scrape(*s);
}

access_rule anonymous() {
  return [](const request_context&) {
    return domain::operation{domain::operation_kind::read_public, {}, {}};
  };
}

}  // namespace

route_handler get_metrics(actors::client& client, std::shared_ptr<const http_metrics> metrics,
                          metrics_source source) {
  return [&client, metrics = std::move(metrics), source = std::move(source)](const request_context&,
                                                                              respond done) {
    auto scrape = std::make_shared<pending_scrape>();
    scrape->done = std::move(done);
    metrics->render(scrape->text);
    if (source.event_log) render_event_log(source.event_log(), scrape->text);
    if (source.calendar) render_calendar_years(source.calendar(), scrape->text);
    for (std::size_t i = 0; i < domain::all_departments.size(); ++i)
      client.inbox(domain::all_departments[i], domain::inbox_filter{0, 1, false, {}, {}},
                   [scrape, i](domain::expected<domain::inbox_page> page) { count_open(scrape, i, page); });
  };
}

route_handler get_openapi() {
  return [](const request_context&, respond done) {
    done(http_response{200, std::string(openapi_document()), {}});
  };
}

void add_observability_routes(router& r, actors::client& client,
                              std::shared_ptr<const http_metrics> metrics, metrics_source source) {
  r.add(http_verb::get, "/metrics", anonymous(), get_metrics(client, std::move(metrics), std::move(source)));
  r.add(http_verb::get, "/v1/openapi.json", anonymous(), get_openapi());
}

}  // namespace gridcoord::gateways::detail
