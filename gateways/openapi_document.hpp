#pragma once
// gateways/openapi_document.hpp — docs/openapi.json as it was when the binary
// was built, served at GET /v1/openapi.json.
//
// The build embeds the file (gateways/CMakeLists.txt: file(READ) +
// configure_file into the build tree, re-run whenever the file changes), so
// the server does not depend on its working directory.
// [Threading] Immutable; safe from any thread.
// [Errors]    None.
// [Limits]    The whole document is in the binary (about 270 KB).
#include <string_view>

namespace gridcoord::gateways {

std::string_view openapi_document() noexcept;

}  // namespace gridcoord::gateways
