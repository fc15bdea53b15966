#include "domain/report_csv.hpp"

#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "domain/csv.hpp"
#include "domain/report.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

// A heading as headings are compared: half-width, without spaces or tabs, in
// ASCII lower case.
std::string heading_key(std::string_view heading) {
  std::string out;
  for (char c : to_half_width(heading)) {
    if (c == ' ' || c == '\t') continue;
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// A label's key without its unit: "需求负荷(kw)" -> "需求负荷"; "" when it has none.
std::string_view without_unit(std::string_view key) {
  auto open = key.find('(');
  if (!key.ends_with(')') || open == std::string_view::npos || open == 0) return {};
  return key.substr(0, open);
}

// "客户(customer)" -> "customer": the name in a heading's last parentheses.
std::string_view name_in_parentheses(std::string_view key) {
  auto open = key.rfind('(');
  if (!key.ends_with(')') || open == std::string_view::npos) return {};
  return key.substr(open + 1, key.size() - open - 2);
}

// The reason of a not_a_month issue about a CSV cell holding `value`: why a
// date on another day than the 1st is refused, or the forms a month may take.
std::string month_cell_reason(std::string_view value) {
  if (csv_month_is_dated(value))
    return "is a date, not a month: the day must be the 1st (2027/3/1) or be left out (2027/3)";
  return "must be a month: 2027-03, 2027/3, 2027/3/1 or 2027年3月";
}

std::string known_fields(const report_kind& kind) {
  std::vector<std::string> names;
  for (const auto& f : kind.fields)
    names.push_back(f.label.empty() ? f.name : fmt::format("{} ({})", f.name, f.label));
  return fmt::format("{}", fmt::join(names, ", "));
}

std::string unknown_column_reason(const report_kind& kind, const csv_record& header, std::size_t column,
                                  std::string_view name) {
  auto reason = fmt::format("is not a field of {} (line {}, column {}); the fields are: {}", kind.id,
                            header.line, column, known_fields(kind));
  if (name.find_first_of(";\t") != std::string_view::npos)
    reason += "; separate the columns with commas, not semicolons or tabs";
  return reason;
}

// One issue about column `c` (from 1) of the header, or none when it names a
// field not named before (then column_of records it).
std::optional<issue> check_column(const report_kind& kind, const csv_record& header, std::size_t c,
                                  std::optional<std::size_t> index, std::vector<std::size_t>& column_of) {
  std::string_view name = trim_cell(header.fields[c - 1]);
  if (name.empty())
    return issue{rule::unnamed_column, std::nullopt, "", "",
                 fmt::format("column {} of the header (line {}) has no name; the fields are: {}", c, header.line,
                             known_fields(kind)),
                 header.line};
  if (!index)
    return issue{rule::unknown_field, std::nullopt, std::string(name), "",
                 unknown_column_reason(kind, header, c, name), header.line};
  if (column_of[*index])
    return issue{rule::duplicate_column, std::nullopt, kind.fields[*index].name, std::string(name),
                 fmt::format("appears twice in the header (line {}, columns {} and {})", header.line,
                             column_of[*index], c),
                 header.line};
  column_of[*index] = c;
  return std::nullopt;
}

// A number cell as its JSON value: a number when it reads as one (a
// percentage too, where the field takes one), else the text as written.
json::value number_value(const field_spec& f, const std::string& text) {
  if (auto d = parse_csv_number(text)) return *d;
  if (f.percent != percent_sign::refused)
    if (auto p = parse_csv_percent(text, f.percent == percent_sign::fraction)) return *p;
  return json::string(text);
}

// A present cell as the JSON value parse_rows checks; null when absent.
json::value cell_value(const field_spec& f, const std::string& text) {
  switch (f.type) {
    case field_type::number:
    case field_type::integer:
      if (trim_cell(to_half_width(text)).empty()) return nullptr;
      return number_value(f, text);
    case field_type::year_month:
      if (trim_cell(to_half_width(text)).empty()) return nullptr;
      if (auto m = parse_csv_month(text)) return json::string(to_string(*m));
      return json::string(trim_cell(text));
    default:
      if (text.empty()) return nullptr;
      return json::string(text);
  }
}

json::object row_object(const report_kind& kind, const std::vector<std::size_t>& columns, const csv_record& record) {
  json::object o;
  for (std::size_t c = 0; c < record.fields.size(); ++c) {
    const auto& spec = kind.fields[columns[c]];
    json::value v = cell_value(spec, record.fields[c]);
    if (!v.is_null()) o[spec.name] = std::move(v);
  }
  return o;
}

}  // namespace

std::optional<std::size_t> field_for_heading(const report_kind& kind, std::string_view heading) {
  auto key = heading_key(heading);
  if (key.empty()) return std::nullopt;
  for (std::size_t f = 0; f < kind.fields.size(); ++f)
    if (key == heading_key(kind.fields[f].name)) return f;
  for (std::size_t f = 0; f < kind.fields.size(); ++f) {
    if (kind.fields[f].label.empty()) continue;
    auto label = heading_key(kind.fields[f].label);
    if (key == label || key == without_unit(label)) return f;
  }
  if (auto name = name_in_parentheses(key); !name.empty())
    for (std::size_t f = 0; f < kind.fields.size(); ++f)
      if (name == kind.fields[f].name) return f;
  return std::nullopt;
}

expected<std::vector<std::size_t>> map_csv_header(const report_kind& kind, const csv_record& header) {
  std::vector<std::size_t> out;
  std::vector<std::size_t> column_of(kind.fields.size(), 0);  // 1-based column, 0: none yet
  std::vector<issue> issues;
  for (std::size_t c = 1; c <= header.fields.size(); ++c) {
    auto index = field_for_heading(kind, header.fields[c - 1]);
    if (auto bad = check_column(kind, header, c, index, column_of)) issues.push_back(std::move(*bad));
    out.push_back(index.value_or(0));
  }
  if (issues.empty()) return out;
  auto message = fmt::format("{} problem(s) in the header of the {} file; nothing was stored", issues.size(),
                             kind.id);
  return fail(errc::validation_failed, std::move(message), std::move(issues));
}

expected<csv_rows> csv_to_json(const report_kind& kind, std::string_view text) {
  auto file = read_csv(text);
  if (!file) return unexpected{file.error()};
  auto columns = map_csv_header(kind, file->header);
  if (!columns) return unexpected{columns.error()};
  csv_rows out;
  json::array rows;
  rows.reserve(file->rows.size());
  out.lines.reserve(file->rows.size());
  for (const auto& record : file->rows) {
    rows.push_back(row_object(kind, *columns, record));
    out.lines.push_back(record.line);
  }
  out.body = json::object{{"rows", std::move(rows)}};
  return out;
}

void place_csv_issues(const csv_rows& file, error& e) {
  for (auto& i : e.details) {
    if (i.row && *i.row >= 1 && *i.row <= file.lines.size() && !i.line) i.line = file.lines[*i.row - 1];
    if (i.rule == rule::not_a_month) i.reason = month_cell_reason(i.value);
  }
}

expected<std::vector<row>> parse_csv_rows(const report_kind& kind, month period, std::string_view text) {
  auto file = csv_to_json(kind, text);
  if (!file) return unexpected{file.error()};
  auto rows = parse_rows(kind, period, file->body);
  if (rows) return rows;
  auto e = rows.error();
  place_csv_issues(*file, e);
  return unexpected{std::move(e)};
}

}  // namespace gridcoord::domain
