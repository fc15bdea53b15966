#pragma once
// domain/report_csv.hpp — a report's rows from a CSV file (domain/csv.hpp).
//
// The header names the kind's fields (report_kind::fields), in any order;
// surrounding spaces are trimmed and letter case is ignored ("Demand_KW" is
// demand_kw). Missing optional columns are fine; a missing required one is
// reported by validation on every row, as for JSON.
// Cells: an empty cell is an absent value. Text is kept byte for byte.
// Numbers (integers too) and months are trimmed of surrounding spaces; a number is written
// as people write it: "1250.5", "-3", "2000", "1.25e3", with or without
// thousands separators in groups of three ("1,250.5", "12,345"; quote the
// cell, since it holds a comma). Anything else ("1.2.3", "1,25", "80%") is
// left as text and validation answers "must be a number" with the value.
// The rows then go through parse_rows: the same rules, reasons and
// all-at-once reporting as a JSON body, with issue::row the data row (the
// record after the header, from 1), not the file's line.
// [Threading] Pure; safe from any thread.
// [Errors] read_csv's errors (invalid_request, too_large); a header with an
//          unknown, unnamed or repeated column is errc::validation_failed with
//          one issue per column (field = the column as written); then
//          parse_rows's errc::validation_failed, every bad row and field.
// [Limits] as read_csv's and parse_rows's.
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "domain/csv.hpp"
#include "domain/error.hpp"
#include "domain/month.hpp"
#include "domain/report_kind.hpp"

namespace gridcoord::domain {

// The JSON body {"rows": [...]} that the CSV file stands for: one object per
// data row, its present cells as strings, numbers as JSON numbers when they
// read as one.
[[nodiscard]] expected<boost::json::value> csv_to_json(const report_kind& kind, std::string_view text);

// csv_to_json, then parse_rows.
[[nodiscard]] expected<std::vector<row>> parse_csv_rows(const report_kind& kind, month period,
                                                        std::string_view text);

// For each column of the header, the index of the kind's field it holds;
// validation_failed with one issue per unknown, unnamed or repeated column.
[[nodiscard]] expected<std::vector<std::size_t>> map_csv_header(const report_kind& kind, const csv_record& header);

// A number cell as written in a CSV file (see above), or nullopt.
std::optional<double> parse_csv_number(std::string_view text);

}  // namespace gridcoord::domain
