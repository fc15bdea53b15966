#pragma once
// domain/message_pattern.hpp — an English text with holes, matched against a
// whole message, and a template that says the same in another language with
// what filled the holes.
//
// A pattern is written as the code writes the format string: literal text, and
// "{}" for a hole whose text is kept as it is (a number, an id, a field name),
// or "{m}" for a hole whose text is itself a message to translate (a nested
// reason, a state word); "{{" and "}}" are literal braces. A pattern matches a
// message when the message is the pattern in full, each hole taking any text
// (possibly empty); when holes could split the text more than one way, each
// takes the shortest text that lets the rest match. Two holes must have text
// between them.
// A template refers to the holes by position, "{0}" … "{9}", or "{}" for the
// next one; "{{" and "}}" are literal braces.
// [Threading] A parsed pattern is immutable; match() is const and safe from any thread.
// [Errors]    parse() answers a message for a malformed pattern (an unknown
//             "{…}", a lone brace, two holes side by side); fill() leaves a
//             malformed or out-of-range reference as written.
// [Limits]    At most 10 holes a pattern.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"

namespace gridcoord::domain {

class message_pattern {
 public:
  [[nodiscard]] static gridcoord::expected<message_pattern, std::string> parse(std::string_view pattern);

  // The texts in the holes, in order, when `text` is this pattern in full.
  std::optional<std::vector<std::string_view>> match(std::string_view text) const;

  std::size_t holes() const noexcept { return nested_.size(); }
  // The text before the first hole (the whole text when there is none); "" when a hole opens it.
  std::string_view lead() const noexcept { return literals_.front(); }
  // Whether hole i ("{m}") holds a message to translate.
  bool nested(std::size_t i) const noexcept { return nested_[i]; }

  // The pattern with hole i filled by values[i] (tests build sample messages so).
  std::string fill(std::span<const std::string> values) const;

 private:
  bool match_from(std::string_view text, std::size_t piece, std::size_t at,
                  std::vector<std::string_view>& out) const;

  std::vector<std::string> literals_;  // holes() + 1 pieces of text around the holes
  std::vector<bool> nested_;
};

// The holes a template refers to, in the order it names them, or a message
// when the template is malformed (a lone brace, "{x}", more than 10 holes).
[[nodiscard]] gridcoord::expected<std::vector<std::size_t>, std::string> template_references(std::string_view tmpl);

// `tmpl` with "{i}" (or the i-th "{}") replaced by values[i].
std::string fill_template(std::string_view tmpl, std::span<const std::string> values);

}  // namespace gridcoord::domain
