// fuzz/settings_toml.cpp — the TOML files an operator writes.
//
// Input: the text of a TOML file. It is read as each file the server reads
// at start-up: the settings (parse_settings), a holiday calendar, the
// reporting rules, the standards catalogue, the time limits and the
// customer messages (config/*.hpp, the parse_* form of each load_*). Each
// answers its value or a load_error naming the file; checks: a load_error
// always has a message, and it names the file.
#include <string>
#include <string_view>

#include "config/calendar_files.hpp"
#include "config/messages_file.hpp"
#include "config/settings.hpp"
#include "config/standards_file.hpp"
#include "config/time_limits_file.hpp"
#include "fuzz/fuzz_target.hpp"

namespace {

namespace config = gridcoord::config;
using gridcoord::fuzz::check;

const std::string origin = "fuzz.toml";

template <class T>
void named(const gridcoord::expected<T, config::load_error>& r) {
  if (r) return;
  check(r.error().message.find(origin) != std::string::npos, "a load_error does not name the file");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = gridcoord::fuzz::as_text(data, size);
  named(config::parse_settings(text, origin));
  named(config::parse_calendar_file(text, origin, "Asia/Shanghai"));
  named(config::parse_reporting_file(text, origin));
  named(config::parse_standards_file(text, origin));
  named(config::parse_time_limits_file(text, origin, "document"));
  named(config::parse_messages_file(text, origin, "zh-CN"));
  named(config::parse_messages_file(text, origin, "en"));
  return 0;
}
