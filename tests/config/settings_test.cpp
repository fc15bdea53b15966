#include <catch2/catch.hpp>

#include "config/settings.hpp"

using namespace gridcoord::config;

TEST_CASE("the shipped settings file holds exactly the defaults", "[config]") {
  auto loaded = load_settings(GRIDCOORD_DEFAULT_CONFIG);
  REQUIRE(loaded);
  settings defaults;
  CHECK(loaded->server.host == defaults.server.host);
  CHECK(loaded->server.port == defaults.server.port);
  CHECK(loaded->server.max_body_bytes == defaults.server.max_body_bytes);
  CHECK(loaded->server.read_timeout == defaults.server.read_timeout);
  CHECK(loaded->storage.data_dir == defaults.storage.data_dir);
  CHECK(loaded->storage.group_commit_window == defaults.storage.group_commit_window);
  CHECK(loaded->storage.snapshot_every_events == defaults.storage.snapshot_every_events);
  CHECK(loaded->time.zone == defaults.time.zone);
  CHECK(loaded->calendar.file == defaults.calendar.file);
  CHECK(loaded->calendar.reporting_file == defaults.calendar.reporting_file);
  CHECK(loaded->log.format == defaults.log.format);
  CHECK(loaded->server.tls.cert_file == defaults.server.tls.cert_file);
  CHECK(loaded->server.tls.key_file == defaults.server.tls.key_file);
  CHECK(loaded->server.tls.min_version == defaults.server.tls.min_version);
  CHECK_FALSE(loaded->server.tls.enabled());
}

TEST_CASE("a setting in the file overrides its default", "[config]") {
  auto s = parse_settings("[server]\nlisten = \"0.0.0.0:9090\"\n[storage]\ngroup_commit_window_us = 50\n",
                          "test.toml");
  REQUIRE(s);
  CHECK(s->server.host == "0.0.0.0");
  CHECK(s->server.port == 9090);
  CHECK(s->storage.group_commit_window == std::chrono::microseconds{50});
  CHECK(s->storage.max_batch_events == settings{}.storage.max_batch_events);
}

TEST_CASE("an unknown key, a wrong type or a bad address is an error naming it", "[config]") {
  auto typo = parse_settings("[server]\nlisten_on = \"x\"\n", "a.toml");
  REQUIRE_FALSE(typo);
  CHECK(typo.error().message == "a.toml: unknown setting 'server.listen_on'");
  auto type = parse_settings("[storage]\nmax_batch_events = \"many\"\n", "b.toml");
  REQUIRE_FALSE(type);
  CHECK(type.error().message == "b.toml: storage.max_batch_events has the wrong type");
  auto addr = parse_settings("[server]\nlisten = \"localhost\"\n", "c.toml");
  REQUIRE_FALSE(addr);
  CHECK(addr.error().message == "c.toml: server.listen must be HOST:PORT");
  auto syntax = parse_settings("[server\n", "d.toml");
  REQUIRE_FALSE(syntax);
  CHECK(syntax.error().message.rfind("d.toml:1:", 0) == 0);
  CHECK_FALSE(load_settings("/nonexistent/gridcoord.toml"));
}

TEST_CASE("the listen address must be HOST:PORT", "[config]") {
  settings s;
  CHECK(set_listen(s, "127.0.0.1:0"));
  CHECK(s.server.port == 0);
  CHECK_FALSE(set_listen(s, "127.0.0.1:70000"));
  CHECK_FALSE(set_listen(s, ":80"));
  CHECK_FALSE(set_listen(s, "host:8o"));
}

TEST_CASE("log.format is json by default, may be text, and nothing else", "[config]") {
  CHECK(settings{}.log.format == "json");
  auto text = parse_settings("[log]\nformat = \"text\"\n", "t.toml");
  REQUIRE(text);
  CHECK(text->log.format == "text");
  auto json = parse_settings("[log]\nformat = \"json\"\n", "j.toml");
  REQUIRE(json);
  CHECK(json->log.format == "json");
  auto other = parse_settings("[log]\nformat = \"xml\"\n", "x.toml");
  REQUIRE_FALSE(other);
  CHECK(other.error().message == "x.toml: log.format must be \"json\" or \"text\"");
  auto typed = parse_settings("[log]\nformat = 1\n", "n.toml");
  REQUIRE_FALSE(typed);
  CHECK(typed.error().message == "n.toml: log.format has the wrong type");
}

TEST_CASE("TLS is off by default and on when the file names a certificate and a key", "[config][tls]") {
  CHECK_FALSE(settings{}.server.tls.enabled());
  auto s = parse_settings("[tls]\ncert_file = \"/etc/gc/cert.pem\"\nkey_file = \"/etc/gc/key.pem\"\n"
                          "min_version = \"1.3\"\n", "test.toml");
  REQUIRE(s);
  CHECK(s->server.tls.enabled());
  CHECK(s->server.tls.cert_file == "/etc/gc/cert.pem");
  CHECK(s->server.tls.key_file == "/etc/gc/key.pem");
  CHECK(s->server.tls.min_version == "1.3");
}

TEST_CASE("a certificate without a key, or a key without a certificate, is an error", "[config][tls]") {
  auto cert_only = parse_settings("[tls]\ncert_file = \"cert.pem\"\n", "test.toml");
  REQUIRE_FALSE(cert_only);
  CHECK(cert_only.error().message ==
        "test.toml: tls.cert_file is set but tls.key_file is not (give both, or neither)");
  auto key_only = parse_settings("[tls]\nkey_file = \"key.pem\"\n", "test.toml");
  REQUIRE_FALSE(key_only);
  CHECK(key_only.error().message.find("tls.key_file is set but tls.cert_file is not") != std::string::npos);
}

TEST_CASE("tls.min_version is 1.2 or 1.3 and nothing else", "[config][tls]") {
  auto bad = parse_settings("[tls]\nmin_version = \"1.0\"\n", "test.toml");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message == "test.toml: tls.min_version must be \"1.2\" or \"1.3\"");
  CHECK_FALSE(parse_settings("[tls]\nsni = true\n", "test.toml"));
}

TEST_CASE("the --tls-cert and --tls-key flags override the file's TLS files", "[config][tls]") {
  auto s = parse_settings("[tls]\ncert_file = \"old.pem\"\nkey_file = \"old.key\"\n", "test.toml");
  REQUIRE(s);
  REQUIRE(set_tls_files(*s, "new.pem", ""));
  CHECK(s->server.tls.cert_file == "new.pem");
  CHECK(s->server.tls.key_file == "old.key");
  settings plain;
  auto half = set_tls_files(plain, "cert.pem", "");
  REQUIRE_FALSE(half);
  CHECK(half.error().message.find("tls.key_file is not") != std::string::npos);
  REQUIRE(set_tls_files(plain, "", "key.pem"));
  CHECK(plain.server.tls.enabled());
}
