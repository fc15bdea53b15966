#include "domain/book.hpp"

#include <algorithm>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "domain/json.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

std::string inbox_stream(department recipient) {
  return fmt::format("inbox/{}", to_string(recipient));
}

std::string encode(const item_acknowledged& a) {
  json::object o{{"recipient", to_string(a.recipient)}, {"item", a.item}, {"by", a.by}};
  if (!a.person.empty()) o["person"] = a.person;
  return to_text(o);
}

expected<item_acknowledged> decode_item_acknowledged(std::string_view payload) {
  std::error_code ec;
  json::value doc = json::parse(payload, ec);
  try {
    if (ec) throw std::runtime_error("not JSON");
    const auto& o = doc.as_object();
    auto d = parse_department(o.at("recipient").as_string());
    if (!d) throw std::runtime_error("unknown recipient");
    const auto* person = o.if_contains("person");  // absent before 2026-12
    return item_acknowledged{*d, o.at("item").to_number<std::uint64_t>(), std::string(o.at("by").as_string()),
                             person ? std::string(person->as_string()) : std::string()};
  } catch (const std::exception& e) {
    return fail(errc::internal, std::string("a stored acknowledgement is unreadable: ") + e.what());
  }
}

std::uint32_t department_book::next_version(const std::string& stream) const {
  auto it = sent_.find(stream);
  return it == sent_.end() || it->second.empty() ? 1 : it->second.back().version + 1;
}

const std::vector<version_entry>& department_book::versions(const std::string& stream) const {
  static const std::vector<version_entry> none;
  auto it = sent_.find(stream);
  return it == sent_.end() ? none : it->second;
}

std::vector<inbox_item> department_book::inbox() const {
  std::vector<inbox_item> out;
  out.reserve(inbox_.size());
  for (const auto& [id, item] : inbox_) out.push_back(item);
  return out;
}

const inbox_item* department_book::find_item(item_id id) const {
  auto it = inbox_.find(id);
  return it == inbox_.end() ? nullptr : &it->second;
}

status department_book::apply_event(std::string_view type, std::uint64_t seq, time_point at,
                                    std::string_view payload) {
  if (type == report_submitted_type) {
    auto v = decode_report_header(payload);
    if (!v) return unexpected{v.error()};
    apply(seq, at, *v);
  } else if (type == item_acknowledged_type) {
    auto a = decode_item_acknowledged(payload);
    if (!a) return unexpected{a.error()};
    apply(at, *a);
  }
  if (seq > applied_seq_) applied_seq_ = seq;
  return {};
}

void department_book::apply(std::uint64_t seq, time_point at, const report_version& v) {
  if (v.sender == owner_) {
    // Versions are kept in version order even when the log holds them out of
    // it (a batch reserved version N while a single submission logged N+1).
    auto stream = report_stream(v.sender, v.kind, v.period);
    auto& list = sent_[stream];
    auto it = std::lower_bound(list.begin(), list.end(), v.version,
                               [](const version_entry& e, std::uint32_t n) { return e.version < n; });
    if (it == list.end() || it->version != v.version) {
      version_entry entry{v.version, seq, at, v.submitted_by, v.row_count, {}, v.person};
      for (auto d : v.recipients) entry.deliveries.push_back({d, std::nullopt});
      sent_stream_by_seq_.emplace(seq, std::move(stream));
      list.insert(it, std::move(entry));
    }
  }
  if (std::find(v.recipients.begin(), v.recipients.end(), owner_) != v.recipients.end())
    receive(seq, at, v);
  if (seq > applied_seq_) applied_seq_ = seq;
}

void department_book::receive(std::uint64_t seq, time_point at, const report_version& v) {
  auto [added, fresh] = inbox_.try_emplace(seq, inbox_item{seq, v.sender, v.kind, v.period, v.version, at, {}, {}});
  auto& same_report = inbox_by_report_[report_stream(v.sender, v.kind, v.period)];
  for (item_id id : same_report) {
    if (id == seq) continue;
    auto& item = inbox_.at(id);
    if (item.version < v.version && (!item.newer || item.newer->version < v.version))
      item.newer = newer_version{v.version, seq, at};
    if (item.version > v.version && fresh && (!added->second.newer || added->second.newer->version < item.version))
      added->second.newer = newer_version{item.version, id, item.received_at};
  }
  same_report.insert(seq);
}

void department_book::apply(time_point at, const item_acknowledged& a) {
  if (a.recipient == owner_) {
    auto it = inbox_.find(a.item);
    if (it != inbox_.end() && !it->second.ack) it->second.ack = acknowledgement{a.by, at, a.person};
    return;
  }
  auto stream = sent_stream_by_seq_.find(a.item);
  if (stream == sent_stream_by_seq_.end()) return;
  for (auto& entry : sent_.at(stream->second)) {
    if (entry.seq != a.item) continue;
    for (auto& d : entry.deliveries)
      if (d.recipient == a.recipient && !d.ack) d.ack = acknowledgement{a.by, at, a.person};
    return;
  }
}

void department_book::reindex() {
  inbox_by_report_.clear();
  sent_stream_by_seq_.clear();
  for (const auto& [id, item] : inbox_)
    inbox_by_report_[report_stream(item.from, item.kind, item.period)].insert(id);
  for (const auto& [stream, list] : sent_)
    for (const auto& entry : list) sent_stream_by_seq_.emplace(entry.seq, stream);
}

}  // namespace gridcoord::domain
