#include "config/calendar_files.hpp"
#include "config/detail/toml_support.hpp"


#include <fmt/format.h>

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <toml++/toml.h>

namespace gridcoord::config {

namespace {

using detail::checker;
using detail::parse_toml;
using detail::read_text;
using domain::local_date;

std::optional<local_date> as_date(const toml::node& node) {
  auto d = node.value<toml::date>();
  if (!d) return std::nullopt;
  local_date out{std::chrono::year{d->year}, std::chrono::month{d->month}, std::chrono::day{d->day}};
  return out.ok() ? std::optional{out} : std::nullopt;
}

void read_years(checker& c, const toml::table& root, domain::calendar_days& days) {
  const auto* node = root.get("years");
  if (!node) return c.fail(root, "years", "is missing (a list of years, or \"all\")");
  if (node->value<std::string>() == "all") { days.all_years = true; return; }
  const auto* list = node->as_array();
  if (!list) return c.fail(*node, "years", "must be a list of years or \"all\"");
  for (const auto& y : *list) {
    auto v = y.value<std::int64_t>();
    if (!v || *v < 1900 || *v > 9999) return c.fail(y, "years", "must hold years 1900..9999");
    days.years.insert(std::chrono::year{static_cast<int>(*v)});
  }
}

// A date of holiday[i].key, checked to be in a covered year.
std::optional<local_date> covered_date(checker& c, const toml::node& node, const std::string& key,
                                       const domain::calendar_days& days) {
  auto d = as_date(node);
  if (!d) { c.fail(node, key, "must be a date (2026-10-01)"); return std::nullopt; }
  if (!days.all_years && !days.years.contains(d->year())) {
    c.fail(node, key, fmt::format("{} is outside the years the file covers", domain::to_string(*d)));
    return std::nullopt;
  }
  return d;
}

void read_make_up(checker& c, const toml::node& node, const std::string& key, domain::calendar_days& days) {
  const auto* list = node.as_array();
  if (!list) return c.fail(node, key, "must be a list of dates");
  for (const auto& item : *list) {
    auto d = covered_date(c, item, key, days);
    if (!d) return;
    auto wd = std::chrono::weekday{std::chrono::sys_days{*d}};
    if (wd != std::chrono::Saturday && wd != std::chrono::Sunday)
      return c.fail(item, key, fmt::format("{} is not a Saturday or Sunday", domain::to_string(*d)));
    days.make_up_days.insert(*d);
  }
}

void read_holiday(checker& c, const toml::table& h, std::size_t i, domain::calendar_days& days) {
  auto prefix = fmt::format("holiday[{}].", i + 1);
  if (!c.only(h, prefix, {"name", "from", "to", "make_up"})) return;
  const auto* from_node = h.get("from");
  const auto* to_node = h.get("to");
  if (!from_node || !to_node) return c.fail(h, prefix + "from/to", "are both required");
  auto from = covered_date(c, *from_node, prefix + "from", days);
  auto to = covered_date(c, *to_node, prefix + "to", days);
  if (!from || !to) return;
  if (*to < *from) return c.fail(*to_node, prefix + "to", "is before from");
  for (std::chrono::sys_days d{*from}; d <= std::chrono::sys_days{*to}; d += std::chrono::days{1})
    days.holidays.insert(local_date{d});
  if (const auto* make_up = h.get("make_up")) read_make_up(c, *make_up, prefix + "make_up", days);
}

void read_holidays(checker& c, const toml::table& root, domain::calendar_days& days) {
  const auto* node = root.get("holiday");
  if (!node) return;
  const auto* list = node->as_array();
  if (!list) return c.fail(*node, "holiday", "must be [[holiday]] tables");
  for (std::size_t i = 0; i < list->size() && c.ok(); ++i) {
    const auto* h = (*list)[i].as_table();
    if (!h) return c.fail((*list)[i], "holiday", "must be [[holiday]] tables");
    read_holiday(c, *h, i, days);
  }
  for (const auto& d : days.make_up_days)
    if (days.holidays.contains(d))
      return c.fail(*node, "holiday", fmt::format("{} is both a day off and a make-up day", domain::to_string(d)));
}

// An integer in lo..hi at `key`, or nullopt (and a problem).
std::optional<unsigned> bounded(checker& c, const toml::node& node, const std::string& key, unsigned lo,
                                unsigned hi) {
  auto v = node.value<std::int64_t>();
  if (!v || *v < std::int64_t{lo} || *v > std::int64_t{hi}) {
    c.fail(node, key, fmt::format("must be a whole number {}..{}", lo, hi));
    return std::nullopt;
  }
  return static_cast<unsigned>(*v);
}

// A rule table over `base` (the default rule, for a kind's table).
domain::due_rule read_rule(checker& c, const toml::table& t, const std::string& prefix, domain::due_rule base) {
  if (!c.only(t, prefix, {"due_working_day", "due_day_of_month", "reminders_working_days_before"})) return base;
  const auto* working = t.get("due_working_day");
  const auto* fixed = t.get("due_day_of_month");
  if ((working == nullptr) == (fixed == nullptr)) {
    c.fail(t, prefix + "due_working_day", "or due_day_of_month: give exactly one");
    return base;
  }
  if (working) {
    base.by = domain::due_rule::basis::working_day;
    base.n = bounded(c, *working, prefix + "due_working_day", 1, 60).value_or(base.n);
  } else {
    base.by = domain::due_rule::basis::day_of_month;
    base.n = bounded(c, *fixed, prefix + "due_day_of_month", 1, 28).value_or(base.n);
  }
  if (const auto* node = t.get("reminders_working_days_before")) {
    auto key = prefix + "reminders_working_days_before";
    const auto* list = node->as_array();
    if (!list) { c.fail(*node, key, "must be a list of working days"); return base; }
    base.reminders_working_days_before.clear();
    for (const auto& item : *list)
      if (auto v = bounded(c, item, key, 0, 60)) base.reminders_working_days_before.push_back(*v);
  }
  return base;
}

bool valid_kind_id(std::string_view id) {
  if (id.empty()) return false;
  for (char ch : id)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
  return true;
}

void read_kinds(checker& c, const toml::node& node, domain::reporting_rules& rules) {
  const auto* kinds = node.as_table();
  if (!kinds) return c.fail(node, "kinds", "must be a table of [kinds.<kind id>] tables");
  for (const auto& [id, rule] : *kinds) {
    auto prefix = fmt::format("kinds.{}.", id.str());
    const auto* t = rule.as_table();
    if (!t || !valid_kind_id(id.str()))
      return c.fail(rule, prefix.substr(0, prefix.size() - 1), "must be a [kinds.<snake_case kind id>] table");
    rules.per_kind[std::string(id.str())] = read_rule(c, *t, prefix, rules.default_rule);
  }
}

void read_reminder_time(checker& c, const toml::node& node, domain::reporting_rules& rules) {
  auto text = node.value<std::string>().value_or("");
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -1; };
  bool shaped = text.size() == 5 && text[2] == ':' && digit(0) >= 0 && digit(1) >= 0 && digit(3) >= 0 &&
                digit(4) >= 0;
  int h = shaped ? digit(0) * 10 + digit(1) : 99;
  int m = shaped ? digit(3) * 10 + digit(4) : 99;
  if (h < 24 && m < 60) rules.reminder_time = std::chrono::minutes{h * 60 + m};
  else c.fail(node, "reminder_time", "must be a local time \"HH:MM\"");
}

}  // namespace

