#pragma once
// domain/json.hpp — JSON text as people and DESIGN.md's conventions want it.
//
// Boost.JSON 1.81 prints 1250.5 as "1.2505E3"; to_text prints the shortest
// form that reads back to the same double ("1250.5", "0.1", "1e+21"), and
// integral doubles without a fraction ("2000"; -0.0 as "0"). Everything else is standard
// JSON, compact, with strings escaped as Boost.JSON does.
#include <string>

#include <boost/json/value.hpp>

namespace gridcoord::domain {

std::string to_text(const boost::json::value& v);

// Appends to `out` instead of returning a new string.
void append_text(std::string& out, const boost::json::value& v);
// A string and a number, as append_text writes them inside a value.
void append_text(std::string& out, boost::json::string_view s);
void append_text(std::string& out, double d);

// A value as an issue (domain/error.hpp) quotes it: a string's own text
// (no quotes), anything else as to_text writes it.
std::string value_text(const boost::json::value& v);

}  // namespace gridcoord::domain
