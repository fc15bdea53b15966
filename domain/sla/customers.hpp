#pragma once
// domain/sla/customers.hpp — the registry of important and large customers:
// who is told of an outage on the equipment above them (flow E3).
//
// A customer has an id, a name (any UTF-8), a tier (important / large), one
// or more contact channels and a connection point: an equipment id of the
// registry. The registry is a projection of "customer.imported" events in
// stream "customers"; an import is an upsert by id, checked as a whole first:
// nothing of a bad import is applied.
//
// affected(ids) answers every customer whose connection point is one of the
// ids or lies below one of them in the equipment tree, each once. It reads
// an index by equipment (each customer is listed under its connection point,
// and each point's listing under its parent's, up to the substation), so it
// reads the subtrees it is asked about, never the whole registry. The links
// come from the equipment registry as it was at the last reindex(): the
// owner calls it after each equipment import; apply_import lists the
// customers it adds or moves. A connection point the equipment registry does
// not hold lists its customers under its own id only.
// [Threading] Not synchronised; one owner at a time. const members may be
//             called from several threads at once.
// [Errors]    The parsers answer errc::invalid_request for a body of another
//             shape or without rows, errc::too_large beyond the row limit,
//             and errc::validation_failed with every issue of every row at
//             once (row numbers from 1, the CSV header is not a row; fields
//             as "contacts[2].address", contacts numbered from 1);
//             check_import validation_failed likewise; apply_event
//             errc::internal for unreadable stored data.
// [Limits]    max_customer_import_rows per import, logged as one event per
//             customers_per_event rows; 1 to max_contacts contacts per
//             customer; ids and connection points of 1 to 64 bytes, names
//             of at most 200.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/json/value.hpp>

#include "domain/clock.hpp"
#include "domain/equipment.hpp"
#include "domain/error.hpp"

namespace gridcoord::domain::sla {

inline constexpr std::size_t max_customer_import_rows = 1'000'000;
inline constexpr std::size_t customers_per_event = 50'000;
inline constexpr std::size_t max_contacts = 8;

enum class customer_tier : std::uint8_t { important, large };
std::string_view to_string(customer_tier t) noexcept;  // "important", "large"
std::optional<customer_tier> parse_customer_tier(std::string_view text) noexcept;

// How a customer is reached: channel "sms", "email", "phone" or "webhook",
// and the address in that channel's form (E.164 "+8613800000000" for sms and
// phone, an address with one "@" for email, an http(s) URL for webhook).
struct contact {
  std::string channel;
  std::string address;
  friend bool operator==(const contact&, const contact&) = default;
};

struct customer {
  std::string id;
  std::string name;
  customer_tier tier = customer_tier::important;
  std::vector<contact> contacts;  // at least one, in the order given
  std::string connection_point;   // an equipment id
  std::uint32_t version = 0;      // 0 in an import; the registry counts from 1
  std::uint64_t changed_seq = 0;
  friend bool operator==(const customer&, const customer&) = default;
};

// Rows of an import body, each checked on its own (docs/customers.md): ids
// without spaces or control characters, names of valid UTF-8, tier important
// or large, a connection point, 1..max_contacts contacts of channel sms,
// phone (E.164: "+" then 8 to 15 digits), email (one "@", a dot in the
// domain) or webhook (an http:// or https:// URL). Unknown fields refused.
// JSON: {"customers":[{"id","name","tier","connection_point","contacts":[{"channel","address"}]}]}
// CSV: a header naming id,name,tier,connection_point,contacts in any order
//      (letter case and surrounding spaces ignored; no other column), where
//      contacts is "channel:address" entries separated by ";"
//      ("sms:+86138…;email:a@b.cn"); an empty cell is a missing field.
[[nodiscard]] expected<std::vector<customer>> parse_customers_json(const boost::json::value& body);
[[nodiscard]] expected<std::vector<customer>> parse_customers_csv(std::string_view text);

inline constexpr std::string_view customers_stream = "customers";
inline constexpr std::string_view customer_imported_type = "customer.imported";

// Payload of a "customer.imported" event: {"customers":[…]}, the imported fields.
std::string encode_customer_import(std::span<const customer> rows);
[[nodiscard]] expected<std::vector<customer>> decode_customer_import(std::string_view payload);

boost::json::object customer_to_json(const customer& c);

struct customer_import_summary {
  std::size_t imported = 0, added = 0, replaced = 0, unchanged = 0;
  friend bool operator==(const customer_import_summary&, const customer_import_summary&) = default;
};

struct customer_filter {
  std::string connection_point;  // "" = any; exact
  std::optional<customer_tier> tier;
  std::string after;             // id cursor
  std::uint64_t limit = 100;
};

struct customer_page {
  std::vector<customer> items;  // by id
  std::string next_after;
  bool end = true;
};

class customer_registry {
 public:
  customer_registry() = default;
  // Moved only: a copy's index would point into the original's customers.
  customer_registry(const customer_registry&) = delete;
  customer_registry& operator=(const customer_registry&) = delete;
  customer_registry(customer_registry&&) = default;
  customer_registry& operator=(customer_registry&&) = default;

