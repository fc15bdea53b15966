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

// RFC 4180: a field holding a comma, a quote or a line break is quoted, its
// quotes doubled.
void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
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

// & < > " ' as character references; everything else (UTF-8 included) as is.
void append_html(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string html(std::string_view text) {
  std::string out;
  append_html(out, text);
  return out;
}

// "distribution_transformer" -> "distribution transformer".
std::string kind_words(equipment_kind k) {
  std::string s(to_string(k));
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  return s;
}

// "2026-12-03 01:00 UTC" (minutes; the RFC 3339 text is in the datetime attribute).
std::string issued_words(time_point t) {
  auto text = format_rfc3339(t);  // "2026-12-03T01:00:00.000000Z"
  return fmt::format("{} {} UTC", text.substr(0, 10), text.substr(11, 5));
}

constexpr std::string_view page_title = "Areas where new connections are restricted";

constexpr std::string_view page_style =
    "body{font-family:system-ui,-apple-system,\"Segoe UI\",\"Noto Sans\",\"PingFang SC\",\"Microsoft YaHei\","
    "sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#111;line-height:1.4}"
    "h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}"
    ".meta{margin:.25rem 0;color:#333}"
    "table{border-collapse:collapse;width:100%;font-size:.95rem}"
    "th,td{border:1px solid #999;padding:.35rem .5rem;text-align:left;vertical-align:top}"
    "th{background:#eee}td.num{text-align:right;white-space:nowrap}"
    "tr{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}"
    ".empty{font-size:1.1rem;padding:1rem;border:1px solid #999}"
    "@page{size:A4;margin:15mm}"
    "@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}th{background:none}}";

void append_html_table(std::string& out, const publication& p) {
  out +=
      "<table>\n<thead><tr><th scope=\"col\">Region</th><th scope=\"col\">Connection point</th>"
      "<th scope=\"col\">Kind</th><th scope=\"col\">Available (kVA)</th><th scope=\"col\">Binding equipment</th>"
      "<th scope=\"col\">Reason</th><th scope=\"col\">Expected relief</th></tr></thead>\n<tbody>\n";
  for (const auto& e : p.entries) {
    out += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        html(e.region), html(e.point), html(kind_words(e.kind)), html(number_text(e.available_kva)),
        html(e.binding), html(e.reason), e.relief ? to_string(*e.relief) : "not within the planning horizon");
  }
  out += "</tbody>\n</table>\n";
}

void append_html_sources(std::string& out, const publication& p) {
  out += "<h2>Sources</h2>\n";
  if (p.sources.empty()) {
    out += "<p>No report was used.</p>\n";
    return;
  }
  out += "<ul>\n";
  for (const auto& s : p.sources)
    out += fmt::format("<li>{} {}, version {}</li>\n", html(s.kind), to_string(s.period), s.version);
  out += "</ul>\n";
}

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
  out += "region,point,kind,area_class,available_kva,binding,reason,expected_relief_month,as_of\r\n";
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
    out += "\r\n";
  }
  return out;
}

std::string render_html(const publication& p) {
  const std::string restricted = to_string(p.restricted_month);
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{} — {}</title>\n<style>{}</style>\n</head>\n<body>\n", page_title, restricted,
                     page_style);
  out += fmt::format("<h1>{}</h1>\n", page_title);
  out += fmt::format("<p class=\"meta\">For new connections in <strong>{}</strong>. Load data as of {}.</p>\n",
                     restricted, p.as_of ? to_string(*p.as_of) : std::string("no load report yet"));
  out += fmt::format(
      "<p class=\"meta\">Publication no. {}, issued <time datetime=\"{}\">{}</time>; it replaces every earlier "
      "one.</p>\n",
      p.number, format_rfc3339(p.issued_at), issued_words(p.issued_at));
  if (p.entries.empty()) {
    out += fmt::format("<p class=\"empty\">No area is restricted for new connections in {}.</p>\n", restricted);
  } else {
    append_html_table(out, p);
  }
  append_html_sources(out, p);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace gridcoord::domain::capacity
