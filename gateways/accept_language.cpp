#include "gateways/accept_language.hpp"

#include <charconv>
#include <optional>

namespace gridcoord::gateways {

namespace {

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// `tag` is `prefix` or starts with `prefix` and a '-'.
bool is_or_under(std::string_view tag, std::string_view prefix) noexcept {
  return iequals(tag.substr(0, prefix.size()), prefix) && (tag.size() == prefix.size() || tag[prefix.size()] == '-');
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::optional<domain::language> language_of_range(std::string_view range) noexcept {
  if (range == "*" || is_or_under(range, "en")) return domain::language::en;
  if (iequals(range, "zh") || is_or_under(range, "zh-cn") || is_or_under(range, "zh-sg") ||
      is_or_under(range, "zh-hans"))
    return domain::language::zh_cn;
  return std::nullopt;
}

// The weight of ";q=0.5" parameters, in thousandths; nullopt when malformed.
std::optional<int> weight_of(std::string_view params) noexcept {
  int weight = 1000;
  while (!params.empty()) {
    auto next = params.find(';');
    auto param = trim(params.substr(0, next));
    params = next == std::string_view::npos ? std::string_view{} : params.substr(next + 1);
    if (param.empty()) continue;
    if (param.size() < 3 || lower(param[0]) != 'q' || param[1] != '=') return std::nullopt;
    auto q = param.substr(2);
    double value = 0;
    auto [end, ec] = std::from_chars(q.data(), q.data() + q.size(), value);
    if (ec != std::errc{} || end != q.data() + q.size() || value < 0 || value > 1) return std::nullopt;
    weight = static_cast<int>(value * 1000 + 0.5);
  }
  return weight;
}

}  // namespace

domain::language negotiate_language(std::string_view header) noexcept {
  domain::language best = domain::language::en;
  int best_weight = 0;
  while (!header.empty()) {
    auto next = header.find(',');
    auto entry = header.substr(0, next);
    header = next == std::string_view::npos ? std::string_view{} : header.substr(next + 1);
    auto semicolon = entry.find(';');
    auto range = trim(entry.substr(0, semicolon));
    auto weight = weight_of(semicolon == std::string_view::npos ? std::string_view{} : entry.substr(semicolon + 1));
    auto language = language_of_range(range);
    if (!language || !weight || *weight <= best_weight) continue;
    best = *language;
    best_weight = *weight;
  }
  return best;
}

domain::language language_in_raw_head(std::string_view bytes) noexcept {
  constexpr std::string_view name = "accept-language:";
  for (std::size_t at = bytes.find('\n'); at != std::string_view::npos; at = bytes.find('\n', at + 1)) {
    auto line = bytes.substr(at + 1);
    if (line.size() < name.size() || !iequals(line.substr(0, name.size()), name)) continue;
    auto value = line.substr(name.size());
    return negotiate_language(value.substr(0, value.find('\n')));
  }
  return domain::language::en;
}

}  // namespace gridcoord::gateways
