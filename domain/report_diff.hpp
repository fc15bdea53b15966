#pragma once
// domain/report_diff.hpp — what changed between two versions of a report.
//
// Rows are matched by the kind's key (report_kind::key: the fields that
// identify a row; an absent field counts as empty), in order among rows with
// the same key; a kind without a key matches whole rows. A matched pair whose
// values differ is a changed row, listing each field that differs.
// [Threading] Pure; safe from any thread.
// [Limits]    Linear in the rows of both versions (one hash map of keys).
#include <cstddef>
#include <string>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "domain/report_kind.hpp"

namespace gridcoord::domain {

struct field_change {
  std::string field;
  boost::json::value before;  // null when the field was absent
  boost::json::value after;   // null when it is absent now
};

struct changed_row {
  std::size_t from_row = 0;  // 1-based, in the older version
  std::size_t to_row = 0;    // 1-based, in the newer version
  std::vector<field_change> fields;
};

struct rows_diff {
  std::vector<std::size_t> removed;  // 1-based rows of `from` with no match in `to`
  std::vector<std::size_t> added;    // 1-based rows of `to` with no match in `from`
  std::vector<changed_row> changed;
  std::size_t unchanged = 0;
};

// `from` and `to` are stored rows (arrays of objects, as rows_to_json writes
// them); anything that is not an object counts as an empty row.
rows_diff diff_rows(const report_kind& kind, const boost::json::array& from, const boost::json::array& to);

}  // namespace gridcoord::domain
