#include "cmd/gridcoord/scenario.hpp"

#include <fstream>
#include <sstream>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/department.hpp"
#include "domain/json.hpp"
#include "domain/sla/customers.hpp"

namespace gridcoord::cmd {

namespace {

namespace json = boost::json;
namespace sla = domain::sla;
using domain::rule;

// Reads the fields of one line, noting every problem against its line.
class line_reader {
 public:
  line_reader(const json::object& o, std::size_t line, std::vector<domain::issue>& issues)
      : o_(o), line_(line), issues_(issues) {}

  std::string text(std::string_view key, bool required = false) {
    const auto* v = o_.if_contains(key);
    if (!v) {
      if (required) bad(rule::required, key, "", "is required");
      return {};
    }
    if (!v->is_string()) return bad(rule::not_a_string, key, domain::value_text(*v), "must be a string"), std::string();
    return std::string(v->get_string());
  }
  std::optional<std::string> maybe_text(std::string_view key) {
    if (!o_.contains(key)) return std::nullopt;
    return text(key);
  }
  std::optional<domain::time_point> time(std::string_view key, bool required = false) {
    auto t = text(key, required);
    if (t.empty()) return std::nullopt;
    auto parsed = domain::parse_rfc3339(t);
    if (!parsed) bad(rule::not_a_time, key, t, "is not an RFC 3339 time");
    return parsed;
  }
  std::uint64_t number(std::string_view key) {
    const auto* v = o_.if_contains(key);
    if (v && v->is_int64() && v->get_int64() > 0) return static_cast<std::uint64_t>(v->get_int64());
    bad(!v ? rule::required : v->is_int64() ? rule::below_minimum : rule::not_a_whole_number, key,
        v ? domain::value_text(*v) : "", "must be a positive whole number");
    return 0;
  }
  std::optional<unsigned> maybe_unsigned(std::string_view key) {
    const auto* v = o_.if_contains(key);
    if (!v) return std::nullopt;
    if (v->is_int64() && v->get_int64() >= 0) return static_cast<unsigned>(v->get_int64());
    bad(v->is_int64() ? rule::below_minimum : rule::not_a_whole_number, key, domain::value_text(*v),
        "must be a whole number");
    return std::nullopt;
  }
  bool flag(std::string_view key, bool otherwise) {
    const auto* v = o_.if_contains(key);
    if (!v) return otherwise;
    if (v->is_bool()) return v->get_bool();
    bad(rule::not_a_boolean, key, domain::value_text(*v), "must be true or false");
    return otherwise;
  }
  std::vector<std::string> list(std::string_view key) {
    std::vector<std::string> out;
    const auto* v = o_.if_contains(key);
    if (!v) return out;
    if (!v->is_array()) return bad(rule::not_a_list, key, domain::value_text(*v), "must be a list of ids"), out;
    for (const auto& e : v->get_array()) {
      if (e.is_string()) out.emplace_back(e.get_string());
      else bad(rule::not_a_string, key, domain::value_text(e), "must be a list of ids");
    }
    return out;
  }
  domain::department department(std::string_view key) {
    auto t = text(key, true);
    if (auto d = domain::parse_department(t)) return *d;
    if (!t.empty()) bad(rule::unknown_department, key, t, "is not a department");
    return domain::department::production;
  }
  void bad(rule broken, std::string_view key, std::string value, std::string reason) {
    issues_.push_back({broken, line_, std::string(key), std::move(value), std::move(reason)});
  }

