#pragma once
// cmd/gridctl/execute.hpp — sends one command's request and shows the answer.
//
// Every request carries Accept-Language: ctx.language, so that the server
// writes its error messages and reasons in that language (gridctl's own words
// stay English).
// A 2xx answer goes to `out`: indented JSON (render_json.hpp), or with
// `table` the form of render_table.hpp. A refused request goes to `err` as the
// server's message and every detail line (error_report.hpp); a body that is
// not the error envelope (a 503 health report) still goes to `out`.
// With --all on a command that has `pages`, the pages are requested one after
// the other (`cursor_field` passed back) and shown as one answer of the same
// shape as a page ({"events":[…every event…],"next_after":N}), streamed in
// JSON, or with `table` gathered, passed through the command's table_view and
// shown as one table; `err` gets a progress line every `progress_every_pages` pages.
// With `table`, times are written in the zone of zone_for_people, asked of
// the server only when the answer holds a time (local_times.hpp).
// A 429 (rate limited; the server did nothing) is sent again after its
// Retry-After, at most `max_rate_retries` times and only when Retry-After is
// at most `max_retry_after`; then it counts as a failure (exit code 7).
// [Threading] One call at a time per http_client.
// [Errors]    Answers the exit code (exit_codes.hpp). A failure after some
//             pages were streamed leaves the JSON on `out` unfinished: the
//             exit code, not the output, says whether the run completed.
#include <chrono>
#include <optional>
#include <string>

#include "cmd/gridctl/commands.hpp"
#include "cmd/gridctl/console.hpp"
#include "cmd/gridctl/exit_codes.hpp"
#include "gateways/client/http_client.hpp"

namespace gridcoord::gridctl {

inline constexpr int progress_every_pages = 10;
inline constexpr int max_rate_retries = 3;
inline constexpr std::chrono::seconds max_retry_after{30};

struct call_context {
  client::http_client& http;
  std::string token;  // "" = no Authorization header
  bool table = false;
  std::string zone;   // --table times: a known IANA zone; "" = the server's (GET /v1/me)
  std::optional<std::string> server_zone;  // GET /v1/me's answer, once asked
  std::string language = "en";  // "zh-CN" or "en": every request's Accept-Language (the server's error messages)
};

exit_code execute(const command& cmd, const arguments& args, call_context& ctx, console& io);

// The zone --table views write times in: ctx.zone when one was configured,
// else the server's time_zone from GET /v1/me, asked once per run (kept in
// ctx.server_zone). When the server does not say (an older server, a refusal,
// a zone this machine does not know), UTC, with a warning on `err` that
// names --zone.
const std::string& zone_for_people(call_context& ctx, console& io);

}  // namespace gridcoord::gridctl
