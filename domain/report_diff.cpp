#include "domain/report_diff.hpp"

#include <deque>
#include <unordered_map>

#include "domain/json.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

const json::object& object_of(const json::value& v) {
  static const json::object empty;
  return v.is_object() ? v.get_object() : empty;
}

// The row's identity: its key fields' values, or the whole row.
std::string key_of(const report_kind& kind, const json::object& row) {
  if (kind.key.empty()) return to_text(row);
  std::string key;
  for (const auto& f : kind.key) {
    const auto* v = row.if_contains(f);
    key += v ? to_text(*v) : std::string();
    key += '\x1f';
  }
  return key;
}

std::vector<field_change> changes(const report_kind& kind, const json::object& a, const json::object& b) {
  std::vector<field_change> out;
  for (const auto& f : kind.fields) {
    const auto* x = a.if_contains(f.name);
    const auto* y = b.if_contains(f.name);
    json::value before = x ? *x : json::value(nullptr);
    json::value after = y ? *y : json::value(nullptr);
    if (before != after) out.push_back({f.name, std::move(before), std::move(after)});
  }
  return out;
}

}  // namespace

rows_diff diff_rows(const report_kind& kind, const json::array& from, const json::array& to) {
  std::unordered_map<std::string, std::deque<std::size_t>> older;  // key -> rows of `from`, in order
  for (std::size_t i = 0; i < from.size(); ++i) older[key_of(kind, object_of(from[i]))].push_back(i);
  rows_diff out;
  std::vector<bool> matched(from.size(), false);
  for (std::size_t j = 0; j < to.size(); ++j) {
    auto it = older.find(key_of(kind, object_of(to[j])));
    if (it == older.end() || it->second.empty()) {
      out.added.push_back(j + 1);
      continue;
    }
    auto i = it->second.front();
    it->second.pop_front();
    matched[i] = true;
    auto fields = changes(kind, object_of(from[i]), object_of(to[j]));
    if (fields.empty()) ++out.unchanged;
    else out.changed.push_back({i + 1, j + 1, std::move(fields)});
  }
  for (std::size_t i = 0; i < from.size(); ++i)
    if (!matched[i]) out.removed.push_back(i + 1);
  return out;
}

}  // namespace gridcoord::domain
