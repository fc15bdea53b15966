// The messages file: the shipped one loads and is built in; every problem
// names the file, the line and the key.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "config/messages_file.hpp"
#include "config/settings.hpp"
#include "config/shipped_files.hpp"

using namespace gridcoord;
using namespace gridcoord::config;
namespace sla = gridcoord::domain::sla;

namespace {

const std::string config_dir = GRIDCOORD_CONFIG_DIR;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A small valid file: zh-CN only, one line a key (line numbers in comments).
std::vector<std::string> lines() {
  return {
      "[check]",                                                    // 1
      "customer_name = \"蓝海化工\"",                               // 2
      "equipment_name = \"F-222\"",                                 // 3
      "region = \"临港镇\"",                                        // 4
      "cause = \"电缆故障\"",                                       // 5
      "[languages.zh-CN]",                                          // 6
      "max_sms_segments = 1",                                       // 7
      "signature = \"【蓝海供电】\"",                               // 8
      "contact = \"详询95598。\"",                                  // 9
      "etr_unknown = \"待定\"",                                     // 10
      "cause_unknown = \"正在查明\"",                               // 11
      "[languages.zh-CN.equipment_kinds]",                          // 12
      "substation = \"变电站\"",                                    // 13
      "main_transformer = \"主变\"",                                // 14
      "feeder = \"线路\"",                                          // 15
      "distribution_transformer = \"配变\"",                        // 16
      "[languages.zh-CN.templates]",                                // 17
      "outage_notice = \"{signature}{customer_name}：{equipment_name}{equipment_kind}{started_at}起停电，预计{etr}恢复。{contact}\"",  // 18
      "etr_update = \"{signature}预计{etr}恢复。\"",                // 19
      "restoration = \"{signature}已于{restored_at}恢复供电。\"",   // 20
      "planned_outage_notice = \"{signature}{starts_at}至{ends_at}停电。\"",  // 21
  };
}

std::string joined(const std::vector<std::string>& l) {
  std::string out;
  for (const auto& s : l) out += s + "\n";
  return out;
}

// The file with line `n` (from 1) replaced by `text` ("" removes the key, keeping the numbering).
std::string with_line(std::size_t n, std::string text) {
  auto l = lines();
  l[n - 1] = std::move(text);
  return joined(l);
}

std::string error_of(const std::string& text, const std::string& language = "zh-CN") {
  auto c = parse_messages_file(text, "m.toml", language);
  REQUIRE_FALSE(c);
  return c.error().message;
}

}  // namespace

TEST_CASE("the shipped messages file loads in both languages and writes the outage in Beijing time",
          "[config][messages]") {
  auto zh = load_messages_file(config_dir + "/messages.toml", "zh-CN");
  REQUIRE(zh);
  CHECK(zh->language == domain::language::zh_cn);
  REQUIRE(zh->texts_of(domain::language::zh_cn));
  REQUIRE(zh->texts_of(domain::language::en));
  CHECK(zh->texts_of(domain::language::zh_cn)->signature == "【蓝海供电】");
  CHECK(zh->texts_of(domain::language::zh_cn)->max_sms_segments == 2);

  sla::message_values v;
  v.customer_name = "蓝海化工";
  v.equipment_name = "F-222";
  v.kind = domain::equipment_kind::feeder;
  v.region = "蓝海市临港镇";
  v.started_at = *domain::parse_rfc3339("2026-12-07T00:25:51.451166Z");
  auto w = sla::write_message(*zh, sla::message_kind::outage_notice, "sms", v, "Asia/Shanghai");
  CHECK(w.text == "【蓝海供电】尊敬的蓝海化工：受蓝海市临港镇F-222线路故障影响，您单位自12月7日 08:25起停电，"
                  "预计另行通知的时间恢复供电。如有疑问请致电95598。");
  CHECK(w.segments == 2);

  auto en = load_messages_file(config_dir + "/messages.toml", "en");
  REQUIRE(en);
  w = sla::write_message(*en, sla::message_kind::outage_notice, "sms", v, "Asia/Shanghai");
  CHECK(w.language == domain::language::en);
  CHECK(w.text.starts_with("[Lanhai Power] Dear 蓝海化工: power is off since 2026-12-07 08:25 (+08:00)"));
}

TEST_CASE("the shipped messages file is built in, and read when it is not in the working directory",
          "[config][messages]") {
  auto built_in = shipped_file("config/messages.toml");
  REQUIRE(built_in);
  CHECK(*built_in == read_file(config_dir + "/messages.toml"));

  struct scoped_cwd {
    std::filesystem::path before = std::filesystem::current_path();
    explicit scoped_cwd(const std::filesystem::path& p) { std::filesystem::current_path(p); }
    ~scoped_cwd() { std::filesystem::current_path(before); }
  } cwd{std::filesystem::temp_directory_path()};
  settings defaults;
  REQUIRE(defaults.messages.file == "config/messages.toml");
  REQUIRE_FALSE(std::filesystem::exists(defaults.messages.file));
  std::vector<std::string> notes;
  auto c = load_messages_file(defaults.messages.file, defaults.messages.language, &notes);
  REQUIRE(c);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].starts_with("config/messages.toml is not in "));
  CHECK(load_messages_file("config/other-messages.toml", "zh-CN").error().message ==
        "config/other-messages.toml: cannot be read");
}

