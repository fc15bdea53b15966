// gridctl asks the server for its error messages in a language: --lang, else
// $GRIDCOORD_LANG, else the config file's `lang`, else the locale ($LC_ALL,
// $LC_MESSAGES, $LANG), else English; every request carries it as
// Accept-Language. Against a server of canned answers that records every head.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <string>

#include "cmd/gridctl/connection.hpp"
#include "tests/gridctl/support/canned_server.hpp"
#include "tests/gridctl/support/gridctl_runner.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using gridctl::language_of_locale;
using gridctl::resolve_connection;
using testing::canned_server;
using testing::gridctl_runner;

namespace {

gridctl::env_lookup env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

std::string language_for(gridctl::connection_flags flags, std::map<std::string, std::string> env) {
  auto c = resolve_connection(flags, env_of(std::move(env)));
  REQUIRE(c);
  return c->language;
}

// The value of `name` in a raw request head, "" when absent.
std::string header_in(const std::string& head, std::string_view name) {
  auto at = head.find("\r\n" + std::string(name) + ": ");
  if (at == std::string::npos) return "";
  auto start = at + name.size() + 4;
  return head.substr(start, head.find("\r\n", start) - start);
}

const std::string health = R"({"status":"ok","last_seq":3,"version":"0.1.0"})";
const std::string refused = R"({"error":{"code":"validation_failed",
  "message":"large_customer_demand 报表中有 1 处问题；未保存任何内容",
  "details":[{"row":1,"field":"demand_kw","value":"x","reason":"须为数值","rule":"not_a_number"}]}})";

}  // namespace

TEST_CASE("a POSIX locale gives zh-CN for Simplified Chinese and en for anything else", "[gridctl][language]") {
  for (auto locale : {"zh_CN.UTF-8", "zh_CN.utf8", "zh_CN.GB18030", "zh_CN", "zh_SG.UTF-8", "zh", "zh_CN@pinyin"}) {
    INFO(locale);
    CHECK(language_of_locale(locale) == "zh-CN");
  }
  for (auto locale : {"C", "POSIX", "C.UTF-8", "en_US.UTF-8", "zh_TW.UTF-8", "zh_HK", "fr_FR.UTF-8", ""}) {
    INFO(locale);
    CHECK(language_of_locale(locale) == "en");
  }
}

TEST_CASE("the language is --lang, else $GRIDCOORD_LANG, else the config file's lang, else $LC_ALL, $LC_MESSAGES "
          "or $LANG, else en",
          "[gridctl][language]") {
  testing::temp_dir dir;
  auto file = dir.str() + "/gridctl.toml";
  std::ofstream(file) << "lang = \"zh-CN\"\n";
  CHECK(language_for({}, {}) == "en");
  CHECK(language_for({}, {{"LANG", "zh_CN.UTF-8"}}) == "zh-CN");
  CHECK(language_for({}, {{"LANG", "zh_CN.UTF-8"}, {"LC_MESSAGES", "en_US.UTF-8"}}) == "en");
  CHECK(language_for({}, {{"LC_MESSAGES", "en_US.UTF-8"}, {"LC_ALL", "zh_CN.UTF-8"}}) == "zh-CN");
  CHECK(language_for({}, {{"LC_ALL", "C"}, {"LANG", "zh_CN.UTF-8"}}) == "en");
  CHECK(language_for({}, {{"LC_ALL", ""}, {"LANG", "zh_CN.UTF-8"}}) == "zh-CN");  // an empty variable is not set
  CHECK(language_for({}, {{"GRIDCTL_CONFIG", file}, {"LANG", "en_US.UTF-8"}}) == "zh-CN");
  CHECK(language_for({}, {{"GRIDCTL_CONFIG", file}, {"GRIDCOORD_LANG", "en"}}) == "en");
  gridctl::connection_flags flags;
  flags.lang = "ZH-cn";
  CHECK(language_for(flags, {{"GRIDCOORD_LANG", "en"}}) == "zh-CN");
}

TEST_CASE("a language that is neither zh-CN nor en is a usage error naming where it came from", "[gridctl][language]") {
  gridctl::connection_flags flags;
  flags.lang = "fr";
  auto c = resolve_connection(flags, env_of({}));
  REQUIRE_FALSE(c);
  CHECK(c.error() == "unknown language \"fr\" (from --lang): give zh-CN or en");
  auto e = resolve_connection({}, env_of({{"GRIDCOORD_LANG", "zh"}}));
  REQUIRE_FALSE(e);
  CHECK(e.error().find("GRIDCOORD_LANG") != std::string::npos);
  gridctl_runner run{{{"GRIDCOORD_URL", "http://127.0.0.1:9"}}};
  CHECK(run({"--lang", "de", "health"}).code == 2);
}

TEST_CASE("every request carries Accept-Language: the locale's, or --lang's", "[gridctl][language]") {
  canned_server server({{"/v1/health", {200, health}}});
  gridctl_runner chinese{{{"GRIDCOORD_URL", server.url()}, {"LANG", "zh_CN.UTF-8"}}};
  REQUIRE(chinese({"health"}).code == 0);
  REQUIRE(chinese({"--lang", "en", "health"}).code == 0);
  gridctl_runner plain{{{"GRIDCOORD_URL", server.url()}}};
  REQUIRE(plain({"health"}).code == 0);
  auto heads = server.heads();
  REQUIRE(heads.size() == 3);
  CHECK(header_in(heads[0], "Accept-Language") == "zh-CN");
  CHECK(header_in(heads[1], "Accept-Language") == "en");
  CHECK(header_in(heads[2], "Accept-Language") == "en");
}

TEST_CASE("the server's Chinese message and reasons are what gridctl prints", "[gridctl][language]") {
  canned_server server({{"/v1/reports/marketing/large_customer_demand/2027-03", {422, refused}}});
  gridctl_runner run{{{"GRIDCOORD_URL", server.url()}, {"GRIDCOORD_TOKEN", "t"}, {"GRIDCOORD_LANG", "zh-CN"}}};
  auto r = run({"report", "get", "marketing", "large_customer_demand", "2027-03"});
  CHECK(r.code != 0);
  CHECK(r.err.find("large_customer_demand 报表中有 1 处问题；未保存任何内容") != std::string::npos);
  CHECK(r.err.find("须为数值") != std::string::npos);
  CHECK(header_in(server.heads().at(0), "Accept-Language") == "zh-CN");
}
