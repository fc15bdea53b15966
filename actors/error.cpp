#include "actors/error.hpp"

#include <fmt/format.h>

#include <caf/atom.hpp>
#include <caf/message.hpp>
#include <caf/sec.hpp>

#include "actors/messages.hpp"

namespace gridcoord::actors {

namespace {
constexpr caf::atom_value category = caf::atom("gridcoord");
}

caf::error to_caf(domain::error e) {
  auto code = static_cast<std::uint8_t>(e.code);
  return caf::error(code, category, caf::make_message(std::move(e)));
}

caf::error to_caf(domain::errc code, std::string message) {
  return to_caf(domain::error{code, std::move(message), {}});
}

caf::error idempotency_conflict(std::string_view key) {
  return to_caf(domain::errc::conflict, fmt::format("Idempotency-Key '{}' was already used for a different "
                                                    "request; use a new key for new content", key));
}

domain::error to_domain(const caf::error& e) {
  if (e.category() == category) {
    const auto& ctx = e.context();
    if (ctx.match_elements<domain::error>()) return ctx.get_as<domain::error>(0);
    return {static_cast<domain::errc>(e.code()), "", {}};
  }
  if (e.category() == caf::atom("system")) {
    auto code = static_cast<caf::sec>(e.code());
    if (code == caf::sec::request_timeout)
      return {domain::errc::unavailable, "the request timed out inside gridcoord; retry with the "
                                         "same Idempotency-Key", {}};
    return {domain::errc::unavailable, "gridcoord is shutting down or restarting", {}};
  }
  return {domain::errc::internal, "unexpected internal error", {}};
}

domain::error to_domain(const storage::error& e) {
  using storage::errc;
  switch (e.code) {
    case errc::not_found: return {domain::errc::not_found, e.message, {}};
    case errc::too_large: return {domain::errc::too_large, e.message, {}};
    case errc::closed:
    case errc::busy: return {domain::errc::unavailable, "the event log is not accepting writes now", {}};
    case errc::no_space:
      return {domain::errc::unavailable,
              "the disk holding the event log is full: nothing of this request was stored; retry with the same "
              "Idempotency-Key once an operator has freed space",
              {}};
    default: return {domain::errc::internal, "the event log failed: " + e.message, {}};
  }
}

}  // namespace gridcoord::actors
