#pragma once
// domain/csv_cells.hpp — a CSV cell as people type it, read as a value.
//
// What Excel writes and what a Chinese input method types, for the cells of
// number and month fields (domain/report_csv.hpp) and the header's names:
// - Full-width forms (U+FF01–U+FF5E: "８０％", "２０２７／３", "（kW）") are read
//   as their ASCII letters, and the ideographic space U+3000 as a space.
// - Numbers: "1250.5", "-3", "+3", "2000", "1.25e3", with or without thousands
//   separators in groups of three ("1,250.5", "12,345"); trimmed of spaces.
//   Not numbers: "1.2.3", "1,25", "1 250", ".5", "80%", "nan", "0x10".
// - Percentages: a number followed by "%", a space between allowed ("80%",
//   "80 %", "12.5%", "８０％"), as the number of percent (80) or as a fraction
//   (0.8), read exactly as the decimal it is (33.3% is 0.333).
// - Months: "2027-03", "2027-3", "2027/3", "2027/03", "2027年3月", "2027年03月",
//   and a date on the 1st, which is what Excel writes for a date formatted as a
//   month: "2027/3/1", "2027-03-01", "2027年3月1日". Years 1900–9999.
// [Threading] Pure; safe from any thread.
// [Errors] nullopt for a cell that is not of the form; csv_month_is_dated
//          tells a date on another day than the 1st apart, for its reason.
#include <optional>
#include <string>
#include <string_view>

#include "domain/month.hpp"

namespace gridcoord::domain {

// `text` with full-width forms and the ideographic space as ASCII; any other
// byte unchanged.
std::string to_half_width(std::string_view text);

// `text` without the spaces and tabs around it.
std::string_view trim_cell(std::string_view text);

// A number cell (see above), or nullopt.
std::optional<double> parse_csv_number(std::string_view text);

// A percentage cell: the number of percent ("80%" -> 80), or with
// `as_fraction` the share it is ("80%" -> 0.8); nullopt without a percent
// sign or when the rest is not a number.
std::optional<double> parse_csv_percent(std::string_view text, bool as_fraction);

// A month cell (see above), or nullopt; a date on another day than the 1st
// ("2027/3/15") is not a month.
std::optional<month> parse_csv_month(std::string_view text);

// Whether `text` is a date written as a month cell may be, but on another day
// than the 1st ("2027/3/15", "2027年3月15日").
bool csv_month_is_dated(std::string_view text);

}  // namespace gridcoord::domain
