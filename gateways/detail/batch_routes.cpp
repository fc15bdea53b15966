// POST /v1/batch: write operations in order, all or nothing.
//
// Body: {"operations": [{"method": "PUT", "path": "/v1/reports/…", "body": {…}}, …]}.
// Each operation is a request to one of the write routes in `batchable`,
// authorized for the caller and validated as that route would. Any operation
// the caller may not perform -> 403 naming each; any that is malformed -> 422
// naming each (domain/batch.hpp); nothing is sent to the actors then.
#include <boost/json/value_from.hpp>
#include <fmt/format.h>

#include "domain/batch.hpp"
#include "domain/json.hpp"
#include "gateways/codecs.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/route_support.hpp"
#include "gateways/request_hash.hpp"
#include "gateways/uri.hpp"

namespace gridcoord::gateways::detail {

namespace json = boost::json;
using domain::errc, domain::operation_kind, domain::rule;

namespace {

using parse_fn = domain::expected<actors::batch_operation> (*)(const request_context&,
                                                               const domain::equipment_registry&);

// The routes that name no equipment, as parse_fns.
template <domain::expected<actors::batch_operation> (*parse)(const request_context&)>
domain::expected<actors::batch_operation> without_registry(const request_context& ctx,
                                                           const domain::equipment_registry&) {
  return parse(ctx);
}

struct batchable {
  std::string_view method;
  std::string_view pattern;
  operation_kind access;
  parse_fn parse;
};

constexpr batchable batchable_routes[] = {
    {"PUT", "/v1/reports/{department}/{kind}/{month}", operation_kind::submit_report, report_operation},
    {"POST", "/v1/departments/{department}/inbox/{item}/ack", operation_kind::acknowledge,
     without_registry<ack_operation>},
    {"POST", "/v1/tokens", operation_kind::manage_tokens, without_registry<token_operation>},
    {"DELETE", "/v1/tokens/{id}", operation_kind::manage_tokens, without_registry<revoke_operation>},
};

constexpr std::string_view batchable_list =
    "PUT /v1/reports/{department}/{kind}/{month}, POST /v1/departments/{department}/inbox/{item}/ack, "
    "POST /v1/tokens, DELETE /v1/tokens/{id}";

// One operation as the client wrote it.
struct sub_request {
  std::string method;
  std::string path;
  std::optional<json::value> body;
};

domain::error shape_error(rule broken, std::string field, std::string reason) {
  return {errc::invalid_request, reason, {{broken, std::nullopt, std::move(field), "", reason}}};
}

// {"method": "...", "path": "...", "body": {...}?} and nothing else.
domain::expected<sub_request> parse_sub_request(const json::value& v) {
  const auto* o = v.if_object();
  if (!o) return unexpected{shape_error(rule::not_an_object, "", R"(must be an object {"method", "path", "body"})")};
  sub_request out;
  for (const auto& kv : *o) {
    if (kv.key() == "method" && kv.value().is_string()) out.method = kv.value().get_string();
    else if (kv.key() == "path" && kv.value().is_string()) out.path = kv.value().get_string();
    else if (kv.key() == "body") out.body = kv.value();
    else
      return unexpected{shape_error(rule::unknown_field, std::string(kv.key()),
                                    "is not a field of an operation (method, path, body)")};
  }
  if (out.method.empty())
    return unexpected{shape_error(rule::required, "method", "is required: PUT, POST or DELETE")};
  if (out.path.empty()) return unexpected{shape_error(rule::required, "path", "is required, e.g. /v1/tokens")};
  return out;
}

const json::array* operations_of(const request_context& ctx) {
  const auto* o = ctx.body ? ctx.body->if_object() : nullptr;
  if (!o || o->size() != 1 || !o->contains("operations")) return nullptr;
  return o->at("operations").if_array();
}

// Authorizes and parses one operation; `denied` tells a 403 from a bad request.
domain::expected<actors::batch_operation> to_operation(const request_context& ctx, const sub_request& sub,
                                                       const domain::equipment_registry& registry, bool& denied) {
  auto path = sub.path.find('?') == std::string::npos ? split_path(sub.path) : std::nullopt;
  if (!path)
    return unexpected{shape_error(rule::malformed, "path", "must be a percent-encoded path without a query")};
  for (const auto& route : batchable_routes) {
    if (route.method != sub.method) continue;
    auto params = match_pattern(route.pattern, *path);
    if (!params) continue;
    request_context inner{ctx.http, std::move(*params), {}, sub.body, ctx.caller, ctx.remote, ctx.request_id};
    domain::operation op{route.access, domain::parse_department(inner.param("department")),
                         std::string(inner.param("kind"))};
    if (!domain::allowed(ctx.caller->granted, op)) {
      denied = true;
      return domain::fail(errc::forbidden, fmt::format("the role {} may not {} {}",
                                                       domain::to_string(ctx.caller->granted), sub.method,
                                                       sub.path));
    }
    return route.parse(inner, registry);
  }
  return unexpected{shape_error(rule::not_batchable, "path",
                                fmt::format("{} {} cannot be batched; a batch holds {}", sub.method, sub.path,
                                            batchable_list))};
}

// Every operation, or every failure: the denied ones (403) before the malformed ones (422).
domain::expected<std::vector<actors::batch_operation>> parse_batch(const request_context& ctx,
                                                                   const domain::equipment_registry& registry,
                                                                   std::vector<sub_request>& subs) {
  const auto* list = operations_of(ctx);
  if (!list || list->empty())
    return domain::fail(errc::invalid_request, R"(the body must be {"operations": [{"method", "path", "body"}, …]})");
  if (list->size() > domain::max_batch_operations)
    return domain::fail(errc::too_large, fmt::format("a batch holds at most {} operations, not {}",
                                                     domain::max_batch_operations, list->size()));
  std::vector<actors::batch_operation> ops;
  std::vector<domain::operation_failure> denied, malformed;
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto sub = parse_sub_request((*list)[i]);
    bool refused = false;
    auto op = sub ? to_operation(ctx, *sub, registry, refused) : unexpected{sub.error()};
    subs.push_back(sub ? std::move(*sub) : sub_request{});
    if (op) ops.push_back(std::move(*op));
    else (refused ? denied : malformed).push_back({i, op.error()});
  }
  if (!denied.empty()) return unexpected{domain::combine_failures(denied, list->size())};
  if (malformed.empty()) return ops;
  auto e = domain::combine_failures(malformed, list->size());
  e.code = errc::validation_failed;
  return unexpected{std::move(e)};
}

// A report's receipt as PUT /v1/reports/… answers it: with its address.
json::value report_json(const actors::batch_operation& op, const actors::submit_receipt& r) {
  auto v = json::value_from(r);
  auto& o = v.as_object();
  o["department"] = domain::to_string(op.report.sender);
  o["kind"] = op.report.kind;
  o["month"] = domain::to_string(op.report.period);
  return v;
}

json::value outcome_json(const actors::batch_operation& op, const actors::batch_outcome& o) {
  switch (o.kind) {
    case actors::batch_op_kind::submit_report: return report_json(op, o.report);
    case actors::batch_op_kind::acknowledge: return json::value_from(o.item);
    case actors::batch_op_kind::revoke_token: return json::value_from(o.revoked);
    case actors::batch_op_kind::create_token: break;
  }
  auto v = json::value_from(o.token);
  if (o.token.token.empty()) v.as_object()["token"] = nullptr;  // a replay: the secret was shown once
  return v;
}

// `ops`: the batch's operations with their report rows left out.
http_response batch_response(const std::vector<sub_request>& subs, const std::vector<actors::batch_operation>& ops,
                             const actors::batch_receipt& r) {
  json::array results;
  for (std::size_t i = 0; i < r.results.size(); ++i)
    results.push_back(json::object{{"method", subs[i].method}, {"path", subs[i].path},
                                   {"seq", r.results[i].seq}, {"result", outcome_json(ops[i], r.results[i])}});
  json::object body{{"accepted_at", domain::format_rfc3339(r.accepted_at)}, {"first_seq", r.first_seq},
                    {"last_seq", r.last_seq}, {"replayed", r.replayed}, {"results", std::move(results)}};
  auto res = json_response(r.replayed ? 200 : 201, body);
  res.headers.emplace_back("Cache-Control", "no-store");
  return res;
}

}  // namespace

route_handler post_batch(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto key = idempotency_key_of(ctx);
    if (!key) return done(error_response(key.error()));
    std::vector<sub_request> subs;
    auto ops = parse_batch(ctx, *client.equipment_view(), subs);
    if (!ops) return done(error_response(ops.error()));
    auto headers = *ops;
    for (auto& op : headers) op.report.rows.clear();
    actors::batch_submission batch{std::move(*ops), caller_id(ctx), std::move(*key),
                                   request_hash("POST", "/v1/batch", domain::to_text(*ctx.body)),
                                   origin_of(ctx)};
    auto answer = [subs = std::move(subs), headers = std::move(headers)](const actors::batch_receipt& r) {
      return batch_response(subs, headers, r);
    };
    client.run_batch(std::move(batch), reply_with<actors::batch_receipt>(std::move(done), std::move(answer)));
  };
}

}  // namespace gridcoord::gateways::detail
