#pragma once
// config/standards_file.hpp — the capacity part of the standards catalogue
// (config/standards.toml; the format is in docs/standards.md): the capacity
// register's settings and the default load standard of every equipment kind.
// Production's M3 reports override the defaults from their effective month.
//
// [Threading] Plain functions; no shared state.
// [Errors]    Every problem is a load_error naming the file, the line and the
//             key ("FILE:LINE: KEY WHAT"): a syntax error, an unknown table,
//             key or equipment kind, a missing key or kind, a wrong type, a
//             value out of its range.
// [Limits]    horizon_months 1..120 (whole); minimum_available_kva ≥ 0;
//             minimum_likelihood_pct 0..100; power_factor in (0, 1]. Per kind:
//             heavy_load_pct > 0, overload_pct > heavy_load_pct,
//             0 < planning_limit_pct ≤ overload_pct, 0 < duration_h ≤ 744,
//             demand_factor in (0, 1].
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"
#include "config/settings.hpp"
#include "domain/capacity/model.hpp"

namespace gridcoord::config {

// The settings of a standards file; `origin` names it in errors. The defaults
// hold one load_standard per equipment kind, in equipment_kind order, each
// effective from 2000-01 with no source.
[[nodiscard]] gridcoord::expected<domain::capacity::settings, load_error> parse_standards_file(
    std::string_view toml, const std::string& origin);

// The file at `path` (relative to the working directory). When it is not
// there and `path` is the shipped name ("config/standards.toml",
// config/shipped_files.hpp), the copy built into the binary is read instead,
// and a note saying so is added to `notes` (when given).
[[nodiscard]] gridcoord::expected<domain::capacity::settings, load_error> load_standards_file(
    const std::string& path, std::vector<std::string>* notes = nullptr);

}  // namespace gridcoord::config
