#include "gateways/codecs.hpp"

#include "domain/origin.hpp"
#include "domain/row_rules.hpp"

#include <boost/json/parse.hpp>

namespace json = boost::json;

namespace {

// {"role","remote","request_id","person"} of an event, or null when none was
// kept; "person" is "" for events written before it was kept.
json::value origin_json(const std::string& text) {
  if (text.empty()) return nullptr;
  auto o = gridcoord::domain::decode_origin(text);
  return json::object{{"role", o.role}, {"remote", o.remote}, {"request_id", o.request_id}, {"person", o.person}};
}

}  // namespace

namespace gridcoord::gateways {
namespace {

json::string text(std::string_view s) { return json::string(s); }

json::array departments(const std::vector<domain::department>& list) {
  json::array out;
  for (auto d : list) out.push_back(text(domain::to_string(d)));
  return out;
}

// The stored JSON text as a value; nullopt when it does not parse.
std::optional<json::value> parse_payload(std::string_view payload) {
  std::error_code ec;
  json::value v = json::parse(payload, ec);
  if (ec) return std::nullopt;
  return v;
}

// Copies `key` from `from` into `to` as `as`, when present.
void copy_field(const json::object& from, std::string_view key, json::object& to,
                std::string_view as) {
  if (const auto* v = from.if_contains(key)) to[as] = *v;
}

}  // namespace
}  // namespace gridcoord::gateways

