#pragma once
// cmd/gridctl/render_json.hpp — JSON for people and for jq: indented, with
// numbers as people write them (domain::to_text's rule: 1250.5, not 1.2505E3).
//
// Two spaces per level. An array or object whose members are all scalars and
// whose one-line form fits in 80 columns stays on one line:
//   "recipients": ["planning", "dispatch"],
// [Threading] Pure; safe from any thread.
#include <ostream>
#include <string>

#include <boost/json/value.hpp>

namespace gridcoord::gridctl {

// Writes `v` as if it were nested `depth` levels deep (the first line is not
// indented; the lines after it are), without a final newline.
void write_pretty(std::ostream& out, const boost::json::value& v, int depth = 0);

std::string pretty(const boost::json::value& v);

// The one-line form: ", " and ": " between members.
std::string one_line(const boost::json::value& v);

}  // namespace gridcoord::gridctl
