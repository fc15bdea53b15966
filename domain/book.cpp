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
  for (const auto& [id, item] : inbox_) out.push_back(with_newer(item));
  return out;
}

void department_book::visit_inbox(item_id after, bool open_only,
                                  const std::function<bool(const inbox_item&)>& visit) const {
  if (open_only) {
    for (auto it = open_.upper_bound(after); it != open_.end(); ++it)
      if (!visit(with_newer(inbox_.at(*it)))) return;
    return;
  }
  for (auto it = inbox_.upper_bound(after); it != inbox_.end(); ++it)
    if (!visit(with_newer(it->second))) return;
}

std::optional<inbox_item> department_book::find_item(item_id id) const {
  auto it = inbox_.find(id);
  if (it == inbox_.end()) return std::nullopt;
  return with_newer(it->second);
}

inbox_item department_book::with_newer(const inbox_item& item) const {
  inbox_item out = item;
  auto latest = latest_by_report_.find(report_stream(item.from, item.kind, item.period));
  if (latest != latest_by_report_.end() && latest->second.version > item.version) out.newer = latest->second;
  return out;
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
      sent_stream_by_seq_.emplace(seq, sent_at{std::move(stream), v.version});
      list.insert(it, std::move(entry));
    }
  }
  if (std::find(v.recipients.begin(), v.recipients.end(), owner_) != v.recipients.end())
    receive(seq, at, v);
  if (seq > applied_seq_) applied_seq_ = seq;
}

void department_book::receive(std::uint64_t seq, time_point at, const report_version& v) {
  auto [added, fresh] = inbox_.try_emplace(seq, inbox_item{seq, v.sender, v.kind, v.period, v.version, at, {}, {}});
  if (!fresh) return;
  open_.insert(seq);
  auto [latest, first] = latest_by_report_.try_emplace(report_stream(v.sender, v.kind, v.period),
                                                       newer_version{v.version, seq, at});
  if (!first && latest->second.version < v.version) latest->second = newer_version{v.version, seq, at};
}

void department_book::apply(time_point at, const item_acknowledged& a) {
  if (a.recipient == owner_) {
    auto it = inbox_.find(a.item);
    if (it != inbox_.end() && !it->second.ack) {
      it->second.ack = acknowledgement{a.by, at, a.person};
      open_.erase(a.item);
    }
    return;
  }
  auto sent = sent_stream_by_seq_.find(a.item);
  if (sent == sent_stream_by_seq_.end()) return;
  auto& list = sent_.at(sent->second.stream);
  auto entry = std::lower_bound(list.begin(), list.end(), sent->second.version,
                                [](const version_entry& e, std::uint32_t n) { return e.version < n; });
  if (entry == list.end() || entry->seq != a.item) return;
  for (auto& d : entry->deliveries)
    if (d.recipient == a.recipient && !d.ack) d.ack = acknowledgement{a.by, at, a.person};
}

void department_book::reindex() {
  latest_by_report_.clear();
  sent_stream_by_seq_.clear();
  open_.clear();
  for (auto& [id, item] : inbox_) {
    item.newer.reset();  // read from latest_by_report_ instead
    if (!item.ack) open_.insert(id);
    auto [latest, first] = latest_by_report_.try_emplace(report_stream(item.from, item.kind, item.period),
                                                         newer_version{item.version, id, item.received_at});
    if (!first && latest->second.version < item.version)
      latest->second = newer_version{item.version, id, item.received_at};
  }
  for (const auto& [stream, list] : sent_)
    for (const auto& entry : list) sent_stream_by_seq_.emplace(entry.seq, sent_at{stream, entry.version});
}

}  // namespace gridcoord::domain
