#include "actors/runtime.hpp"

#include <thread>

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/actor_client.hpp"
#include "actors/coordinator_actor.hpp"
#include "actors/capacity_actor.hpp"
#include "actors/notification_actor.hpp"
#include "actors/sla_actor.hpp"
#include "config/messages_file.hpp"
#include "config/shipped_files.hpp"
#include "config/time_limits_file.hpp"
#include "actors/cycle_actor.hpp"
#include "actors/department_actor.hpp"
#include "actors/error.hpp"
#include "actors/event_log_actor.hpp"
#include "actors/recovery.hpp"
#include "actors/registry_actor.hpp"
#include "actors/registration.hpp"
#include "actors/security_actor.hpp"
#include "storage/memory_store.hpp"
#include "storage/rocksdb_store.hpp"

namespace gridcoord::actors {

struct runtime::impl {
  runtime_options options;
  domain::system_clock system_clock;
  std::shared_ptr<const domain::reporting_calendar> calendar;  // the options', or the default one
  std::unique_ptr<storage::event_store> store;
  std::shared_ptr<log_publisher> publisher;  // committed events to the projections and streams
  startup_report report;
  std::unique_ptr<snapshot_keeper> keeper;
  std::shared_ptr<snapshot_writer> projection_snapshots;  // the SLA's, the notifications' and capacity's
  caf::actor_system_config config;
  std::unique_ptr<caf::actor_system> system;
  std::vector<caf::strong_actor_ptr> actors;  // everything spawned, stopped at stop()
  std::unique_ptr<client> api;
  cycle_actor cycle;
  capacity_actor capacity_register;
  sla_actor work;
  notification_actor notifier;
  std::function<void()> close_api;
  bool stopped = false;
};

namespace {

domain::expected<std::unique_ptr<storage::event_store>> open_store(const runtime_options& o) {
  if (o.make_store) return o.make_store();
  if (o.data_dir.empty()) return storage::make_memory_store();
  storage::rocksdb_options ro;
  ro.path = o.data_dir;
  ro.group_commit_window = o.group_commit_window;
  ro.max_batch_events = o.max_batch_events;
  ro.min_free_bytes = o.min_free_bytes;
  auto store = storage::open_rocksdb_store(std::move(ro));
  if (!store) return unexpected{domain::error{domain::errc::internal,
      "cannot open the event store in " + o.data_dir + ": " + store.error().message, {}}};
  return std::move(*store);
}

std::shared_ptr<const domain::reporting_calendar> default_reporting_calendar() {
  domain::calendar_days days;
  days.name = "mon-fri";
  days.all_years = true;
  auto cal = domain::working_calendar::make("Asia/Shanghai", days);
  if (!cal) throw std::logic_error(cal.error().message);  // the zone ships with tzdata
  return std::make_shared<const domain::reporting_calendar>(std::move(*cal), domain::reporting_rules{});
}

// The cycle's start: the configured one, else the log's first event, else now.
domain::expected<domain::time_point> cycle_since(const runtime_options& o, const storage::event_store& store,
                                                 const domain::clock& clock) {
  if (o.cycle_since) return *o.cycle_since;
  auto first = store.read(0, 1);
  if (!first) return unexpected{domain::error{domain::errc::internal,
                                              "cannot read the event log: " + first.error().message, {}}};
  return first->empty() ? clock.now() : first->front().time;
}

// The shipped time limits (config/time_limits.toml, built in), profile "document".
domain::expected<std::shared_ptr<const domain::sla::catalogue>> default_time_limits() {
  auto text = config::shipped_file("config/time_limits.toml");
  if (!text) return domain::fail(domain::errc::internal, "the built-in config/time_limits.toml is missing");
  auto c = config::parse_time_limits_file(*text, "config/time_limits.toml (built in)", "document");
  if (!c) return domain::fail(domain::errc::internal, c.error().message);
  return std::make_shared<const domain::sla::catalogue>(std::move(*c));
}

domain::expected<std::shared_ptr<const domain::sla::message_catalogue>> default_messages() {
  auto text = config::shipped_file("config/messages.toml");
  if (!text) return domain::fail(domain::errc::internal, "the built-in config/messages.toml is missing");
  auto c = config::parse_messages_file(*text, "config/messages.toml (built in)", "zh-CN");
  if (!c) return domain::fail(domain::errc::internal, c.error().message);
  return std::make_shared<const domain::sla::message_catalogue>(std::move(*c));
}

unsigned scheduler_threads(unsigned wanted) {
  if (wanted != 0) return wanted;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

domain::expected<std::unique_ptr<runtime>> runtime::start(runtime_options options) {
  // `rt` owns whatever is started from the first step on, and every actor is
  // kept as soon as it is spawned: a step that fails returns its error, and
  // rt's destructor (stop()) stops the actors and closes the store, so a
  // failed start is answered, never left hanging on running actors.
  std::unique_ptr<runtime> rt(new runtime(std::make_unique<impl>()));
  auto* p = rt->impl_.get();
  p->options = std::move(options);
  const domain::clock* clock = p->options.clock ? p->options.clock : &p->system_clock;
  auto store = open_store(p->options);
  if (!store) return unexpected{store.error()};
  p->store = std::move(*store);
  auto recovered = recover(*p->store);
  if (!recovered) return unexpected{recovered.error()};
  p->report = {recovered->last_seq, recovered->snapshot_seq, recovered->replayed_events,
               recovered->state.tokens.active(clock->now()), recovered->state.equipment.size()};

  // What does not need the actors is read before any is spawned.
  auto limits = p->options.time_limits ? domain::expected<std::shared_ptr<const domain::sla::catalogue>>{p->options.time_limits}
                                       : default_time_limits();
  if (!limits) return unexpected{limits.error()};
  auto messages = p->options.messages
                      ? domain::expected<std::shared_ptr<const domain::sla::message_catalogue>>{p->options.messages}
                      : default_messages();
  if (!messages) return unexpected{messages.error()};

  register_messages(p->config);
  // CAF 0.17 starts max(cores, 4) threads by default; this machine's cores are enough.
  p->config.set("scheduler.max-threads", static_cast<std::size_t>(scheduler_threads(p->options.scheduler_threads)));
  p->system = std::make_unique<caf::actor_system>(p->config);
  auto& sys = *p->system;
  auto keep = [p](auto handle) {
    p->actors.push_back(caf::actor_cast<caf::strong_actor_ptr>(handle));
    return handle;
  };
  p->publisher = std::make_shared<log_publisher>(p->store->last_seq());
  auto log = keep(sys.spawn(event_log, p->store.get(), p->publisher));
  const storage::event_store* reads = p->store.get();
  std::map<domain::department, department_actor> departments;
  for (auto& [d, book] : recovered->state.books)
    departments.emplace(d, keep(sys.spawn(department, book, log, clock)));
  auto directory = std::make_shared<token_directory>(recovered->state.tokens, *clock);
  auto guard = keep(sys.spawn(security, recovered->state.tokens, log, clock, directory));
  auto since = cycle_since(p->options, *p->store, *clock);
  if (!since) return unexpected{since.error()};
  auto calendar = p->options.reporting_calendar ? p->options.reporting_calendar : default_reporting_calendar();
  p->calendar = calendar;
  cycle_options cycle_opts{calendar, *since, p->options.cycle_max_sleep};
  p->cycle = keep(sys.spawn(cycle, std::move(cycle_opts), recovered->state.cycle, departments, log, clock));
  auto coord = keep(sys.spawn(coordinator, departments, log, guard, p->cycle, calendar, clock));
  auto equipment = std::make_shared<equipment_directory>(recovered->state.equipment);
  auto registrar = keep(sys.spawn(registry, recovered->state.equipment, log, clock, equipment));
  auto schedule = p->options.publication;
  if (!schedule.first_period) schedule.first_period = calendar->calendar().local_month_of(*since);
  p->projection_snapshots = std::make_shared<snapshot_writer>(*p->store);
  projection_snapshots snapshots{p->projection_snapshots, p->options.snapshot_every_events};
  capacity_options capacity_opts{p->options.capacity, calendar, schedule, p->options.publication_target, snapshots};
  p->capacity_register = keep(sys.spawn(capacity, std::move(capacity_opts), log, coord, clock, reads, p->publisher));
  notification_actor_options notify_opts{p->options.notifications, p->options.notification_target,
                                         p->options.outbox_max_sleep, snapshots};
  p->notifier = keep(sys.spawn(notification, std::move(notify_opts), log, clock, reads, p->publisher));
  sla_options sla_opts{*limits, calendar, p->options.sla_max_sleep, *messages, snapshots};
  p->work = keep(sys.spawn(sla, std::move(sla_opts), log, p->notifier, clock, reads, p->publisher));
  auto handle = make_actor_client(sys, coord, directory, registrar, equipment, p->capacity_register, p->work,
                                  p->publisher);
  p->api = std::move(handle.api);
  p->close_api = std::move(handle.close);
  keep(handle.bridge);

  p->keeper = std::make_unique<snapshot_keeper>(*p->store, std::move(*recovered),
                                                p->options.snapshot_every_events);
  if (p->options.snapshot_check_interval.count() > 0)
    p->keeper->run_every(p->options.snapshot_check_interval);
  return rt;
}

runtime::runtime(std::unique_ptr<impl> p) : impl_(std::move(p)) {}

runtime::~runtime() { stop(); }

client& runtime::api() { return *impl_->api; }

const startup_report& runtime::startup() const { return impl_->report; }

event_log_figures runtime::log_figures() const {
  auto s = storage::stats_of(*impl_->store);
  event_log_figures f{s.batches, s.events, s.appends, {}, {s.batch_sizes.begin(), s.batch_sizes.end()}};
  for (std::size_t i = 0; i < storage::batch_size_bounds; ++i)
    f.batch_size_bounds.push_back(storage::batch_size_bound(i));
  return f;
}

domain::calendar_coverage runtime::calendar_coverage() const {
  const domain::clock* clock = impl_->options.clock ? impl_->options.clock : &impl_->system_clock;
  return domain::coverage_around(impl_->calendar->calendar(), clock->now());
}

namespace {

// Sends `message` to `destination` and waits for the answer.
template <class T, class Destination, class Message>
domain::expected<T> ask_and_wait(caf::actor_system& system, bool stopped, const Destination& destination,
                                 Message message) {
  if (stopped) return unexpected{domain::error{domain::errc::unavailable, "gridcoord is stopping", {}}};
  caf::scoped_actor self{system};
  domain::expected<T> out = T{};
  self->request(destination, request_timeout, std::move(message))
      .receive([&](T& answer) { out = std::move(answer); }, [&](caf::error& e) { out = unexpected{to_domain(e)}; });
  return out;
}

}  // namespace

domain::expected<std::vector<domain::cycle_notice>> runtime::check_cycle() {
  return ask_and_wait<std::vector<domain::cycle_notice>>(*impl_->system, impl_->stopped, impl_->cycle, cycle_check{});
}

domain::expected<std::vector<domain::capacity::publication>> runtime::check_publication() {
  return ask_and_wait<std::vector<domain::capacity::publication>>(*impl_->system, impl_->stopped,
                                                                  impl_->capacity_register, publication_check{});
}

domain::expected<std::vector<domain::sla::clock_signal>> runtime::check_sla() {
  return ask_and_wait<std::vector<domain::sla::clock_signal>>(*impl_->system, impl_->stopped, impl_->work,
                                                              sla_check{});
}

domain::expected<std::size_t> runtime::check_outbox() {
  return ask_and_wait<std::size_t>(*impl_->system, impl_->stopped, impl_->notifier, outbox_check{});
}

// Also stops a start that failed part-way: only what was started is stopped.
void runtime::stop() {
  if (impl_->stopped) return;
  impl_->stopped = true;
  for (auto& a : impl_->actors) caf::anon_send_exit(a, caf::exit_reason::user_shutdown);
  if (impl_->system) impl_->system->await_all_actors_done();
  impl_->actors.clear();
  if (impl_->close_api) impl_->close_api();  // later calls are answered unavailable at once
  if (impl_->keeper) impl_->keeper->stop();  // final snapshot of what the log holds
  if (impl_->projection_snapshots) impl_->projection_snapshots->stop();  // stores what the actors handed it
  if (impl_->store) impl_->store->close();   // completes every queued append, then refuses more
  impl_->system.reset();
}

}  // namespace gridcoord::actors
