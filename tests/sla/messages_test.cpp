// Messages to customers from templates: placeholders checked per kind, times
// in the configured zone in each language's format, SMS length as a phone
// network counts it.
#include <catch2/catch.hpp>

#include <string>

#include "domain/sla/messages.hpp"

using namespace gridcoord;
using namespace gridcoord::domain::sla;
using gridcoord::domain::equipment_kind;
using gridcoord::domain::time_point;
using gridcoord::domain::language;

namespace {

time_point at(const char* rfc3339) { return *gridcoord::domain::parse_rfc3339(rfc3339); }

message_template parsed(std::string_view text, message_kind k = message_kind::outage_notice) {
  auto t = parse_template(text, k);
  REQUIRE(t);
  return *t;
}

language_texts chinese() {
  language_texts t;
  t.signature = "【蓝海供电】";
  t.contact = "如有疑问请致电95598。";
  t.etr_unknown = "另行通知的时间";
  t.cause_unknown = "正在查明";
  t.equipment_kinds = {"变电站", "主变压器", "线路", "配电变压器"};
  t.templates[0] = parsed("{signature}尊敬的{customer_name}：受{region}{equipment_name}{equipment_kind}故障影响，"
                          "您单位自{started_at}起停电，预计{etr}恢复供电。{contact}");
  t.templates[1] = parsed("{signature}{customer_name}：预计{etr}恢复，原因{cause}。", message_kind::etr_update);
  t.templates[2] = parsed("{signature}{equipment_name}已于{restored_at}恢复供电。", message_kind::restoration);
  t.templates[3] = parsed("{signature}{starts_at}至{ends_at}检修停电。", message_kind::planned_outage_notice);
  return t;
}

language_texts english() {
  language_texts t;
  t.max_sms_segments = 3;
  t.signature = "[Lanhai Power] ";
  t.contact = "Questions: call 95598.";
  t.etr_unknown = "a time we will send you";
  t.cause_unknown = "being investigated";
  t.equipment_kinds = {"substation", "main transformer", "feeder", "distribution transformer"};
  t.templates[0] = parsed("{signature}Dear {customer_name}: power is off since {started_at} on {equipment_kind} "
                          "{equipment_name}, expected back by {etr}. {contact}");
  t.templates[1] = parsed("{signature}{etr}", message_kind::etr_update);
  t.templates[2] = parsed("{signature}{restored_at}", message_kind::restoration);
  t.templates[3] = parsed("{signature}{starts_at}", message_kind::planned_outage_notice);
  return t;
}

message_values harbour_outage() {
  message_values v;
  v.customer_name = "蓝海化工";
  v.equipment_name = "F-222";
  v.kind = equipment_kind::feeder;
  v.region = "蓝海市临港镇";
  v.started_at = at("2026-12-07T00:25:51.451166Z");  // 08:25 in Beijing
  v.etr = at("2026-12-07T04:00:00Z");                 // 12:00 in Beijing
  return v;
}

message_catalogue catalogue(language l = language::zh_cn) {
  message_catalogue c;
  c.language = l;
  c.texts[0] = chinese();
  c.texts[1] = english();
  c.check = {"蓝海市第一人民医院临港院区", "SS-07/T2/F-222", "蓝海市临港经济开发区", "电缆中间接头击穿"};
  return c;
}

}  // namespace

TEST_CASE("a customer SMS is written from the template in Beijing time", "[sla][messages]") {
  auto w = write_message(catalogue(), message_kind::outage_notice, "sms", harbour_outage(), "Asia/Shanghai");
  CHECK(w.text ==
        "【蓝海供电】尊敬的蓝海化工：受蓝海市临港镇F-222线路故障影响，您单位自12月7日 08:25起停电，"
        "预计12月7日 12:00恢复供电。如有疑问请致电95598。");
  CHECK(w.language == language::zh_cn);
  CHECK(w.segments == 2);  // 83 characters: over the 70 of one segment
  CHECK_FALSE(w.too_long);
}

TEST_CASE("the same outage in English carries the zone's offset", "[sla][messages]") {
  auto v = harbour_outage();
  v.customer_name = "Lanhai Chemicals";
  auto w = write_message(catalogue(language::en), message_kind::outage_notice, "sms", v, "Asia/Shanghai");
  CHECK(w.text ==
        "[Lanhai Power] Dear Lanhai Chemicals: power is off since 2026-12-07 08:25 (+08:00) on feeder F-222, "
        "expected back by 2026-12-07 12:00 (+08:00). Questions: call 95598.");
  CHECK(w.language == language::en);
  CHECK(w.segments == 2);  // GSM only, 168 septets ("[" and "]" take two each): over 160
}

TEST_CASE("message times follow the configured zone and the day changes with it", "[sla][messages]") {
  auto t = at("2026-12-31T16:30:00Z");
  CHECK(format_message_time(t, "Asia/Shanghai", language::zh_cn) == "1月1日 00:30");
  CHECK(format_message_time(t, "UTC", language::zh_cn) == "12月31日 16:30");
  CHECK(format_message_time(t, "Asia/Shanghai", language::en) == "2027-01-01 00:30 (+08:00)");
}

TEST_CASE("what is not known yet is written in the language's words", "[sla][messages]") {
  auto texts = chinese();
  auto v = harbour_outage();
  v.etr.reset();
  CHECK(render(texts, language::zh_cn, message_kind::etr_update, v, "Asia/Shanghai") ==
        "【蓝海供电】蓝海化工：预计另行通知的时间恢复，原因正在查明。");
  v.cause = "10千伏电缆故障";
  v.etr = at("2026-12-07T04:00:00Z");
  CHECK(render(texts, language::zh_cn, message_kind::etr_update, v, "Asia/Shanghai") ==
        "【蓝海供电】蓝海化工：预计12月7日 12:00恢复，原因10千伏电缆故障。");
}

