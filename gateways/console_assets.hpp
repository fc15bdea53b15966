#pragma once
// gateways/console_assets.hpp — the web console's files, embedded in the binary.
//
// The build (cmake/embed_console.cmake) copies every file under
// gateways/console/ and the UI library from node_modules (htm with its Preact
// bundle, served as vendor/preact-htm.js) into the binary, each with its
// Content-Type and an ETag made from its SHA-256, so the console works on an
// intranet with nothing beside the binary and nothing fetched at run time.
// [Threading] Immutable; safe from any thread.
// [Errors]    None: a file the build cannot type fails the build.
// [Limits]    Every asset is in memory for the life of the process (about
//             200 KB for the whole console).
#include <span>
#include <string_view>

namespace gridcoord::gateways {

struct console_asset {
  std::string_view path;          // relative to /console/: "index.html", "screens/inbox.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8", ...
  std::string_view body;
  std::string_view etag;          // quoted, as sent in the ETag header
};

// Every embedded asset, sorted by path (the vendor files last).
std::span<const console_asset> console_assets() noexcept;

}  // namespace gridcoord::gateways