  const customer* find(std::string_view id) const;
  std::size_t size() const noexcept { return by_id_.size(); }

  // Nothing, or every issue: an empty import, repeated ids in the import,
  // and connection points `equipment` does not hold.
  [[nodiscard]] status check_import(std::span<const customer> rows, const equipment_registry& equipment) const;
  customer_import_summary summarize(std::span<const customer> rows) const;
  // Upserts every row as changed by event `seq` (version 1 when new, +1
  // when a field changes, untouched when identical), and lists the new and
  // moved ones. Repeated ids: the last row wins. REQUIRES: check_import
  // accepted them, or they are replayed from the log.
  customer_import_summary apply_import(std::span<const customer> rows, const equipment_registry& equipment,
                                       std::uint64_t seq = 0);
  [[nodiscard]] status apply_event(std::string_view type, std::uint64_t seq, std::string_view payload,
                                   const equipment_registry& equipment);

  // Relinks the index to `equipment` (after an equipment import).
  void reindex(const equipment_registry& equipment);

  // Every customer at or below any of `equipment_ids`, each once, by id.
  std::vector<const customer*> affected(std::span<const std::string> equipment_ids) const;

  // The customers as a projection snapshot holds them (snapshot.cpp), with
  // their versions; from_json indexes them below `equipment`. It answers
  // errc::internal for a value it cannot read.
  boost::json::value to_json() const;
  [[nodiscard]] static expected<customer_registry> from_json(const boost::json::value& v,
                                                             const equipment_registry& equipment);
  // Two registries are equal when they hold the same customers (the index follows from them).
  friend bool operator==(const customer_registry& a, const customer_registry& b) { return a.by_id_ == b.by_id_; }

  // Customers by id after f.after, at most max(f.limit, 1) of them;
  // connection_point is matched exactly (not the equipment below it).
  customer_page select(const customer_filter& f) const;

 private:
  // The customers at one equipment id, and the listings of the equipment
  // directly below it that lead to customers, as the equipment registry had
  // them when each was made. Each customer is in its connection point's.
  struct listing {
    std::vector<const customer*> customers;  // in no order
    std::vector<const listing*> below;
    std::uint32_t pass = 0;  // the reindex that linked it below its parent's
  };
  // The listing of `id`, made when there is none, and linked below its
  // parent's once in each pass.
  listing& listing_of(const std::string& id, const equipment_registry& equipment, int depth);
  // The customers of `l` and of every listing below it, appended to `out`.
  void collect(const listing& l, int depth, std::vector<const customer*>& out) const;

  std::map<std::string, customer, std::less<>> by_id_;  // node-based: the listings' pointers stay valid
  std::unordered_map<std::string, listing> under_;      // equipment id -> its listing; node-based
  std::uint32_t pass_ = 1;                              // counts reindex() calls
};

}  // namespace gridcoord::domain::sla
