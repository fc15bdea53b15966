// POST /v1/equipment/imports, GET /v1/equipment, GET /v1/equipment/{id},
// GET /v1/equipment/{id}/history.
//
// An import body is JSON {"equipment": [...]} or a CSV file whose header names
// the fields (domain/equipment.hpp); the registry actor checks it against the
// registry and answers every issue at once.
#include <boost/json/value_from.hpp>
#include <fmt/format.h>

#include "domain/equipment.hpp"
#include "domain/list_query.hpp"
#include "gateways/codecs.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/route_support.hpp"
#include "gateways/uri.hpp"

namespace gridcoord::gateways::detail {

namespace json = boost::json;
using domain::errc;

namespace {

constexpr std::string_view imports_path = "/v1/equipment/imports";

domain::expected<actors::equipment_import> make_import(const request_context& ctx) {
  auto key = idempotency_key_of(ctx);
  if (!key) return unexpected{key.error()};
  static const json::value no_body;
  auto draft = ctx.csv ? domain::read_import_csv(ctx.csv->text) : domain::read_import_json(ctx.body ? *ctx.body : no_body);
  if (!draft) return unexpected{draft.error()};
  actors::equipment_import out;
  out.draft = std::move(*draft);
  out.submitted_by = caller_id(ctx);
  out.origin = origin_of(ctx);
  out.idempotency_key = std::move(*key);
  out.request_hash = body_hash(ctx, "POST", imports_path);
  return out;
}

// ?kind=K&parent=P&region=R&after=ID&limit=N
domain::expected<domain::equipment_filter> filter_of(const request_context& ctx) {
  domain::equipment_filter f;
  auto limit = integer_query(ctx, "limit", domain::default_page_limit, 1, domain::max_page_limit);
  if (!limit) return unexpected{limit.error()};
  if (auto kind = find_param(ctx.query, "kind")) {
    f.kind = domain::parse_equipment_kind(*kind);
    if (!f.kind)
      return domain::fail(errc::invalid_request,
                          "kind must be substation, main_transformer, feeder or distribution_transformer",
                          {{domain::rule::not_one_of, std::nullopt, "kind", std::string(*kind),
                            "is not a kind of equipment"}});
  }
  f.parent = std::string(find_param(ctx.query, "parent").value_or(""));
  f.region = std::string(find_param(ctx.query, "region").value_or(""));
  f.after = std::string(find_param(ctx.query, "after").value_or(""));
  f.limit = *limit;
  return f;
}

}  // namespace

route_handler post_equipment_import(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto import = make_import(ctx);
    if (!import) return done(upload_error_response(ctx, import.error()));
    json::object encoding;
    note_csv_encoding(ctx, encoding);
    auto answer = [encoding](const actors::equipment_receipt& r) {
      auto body = json::value_from(r);
      for (const auto& [key, value] : encoding) body.as_object()[key] = value;
      auto res = json_response(r.replayed ? 200 : 201, body);
      res.headers.emplace_back("Location", "/v1/equipment");
      return res;
    };
    client.import_equipment(std::move(*import), reply_with<actors::equipment_receipt>(std::move(done), answer));
  };
}

route_handler get_equipment_list(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto filter = filter_of(ctx);
    if (!filter) return done(error_response(filter.error()));
    auto answer = [](const domain::equipment_page& p) { return json_response(200, json::value_from(p)); };
    client.list_equipment(std::move(*filter), reply_with<domain::equipment_page>(std::move(done), answer));
  };
}

route_handler get_equipment(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto answer = [](const domain::equipment& e) { return json_response(200, json::value_from(e)); };
    client.get_equipment(std::string(ctx.param("id")), reply_with<domain::equipment>(std::move(done), answer));
  };
}

route_handler get_equipment_history(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto answer = [](const actors::equipment_history& h) { return json_response(200, json::value_from(h)); };
    client.get_equipment_history(std::string(ctx.param("id")),
                                 reply_with<actors::equipment_history>(std::move(done), answer));
  };
}

}  // namespace gridcoord::gateways::detail
