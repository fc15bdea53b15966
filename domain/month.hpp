#pragma once
// domain/month.hpp — calendar months, written "YYYY-MM" everywhere.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace gridcoord::domain {

using month = std::chrono::year_month;

// Parses exactly "YYYY-MM" with a year in 1900..9999 and a month 01..12;
// nullopt for anything else ("2026-1", "2026-13", " 2026-01").
std::optional<month> parse_month(std::string_view text) noexcept;

// "2026-03".
std::string to_string(month m);

// Whole months from `a` to `b` (negative when b is earlier).
int months_between(month a, month b) noexcept;

}  // namespace gridcoord::domain
