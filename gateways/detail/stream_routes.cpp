// GET /v1/stream: validates the starting point and hands the connection to
// detail::event_stream (through http_response::stream).
#include <memory>
#include <string>
#include <string_view>

#include "gateways/detail/event_stream.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/route_support.hpp"

namespace gridcoord::gateways::detail {

namespace {

// The bearer token the router authenticated the caller with.
std::string bearer_of(const request_context& ctx) {
  constexpr std::string_view scheme = "Bearer ";
  auto header = ctx.header("Authorization").value_or("");
  return std::string(header.starts_with(scheme) ? header.substr(scheme.size()) : std::string_view{});
}

// Last-Event-ID (a client resuming) wins over ?after=SEQ; both default to 0.
domain::expected<std::uint64_t> stream_after(const request_context& ctx) {
  if (auto resume = ctx.header("Last-Event-ID")) return integer_param(*resume, "Last-Event-ID", 0, UINT64_MAX);
  return integer_query(ctx, "after", 0, 0, UINT64_MAX);
}

}  // namespace

route_handler get_stream(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto after = stream_after(ctx);
    if (!after) return done(error_response(after.error()));
    http_response r;
    r.stream = std::make_shared<const stream_start>(stream_start{client, *after, *ctx.caller, bearer_of(ctx)});
    done(std::move(r));
  };
}

}  // namespace gridcoord::gateways::detail
