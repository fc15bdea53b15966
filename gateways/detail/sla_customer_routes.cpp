// The reads of the SLA work and the customer registry (gateways/detail/sla_routes.hpp):
//   GET  /v1/outages | planned-outages | complaints | callbacks | analyses [?open=&after=&limit=]
//   GET  /v1/outages/{id} (and so for each kind)
//   GET  /v1/work/{department}                 open steps with the time left
//   GET  /v1/breaches?department=&month=, GET /v1/sla/figures?month=
//   POST /v1/customers (JSON or CSV), GET /v1/customers[?connection_point=&tier=&after=&limit=],
//   GET  /v1/customers/{id}, GET /v1/notifications?state=&cause=&limit=
#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/list_query.hpp"
#include "domain/sla/customers.hpp"
#include "gateways/detail/route_support.hpp"
#include "gateways/detail/sla_routes.hpp"
#include "gateways/sla_codec.hpp"
#include "gateways/uri.hpp"

namespace gridcoord::gateways::detail {

namespace json = boost::json;
namespace sla = domain::sla;
using domain::errc;

namespace {

// A read: one call, its answer of type T as JSON (200).
template <class T>
void ask(actors::client& client, actors::sla_request request, respond done) {
  client.sla(std::move(request), reply_with<actors::sla_answer>(std::move(done), [](const actors::sla_answer& a) {
               return json_response(200, json::value_from(answer_as<T>(a)));
             }));
}

// ?department=D: 400 for a name that is not a department (a query, not a path).
domain::expected<std::optional<domain::department>> department_query(const request_context& ctx) {
  auto text = find_param(ctx.query, "department");
  if (!text) return std::optional<domain::department>{};
  if (auto d = domain::parse_department(*text)) return std::optional<domain::department>{*d};
  return domain::fail(errc::invalid_request,
                      "department must be planning, dispatch, production, marketing or customer_service",
                      {{domain::rule::unknown_department, std::nullopt, "department", std::string(*text),
                        "is not a department"}});
}

// ?month=YYYY-MM, optional.
domain::expected<std::optional<domain::month>> month_query(const request_context& ctx) {
  auto text = find_param(ctx.query, "month");
  if (!text) return std::optional<domain::month>{};
  auto m = month_param(*text);
  if (!m) return unexpected{m.error()};
  return std::optional<domain::month>{*m};
}

domain::expected<actors::list_customers> customer_query(const request_context& ctx) {
  auto limit = integer_query(ctx, "limit", domain::default_page_limit, 1, domain::max_page_limit);
  if (!limit) return unexpected{limit.error()};
  actors::list_customers q;
  q.filter.limit = *limit;
  q.filter.connection_point = std::string(find_param(ctx.query, "connection_point").value_or(""));
  q.filter.after = std::string(find_param(ctx.query, "after").value_or(""));
  if (auto t = find_param(ctx.query, "tier")) {
    q.filter.tier = sla::parse_customer_tier(*t);
    if (!q.filter.tier)
      return domain::fail(errc::invalid_request, "tier must be important or large",
                          {{domain::rule::not_one_of, std::nullopt, "tier", std::string(*t),
                            "is not important or large"}});
  }
  return q;
}

domain::expected<actors::list_notifications> notification_query(const request_context& ctx) {
  auto limit = integer_query(ctx, "limit", domain::default_page_limit, 1, domain::max_page_limit);
  if (!limit) return unexpected{limit.error()};
  actors::list_notifications q;
  q.limit = *limit;
  q.cause = std::string(find_param(ctx.query, "cause").value_or(""));
  auto state = find_param(ctx.query, "state").value_or("pending");
  if (state == "pending") q.state = sla::delivery_state::pending;
  else if (state == "dead_lettered") q.state = sla::delivery_state::dead_lettered;
  else
    return domain::fail(errc::invalid_request, "state must be pending or dead_lettered",
                        {{domain::rule::not_one_of, std::nullopt, "state", std::string(state),
                          "is not pending or dead_lettered"}});
  return q;
}

// The items of a read, as the caller may see them (domain/sla/disclosure.hpp).
template <class T>
void ask_items(actors::client& client, actors::sla_request request, const request_context& ctx, respond done) {
  auto who = domain::sla::disclosure_for(ctx.caller->granted);
  client.sla(std::move(request), reply_with<actors::sla_answer>(std::move(done), [who](const actors::sla_answer& a) {
               if constexpr (std::is_same_v<T, actors::sla_item>)
                 return json_response(200, actors::item_json(answer_as<T>(a), who));
               else
                 return json_response(200, actors::item_list_json(answer_as<T>(a), who));
             }));
}

}  // namespace

route_handler get_sla_item(actors::client& client, std::string kind) {
  return [&client, kind = std::move(kind)](const request_context& ctx, respond done) {
    auto id = item_id_of(ctx);
    if (!id) return done(error_response(id.error()));
    ask_items<actors::sla_item>(client, actors::get_item{kind, *id}, ctx, std::move(done));
  };
}

route_handler get_sla_items(actors::client& client, std::string kind) {
  return [&client, kind = std::move(kind)](const request_context& ctx, respond done) {
    auto open = bool_query(ctx, "open");
    if (!open) return done(error_response(open.error()));
    auto after = integer_query(ctx, "after", 0, 0, std::numeric_limits<std::uint64_t>::max());
    if (!after) return done(error_response(after.error()));
    auto limit = integer_query(ctx, "limit", domain::default_page_limit, 1, domain::max_page_limit);
    if (!limit) return done(error_response(limit.error()));
    ask_items<actors::item_list>(client, actors::list_items{kind, open->value_or(false), *after, *limit}, ctx,
                                 std::move(done));
  };
}

route_handler get_open_work(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto d = department_param(ctx.param("department"));
    if (!d) return done(error_response(d.error()));
    client.sla(actors::list_open_work{*d},
               reply_with<actors::sla_answer>(std::move(done), [d = *d](const actors::sla_answer& a) {
                 return json_response(200, actors::open_work_json(answer_as<actors::open_work>(a), d));
               }));
  };
}

