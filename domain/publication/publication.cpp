#include "domain/publication/publication.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/json.hpp"

namespace gridcoord::domain::capacity {

namespace json = boost::json;
using domain::to_string;  // month's, next to this namespace's own (light, load_class, …)

namespace {

// ---------------------------------------------------------------- encoding

json::value month_or_null(const std::optional<month>& m) {
  if (!m) return nullptr;
  return json::value(to_string(*m));
}

json::object entry_to_json(const constrained_point& e) {
  json::object o;
  o["region"] = e.region;
  o["point"] = e.point;
  o["kind"] = to_string(e.kind);
  o["area_class"] = to_string(e.area);
  o["available_kva"] = e.available_kva;
  o["binding"] = e.binding;
  o["reason"] = e.reason;
  o["expected_relief_month"] = month_or_null(e.relief);
  o["cause"] = to_string(e.cause);
  bool known = e.cause != limit_cause::none;
  o["cause_element"] = known ? json::value(e.cause_element) : json::value(nullptr);
  o["cause_kind"] = known ? json::value(to_string(e.cause_kind)) : json::value(nullptr);
  return o;
}

json::object source_to_json(const report_ref& r) {
  json::object o;
  o["kind"] = r.kind;
  o["month"] = to_string(r.period);
  o["version"] = r.version;
  return o;
}

// ---------------------------------------------------------------- decoding

// Reads one field of a stored payload; the first problem is kept in `problem`.
struct field_reader {
  std::string problem;

