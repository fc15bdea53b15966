#include "config/messages_file.hpp"
#include "config/detail/toml_support.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

namespace gridcoord::config {

namespace {

using detail::checker;
namespace sla = domain::sla;

constexpr std::array equipment_kind_keys{std::string_view("substation"), std::string_view("main_transformer"),
                                         std::string_view("feeder"), std::string_view("distribution_transformer")};

// The text at `key` of `t` into `out`; a problem when it is missing or not text.
const toml::node* text_at(checker& c, const toml::table& t, const std::string& prefix, std::string_view key,
                          std::string& out) {
  const auto* node = t.get(key);
  if (!node) {
    c.fail(t, prefix + std::string(key), "is missing");
    return nullptr;
  }
  if (auto v = node->value_exact<std::string>()) out = *v;
  else c.fail(*node, prefix + std::string(key), "must be text in quotes");
  return node;
}

void read_check(checker& c, const toml::table& root, sla::length_check_values& out) {
  const auto* t = c.table(root, "check", "check");
  if (!t || !c.only(*t, "check.", {"customer_name", "equipment_name", "region", "cause"})) return;
  text_at(c, *t, "check.", "customer_name", out.customer_name);
  text_at(c, *t, "check.", "equipment_name", out.equipment_name);
  text_at(c, *t, "check.", "region", out.region);
  text_at(c, *t, "check.", "cause", out.cause);
}

void read_equipment_kinds(checker& c, const toml::table& lang, const std::string& prefix,
                          std::array<std::string, 4>& out) {
  auto name = prefix + "equipment_kinds";
  const auto* t = c.table(lang, "equipment_kinds", name);
  if (!t || !c.only(*t, name + ".", {"substation", "main_transformer", "feeder", "distribution_transformer"})) return;
  for (std::size_t i = 0; i < equipment_kind_keys.size(); ++i) text_at(c, *t, name + ".", equipment_kind_keys[i], out[i]);
}

void read_templates(checker& c, const toml::table& lang, const std::string& prefix,
                    std::array<sla::message_template, 4>& out) {
  auto name = prefix + "templates";
  const auto* t = c.table(lang, "templates", name);
  if (!t || !c.only(*t, name + ".", {"outage_notice", "etr_update", "restoration", "planned_outage_notice"})) return;
  for (auto k : sla::all_message_kinds) {
    std::string text;
    const auto* node = text_at(c, *t, name + ".", sla::to_string(k), text);
    if (!c.ok()) return;
    auto parsed = sla::parse_template(text, k);
    if (!parsed) return c.fail(*node, fmt::format("{}.{}", name, sla::to_string(k)), parsed.error());
    out[static_cast<std::size_t>(k)] = std::move(*parsed);
  }
}

void read_max_segments(checker& c, const toml::table& lang, const std::string& prefix, unsigned& out) {
  const auto* node = lang.get("max_sms_segments");
  if (!node) return c.fail(lang, prefix + "max_sms_segments", "is missing");
  auto v = node->value_exact<std::int64_t>();
  if (!v || *v < 1 || *v > 10) return c.fail(*node, prefix + "max_sms_segments", "must be a whole number 1..10");
  out = static_cast<unsigned>(*v);
}

std::optional<sla::language_texts> read_language(checker& c, const toml::table& lang, const std::string& prefix) {
  if (!c.only(lang, prefix,
              {"max_sms_segments", "signature", "contact", "etr_unknown", "cause_unknown", "equipment_kinds",
               "templates"}))
    return std::nullopt;
  sla::language_texts out;
  read_max_segments(c, lang, prefix, out.max_sms_segments);
  text_at(c, lang, prefix, "signature", out.signature);
  text_at(c, lang, prefix, "contact", out.contact);
  text_at(c, lang, prefix, "etr_unknown", out.etr_unknown);
  text_at(c, lang, prefix, "cause_unknown", out.cause_unknown);
  if (c.ok()) read_equipment_kinds(c, lang, prefix, out.equipment_kinds);
  if (c.ok()) read_templates(c, lang, prefix, out.templates);
  if (!c.ok()) return std::nullopt;
  return out;
}

void read_languages(checker& c, const toml::table& root, sla::message_catalogue& out) {
  const auto* t = c.table(root, "languages", "languages");
  if (!t) return;
  for (const auto& [key, node] : *t) {
    auto name = fmt::format("languages.{}", key.str());
    auto l = domain::parse_language(key.str());
    if (!l) return c.fail(node, name, "is not a language gridcoord writes: \"zh-CN\" or \"en\"");
    const auto* lang = node.as_table();
    if (!lang) return c.fail(node, name, "must be a table");
    auto texts = read_language(c, *lang, name + ".");
    if (!texts) return;
    out.texts[static_cast<std::size_t>(*l)] = std::move(*texts);
  }
  if (!out.texts_of(out.language))
    c.fail(*t, "languages",
           fmt::format("has no \"{}\", the language in force ([messages] language in gridcoord.toml)",
                       domain::to_string(out.language)));
}

// Every template of every language, rendered with the stand-ins, within max_sms_segments.
void check_lengths(checker& c, const toml::table& root, const sla::message_catalogue& cat) {
  for (auto l : sla::all_languages) {
    if (!cat.texts_of(l)) continue;
    for (auto k : sla::all_message_kinds) {
      auto most = cat.texts_of(l)->max_sms_segments;
      auto segments = sla::longest_segments(cat, l, k);
      if (segments <= most) continue;
      auto key = fmt::format("languages.{}.templates.{}", domain::to_string(l), sla::to_string(k));
      const auto* node = toml::node_view<const toml::node>(root)["languages"][domain::to_string(l)]["templates"]
                                                               [sla::to_string(k)].node();
      return c.fail(node ? *node : static_cast<const toml::node&>(root), key,
                    fmt::format("takes {} SMS segments written with the [check] values, more than "
                                "max_sms_segments = {}; shorten it (a segment holds 70 characters when any is "
                                "Chinese, 67 each when there are several)",
                                segments, most));
    }
  }
}

}  // namespace

gridcoord::expected<sla::message_catalogue, load_error> parse_messages_file(std::string_view text,
                                                                          const std::string& origin,
                                                                          const std::string& language) {
  auto parsed = detail::parse_toml(text, origin);
  if (!parsed) return unexpected{parsed.error()};
  const toml::table& root = *parsed;
  checker c{origin, {}};
  sla::message_catalogue out;
  auto chosen = domain::parse_language(language);
  if (!chosen)
    return unexpected{load_error{fmt::format("{}: the language \"{}\" ([messages] language in gridcoord.toml) is "
                                             "not one gridcoord writes: \"zh-CN\" or \"en\"",
                                             origin, language)}};
  out.language = *chosen;
  if (c.only(root, "", {"check", "languages"})) read_check(c, root, out.check);
  if (c.ok()) read_languages(c, root, out);
  if (c.ok()) check_lengths(c, root, out);
  if (!c.ok()) return unexpected{load_error{c.problem}};
  return out;
}

gridcoord::expected<sla::message_catalogue, load_error> load_messages_file(const std::string& path,
                                                                         const std::string& language,
                                                                         std::vector<std::string>* notes) {
  auto text = detail::read_config_text(path, notes);
  if (!text) return unexpected{text.error()};
  return parse_messages_file(*text, path, language);
}

}  // namespace gridcoord::config