TEST_CASE("the test's small messages file loads", "[config][messages]") {
  auto c = parse_messages_file(joined(lines()), "m.toml", "zh-CN");
  REQUIRE(c);
  CHECK_FALSE(c->texts_of(domain::language::en));
  CHECK(c->check.customer_name == "蓝海化工");
  CHECK(c->texts_of(domain::language::zh_cn)->equipment_kinds[3] == "配变");
}

TEST_CASE("a template with an unknown placeholder, or one its kind lacks, names the file, line and key",
          "[config][messages]") {
  CHECK(error_of(with_line(19, "etr_update = \"预计{eta}恢复\"")) ==
        "m.toml:19: languages.zh-CN.templates.etr_update has {eta}, which is not a placeholder; etr_update knows "
        "{signature}, {contact}, {customer_name}, {equipment_name}, {equipment_kind}, {region}, {started_at}, {etr}, "
        "{cause}");
  CHECK(error_of(with_line(18, "outage_notice = \"已于{restored_at}恢复\"")).starts_with(
      "m.toml:18: languages.zh-CN.templates.outage_notice has {restored_at}, which outage_notice does not have"));
  CHECK(error_of(with_line(20, "restoration = \"已于{restored_at恢复\"")) ==
        "m.toml:20: languages.zh-CN.templates.restoration has a \"{\" at byte 7 without its \"}\" (write {{ for a "
        "brace)");
}

TEST_CASE("a message kind without a template, or an unknown kind, is refused", "[config][messages]") {
  CHECK(error_of(with_line(21, "")) == "m.toml:17: languages.zh-CN.templates.planned_outage_notice is missing");
  CHECK(error_of(with_line(21, "complaint_reply = \"x\"")) ==
        "m.toml:21: languages.zh-CN.templates.complaint_reply is not a known key");
  CHECK(error_of(with_line(19, "etr_update = 3")) ==
        "m.toml:19: languages.zh-CN.templates.etr_update must be text in quotes");
}

TEST_CASE("a missing or unknown key of a language or of the check names it", "[config][messages]") {
  CHECK(error_of(with_line(9, "")) == "m.toml:6: languages.zh-CN.contact is missing");
  CHECK(error_of(with_line(9, "hotline = \"95598\"")) == "m.toml:9: languages.zh-CN.hotline is not a known key");
  CHECK(error_of(with_line(16, "")) ==
        "m.toml:12: languages.zh-CN.equipment_kinds.distribution_transformer is missing");
  CHECK(error_of(with_line(5, "")) == "m.toml:1: check.cause is missing");
  CHECK(error_of("max_sms_segments = 2\n" + joined(lines())) == "m.toml:1: max_sms_segments is not a known key");
}

TEST_CASE("a language gridcoord does not write, or the one in force missing, is refused", "[config][messages]") {
  CHECK(error_of(with_line(6, "[languages.fr]")) ==
        "m.toml:6: languages.fr is not a language gridcoord writes: \"zh-CN\" or \"en\"");
  CHECK(error_of(joined(lines()), "en") ==
        "m.toml:6: languages has no \"en\", the language in force ([messages] language in gridcoord.toml)");
  CHECK(error_of(joined(lines()), "zh") ==
        "m.toml: the language \"zh\" ([messages] language in gridcoord.toml) is not one gridcoord writes: "
        "\"zh-CN\" or \"en\"");
}

TEST_CASE("a template too long for its SMS segments with the check values is refused at its line",
          "[config][messages]") {
  // Line 18 with the stand-ins and "变电站" is 60 characters: one segment. A
  // longer stand-in name makes it two, over max_sms_segments = 1.
  CHECK(parse_messages_file(joined(lines()), "m.toml", "zh-CN"));
  CHECK(error_of(with_line(2, "customer_name = \"蓝海市第一人民医院临港院区东楼\"")) ==
        "m.toml:18: languages.zh-CN.templates.outage_notice takes 2 SMS segments written with the [check] values, "
        "more than max_sms_segments = 1; shorten it (a segment holds 70 characters when any is Chinese, 67 each "
        "when there are several)");
  CHECK(error_of(with_line(7, "max_sms_segments = 0")) ==
        "m.toml:7: languages.zh-CN.max_sms_segments must be a whole number 1..10");
}

TEST_CASE("settings name the messages file and language in [messages]", "[config][messages]") {
  auto shipped = load_settings(GRIDCOORD_DEFAULT_CONFIG);
  REQUIRE(shipped);
  CHECK(shipped->messages.file == "config/messages.toml");
  CHECK(shipped->messages.language == "zh-CN");
  auto set = parse_settings("[messages]\nfile = \"/etc/gridcoord/messages.toml\"\nlanguage = \"en\"\n", "g.toml");
  REQUIRE(set);
  CHECK(set->messages.file == "/etc/gridcoord/messages.toml");
  CHECK(set->messages.language == "en");
  CHECK(parse_settings("[messages]\nlanguage = \"fr\"\n", "g.toml").error().message ==
        "g.toml: messages.language must be \"zh-CN\" or \"en\"");
}