  const json::value* at(const json::object& o, std::string_view key, std::string_view where) {
    const auto* v = o.if_contains(key);
    if (!v && problem.empty()) problem = fmt::format("{} has no \"{}\"", where, key);
    return v;
  }
  void bad(std::string_view where, std::string_view key, std::string_view what) {
    if (problem.empty()) problem = fmt::format("{}.{} is not {}", where, key, what);
  }
  std::string text(const json::object& o, std::string_view key, std::string_view where) {
    const auto* v = at(o, key, where);
    if (v && v->is_string()) return std::string(v->get_string());
    if (v) bad(where, key, "a string");
    return {};
  }
  double number(const json::object& o, std::string_view key, std::string_view where) {
    const auto* v = at(o, key, where);
    if (v && v->is_double()) return v->get_double();
    if (v && v->is_int64()) return static_cast<double>(v->get_int64());
    if (v && v->is_uint64()) return static_cast<double>(v->get_uint64());
    if (v) bad(where, key, "a number");
    return 0;
  }
  std::uint32_t count(const json::object& o, std::string_view key, std::string_view where) {
    const auto* v = at(o, key, where);
    if (v && v->is_int64() && v->get_int64() >= 0 && v->get_int64() <= 0xFFFF'FFFF)
      return static_cast<std::uint32_t>(v->get_int64());
    if (v && v->is_uint64() && v->get_uint64() <= 0xFFFF'FFFF) return static_cast<std::uint32_t>(v->get_uint64());
    if (v) bad(where, key, "a whole number 0..4294967295");
    return 0;
  }
  month a_month(const json::object& o, std::string_view key, std::string_view where) {
    auto m = optional_month(o, key, where, false);
    return m.value_or(month{});
  }
  std::optional<month> optional_month(const json::object& o, std::string_view key, std::string_view where,
                                      bool null_allowed = true) {
    const auto* v = at(o, key, where);
    if (!v) return std::nullopt;
    if (null_allowed && v->is_null()) return std::nullopt;
    if (v->is_string()) {
      if (auto m = parse_month(v->get_string())) return m;
    }
    bad(where, key, null_allowed ? "a month \"YYYY-MM\" or null" : "a month \"YYYY-MM\"");
    return std::nullopt;
  }
  const json::array* array(const json::object& o, std::string_view key, std::string_view where) {
    const auto* v = at(o, key, where);
    if (v && v->is_array()) return &v->get_array();
    if (v) bad(where, key, "an array");
    return nullptr;
  }
};

// cause, cause_element and cause_kind: absent in a payload written before
// causes were recorded (cause none); the element and kind null with none.
void read_cause(field_reader& r, const json::object& o, std::string_view where, constrained_point& e) {
  const auto* cause = o.if_contains("cause");
  if (!cause) return;
  auto c = cause->is_string() ? parse_limit_cause(cause->get_string()) : std::nullopt;
  if (!c) return r.bad(where, "cause", "a cause");
  e.cause = *c;
  if (e.cause == limit_cause::none) return;
  e.cause_element = r.text(o, "cause_element", where);
  auto kind = r.text(o, "cause_kind", where);
  if (auto k = parse_equipment_kind(kind)) e.cause_kind = *k;
  else r.bad(where, "cause_kind", "an equipment kind");
}

constrained_point entry_from_json(field_reader& r, const json::value& v, std::string_view where) {
  constrained_point e;
  e.status = light::red;
  if (!v.is_object()) {
    if (r.problem.empty()) r.problem = fmt::format("{} is not an object", where);
    return e;
  }
  const auto& o = v.get_object();
  e.region = r.text(o, "region", where);
  e.point = r.text(o, "point", where);
  auto kind = r.text(o, "kind", where);
  if (auto k = parse_equipment_kind(kind)) e.kind = *k;
  else if (r.problem.empty()) r.bad(where, "kind", "an equipment kind");
  auto area = r.text(o, "area_class", where);
  if (auto a = parse_area_class(area)) e.area = *a;
  else if (r.problem.empty()) r.bad(where, "area_class", "an area class");
  e.available_kva = r.number(o, "available_kva", where);
  e.binding = r.text(o, "binding", where);
  e.reason = r.text(o, "reason", where);
  e.relief = r.optional_month(o, "expected_relief_month", where);
  read_cause(r, o, where, e);
  return e;
}

report_ref source_from_json(field_reader& r, const json::value& v, std::string_view where) {
  report_ref s;
  if (!v.is_object()) {
    if (r.problem.empty()) r.problem = fmt::format("{} is not an object", where);
    return s;
  }
  const auto& o = v.get_object();
  s.kind = r.text(o, "kind", where);
  s.period = r.a_month(o, "month", where);
  s.version = r.count(o, "version", where);
  return s;
}

// ---------------------------------------------------------------- rendering

// Whether a spreadsheet would read a text cell as a formula: it begins with
// =, +, -, @, a tab or a carriage return (OWASP's list for CSV injection).
bool reads_as_formula(std::string_view field) {
  return !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

// RFC 4180: a field holding a comma, a quote or a line break is quoted, its
// quotes doubled. A text that would read as a formula is written quoted, after
// an apostrophe, so that a spreadsheet shows it as the text it is (OWASP).
void append_csv_field(std::string& out, std::string_view field) {
  bool formula = reads_as_formula(field);
  if (!formula && field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string number_text(double d) {
  std::string out;
  append_text(out, d);
  return out;
}

std::string month_text(const std::optional<month>& m) { return m ? to_string(*m) : std::string(); }

}  // namespace

std::string encode_publication(const publication& p) {
  json::object o;
  o["number"] = p.number;
  o["period"] = to_string(p.period);
  o["restricted_month"] = to_string(p.restricted_month);
  o["issued_at"] = format_rfc3339(p.issued_at);
  o["issued_by"] = p.issued_by;
  o["as_of"] = month_or_null(p.as_of);
  json::array entries;
  for (const auto& e : p.entries) entries.push_back(entry_to_json(e));
  o["entries"] = std::move(entries);
  json::array sources;
  for (const auto& s : p.sources) sources.push_back(source_to_json(s));
  o["sources"] = std::move(sources);
  return to_text(o);
}

expected<publication> decode_publication(std::string_view payload) {
  std::error_code ec;
  auto doc = json::parse(payload, ec);
  if (ec) return fail(errc::internal, "a stored publication is unreadable: not JSON");
  if (!doc.is_object()) return fail(errc::internal, "a stored publication is unreadable: not an object");
  const auto& o = doc.get_object();
  field_reader r;
  publication p;
  p.number = r.count(o, "number", "publication");
  p.period = r.a_month(o, "period", "publication");
  p.restricted_month = r.a_month(o, "restricted_month", "publication");
  auto issued = r.text(o, "issued_at", "publication");
  if (auto t = parse_rfc3339(issued)) p.issued_at = *t;
  else if (r.problem.empty()) r.bad("publication", "issued_at", "an RFC 3339 time");
  p.issued_by = r.text(o, "issued_by", "publication");
  p.as_of = r.optional_month(o, "as_of", "publication");
  if (const auto* entries = r.array(o, "entries", "publication")) {
    for (std::size_t i = 0; i < entries->size(); ++i)
      p.entries.push_back(entry_from_json(r, (*entries)[i], fmt::format("entries[{}]", i)));
  }
  if (const auto* sources = r.array(o, "sources", "publication")) {
    for (std::size_t i = 0; i < sources->size(); ++i)
      p.sources.push_back(source_from_json(r, (*sources)[i], fmt::format("sources[{}]", i)));
  }
  if (!r.problem.empty()) return fail(errc::internal, "a stored publication is unreadable: " + r.problem);
  return p;
}

std::string render_csv(const publication& p) {
  std::string out = "\xEF\xBB\xBF";
  out += "region,point,kind,area_class,available_kva,binding,reason,expected_relief_month,as_of,cause,cause_element,"
         "cause_kind\r\n";
  const std::string as_of = month_text(p.as_of);
  for (const auto& e : p.entries) {
    append_csv_field(out, e.region);
    out += ',';
    append_csv_field(out, e.point);
    out += ',';
    out += to_string(e.kind);
    out += ',';
    out += to_string(e.area);
    out += ',';
    out += number_text(e.available_kva);
    out += ',';
    append_csv_field(out, e.binding);
    out += ',';
    append_csv_field(out, e.reason);
    out += ',';
    out += month_text(e.relief);
    out += ',';
    out += as_of;
    out += ',';
    out += to_string(e.cause);
    out += ',';
    if (e.cause != limit_cause::none) {
      append_csv_field(out, e.cause_element);
      out += ',';
      out += to_string(e.cause_kind);
    } else {
      out += ',';
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace gridcoord::domain::capacity