gridcoord::expected<domain::working_calendar, load_error> parse_calendar_file(std::string_view text,
                                                                              const std::string& origin,
                                                                              std::string_view zone) {
  auto root = parse_toml(text, origin);
  if (!root) return unexpected{root.error()};
  checker c{origin, {}};
  domain::calendar_days days;
  days.name = origin;
  if (c.only(*root, "", {"name", "years", "holiday"})) {
    if (const auto* name = root->get("name")) {
      if (auto v = name->value<std::string>()) days.name = *v;
      else c.fail(*name, "name", "must be a string");
    }
    read_years(c, *root, days);
    if (c.ok()) read_holidays(c, *root, days);
  }
  if (!c.ok()) return unexpected{load_error{c.problem}};
  auto cal = domain::working_calendar::make(zone, std::move(days));
  if (!cal) return unexpected{load_error{fmt::format("time.zone: {} (loading {})", cal.error().message, origin)}};
  return std::move(*cal);
}

gridcoord::expected<domain::working_calendar, load_error> load_calendar_file(const std::string& path,
                                                                             std::string_view zone) {
  auto text = read_text(path);
  if (!text) return unexpected{load_error{fmt::format("{}: cannot be read", path)}};
  return parse_calendar_file(*text, path, zone);
}

gridcoord::expected<domain::reporting_rules, load_error> parse_reporting_file(std::string_view text,
                                                                              const std::string& origin) {
  auto root = parse_toml(text, origin);
  if (!root) return unexpected{root.error()};
  checker c{origin, {}};
  domain::reporting_rules rules;
  if (c.only(*root, "", {"reminder_time", "default", "kinds"})) {
    if (const auto* t = root->get("reminder_time")) read_reminder_time(c, *t, rules);
    if (const auto* d = root->get("default")) {
      if (const auto* t = d->as_table()) rules.default_rule = read_rule(c, *t, "default.", rules.default_rule);
      else c.fail(*d, "default", "must be a table");
    }
    if (const auto* k = root->get("kinds"); k && c.ok()) read_kinds(c, *k, rules);
  }
  if (!c.ok()) return unexpected{load_error{c.problem}};
  return rules;
}

gridcoord::expected<domain::reporting_rules, load_error> load_reporting_file(const std::string& path) {
  auto text = read_text(path);
  if (!text) return unexpected{load_error{fmt::format("{}: cannot be read", path)}};
  return parse_reporting_file(*text, path);
}

namespace {

// The file's text, or the copy built in (detail::read_config_text).
gridcoord::expected<std::string, load_error> settings_file(const std::string& path, std::vector<std::string>& notes) {
  return detail::read_config_text(path, &notes);
}

}  // namespace

gridcoord::expected<loaded_reporting_calendar, load_error> load_reporting_calendar(const settings& s) {
  std::vector<std::string> notes;
  auto cal_text = settings_file(s.calendar.file, notes);
  if (!cal_text) return unexpected{cal_text.error()};
  auto cal = parse_calendar_file(*cal_text, s.calendar.file, s.time.zone);
  if (!cal) return unexpected{cal.error()};
  auto rules_text = settings_file(s.calendar.reporting_file, notes);
  if (!rules_text) return unexpected{rules_text.error()};
  auto rules = parse_reporting_file(*rules_text, s.calendar.reporting_file);
  if (!rules) return unexpected{rules.error()};
  const auto& days = cal->days();
  if (!days.all_years) {
    std::string years;
    for (auto y : days.years) years += fmt::format("{}{}", years.empty() ? "" : ", ", static_cast<int>(y));
    notes.push_back(fmt::format("{}: holidays for {}; any other year counts Saturdays and Sundays only",
                                s.calendar.file, years.empty() ? "no year" : years));
  }
  return loaded_reporting_calendar{domain::reporting_calendar{std::move(*cal), std::move(*rules)},
                                   std::move(notes)};
}

}  // namespace gridcoord::config
