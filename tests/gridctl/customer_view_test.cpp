// The --table views of `customer get` and `notifications`
// (cmd/gridctl/customer_view.hpp): what each customer was told, in full, and
// the messages' times in the view's zone.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include <boost/json/parse.hpp>

#include "cmd/gridctl/customer_view.hpp"
#include "cmd/gridctl/render_table.hpp"

using namespace gridcoord::gridctl;
namespace json = boost::json;

namespace {

const std::string told =
    "【蓝海供电】尊敬的蓝海化工：受蓝海市临港镇F-222线路故障影响，您单位自12月7日 08:25起停电，"
    "预计12月7日 12:00恢复供电。如有疑问请致电95598。";

json::object notification(const std::string& id, const std::string& channel, int segments, bool too_long,
                          const std::string& state) {
  return {{"message_id", id},       {"customer_id", "C-7"}, {"channel", channel}, {"kind", "outage_notice"},
          {"cause", "outage/17"},   {"text", told},         {"language", "zh-CN"}, {"segments", segments},
          {"too_long", too_long},   {"state", state},       {"attempts", 1},
          {"enqueued_at", "2026-12-07T00:26:00.000000Z"}};
}

const view_context beijing{"Asia/Shanghai"};

bool has_line(const std::string& text, const std::string& line) {
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (l == line) return true;
  return false;
}

}  // namespace

TEST_CASE("customer get --table shows what each notification told the customer, uncut", "[gridctl][customers]") {
  json::object answer{{"id", "C-7"},
                      {"name", "蓝海化工"},
                      {"tier", "important"},
                      {"connection_point", "F-222"},
                      {"contacts", json::parse(R"([{"channel":"sms","address":"+8613800000000"}])")},
                      {"version", 1},
                      {"changed_seq", 41},
                      {"notifications", json::array{notification("outage/17/C-7/outage_notice", "sms", 2, false,
                                                                 "delivered")}}};
  auto text = render_for_people(customer_for_people(answer, beijing));
  INFO(text);
  CHECK(has_line(text, "contacts                     sms +8613800000000"));
  CHECK(has_line(text, "outage/17/C-7/outage_notice  " + told));
  CHECK(has_line(text, "notifications (1)"));
  CHECK(has_line(text, "message_id                   kind           channel  state      attempts  segments  "
                       "last_error  next_at  ended_at  enqueued_at"));
  CHECK(has_line(text, "outage/17/C-7/outage_notice  outage_notice  sms      delivered         1  2         "
                       "-           -        -         2026-12-07 08:26 (+08:00)"));
}

TEST_CASE("notifications --table lists the texts, then each message with its segments", "[gridctl][customers]") {
  auto retried = notification("outage/17/C-7/outage_notice", "sms", 3, true, "pending");
  retried["next_at"] = "2026-12-07T00:31:00.000000Z";
  json::object answer{
      {"notifications", json::array{retried,
                                    notification("outage/17/C-8/outage_notice", "email", 0, false, "pending")}},
      {"pending", 2}};
  auto text = render_for_people(notifications_for_people(answer, beijing));
  INFO(text);
  CHECK(has_line(text, "pending                      2"));
  CHECK(has_line(text, "outage/17/C-8/outage_notice  " + told));
  CHECK(text.find("3, too long  -           2026-12-07 08:31 (+08:00)  -         2026-12-07 08:26 (+08:00)") !=
        std::string::npos);
  CHECK(has_line(text, "outage/17/C-8/outage_notice  C-7          outage_notice  email    pending         1  -"
                       "            -           -                          -         2026-12-07 08:26 (+08:00)"));
  CHECK(notifications_for_people(json::parse("[]"), beijing) == json::parse("[]"));
  CHECK(customer_for_people(json::parse(R"({"error":{"code":"not_found"}})"), beijing) ==
        json::parse(R"({"error":{"code":"not_found"}})"));
}
