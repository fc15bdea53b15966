#pragma once
// config/shipped_files.hpp — the calendar, reporting, standards, time-limit
// and message files gridcoord ships (config/calendars/cn-2026.toml,
// config/calendars/mon-fri.toml, config/reporting.toml, config/standards.toml,
// config/time_limits.toml, config/messages.toml), built into the binary so
// that a server started outside the source tree (a test, an installed binary)
// still has them.
// [Threading] Constant data.
// [Errors]    nullopt for a path that is not one of the shipped names.
#include <optional>
#include <string_view>

namespace gridcoord::config {

// The built-in text of the shipped file named exactly `path`, e.g.
// "config/reporting.toml"; nullopt for any other path.
std::optional<std::string_view> shipped_file(std::string_view path) noexcept;

}  // namespace gridcoord::config