route_handler get_breaches(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto d = department_query(ctx);
    if (!d) return done(error_response(d.error()));
    auto m = month_query(ctx);
    if (!m) return done(error_response(m.error()));
    ask<actors::breach_list>(client, actors::list_breaches{*d, *m}, std::move(done));
  };
}

route_handler get_sla_figures(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto m = month_query(ctx);
    if (!m) return done(error_response(m.error()));
    ask<actors::sla_figures>(client, actors::get_figures{*m}, std::move(done));
  };
}

route_handler post_customers(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto writer = sla_writer_of(ctx);
    if (!writer) return done(error_response(writer.error()));
    static const json::value no_body;
    auto rows =
        ctx.csv ? sla::parse_customers_csv(ctx.csv->text) : sla::parse_customers_json(ctx.body ? *ctx.body : no_body);
    if (!rows) return done(upload_error_response(ctx, rows.error()));
    json::object encoding;
    note_csv_encoding(ctx, encoding);
    client.sla(actors::import_customers{std::move(*writer), std::move(*rows)},
               reply_with<actors::sla_answer>(std::move(done), [encoding](const actors::sla_answer& a) {
                 const auto& r = answer_as<actors::customer_import_receipt>(a);
                 auto body = json::value_from(r);
                 for (const auto& [key, value] : encoding) body.as_object()[key] = value;
                 auto res = json_response(r.replayed ? 200 : 201, body);
                 res.headers.emplace_back("Location", "/v1/customers");
                 return res;
               }));
  };
}

route_handler get_customers(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto q = customer_query(ctx);
    if (!q) return done(error_response(q.error()));
    ask<sla::customer_page>(client, std::move(*q), std::move(done));
  };
}

route_handler get_customer(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    ask<actors::customer_view>(client, actors::get_customer{std::string(ctx.param("id"))}, std::move(done));
  };
}

route_handler get_notifications(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto q = notification_query(ctx);
    if (!q) return done(error_response(q.error()));
    ask<actors::notification_list>(client, std::move(*q), std::move(done));
  };
}

}  // namespace gridcoord::gateways::detail
