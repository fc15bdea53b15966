#pragma once
// domain/book.hpp — one department's view of the log: the reports it sent
// (every version) and its inbox of what other departments sent it.
//
// A book is a projection: it changes only by applying logged events, in
// sequence order, so replaying the log (or a snapshot plus its tail) rebuilds
// it exactly. Applying an event twice changes nothing.
// [Threading] Not synchronised; one owner at a time (a department actor, or
//             the recovery code before the actors start).
// [Errors]    apply_event reports an unreadable payload as errc::internal and
//             leaves the book unchanged.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "domain/clock.hpp"
#include "domain/department.hpp"
#include "domain/error.hpp"
#include "domain/month.hpp"
#include "domain/report.hpp"

namespace gridcoord::domain {

using item_id = std::uint64_t;  // the sequence number of the event that created the item

struct acknowledgement {
  std::string by;
  time_point at{};
  std::string person;  // the acknowledging token's description; "" when it has none
  friend bool operator==(const acknowledgement&, const acknowledgement&) = default;
};

// A recipient of a sent version, and its acknowledgement once given: what the
// sender sees of who has not acknowledged yet.
struct delivery_status {
  department recipient = department::planning;
  std::optional<acknowledgement> ack;
  friend bool operator==(const delivery_status&, const delivery_status&) = default;
};

struct version_entry {
  std::uint32_t version = 0;
  std::uint64_t seq = 0;  // the report.submitted event holding this version
  time_point submitted_at{};
  std::string submitted_by;
  std::size_t row_count = 0;
  std::vector<delivery_status> deliveries;  // one per recipient, in catalogue order
  std::string person;  // the submitting token's description; "" when it has none
  friend bool operator==(const version_entry&, const version_entry&) = default;
};

// The newest later version of the same report that reached the inbox.
struct newer_version {
  std::uint32_t version = 0;
  item_id item = 0;
  time_point at{};
  friend bool operator==(const newer_version&, const newer_version&) = default;
};

struct inbox_item {
  item_id id = 0;
  department from = department::marketing;
  std::string kind;
  month period{};
  std::uint32_t version = 0;
  time_point received_at{};
  std::optional<acknowledgement> ack;
  std::optional<newer_version> newer;  // set when a later version of this report arrived
  friend bool operator==(const inbox_item&, const inbox_item&) = default;
};

// Payload of an "inbox.acknowledged" event, logged in stream "inbox/<department>".
struct item_acknowledged {
  department recipient = department::planning;
  item_id item = 0;
  std::string by;
  std::string person;  // the acknowledging token's description; "" when it has none
};
inline constexpr std::string_view item_acknowledged_type = "inbox.acknowledged";
std::string inbox_stream(department recipient);
std::string encode(const item_acknowledged& a);
[[nodiscard]] expected<item_acknowledged> decode_item_acknowledged(std::string_view payload);

// An inbox item as snapshots and idempotency records keep it;
// inbox_item_from_json(inbox_item_to_json(i)) == i. errc::internal when `v`
// is not such an object.
boost::json::object inbox_item_to_json(const inbox_item& i);
[[nodiscard]] expected<inbox_item> inbox_item_from_json(const boost::json::value& v);

class department_book {
 public:
  explicit department_book(department owner) : owner_(owner) {}

  department owner() const noexcept { return owner_; }

  // The version number the next submission to `stream` gets (1 for a new one).
  std::uint32_t next_version(const std::string& stream) const;
  // Every version sent in `stream`, oldest first; empty when none.
  const std::vector<version_entry>& versions(const std::string& stream) const;
  // Every report sent, by stream (domain/report.hpp's report_stream).
  const std::map<std::string, std::vector<version_entry>>& sent() const noexcept { return sent_; }

  // Inbox items, oldest first, each with its newer version (if any).
  std::vector<inbox_item> inbox() const;
  // Inbox items with an id above `after`, oldest first, each with its newer
  // version, handed to `visit` until it answers false. `open_only` walks
  // only the unacknowledged items (an index): a page of open items costs the
  // same however many acknowledged ones years of history left in the inbox.
  void visit_inbox(item_id after, bool open_only, const std::function<bool(const inbox_item&)>& visit) const;
  // How many inbox items are not acknowledged yet.
  std::size_t open_items() const noexcept { return open_.size(); }
  // The item with its newer version; nullopt when the inbox holds no such item.
  std::optional<inbox_item> find_item(item_id id) const;

  // Applies one logged event; events that do not concern this department are ignored.
  [[nodiscard]] status apply_event(std::string_view type, std::uint64_t seq, time_point at,
                                   std::string_view payload);
  // As sender: a new version with its recipients, none acknowledged. As
  // recipient: a new inbox item; earlier items of the same report learn of it.
  void apply(std::uint64_t seq, time_point at, const report_version& v);
  // As recipient: the item's first acknowledgement. As sender: the recipient's
  // acknowledgement of the sent version (the item id is the version's seq).
  void apply(time_point at, const item_acknowledged& a);

  // The highest sequence number applied so far.
  std::uint64_t applied_seq() const noexcept { return applied_seq_; }

  // Snapshot form; from_json(to_json()) equals the original.
  boost::json::value to_json() const;
  [[nodiscard]] static expected<department_book> from_json(const boost::json::value& v);

  friend bool operator==(const department_book&, const department_book&) = default;

 private:
  void receive(std::uint64_t seq, time_point at, const report_version& v);
  // Rebuilds the indexes below from sent_ and inbox_ (after from_json).
  void reindex();

  department owner_;
  std::map<std::string, std::vector<version_entry>> sent_;
  std::map<item_id, inbox_item> inbox_;
  std::uint64_t applied_seq_ = 0;
  // The item with its newer version filled in from latest_by_report_.
  inbox_item with_newer(const inbox_item& item) const;

  // Derived indexes, so that a delivery or an acknowledgement costs the same
  // with years of history as with none: the newest version of each report
  // that reached the inbox (an item's newer version is read from it, not
  // written into every earlier item), and the stream of every sent version by
  // its seq (the recipients' item id) with its version, and the inbox items
  // not yet acknowledged. inbox_ items hold no `newer` of their own.
  struct sent_at {
    std::string stream;
    std::uint32_t version = 0;
    friend bool operator==(const sent_at&, const sent_at&) = default;
  };
  std::map<std::string, newer_version, std::less<>> latest_by_report_;
  std::map<std::uint64_t, sent_at> sent_stream_by_seq_;
  std::set<item_id> open_;
};

}  // namespace gridcoord::domain
