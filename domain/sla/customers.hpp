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
// an index by ancestor (a customer is listed under its connection point and
// each equipment above it, at most four), built by reindex() from the
// equipment registry: the owner calls it after each equipment import and
// after each customer import (apply_import does it for the customers it
// changes).
// [Threading] Not synchronised; one owner at a time. const members may be
//             called from several threads at once.
// [Errors]    check_import and the parsers answer errc::validation_failed
//             with every issue of every row at once (row numbers from 1; the
//             CSV header is not a row); apply_event errc::internal for
//             unreadable stored data.
// [Limits]    max_customer_import_rows per import, logged as one event per
//             customers_per_event rows; at most 8 contacts per customer.
#include <cstdint>
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

// Rows of an import body, each checked on its own (fields, types, tiers,
// channels, addresses, 1..max_contacts contacts, ids of at most 64 bytes).
// JSON: {"customers":[{"id","name","tier","connection_point","contacts":[{"channel","address"}]}]}
// CSV: header id,name,tier,connection_point,contacts where contacts is
//      "channel:address" entries separated by ";" ("sms:+86138…;email:a@b.cn").
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
  const customer* find(std::string_view id) const;
  std::size_t size() const noexcept { return by_id_.size(); }

  // The rows, or every issue: repeated ids in the import, and connection
  // points `equipment` does not hold.
  [[nodiscard]] status check_import(std::span<const customer> rows, const equipment_registry& equipment) const;
  customer_import_summary summarize(std::span<const customer> rows) const;
  // Upserts every row as changed by event `seq`, and reindexes them.
  // REQUIRES: check_import accepted them.
  customer_import_summary apply_import(std::span<const customer> rows, const equipment_registry& equipment,
                                       std::uint64_t seq = 0);
  [[nodiscard]] status apply_event(std::string_view type, std::uint64_t seq, std::string_view payload,
                                   const equipment_registry& equipment);

  // Rebuilds the ancestor index from `equipment` (after an equipment import).
  void reindex(const equipment_registry& equipment);

  // Every customer at or below any of `equipment_ids`, each once, by id.
  std::vector<const customer*> affected(std::span<const std::string> equipment_ids) const;

  customer_page select(const customer_filter& f) const;

 private:
  std::unordered_map<std::string, customer> by_id_;
  std::unordered_map<std::string, std::vector<const customer*>> under_;  // equipment id -> customers at or below
};

}  // namespace gridcoord::domain::sla
