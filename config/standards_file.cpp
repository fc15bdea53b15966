#include "config/standards_file.hpp"
#include "config/detail/toml_support.hpp"

#include <array>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace gridcoord::config {

namespace {

using detail::checker;
using domain::equipment_kind;
using domain::capacity::load_standard;

constexpr std::array all_kinds{equipment_kind::substation, equipment_kind::main_transformer, equipment_kind::feeder,
                               equipment_kind::distribution_transformer};

// The number at `key` of `t` (an integer or a float), checked by `in_range`,
// whose range `range` describes; nullopt (and a problem) otherwise.
template <class InRange>
std::optional<double> number(checker& c, const toml::table& t, std::string_view prefix, std::string_view key,
                             std::string_view range, InRange in_range) {
  auto name = fmt::format("{}{}", prefix, key);
  const auto* node = t.get(key);
  if (!node) { c.fail(t, name, "is missing"); return std::nullopt; }
  std::optional<double> v;
  if (node->is_integer()) v = static_cast<double>(node->as_integer()->get());
  else if (node->is_floating_point()) v = node->as_floating_point()->get();
  if (!v || !in_range(*v)) {
    c.fail(*node, name, fmt::format("must be a number {}", range));
    return std::nullopt;
  }
  return v;
}

void read_capacity(checker& c, const toml::table& t, domain::capacity::settings& s) {
  const std::string_view p = "capacity.";
  if (!c.only(t, p, {"horizon_months", "minimum_available_kva", "minimum_likelihood_pct", "power_factor"})) return;
  if (const auto* node = t.get("horizon_months"); !node) {
    c.fail(t, "capacity.horizon_months", "is missing");
  } else if (auto v = node->value_exact<std::int64_t>(); !v || *v < 1 || *v > 120) {
    c.fail(*node, "capacity.horizon_months", "must be a whole number 1..120");
  } else {
    s.horizon_months = static_cast<int>(*v);
  }
  auto kva = number(c, t, p, "minimum_available_kva", "0 or more", [](double v) { return v >= 0; });
  auto pct = number(c, t, p, "minimum_likelihood_pct", "0..100", [](double v) { return v >= 0 && v <= 100; });
  auto pf = number(c, t, p, "power_factor", "above 0, at most 1", [](double v) { return v > 0 && v <= 1; });
  if (!c.ok()) return;
  s.minimum_available_kva = *kva;
  s.minimum_likelihood_pct = *pct;
  s.power_factor = *pf;
}

std::optional<load_standard> read_standard(checker& c, const toml::table& t, equipment_kind kind) {
  auto prefix = fmt::format("load_standards.{}.", domain::to_string(kind));
  if (!c.only(t, prefix, {"heavy_load_pct", "overload_pct", "duration_h", "planning_limit_pct", "demand_factor"}))
    return std::nullopt;
  auto positive = [](double v) { return v > 0; };
  auto heavy = number(c, t, prefix, "heavy_load_pct", "above 0", positive);
  if (!heavy) return std::nullopt;
  auto over = number(c, t, prefix, "overload_pct", fmt::format("above heavy_load_pct ({})", *heavy),
                     [&](double v) { return v > *heavy; });
  if (!over) return std::nullopt;
  auto hours = number(c, t, prefix, "duration_h", "above 0, at most 744",
                      [](double v) { return v > 0 && v <= 744; });
  auto limit = number(c, t, prefix, "planning_limit_pct", fmt::format("above 0, at most overload_pct ({})", *over),
                      [&](double v) { return v > 0 && v <= *over; });
  auto factor = number(c, t, prefix, "demand_factor", "above 0, at most 1",
                       [](double v) { return v > 0 && v <= 1; });
  if (!c.ok()) return std::nullopt;
  load_standard out;
  out.kind = kind;
  out.effective_from = domain::month{std::chrono::year{2000}, std::chrono::January};
  out.heavy_load_pct = *heavy;
  out.overload_pct = *over;
  out.duration_h = *hours;
  out.planning_limit_pct = *limit;
  out.demand_factor = *factor;
  return out;
}

void read_standards(checker& c, const toml::table& t, domain::capacity::settings& s) {
  for (const auto& [id, node] : t)
    if (!domain::parse_equipment_kind(id.str()))
      return c.fail(node, fmt::format("load_standards.{}", id.str()),
                    "is not an equipment kind (substation, main_transformer, feeder, distribution_transformer)");
  for (auto kind : all_kinds) {
    auto name = fmt::format("load_standards.{}", domain::to_string(kind));
    const auto* table = c.table(t, domain::to_string(kind), name);
    if (!table) return;
    auto standard = read_standard(c, *table, kind);
    if (!standard) return;
    s.defaults.push_back(*standard);
  }
}

}  // namespace

gridcoord::expected<domain::capacity::settings, load_error> parse_standards_file(std::string_view text,
                                                                                 const std::string& origin) {
  auto parsed = detail::parse_toml(text, origin);
  if (!parsed) return unexpected{parsed.error()};
  const toml::table& root = *parsed;
  checker c{origin, {}};
  domain::capacity::settings s;
  if (c.only(root, "", {"capacity", "load_standards"})) {
    if (const auto* t = c.table(root, "capacity", "capacity")) read_capacity(c, *t, s);
    if (c.ok())
      if (const auto* t = c.table(root, "load_standards", "load_standards")) read_standards(c, *t, s);
  }
  if (!c.ok()) return unexpected{load_error{c.problem}};
  return s;
}

gridcoord::expected<domain::capacity::settings, load_error> load_standards_file(const std::string& path,
                                                                                std::vector<std::string>* notes) {
  auto text = detail::read_config_text(path, notes);
  if (!text) return unexpected{text.error()};
  return parse_standards_file(*text, path);
}

}  // namespace gridcoord::config
