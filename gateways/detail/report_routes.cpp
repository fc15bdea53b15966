// PUT and GET /v1/reports/{department}/{kind}/{month}.
#include <boost/json/value_from.hpp>
#include <fmt/format.h>

#include "domain/references.hpp"
#include "domain/report.hpp"
#include "domain/report_csv.hpp"
#include "gateways/codecs.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/route_support.hpp"

namespace gridcoord::gateways::detail {

namespace json = boost::json;
using domain::errc;

namespace {

gridcoord::unexpected<domain::error> forward(const domain::error& e) { return {e}; }

// The rows of a JSON body, or of a CSV one (domain/report_csv.hpp): one set of
// rules, and the equipment they name checked against `registry` (off when it
// is empty; domain/references.hpp). A CSV file's issues name their lines.
domain::expected<std::vector<domain::row>> rows_of(const request_context& ctx, const report_address& at,
                                                   const domain::equipment_registry& registry) {
  if (ctx.csv) {
    auto file = domain::csv_to_json(*at.kind, ctx.csv->text);
    if (!file) return forward(file.error());
    auto rows = domain::parse_checked_rows(*at.kind, at.period, file->body, registry);
    if (rows) return rows;
    auto e = rows.error();
    domain::place_csv_issues(*file, e);
    return forward(e);
  }
  static const json::value no_body;
  return domain::parse_checked_rows(*at.kind, at.period, ctx.body ? *ctx.body : no_body, registry);
}

// Everything submit_report needs, validated here, in the gateway's thread.
domain::expected<actors::report_submission> make_submission(const request_context& ctx,
                                                            const report_address& at,
                                                            const domain::equipment_registry& registry) {
  auto key = idempotency_key_of(ctx);
  if (!key) return forward(key.error());
  auto rows = rows_of(ctx, at, registry);
  if (!rows) return forward(rows.error());
  actors::report_submission s;
  s.sender = at.department;
  s.kind = at.kind->id;
  s.period = at.period;
  s.rows = std::move(*rows);
  s.submitted_by = caller_id(ctx);
  s.origin = origin_of(ctx);
  s.idempotency_key = std::move(*key);
  // A CSV replay must repeat the bytes; a JSON one may format its text differently.
  s.request_hash = body_hash(ctx, "PUT", at.path());
  return s;
}

http_response receipt_response(const report_address& at, std::optional<domain::text_encoding> encoding,
                               const actors::submit_receipt& r) {
  json::object body;
  body["stream"] = r.stream;
  body["department"] = domain::to_string(at.department);
  body["kind"] = at.kind->id;
  body["month"] = domain::to_string(at.period);
  json::value receipt = json::value_from(r);
  for (const auto& [key, value] : receipt.as_object())
    if (key != "stream") body[key] = value;
  if (encoding) body["encoding"] = domain::to_string(*encoding);
  auto res = json_response(r.replayed ? 200 : 201, body);
  res.headers.emplace_back("Location", fmt::format("{}?version={}", at.path(), r.version));
  return res;
}

http_response document_response(const actors::report_document& doc) {
  auto header = domain::decode_report_header(doc.payload);
  if (!header) return internal_failure(header.error().message);
  return json_response(200, json::value_from(doc));
}

}  // namespace

route_handler put_report(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto at = parse_report_address(ctx);
    if (!at) return done(error_response(at.error()));
    auto submission = make_submission(ctx, *at, *client.equipment_view());
    if (!submission) return done(upload_error_response(ctx, submission.error()));
    std::optional<domain::text_encoding> encoding;
    if (ctx.csv) encoding = ctx.csv->encoding;
    client.submit_report(std::move(*submission),
                         reply_with<actors::submit_receipt>(std::move(done),
                                                            [at = *at, encoding](const actors::submit_receipt& r) {
                                                              return receipt_response(at, encoding, r);
                                                            }));
  };
}

domain::expected<actors::batch_operation> report_operation(const request_context& ctx,
                                                           const domain::equipment_registry& registry) {
  auto at = parse_report_address(ctx);
  if (!at) return forward(at.error());
  auto submission = make_submission(ctx, *at, registry);
  if (!submission) return forward(submission.error());
  actors::batch_operation op;
  op.kind = actors::batch_op_kind::submit_report;
  op.report = std::move(*submission);
  op.report.idempotency_key.clear();  // the batch has one key for all its operations
  return op;
}

route_handler get_report(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto at = parse_report_address(ctx);
    if (!at) return done(error_response(at.error()));
    std::optional<std::uint32_t> version;
    if (find_param(ctx.query, "version")) {
      auto v = integer_query(ctx, "version", 0, 1, UINT32_MAX);
      if (!v) return done(error_response(v.error()));
      version = static_cast<std::uint32_t>(*v);
    }
    client.get_report(at->department, at->kind->id, at->period, version,
                      reply_with<actors::report_document>(std::move(done), document_response));
  };
}

}  // namespace gridcoord::gateways::detail
