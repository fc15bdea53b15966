#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <map>

#include "cmd/gridctl/connection.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using namespace gridcoord::gridctl;

namespace {

env_lookup env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

std::string write_file(const testing::temp_dir& dir, const std::string& name, const std::string& text,
                       mode_t mode = 0600) {
  auto path = dir.str() + "/" + name;
  std::ofstream(path) << text;
  ::chmod(path.c_str(), mode);
  return path;
}

}  // namespace

TEST_CASE("without flags, environment or file, gridctl talks to localhost without a token",
          "[gridctl][config]") {
  auto c = resolve_connection({}, env_of({}));
  REQUIRE(c);
  CHECK(c->url == "http://127.0.0.1:8080");
  CHECK(c->url_origin == "default");
  CHECK(c->token.empty());
}

TEST_CASE("a flag beats the environment, which beats the config file", "[gridctl][config]") {
  testing::temp_dir dir;
  auto file = write_file(dir, "gridctl.toml", "url = \"http://from-file:1\"\ntoken = \"file-token\"\n");
  std::map<std::string, std::string> env{{"GRIDCTL_CONFIG", file}};

  auto from_file = resolve_connection({}, env_of(env));
  REQUIRE(from_file);
  CHECK(from_file->url == "http://from-file:1");
  CHECK(from_file->token == "file-token");
  CHECK(from_file->token_origin == file);

  env["GRIDCOORD_URL"] = "http://from-env:2";
  env["GRIDCOORD_TOKEN"] = "env-token";
  auto from_env = resolve_connection({}, env_of(env));
  REQUIRE(from_env);
  CHECK(from_env->url == "http://from-env:2");
  CHECK(from_env->token == "env-token");

  auto from_flags = resolve_connection({"http://from-flag:3", "flag-token", ""}, env_of(env));
  REQUIRE(from_flags);
  CHECK(from_flags->url == "http://from-flag:3");
  CHECK(from_flags->url_origin == "--url");
  CHECK(from_flags->token == "flag-token");

  // Each setting on its own: a flag for the URL, the file still gives the token.
  env.erase("GRIDCOORD_TOKEN");
  auto mixed = resolve_connection({"http://from-flag:3", "", ""}, env_of(env));
  REQUIRE(mixed);
  CHECK(mixed->token == "file-token");
  // An empty variable counts as not set.
  env["GRIDCOORD_URL"] = "";
  CHECK(resolve_connection({}, env_of(env))->url == "http://from-file:1");
}

TEST_CASE("the CA file is --ca-file, else $GRIDCOORD_CA_FILE, else the config file's ca_file, else none",
          "[gridctl][config]") {
  testing::temp_dir dir;
  auto file = write_file(dir, "gridctl.toml", "url = \"https://from-file:1\"\nca_file = \"/file/ca.pem\"\n");
  std::map<std::string, std::string> env{{"GRIDCTL_CONFIG", file}};
  CHECK(resolve_connection({}, env_of({}))->ca_file.empty());
  CHECK(resolve_connection({}, env_of(env))->ca_file == "/file/ca.pem");
  env["GRIDCOORD_CA_FILE"] = "/env/ca.pem";
  CHECK(resolve_connection({}, env_of(env))->ca_file == "/env/ca.pem");
  connection_flags flags;
  flags.ca_file = "/flag/ca.pem";
  CHECK(resolve_connection(flags, env_of(env))->ca_file == "/flag/ca.pem");
}

TEST_CASE("the zone is --zone, else $GRIDCOORD_ZONE, else the config file's zone, else the server's",
          "[gridctl][config][zone]") {
  testing::temp_dir dir;
  auto file = write_file(dir, "gridctl.toml", "zone = \"America/St_Johns\"\n");
  std::map<std::string, std::string> env{{"GRIDCTL_CONFIG", file}};
  CHECK(resolve_connection({}, env_of({}))->zone.empty());  // "": ask the server
  CHECK(resolve_connection({}, env_of(env))->zone == "America/St_Johns");
  env["GRIDCOORD_ZONE"] = "Europe/Berlin";
  CHECK(resolve_connection({}, env_of(env))->zone == "Europe/Berlin");
  connection_flags flags;
  flags.zone = "UTC";
  CHECK(resolve_connection(flags, env_of(env))->zone == "UTC");

  flags.zone = "Mars/Olympus";
  auto unknown = resolve_connection(flags, env_of(env));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().find("unknown time zone \"Mars/Olympus\" (from --zone)") != std::string::npos);
  env["GRIDCOORD_ZONE"] = "Asia/Beijing";  // not an IANA name: Asia/Shanghai is
  CHECK(resolve_connection({}, env_of(env)).error().find("(from GRIDCOORD_ZONE)") != std::string::npos);
}

TEST_CASE("the config file is --config, else $GRIDCTL_CONFIG, else ~/.config/gridctl/config.toml",
          "[gridctl][config]") {
  testing::temp_dir dir;
  std::filesystem::create_directories(dir.path() / ".config/gridctl");
  write_file(dir, ".config/gridctl/config.toml", "url = \"http://home:1\"\n");
  auto named = write_file(dir, "named.toml", "url = \"http://named:2\"\n");
  auto flagged = write_file(dir, "flagged.toml", "url = \"http://flagged:3\"\n");
  std::map<std::string, std::string> env{{"HOME", dir.str()}};
  CHECK(resolve_connection({}, env_of(env))->url == "http://home:1");
  env["GRIDCTL_CONFIG"] = named;
  CHECK(resolve_connection({}, env_of(env))->url == "http://named:2");
  CHECK(resolve_connection({"", "", flagged}, env_of(env))->url == "http://flagged:3");
}

TEST_CASE("a config file that is missing when named, not TOML, or has a stray key is a usage error",
          "[gridctl][config]") {
  testing::temp_dir dir;
  auto missing = resolve_connection({"", "", dir.str() + "/nope.toml"}, env_of({}));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().find("no such config file") != std::string::npos);

  auto broken = write_file(dir, "broken.toml", "url = \"http://x\"\ntoken = \n");
  auto not_toml = resolve_connection({"", "", broken}, env_of({}));
  REQUIRE_FALSE(not_toml);
  CHECK(not_toml.error().starts_with(broken + ":2:"));  // file and line

  auto typo = write_file(dir, "typo.toml", "tokne = \"x\"\n");
  auto stray = resolve_connection({}, env_of({{"GRIDCTL_CONFIG", typo}}));
  REQUIRE_FALSE(stray);
  CHECK(stray.error().find("unknown key 'tokne'") != std::string::npos);

  auto number = write_file(dir, "number.toml", "url = 8080\n");
  CHECK_FALSE(resolve_connection({"", "", number}, env_of({})));

  // The default file is optional.
  CHECK(resolve_connection({}, env_of({{"HOME", dir.str()}})));
}

TEST_CASE("a token in a config file other users may read gives a warning", "[gridctl][config]") {
  testing::temp_dir dir;
  auto open = write_file(dir, "open.toml", "token = \"t\"\n", 0644);
  auto c = resolve_connection({"", "", open}, env_of({}));
  REQUIRE(c);
  REQUIRE(c->warnings.size() == 1);
  CHECK(c->warnings[0].find("chmod 600") != std::string::npos);
  auto closed = write_file(dir, "closed.toml", "token = \"t\"\n", 0600);
  CHECK(resolve_connection({"", "", closed}, env_of({}))->warnings.empty());
}
