#pragma once
// domain/report_csv.hpp — a report's rows from a CSV file (domain/csv.hpp).
//
// The header names the kind's fields (report_kind::fields), in any order, by
// name or by Chinese label: a name is trimmed and its letter case ignored
// ("Demand_KW" is demand_kw); a label is matched with the unit or without it,
// parentheses full-width or not, spaces ignored ("需求负荷（kW）",
// "需求负荷(kW)", "需求负荷"); "label (name)", as the web console writes a
// heading, names the field in parentheses. Missing optional columns are fine;
// a missing required one is reported by validation on every row, as for JSON.
// Cells (domain/csv_cells.hpp): an empty cell is an absent value. Text is
// kept byte for byte. Numbers are read as people write them, full-width digits
// and thousands separators too ("1,250.5"; quote the cell, since it holds a
// comma); "80%" in a field counted in percent is 80, in a field that is a
// fraction 0.8 (field_spec::percent), and elsewhere not a number. Months are
// read in the forms Excel and people write them ("2027/3", "2027/3/1",
// "2027年3月") and sent on as "2027-03". Anything else is left as text and
// validation answers with the value ("must be a number").
// The rows then go through parse_rows: the same rules, reasons and
// all-at-once reporting as a JSON body, with issue::row the data row (the
// record after the header, from 1). place_csv_issues then gives each issue
// the file's line (issue::line: the header is line 1) and words a month
// issue for a CSV cell.
// [Threading] Pure; safe from any thread.
// [Errors] read_csv's errors (invalid_request, too_large); a header with an
//          unknown, unnamed or repeated column (a field named twice, by name
//          and by label, too) is errc::validation_failed with one issue per
//          column (field = the column as written, line = the header's); then
//          parse_rows's errc::validation_failed, every bad row and field.
// [Limits] as read_csv's and parse_rows's.
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "domain/csv.hpp"
#include "domain/csv_cells.hpp"
#include "domain/error.hpp"
#include "domain/month.hpp"
#include "domain/report_kind.hpp"

namespace gridcoord::domain {

// What a CSV file stands for, and where its rows are in the file.
struct csv_rows {
  // The JSON body {"rows": [...]}: one object per data row, its present cells
  // as strings, numbers as JSON numbers when they read as one, months as "YYYY-MM".
  boost::json::value body;
  std::vector<std::size_t> lines;  // lines[i]: the line data row i + 1 starts on
};

[[nodiscard]] expected<csv_rows> csv_to_json(const report_kind& kind, std::string_view text);

// Sets the line of every issue of `e` about a data row of `file`, and gives a
// not_a_month issue the forms a CSV month cell may take.
void place_csv_issues(const csv_rows& file, error& e);

// csv_to_json, then parse_rows, then place_csv_issues.
[[nodiscard]] expected<std::vector<row>> parse_csv_rows(const report_kind& kind, month period,
                                                        std::string_view text);

// For each column of the header, the index of the kind's field it holds;
// validation_failed with one issue per unknown, unnamed or repeated column.
[[nodiscard]] expected<std::vector<std::size_t>> map_csv_header(const report_kind& kind, const csv_record& header);

// The field a header cell names (see above), or nullopt.
std::optional<std::size_t> field_for_heading(const report_kind& kind, std::string_view heading);

}  // namespace gridcoord::domain
