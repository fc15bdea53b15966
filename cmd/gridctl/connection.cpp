#include "cmd/gridctl/connection.hpp"

#include <sys/stat.h>

#include <filesystem>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "domain/language.hpp"
#include "domain/local_time.hpp"

namespace gridcoord::gridctl {

namespace {

// url, token, ca_file, zone and lang as a config file gives them ("" = absent).
struct file_values {
  std::string url;
  std::string token;
  std::string ca_file;
  std::string zone;
  std::string lang;
};

std::string* slot_of(file_values& values, std::string_view key) {
  if (key == "url") return &values.url;
  if (key == "token") return &values.token;
  if (key == "ca_file") return &values.ca_file;
  if (key == "zone") return &values.zone;
  if (key == "lang") return &values.lang;
  return nullptr;
}

std::optional<std::string> non_empty(std::optional<std::string> v) {
  if (v && v->empty()) return std::nullopt;
  return v;
}

expected<file_values, std::string> parse_config(const std::string& path) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    return unexpected{fmt::format("{}:{}:{}: {}", path, at.line, at.column, e.description())};
  }
  file_values out;
  for (const auto& [key, node] : root) {
    std::string_view k = key.str();
    std::string* slot = slot_of(out, k);
    if (!slot) return unexpected{fmt::format("{}: unknown key '{}' (only url, token, ca_file, zone and lang)", path, k)};
    auto v = node.value<std::string>();
    if (!v) return unexpected{fmt::format("{}: '{}' must be a string", path, k)};
    *slot = *v;
  }
  return out;
}

// The language of the first locale variable that is set: POSIX's order.
std::optional<std::pair<std::string, std::string>> locale_language(const env_lookup& env) {
  for (std::string_view var : {"LC_ALL", "LC_MESSAGES", "LANG"})
    if (auto value = non_empty(env(var))) return std::pair{language_of_locale(*value), std::string(var)};
  return std::nullopt;
}

// True when users other than the owner may read `path`.
bool readable_by_others(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && (st.st_mode & (S_IRGRP | S_IROTH)) != 0;
}

}  // namespace

std::string language_of_locale(std::string_view locale) {
  auto name = locale.substr(0, locale.find_first_of(".@"));
  bool chinese = name == "zh" || name == "zh_CN" || name == "zh_SG" || name == "zh_Hans" || name.starts_with("zh_Hans_");
  return chinese ? "zh-CN" : "en";
}

std::optional<config_location> config_path(const connection_flags& flags, const env_lookup& env) {
  if (!flags.config.empty()) return config_location{flags.config, true};
  if (auto named = non_empty(env("GRIDCTL_CONFIG"))) return config_location{*named, true};
  auto home = non_empty(env("HOME"));
  if (!home) return std::nullopt;
  return config_location{*home + "/.config/gridctl/config.toml", false};
}

expected<connection, std::string> resolve_connection(const connection_flags& flags, const env_lookup& env) {
  file_values file;
  std::string file_name;
  if (auto where = config_path(flags, env)) {
    std::error_code ec;
    bool exists = std::filesystem::exists(where->path, ec);
    if (!exists && where->required) return unexpected{fmt::format("{}: no such config file", where->path)};
    if (exists) {
      auto parsed = parse_config(where->path);
      if (!parsed) return unexpected{parsed.error()};
      file = std::move(*parsed);
      file_name = where->path;
    }
  }
  connection out;
  auto pick = [&](const std::string& flag, std::string_view flag_name, std::string_view var,
                  const std::string& from_file, std::string& value, std::string& origin) {
    if (!flag.empty()) {
      value = flag, origin = flag_name;
    } else if (auto e = non_empty(env(var))) {
      value = *e, origin = var;
    } else if (!from_file.empty()) {
      value = from_file, origin = file_name;
    }
  };
  out.url = std::string(default_url);
  out.url_origin = "default";
  pick(flags.url, "--url", "GRIDCOORD_URL", file.url, out.url, out.url_origin);
  pick(flags.token, "--token", "GRIDCOORD_TOKEN", file.token, out.token, out.token_origin);
  std::string ca_origin;
  pick(flags.ca_file, "--ca-file", "GRIDCOORD_CA_FILE", file.ca_file, out.ca_file, ca_origin);
  std::string zone_origin;
  pick(flags.zone, "--zone", "GRIDCOORD_ZONE", file.zone, out.zone, zone_origin);
  if (!out.zone.empty() && !domain::is_known_zone(out.zone))
    return unexpected{fmt::format("unknown time zone \"{}\" (from {}): give an IANA name such as Asia/Shanghai or UTC",
                                  out.zone, zone_origin)};
  out.language_origin.clear();
  pick(flags.lang, "--lang", "GRIDCOORD_LANG", file.lang, out.language, out.language_origin);
  if (out.language_origin.empty()) {
    auto from_locale = locale_language(env);
    out.language = from_locale ? from_locale->first : "en";
    out.language_origin = from_locale ? from_locale->second : "default";
  } else if (auto l = domain::parse_language(out.language)) {
    out.language = std::string(domain::to_string(*l));
  } else {
    return unexpected{fmt::format("unknown language \"{}\" (from {}): give zh-CN or en", out.language,
                                  out.language_origin)};
  }
  if (out.token_origin == file_name && !file_name.empty() && readable_by_others(file_name))
    out.warnings.push_back(fmt::format("{} holds a token and other users may read it; chmod 600 {}",
                                       file_name, file_name));
  return out;
}

}  // namespace gridcoord::gridctl
