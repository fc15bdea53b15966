#pragma once
// config/detail/toml_support.hpp — what every TOML file reader of config/
// shares: reading a file, parsing it with the line of a syntax error, and
// collecting the first problem as "FILE:LINE: KEY WHAT".
// [Threading] Plain functions and a value type; no shared state.
// [Errors]    parse_toml answers a syntax error as a load_error naming the
//             file and line; checker keeps the first problem it is told of.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "common/expected.hpp"
#include "config/settings.hpp"

namespace gridcoord::config::detail {

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_text(const std::string& path);

// The file's text; a shipped file (config/shipped_files.hpp) missing from the
// working directory is taken from the copy built in, with a note saying so
// added to `notes` (when given). A load_error "PATH: cannot be read" otherwise.
gridcoord::expected<std::string, load_error> read_config_text(const std::string& path,
                                                              std::vector<std::string>* notes);

gridcoord::expected<toml::table, load_error> parse_toml(std::string_view text, const std::string& origin);

// Collects the first problem, as "FILE:LINE: KEY WHAT".
struct checker {
  const std::string& origin;
  std::string problem;

  bool ok() const { return problem.empty(); }
  void fail(const toml::node& at, std::string_view key, std::string_view what);
  // False (and a problem) when `table` holds a key not in `known`.
  bool only(const toml::table& table, std::string_view prefix, std::initializer_list<std::string_view> known);
  // The table at `key` of `parent`, or nullptr (and a problem naming it `name`).
  const toml::table* table(const toml::table& parent, std::string_view key, std::string_view name);
};

}  // namespace gridcoord::config::detail
