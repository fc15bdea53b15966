// GET /v1/departments/{department}/inbox and POST …/inbox/{item}/ack.
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

// Who acknowledges: the caller's token id, with the person the body names, if
// any: "Li Wei (tk_…)". The body, when present, must be {"by": "<non-empty
// string>"} and nothing else.
domain::expected<std::string> acknowledged_by(const request_context& ctx) {
  if (!ctx.body) return caller_id(ctx);
  const auto* obj = ctx.body->if_object();
  if (!obj) return domain::fail(errc::invalid_request, "the body must be an object {\"by\": \"…\"}");
  for (const auto& kv : *obj)
    if (kv.key() != "by")
      return domain::fail(errc::invalid_request,
                          fmt::format("unknown field \"{}\"; the body may hold only \"by\"",
                                      std::string_view(kv.key())));
  const auto* by = obj->if_contains("by");
  if (!by) return caller_id(ctx);
  if (!by->is_string() || by->get_string().empty() || by->get_string().size() > max_actor_chars)
    return domain::fail(errc::invalid_request,
                        fmt::format("\"by\" must be a string of 1 to {} bytes", max_actor_chars),
                        {{std::nullopt, "by", by->is_string() ? std::string(by->get_string()) : "",
                          "must be a non-empty string"}});
  return fmt::format("{} ({})", std::string_view(by->get_string()), caller_id(ctx));
}

}  // namespace

route_handler get_inbox(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto department = department_param(ctx.param("department"));
    if (!department) return done(error_response(department.error()));
    auto on_items = [d = *department](const std::vector<domain::inbox_item>& items) {
      json::object body;
      body["department"] = domain::to_string(d);
      body["items"] = json::value_from(items);
      return json_response(200, body);
    };
    client.inbox(*department, reply_with<std::vector<domain::inbox_item>>(std::move(done), on_items));
  };
}

route_handler post_ack(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto department = department_param(ctx.param("department"));
    if (!department) return done(error_response(department.error()));
    auto item = integer_param(ctx.param("item"), "item", 1, UINT64_MAX);
    if (!item) return done(error_response(item.error()));
    auto by = acknowledged_by(ctx);
    if (!by) return done(error_response(by.error()));
    auto on_item = [](const domain::inbox_item& i) { return json_response(200, json::value_from(i)); };
    client.acknowledge(*department, *item, std::move(*by), origin_of(ctx),
                       reply_with<domain::inbox_item>(std::move(done), on_item));
  };
}

}  // namespace gridcoord::gateways::detail