namespace gridcoord::domain {

void tag_invoke(const json::value_from_tag&, json::value& jv, const issue& i) {
  json::object o;
  if (i.row) o["row"] = *i.row;
  if (i.line) o["line"] = *i.line;
  o["field"] = i.field;
  o["value"] = i.value;
  o["reason"] = i.reason;
  o["rule"] = to_string(i.rule);
  jv = std::move(o);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const error& e) {
  json::object o;
  o["code"] = to_string(e.code);
  o["message"] = e.message;
  o["details"] = json::value_from(e.details);
  jv = std::move(o);
}

namespace {

json::value ack_json(const std::optional<acknowledgement>& a) {
  if (!a) return nullptr;
  json::object o{{"by", a->by}, {"at", format_rfc3339(a->at)}};
  if (!a->person.empty()) o["person"] = a->person;
  return o;
}

}  // namespace

void tag_invoke(const json::value_from_tag&, json::value& jv, const version_entry& v) {
  json::array deliveries;
  for (const auto& d : v.deliveries)
    deliveries.push_back(json::object{{"to", to_string(d.recipient)}, {"acknowledged", ack_json(d.ack)}});
  json::object o{{"version", v.version},
                 {"seq", v.seq},
                 {"submitted_at", format_rfc3339(v.submitted_at)},
                 {"submitted_by", v.submitted_by}};
  if (!v.person.empty()) o["person"] = v.person;
  o["row_count"] = v.row_count;
  o["deliveries"] = std::move(deliveries);
  jv = std::move(o);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const inbox_item& i) {
  json::object o{{"item", i.id},
                 {"from", to_string(i.from)},
                 {"kind", i.kind},
                 {"month", to_string(i.period)},
                 {"version", i.version},
                 {"received_at", format_rfc3339(i.received_at)}};
  o["acknowledged"] = ack_json(i.ack);
  if (i.newer)
    o["newer_version"] = json::object{{"version", i.newer->version}, {"item", i.newer->item},
                                      {"received_at", format_rfc3339(i.newer->at)}};
  else
    o["newer_version"] = nullptr;
  jv = std::move(o);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const token_record& t) {
  json::object o{{"id", t.id},
                 {"role", to_string(t.granted)},
                 {"description", t.description},
                 {"created_at", format_rfc3339(t.created_at)},
                 {"created_by", t.created_by},
                 {"revoked_at", t.revoked_at ? json::value(format_rfc3339(*t.revoked_at)) : nullptr},
                 {"expires_at", t.expires_at ? json::value(format_rfc3339(*t.expires_at)) : nullptr}};
  if (t.revoked_at) o["revoked_by"] = t.revoked_by;
  jv = std::move(o);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const issued_token& t) {
  auto o = json::value_from(t.record).as_object();
  o["token"] = t.token;
  jv = std::move(o);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const field_spec& f) {
  auto bound = [](const std::optional<double>& b) { return b ? json::value(*b) : json::value(nullptr); };
  json::array allowed;
  for (const auto& a : f.allowed) allowed.push_back(json::string(a));
  jv = json::object{{"name", f.name},
                    {"label", f.label},
                    {"type", to_string(f.type)},
                    {"required", f.required},
                    {"min", bound(f.min)},
                    {"max", bound(f.max)},
                    {"positive", f.positive},
                    {"allowed", std::move(allowed)},
                    {"description", f.description},
                    {"max_chars", f.type == field_type::text ? json::value(limit_of(f.text_as).max_chars)
                                                             : json::value(nullptr)},
                    {"multi_line", f.type == field_type::text && limit_of(f.text_as).multi_line},
                    {"references", f.references == reference::none ? json::value(nullptr)
                                                                    : json::value(to_string(f.references))},
                    {"references_when", f.references_when.size() == 2
                                            ? json::value(json::object{{"field", f.references_when[0]},
                                                                       {"value", f.references_when[1]}})
                                            : json::value(nullptr)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const equipment& e) {
  jv = record_to_json(e);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const equipment_page& p) {
  jv = json::object{{"equipment", json::value_from(p.items)}, {"next_after", p.next_after}, {"end", p.end}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const report_kind& k) {
  auto names = [](const std::vector<std::string>& list) {
    json::array out;
    for (const auto& n : list) out.push_back(json::string(n));
    return out;
  };
  json::array rules;
  for (const auto& r : k.rules)
    rules.push_back(json::object{{"fields", names(r.fields)}, {"description", r.description}});
  if (!k.key.empty()) rules.push_back(json::object{{"fields", names(k.key)}, {"description", key_description(k)}});
  jv = json::object{{"id", k.id},
                    {"flow", k.flow},
                    {"title", k.title},
                    {"sender", to_string(k.sender)},
                    {"recipients", gateways::departments(k.recipients)},
                    {"key", names(k.key)},
                    {"fields", json::value_from(k.fields)},
                    {"rules", std::move(rules)}};
}

}  // namespace gridcoord::domain

namespace gridcoord::actors {

using gateways::copy_field;
using gateways::departments;
using gateways::parse_payload;

void tag_invoke(const json::value_from_tag&, json::value& jv, const submit_receipt& r) {
  jv = json::object{{"stream", r.stream},
                    {"version", r.version},
                    {"seq", r.seq},
                    {"recipients", departments(r.recipients)},
                    {"accepted_at", domain::format_rfc3339(r.accepted_at)},
                    {"replayed", r.replayed}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const report_document& d) {
  auto payload = parse_payload(d.payload);
  static const json::object empty;
  const json::object& p = payload && payload->is_object() ? payload->get_object() : empty;
  json::object o;
  copy_field(p, "sender", o, "department");
  copy_field(p, "kind", o, "kind");
  copy_field(p, "month", o, "month");
  copy_field(p, "version", o, "version");
  o["seq"] = d.seq;
  o["submitted_at"] = domain::format_rfc3339(d.submitted_at);
  copy_field(p, "submitted_by", o, "submitted_by");
  copy_field(p, "person", o, "person");  // absent when the token had no description
  copy_field(p, "recipients", o, "recipients");
  copy_field(p, "row_count", o, "row_count");
  copy_field(p, "rows", o, "rows");
  o["versions"] = json::value_from(d.versions);
  jv = std::move(o);
}

json::value event_json(const event_view& e, domain::sla::disclosure who) {
  auto payload = parse_payload(e.payload);
  if (payload) domain::sla::redact_event(e.type, *payload, who);
  return json::object{{"seq", e.seq},
                      {"stream", e.stream},
                      {"type", e.type},
                      {"time", domain::format_rfc3339(e.time)},
                      {"actor", e.actor},
                      {"origin", origin_json(e.origin)},
                      {"payload", payload ? std::move(*payload) : json::value(json::string(e.payload))}};
}

json::value audit_json(const audit_page& p, domain::sla::disclosure who) {
  json::array events;
  events.reserve(p.events.size());
  for (const auto& e : p.events) events.push_back(event_json(e, who));
  return json::object{{"events", std::move(events)}, {"next_after", p.next_after}, {"end", p.end}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const event_view& e) {
  jv = event_json(e, domain::sla::disclosure::without_personal_data);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const audit_page& p) {
  jv = audit_json(p, domain::sla::disclosure::without_personal_data);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const equipment_receipt& r) {
  jv = json::object{{"seq", r.seq},
                    {"imported", r.summary.imported},
                    {"added", r.summary.added},
                    {"replaced", r.summary.replaced},
                    {"unchanged", r.summary.unchanged},
                    {"accepted_at", domain::format_rfc3339(r.accepted_at)},
                    {"replayed", r.replayed}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const equipment_history& h) {
  json::array versions;
  for (const auto& v : h.versions)
    versions.push_back(json::object{{"version", v.version},
                                    {"seq", v.seq},
                                    {"at", domain::format_rfc3339(v.at)},
                                    {"by", v.by},
                                    {"record", domain::record_to_json(v.record)}});
  jv = json::object{{"id", h.id}, {"versions", std::move(versions)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const health_report& h) {
  jv = json::object{{"status", h.ok ? "ok" : "unavailable"},
                    {"last_seq", h.last_seq},
                    {"version", h.version},
                    {"calendar", json::value_from(h.calendar)}};
}

}  // namespace gridcoord::actors
