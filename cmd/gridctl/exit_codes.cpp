#include "cmd/gridctl/exit_codes.hpp"

namespace gridcoord::gridctl {

exit_code exit_code_for_status(unsigned status) noexcept {
  if (status >= 200 && status < 300) return exit_code::ok;
  switch (status) {
    case 401:
    case 403: return exit_code::auth;
    case 404: return exit_code::not_found;
    case 409: return exit_code::conflict;
    case 429: return exit_code::server;
    default: break;
  }
  if (status >= 400 && status < 500) return exit_code::invalid;
  return exit_code::server;  // 5xx, and 1xx/3xx, which the API never answers
}

std::string_view exit_code_help() noexcept {
  return "Exit codes:\n"
         "  0  success\n"
         "  1  gridctl failed unexpectedly (a bug)\n"
         "  2  usage error: bad arguments, unreadable file, bad config file\n"
         "  3  authentication or authorization refused (401, 403)\n"
         "  4  the server refused the request as invalid (400, 413, 415, 422, other 4xx)\n"
         "  5  not found (404)\n"
         "  6  conflict (409), e.g. an Idempotency-Key reused with another request\n"
         "  7  server or connection trouble (5xx, 429, cannot connect, timeout)\n";
}

}  // namespace gridcoord::gridctl
