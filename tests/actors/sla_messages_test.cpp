// What customers are told, through the real actors on a manual clock: the
// notices are written from the shipped templates in Beijing time, name the
// outage's equipment above each customer, are what the sink is handed and
// what the customer view shows, and keep their logged words after a restart
// with other templates.
#include <catch2/catch.hpp>

#include "config/messages_file.hpp"
#include "config/shipped_files.hpp"
#include "tests/actors/support/sla_fixture.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using namespace gridcoord::testing::sla_fixture;
using testing::await;
using testing::t0;  // 2026-11-02T08:00Z: 16:00 in Beijing

namespace {

std::shared_ptr<const sla::message_catalogue> shipped_messages(const std::string& language) {
  auto text = config::shipped_file("config/messages.toml");
  REQUIRE(text);
  auto c = config::parse_messages_file(*text, "config/messages.toml", language);
  REQUIRE(c);
  return std::make_shared<const sla::message_catalogue>(std::move(*c));
}

actors::customer_view customer(actors::client& api, const std::string& id) {
  auto a = ask(api, actors::get_customer{id});
  REQUIRE(a);
  return std::get<actors::customer_view>(*a);
}

}  // namespace

TEST_CASE("an outage's notice is the Chinese template in Beijing time, and it is what the receiver gets",
          "[actors][sla][messages]") {
  domain::manual_clock clock{t0};
  auto sink = std::make_shared<planned_sink>();
  auto rt = std::move(*actors::runtime::start(options(&clock, sink)));  // the shipped templates, zh-CN
  auto& api = rt->api();
  load_network(api);

  REQUIRE(ask(api, actors::report_outage{writer("tk_dispatch"), {"F1"}, t0 - 2min, "线路跳闸"}));
  REQUIRE(*rt->check_outbox() == 2u);
  auto sent = sink->sent();
  REQUIRE(sent.size() == 2);
  const std::string notice = "【蓝海供电】尊敬的蓝海化工：受东城区F1线路故障影响，您单位自11月2日 15:58起停电，"
                             "预计另行通知的时间恢复供电。如有疑问请致电95598。";
  CHECK(sent[0].customer_id == "C-1");
  CHECK(sent[0].channel == "sms");
  CHECK(sent[0].text == notice);
  CHECK(sent[0].language == "zh-CN");
  CHECK(sent[0].segments == 2);  // 73 characters
  CHECK_FALSE(sent[0].too_long);
  CHECK(sent[1].customer_id == "C-2");  // by e-mail: the same words, no SMS segments
  CHECK(sent[1].text.starts_with("【蓝海供电】尊敬的市第一医院：受东城区F1线路故障影响"));
  CHECK(sent[1].segments == 0);

  auto c1 = customer(api, "C-1");
  REQUIRE(c1.notifications.size() == 1);
  CHECK(c1.notifications[0].message.text == notice);
  CHECK(c1.notifications[0].state == sla::delivery_state::delivered);
}

TEST_CASE("an ETR update and a restoration name the outage's equipment above the customer, in Beijing time",
          "[actors][sla][messages]") {
  domain::manual_clock clock{t0};
  auto sink = std::make_shared<planned_sink>();
  auto rt = std::move(*actors::runtime::start(options(&clock, sink)));
  auto& api = rt->api();
  load_network(api);
  REQUIRE(ask(api, actors::report_outage{writer("tk_dispatch"), {"T1"}, t0, ""}));  // C-1, C-2 and C-3 below
  actors::update_outage etr;
  etr.writer = writer("tk_dispatch");
  etr.id = 1;
  etr.etr = t0 + 4h;  // 20:00 in Beijing
  REQUIRE(ask(api, etr));
  clock.set(t0 + 5h);
  REQUIRE(ask(api, actors::restore_outage{writer("tk_crew"), 1, std::nullopt}));
  REQUIRE(*rt->check_outbox() == 9u);

  auto c1 = customer(api, "C-1");
  REQUIRE(c1.notifications.size() == 3);
  CHECK(c1.notifications[1].message.kind == sla::notification_kind::etr_update);
  CHECK(c1.notifications[1].message.text ==
        "【蓝海供电】尊敬的蓝海化工：东城区T1主变压器故障停电，预计恢复供电时间更新为11月2日 20:00。如有疑问请致电95598。");
  CHECK(c1.notifications[2].message.kind == sla::notification_kind::restoration);
  CHECK(c1.notifications[2].message.text ==
        "【蓝海供电】尊敬的蓝海化工：东城区T1主变压器已于11月2日 21:00恢复供电，给您带来不便，敬请谅解。"
        "如有疑问请致电95598。");
  CHECK(c1.notifications[2].message.segments == 1);  // 66 characters
}

TEST_CASE("a message keeps the words it was logged with after a restart with other templates",
          "[actors][sla][messages][restart]") {
  testing::temp_dir dir;
  domain::manual_clock clock{t0};
  auto sink = std::make_shared<planned_sink>();
  sink->plan = {actors::delivery_outcome::result::retry};  // the first attempt fails
  std::string chinese;
  {
    auto rt = std::move(*actors::runtime::start(options(&clock, sink, dir.path().string())));
    load_network(rt->api());
    REQUIRE(ask(rt->api(), actors::report_outage{writer(), {"F2"}, t0, ""}));  // C-3
    REQUIRE(*rt->check_outbox() == 1u);
    chinese = customer(rt->api(), "C-3").notifications.at(0).message.text;
    CHECK(chinese.starts_with("【蓝海供电】尊敬的北郊水厂："));
  }
  auto o = options(&clock, sink, dir.path().string());
  o.messages = shipped_messages("en");
  auto rt = std::move(*actors::runtime::start(o));
  clock.set(t0 + 10s);  // past the retry's next attempt
  REQUIRE(*rt->check_outbox() == 1u);
  REQUIRE(sink->sent().size() == 2);
  CHECK(sink->sent()[1].text == chinese);  // sent as decided, not as the templates now say
  CHECK(sink->sent()[1].language == "zh-CN");
  CHECK(customer(rt->api(), "C-3").notifications.at(0).state == sla::delivery_state::delivered);

  clock.set(t0 + 1h);
  REQUIRE(ask(rt->api(), actors::restore_outage{writer(), 1, std::nullopt}));
  REQUIRE(*rt->check_outbox() == 1u);
  auto restored = sink->sent().back();
  CHECK(restored.text ==
        "[Lanhai Power] Dear 北郊水厂: power on feeder F2 is back since 2026-11-02 17:00 (+08:00). Sorry for the "
        "trouble. Questions: call 95598.");
  CHECK(restored.language == "en");
  CHECK(restored.segments == 2);  // a Chinese name: 70 a segment, 67 when several
}
