// GET /v1/reports/{department}/{kind}/{month}/diff[?from=N&to=M]: what changed
// between two versions of a report (domain/report_diff.hpp).
//
// `to` defaults to the latest version, `from` to the version before `to`.
// Both versions are read through the client (two reads, one after the other),
// then compared here.
#include <boost/json/parse.hpp>
#include <boost/json/value_from.hpp>
#include <fmt/format.h>

#include "domain/report_diff.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/route_support.hpp"
#include "gateways/uri.hpp"

namespace gridcoord::gateways::detail {

namespace json = boost::json;
using domain::errc;

namespace {

struct diff_request : report_address {
  std::optional<std::uint32_t> from;
  std::optional<std::uint32_t> to;
};

domain::expected<std::optional<std::uint32_t>> version_query(const request_context& ctx, std::string_view key) {
  if (!find_param(ctx.query, key)) return std::optional<std::uint32_t>{};
  auto v = integer_query(ctx, key, 0, 1, UINT32_MAX);
  if (!v) return unexpected{v.error()};
  return std::optional<std::uint32_t>{static_cast<std::uint32_t>(*v)};
}

domain::expected<diff_request> parse_request(const request_context& ctx) {
  auto at = parse_report_address(ctx);
  if (!at) return unexpected{at.error()};
  auto from = version_query(ctx, "from");
  if (!from) return unexpected{from.error()};
  auto to = version_query(ctx, "to");
  if (!to) return unexpected{to.error()};
  if (*from && *to && **from >= **to)
    return domain::fail(errc::invalid_request, "from must be an earlier version than to",
                        {{domain::rule::out_of_order, std::nullopt, "from", std::to_string(**from),
                          "must be less than to"}});
  return diff_request{*at, *from, *to};
}

json::array stored_rows(const actors::report_document& doc) {
  std::error_code ec;
  auto v = json::parse(doc.payload, ec);
  const auto* rows = !ec && v.is_object() ? v.get_object().if_contains("rows") : nullptr;
  return rows && rows->is_array() ? rows->get_array() : json::array{};
}

std::uint32_t version_of(const actors::report_document& doc) {
  for (const auto& v : doc.versions)
    if (v.seq == doc.seq) return v.version;
  return 0;
}

json::array rows_at(const json::array& rows, const std::vector<std::size_t>& numbers) {
  json::array out;
  for (auto n : numbers) out.push_back(json::object{{"row", n}, {"values", rows.at(n - 1)}});
  return out;
}

http_response diff_response(const diff_request& q, const actors::report_document& from,
                            const actors::report_document& to) {
  auto a = stored_rows(from), b = stored_rows(to);
  auto d = domain::diff_rows(*q.kind, a, b);
  json::array changed;
  for (const auto& c : d.changed) {
    json::array fields;
    for (const auto& f : c.fields) fields.push_back(json::object{{"field", f.field}, {"before", f.before}, {"after", f.after}});
    changed.push_back(json::object{{"from_row", c.from_row}, {"to_row", c.to_row}, {"fields", std::move(fields)}});
  }
  return json_response(200, json::object{{"department", domain::to_string(q.department)},
                                         {"kind", q.kind->id},
                                         {"month", domain::to_string(q.period)},
                                         {"from", json::object{{"version", version_of(from)}, {"seq", from.seq}}},
                                         {"to", json::object{{"version", version_of(to)}, {"seq", to.seq}}},
                                         {"key", json::value_from(q.kind->key)},
                                         {"unchanged", d.unchanged},
                                         {"added", rows_at(b, d.added)},
                                         {"removed", rows_at(a, d.removed)},
                                         {"changed", std::move(changed)}});
}

}  // namespace

route_handler get_report_diff(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto q = parse_request(ctx);
    if (!q) return done(error_response(q.error()));
    auto on_newer = [&client, q = *q, done](domain::expected<actors::report_document> to) mutable {
      if (!to) return done(error_response(to.error()));
      auto from_version = q.from.value_or(version_of(*to) - 1);
      if (from_version < 1)
        return done(error_response({errc::not_found, fmt::format("version {} is the first: there is nothing "
                                                                 "to compare it with", version_of(*to)), {}}));
      if (from_version >= version_of(*to))
        return done(error_response({errc::invalid_request, "from must be an earlier version than to", {}}));
      client.get_report(q.department, q.kind->id, q.period, from_version,
                        reply_with<actors::report_document>(
                            std::move(done), [q, to = std::move(*to)](const actors::report_document& from) {
                              return diff_response(q, from, to);
                            }));
    };
    client.get_report(q->department, q->kind->id, q->period, q->to, std::move(on_newer));
  };
}

}  // namespace gridcoord::gateways::detail
