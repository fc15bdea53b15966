#pragma once
// domain/localize.hpp — an error in the language the client reads.
//
// The domain writes every error in English, at some 400 places; this component
// turns a whole error into Simplified Chinese in one step, at the edge (the
// gateway calls it once per error answer), so that no call site knows about
// languages. It works from the message catalogue (domain/message_catalogue.hpp):
// an ordered table of the English texts as the code writes them, with holes,
// each with its Chinese.
//   * the top-level message: the Chinese of the first catalogue entry it
//     matches; when none does, the title of the error's code (title_of), then
//     the English message in parentheses, so that nothing a person needs (an
//     id, a path) is lost;
//   * each detail's reason: the Chinese of the first entry it matches; when none
//     does, the rule's generic Chinese text (message_of(rule, zh_cn)), which
//     with the detail's field, value and row says the same.
// What a client matches on stays as it is in every language: the code, and
// each detail's rule, row, field and value. The texts that fill a hole (a
// number, an id, a month, a field name) are copied unchanged; "{m}" holes are
// translated in turn (at most `max_nesting` deep).
// In English the error is returned unchanged.
// [Limits]    Each distinct reason of an error is looked up once, however many
//             details repeat it.
// [Threading] The catalogue is compiled on first use (thread-safe static);
//             everything is then const and safe from any thread.
// [Errors]    None: a text without an entry falls back as described.
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "domain/language.hpp"
#include "domain/validation_rule.hpp"

namespace gridcoord::domain {

inline constexpr int max_nesting = 3;

// A short text for people in each language.
struct localized_text {
  std::string_view en;
  std::string_view zh_cn;
  std::string_view in(language l) const noexcept { return l == language::zh_cn ? zh_cn : en; }
};

// What an error of that code is, in a few words: "not found" / "未找到".
localized_text title_of(errc code) noexcept;

// The rule's short generic text in `l` (for en: message_of(r)). Defined with
// the rules' traits table, in validation_rule.cpp.
std::string_view message_of(rule r, language l) noexcept;

// The catalogue's translation of one English text into `l`; nullopt when no
// entry matches (for en: the text itself).
std::optional<std::string> translate(std::string_view english, language l);

// The error with its message and every detail's reason in `l`, by the rules above.
error localize(const error& e, language l);
// The same with another title for an unmatched message (a protocol failure's).
error localize(const error& e, language l, const localized_text& title);

}  // namespace gridcoord::domain
