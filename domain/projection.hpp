#pragma once
// domain/projection.hpp — everything gridcoord derives from its event log:
// one book per department, the token book and the cycle's notices.
//
// Recovery rebuilds it from a snapshot plus the log's tail; the snapshot
// keeper maintains a copy of it to snapshot. Applying events in sequence order
// is the only way it changes.
// [Errors] apply_event and from_json answer errc::internal for unreadable data.
//          A snapshot without "equipment" (taken before the registry) loads
//          with an empty registry.
#include <map>

#include <boost/json/value.hpp>

#include "domain/book.hpp"
#include "domain/equipment.hpp"
#include "domain/cycle.hpp"
#include "domain/token_book.hpp"

namespace gridcoord::domain {

struct projection {
  std::map<department, department_book> books;  // one per department, always all five
  token_book tokens;
  equipment_registry equipment;
  cycle_book cycle;  // the monthly cycle's reminders and late notices

  // Five empty books and no tokens.
  static projection empty();

  [[nodiscard]] status apply_event(std::string_view type, std::uint64_t seq, time_point at,
                                   std::string_view payload);

  boost::json::value to_json() const;
  // Also reads the earlier snapshot forms: an array of books (no tokens then),
  // and books with tokens but no cycle (an empty cycle book then).
  [[nodiscard]] static expected<projection> from_json(const boost::json::value& v);

  friend bool operator==(const projection&, const projection&) = default;
};

}  // namespace gridcoord::domain
