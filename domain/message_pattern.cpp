#include "domain/message_pattern.hpp"

#include <fmt/format.h>

namespace gridcoord::domain {

namespace {

constexpr std::size_t max_holes = 10;

}  // namespace

gridcoord::expected<message_pattern, std::string> message_pattern::parse(std::string_view pattern) {
  message_pattern p;
  p.literals_.emplace_back();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    std::string_view rest = pattern.substr(i);
    if (rest.starts_with("{{") || rest.starts_with("}}")) {
      p.literals_.back() += c;
      ++i;
    } else if (rest.starts_with("{}") || rest.starts_with("{m}")) {
      if (p.nested_.size() == max_holes) return gridcoord::unexpected{fmt::format("more than {} holes", max_holes)};
      if (!p.nested_.empty() && p.literals_.back().empty())
        return gridcoord::unexpected{fmt::format("two holes side by side at offset {}", i)};
      p.nested_.push_back(rest[1] == 'm');
      p.literals_.emplace_back();
      i += rest[1] == 'm' ? 2 : 1;
    } else if (c == '{' || c == '}') {
      return gridcoord::unexpected{fmt::format("a lone '{}' at offset {} (write {}{} for a brace)", c, i, c, c)};
    } else {
      p.literals_.back() += c;
    }
  }
  return p;
}

bool message_pattern::match_from(std::string_view text, std::size_t hole, std::size_t at,
                                 std::vector<std::string_view>& out) const {
  if (hole == nested_.size()) return at == text.size();
  const std::string& next = literals_[hole + 1];
  if (hole + 1 == nested_.size()) {  // the last hole takes all but the closing text
    if (text.size() < at + next.size() || !text.ends_with(next)) return false;
    out[hole] = text.substr(at, text.size() - next.size() - at);
    return true;
  }
  for (auto pos = text.find(next, at); pos != std::string_view::npos; pos = text.find(next, pos + 1)) {
    out[hole] = text.substr(at, pos - at);
    if (match_from(text, hole + 1, pos + next.size(), out)) return true;
  }
  return false;
}

std::optional<std::vector<std::string_view>> message_pattern::match(std::string_view text) const {
  if (!text.starts_with(literals_.front()) || !text.ends_with(literals_.back())) return std::nullopt;
  std::vector<std::string_view> out(nested_.size());
  if (!match_from(text, 0, literals_.front().size(), out)) return std::nullopt;
  return out;
}

std::string message_pattern::fill(std::span<const std::string> values) const {
  std::string out = literals_.front();
  for (std::size_t i = 0; i < nested_.size(); ++i) {
    if (i < values.size()) out += values[i];
    out += literals_[i + 1];
  }
  return out;
}

namespace {

// Walks a template: calls text(c) for each literal character and hole(i) for
// each reference; answers a message for a malformed one.
template <class Text, class Hole>
std::optional<std::string> walk_template(std::string_view tmpl, Text text, Hole hole) {
  std::size_t next = 0;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    std::string_view rest = tmpl.substr(i);
    if (rest.starts_with("{{") || rest.starts_with("}}")) {
      text(tmpl[i]);
      ++i;
    } else if (rest.starts_with("{}")) {
      hole(next++);
      ++i;
    } else if (rest.size() >= 3 && rest[0] == '{' && rest[1] >= '0' && rest[1] <= '9' && rest[2] == '}') {
      hole(static_cast<std::size_t>(rest[1] - '0'));
      i += 2;
    } else if (tmpl[i] == '{' || tmpl[i] == '}') {
      return fmt::format("a lone '{}' at offset {}", tmpl[i], i);
    } else {
      text(tmpl[i]);
    }
  }
  return std::nullopt;
}

}  // namespace

gridcoord::expected<std::vector<std::size_t>, std::string> template_references(std::string_view tmpl) {
  std::vector<std::size_t> refs;
  auto problem = walk_template(tmpl, [](char) {}, [&](std::size_t i) { refs.push_back(i); });
  if (problem) return gridcoord::unexpected{*problem};
  return refs;
}

std::string fill_template(std::string_view tmpl, std::span<const std::string> values) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  auto problem = walk_template(tmpl, [&](char c) { out += c; }, [&](std::size_t i) {
    if (i < values.size()) out += values[i];
    else out += fmt::format("{{{}}}", i);
  });
  return problem ? std::string(tmpl) : out;
}

}  // namespace gridcoord::domain
