#include "gateways/uri.hpp"

#include <cctype>

namespace gridcoord::gateways {

namespace {

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool has_control(std::string_view text) noexcept {
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return true;
  }
  return false;
}

// Length of the UTF-8 sequence starting at `text[i]`, or 0 when it is malformed.
std::size_t utf8_sequence(std::string_view text, std::size_t i) noexcept {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t len = b0 >= 0xf0 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc2 ? 2 : 0;
  if (len == 0 || b0 > 0xf4 || i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
  unsigned char b1 = byte(i + 1);
  if (b0 == 0xe0 && b1 < 0xa0) return 0;  // overlong
  if (b0 == 0xed && b1 > 0x9f) return 0;  // surrogate
  if (b0 == 0xf0 && b1 < 0x90) return 0;  // overlong
  if (b0 == 0xf4 && b1 > 0x8f) return 0;  // above U+10FFFF
  return len;
}

}  // namespace

std::pair<std::string_view, std::string_view> split_target(std::string_view target) noexcept {
  // Absolute form (RFC 9112 §3.2.2), as proxies send it: the path starts
  // after the authority, and is "/" when there is none.
  auto scheme_is = [&](std::string_view scheme) {
    if (target.size() < scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(target[i])) != scheme[i]) return false;
    return true;
  };
  for (std::string_view scheme : {std::string_view("http://"), std::string_view("https://")}) {
    if (!scheme_is(scheme)) continue;
    auto rest = target.substr(scheme.size());
    auto path = rest.find_first_of("/?");
    if (path == std::string_view::npos) return {"/", {}};
    target = rest.substr(path);
    if (target.front() == '?') return {"/", target.substr(1)};
    break;
  }
  auto q = target.find('?');
  if (q == std::string_view::npos) return {target, {}};
  return {target.substr(0, q), target.substr(q + 1)};
}

bool is_utf8(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = utf8_sequence(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = hex_value(text[i + 1]);
      int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(plus_is_space && c == '+' ? ' ' : c);
    }
  }
  if (!is_utf8(out) || has_control(out)) return std::nullopt;
  return out;
}

std::optional<std::vector<std::string>> split_path(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::vector<std::string> segments;
  std::string_view rest = path.substr(1);
  while (true) {
    auto slash = rest.find('/');
    auto decoded = percent_decode(rest.substr(0, slash), false);
    if (!decoded) return std::nullopt;
    segments.push_back(std::move(*decoded));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return segments;
}

std::optional<query_params> parse_query(std::string_view query) {
  query_params out;
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view piece = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (piece.empty()) continue;
    auto eq = piece.find('=');
    auto key = percent_decode(piece.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : piece.substr(eq + 1), true);
    if (!key || !value) return std::nullopt;
    out.emplace_back(std::move(*key), std::move(*value));
  }
  return out;
}

std::optional<std::string_view> find_param(const query_params& params, std::string_view key) {
  for (const auto& [k, v] : params)
    if (k == key) return std::string_view(v);
  return std::nullopt;
}

}  // namespace gridcoord::gateways
