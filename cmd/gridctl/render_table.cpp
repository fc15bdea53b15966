#include "cmd/gridctl/render_table.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "cmd/gridctl/render_json.hpp"
#include "cmd/gridctl/text_width.hpp"
#include "domain/json.hpp"

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

constexpr std::string_view gap = "  ";

bool is_scalar(const json::value& v) { return !v.is_array() && !v.is_object(); }

bool is_table(const json::value& v) {
  if (!v.is_array()) return false;
  const auto& a = v.get_array();
  return std::all_of(a.begin(), a.end(), [](const json::value& e) { return e.is_object(); });
}

std::string scalar_text(const json::value& v) {
  if (v.is_null()) return "-";
  if (!v.is_string()) return domain::to_text(v);
  std::string s(v.get_string());
  std::replace_if(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }, ' ');
  return s;
}

std::string flat_object_text(const json::object& o) {
  std::string out;
  for (const auto& kv : o) out += fmt::format("{}{}={}", out.empty() ? "" : " ", std::string_view(kv.key()), scalar_text(kv.value()));
  return out;
}

std::string flat_array_text(const json::array& a) {
  std::string out;
  for (const auto& e : a) out += (out.empty() ? "" : ", ") + scalar_text(e);
  return out;
}

struct column {
  std::string name;
  std::size_t width = 0;
  bool has_number = false;
  bool has_other = false;
  bool numeric() const { return has_number && !has_other; }  // right-aligned
};

std::vector<column> columns_of(const json::array& rows) {
  std::vector<column> cols;
  for (const auto& row : rows)
    for (const auto& kv : row.get_object())
      if (std::none_of(cols.begin(), cols.end(), [&](const column& c) { return c.name == kv.key(); }))
        cols.push_back({std::string(kv.key()), display_width(kv.key())});
  return cols;
}

std::string render_line(const std::vector<column>& cols, const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    bool last = i + 1 == cols.size();
    if (i > 0) line += gap;
    if (cols[i].numeric()) {
      line += pad_left(cells[i], cols[i].width);
    } else {
      line += last ? cells[i] : pad_right(cells[i], cols[i].width);
    }
  }
  line.erase(line.find_last_not_of(' ') + 1);  // no trailing blanks from empty cells
  return line + "\n";
}

std::string render_fields(const json::object& o) {
  std::size_t width = 0;
  for (const auto& kv : o)
    if (!is_table(kv.value())) width = std::max(width, display_width(kv.key()));
  std::string out;
  for (const auto& kv : o)
    if (!is_table(kv.value())) out += pad_right(kv.key(), width) + std::string(gap) + cell_text(kv.value()) + "\n";
  return out;
}

}  // namespace

std::string cell_text(const json::value& v) {
  if (is_scalar(v)) return scalar_text(v);
  if (v.is_object() && std::all_of(v.get_object().begin(), v.get_object().end(),
                                   [](const auto& kv) { return is_scalar(kv.value()); }))
    return flat_object_text(v.get_object());
  if (v.is_array() && std::all_of(v.get_array().begin(), v.get_array().end(), is_scalar))
    return flat_array_text(v.get_array());
  return one_line(v);
}

std::string render_table(const json::array& rows) {
  if (rows.empty()) return "(none)\n";
  auto cols = columns_of(rows);
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : rows) {
    const auto& o = row.get_object();
    auto& line = cells.emplace_back();
    for (auto& c : cols) {
      const auto* v = o.if_contains(c.name);
      line.push_back(v ? truncate_to_width(cell_text(*v), max_cell_columns) : "");
      if (v && v->is_number()) c.has_number = true;
      if (v && !v->is_null() && !v->is_number()) c.has_other = true;
      c.width = std::max(c.width, display_width(line.back()));
    }
  }
  std::vector<std::string> header;
  for (const auto& c : cols) header.push_back(c.name);
  std::string out = render_line(cols, header);
  for (const auto& line : cells) out += render_line(cols, line);
  return out;
}

std::string render_for_people(const json::value& answer) {
  if (is_table(answer)) return render_table(answer.get_array());
  if (!answer.is_object()) return pretty(answer) + "\n";
  const auto& o = answer.get_object();
  if (o.size() == 1 && is_table(o.begin()->value())) return render_table(o.begin()->value().get_array());
  std::string out = render_fields(o);
  for (const auto& kv : o) {
    if (!is_table(kv.value())) continue;
    const auto& rows = kv.value().get_array();
    out += fmt::format("\n{} ({})\n", std::string_view(kv.key()), rows.size()) + render_table(rows);
  }
  return out;
}

}  // namespace gridcoord::gridctl
