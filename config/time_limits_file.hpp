#pragma once
// config/time_limits_file.hpp — the time-limit part of the standards catalogue
// (config/time_limits.toml; the format is in docs/time-limits.md): the named
// profiles of E1–E9 limits, each a list of dated revisions.
//
// [Threading] Plain functions; no shared state.
// [Errors]    Every problem is a load_error naming the file, the line and the
//             key ("FILE:LINE: KEY WHAT"): a syntax error, an unknown or
//             missing key, a wrong type, a limit the syntax does not accept,
//             a revision date that is not YYYY-MM-DD, revisions outside a
//             profile, an active profile the file does not hold (the message
//             lists the ones it does), warnings not strictly increasing
//             within (0, 100).
// [Limits]    Limits as domain::sla::parse_time_limit accepts them; the leads
//             are calendar durations; "none" only for cause_found. At least
//             one profile, and at least one revision per profile.
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"
#include "config/settings.hpp"
#include "domain/sla/limits.hpp"

namespace gridcoord::config {

// The catalogue of a time-limits file, with `active_profile` active; `origin`
// names the file in errors. Each profile's revisions are oldest first.
[[nodiscard]] gridcoord::expected<domain::sla::catalogue, load_error> parse_time_limits_file(
    std::string_view toml, const std::string& origin, const std::string& active_profile);

// The file at `path` (relative to the working directory). When it is not
// there and `path` is the shipped name ("config/time_limits.toml",
// config/shipped_files.hpp), the copy built into the binary is read instead,
// and a note saying so is added to `notes` (when given).
[[nodiscard]] gridcoord::expected<domain::sla::catalogue, load_error> load_time_limits_file(
    const std::string& path, const std::string& active_profile, std::vector<std::string>* notes = nullptr);

}  // namespace gridcoord::config