TEST_CASE("a template names only the placeholders its kind has", "[sla][messages]") {
  auto unknown = parse_template("{signature}{customer}", message_kind::outage_notice);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().starts_with("has {customer}, which is not a placeholder; outage_notice knows {signature}, "
                                    "{contact}, {customer_name}"));
  auto other_kind = parse_template("恢复于{restored_at}", message_kind::outage_notice);
  REQUIRE_FALSE(other_kind);
  CHECK(other_kind.error().starts_with("has {restored_at}, which outage_notice does not have; it knows"));
  CHECK(parse_template("恢复于{restored_at}", message_kind::restoration));
  CHECK(parse_template("{starts_at}至{ends_at}", message_kind::planned_outage_notice));
  CHECK_FALSE(parse_template("{started_at}", message_kind::planned_outage_notice));
}

TEST_CASE("braces in a template are doubled, and an unclosed one is refused", "[sla][messages]") {
  auto t = parse_template("{{id}} {customer_name} }}", message_kind::restoration);
  REQUIRE(t);
  language_texts texts;
  texts.templates[2] = *t;
  message_values v;
  v.customer_name = "水厂";
  CHECK(render(texts, language::zh_cn, message_kind::restoration, v, "UTC") == "{id} 水厂 }");
  CHECK(parse_template("停电{started_at", message_kind::outage_notice).error() ==
        "has a \"{\" at byte 7 without its \"}\" (write {{ for a brace)");
  CHECK(parse_template("停电}", message_kind::outage_notice).error() ==
        "has a \"}\" at byte 7 without its \"{\" (write }} for a brace)");
  CHECK_FALSE(parse_template("{}", message_kind::outage_notice));
  CHECK(parse_template("", message_kind::outage_notice));  // empty: a message of nothing, allowed
}

TEST_CASE("SMS length counts Chinese as 70 a segment, GSM text as 160", "[sla][messages][sms]") {
  CHECK(measure_sms("") == sms_length{0, true, 1});
  CHECK(measure_sms(std::string(160, 'a')) == sms_length{160, true, 1});
  CHECK(measure_sms(std::string(161, 'a')) == sms_length{161, true, 2});  // 153 a segment when several
  CHECK(measure_sms(std::string(306, 'a')).segments == 2);
  CHECK(measure_sms(std::string(307, 'a')).segments == 3);
  CHECK(measure_sms("Price: 10€ [net]") == sms_length{19, true, 1});  // €, [ and ] take two septets each

  std::string seventy;
  for (int i = 0; i < 70; ++i) seventy += "电";
  CHECK(measure_sms(seventy) == sms_length{70, false, 1});
  CHECK(measure_sms(seventy + "a") == sms_length{71, false, 2});  // 67 a segment when several
  std::string many;
  for (int i = 0; i < 134; ++i) many += "电";
  CHECK(measure_sms(many).segments == 2);
  CHECK(measure_sms(many + "。").segments == 3);
  // One Chinese character makes the whole text UCS-2.
  CHECK(measure_sms(std::string(100, 'a') + "电") == sms_length{101, false, 2});
  // An emoji is two UTF-16 units.
  CHECK(measure_sms("\xF0\x9F\x98\x80") == sms_length{2, false, 1});
}

TEST_CASE("a message over its language's segments is sent whole and flagged", "[sla][messages][sms]") {
  auto v = harbour_outage();
  v.customer_name = std::string();
  for (int i = 0; i < 60; ++i) v.customer_name += "长";  // a name far longer than realistic
  auto w = write_message(catalogue(), message_kind::outage_notice, "sms", v, "Asia/Shanghai");
  CHECK(w.segments == 3);
  CHECK(w.too_long);
  CHECK(w.text.find(v.customer_name) != std::string::npos);
  auto mail = write_message(catalogue(), message_kind::outage_notice, "email", v, "Asia/Shanghai");
  CHECK(mail.text == w.text);
  CHECK(mail.segments == 0);  // not an SMS
  CHECK_FALSE(mail.too_long);
}

TEST_CASE("the length check writes each template with the stand-ins and the longest kind", "[sla][messages][sms]") {
  auto c = catalogue();
  // 110 characters with "配电变压器", the longest kind: two segments.
  CHECK(longest_segments(c, language::zh_cn, message_kind::outage_notice) == 2);
  CHECK(longest_segments(c, language::zh_cn, message_kind::restoration) == 1);
  c.check.customer_name = std::string(300, 'x');
  CHECK(longest_segments(c, language::zh_cn, message_kind::outage_notice) == 6);
  c.texts[1].reset();
  CHECK(longest_segments(c, language::en, message_kind::outage_notice) == 0);
}

TEST_CASE("message kinds and languages read back from their names", "[sla][messages]") {
  for (auto k : all_message_kinds) CHECK(parse_message_kind(to_string(k)) == k);
  for (auto l : all_languages) CHECK(gridcoord::domain::parse_language(to_string(l)) == l);
  CHECK(to_string(language::zh_cn) == "zh-CN");
  CHECK_FALSE(gridcoord::domain::parse_language("zh"));
  CHECK(message_kind_of(notification_kind::etr_update) == message_kind::etr_update);
}
