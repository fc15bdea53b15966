#include "domain/report_kind.hpp"

namespace gridcoord::domain {

std::string_view to_string(field_type t) noexcept {
  switch (t) {
    case field_type::text: return "text";
    case field_type::number: return "number";
    case field_type::integer: return "integer";
    case field_type::choice: return "choice";
    case field_type::year_month: return "year_month";
  }
  return "text";
}

std::string_view to_string(reference r) noexcept {
  switch (r) {
    case reference::none: return "none";
    case reference::equipment: return "equipment";
    case reference::feeder: return "feeder";
  }
  return "none";
}

const cell& row_view::at(std::string_view field) const { return cells[*kind.field_index(field)]; }

bool row_view::given(std::string_view field) const {
  auto i = *kind.field_index(field);
  return cells[i].k != cell::kind::empty || rejected[i];
}

std::optional<std::size_t> report_kind::field_index(std::string_view name) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == name) return i;
  return std::nullopt;
}

const report_kind* find_report_kind(std::string_view id) {
  for (const auto& k : report_catalogue())
    if (k.id == id) return &k;
  return nullptr;
}

}  // namespace gridcoord::domain
