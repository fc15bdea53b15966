#pragma once
// tests/actors/support/sla_fixture.hpp — what the SLA actor tests share: a
// small network with customers, a notification sink that answers by a plan,
// the runtime options with every clock driven by hand, and short ways to ask
// the SLA actor and read its answers.
#include <catch2/catch.hpp>

#include <map>
#include <mutex>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "actors/runtime.hpp"
#include "domain/sla/customers.hpp"
#include "tests/actors/support/runtime_fixture.hpp"

namespace gridcoord::testing::sla_fixture {

using namespace std::chrono_literals;
namespace sla = domain::sla;

// F1 is urban (crew 45 min, restoration 4 h in the "document" profile), F2 rural.
inline const char* tree = R"({"equipment":[
  {"id":"S1","kind":"substation","area_class":"urban","region":"东城区","rating_kva":126000},
  {"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"东城区","rating_kva":63000},
  {"id":"F1","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":10000},
  {"id":"F2","kind":"feeder","parent":"T1","area_class":"rural","region":"东城区","rating_kva":10000},
  {"id":"D1","kind":"distribution_transformer","parent":"F1","area_class":"urban","region":"东城区","rating_kva":630}]})";

inline const char* customers_csv =
    "id,name,tier,connection_point,contacts\n"
    "C-1,蓝海化工,important,D1,sms:+8613800000001\n"
    "C-2,市第一医院,important,F1,email:ops@hospital.cn\n"
    "C-3,北郊水厂,large,F2,sms:+8613800000003\n";

// A sink that answers by a plan: the n-th send of a message gets plan[n]
// (delivered after the plan runs out), and remembers every send.
class planned_sink final : public actors::notification_sink {
 public:
  std::vector<actors::delivery_outcome::result> plan;
  void send(const sla::notification& n, std::function<void(actors::delivery_outcome)> done) override {
    std::lock_guard lock(mutex_);
    auto nth = sends_[n.message_id]++;
    sent_.push_back(n);
    auto what = nth < plan.size() ? plan[nth] : actors::delivery_outcome::result::delivered;
    done({what, what == actors::delivery_outcome::result::delivered ? "" : "HTTP 503"});
  }
  std::vector<sla::notification> sent() {
    std::lock_guard lock(mutex_);
    return sent_;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::size_t> sends_;
  std::vector<sla::notification> sent_;
};

inline actors::runtime_options options(const domain::clock* clock, std::shared_ptr<planned_sink> sink,
                                std::string data_dir = "") {
  actors::runtime_options o;
  o.clock = clock;
  o.data_dir = std::move(data_dir);
  o.scheduler_threads = 2;
  o.snapshot_check_interval = 0ms;
  o.cycle_max_sleep = 0ms;
  o.sla_max_sleep = 0ms;
  o.outbox_max_sleep = 0ms;
  o.notifications.retry.max_attempts = 3;
  o.notification_target = std::move(sink);
  return o;
}

inline actors::sla_writer writer(std::string by = "tk_test") { return {std::move(by), "", "", ""}; }

inline domain::expected<actors::sla_answer> ask(actors::client& api, actors::sla_request r) {
  return await<actors::sla_answer>([&](auto done) { api.sla(std::move(r), done); });
}

inline actors::sla_item item_of(domain::expected<actors::sla_answer> a) {
  REQUIRE(a);
  REQUIRE(std::holds_alternative<actors::sla_item>(*a));
  return std::get<actors::sla_item>(*a);
}

inline void load_network(actors::client& api) {
  auto draft = domain::read_import_json(boost::json::parse(tree));
  REQUIRE(draft);
  REQUIRE(await<actors::equipment_receipt>(
      [&](auto done) { api.import_equipment({std::move(*draft), "tk_production", "", "", ""}, done); }));
  auto rows = sla::parse_customers_csv(customers_csv);
  REQUIRE(rows);
  REQUIRE(ask(api, actors::import_customers{writer(), *rows}));
}

inline const sla::work_clock& clock_of(const actors::sla_item& i, sla::step s, unsigned round = 1) {
  for (const auto& c : i.clocks)
    if (c.spec.what == s && c.spec.round == round) return c;
  FAIL("no clock " << sla::to_string(s) << " in " << i.item);
  throw std::logic_error("unreachable");
}

inline std::vector<std::string> described(const std::vector<sla::clock_signal>& signals) {
  std::vector<std::string> out;
  for (const auto& s : signals) out.push_back(fmt::format("{} {} {}", s.item, sla::to_string(s.what), s.percent));
  return out;
}


}  // namespace gridcoord::testing::sla_fixture
