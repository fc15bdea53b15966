#include "domain/localize.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/message_catalogue.hpp"
#include "domain/message_pattern.hpp"

namespace gridcoord::domain {

namespace {

// THE table of titles: a new errc gets its words here.
constexpr std::array<std::pair<errc, localized_text>, 10> titles{{
    {errc::invalid_request, {"the request is not valid", "请求有误"}},
    {errc::validation_failed, {"some values break the rules; nothing was stored", "部分数据不符合规则，未保存任何内容"}},
    {errc::not_found, {"not found", "未找到"}},
    {errc::conflict, {"conflicts with an earlier request or the current state", "与先前的请求或当前状态冲突"}},
    {errc::unauthorized, {"no valid token", "没有有效的令牌"}},
    {errc::forbidden, {"the caller's role may not do this", "调用者的角色无权执行此操作"}},
    {errc::too_large, {"beyond a limit", "超出上限"}},
    {errc::too_many_requests, {"too many requests; retry later", "请求过于频繁，请稍后再试"}},
    {errc::unavailable, {"unavailable for now; retry later", "服务暂不可用，请稍后再试"}},
    {errc::internal, {"internal error", "服务器内部错误"}},
}};

struct compiled_entry {
  message_pattern pattern;
  std::string_view zh_cn;
};

// A table parsed, with the entries a text may match by its first byte: those
// whose text starts with that byte, and those that start with a hole, in the
// table's order.
struct compiled_table {
  std::vector<compiled_entry> entries;
  std::array<std::vector<std::uint16_t>, 256> by_first_byte;

  const std::vector<std::uint16_t>& candidates(std::string_view text) const {
    return by_first_byte[text.empty() ? 0 : static_cast<unsigned char>(text.front())];
  }
};

compiled_table compile(std::span<const catalogue_entry> table) {
  compiled_table out;
  out.entries.reserve(table.size());
  for (const auto& e : table)
    if (auto p = message_pattern::parse(e.en)) out.entries.push_back({std::move(*p), e.zh_cn});
  for (std::size_t i = 0; i < out.entries.size(); ++i) {
    auto lead = out.entries[i].pattern.lead();
    for (std::size_t b = 0; b < 256; ++b)
      if (lead.empty() || static_cast<unsigned char>(lead.front()) == b)
        out.by_first_byte[b].push_back(static_cast<std::uint16_t>(i));
  }
  return out;
}

// The catalogue and the word table, parsed once. An entry that does not parse
// is left out (the catalogue's tests name it).
const compiled_table& messages() {
  static const compiled_table table = compile(message_catalogue());
  return table;
}
const compiled_table& words() {
  static const compiled_table table = compile(word_catalogue());
  return table;
}

std::optional<std::string> to_chinese(std::string_view english, int depth);

std::optional<std::string> first_match(const compiled_table& table, std::string_view english, int depth) {
  for (auto index : table.candidates(english)) {
    const auto& entry = table.entries[index];
    auto holes = entry.pattern.match(english);
    if (!holes) continue;
    std::vector<std::string> values;
    values.reserve(holes->size());
    for (std::size_t i = 0; i < holes->size(); ++i) {
      std::optional<std::string> inner;
      if (entry.pattern.nested(i) && depth < max_nesting) inner = to_chinese((*holes)[i], depth + 1);
      values.push_back(inner ? std::move(*inner) : std::string((*holes)[i]));
    }
    return fill_template(entry.zh_cn, values);
  }
  return std::nullopt;
}

// depth 0: a whole message or reason (the main table); deeper: what a "{m}"
// hole holds (the main table, then the words).
std::optional<std::string> to_chinese(std::string_view english, int depth) {
  if (auto found = first_match(messages(), english, depth)) return found;
  if (depth == 0) return std::nullopt;
  return first_match(words(), english, depth);
}

}  // namespace

localized_text title_of(errc code) noexcept {
  for (const auto& [c, text] : titles)
    if (c == code) return text;
  return titles.back().second;
}

std::optional<std::string> translate(std::string_view english, language l) {
  if (l == language::en) return std::string(english);
  return to_chinese(english, 0);
}

error localize(const error& e, language l) { return localize(e, l, title_of(e.code)); }

error localize(const error& e, language l, const localized_text& title) {
  if (l == language::en) return e;
  error out{e.code, {}, e.details};
  if (auto message = translate(e.message, l)) out.message = std::move(*message);
  else if (e.message.empty()) out.message = std::string(title.in(l));
  else out.message = std::string(title.in(l)) + "（" + e.message + "）";
  // A report's details repeat a few reasons many times: each is looked up once.
  std::unordered_map<std::string, std::optional<std::string>> seen;
  for (auto& d : out.details) {
    auto [it, fresh] = seen.try_emplace(d.reason);
    if (fresh) it->second = translate(d.reason, l);
    d.reason = it->second ? *it->second : std::string(message_of(d.rule, l));
  }
  return out;
}

}  // namespace gridcoord::domain