 private:
  const json::object& o_;
  std::size_t line_;
  std::vector<domain::issue>& issues_;
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return in ? s.str() : std::string();
}

// The request a line stands for; issues go to `issues`.
std::optional<actors::sla_request> request_of(line_reader& r, const std::string& what,
                                              const std::filesystem::path& folder) {
  actors::sla_writer w{"simulation", "", "", ""};
  if (what == "customers") {
    auto file = r.text("file", true);
    auto text = read_file(folder / file);
    if (text.empty()) return r.bad(rule::unreadable_file, "file", file, "cannot be read"), std::nullopt;
    auto rows = sla::parse_customers_csv(text);
    if (!rows) return r.bad(rule::unreadable_file, "file", file, rows.error().message), std::nullopt;
    return actors::import_customers{w, std::move(*rows)};
  }
  if (what == "outage") return actors::report_outage{w, r.list("equipment"), r.time("started_at"), r.text("description")};
  if (what == "update")
    return actors::update_outage{w, r.number("outage"), r.maybe_text("cause"), r.list("equipment_added"), r.time("etr")};
  if (what == "crew_arrived") return actors::record_crew_arrival{w, r.number("outage"), r.time("happened_at")};
  if (what == "restored") return actors::restore_outage{w, r.number("outage"), r.time("happened_at")};
  if (what == "notified") return actors::notify_customers{w, r.number("outage"), r.text("note")};
  if (what == "planned") {
    auto kind = sla::parse_planned_kind(r.text("kind", true));
    if (!kind) r.bad(rule::not_one_of, "kind", "", "is planned or temporary");
    auto starts = r.time("starts_at", true), ends = r.time("ends_at", true);
    return actors::notice_planned_outage{w, kind.value_or(sla::planned_kind::planned), r.list("equipment"),
                                         starts.value_or(domain::time_point{}), ends.value_or(domain::time_point{}),
                                         r.text("description")};
  }
  if (what == "complaint") {
    auto category_text = r.text("category", true);
    auto category = sla::parse_complaint_category(category_text);
    if (!category && !category_text.empty())
      r.bad(rule::not_one_of, "category", category_text, "is not a complaint category");
    return actors::register_complaint{w, category.value_or(sla::complaint_category::power_quality),
                                      r.text("customer_id"), r.text("customer_name"), r.text("contact"),
                                      r.text("text", true)};
  }
  if (what == "forward") return actors::forward_complaint{w, r.number("complaint")};
  if (what == "acknowledge") return actors::acknowledge_complaint{w, r.number("complaint"), r.department("department")};
  if (what == "result")
    return actors::resolve_complaint{w, r.number("complaint"), r.department("department"), r.text("result", true)};
  if (what == "callback") {
    auto outcome = sla::parse_callback_outcome(r.text("outcome", true));
    if (!outcome) r.bad(rule::not_one_of, "outcome", "", "is reached or no_answer");
    return actors::attempt_callback{w, r.number("callback"), outcome.value_or(sla::callback_outcome::no_answer),
                                    r.maybe_unsigned("satisfaction"), r.flag("satisfied", true), r.text("note")};
  }
  if (what == "close_analysis")
    return actors::close_analysis{w, r.number("analysis"), r.department("department"), r.text("finding", true)};
  r.bad(rule::not_one_of, "do", what, "is not one of customers, outage, update, crew_arrived, restored, notified, planned, "
                    "complaint, forward, acknowledge, result, callback, close_analysis");
  return std::nullopt;
}

}  // namespace

domain::expected<scenario> parse_scenario(std::string_view text, const std::filesystem::path& folder) {
  scenario out;
  std::vector<domain::issue> issues;
  std::size_t line = 0;
  std::optional<domain::time_point> last;
  for (std::size_t begin = 0; begin <= text.size();) {
    auto end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    auto raw = text.substr(begin, end - begin);
    begin = end + 1;
    ++line;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (raw.find_first_not_of(" \t") == std::string_view::npos || raw.front() == '#') continue;
    json::error_code ec;
    auto v = json::parse(raw, ec);
    if (ec || !v.is_object()) {
      issues.push_back({rule::not_an_object, line, "", "", "is not a JSON object"});
      continue;
    }
    line_reader r(v.get_object(), line, issues);
    auto at = r.time("at", true);
    auto what = r.text("do", true);
    auto request = request_of(r, what, folder);
    if (at && last && *at < *last)
      r.bad(rule::out_of_order, "at", domain::format_rfc3339(*at), "is earlier than the line before");
    if (at) last = at;
    if (at && request) out.steps.push_back({line, *at, std::move(*request)});
  }
  if (!issues.empty()) return domain::fail(domain::errc::validation_failed, "the scenario has bad lines", std::move(issues));
  if (out.steps.empty()) return domain::fail(domain::errc::invalid_request, "the scenario has no steps");
  return out;
}

}  // namespace gridcoord::cmd
