// GET /v1/audit — the audit trail filtered by time range, actor and entity.
#include <boost/json/value_from.hpp>
#include <fmt/format.h>

#include "gateways/codecs.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/route_support.hpp"
#include "gateways/uri.hpp"

namespace gridcoord::gateways::detail {

namespace json = boost::json;
using domain::errc;

namespace {

constexpr std::uint64_t default_audit_limit = 100;
constexpr std::uint64_t max_audit_limit = 1000;

// A time bound as µs since the epoch; 0 when absent.
domain::expected<std::int64_t> time_query(const request_context& ctx, std::string_view key) {
  auto text = find_param(ctx.query, key);
  if (!text) return std::int64_t{0};
  auto t = domain::parse_rfc3339(*text);
  if (!t)
    return domain::fail(errc::invalid_request,
                        fmt::format("{} must be an RFC 3339 time, e.g. 2026-11-01T00:00:00+08:00", key),
                        {{domain::rule::not_a_time, std::nullopt, std::string(key), std::string(*text),
                          "is not an RFC 3339 time"}});
  return t->time_since_epoch().count();
}

domain::expected<actors::audit_query> audit_query_of(const request_context& ctx) {
  actors::audit_query q;
  auto after = integer_query(ctx, "after", 0, 0, UINT64_MAX);
  if (!after) return unexpected{after.error()};
  auto limit = integer_query(ctx, "limit", default_audit_limit, 1, max_audit_limit);
  if (!limit) return unexpected{limit.error()};
  auto from = time_query(ctx, "from");
  if (!from) return unexpected{from.error()};
  auto to = time_query(ctx, "to");
  if (!to) return unexpected{to.error()};
  q.after = *after;
  q.limit = *limit;
  q.from_us = *from;
  q.to_us = *to;
  q.actor = std::string(find_param(ctx.query, "actor").value_or(""));
  q.entity = std::string(find_param(ctx.query, "entity").value_or(""));
  return q;
}

}  // namespace

route_handler get_audit(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto q = audit_query_of(ctx);
    if (!q) return done(error_response(q.error()));
    auto on_page = [who = domain::sla::disclosure_for(ctx.caller->granted)](const actors::audit_page& p) {
      return json_response(200, actors::audit_json(p, who));
    };
    client.audit(std::move(*q), reply_with<actors::audit_page>(std::move(done), on_page));
  };
}

}  // namespace gridcoord::gateways::detail
