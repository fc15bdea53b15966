#include "domain/report.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "domain/json.hpp"
#include "domain/row_rules.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

bool as_number(const json::value& v, double& out) {
  if (v.is_double()) out = v.get_double();
  else if (v.is_int64()) out = static_cast<double>(v.get_int64());
  else if (v.is_uint64()) out = static_cast<double>(v.get_uint64());
  else return false;
  return std::isfinite(out);
}

bool is_whole(double d) { return std::floor(d) == d && std::fabs(d) < 9.007199254740992e15; }

// A bound of a number or integer field, broken: its rule and its words.
struct broken_bound {
  domain::rule rule;
  std::string reason;
};

std::optional<broken_bound> out_of_bounds(const field_spec& f, double d) {
  if (f.positive && d <= 0) return broken_bound{rule::below_minimum, "must be greater than 0"};
  if (f.min && d < *f.min) return broken_bound{rule::below_minimum, fmt::format("must be at least {}", *f.min)};
  if (f.max && d > *f.max) return broken_bound{rule::above_maximum, fmt::format("must be at most {}", *f.max)};
  return std::nullopt;
}

std::string one_of(const std::vector<std::string>& allowed) {
  std::string out;
  for (const auto& a : allowed) out += (out.empty() ? "" : ", ") + a;
  return "must be one of " + out;
}

// Checks one present value against its spec; on success fills `c`.
void check_value(const field_spec& f, const json::value& v, std::size_t n, cell& c,
                 std::vector<issue>& out) {
  auto bad = [&](rule broken, std::string reason) {
    out.push_back({broken, n, f.name, value_text(v), std::move(reason)});
  };
  switch (f.type) {
    case field_type::text:
      if (!v.is_string()) return bad(rule::not_a_string, "must be a string");
      if (v.get_string().empty()) return bad(rule::empty_text, "must not be empty");
      if (auto broken = check_text(f.name, v.get_string(), f.text_as, n)) return out.push_back(std::move(*broken));
      c = {cell::kind::text, std::string(v.get_string()), 0};
      return;
    case field_type::choice:
      if (!v.is_string() ||
          std::find(f.allowed.begin(), f.allowed.end(), std::string_view(v.get_string())) == f.allowed.end())
        return bad(rule::not_one_of, one_of(f.allowed));
      c = {cell::kind::text, std::string(v.get_string()), 0};
      return;
    case field_type::year_month:
      if (!v.is_string() || !parse_month(v.get_string()))
        return bad(rule::not_a_month, "must be a month written YYYY-MM");
      c = {cell::kind::text, std::string(v.get_string()), 0};
      return;
    case field_type::number:
    case field_type::integer: {
      double d = 0;
      if (!as_number(v, d)) return bad(rule::not_a_number, "must be a number");
      if (f.type == field_type::integer && !is_whole(d)) return bad(rule::not_a_whole_number, "must be a whole number");
      if (auto broken = out_of_bounds(f, d)) return bad(broken->rule, std::move(broken->reason));
      c = {cell::kind::number, {}, d};
      return;
    }
  }
}

// Whether any issue from index `first` on names one of `fields`.
bool any_bad(const std::vector<issue>& issues, std::size_t first, const std::vector<std::string>& fields) {
  for (std::size_t i = first; i < issues.size(); ++i)
    for (const auto& f : fields)
      if (issues[i].field == f) return true;
  return false;
}

row parse_row(const report_kind& kind, month period, const json::value& v, std::size_t n,
              std::vector<issue>& out) {
  row r(kind.fields.size());
  if (!v.is_object()) {
    out.push_back({rule::not_an_object, n, "", value_text(v), "a row must be an object of field: value"});
    return r;
  }
  const auto& obj = v.get_object();
  std::size_t first = out.size();
  for (const auto& kv : obj)
    if (!kind.field_index(kv.key()))
      out.push_back({rule::unknown_field, n, std::string(kv.key()), value_text(kv.value()),
                     "is not a field of this report"});
  std::vector<bool> rejected(kind.fields.size(), false);
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    const auto& f = kind.fields[i];
    auto it = obj.find(f.name);
    if (it == obj.end() || it->value().is_null()) {
      if (f.required) out.push_back({rule::required, n, f.name, "", "is required"});
      continue;
    }
    std::size_t before = out.size();
    check_value(f, it->value(), n, r[i], out);
    rejected[i] = out.size() != before;
  }
  row_view view{kind, r, period, n, rejected};
  for (const auto& rule : kind.rules)  // cross-field rules read well-typed cells only
    if (!any_bad(out, first, rule.fields)) rule.check(view, out);
  return r;
}

