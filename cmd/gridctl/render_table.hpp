#pragma once
// cmd/gridctl/render_table.hpp — a JSON answer as a person reads it (--table).
//
//   an array of objects  -> a table: one column per field, in order of first
//                           appearance; numbers right-aligned; cells cut at
//                           max_cell_columns with "…"; null as "-"
//   an object            -> "key  value" lines, keys aligned; then each field
//                           that holds an array of objects, as a table under
//                           its name and count (alone, without the heading,
//                           when it is the object's only field)
//   anything else        -> its JSON
// Widths are display columns (text_width.hpp), so Chinese text lines up.
// Cells: a flat object is "k=v k=v", a flat array "a, b", deeper values their
// one-line JSON; control characters become spaces. Key/value lines are never
// cut (a token must stay whole).
// [Threading] Pure; safe from any thread.
#include <cstddef>
#include <string>

#include <boost/json/value.hpp>

namespace gridcoord::gridctl {

inline constexpr std::size_t max_cell_columns = 60;

// Ends with a newline; "(none)\n" for an empty array.
std::string render_table(const boost::json::array& rows);
std::string render_for_people(const boost::json::value& answer);
std::string cell_text(const boost::json::value& v);

}  // namespace gridcoord::gridctl
