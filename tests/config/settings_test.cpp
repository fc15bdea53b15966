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
  CHECK(loaded->publication.directory == defaults.publication.directory);
  CHECK(loaded->publication.post_url == defaults.publication.post_url);
  CHECK(loaded->publication.post_timeout == defaults.publication.post_timeout);
  CHECK(loaded->publication.working_days_after_month_end == defaults.publication.working_days_after_month_end);
  CHECK(loaded->publication.time == defaults.publication.time);
  CHECK(loaded->publication.page.language == defaults.publication.page.language);
  CHECK(loaded->publication.page.zh_cn.issuer == defaults.publication.page.zh_cn.issuer);
  CHECK(loaded->publication.page.zh_cn.contact == defaults.publication.page.zh_cn.contact);
  CHECK(loaded->publication.page.en.issuer == defaults.publication.page.en.issuer);
  CHECK(loaded->publication.page.en.contact == defaults.publication.page.en.contact);
  CHECK(loaded->notifications.endpoint == defaults.notifications.endpoint);
  CHECK(loaded->notifications.connections == defaults.notifications.connections);
  CHECK(loaded->notifications.timeout == defaults.notifications.timeout);
  CHECK(loaded->notifications.retry_initial == defaults.notifications.retry_initial);
  CHECK(loaded->notifications.retry_max == defaults.notifications.retry_max);
  CHECK(loaded->notifications.max_attempts == defaults.notifications.max_attempts);
  CHECK(loaded->notifications.jitter_pct == defaults.notifications.jitter_pct);
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

TEST_CASE("the publication settings default to the directory, no POST, the third working day at 09:00",
          "[config]") {
  settings s;
  CHECK(s.publication.directory == "./var/publication");
  CHECK(s.publication.post_url == "");
  CHECK(s.publication.post_timeout == std::chrono::seconds{10});
  CHECK(s.publication.working_days_after_month_end == 3);
  CHECK(s.publication.time == "09:00");
  CHECK(s.publication.page.language == "zh-CN");
  CHECK(s.publication.page.zh_cn.issuer.empty());
  CHECK(s.publication.page.en.contact.empty());
}

TEST_CASE("the pages' language and each language's issuer and contact are read, and reach the server",
          "[config]") {
  auto s = parse_settings("[publication]\nlanguage = \"EN\"\n"
                          "[publication.zh-CN]\nissuer = \"蓝海供电公司 营销部\"\ncontact = \"客户服务热线 95598\"\n"
                          "[publication.en]\nissuer = \"Lanhai Power Supply Company\"\ncontact = \"Call 95598\"\n",
                          "p.toml");
  REQUIRE(s);
  CHECK(s->publication.page.language == "en");  // written as the tag is written
  CHECK(s->publication.page.zh_cn.issuer == "蓝海供电公司 营销部");
  CHECK(s->publication.page.zh_cn.contact == "客户服务热线 95598");
  CHECK(s->publication.page.en.issuer == "Lanhai Power Supply Company");
  CHECK(s->publication.page.en.contact == "Call 95598");
  CHECK(s->server.publication_page.language == "en");
  CHECK(s->server.publication_page.zh_cn.issuer == "蓝海供电公司 营销部");
  CHECK(s->server.publication_page.en.contact == "Call 95598");

  auto message = [](const std::string& body) {
    auto r = parse_settings(body, "p.toml");
    return r ? std::string("accepted") : r.error().message;
  };
  CHECK(message("[publication]\nlanguage = \"fr\"") == "p.toml: publication.language must be \"zh-CN\" or \"en\"");
  CHECK(message("[publication.fr]\nissuer = \"x\"") == "p.toml: unknown setting 'publication.fr'");
  CHECK(message("[publication.en]\nisuer = \"x\"") == "p.toml: unknown setting 'publication.en.isuer'");
  CHECK(message("[publication.en]\nissuer = 3") == "p.toml: publication.en.issuer has the wrong type");
  CHECK(message("[publication.zh-CN]\n") == "accepted");
  CHECK(message("[server.extra]\nx = 1") == "p.toml: unknown setting 'server.extra'");
}

