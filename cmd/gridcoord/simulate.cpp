#include "cmd/gridcoord/simulate.hpp"

#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <ostream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <spdlog/spdlog.h>

#include "actors/runtime.hpp"
#include "cmd/gridcoord/demo.hpp"
#include "cmd/gridcoord/scenario.hpp"
#include "config/time_limits_file.hpp"
#include "domain/sla/outbox.hpp"

namespace gridcoord::cmd {

namespace {

namespace sla = domain::sla;

// Takes every notification at once and counts them.
class instant_receiver final : public actors::notification_sink {
 public:
  void send(const sla::notification&, std::function<void(actors::delivery_outcome)> done) override {
    done({actors::delivery_outcome::result::delivered, ""});
  }
};

template <class T>
domain::expected<T> wait_for(std::function<void(actors::reply<T>)> call) {
  std::promise<domain::expected<T>> p;
  auto f = p.get_future();
  call([&p](domain::expected<T> r) { p.set_value(std::move(r)); });
  return f.get();
}

domain::expected<actors::sla_answer> ask(actors::client& api, actors::sla_request r) {
  return wait_for<actors::sla_answer>([&](auto done) { api.sla(std::move(r), std::move(done)); });
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct tally {
  std::map<domain::department, std::pair<std::size_t, std::size_t>> signals;  // warnings, breaches
  std::size_t delivered = 0;
  std::vector<std::string> refused;
};

// Moves the clock to `to`, `step` at a time, checking the clocks at each tick.
void run_until(domain::manual_clock& clock, actors::runtime& rt, domain::time_point to,
               std::chrono::microseconds step, tally& t) {
  while (clock.now() < to) {
    clock.set(std::min(to, clock.now() + step));
    if (auto signals = rt.check_sla())
      for (const auto& s : *signals) {
        auto& [warnings, breaches] = t.signals[s.owner];
        ++(s.percent >= 100 ? breaches : warnings);
      }
    if (auto n = rt.check_outbox()) t.delivered += *n;
  }
}

void print_report(std::ostream& out, actors::client& api, const tally& t) {
  fmt::print(out, "\n{:<18}{:>10}{:>10}\n", "department", "warnings", "breaches");
  for (auto d : domain::all_departments) {
    auto it = t.signals.find(d);
    auto [w, b] = it == t.signals.end() ? std::pair<std::size_t, std::size_t>{0, 0} : it->second;
    fmt::print(out, "{:<18}{:>10}{:>10}\n", domain::to_string(d), w, b);
  }
  auto breaches = ask(api, actors::list_breaches{});
  if (breaches && !std::get<actors::breach_list>(*breaches).breaches.empty()) {
    fmt::print(out, "\nbreaches\n");
    for (const auto& b : std::get<actors::breach_list>(*breaches).breaches)
      fmt::print(out, "  {:<14}{:<20}{:<4}{:<18}due {}\n", b.item, sla::to_string(b.what), sla::flow_of(b.what),
                 domain::to_string(b.owner), domain::format_rfc3339(b.due));
  }
  auto figures = ask(api, actors::get_figures{});
  if (figures && !std::get<actors::sla_figures>(*figures).callbacks.empty()) {
    fmt::print(out, "\n{:<10}{:<18}{:>8}{:>8}{:>8}{:>14}\n", "callbacks", "department", "owed", "done", "rate",
               "satisfaction");
    for (const auto& c : std::get<actors::sla_figures>(*figures).callbacks)
      fmt::print(out, "{:<10}{:<18}{:>8}{:>8}{:>7.0f}%{:>14.1f}\n", domain::to_string(c.period),
                 domain::to_string(c.for_department), c.opened, c.completed,
                 c.opened ? 100.0 * static_cast<double>(c.completed) / static_cast<double>(c.opened) : 0.0,
                 c.mean_satisfaction);
  }
  auto analyses = ask(api, actors::list_items{"analysis", true, 0, 1000});
  if (analyses) {
    const auto& items = std::get<actors::item_list>(*analyses).items;
    fmt::print(out, "\nanalyses still open: {}\n", items.size());
    for (const auto& i : items) {
      const auto& a = std::get<sla::analysis>(i.record);
      fmt::print(out, "  {:<14}{} of {}\n", i.item, sla::to_string(a.opening.breached), a.opening.item);
    }
  }
  auto pending = ask(api, actors::list_notifications{sla::delivery_state::pending, "", 1});
  auto dead = ask(api, actors::list_notifications{sla::delivery_state::dead_lettered, "", 100000});
  fmt::print(out, "\nnotifications: {} delivered, {} pending, {} dead letters\n", t.delivered,
             pending ? std::get<actors::notification_list>(*pending).pending : 0,
             dead ? std::get<actors::notification_list>(*dead).items.size() : 0);
  if (!t.refused.empty()) {
    fmt::print(out, "\nrefused steps: {}\n", t.refused.size());
    for (const auto& r : t.refused) fmt::print(out, "  {}\n", r);
  }
}

}  // namespace

int simulate(const simulate_options& o, std::ostream& out, std::ostream& err) {
  spdlog::set_level(spdlog::level::warn);  // the report is the output, not the server's log
  auto text = read_file(o.scenario_file);
  if (text.empty()) {
    fmt::print(err, "gridcoord simulate: {} cannot be read or is empty\n", o.scenario_file);
    return 2;
  }
  auto parsed = parse_scenario(text, std::filesystem::path(o.scenario_file).parent_path());
  if (!parsed) {
    fmt::print(err, "gridcoord simulate: {}: {}\n", o.scenario_file, parsed.error().message);
    for (const auto& i : parsed.error().details)
      fmt::print(err, "  line {}: {} {}{}\n", i.row.value_or(0), i.field, i.value.empty() ? "" : "'" + i.value + "' ",
                 i.reason);
    return 2;
  }
  std::vector<std::string> notes;
  auto limits = config::load_time_limits_file(o.time_limits_file, o.profile, &notes);
  if (!limits) {
    fmt::print(err, "gridcoord simulate: {}\n", limits.error().message);
    return 2;
  }
  const auto& steps = parsed->steps;
  domain::manual_clock clock{steps.front().at};
  actors::runtime_options ro;
  ro.clock = &clock;
  ro.snapshot_check_interval = std::chrono::milliseconds{0};
  ro.cycle_max_sleep = ro.sla_max_sleep = ro.outbox_max_sleep = std::chrono::milliseconds{0};
  ro.time_limits = std::make_shared<const sla::catalogue>(std::move(*limits));
  ro.notification_target = std::make_shared<instant_receiver>();
  auto rt = actors::runtime::start(std::move(ro));
  if (!rt) {
    fmt::print(err, "gridcoord simulate: {}\n", rt.error().message);
    return 1;
  }
  auto& api = (*rt)->api();
  auto network = domain::read_import_csv(demo_equipment_csv());
  if (!network || !wait_for<actors::equipment_receipt>([&](auto done) {
        api.import_equipment({std::move(*network), "simulation", "", "", ""}, std::move(done));
      })) {
    fmt::print(err, "gridcoord simulate: the demo network could not be loaded\n");
    return 1;
  }

  auto started = std::chrono::steady_clock::now();
  fmt::print(out, "gridcoord simulate {}: {} steps from {} to {}, then {} h more; profile {}, {} min ticks\n",
             o.scenario_file, steps.size(), domain::format_rfc3339(steps.front().at),
             domain::format_rfc3339(steps.back().at), o.tail.count(), o.profile, o.step.count());
  tally t;
  auto step = std::chrono::duration_cast<std::chrono::microseconds>(o.step);
  for (const auto& s : steps) {
    run_until(clock, **rt, s.at, step, t);
    if (auto r = ask(api, s.request); !r) t.refused.push_back(fmt::format("line {}: {}", s.line, r.error().message));
  }
  run_until(clock, **rt, steps.back().at + o.tail, step, t);
  print_report(out, api, t);
  auto took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fmt::print(out, "\nreplayed in {:.1f} s of real time\n", took);
  return t.refused.empty() ? 0 : 1;
}

}  // namespace gridcoord::cmd
