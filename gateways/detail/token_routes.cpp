// POST /v1/tokens, GET /v1/tokens, DELETE /v1/tokens/{id} (admin only; the
// router checks).
#include <boost/json/value_from.hpp>

#include "gateways/codecs.hpp"
#include "gateways/detail/handlers.hpp"
#include "domain/list_query.hpp"
#include "domain/text_rules.hpp"
#include "gateways/detail/route_support.hpp"
#include "gateways/uri.hpp"

namespace gridcoord::gateways::detail {

namespace json = boost::json;
using domain::errc;

namespace {

struct token_body {
  std::string role;
  std::string description;
  std::optional<domain::time_point> expires_at;
};

// "expires_at": an RFC 3339 time with its offset (after now: the security actor checks).
void read_expiry(const boost::json::value& v, token_body& out, std::vector<domain::issue>& issues) {
  if (v.is_string()) out.expires_at = domain::parse_rfc3339(v.get_string());
  if (!out.expires_at)
    issues.push_back({domain::rule::not_a_time, std::nullopt, "expires_at",
                      v.is_string() ? std::string(v.get_string()) : "",
                      "must be an RFC 3339 time with its offset, e.g. 2026-12-01T09:30:00+08:00"});
}

// {"role": "<role>", "description": "<text>"?, "expires_at": "<RFC 3339>"?}, every problem at once.
domain::expected<token_body> parse_token_body(const request_context& ctx) {
  const auto* obj = ctx.body ? ctx.body->if_object() : nullptr;
  if (!obj) return domain::fail(errc::invalid_request, R"(the body must be {"role": "…", "description": "…"})");
  std::vector<domain::issue> issues;
  token_body out;
  for (const auto& kv : *obj) {
    const auto& v = kv.value();
    if (kv.key() == "role" && v.is_string()) out.role = v.get_string();
    else if (kv.key() == "expires_at") read_expiry(v, out, issues);
    else if (kv.key() == "description" && v.is_string()) {
      if (auto bad = domain::check_text("description", v.get_string(), domain::text_kind::name))
        issues.push_back(std::move(*bad));
      else
        out.description = v.get_string();
    } else
      issues.push_back({kv.key() != "description" ? domain::rule::unknown_field : domain::rule::not_a_string,
                        std::nullopt, std::string(kv.key()), "",
                        kv.key() == "description" ? "must be a string"
                                                  : "is not a field of a token request (role, description, expires_at)"});
  }
  if (out.role.empty()) issues.push_back({domain::rule::required, std::nullopt, "role", "", "is required"});
  if (!issues.empty())
    return domain::fail(errc::validation_failed, "the token request is not valid", std::move(issues));
  return out;
}

// ?after=ID&limit=N&active=true|false&role=ROLE; active as of `now`.
domain::expected<domain::token_filter> token_filter_of(const request_context& ctx, domain::time_point now) {
  domain::token_filter f;
  f.now = now;
  auto limit = integer_query(ctx, "limit", domain::default_page_limit, 1, domain::max_page_limit);
  if (!limit) return unexpected{limit.error()};
  auto active = bool_query(ctx, "active");
  if (!active) return unexpected{active.error()};
  f.after = std::string(find_param(ctx.query, "after").value_or(""));
  f.limit = *limit;
  f.active = *active;
  f.role = std::string(find_param(ctx.query, "role").value_or(""));
  return f;
}

}  // namespace

route_handler post_token(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto body = parse_token_body(ctx);
    if (!body) return done(error_response(body.error()));
    auto on_issued = [](const domain::issued_token& t) {
      auto res = json_response(201, json::value_from(t));
      res.headers.emplace_back("Location", "/v1/tokens/" + t.record.id);
      res.headers.emplace_back("Cache-Control", "no-store");
      return res;
    };
    client.create_token({std::move(body->role), std::move(body->description), ctx.caller->token_id, origin_of(ctx),
                         body->expires_at},
                        reply_with<domain::issued_token>(std::move(done), on_issued));
  };
}

domain::expected<actors::batch_operation> token_operation(const request_context& ctx) {
  auto body = parse_token_body(ctx);
  if (!body) return unexpected{body.error()};
  actors::batch_operation op;
  op.kind = actors::batch_op_kind::create_token;
  op.role = std::move(body->role);
  op.description = std::move(body->description);
  op.expires_at = body->expires_at;
  op.by = ctx.caller->token_id;
  return op;
}

domain::expected<actors::batch_operation> revoke_operation(const request_context& ctx) {
  actors::batch_operation op;
  op.kind = actors::batch_op_kind::revoke_token;
  op.token_id = std::string(ctx.param("id"));
  op.by = ctx.caller->token_id;
  return op;
}

route_handler get_tokens(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto filter = token_filter_of(ctx, client.now());
    if (!filter) return done(error_response(filter.error()));
    auto on_list = [f = *filter](const std::vector<domain::token_record>& t) {
      auto page = domain::select(t, f);
      return json_response(200, json::object{{"tokens", json::value_from(page.tokens)},
                                             {"next_after", page.next_after},
                                             {"end", page.end}});
    };
    client.list_tokens(reply_with<std::vector<domain::token_record>>(std::move(done), on_list));
  };
}

route_handler delete_token(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto on_revoked = [](const domain::token_record& t) { return json_response(200, json::value_from(t)); };
    client.revoke_token(std::string(ctx.param("id")), ctx.caller->token_id, origin_of(ctx),
                        reply_with<domain::token_record>(std::move(done), on_revoked));
  };
}

}  // namespace gridcoord::gateways::detail