// The "no duplicate rows" rule: remembers each row's key, and reports a row
// whose key an earlier row had. A row with an issue on a key field is left out.
class duplicate_finder {
 public:
  explicit duplicate_finder(const report_kind& kind) : kind_(kind) {
    for (const auto& name : kind.key) key_fields_.push_back(*kind.field_index(name));
  }

  // `issues` from index `first` on are row n's own.
  void check(const row& r, std::size_t n, std::size_t first, std::vector<issue>& issues) {
    if (key_fields_.empty() || any_bad(issues, first, kind_.key)) return;
    std::string key;
    for (std::size_t field : key_fields_) {
      auto text = cell_text(r[field]);
      key += std::to_string(text.size());  // length-prefixed: no two keys collide
      key += ':';
      key += text;
    }
    auto [it, fresh] = first_row_.try_emplace(std::move(key), n);
    if (fresh) return;
    bool single = key_fields_.size() == 1;
    issues.push_back({rule::duplicate_row, n, single ? kind_.key.front() : "", shown(r),
                      fmt::format("repeats row {}: {}", it->second, key_description(kind_))});
  }

 private:
  // The key as an issue shows it: "T-12", or "equipment_class=feeder, effective_from=2026-01".
  std::string shown(const row& r) const {
    if (key_fields_.size() == 1) return cell_text(r[key_fields_.front()]);
    std::string out;
    for (std::size_t k = 0; k < key_fields_.size(); ++k)
      if (auto text = cell_text(r[key_fields_[k]]); !text.empty())
        out += fmt::format("{}{}={}", out.empty() ? "" : ", ", kind_.key[k], text);
    return out;
  }

  const report_kind& kind_;
  std::vector<std::size_t> key_fields_;
  std::unordered_map<std::string, std::size_t> first_row_;
};

json::value cell_to_json(const cell& c) {
  if (c.k == cell::kind::number) return c.number;
  return json::string(c.text);
}

// The text of rows_to_json(kind, rows), written straight from the cells:
// without a JSON object per row, which cost more than the writing.
void append_rows_text(std::string& out, const report_kind& kind, const std::vector<row>& rows) {
  out += '[';
  for (std::size_t n = 0; n < rows.size(); ++n) {
    if (n > 0) out += ',';
    out += '{';
    bool first = true;
    for (std::size_t i = 0; i < kind.fields.size() && i < rows[n].size(); ++i) {
      const cell& c = rows[n][i];
      if (c.k == cell::kind::empty) continue;
      if (!first) out += ',';
      first = false;
      append_text(out, json::string_view(kind.fields[i].name));
      out += ':';
      if (c.k == cell::kind::number) append_text(out, c.number);
      else append_text(out, json::string_view(c.text));
    }
    out += '}';
  }
  out += ']';
}

}  // namespace

std::string report_stream(department sender, std::string_view kind, month period) {
  return fmt::format("report/{}/{}/{}", to_string(sender), kind, to_string(period));
}

std::string_view report_kind_of_stream(std::string_view stream) {
  constexpr std::string_view prefix = "report/";
  if (!stream.starts_with(prefix)) return {};
  auto rest = stream.substr(prefix.size());
  auto sender_end = rest.find('/');
  if (sender_end == std::string_view::npos) return {};
  rest = rest.substr(sender_end + 1);
  auto kind_end = rest.find('/');
  if (kind_end == std::string_view::npos) return {};
  return rest.substr(0, kind_end);
}

expected<std::vector<row>> parse_rows(const report_kind& kind, month period,
                                      const json::value& body) {
  const json::value* rows = nullptr;
  if (body.is_object()) rows = body.get_object().if_contains("rows");
  if (!rows || !rows->is_array())
    return fail(errc::invalid_request, "the body must be a JSON object with an array \"rows\"");
  const auto& arr = rows->get_array();
  if (arr.size() > max_report_rows)
    return fail(errc::too_large, fmt::format("a report holds at most {} rows", max_report_rows));
  std::vector<issue> issues;
  std::vector<row> out;
  out.reserve(arr.size());
  duplicate_finder duplicates(kind);
  for (std::size_t i = 0; i < arr.size(); ++i) {
    std::size_t first = issues.size();
    out.push_back(parse_row(kind, period, arr[i], i + 1, issues));
    if (arr[i].is_object()) duplicates.check(out.back(), i + 1, first, issues);
  }
  if (!issues.empty()) {
    auto message = fmt::format("{} problem(s) in the {} report; nothing was stored", issues.size(),
                               kind.id);
    return fail(errc::validation_failed, std::move(message), std::move(issues));
  }
  return out;
}

