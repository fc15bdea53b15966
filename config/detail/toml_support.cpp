#include "config/detail/toml_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "config/shipped_files.hpp"

namespace gridcoord::config::detail {

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

gridcoord::expected<std::string, load_error> read_config_text(const std::string& path,
                                                              std::vector<std::string>* notes) {
  if (auto text = read_text(path)) return std::move(*text);
  auto built_in = shipped_file(path);
  if (!built_in) return gridcoord::unexpected{load_error{fmt::format("{}: cannot be read", path)}};
  if (notes) {
    std::error_code ec;
    notes->push_back(fmt::format("{} is not in {}: using the copy built into gridcoord", path,
                                 std::filesystem::current_path(ec).string()));
  }
  return std::string(*built_in);
}

gridcoord::expected<toml::table, load_error> parse_toml(std::string_view text, const std::string& origin) {
  try {
    return toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    return unexpected{load_error{fmt::format("{}:{}: {}", origin, e.source().begin.line, e.description())}};
  }
}

void checker::fail(const toml::node& at, std::string_view key, std::string_view what) {
  if (problem.empty()) problem = fmt::format("{}:{}: {} {}", origin, at.source().begin.line, key, what);
}

bool checker::only(const toml::table& table, std::string_view prefix, std::initializer_list<std::string_view> known) {
  for (const auto& [key, node] : table) {
    bool listed = false;
    for (auto k : known) listed = listed || key.str() == k;
    if (!listed) fail(node, fmt::format("{}{}", prefix, key.str()), "is not a known key");
  }
  return ok();
}

const toml::table* checker::table(const toml::table& parent, std::string_view key, std::string_view name) {
  const auto* node = parent.get(key);
  if (!node) {
    fail(parent, name, "is missing");
    return nullptr;
  }
  const auto* t = node->as_table();
  if (!t) fail(*node, name, "must be a table");
  return t;
}

}  // namespace gridcoord::config::detail
