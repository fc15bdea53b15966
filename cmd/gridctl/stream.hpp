#pragma once
// cmd/gridctl/stream.hpp — `gridctl stream`: GET /v1/stream (Server-Sent
// Events) read as it arrives, one line per event on `out`.
//
// Each event's JSON (as GET /v1/events has it) goes to `out` on one line, or
// with `table` a readable line (seq, time, type, stream, actor; the time in
// the zone of zone_for_people, to the second); `out` is flushed after every
// event so that a pipe into jq sees it at once.
// The last id seen is remembered; when the connection drops (broken, the
// server ends the body, nothing for `follow_idle_timeout`), gridctl waits
// (backoff_start, doubling up to backoff_max, told on `err`) and reconnects
// with Last-Event-ID. An event at or below the last id is never printed twice.
// [Threading] One call at a time per http_client.
// [Errors]    Exit codes as every command: 0 when --limit events were printed
//             or --until-idle passed without an event; 2 for --follow with
//             --until-idle; 3/4/5/7 for an HTTP refusal (never retried); 7 when
//             the first connection fails or max_stream_retries reconnections
//             in a row fail. An event that is not JSON is exit code 7.
// [Limits]    Retries are counted from the last connection that delivered an
//             event or a head of 200.
#include <chrono>

#include "cmd/gridctl/commands.hpp"
#include "cmd/gridctl/console.hpp"
#include "cmd/gridctl/execute.hpp"
#include "cmd/gridctl/exit_codes.hpp"

namespace gridcoord::gridctl {

inline constexpr int max_stream_retries = 5;
inline constexpr std::chrono::milliseconds backoff_start{500};
inline constexpr std::chrono::milliseconds backoff_max{8000};
// Three of the server's 15 s keep-alive intervals without a byte: the connection is dead.
inline constexpr std::chrono::seconds follow_idle_timeout{45};

// REQUIRES: cmd.streams
exit_code run_stream(const command& cmd, const arguments& args, call_context& ctx, console& io);

}  // namespace gridcoord::gridctl
