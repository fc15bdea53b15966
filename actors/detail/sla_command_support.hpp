#pragma once
// actors/detail/sla_command_support.hpp — small pieces the SLA commands
// (sla_outage_commands.cpp, sla_complaint_commands.cpp) share.
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "actors/detail/sla_commands.hpp"

namespace gridcoord::actors::detail {

// An event of `item`'s stream, written now by the request's writer.
inline storage::event_draft item_event(const sla_context& c, const sla_writer& w, std::string stream,
                                       std::string_view type, std::string payload) {
  return {std::move(stream), std::string(type), c.now, w.by, std::move(payload), w.origin};
}

inline gridcoord::unexpected<domain::error> no_such(std::string_view kind, std::uint64_t id) {
  return gridcoord::unexpected<domain::error>{
      domain::error{domain::errc::not_found, fmt::format("there is no {} {}", kind, id), {}}};
}

inline gridcoord::unexpected<domain::error> not_now(std::string message) {
  return gridcoord::unexpected<domain::error>{domain::error{domain::errc::conflict, std::move(message), {}}};
}

inline gridcoord::unexpected<domain::error> invalid(std::vector<domain::issue> issues) {
  return gridcoord::unexpected<domain::error>{
      domain::error{domain::errc::validation_failed, "the request has invalid fields", std::move(issues)}};
}

// A repeat of a step already taken: nothing to log.
inline sla_decision repeat(std::string item) { return {{}, std::move(item), false, false}; }

// Instants a caller states may not be in the future (a minute of clock skew allowed).
inline bool in_future(const sla_context& c, domain::time_point t) { return t > c.now + std::chrono::minutes{1}; }

}  // namespace gridcoord::actors::detail
