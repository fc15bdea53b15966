#pragma once
// cmd/gridctl/connection.hpp — which server gridctl talks to, with which token,
// and the time zone of its --table views.
//
// Each setting is taken from the first place that gives it (an empty value
// counts as not given):
//   url:   --url,   $GRIDCOORD_URL,   config file `url`,   http://127.0.0.1:8080
//   token: --token, $GRIDCOORD_TOKEN, config file `token`, none
//   CA file (https: the CA certificates to trust instead of the system's):
//          --ca-file, $GRIDCOORD_CA_FILE, config file `ca_file`, none
//   zone (times in --table views, an IANA name such as Asia/Shanghai):
//          --zone,  $GRIDCOORD_ZONE,  config file `zone`,  the server's (GET /v1/me)
//   language of the server's error messages (sent as Accept-Language), zh-CN or en:
//          --lang,  $GRIDCOORD_LANG,  config file `lang`,  the locale ($LC_ALL,
//          else $LC_MESSAGES, else $LANG: zh_CN.UTF-8, zh_SG, zh -> zh-CN), en
// The config file is --config FILE, else $GRIDCTL_CONFIG, else
// ~/.config/gridctl/config.toml ($HOME) when that exists. It is TOML with five
// optional string keys:
//   url = "https://gridcoord.internal:8443"
//   token = "gct_…"
//   ca_file = "/etc/gridcoord/ca.pem"
//   zone = "Asia/Shanghai"
//   lang = "zh-CN"
// [Threading] Reads the config file; otherwise pure.
// [Errors]    A message (exit code 2) when a file named by --config or
//             $GRIDCTL_CONFIG cannot be read, or any config file is not TOML,
//             has another key, or a value that is not a string; when the zone
//             is not one the system's tzdata knows; when --lang,
//             $GRIDCOORD_LANG or `lang` is not zh-CN or en (a locale that is
//             neither is English, not an error). A token in a file that
//             other users may read is a warning, not an error.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"

namespace gridcoord::gridctl {

inline constexpr std::string_view default_url = "http://127.0.0.1:8080";

// The process environment, or a stand-in in tests.
using env_lookup = std::function<std::optional<std::string>(std::string_view name)>;

// What the command line said; "" = not given.
struct connection_flags {
  std::string url;
  std::string token;
  std::string config;
  std::string ca_file;
  std::string zone;
  std::string lang;
};

struct connection {
  std::string url;
  std::string token;         // "" = send no Authorization header
  std::string url_origin;    // "--url", "GRIDCOORD_URL", the file's path, or "default"
  std::string token_origin;  // likewise; "" when there is no token
  std::string ca_file;       // "" = trust the system's CA store
  std::string zone;          // "" = the server's
  std::string language = "en";  // "zh-CN" or "en": the Accept-Language of every request
  std::string language_origin;  // "--lang", "GRIDCOORD_LANG", the file's path, "LC_ALL", …, or "default"
  std::vector<std::string> warnings;
};

[[nodiscard]] expected<connection, std::string> resolve_connection(const connection_flags& flags,
                                                                   const env_lookup& env);

// The config file resolve_connection reads, and whether it must exist; nullopt
// when there is none to read (no --config, no $GRIDCTL_CONFIG, no $HOME).
struct config_location {
  std::string path;
  bool required = false;
};
std::optional<config_location> config_path(const connection_flags& flags, const env_lookup& env);

// The language of a POSIX locale name: "zh-CN" for Simplified Chinese (zh,
// zh_CN, zh_SG, with any codeset or modifier: zh_CN.UTF-8, zh_CN.GB18030),
// "en" for anything else (C, POSIX, en_US.UTF-8, zh_TW.UTF-8).
std::string language_of_locale(std::string_view locale);

}  // namespace gridcoord::gridctl
