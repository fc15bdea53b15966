#pragma once
// domain/language.hpp — the languages texts for people are written in.
//
// Texts for people (publication pages, and whatever else says something to a
// person) come in Simplified Chinese as used in mainland China and in
// English. The tags are BCP 47's: "zh-CN" and "en".
// [Threading] Pure functions; safe from any thread.
// [Errors]    parse_language answers nullopt for any other tag.
#include <cstdint>
#include <optional>
#include <string_view>

namespace gridcoord::domain {

enum class language : std::uint8_t { zh_cn, en };

// "zh-CN" or "en".
std::string_view to_string(language l) noexcept;

// "zh-CN" or "en", in any letter case (BCP 47 tags are case-insensitive);
// nullopt for anything else, "zh" and "en-GB" included.
std::optional<language> parse_language(std::string_view tag) noexcept;

}  // namespace gridcoord::domain
