#include "domain/language.hpp"

#include <algorithm>

namespace gridcoord::domain {

namespace {

bool same_ignoring_case(std::string_view a, std::string_view b) noexcept {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

std::string_view to_string(language l) noexcept {
  switch (l) {
    case language::zh_cn: return "zh-CN";
    case language::en: return "en";
  }
  return "zh-CN";
}

std::optional<language> parse_language(std::string_view tag) noexcept {
  if (same_ignoring_case(tag, "zh-CN")) return language::zh_cn;
  if (same_ignoring_case(tag, "en")) return language::en;
  return std::nullopt;
}

}  // namespace gridcoord::domain
