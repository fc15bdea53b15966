// The registry as events build it and as a snapshot holds it.
#include <algorithm>
#include <iterator>
#include <unordered_map>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/equipment.hpp"
#include "domain/json.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 5> meta_fields{"version", "changed_seq", "changed_at", "changed_at_us",
                                                      "earlier_seqs"};

std::uint64_t count_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v ? v->to_number<std::uint64_t>() : 0;  // throws on a non-number: caught by from_json
}

}  // namespace

status equipment_registry::apply_event(std::string_view type, std::uint64_t seq, time_point at,
                                       std::string_view payload) {
  if (type != equipment_imported_type) return {};
  auto rows = decode_import(payload);
  if (!rows) return unexpected{rows.error()};
  apply_import(*rows, seq, at);
  return {};
}

json::value equipment_registry::to_json() const {
  std::unordered_map<std::uint32_t, json::array> earlier;
  for (const auto& [n, seq] : earlier_) earlier[n].push_back(seq);
  json::array a;
  a.reserve(order_.size());
  for (auto n : order_) {
    auto o = record_to_json(materialise(n));
    o.erase("changed_at");
    o["changed_at_us"] = slots_[n].changed_at_us;
    if (auto it = earlier.find(n); it != earlier.end()) o["earlier_seqs"] = std::move(it->second);
    a.push_back(std::move(o));
  }
  return a;
}

expected<equipment_registry> equipment_registry::from_json(const json::value& v) {
  if (!v.is_array()) return fail(errc::internal, "the equipment snapshot is unreadable: not an array");
  equipment_registry reg;
  try {
    // The imported fields of each record, read as an import reads them, in
    // parts of at most max_import_rows: the registry holds what every import
    // brought, which may be more than one import may hold.
    const auto& items = v.get_array();
    if (items.empty()) return reg;
    import_draft all;
    all.rows.reserve(items.size());
    for (std::size_t from = 0; from < items.size(); from += max_import_rows) {
      json::array records;
      auto to = std::min(items.size(), from + max_import_rows);
      records.reserve(to - from);
      for (std::size_t i = from; i < to; ++i) {
        json::object o = items[i].as_object();
        for (auto key : meta_fields) o.erase(key);
        records.push_back(std::move(o));
      }
      auto part = read_import_json(json::object{{"equipment", std::move(records)}});
      if (!part || !part->issues.empty())
        return fail(errc::internal, "the equipment snapshot is unreadable: " +
                                        (part ? part->issues.front().reason : part.error().message));
      std::move(part->rows.begin(), part->rows.end(), std::back_inserter(all.rows));
    }
    auto* draft = &all;
    std::vector<std::uint32_t> fresh;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto& o = items[i].as_object();
      const auto& e = draft->rows[i].record;
      auto n = reg.intern(e.id);
      auto s = reg.slot_from(e);
      s.version = static_cast<std::uint32_t>(std::max<std::uint64_t>(count_of(o, "version"), 1));
      s.changed_seq = count_of(o, "changed_seq");
      if (const auto* at = o.if_contains("changed_at_us")) s.changed_at_us = at->to_number<std::int64_t>();
      if (const auto* seqs = o.if_contains("earlier_seqs"))
        for (const auto& seq : seqs->as_array()) reg.earlier_.emplace_back(n, seq.to_number<std::uint64_t>());
      if (reg.slots_[n].version == 0) fresh.push_back(n);
      reg.slots_[n] = s;
    }
    reg.size_ = fresh.size();
    reg.insert_sorted(fresh);
  } catch (const std::exception& e) {
    return fail(errc::internal, fmt::format("the equipment snapshot is unreadable: {}", e.what()));
  }
  return reg;
}

}  // namespace gridcoord::domain
