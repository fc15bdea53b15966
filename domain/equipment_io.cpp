// Reading imports (JSON and CSV bodies) and the JSON of records, events and snapshots.
#include <algorithm>
#include <cmath>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/equipment.hpp"
#include "domain/json.hpp"
#include "domain/report_csv.hpp"
#include "domain/report_kind.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

constexpr std::size_t max_id_bytes = 64;
constexpr std::string_view field_list = "id, kind, parent, area_class, region, rating_kva";

// The fields as a report kind's schema, for the CSV header mapping (csv_to_json).
const report_kind& csv_schema() {
  static const report_kind schema{
      .id = "equipment",
      .fields = {{.name = "id", .required = true},
                 {.name = "kind", .type = field_type::choice, .required = true},
                 {.name = "parent"},
                 {.name = "area_class", .type = field_type::choice, .required = true},
                 {.name = "region", .required = true},
                 {.name = "rating_kva", .type = field_type::number, .required = true, .positive = true}}};
  return schema;
}

std::string value_text(const json::value& v) { return v.is_string() ? std::string(v.get_string()) : to_text(v); }

// A non-empty string field; nullptr (with an issue) otherwise.
const json::string* text_of(const json::value& v, std::size_t n, std::string_view field, std::vector<issue>& out) {
  if (!v.is_string()) out.push_back({n, std::string(field), value_text(v), "must be a string"});
  else if (v.get_string().empty()) out.push_back({n, std::string(field), "", "must not be empty"});
  else return &v.get_string();
  return nullptr;
}

void read_id(const json::value& v, import_row& r, std::vector<issue>& out) {
  const auto* s = text_of(v, r.number, "id", out);
  if (!s) return;
  if (s->size() > max_id_bytes)
    return out.push_back({r.number, "id", std::string(*s), fmt::format("must be at most {} bytes", max_id_bytes)});
  if (std::any_of(s->begin(), s->end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
    return out.push_back({r.number, "id", std::string(*s), "must not hold control characters"});
  r.record.id = *s;
}

void read_rating(const json::value& v, import_row& r, std::vector<issue>& out) {
  if (!v.is_number() || !std::isfinite(v.to_number<double>()))
    return out.push_back({r.number, "rating_kva", value_text(v), "must be a number"});
  double d = v.to_number<double>();
  if (d <= 0) return out.push_back({r.number, "rating_kva", value_text(v), "must be greater than 0"});
  r.record.rating_kva = d;
}

void read_field(std::string_view name, const json::value& v, import_row& r, std::vector<issue>& out) {
  auto n = r.number;
  if (name == "id") return read_id(v, r, out);
  if (name == "rating_kva") return read_rating(v, r, out);
  const auto* s = text_of(v, n, name, out);
  if (!s) return;
  if (name == "kind") {
    r.kind = parse_equipment_kind(*s);
    if (r.kind) r.record.kind = *r.kind;
    else out.push_back({n, "kind", std::string(*s),
                        "must be one of substation, main_transformer, feeder, distribution_transformer"});
  } else if (name == "area_class") {
    auto a = parse_area_class(*s);
    if (a) r.record.area = *a;
    else out.push_back({n, "area_class", std::string(*s), "must be one of urban, rural, remote"});
  } else if (name == "parent") {
    r.record.parent = *s;
  } else {
    r.record.region = *s;
  }
}

import_row read_row(const json::value& v, std::size_t n, std::vector<issue>& out) {
  import_row r;
  r.number = n;
  const auto* o = v.if_object();
  if (!o) {
    out.push_back({n, "", value_text(v), "a row must be an object of field: value"});
    return r;
  }
  std::size_t before = out.size();
  for (const auto& kv : *o)
    if (!csv_schema().field_index(kv.key()))
      out.push_back({n, std::string(kv.key()), value_text(kv.value()),
                     fmt::format("is not a field of an equipment record ({})", field_list)});
  for (const auto& f : csv_schema().fields) {
    const auto* given = o->if_contains(f.name);
    if (!given || given->is_null()) {
      if (f.required) out.push_back({n, f.name, "", "is required"});
      continue;
    }
    read_field(f.name, *given, r, out);
  }
  r.valid = out.size() == before;
  return r;
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
  auto body = csv_to_json(csv_schema(), text);
  if (!body) return unexpected{body.error()};
  json::value rows = std::move(body->as_object()["rows"]);
  return read_import_json(json::object{{"equipment", std::move(rows)}});
}

json::object record_to_json(const equipment& e) {
  json::object o{{"id", e.id}, {"kind", to_string(e.kind)}};
  if (!e.parent.empty()) o["parent"] = e.parent;
  o["area_class"] = to_string(e.area);
  o["region"] = e.region;
  o["rating_kva"] = e.rating_kva;
  return o;
}

std::string encode_import(const std::vector<equipment>& rows) {
  json::array a;
  a.reserve(rows.size());
  for (const auto& e : rows) a.push_back(record_to_json(e));
  return to_text(json::object{{"equipment", std::move(a)}});
}

expected<std::vector<equipment>> decode_import(std::string_view payload) {
  std::error_code ec;
  auto doc = json::parse(payload, ec);
  if (ec) return fail(errc::internal, "a stored equipment import is unreadable: not JSON");
  auto draft = read_import_json(doc);
  if (!draft || !draft->issues.empty())
    return fail(errc::internal, "a stored equipment import is unreadable: " +
                                    (draft ? draft->issues.front().reason : draft.error().message));
  std::vector<equipment> out;
  for (auto& r : draft->rows) out.push_back(std::move(r.record));
  return out;
}

json::value equipment_registry::to_json() const {
  json::array a;
  for (const auto& [id, e] : items_) a.push_back(record_to_json(e));
  return a;
}

expected<equipment_registry> equipment_registry::from_json(const json::value& v) {
  if (!v.is_array()) return fail(errc::internal, "the equipment snapshot is unreadable: not an array");
  if (v.get_array().empty()) return equipment_registry{};
  auto rows = decode_import(to_text(json::object{{"equipment", v}}));
  if (!rows) return unexpected{rows.error()};
  equipment_registry reg;
  reg.apply_import(*rows);
  return reg;
}

}  // namespace gridcoord::domain
