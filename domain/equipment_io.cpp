// Reading imports (JSON and CSV bodies) and the JSON of records and events.
#include <algorithm>
#include <array>
#include <cmath>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/csv.hpp"
#include "domain/equipment.hpp"
#include "domain/json.hpp"
#include "domain/report_csv.hpp"
#include "domain/report_kind.hpp"
#include "domain/text_rules.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

constexpr std::size_t max_id_bytes = 64;
constexpr std::string_view field_list = "id, kind, parent, area_class, region, rating_kva, latitude, longitude";
enum field : std::size_t { f_id, f_kind, f_parent, f_area, f_region, f_rating, f_latitude, f_longitude, f_count };

// The fields as a report kind's schema, for the CSV header mapping; indexed by `field`.
const report_kind& schema() {
  static const report_kind s{
      .id = "equipment",
      .fields = {{.name = "id", .required = true},
                 {.name = "kind", .type = field_type::choice, .required = true},
                 {.name = "parent"},
                 {.name = "area_class", .type = field_type::choice, .required = true},
                 {.name = "region", .required = true},
                 {.name = "rating_kva", .type = field_type::number, .required = true, .positive = true},
                 {.name = "latitude", .type = field_type::number},
                 {.name = "longitude", .type = field_type::number}}};
  return s;
}

std::optional<std::size_t> field_of(std::string_view name) {
  const auto& fields = schema().fields;
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == name) return i;
  return std::nullopt;
}

// A field's value as given, from a JSON value or a CSV cell.
struct given_value {
  enum class type : std::uint8_t { absent, text, number, other } is = type::absent;
  std::string_view text;  // text; other: its JSON
  double number = 0;
  std::string shown() const { return is == type::number ? to_text(json::value(number)) : std::string(text); }
};

struct row_reader {
  import_row& r;
  std::vector<issue>& out;

  void add(rule broken, std::size_t f, std::string value, std::string reason) {
    out.push_back({broken, r.number, schema().fields[f].name, std::move(value), std::move(reason)});
  }

  std::optional<std::string_view> text(std::size_t f, const given_value& c) {
    if (c.is != given_value::type::text) add(rule::not_a_string, f, c.shown(), "must be a string");
    else if (c.text.empty()) add(rule::empty_text, f, "", "must not be empty");
    else return c.text;
    return std::nullopt;
  }

  std::optional<double> number(std::size_t f, const given_value& c) {
    if (c.is != given_value::type::number || !std::isfinite(c.number))
      add(rule::not_a_number, f, c.shown(), "must be a number");
    else return c.number;
    return std::nullopt;
  }