TEST_CASE("the customers' messages language is read in any letter case and written as its tag", "[config][messages]") {
  CHECK(settings{}.messages.language == "zh-CN");
  auto s = parse_settings("[messages]\nlanguage = \"EN\"\n", "m.toml");
  REQUIRE(s);
  CHECK(s->messages.language == "en");
  s = parse_settings("[messages]\nlanguage = \"zh-cn\"\n", "m.toml");
  REQUIRE(s);
  CHECK(s->messages.language == "zh-CN");
  auto refused = parse_settings("[messages]\nlanguage = \"zh\"\n", "m.toml");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message == "m.toml: messages.language must be \"zh-CN\" or \"en\"");
}

TEST_CASE("a bad publication URL, number or time is an error naming the key", "[config]") {
  auto message = [](const std::string& body) {
    auto s = parse_settings("[publication]\n" + body + "\n", "p.toml");
    return s ? std::string("accepted") : s.error().message;
  };
  CHECK(message("post_url = \"ftp://web.example/m6\"") ==
        "p.toml: publication.post_url must be \"\" or an http:// or https:// URL with a host");
  CHECK(message("post_url = \"http://\"") ==
        "p.toml: publication.post_url must be \"\" or an http:// or https:// URL with a host");
  CHECK(message("post_timeout_s = -1") == "p.toml: publication.post_timeout_s must be 1 to 3600");
  CHECK(message("post_timeout_s = 0") == "p.toml: publication.post_timeout_s must be 1 to 3600");
  CHECK(message("post_timeout_s = \"10\"") == "p.toml: publication.post_timeout_s has the wrong type");
  CHECK(message("working_days_after_month_end = -3") ==
        "p.toml: publication.working_days_after_month_end must be 1 to 23");
  CHECK(message("working_days_after_month_end = 24") ==
        "p.toml: publication.working_days_after_month_end must be 1 to 23");
  CHECK(message("time = \"9:00\"") == "p.toml: publication.time must be \"HH:MM\" (00:00 to 23:59)");
  CHECK(message("time = \"24:00\"") == "p.toml: publication.time must be \"HH:MM\" (00:00 to 23:59)");
  CHECK(message("time = \"09:60\"") == "p.toml: publication.time must be \"HH:MM\" (00:00 to 23:59)");
  CHECK(message("directory = \"\"\npost_url = \"http://127.0.0.1:9000/in\"") == "accepted");
  CHECK(message("schedule = 3") == "p.toml: unknown setting 'publication.schedule'");
}

TEST_CASE("the notification settings are read from their section, and a bad one names its key", "[config]") {
  auto s = parse_settings("[notifications]\nendpoint = \"https://sms.example/gridcoord\"\nconnections = 32\n"
                          "timeout_s = 5\nretry_initial_ms = 500\nretry_max_s = 60\nmax_attempts = 4\njitter_pct = 0\n",
                          "n.toml");
  REQUIRE(s);
  CHECK(s->notifications.endpoint == "https://sms.example/gridcoord");
  CHECK(s->notifications.connections == 32);
  CHECK(s->notifications.timeout == std::chrono::seconds{5});
  CHECK(s->notifications.retry_initial == std::chrono::milliseconds{500});
  CHECK(s->notifications.retry_max == std::chrono::seconds{60});
  CHECK(s->notifications.max_attempts == 4);
  CHECK(s->notifications.jitter_pct == 0);
  auto message = [](const std::string& body) {
    auto r = parse_settings("[notifications]\n" + body + "\n", "n.toml");
    return r ? std::string("accepted") : r.error().message;
  };
  CHECK(message("endpoint = \"ftp://x\"").find("notifications.endpoint") != std::string::npos);
  CHECK(message("connections = 0").find("notifications.connections must be 1 to 256") != std::string::npos);
  CHECK(message("max_attempts = 101").find("notifications.max_attempts") != std::string::npos);
  CHECK(message("jitter_pct = 95").find("notifications.jitter_pct must be 0 to 90") != std::string::npos);
  CHECK(message("retries = 3").find("notifications.retries") != std::string::npos);
}
