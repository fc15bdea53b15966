#pragma once
// domain/report.hpp — validating a submitted report and the record of one version.
//
// [Errors] parse_rows reports every bad row and field at once
//          (errc::validation_failed with one issue each); a body that is not
//          {"rows": [...]} is errc::invalid_request.
// [Limits] max_report_rows rows per report.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "domain/clock.hpp"
#include "domain/department.hpp"
#include "domain/error.hpp"
#include "domain/month.hpp"
#include "domain/report_kind.hpp"

namespace gridcoord::domain {

inline constexpr std::size_t max_report_rows = 1'000'000;

// The stream one report's versions are logged in:
// "report/marketing/large_customer_demand/2026-10".
std::string report_stream(department sender, std::string_view kind, month period);
// The kind named by a report stream (a view into `stream`); "" for any other stream.
std::string_view report_kind_of_stream(std::string_view stream);

// Parses and validates a body {"rows": [{field: value, ...}, ...]} against `kind`.
[[nodiscard]] expected<std::vector<row>> parse_rows(const report_kind& kind, month period,
                                                    const boost::json::value& body);

// Rows as a JSON array of objects, absent cells left out.
boost::json::array rows_to_json(const report_kind& kind, const std::vector<row>& rows);

// One accepted version of a report: the payload of a "report.submitted" event.
struct report_version {
  department sender = department::marketing;
  std::string kind;
  month period{};
  std::uint32_t version = 0;
  std::vector<department> recipients;
  std::string submitted_by;
  std::size_t row_count = 0;  // rows.size() when built; kept when rows are not decoded
  std::vector<row> rows;
  std::string person;  // the submitting token's description ("张敏"); "" when it has none
};

inline constexpr std::string_view report_submitted_type = "report.submitted";

std::string encode(const report_version& v);

// Everything of a stored version but its rows (left empty: replay needs only the
// header, and a reader returns the stored rows as they are).
// errc::internal when the payload is not a report_version (a damaged log).
[[nodiscard]] expected<report_version> decode_report_header(std::string_view payload);
// The whole version, rows included (cells as stored, not validated again).
[[nodiscard]] expected<report_version> decode_report(std::string_view payload);

}  // namespace gridcoord::domain
