// Snapshot form of department_book.
#include <boost/json.hpp>

#include "domain/book.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

std::int64_t micros(time_point t) { return t.time_since_epoch().count(); }
time_point from_micros(std::int64_t us) { return time_point{std::chrono::microseconds{us}}; }

json::object ack_to_json(const acknowledgement& a) {
  json::object o{{"by", a.by}, {"at_us", micros(a.at)}};
  if (!a.person.empty()) o["person"] = a.person;
  return o;
}

// The person as a snapshot keeps it; "" when absent (snapshots from before it was kept).
std::string person_of(const json::object& o) {
  const auto* p = o.if_contains("person");
  return p ? std::string(p->as_string()) : std::string();
}

acknowledgement ack_from_json(const json::value& v) {
  return {std::string(v.at("by").as_string()), from_micros(v.at("at_us").to_number<std::int64_t>()), person_of(v.as_object())};
}

json::object version_to_json(const version_entry& e) {
  json::array deliveries;
  for (const auto& d : e.deliveries) {
    json::object o{{"to", to_string(d.recipient)}};
    if (d.ack) o["ack"] = ack_to_json(*d.ack);
    deliveries.push_back(std::move(o));
  }
  json::object o{{"version", e.version}, {"seq", e.seq}, {"at_us", micros(e.submitted_at)},
                 {"by", e.submitted_by}, {"row_count", e.row_count}, {"deliveries", std::move(deliveries)}};
  if (!e.person.empty()) o["person"] = e.person;
  return o;
}

}  // namespace

json::object inbox_item_to_json(const inbox_item& i) {
  json::object o{{"id", i.id}, {"from", to_string(i.from)}, {"kind", i.kind},
                 {"month", to_string(i.period)}, {"version", i.version},
                 {"received_at_us", micros(i.received_at)}};
  if (i.ack) o["ack"] = ack_to_json(*i.ack);
  if (i.newer)
    o["newer"] = json::object{{"version", i.newer->version}, {"item", i.newer->item},
                              {"at_us", micros(i.newer->at)}};
  return o;
}

namespace {

// Snapshots taken before deliveries were tracked have none: they are rebuilt
// only by a replay from the start.
version_entry version_from_json(const json::object& o) {
  version_entry e{static_cast<std::uint32_t>(o.at("version").to_number<std::uint64_t>()),
                  o.at("seq").to_number<std::uint64_t>(), from_micros(o.at("at_us").to_number<std::int64_t>()),
                  std::string(o.at("by").as_string()), o.at("row_count").to_number<std::size_t>(), {}, person_of(o)};
  if (const auto* list = o.if_contains("deliveries"))
    for (const auto& d : list->as_array()) {
      auto to = parse_department(d.at("to").as_string());
      if (!to) throw std::runtime_error("bad department in a delivery");
      const auto* ack = d.as_object().if_contains("ack");
      e.deliveries.push_back({*to, ack ? std::optional<acknowledgement>{ack_from_json(*ack)} : std::nullopt});
    }
  return e;
}

inbox_item item_from_json(const json::object& o) {
  inbox_item i;
  i.id = o.at("id").to_number<std::uint64_t>();
  auto from = parse_department(o.at("from").as_string());
  auto period = parse_month(o.at("month").as_string());
  if (!from || !period) throw std::runtime_error("bad department or month in an inbox item");
  i.from = *from;
  i.kind = o.at("kind").as_string();
  i.period = *period;
  i.version = static_cast<std::uint32_t>(o.at("version").to_number<std::uint64_t>());
  i.received_at = from_micros(o.at("received_at_us").to_number<std::int64_t>());
  if (const auto* ack = o.if_contains("ack")) i.ack = ack_from_json(*ack);
  if (const auto* n = o.if_contains("newer"))
    i.newer = newer_version{static_cast<std::uint32_t>(n->at("version").to_number<std::uint64_t>()),
                            n->at("item").to_number<std::uint64_t>(),
                            from_micros(n->at("at_us").to_number<std::int64_t>())};
  return i;
}

}  // namespace

expected<inbox_item> inbox_item_from_json(const json::value& v) {
  try {
    return item_from_json(v.as_object());
  } catch (const std::exception& e) {
    return fail(errc::internal, std::string("a stored inbox item is unreadable: ") + e.what());
  }
}

json::value department_book::to_json() const {
  json::object sent;
  for (const auto& [stream, list] : sent_) {
    json::array a;
    for (const auto& e : list) a.push_back(version_to_json(e));
    sent[stream] = std::move(a);
  }
  json::array inbox;
  for (const auto& [id, item] : inbox_) inbox.push_back(inbox_item_to_json(with_newer(item)));
  return json::object{{"owner", to_string(owner_)}, {"applied_seq", applied_seq_},
                      {"sent", std::move(sent)}, {"inbox", std::move(inbox)}};
}

expected<department_book> department_book::from_json(const json::value& v) {
  try {
    const auto& o = v.as_object();
    auto owner = parse_department(o.at("owner").as_string());
    if (!owner) throw std::runtime_error("unknown owner");
    department_book book(*owner);
    book.applied_seq_ = o.at("applied_seq").to_number<std::uint64_t>();
    for (const auto& kv : o.at("sent").as_object()) {
      auto& list = book.sent_[std::string(kv.key())];
      for (const auto& e : kv.value().as_array()) list.push_back(version_from_json(e.as_object()));
    }
    for (const auto& e : o.at("inbox").as_array()) {
      auto item = item_from_json(e.as_object());
      book.inbox_.emplace(item.id, std::move(item));
    }
    book.reindex();
    return book;
  } catch (const std::exception& e) {
    return fail(errc::internal, std::string("a department snapshot is unreadable: ") + e.what());
  }
}

}  // namespace gridcoord::domain
