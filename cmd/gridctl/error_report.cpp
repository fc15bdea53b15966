#include "cmd/gridctl/error_report.hpp"

#include <fmt/format.h>

#include "domain/json.hpp"

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

std::string text_of(const json::value* v) {
  if (!v) return "";
  if (v->is_string()) return std::string(v->get_string());
  return domain::to_text(*v);
}

}  // namespace

bool is_error_envelope(const json::value& body) {
  const auto* o = body.if_object();
  if (!o) return false;
  const auto* e = o->if_contains("error");
  return e && e->is_object() && e->get_object().contains("code");
}

std::string describe_detail(const json::value& detail) {
  const auto* o = detail.if_object();
  if (!o) return domain::to_text(detail);
  std::string where;
  const auto* row = o->if_contains("row");
  const auto* line = o->if_contains("line");
  bool has_row = row && !row->is_null(), has_line = line && !line->is_null();
  if (has_row) where = "row " + text_of(row) + (has_line ? " (line " + text_of(line) + ")" : "");
  else if (has_line) where = "line " + text_of(line);
  auto field = text_of(o->if_contains("field"));
  if (!field.empty()) {
    const auto* value = o->if_contains("value");
    auto shown = value ? json::value(text_of(value)) : json::value(nullptr);
    where += fmt::format("{}{} = {}", where.empty() ? "" : ", ", field, domain::to_text(shown));
  }
  auto reason = text_of(o->if_contains("reason"));
  return where.empty() ? reason : fmt::format("{}: {}", where, reason);
}

std::string describe_failure(unsigned status, std::string_view reason, const json::value& body) {
  if (!is_error_envelope(body))
    return fmt::format("gridctl: the server answered {} {}\n", status, reason);
  const auto& e = body.at("error").get_object();
  auto out = fmt::format("gridctl: {} ({}): {}\n", text_of(e.if_contains("code")), status,
                         text_of(e.if_contains("message")));
  if (const auto* details = e.if_contains("details"); details && details->is_array())
    for (const auto& d : details->get_array()) out += "  " + describe_detail(d) + "\n";
  return out;
}

}  // namespace gridcoord::gridctl
