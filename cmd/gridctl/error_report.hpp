#pragma once
// cmd/gridctl/error_report.hpp — a refused request, told to a person.
//
// The server's envelope {"error":{"code","message","details":[…]}} becomes
//   gridctl: validation_failed (422): 2 problem(s) in the … report; nothing was stored
//     row 1, demand_kw = "-5": must be greater than 0
//     area = "": give exactly one of feeder and area
//     row 2 (line 3), expected_month = "2027/3/15": is a date, not a month: …
//     line 1, kw = "": is not a field of large_customer_demand …
// one line per detail, every detail (the file's line beside the row, when the
// detail has one: an uploaded CSV file's). A body that is not the envelope is
// summarised by its status line.
// [Threading] Pure; safe from any thread.
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

namespace gridcoord::gridctl {

// "row 3, demand_kw = \"-5\": must be greater than 0" for one detail.
std::string describe_detail(const boost::json::value& detail);

// True when `body` is the error envelope.
bool is_error_envelope(const boost::json::value& body);

// Lines for stderr, each ending in '\n'. `body` may be null (not JSON).
std::string describe_failure(unsigned status, std::string_view reason, const boost::json::value& body);

}  // namespace gridcoord::gridctl
