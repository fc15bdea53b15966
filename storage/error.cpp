#include "storage/error.hpp"

namespace gridcoord::storage {

const char* to_string(errc code) noexcept {
  switch (code) {
    case errc::not_found:
      return "not_found";
    case errc::too_large:
      return "too_large";
    case errc::closed:
      return "closed";
    case errc::busy:
      return "busy";
    case errc::corruption:
      return "corruption";
    case errc::io:
      return "io";
    case errc::no_space:
      return "no_space";
    case errc::invalid:
      return "invalid";
  }
  return "unknown";
}

}  // namespace gridcoord::storage
