#include "config/time_limits_file.hpp"
#include "config/detail/toml_support.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace gridcoord::config {

namespace {

using detail::checker;
using domain::area_class;
using domain::sla::complaint_category;
using domain::sla::time_limit;

constexpr std::array all_areas{area_class::urban, area_class::rural, area_class::remote};
constexpr std::array all_categories{complaint_category::power_quality, complaint_category::supply_capacity,
                                    complaint_category::new_connection, complaint_category::outage};

constexpr std::string_view not_in_profile = "is not in a profile: write [profiles.NAME.revisions.\"YYYY-MM-DD\"]";

// What a limit key accepts.
enum class accepts { limit, limit_or_none, calendar };

std::string_view syntax(accepts a) {
  switch (a) {
    case accepts::limit: return R"("<n> min", "<n> h", "<n> d", "<n> working days" or "same day")";
    case accepts::limit_or_none: return R"("<n> min", "<n> h", "<n> d", "<n> working days", "same day" or "none")";
    case accepts::calendar: return R"(a calendar duration: "<n> min", "<n> h" or "<n> d")";
  }
  return {};
}

// A value as a problem quotes it: "5 mins", or what kind of value it is.
std::string quoted(const toml::node& n) {
  if (auto s = n.value_exact<std::string>()) return fmt::format("\"{}\"", *s);
  if (n.is_integer() || n.is_floating_point()) return "a number";
  if (n.is_boolean()) return "true or false";
  if (n.is_table()) return "a table";
  if (n.is_array()) return "an array";
  return "a date or time";
}

// The keys of one revision table, read into a limits value. Every problem
// goes to `c`, the first one kept.
struct revision_reader {
  checker& c;
  const toml::table& t;
  std::string prefix;  // "profiles.document.revisions.2000-01-01."

  const toml::node* need(const toml::table& in, const std::string& name, std::string_view key) {
    const auto* node = in.get(key);
    if (!node) c.fail(in, fmt::format("{}{}", name, key), "is missing");
    return node;
  }

  // The limit at `key` of `in`; nullopt when it is "none" (limit_or_none
  // only) or a problem was recorded.
  std::optional<time_limit> limit(const toml::table& in, const std::string& name, std::string_view key,
                                  accepts a = accepts::limit) {
    const auto* node = need(in, name, key);
    if (!node) return std::nullopt;
    auto text = node->value_exact<std::string>();
    if (text && *text == "none" && a == accepts::limit_or_none) return std::nullopt;
    auto parsed = text ? domain::sla::parse_time_limit(*text) : std::nullopt;
    if (parsed && (a != accepts::calendar || parsed->by == time_limit::basis::calendar)) return parsed;
    c.fail(*node, fmt::format("{}{}", name, key), fmt::format("must be {}, not {}", syntax(a), quoted(*node)));
    return std::nullopt;
  }

  std::optional<time_limit> limit(std::string_view key, accepts a = accepts::limit) { return limit(t, prefix, key, a); }

  // The table at `key` holding one limit per name in `keys` (given in `known`
  // too, for the unknown-key check).
  template <class Key, std::size_t N>
  void each(std::string_view key, std::initializer_list<std::string_view> known, const std::array<Key, N>& keys,
            std::array<time_limit, N>& out) {
    auto name = fmt::format("{}{}", prefix, key);
    const auto* table = c.table(t, key, name);
    if (!table || !c.only(*table, name + ".", known)) return;
    for (std::size_t i = 0; i < N; ++i)
      if (auto l = limit(*table, name + ".", to_string(keys[i]))) out[i] = *l;
  }

  void late_notice(domain::sla::late_notice_policy& out) {
    const auto* node = need(t, prefix, "late_notice");
    if (!node) return;
    auto text = node->value_exact<std::string>();
    auto policy = text ? domain::sla::parse_late_notice_policy(*text) : std::nullopt;
    if (policy) out = *policy;
    else
      c.fail(*node, prefix + "late_notice",
             fmt::format("must be \"refuse\" or \"record_breach\", not {}", quoted(*node)));
  }

