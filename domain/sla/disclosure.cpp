#include "domain/sla/disclosure.hpp"

#include <array>
#include <span>
#include <string>

#include <boost/json.hpp>

#include "domain/sla/customers.hpp"
#include "domain/sla/events.hpp"
#include "domain/sla/outbox.hpp"
#include "domain/token_book.hpp"

namespace gridcoord::domain::sla {

namespace json = boost::json;

namespace {

// A personal field: `field` of the object, or of each object in its array
// `array` when that is not empty.
struct personal_field {
  std::string_view array;
  std::string_view field;
};

// Where personal data lies in one event type or item kind.
struct personal_fields {
  std::string_view name;
  std::span<const personal_field> fields;
};

constexpr std::array<personal_field, 3> complaint_fields{{{"", "customer_name"}, {"", "contact"}, {"", "text"}}};
constexpr std::array<personal_field, 1> callback_opened_fields{{{"", "customer"}}};
constexpr std::array<personal_field, 1> note_field{{{"", "note"}}};
constexpr std::array<personal_field, 2> notification_fields{{{"", "address"}, {"", "text"}}};
constexpr std::array<personal_field, 2> customer_fields{{{"customers", "name"}, {"customers", "contacts"}}};
constexpr std::array<personal_field, 2> callback_item_fields{{{"", "customer"}, {"attempts", "note"}}};

constexpr std::array<personal_fields, 6> event_table{{
    {complaint_registered_type, complaint_fields},
    {callback_opened_type, callback_opened_fields},
    {callback_attempted_type, note_field},
    {customers_notified_type, note_field},
    {notification_enqueued_type, notification_fields},
    {customer_imported_type, customer_fields},
}};

constexpr std::array<personal_fields, 2> item_table{{
    {"complaint", complaint_fields},
    {"callback", callback_item_fields},
}};

// Removes `f` from `o` (or from each object of its array); true when any was there.
bool remove(json::object& o, const personal_field& f) {
  if (f.array.empty()) return o.erase(f.field) > 0;
  auto* list = o.if_contains(f.array);
  if (!list || !list->is_array()) return false;
  bool removed = false;
  for (auto& element : list->get_array())
    if (auto* e = element.if_object()) removed = e->erase(f.field) > 0 || removed;
  return removed;
}

void redact(std::span<const personal_fields> table, std::string_view name, json::object& o) {
  for (const auto& entry : table) {
    if (entry.name != name) continue;
    json::array redacted;
    for (const auto& f : entry.fields)
      if (remove(o, f))
        redacted.emplace_back(f.array.empty() ? std::string(f.field)
                                              : std::string(f.array) + "[]." + std::string(f.field));
    if (!redacted.empty()) o["redacted"] = std::move(redacted);
    return;
  }
}

}  // namespace

disclosure disclosure_for(const role& viewer) {
  return allowed(viewer, operation{operation_kind::read_customers, std::nullopt, {}})
             ? disclosure::with_personal_data
             : disclosure::without_personal_data;
}

void redact_event(std::string_view type, json::value& payload, disclosure who) {
  auto* o = payload.if_object();
  if (!o) return;
  if (type == token_created_type) o->erase("secret_hash");
  if (who == disclosure::without_personal_data) redact(event_table, type, *o);
}

void redact_item(std::string_view kind, json::object& item, disclosure who) {
  if (who == disclosure::without_personal_data) redact(item_table, kind, item);
}

}  // namespace gridcoord::domain::sla
