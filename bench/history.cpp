#include "bench/history.hpp"

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "bench/support.hpp"
#include "domain/equipment.hpp"

namespace gridcoord::bench {

namespace {

namespace sla = domain::sla;
using clk = std::chrono::steady_clock;

constexpr std::uint64_t events_per_round = 14;

const actors::sla_writer writer{"bench-history", "", "", ""};

domain::expected<actors::sla_item> ask(actors::client& api, actors::sla_request request) {
  auto r = wait_for<actors::sla_answer>([&](auto done) { api.sla(std::move(request), done); });
  if (!r) return unexpected{r.error()};
  if (auto* item = std::get_if<actors::sla_item>(&*r)) return *item;
  return domain::fail(domain::errc::internal, "the SLA actor answered something other than an item");
}

domain::row m1_row(std::uint64_t round) {
  using domain::cell;
  return {cell{cell::kind::text, fmt::format("客户 {}", round % 500), 0}, cell{cell::kind::text, "F-1", 0}, cell{},
          cell{cell::kind::number, {}, static_cast<double>(100 + round % 900)}, cell{},
          cell{cell::kind::text, "2027-01", 0}, cell{cell::kind::number, {}, 50}};
}

domain::status report_round(actors::client& api, std::uint64_t round) {
  // A month of its own every 8 rounds, from 2020-01 on.
  auto months = static_cast<int>((round / 8) % 120);
  auto period = *domain::parse_month("2020-01") + std::chrono::months{months};
  actors::report_submission sub{domain::department::marketing, "large_customer_demand", period, {m1_row(round)},
                                "bench-history", {}, {}};
  auto receipt = wait_for<actors::submit_receipt>([&](auto done) { api.submit_report(std::move(sub), done); });
  if (!receipt) return unexpected{receipt.error()};
  for (auto recipient : receipt->recipients) {
    auto ack = wait_for<domain::inbox_item>(
        [&](auto done) { api.acknowledge(recipient, receipt->seq, "bench-history", "", done); });
    if (!ack) return unexpected{ack.error()};
  }
  return {};
}

domain::status reach(actors::client& api, std::uint64_t callback) {
  auto r = ask(api, actors::attempt_callback{writer, callback, sla::callback_outcome::reached, 5u, true, ""});
  if (!r) return unexpected{r.error()};
  return {};
}

domain::status outage_round(actors::client& api, std::uint64_t round) {
  auto reported = ask(api, actors::report_outage{writer, {fmt::format("DT{}", round % history_transformers)},
                                                 std::nullopt, "history"});
  if (!reported) return unexpected{reported.error()};
  auto id = std::get<sla::outage>(reported->record).id;
  auto etr = api.now() + std::chrono::hours{2};
  for (actors::sla_request step : std::vector<actors::sla_request>{
           actors::update_outage{writer, id, "tree contact", {}, etr}, actors::record_crew_arrival{writer, id, {}}}) {
    if (auto r = ask(api, std::move(step)); !r) return unexpected{r.error()};
  }
  auto restored = ask(api, actors::restore_outage{writer, id, {}});
  if (!restored) return unexpected{restored.error()};
  return reach(api, std::get<sla::outage>(restored->record).callback);
}

domain::status complaint_round(actors::client& api, std::uint64_t round) {
  auto registered = ask(api, actors::register_complaint{writer, sla::complaint_category::power_quality, "",
                                                        fmt::format("客户 {}", round % 500), "13800000000",
                                                        "电压偏低，灯光闪烁"});
  if (!registered) return unexpected{registered.error()};
  auto id = std::get<sla::complaint>(registered->record).id;
  for (actors::sla_request step :
       std::vector<actors::sla_request>{actors::forward_complaint{writer, id},
                                        actors::acknowledge_complaint{writer, id, domain::department::production}}) {
    if (auto r = ask(api, std::move(step)); !r) return unexpected{r.error()};
  }
  auto resolved = ask(api, actors::resolve_complaint{writer, id, domain::department::production, "已调整分接头"});
  if (!resolved) return unexpected{resolved.error()};
  const auto& callbacks = std::get<sla::complaint>(resolved->record).callbacks;
  if (callbacks.empty()) return domain::fail(domain::errc::internal, "a resolved complaint opened no callback");
  return reach(api, callbacks.back());
}

std::string transformers_csv() {
  std::string csv = "id,kind,parent,area_class,region,rating_kva\n";
  csv += "HS,substation,,urban,东城区,126000\nHS/T0,main_transformer,HS,urban,东城区,63000\n";
  csv += "HS/T0/F0,feeder,HS/T0,urban,东城区,10000\n";
  for (std::size_t d = 0; d < history_transformers; ++d)
    csv += fmt::format("DT{},distribution_transformer,HS/T0/F0,urban,东城区,630\n", d);
  return csv;
}

}  // namespace

domain::expected<history_figures> load_history(actors::client& api, std::uint64_t events, unsigned writers,
                                               const std::function<void(std::uint64_t)>& progress) {
  auto started = clk::now();
  auto draft = domain::read_import_csv(transformers_csv());
  if (!draft) return unexpected{draft.error()};
  auto imported = wait_for<actors::equipment_receipt>(
      [&](auto done) { api.import_equipment({std::move(*draft), "bench-history", "", "", ""}, done); });
  if (!imported) return unexpected{imported.error()};

  auto rounds = (events + events_per_round - 1) / events_per_round;
  std::atomic<std::uint64_t> next{0}, finished{0};
  std::mutex mutex;
  std::optional<domain::error> failure;
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < std::max(1u, writers); ++w)
    threads.emplace_back([&] {
      for (auto round = next++; round < rounds; round = next++) {
        for (auto step : {report_round, outage_round, complaint_round}) {
          if (auto s = step(api, round); !s) {
            std::lock_guard lock(mutex);
            if (!failure) failure = s.error();
            next = rounds;
            return;
          }
        }
        if (auto done = ++finished; done % 2000 == 0) {
          std::lock_guard lock(mutex);
          progress(done * events_per_round);
        }
      }
    });
  for (auto& t : threads) t.join();
  if (failure) return unexpected{*failure};
  progress(finished * events_per_round);
  return history_figures{finished, finished * 13, std::chrono::duration<double>(clk::now() - started).count()};
}

}  // namespace gridcoord::bench