  void warnings(std::vector<double>& out) {
    const auto* node = need(t, prefix, "warnings_pct");
    if (!node) return;
    constexpr std::string_view what =
        "must be an array of percentages, strictly increasing, each above 0 and below 100 (e.g. [50, 75])";
    const auto* array = node->as_array();
    if (!array) return c.fail(*node, prefix + "warnings_pct", what);
    out.clear();
    double previous = 0;
    for (const auto& e : *array) {
      std::optional<double> v;
      if (e.is_integer()) v = static_cast<double>(e.as_integer()->get());
      else if (e.is_floating_point()) v = e.as_floating_point()->get();
      if (!v || *v <= previous || *v >= 100) return c.fail(e, prefix + "warnings_pct", what);
      previous = *v;
      out.push_back(*v / 100);
    }
  }
};

std::optional<domain::sla::limits> read_revision(checker& c, const toml::table& t, const std::string& prefix,
                                                 domain::local_date from) {
  if (!c.only(t, prefix,
              {"preliminary_notice", "cause_found", "customer_notice", "planned_lead", "temporary_lead", "late_notice",
               "crew_arrival", "restoration", "forward", "handling", "callback", "warnings_pct"}))
    return std::nullopt;
  revision_reader r{c, t, prefix};
  domain::sla::limits out;
  out.effective_from = from;
  auto lead = [&](std::string_view key, std::chrono::minutes& to) {
    if (auto l = r.limit(key, accepts::calendar)) to = l->duration;
  };
  if (auto l = r.limit("preliminary_notice")) out.preliminary_notice = *l;
  out.cause_found = r.limit("cause_found", accepts::limit_or_none);
  if (auto l = r.limit("customer_notice")) out.customer_notice = *l;
  lead("planned_lead", out.planned_lead);
  lead("temporary_lead", out.temporary_lead);
  r.late_notice(out.late_notice);
  r.each("crew_arrival", {"urban", "rural", "remote"}, all_areas, out.crew_arrival);
  r.each("restoration", {"urban", "rural", "remote"}, all_areas, out.restoration);
  if (auto l = r.limit("forward")) out.forward = *l;
  r.each("handling", {"power_quality", "supply_capacity", "new_connection", "outage"}, all_categories, out.handling);
  if (auto l = r.limit("callback")) out.callback = *l;
  r.warnings(out.warning_fractions);
  if (!c.ok()) return std::nullopt;
  return out;
}

void read_revisions(checker& c, const toml::table& t, const std::string& name, domain::sla::profile& out) {
  if (t.empty()) return c.fail(t, name, "holds no revision: add [" + name + ".\"YYYY-MM-DD\"]");
  for (const auto& [key, node] : t) {
    auto revision = fmt::format("{}.{}", name, key.str());
    auto day = domain::parse_local_date(key.str());
    if (!day) return c.fail(node, revision, "is not a date (YYYY-MM-DD)");
    const auto* table = node.as_table();
    if (!table) return c.fail(node, revision, "must be a table");
    auto limits = read_revision(c, *table, revision + ".", *day);
    if (!limits) return;
    out.revisions.push_back(std::move(*limits));
  }
  std::sort(out.revisions.begin(), out.revisions.end(),
            [](const auto& a, const auto& b) { return a.effective_from < b.effective_from; });
}

std::optional<domain::sla::profile> read_profile(checker& c, const toml::table& t, std::string_view name) {
  auto prefix = fmt::format("profiles.{}.", name);
  if (!c.only(t, prefix, {"description", "revisions"})) return std::nullopt;
  domain::sla::profile out{std::string(name), {}, {}};
  if (const auto* node = t.get("description"); !node)
    c.fail(t, prefix + "description", "is missing");
  else if (auto text = node->value_exact<std::string>())
    out.description = *text;
  else
    c.fail(*node, prefix + "description", "must be a string");
  if (const auto* revisions = c.table(t, "revisions", prefix + "revisions"))
    read_revisions(c, *revisions, prefix + "revisions", out);
  if (!c.ok()) return std::nullopt;
  return out;
}

std::vector<domain::sla::profile> read_profiles(checker& c, const toml::table& t, const std::string& active) {
  std::vector<domain::sla::profile> out;
  if (t.empty()) c.fail(t, "profiles", "holds no profile: add [profiles.NAME]");
  if (const auto* node = t.get("revisions")) c.fail(*node, "profiles.revisions", not_in_profile);
  if (!c.ok()) return out;
  for (const auto& [name, node] : t) {
    auto key = fmt::format("profiles.{}", name.str());
    const auto* table = node.as_table();
    if (!table) c.fail(node, key, "must be a table");
    if (!c.ok()) return out;
    auto profile = read_profile(c, *table, name.str());
    if (!profile) return out;
    out.push_back(std::move(*profile));
  }
  auto found = std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.name == active; });
  if (!found && c.ok()) {
    std::string names;
    for (const auto& p : out) names += (names.empty() ? "" : ", ") + p.name;
    c.fail(t, "profiles", fmt::format("has no profile \"{}\" ([time_limits] profile in gridcoord.toml); it has {}",
                                      active, names));
  }
  return out;
}

}  // namespace

gridcoord::expected<domain::sla::catalogue, load_error> parse_time_limits_file(std::string_view text,
                                                                               const std::string& origin,
                                                                               const std::string& active_profile) {
  auto parsed = detail::parse_toml(text, origin);
  if (!parsed) return unexpected{parsed.error()};
  const toml::table& root = *parsed;
  checker c{origin, {}};
  std::vector<domain::sla::profile> profiles;
  if (const auto* node = root.get("revisions")) c.fail(*node, "revisions", not_in_profile);
  if (c.ok() && c.only(root, "", {"profiles"}))
    if (const auto* t = c.table(root, "profiles", "profiles")) profiles = read_profiles(c, *t, active_profile);
  if (!c.ok()) return unexpected{load_error{c.problem}};
  return domain::sla::catalogue{std::move(profiles), active_profile};
}

gridcoord::expected<domain::sla::catalogue, load_error> load_time_limits_file(const std::string& path,
                                                                              const std::string& active_profile,
                                                                              std::vector<std::string>* notes) {
  auto text = detail::read_config_text(path, notes);
  if (!text) return unexpected{text.error()};
  return parse_time_limits_file(*text, path, active_profile);
}

}  // namespace gridcoord::config