  void id(std::string_view s) {
    if (s.size() > max_id_bytes)
      return add(rule::too_long, f_id, std::string(s), fmt::format("must be at most {} bytes", max_id_bytes));
    if (std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
      return add(rule::forbidden_character, f_id, std::string(s), "must not hold control characters");
    r.record.id = s;
  }

  // A text held to its kind's rules (domain/text_rules.hpp).
  void checked(std::size_t f, std::string_view s, text_kind kind, std::string& to) {
    if (auto broken = check_text(schema().fields[f].name, s, kind, r.number)) return out.push_back(std::move(*broken));
    to = s;
  }

  void degrees(std::size_t f, const given_value& c, double bound, std::optional<double>& to) {
    auto d = number(f, c);
    if (!d) return;
    if (*d < -bound || *d > bound)
      return add(rule::out_of_range, f, c.shown(),
                 fmt::format("must be between {} and {} (degrees, WGS 84)", -bound, bound));
    to = std::round(*d * 1e7) / 1e7;
  }

  void read(std::size_t f, const given_value& c) {
    if (f == f_rating) {
      auto d = number(f, c);
      if (d && *d <= 0) add(rule::below_minimum, f, c.shown(), "must be greater than 0");
      else if (d) r.record.rating_kva = *d;
      return;
    }
    if (f == f_latitude) return degrees(f, c, 90, r.record.latitude);
    if (f == f_longitude) return degrees(f, c, 180, r.record.longitude);
    auto s = text(f, c);
    if (!s) return;
    switch (f) {
      case f_id: return id(*s);
      case f_kind:
        r.kind = parse_equipment_kind(*s);
        if (r.kind) r.record.kind = *r.kind;
        else
          add(rule::not_one_of, f, std::string(*s),
              "must be one of substation, main_transformer, feeder, distribution_transformer");
        return;
      case f_area:
        if (auto a = parse_area_class(*s)) r.record.area = *a;
        else add(rule::not_one_of, f, std::string(*s), "must be one of urban, rural, remote");
        return;
      case f_parent: return checked(f, *s, text_kind::identifier, r.record.parent);
      default: return checked(f, *s, text_kind::name, r.record.region);
    }
  }

  // Every field in schema order, then the pairing of the coordinates.
  void read_all(const std::array<given_value, f_count>& cells) {
    for (std::size_t f = 0; f < f_count; ++f) {
      if (cells[f].is == given_value::type::absent) {
        if (schema().fields[f].required) add(rule::required, f, "", "is required");
        continue;
      }
      read(f, cells[f]);
    }
    bool lat = cells[f_latitude].is != given_value::type::absent, lon = cells[f_longitude].is != given_value::type::absent;
    if (lat != lon)
      add(rule::required_when, lat ? f_longitude : f_latitude, "",
          fmt::format("is required with {}: give both coordinates or neither", lat ? "latitude" : "longitude"));
  }
};

given_value json_cell(const json::value& v, std::string& scratch) {
  if (v.is_null()) return {};
  if (v.is_string()) return {given_value::type::text, v.get_string(), 0};
  if (v.is_number()) return {given_value::type::number, {}, v.to_number<double>()};
  scratch = to_text(v);
  return {given_value::type::other, scratch, 0};
}

import_row read_row(const json::value& v, std::size_t n, std::vector<issue>& out) {
  import_row r;
  r.number = n;
  const auto* o = v.if_object();
  if (!o) {
    out.push_back({rule::not_an_object, n, "", value_text(v), "a row must be an object of field: value"});
    return r;
  }
  std::size_t before = out.size();
  std::array<given_value, f_count> cells;
  std::array<std::string, f_count> scratch;
  for (const auto& kv : *o) {
    if (auto f = field_of(kv.key())) cells[*f] = json_cell(kv.value(), scratch[*f]);
    else
      out.push_back({rule::unknown_field, n, std::string(kv.key()), value_text(kv.value()),
                     fmt::format("is not a field of an equipment record ({})", field_list)});
  }
  row_reader{r, out}.read_all(cells);
  r.valid = out.size() == before;
  return r;
}

// A CSV cell as the value a JSON body would hold (docs/reports.md, CSV).
given_value csv_cell(std::size_t f, std::string_view text) {
  if (schema().fields[f].type != field_type::number) return text.empty() ? given_value{} : given_value{given_value::type::text, text, 0};
  auto trimmed = text;
  while (!trimmed.empty() && trimmed.front() == ' ') trimmed.remove_prefix(1);
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  if (trimmed.empty()) return {};
  if (auto d = parse_csv_number(text)) return {given_value::type::number, {}, *d};
  return {given_value::type::text, text, 0};
}

void append_record(std::string& out, const equipment& e) {
  out += R"({"id":)";
  append_text(out, json::string_view(e.id));
  out += R"(,"kind":")";
  out += to_string(e.kind);
  out += '"';
  if (!e.parent.empty()) {
    out += R"(,"parent":)";
    append_text(out, json::string_view(e.parent));
  }
  out += R"(,"area_class":")";
  out += to_string(e.area);
  out += R"(","region":)";
  append_text(out, json::string_view(e.region));
  out += R"(,"rating_kva":)";
  append_text(out, e.rating_kva);
  if (e.latitude && e.longitude) {
    out += R"(,"latitude":)";
    append_text(out, *e.latitude);
    out += R"(,"longitude":)";
    append_text(out, *e.longitude);
  }
  out += '}';
}

expected<import_draft> unreadable(std::string_view why) {
  return fail(errc::internal, fmt::format("a stored equipment import is unreadable: {}", why));
}

}  // namespace

