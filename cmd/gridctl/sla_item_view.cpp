// The item views of sla_view.hpp: one item, a list of items, the feed's results.
#include "cmd/gridctl/sla_view.hpp"
#include "cmd/gridctl/view_support.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <boost/json/array.hpp>
#include <fmt/format.h>

#include "cmd/gridctl/render_table.hpp"

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

bool is_item(const json::value& v) {
  const auto* o = v.if_object();
  return o && o->contains("item") && o->contains("kind");
}

std::string_view text_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string_view(v->get_string()) : std::string_view();
}

json::object clock_line(const json::object& c, const view_context& vc) {
  return {{"step", step_text(c)},
          {"department", field_or_null(c, "department")},
          {"started", clock_time(c, "started", vc)},
          {"due", clock_time(c, "due", vc)},
          {"limit", field_or_null(c, "limit")},
          {"completed", clock_time(c, "completed", vc)},
          {"status", field_or_null(c, "status")},
          {"warnings", warnings_text(c.if_contains("warnings"))}};
}

json::array clock_lines(const json::object& item, const view_context& vc) {
  json::array out;
  if (const auto* clocks = item.if_contains("clocks"); clocks && clocks->is_array())
    for (const auto& c : clocks->get_array())
      if (c.is_object()) out.push_back(clock_line(c.get_object(), vc));
  return out;
}

// The main fields of each kind in a list line, after item and state.
std::vector<std::string_view> list_fields(std::string_view kind) {
  if (kind == "outage") return {"equipment", "area_class", "started_at", "cause", "etr", "restored_at"};
  if (kind == "planned") return {"planned_kind", "equipment", "starts_at", "ends_at", "late"};
  if (kind == "complaint") return {"category", "customer_name", "responsible", "owner", "round"};
  if (kind == "callback") return {"cause", "department", "customer", "attempts", "satisfied"};
  if (kind == "analysis") return {"about", "step", "department", "opened_at"};
  return {};
}

// The first open clock (the server lists them in step order), for "next step" and "due".
const json::object* next_open(const json::object& item) {
  const auto* clocks = item.if_contains("clocks");
  if (!clocks || !clocks->is_array()) return nullptr;
  for (const auto& c : clocks->get_array())
    if (c.is_object() && text_of(c.get_object(), "status") == "open") return &c.get_object();
  return nullptr;
}

json::object list_line(const json::object& item, const view_context& vc) {
  json::object line{{"item", field_or_null(item, "item")}, {"state", field_or_null(item, "state")}};
  for (auto key : list_fields(text_of(item, "kind"))) {
    auto v = field_or_null(item, key);
    if (key == "attempts" && v.is_array()) v = v.get_array().size();  // a callback's attempts: how many
    line[key] = std::move(v);
  }
  const auto* open = next_open(item);
  line["next step"] = open ? json::value(json::string(step_text(*open))) : json::value(nullptr);
  line["due"] = open ? clock_time(*open, "due", vc) : json::value(nullptr);
  return line;
}

// A result's error as one cell: its message (and code), whatever its shape.
json::value error_text(const json::value* error) {
  if (!error || error->is_null()) return nullptr;
  const auto* o = error->if_object();
  if (!o) return error->is_string() ? *error : json::value(json::string(cell_text(*error)));
  if (const auto* inner = o->if_contains("error"); inner && inner->is_object()) o = &inner->get_object();
  auto code = text_of(*o, "code"), message = text_of(*o, "message");
  if (message.empty()) return json::string(cell_text(*error));
  return json::string(code.empty() ? std::string(message) : fmt::format("{}: {}", code, message));
}

json::object result_line(const json::object& r) {
  json::value item = field_or_null(r, "item");
  if (is_item(item)) item = item.get_object().at("item");
  return {{"line", field_or_null(r, "line")},
          {"status", field_or_null(r, "status")},
          {"item", std::move(item)},
          {"error", error_text(r.if_contains("error"))}};
}

}  // namespace

json::value item_for_people(const json::value& answer, const view_context& vc) {
  if (!is_item(answer)) return answer;
  const auto& item = answer.get_object();
  json::object out{{"item", item.at("item")}};
  for (const auto& kv : item) {
    if (kv.key() == "item" || kv.key() == "kind" || kv.key() == "id" || kv.key() == "clocks") continue;
    if (kv.key() == "repeated") {
      if (kv.value() == true) out["repeated"] = "yes: this was already recorded, nothing changed";
      continue;
    }
    if (kv.key() == "calendar_warnings") {
      out["calendar"] = calendar_text(item);
      continue;
    }
    out[kv.key()] = kv.value();
  }
  out["clocks"] = clock_lines(item, vc);
  return out;
}

json::value items_for_people(const json::value& answer, const view_context& vc) {
  const auto* o = answer.if_object();
  const auto* items = o ? o->if_contains("items") : nullptr;
  if (!items || !items->is_array()) return answer;
  json::object out;
  for (const auto& kv : *o)
    if (kv.key() != "items") out[kv.key()] = kv.value();
  json::array lines, warnings;
  for (const auto& i : items->get_array()) {
    if (!is_item(i)) continue;
    lines.push_back(list_line(i.get_object(), vc));
    if (const auto* w = i.get_object().if_contains("calendar_warnings"); w && w->is_array())
      for (const auto& one : w->get_array()) warnings.push_back(one);
  }
  if (auto text = calendar_text({{"calendar_warnings", std::move(warnings)}}); !text.empty()) out["calendar"] = text;
  out["items"] = std::move(lines);
  return out;
}

json::value feed_for_people(const json::value& answer) {
  const auto* o = answer.if_object();
  const auto* results = o ? o->if_contains("results") : nullptr;
  if (!results || !results->is_array()) return answer;
  std::string totals;
  for (auto key : {"created", "updated", "duplicate", "rejected"}) {
    const auto* n = o->if_contains(key);
    if (n && n->is_number()) totals += fmt::format("{}{} {}", totals.empty() ? "" : ", ", n->to_number<double>(), key);
  }
  json::array lines;
  for (const auto& r : results->get_array())
    if (r.is_object()) lines.push_back(result_line(r.get_object()));
  return json::object{{"totals", totals}, {"results", std::move(lines)}};
}

}  // namespace gridcoord::gridctl
