#pragma once
// domain/finite_numbers.hpp — refuses a JSON body that holds a number no
// double can hold.
//
// Boost.JSON reads a number too large for a double (1e999999) as infinity,
// which every later check would have to think of and the answer would print
// as null. A body is checked once, right after it is parsed, so that no route
// sees one.
// [Threading] Pure functions; safe from any thread.
// [Errors]    check_finite answers errc::validation_failed (422) with one issue,
//             rule not_a_number, naming where the number is: "load_kva",
//             "rows[2].demand_kw", or "" for a body that is the number itself.
// [Limits]    Walks the whole value; nesting is bounded by the parser's depth limit.
#include <optional>
#include <string>

#include <boost/json/value.hpp>

#include "domain/error.hpp"

namespace gridcoord::domain {

// Where the first non-finite number of `v` is, in document order, or nullopt.
std::optional<std::string> first_non_finite(const boost::json::value& v);

[[nodiscard]] status check_finite(const boost::json::value& body);

}  // namespace gridcoord::domain