expected<import_draft> read_import_json(const json::value& body) {
  const json::value* rows = body.is_object() ? body.get_object().if_contains("equipment") : nullptr;
  if (!rows || !rows->is_array())
    return fail(errc::invalid_request, R"(the body must be a JSON object with an array "equipment")");
  const auto& arr = rows->get_array();
  if (arr.size() > max_import_rows)
    return fail(errc::too_large, fmt::format("an import holds at most {} rows", max_import_rows));
  if (arr.empty()) return fail(errc::invalid_request, "the import holds no equipment");
  import_draft d;
  d.rows.reserve(arr.size());
  for (std::size_t i = 0; i < arr.size(); ++i) d.rows.push_back(read_row(arr[i], i + 1, d.issues));
  return d;
}

expected<import_draft> read_import_csv(std::string_view text) {
  auto file = read_csv(text);
  if (!file) return unexpected{file.error()};
  auto columns = map_csv_header(schema(), file->header);
  if (!columns) return unexpected{columns.error()};
  if (file->rows.size() > max_import_rows)
    return fail(errc::too_large, fmt::format("an import holds at most {} rows", max_import_rows));
  if (file->rows.empty()) return fail(errc::invalid_request, "the import holds no equipment");
  import_draft d;
  d.rows.resize(file->rows.size());
  for (std::size_t i = 0; i < file->rows.size(); ++i) {
    const auto& fields = file->rows[i].fields;
    std::array<given_value, f_count> cells;
    for (std::size_t c = 0; c < fields.size(); ++c) cells[(*columns)[c]] = csv_cell((*columns)[c], fields[c]);
    auto& r = d.rows[i];
    r.number = i + 1;
    std::size_t before = d.issues.size();
    row_reader{r, d.issues}.read_all(cells);
    r.valid = d.issues.size() == before;
  }
  return d;
}

json::object record_to_json(const equipment& e) {
  json::object o{{"id", e.id}, {"kind", to_string(e.kind)}};
  if (!e.parent.empty()) o["parent"] = e.parent;
  o["area_class"] = to_string(e.area);
  o["region"] = e.region;
  o["rating_kva"] = e.rating_kva;
  if (e.latitude && e.longitude) {
    o["latitude"] = *e.latitude;
    o["longitude"] = *e.longitude;
  }
  if (e.version > 0) {
    o["version"] = e.version;
    o["changed_seq"] = e.changed_seq;
    o["changed_at"] = format_rfc3339(e.changed_at);
  }
  return o;
}

std::string encode_import(std::span<const equipment> rows) {
  std::string out = R"({"equipment":[)";
  out.reserve(rows.size() * 160);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) out += ',';
    append_record(out, rows[i]);
  }
  out += "]}";
  return out;
}

expected<std::vector<equipment>> decode_import(std::string_view payload) {
  std::error_code ec;
  auto doc = json::parse(payload, ec);
  if (ec) return fail(errc::internal, "a stored equipment import is unreadable: not JSON");
  auto draft = read_import_json(doc);
  if (!draft || !draft->issues.empty())
    return unexpected{unreadable(draft ? draft->issues.front().reason : draft.error().message).error()};
  std::vector<equipment> out;
  out.reserve(draft->rows.size());
  for (auto& r : draft->rows) out.push_back(std::move(r.record));
  return out;
}

expected<std::optional<equipment>> find_in_import(std::string_view payload, std::string_view id) {
  std::string needle = R"({"id":)";
  append_text(needle, json::string_view(id));
  needle += ',';
  if (auto at = payload.find(needle); at != std::string_view::npos) {
    json::parser p;
    std::error_code ec;
    p.write_some(payload.data() + at, payload.size() - at, ec);
    if (!ec) {
      std::vector<issue> issues;
      auto r = read_row(p.release(), 1, issues);
      if (issues.empty() && r.record.id == id) return std::optional(std::move(r.record));
    }
  }
  auto rows = decode_import(payload);  // written another way: read it all
  if (!rows) return unexpected{rows.error()};
  for (auto& e : *rows)
    if (e.id == id) return std::optional(std::move(e));
  return std::optional<equipment>{};
}

}  // namespace gridcoord::domain
