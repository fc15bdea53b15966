// GET /v1/departments/{department}/inbox and POST …/inbox/{item}/ack.
#include <boost/json/value_from.hpp>
#include <fmt/format.h>

#include "gateways/codecs.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/route_support.hpp"
#include "domain/list_query.hpp"
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
  if (!by->is_string() || by->get_string().empty() || by->get_string().size() > max_actor_chars) {
    auto broken = !by->is_string()           ? domain::rule::not_a_string
                  : by->get_string().empty() ? domain::rule::empty_text
                                             : domain::rule::too_long;
    return domain::fail(errc::invalid_request,
                        fmt::format("\"by\" must be a string of 1 to {} bytes", max_actor_chars),
                        {{broken, std::nullopt, "by", by->is_string() ? std::string(by->get_string()) : "",
                          "must be a non-empty string"}});
  }
  if (auto broken = domain::check_text("by", by->get_string(), domain::text_kind::name))
    return domain::fail(errc::validation_failed, "the acknowledgement is not valid", {std::move(*broken)});
  return fmt::format("{} ({})", std::string_view(by->get_string()), caller_id(ctx));
}

// ?after=ITEM&limit=N&acknowledged=true|false&from=DEPARTMENT&kind=KIND
domain::expected<domain::inbox_filter> inbox_filter_of(const request_context& ctx) {
  domain::inbox_filter f;
  auto after = integer_query(ctx, "after", 0, 0, UINT64_MAX);
  if (!after) return unexpected{after.error()};
  auto limit = integer_query(ctx, "limit", domain::default_page_limit, 1, domain::max_page_limit);
  if (!limit) return unexpected{limit.error()};
  auto acknowledged = bool_query(ctx, "acknowledged");
  if (!acknowledged) return unexpected{acknowledged.error()};
  if (auto from = find_param(ctx.query, "from")) {
    auto d = department_param(*from);
    if (!d) return unexpected{domain::error{errc::invalid_request, "from must be a department", {}}};
    f.from = *d;
  }
  f.after = *after;
  f.limit = *limit;
  f.acknowledged = *acknowledged;
  f.kind = std::string(find_param(ctx.query, "kind").value_or(""));
  return f;
}

}  // namespace

route_handler get_inbox(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto department = department_param(ctx.param("department"));
    if (!department) return done(error_response(department.error()));
    auto filter = inbox_filter_of(ctx);
    if (!filter) return done(error_response(filter.error()));
    auto on_page = [d = *department](const domain::inbox_page& page) {
      json::object body;
      body["department"] = domain::to_string(d);
      body["items"] = json::value_from(page.items);
      body["next_after"] = page.next_after;
      body["end"] = page.end;
      return json_response(200, body);
    };
    client.inbox(*department, *filter, reply_with<domain::inbox_page>(std::move(done), on_page));
  };
}

domain::expected<actors::batch_operation> ack_operation(const request_context& ctx) {
  auto department = department_param(ctx.param("department"));
  if (!department) return unexpected{department.error()};
  auto item = integer_param(ctx.param("item"), "item", 1, UINT64_MAX);
  if (!item) return unexpected{item.error()};
  auto by = acknowledged_by(ctx);
  if (!by) return unexpected{by.error()};
  actors::batch_operation op;
  op.kind = actors::batch_op_kind::acknowledge;
  op.recipient = *department;
  op.item = *item;
  op.by = std::move(*by);
  return op;
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