json::array rows_to_json(const report_kind& kind, const std::vector<row>& rows) {
  json::array arr;
  arr.reserve(rows.size());
  for (const auto& r : rows) {
    json::object o;
    for (std::size_t i = 0; i < kind.fields.size() && i < r.size(); ++i)
      if (r[i].k != cell::kind::empty) o[kind.fields[i].name] = cell_to_json(r[i]);
    arr.push_back(std::move(o));
  }
  return arr;
}

std::string encode(const report_version& v) {
  const report_kind* kind = find_report_kind(v.kind);
  json::array recipients;
  for (auto d : v.recipients) recipients.push_back(json::string(to_string(d)));
  json::object o;
  o["sender"] = to_string(v.sender);
  o["kind"] = v.kind;
  o["month"] = to_string(v.period);
  o["version"] = v.version;
  o["recipients"] = std::move(recipients);
  o["submitted_by"] = v.submitted_by;
  o["row_count"] = v.rows.size();
  if (!v.person.empty()) o["person"] = v.person;
  std::string out = to_text(o);
  out.pop_back();  // the object's '}': "rows" comes last
  out += ",\"rows\":";
  if (kind) append_rows_text(out, *kind, v.rows);
  else out += "[]";
  out += '}';
  return out;
}

namespace {

expected<report_version> unreadable(const std::string& why) {
  return fail(errc::internal, "a stored report version is unreadable: " + why);
}

// The header fields of a parsed report.submitted payload.
expected<report_version> header_of(const json::value& doc) {
  if (!doc.is_object()) return unreadable("not a JSON object");
  const auto& o = doc.get_object();
  report_version v;
  try {
    auto sender = parse_department(o.at("sender").as_string());
    auto period = parse_month(o.at("month").as_string());
    const report_kind* kind = find_report_kind(o.at("kind").as_string());
    if (!sender || !period || !kind) return unreadable("unknown sender, month or kind");
    v.sender = *sender;
    v.period = *period;
    v.kind = kind->id;
    v.version = static_cast<std::uint32_t>(o.at("version").to_number<std::uint64_t>());
    v.submitted_by = o.at("submitted_by").as_string();
    v.row_count = o.at("row_count").to_number<std::size_t>();
    if (const auto* p = o.if_contains("person")) v.person = p->as_string();  // absent before 2026-12
    for (const auto& d : o.at("recipients").as_array())
      if (auto dep = parse_department(d.as_string())) v.recipients.push_back(*dep);
  } catch (const std::exception& e) {
    return unreadable(e.what());
  }
  return v;
}

}  // namespace

expected<report_version> decode_report_header(std::string_view payload) {
  std::error_code ec;
  json::value doc = json::parse(payload, ec);
  if (ec) return unreadable("not a JSON object");
  return header_of(doc);
}

expected<report_version> decode_report(std::string_view payload) {
  std::error_code ec;
  json::value doc = json::parse(payload, ec);  // once, for the header and the rows
  if (ec) return unreadable("not a JSON object");
  auto v = header_of(doc);
  if (!v) return v;
  const report_kind* kind = find_report_kind(v->kind);
  const auto* rows = doc.get_object().if_contains("rows");
  if (!rows || !rows->is_array())
    return fail(errc::internal, "a stored report version is unreadable: no rows");
  v->rows.reserve(rows->get_array().size());
  for (const auto& r : rows->get_array()) {
    if (!r.is_object()) return fail(errc::internal, "a stored report version is unreadable: a row is not an object");
    row cells(kind->fields.size());
    for (const auto& member : r.get_object()) {
      auto name = member.key();  // not a structured binding: clang 14 cannot capture one (fuzz/)
      const auto& value = member.value();
      auto it = std::find_if(kind->fields.begin(), kind->fields.end(),
                             [&](const field_spec& f) { return f.name == name; });
      if (it == kind->fields.end()) continue;
      cell& c = cells[static_cast<std::size_t>(it - kind->fields.begin())];
      if (value.is_number()) c = {cell::kind::number, {}, value.to_number<double>()};
      else if (value.is_string()) c = {cell::kind::text, std::string(value.get_string()), 0};
    }
    v->rows.push_back(std::move(cells));
  }
  return v;
}

}  // namespace gridcoord::domain
