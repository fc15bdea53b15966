#pragma once
// gateways/access_log.hpp — gridcoord's log lines, and the access line written
// for every HTTP response.
//
// Two formats, chosen by the setting log.format (docs/operations.md):
//   json  one object per line: {"time","level","msg"} and, on access lines,
//         "request_id","method","route","path","status","duration_ms","remote","bytes";
//   text  "2026-09-21T14:13:20.123456Z info  GET /v1/health 200 0.4ms id=… …" for people.
// Access lines go to the spdlog logger named access_logger_name, which shares
// the default logger's sink; before log_to() they go to the default logger as
// plain text.
// [Threading] log_to() and configure_logging() from one thread, before any
//             other thread logs (they replace spdlog's default logger).
//             log_access() and the formatters are safe from any thread.
// [Errors]    None. Strings are escaped by Boost.JSON's serializer; text that is
//             not UTF-8 has its non-ASCII bytes replaced by '?', so every JSON
//             line parses.
// [Limits]    Access lines are logged at info: a level above info hides them.
#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

#include <spdlog/common.h>
#include <spdlog/formatter.h>

namespace gridcoord::gateways {

enum class log_format { json, text };

// "json" or "text"; nullopt for anything else.
std::optional<log_format> parse_log_format(std::string_view text) noexcept;

inline constexpr std::string_view access_logger_name = "access";

// Formats one message per line in `format` (time in RFC 3339 UTC, microseconds).
std::unique_ptr<spdlog::formatter> make_log_formatter(log_format format);

// From now on every gridcoord log line, access lines included, goes to `sink`
// only, formatted as `format`. The current level is kept.
void log_to(spdlog::sink_ptr sink, log_format format);

// log_to(standard error, format).
void configure_logging(log_format format);

// What is logged about one response.
struct access_record {
  std::string_view request_id;
  std::string_view method;    // as received; "-" when the request never arrived
  std::string_view route;     // the pattern, or "unmatched"
  std::string_view path;      // the target's path as received, without the query
  unsigned status = 0;
  double duration_ms = 0;
  std::string_view remote;    // the client's address
  std::size_t bytes = 0;      // response body bytes
};

void log_access(const access_record& r);

}  // namespace gridcoord::gateways
