#pragma once
// gateways/client/url.hpp — where a gridcoord server is, and how to spell
// request targets for it.
//
// A server URL is "http://HOST[:PORT][/BASE]" or "https://HOST[:PORT][/BASE]";
// "HOST[:PORT]" alone means http. IPv6 hosts go in brackets
// ("http://[::1]:8080"). The port defaults to 80 for http, 443 for https.
// BASE is a path prefix (a reverse proxy's mount point) put before every
// target; a trailing '/' is dropped.
// [Threading] Pure; safe from any thread.
// [Errors]    parse_url answers a message (for a person) for: a scheme other
//             than http and https, an empty host, a port that is not
//             1..65535, or a query or fragment in the URL.
#include <cstdint>
#include <string>
#include <string_view>

#include "common/expected.hpp"

namespace gridcoord::gateways::client {

enum class url_scheme { http, https };

struct endpoint {
  std::string host;       // without brackets
  std::uint16_t port = 80;
  std::string base_path;  // "" or "/prefix"
  url_scheme scheme = url_scheme::http;
  // "http://host:port/prefix" (or https://…), as a person would type it back.
  std::string text() const;
  friend bool operator==(const endpoint&, const endpoint&) = default;
};

[[nodiscard]] expected<endpoint, std::string> parse_url(std::string_view url);

// Percent-encodes everything outside RFC 3986's unreserved set (A-Z a-z 0-9
// - . _ ~), so the text is safe as one path segment or one query value
// ("蓝海" -> "%E8%93%9D%E6%B5%B7", "a/b" -> "a%2Fb").
std::string encode_component(std::string_view text);

}  // namespace gridcoord::gateways::client
