#include "actors/detail/receipt_codec.hpp"

#include <boost/json.hpp>

#include "domain/json.hpp"

namespace gridcoord::actors::detail {

namespace json = boost::json;
using domain::errc;

namespace {

std::int64_t micros(domain::time_point t) { return t.time_since_epoch().count(); }
domain::time_point from_micros(std::int64_t us) { return domain::time_point{std::chrono::microseconds{us}}; }

json::array departments_to_json(const std::vector<domain::department>& ds) {
  json::array out;
  for (auto d : ds) out.push_back(json::string(to_string(d)));
  return out;
}

std::vector<domain::department> departments_from_json(const json::value& v) {
  std::vector<domain::department> out;
  for (const auto& d : v.as_array())
    if (auto dep = domain::parse_department(d.as_string())) out.push_back(*dep);
  return out;
}

const char* kind_name(batch_op_kind k) {
  switch (k) {
    case batch_op_kind::submit_report: return "submit_report";
    case batch_op_kind::acknowledge: return "acknowledge";
    case batch_op_kind::create_token: return "create_token";
    case batch_op_kind::revoke_token: return "revoke_token";
  }
  return "submit_report";
}

batch_op_kind kind_from_name(std::string_view s) {
  for (auto k : {batch_op_kind::submit_report, batch_op_kind::acknowledge, batch_op_kind::create_token,
                 batch_op_kind::revoke_token})
    if (s == kind_name(k)) return k;
  throw std::runtime_error("unknown batch operation kind");
}

json::object outcome_to_json(const batch_outcome& o, std::int64_t offset) {
  json::object out{{"kind", kind_name(o.kind)}, {"event", offset}};
  switch (o.kind) {
    case batch_op_kind::submit_report:
      out["stream"] = o.report.stream;
      out["version"] = o.report.version;
      out["recipients"] = departments_to_json(o.report.recipients);
      break;
    case batch_op_kind::acknowledge: out["item"] = domain::inbox_item_to_json(o.item); break;
    case batch_op_kind::create_token: out["token"] = domain::record_to_json(o.token.record); break;
    case batch_op_kind::revoke_token: out["token"] = domain::record_to_json(o.revoked); break;
  }
  return out;
}

template <class T>
T value_or_throw(domain::expected<T> r) {
  if (!r) throw std::runtime_error(r.error().message);
  return std::move(*r);
}

batch_outcome outcome_from_json(const json::object& o, std::uint64_t first_seq, domain::time_point at) {
  batch_outcome out;
  out.kind = kind_from_name(o.at("kind").as_string());
  auto offset = o.at("event").to_number<std::int64_t>();
  out.seq = offset == no_event ? 0 : first_seq + static_cast<std::uint64_t>(offset);
  switch (out.kind) {
    case batch_op_kind::submit_report:
      out.report = submit_receipt{std::string(o.at("stream").as_string()),
                                  static_cast<std::uint32_t>(o.at("version").to_number<std::uint64_t>()),
                                  out.seq, departments_from_json(o.at("recipients")), at, true};
      break;
    case batch_op_kind::acknowledge: out.item = value_or_throw(domain::inbox_item_from_json(o.at("item"))); break;
    case batch_op_kind::create_token:
      out.token.record = value_or_throw(domain::record_from_json(o.at("token")));
      break;
    case batch_op_kind::revoke_token: out.revoked = value_or_throw(domain::record_from_json(o.at("token"))); break;
  }
  return out;
}

}  // namespace

std::string encode_receipt(const submit_receipt& r) {
  return domain::to_text(json::object{{"stream", r.stream},
                                      {"version", r.version},
                                      {"recipients", departments_to_json(r.recipients)},
                                      {"accepted_at_us", micros(r.accepted_at)}});
}

domain::expected<submit_receipt> decode_receipt(const storage::idempotency_record& rec) {
  try {
    auto o = json::parse(rec.result).as_object();
    submit_receipt r;
    r.stream = o.at("stream").as_string();
    r.version = static_cast<std::uint32_t>(o.at("version").to_number<std::uint64_t>());
    r.recipients = departments_from_json(o.at("recipients"));
    r.accepted_at = from_micros(o.at("accepted_at_us").to_number<std::int64_t>());
    r.seq = rec.first_seq;
    r.replayed = true;
    return r;
  } catch (const std::exception& e) {
    return domain::fail(errc::internal, std::string("a stored receipt is unreadable: ") + e.what());
  }
}

std::string encode_batch_receipt(const batch_receipt& r, const std::vector<std::int64_t>& offsets) {
  json::array results;
  std::int64_t events = 0;
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    results.push_back(outcome_to_json(r.results[i], offsets.at(i)));
    if (offsets[i] != no_event) ++events;
  }
  return domain::to_text(json::object{{"accepted_at_us", micros(r.accepted_at)},
                                      {"events", events},
                                      {"results", std::move(results)}});
}

domain::expected<batch_receipt> decode_batch_receipt(const storage::idempotency_record& rec) {
  try {
    auto o = json::parse(rec.result).as_object();
    batch_receipt r;
    r.accepted_at = from_micros(o.at("accepted_at_us").to_number<std::int64_t>());
    auto events = o.at("events").to_number<std::uint64_t>();
    if (events > 0) {
      r.first_seq = rec.first_seq;
      r.last_seq = rec.first_seq + events - 1;
    }
    for (const auto& v : o.at("results").as_array())
      r.results.push_back(outcome_from_json(v.as_object(), rec.first_seq, r.accepted_at));
    r.replayed = true;
    return r;
  } catch (const std::exception& e) {
    return domain::fail(errc::internal, std::string("a stored batch receipt is unreadable: ") + e.what());
  }
}

std::string encode_receipt(const equipment_receipt& r) {
  return domain::to_text(json::object{{"imported", r.summary.imported},
                                      {"added", r.summary.added},
                                      {"replaced", r.summary.replaced},
                                      {"unchanged", r.summary.unchanged},
                                      {"accepted_at_us", micros(r.accepted_at)}});
}

domain::expected<equipment_receipt> decode_equipment_receipt(const storage::idempotency_record& rec) {
  try {
    auto o = json::parse(rec.result).as_object();
    equipment_receipt r;
    r.seq = rec.first_seq;
    r.summary = {o.at("imported").to_number<std::size_t>(), o.at("added").to_number<std::size_t>(),
                 o.at("replaced").to_number<std::size_t>(),
                 o.contains("unchanged") ? o.at("unchanged").to_number<std::size_t>() : 0};
    r.accepted_at = from_micros(o.at("accepted_at_us").to_number<std::int64_t>());
    r.replayed = true;
    return r;
  } catch (const std::exception& e) {
    return domain::fail(errc::internal, std::string("a stored equipment receipt is unreadable: ") + e.what());
  }
}

}  // namespace gridcoord::actors::detail
