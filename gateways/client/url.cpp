#include "gateways/client/url.hpp"

#include <charconv>

#include <fmt/format.h>

namespace gridcoord::gateways::client {

namespace {

using url_result = expected<endpoint, std::string>;

url_result fail(std::string message) { return unexpected{std::move(message)}; }

// Splits "host:port" or "[v6]:port"; the port text is empty when absent.
bool split_authority(std::string_view authority, std::string_view& host, std::string_view& port) {
  if (authority.starts_with('[')) {
    auto close = authority.find(']');
    if (close == std::string_view::npos) return false;
    host = authority.substr(1, close - 1);
    auto rest = authority.substr(close + 1);
    if (!rest.empty() && !rest.starts_with(':')) return false;
    port = rest.empty() ? rest : rest.substr(1);
    return true;
  }
  auto colon = authority.rfind(':');
  host = authority.substr(0, colon);
  port = colon == std::string_view::npos ? std::string_view{} : authority.substr(colon + 1);
  return host.find(':') == std::string_view::npos;
}

bool parse_port(std::string_view text, std::uint16_t& port) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value == 0 || value > 65535) return false;
  port = static_cast<std::uint16_t>(value);
  return true;
}

}  // namespace

std::string endpoint::text() const {
  bool v6 = host.find(':') != std::string::npos;
  return fmt::format("{}://{}{}{}:{}{}", scheme == url_scheme::https ? "https" : "http", v6 ? "[" : "", host,
                     v6 ? "]" : "", port, base_path);
}

url_result parse_url(std::string_view url) {
  endpoint out;
  auto scheme_end = url.find("://");
  if (scheme_end != std::string_view::npos) {
    auto scheme = url.substr(0, scheme_end);
    if (scheme != "http" && scheme != "https")
      return fail(fmt::format("'{}': the URL must start with http:// or https://", url));
    if (scheme == "https") out.scheme = url_scheme::https, out.port = 443;
    url.remove_prefix(scheme_end + 3);
  }
  if (url.find_first_of("?#") != std::string_view::npos)
    return fail(fmt::format("'{}': a server URL has no query or fragment", url));
  auto slash = url.find('/');
  auto authority = url.substr(0, slash);
  if (slash != std::string_view::npos) out.base_path = std::string(url.substr(slash));
  while (!out.base_path.empty() && out.base_path.back() == '/') out.base_path.pop_back();
  std::string_view host, port;
  if (!split_authority(authority, host, port) || host.empty())
    return fail(fmt::format("'{}': no host in the URL", authority));
  if (!port.empty() && !parse_port(port, out.port))
    return fail(fmt::format("'{}': the port must be a number from 1 to 65535", port));
  out.host = std::string(host);
  return out;
}

std::string encode_component(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      fmt::format_to(std::back_inserter(out), "%{:02X}", c);
    }
  }
  return out;
}

}  // namespace gridcoord::gateways::client
