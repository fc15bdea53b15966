#include "domain/report_csv.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "domain/csv.hpp"
#include "domain/report.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// Appends the digits at s[i...] to `out`; false when there is none.
bool read_digits(std::string_view s, std::size_t& i, std::string& out) {
  std::size_t start = i;
  while (i < s.size() && is_digit(s[i])) out += s[i++];
  return i > start;
}

// "1250" or "1,250" (groups of exactly three after the first); commas dropped.
bool read_integer_part(std::string_view s, std::size_t& i, std::string& out) {
  std::size_t start = out.size();
  if (!read_digits(s, i, out)) return false;
  if (i >= s.size() || s[i] != ',') return true;
  if (out.size() - start > 3) return false;
  while (i < s.size() && s[i] == ',') {
    ++i;
    std::size_t group = out.size();
    if (!read_digits(s, i, out) || out.size() - group != 3) return false;
  }
  return true;
}

std::string known_fields(const report_kind& kind) {
  std::vector<std::string_view> names;
  for (const auto& f : kind.fields) names.push_back(f.name);
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

}  // namespace

expected<std::vector<std::size_t>> map_csv_header(const report_kind& kind, const csv_record& header) {
  std::vector<std::size_t> out;
  std::vector<std::size_t> column_of(kind.fields.size(), 0);  // 1-based column, 0: none yet
  std::vector<issue> issues;
  for (std::size_t c = 1; c <= header.fields.size(); ++c) {
    std::string_view name = trim(header.fields[c - 1]);
    std::optional<std::size_t> index;
    for (std::size_t f = 0; f < kind.fields.size() && !index; ++f)
      if (iequals(name, kind.fields[f].name)) index = f;
    if (name.empty())
      issues.push_back({rule::unnamed_column, std::nullopt, "", "",
                        fmt::format("column {} of the header (line {}) has no name; the fields are: {}", c,
                                    header.line, known_fields(kind))});
    else if (!index)
      issues.push_back({rule::unknown_field, std::nullopt, std::string(name), "",
                        unknown_column_reason(kind, header, c, name)});
    else if (column_of[*index])
      issues.push_back({rule::duplicate_column, std::nullopt, kind.fields[*index].name, "",
                        fmt::format("appears twice in the header (line {}, columns {} and {})", header.line,
                                    column_of[*index], c)});
    else
      column_of[*index] = c;
    out.push_back(index.value_or(0));
  }
  if (issues.empty()) return out;
  auto message = fmt::format("{} problem(s) in the header of the {} file; nothing was stored", issues.size(),
                             kind.id);
  return fail(errc::validation_failed, std::move(message), std::move(issues));
}

namespace {

// A present cell as the JSON value parse_rows checks; null when absent.
// Numbers become JSON numbers when they read as one, months are trimmed, and
// everything else (text, choices) is kept as written.
json::value cell_value(const field_spec& f, const std::string& text) {
  switch (f.type) {
    case field_type::number:
    case field_type::integer:
      if (trim(text).empty()) return nullptr;
      if (auto d = parse_csv_number(text)) return *d;
      return json::string(text);
    case field_type::year_month:
      if (trim(text).empty()) return nullptr;
      return json::string(trim(text));
    default:
      if (text.empty()) return nullptr;
      return json::string(text);
  }
}

}  // namespace

std::optional<double> parse_csv_number(std::string_view s) {
  s = trim(s);
  std::string plain;  // s without its sign's '+' and its thousands separators
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') plain += '-';
    ++i;
  }
  if (!read_integer_part(s, i, plain)) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    plain += '.';
    if (!read_digits(s, ++i, plain)) return std::nullopt;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    plain += 'e';
    if (++i < s.size() && (s[i] == '+' || s[i] == '-')) plain += s[i++];
    if (!read_digits(s, i, plain)) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  double d = 0;
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), d);
  if (ec != std::errc{} || end != plain.data() + plain.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

expected<json::value> csv_to_json(const report_kind& kind, std::string_view text) {
  auto file = read_csv(text);
  if (!file) return unexpected{file.error()};
  auto columns = map_csv_header(kind, file->header);
  if (!columns) return unexpected{columns.error()};
  json::array rows;
  rows.reserve(file->rows.size());
  for (const auto& record : file->rows) {
    json::object o;
    for (std::size_t c = 0; c < record.fields.size(); ++c) {
      const auto& spec = kind.fields[(*columns)[c]];
      json::value v = cell_value(spec, record.fields[c]);
      if (!v.is_null()) o[spec.name] = std::move(v);
    }
    rows.push_back(std::move(o));
  }
  return json::value(json::object{{"rows", std::move(rows)}});
}

expected<std::vector<row>> parse_csv_rows(const report_kind& kind, month period, std::string_view text) {
  auto body = csv_to_json(kind, text);
  if (!body) return unexpected{body.error()};
  return parse_rows(kind, period, *body);
}

}  // namespace gridcoord::domain
