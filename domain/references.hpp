#pragma once
// domain/references.hpp — reports checked against the equipment registry.
//
// A field whose spec has `references` (domain/report_kind.hpp) must name
// equipment in the registry — of kind feeder for reference::feeder — in every
// row where its condition (references_when) holds. The check reads the JSON
// body ({"rows": [...]}, as parse_rows does, or as csv_to_json makes it from a
// CSV file), so its issues are reported together with the rows' own.
// An empty registry turns the checks off (a fresh install; docs/equipment.md).
// [Threading] Pure; safe from any thread.
// [Errors]    parse_checked_rows: parse_rows's errors, with the reference issues
//             merged in by row (errc::validation_failed, every issue at once).
#include <vector>

#include <boost/json/value.hpp>

#include "domain/equipment.hpp"
#include "domain/error.hpp"
#include "domain/month.hpp"
#include "domain/report_kind.hpp"

namespace gridcoord::domain {

// One issue per row and referencing field whose string value is not in
// `registry` or is not a feeder where one is required; per row whose
// "equipment_class", when given, is not the registered kind of the equipment
// it names (M4, and M2 uprates); per M2 row of action "new" whose
// equipment_id is already registered (it must be an uprate). None when the
// registry is empty. Values that are not strings are left to parse_rows.
std::vector<issue> check_references(const report_kind& kind, const boost::json::value& body,
                                    const equipment_registry& registry);

// parse_rows, then check_references; all issues in one error.
[[nodiscard]] expected<std::vector<row>> parse_checked_rows(const report_kind& kind, month period,
                                                            const boost::json::value& body,
                                                            const equipment_registry& registry);

}  // namespace gridcoord::domain
