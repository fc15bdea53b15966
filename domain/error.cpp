#include "domain/error.hpp"

namespace gridcoord::domain {

const char* to_string(errc code) noexcept {
  switch (code) {
    case errc::invalid_request: return "invalid_request";
    case errc::validation_failed: return "validation_failed";
    case errc::not_found: return "not_found";
    case errc::conflict: return "conflict";
    case errc::unauthorized: return "unauthorized";
    case errc::forbidden: return "forbidden";
    case errc::too_large: return "too_large";
    case errc::too_many_requests: return "too_many_requests";
    case errc::unavailable: return "unavailable";
    case errc::internal: return "internal";
  }
  return "internal";
}

}  // namespace gridcoord::domain
