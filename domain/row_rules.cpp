#include "domain/row_rules.hpp"

#include <algorithm>
#include <chrono>

#include <boost/json/value.hpp>
#include <fmt/format.h>

#include "domain/json.hpp"

namespace gridcoord::domain {

namespace {

// "a, b and c".
std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

int hours_in(month m) {
  auto last = std::chrono::year_month_day_last{m.year(), std::chrono::month_day_last{m.month()}};
  return static_cast<int>(static_cast<unsigned>(last.day())) * 24;
}

// Compares two number fields; `holds(a, b)` is the rule, `relation` its words.
row_rule compare(std::string a, std::string b, bool (*holds)(double, double), std::string relation) {
  auto description = fmt::format("{} is {} {}", a, relation, b);
  return {{a, b}, std::move(description), [a, b, holds, relation](const row_view& v, std::vector<issue>& out) {
    const cell& x = v.at(a);
    const cell& y = v.at(b);
    if (x.k != cell::kind::number || y.k != cell::kind::number || holds(x.number, y.number)) return;
    out.push_back({rule::inconsistent_fields, v.number, a, cell_text(x),
                   fmt::format("must be {} {} ({})", relation, b, cell_text(y))});
  }};
}

}  // namespace

std::string cell_text(const cell& c) {
  return c.k == cell::kind::number ? to_text(boost::json::value(c.number)) : c.text;
}

row_rule exactly_one_of(std::string a, std::string b) {
  auto description = fmt::format("give exactly one of {} and {}", a, b);
  return {{a, b}, description, [a, b, description](const row_view& v, std::vector<issue>& out) {
    bool has_a = v.at(a).k != cell::kind::empty;
    bool has_b = v.at(b).k != cell::kind::empty;
    if (has_a == has_b)
      out.push_back({rule::exactly_one_of, v.number, has_a ? b : a, has_a ? cell_text(v.at(b)) : "", description});
  }};
}

row_rule month_within(std::string field, earlier_months earlier, int max_ahead) {
  bool refuse_earlier = earlier == earlier_months::refused;
  auto description =
      refuse_earlier
          ? fmt::format("{} is not before the report month, and at most {} months after it", field, max_ahead)
          : fmt::format("{} is at most {} months after the report month", field, max_ahead);
  auto check = [field, refuse_earlier, max_ahead](const row_view& v, std::vector<issue>& out) {
    const cell& c = v.at(field);
    if (c.k != cell::kind::text) return;
    auto m = parse_month(c.text);
    if (!m) return;  // already reported as a bad month
    int ahead = months_between(v.period, *m);
    if (refuse_earlier && ahead < 0)
      out.push_back({rule::month_out_of_range, v.number, field, c.text,
                     fmt::format("is before the report month {}", to_string(v.period))});
    else if (ahead > max_ahead)
      out.push_back({rule::month_out_of_range, v.number, field, c.text,
                     fmt::format("is more than {} months after the report month {}", max_ahead,
                                 to_string(v.period))});
  };
  return {{field}, std::move(description), std::move(check)};
}

row_rule greater_than(std::string a, std::string b) {
  return compare(std::move(a), std::move(b), [](double x, double y) { return x > y; }, "greater than");
}

row_rule at_most(std::string a, std::string b) {
  return compare(std::move(a), std::move(b), [](double x, double y) { return x <= y; }, "at most");
}

row_rule at_most_hours_in_month(std::string field) {
  auto description = fmt::format("{} is at most the hours in the report month (24 × its days)", field);
  return {{field}, std::move(description), [field](const row_view& v, std::vector<issue>& out) {
    const cell& c = v.at(field);
    int hours = hours_in(v.period);
    if (c.k == cell::kind::number && c.number > hours)
      out.push_back({rule::above_maximum, v.number, field, cell_text(c),
                     fmt::format("must be at most {}, the hours in {}", hours, to_string(v.period))});
  }};
}

row_rule required_when(std::string target, std::string when, std::string value) {
  auto description = fmt::format("{} is required when {} is {}", target, when, value);
  return {{when}, std::move(description), [target, when, value](const row_view& v, std::vector<issue>& out) {
    if (v.at(when).text == value && !v.given(target))
      out.push_back({rule::required_when, v.number, target, "", fmt::format("is required when {} is {}", when, value)});
  }};
}

row_rule row_layouts(std::string field, std::vector<row_layout> layouts) {
  struct layout_check {
    row_layout layout;
    std::vector<std::string> foreign;  // fields of other layouts that this one does not have
  };
  std::vector<layout_check> checks;
  std::string description;
  for (const auto& l : layouts) {
    layout_check c{l, {}};
    for (const auto& other : layouts)
      for (const auto* list : {&other.required, &other.optional})
        for (const auto& f : *list)
          if (!contains(l.required, f) && !contains(l.optional, f) && !contains(c.foreign, f))
            c.foreign.push_back(f);
    description += fmt::format("{}a {} row ({} {}) gives {}{}{}", description.empty() ? "" : "; ", l.value,
                               field, l.value, listed(l.required),
                               l.optional.empty() ? "" : fmt::format(", may give {}", listed(l.optional)),
                               c.foreign.empty() ? "" : fmt::format(", and leaves out {}", listed(c.foreign)));
    checks.push_back(std::move(c));
  }
  return {{field}, std::move(description), [field, checks](const row_view& v, std::vector<issue>& out) {
    const std::string& chosen = v.at(field).text;
    auto it = std::find_if(checks.begin(), checks.end(),
                           [&](const layout_check& c) { return c.layout.value == chosen; });
    if (it == checks.end()) return;  // a value without a layout of its own
    for (const auto& f : it->layout.required)
      if (!v.given(f))
        out.push_back({rule::required_when, v.number, f, "", fmt::format("is required in a {} row", chosen)});
    for (const auto& f : it->foreign) {
      const cell& c = v.at(f);  // a rejected value is empty here: it has its issue already
      if (c.k != cell::kind::empty)
        out.push_back({rule::not_applicable, v.number, f, cell_text(c),
                       fmt::format("is not part of a {} row", chosen)});
    }
  }};
}

std::string key_description(const report_kind& kind) {
  return kind.key.empty() ? "" : fmt::format("no two rows have the same {}", listed(kind.key));
}

}  // namespace gridcoord::domain
