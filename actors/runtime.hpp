#pragma once
// actors/runtime.hpp — the running actor system: store, recovery, actors, client.
//
// start() opens the event store (RocksDB under data_dir, or in memory when
// data_dir is empty), rebuilds the department books from the snapshot and the
// log's tail, spawns the event-log, department, security, cycle, registry,
// capacity, SLA, notification and coordinator actors on a
// scheduler of `scheduler_threads` threads, and starts the snapshot keeper.
// stop() stops the actors, waits for them, takes a final snapshot and closes
// the store; the destructor calls it.
// [Threading] api() may be used from any thread until stop().
// [Errors]    start() fails with errc::internal when the store cannot be opened
//             (a corrupt log is refused, never truncated) or cannot be replayed,
//             or a later step of the start fails (reading the log, the built-in
//             time limits or messages); then whatever it had started (actors,
//             the store) is stopped before it answers, as stop() would.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actors/client.hpp"
#include "actors/notification_port.hpp"
#include "actors/publication_port.hpp"
#include "domain/capacity/model.hpp"
#include "domain/calendar_coverage.hpp"
#include "domain/clock.hpp"
#include "domain/cycle.hpp"
#include "domain/reporting_calendar.hpp"
#include "domain/error.hpp"
#include "domain/sla/limits.hpp"
#include "domain/sla/messages.hpp"

namespace gridcoord::storage {
class event_store;
}

namespace gridcoord::actors {

struct runtime_options {
  std::string data_dir;                              // "" keeps the log in memory (tests)
  // Tests: the store to run on (a fault-injecting or gated one) instead of
  // opening one from data_dir; called once by start().
  std::function<std::unique_ptr<storage::event_store>()> make_store;
  unsigned scheduler_threads = 0;                    // 0: one per core
  std::chrono::microseconds group_commit_window{200};
  std::size_t max_batch_events = 4096;
  std::uint64_t snapshot_every_events = 10'000;
  std::uint64_t min_free_bytes = 0;                  // storage::rocksdb_options::min_free_bytes
  std::chrono::milliseconds snapshot_check_interval{10'000};  // 0: only at stop
  const domain::clock* clock = nullptr;              // nullptr: the system clock
  // The monthly cycle (actors/cycle_actor.hpp). nullptr: Monday to Friday in
  // Asia/Shanghai with the default due rule (working day 5, reminders 3 and 1).
  std::shared_ptr<const domain::reporting_calendar> reporting_calendar;
  // The cycle's start: nullopt takes the time of the log's first event (the
  // clock's now for an empty log), so it stays the same across restarts.
  std::optional<domain::time_point> cycle_since;
  std::chrono::milliseconds cycle_max_sleep{60'000};  // 0: the cycle checks only on check_cycle()
  // The capacity register (config/standards.toml) and the publication of the
  // restricted list. The publication clock is off by default (max_sleep 0);
  // its first period defaults to the month of cycle_since.
  domain::capacity::settings capacity;
  publication_schedule publication;
  std::shared_ptr<publication_sink> publication_target;  // nullptr: publications are only logged
  // Outages, complaints and callbacks on their clocks (actors/sla_actor.hpp).
  // nullptr: the shipped config/time_limits.toml, profile "document".
  std::shared_ptr<const domain::sla::catalogue> time_limits;
  std::chrono::milliseconds sla_max_sleep{60'000};  // 0: the SLA clock checks only on check_sla()
  // What customers are told (domain/sla/messages.hpp), times in the reporting
  // calendar's zone. nullptr: the shipped config/messages.toml, in zh-CN.
  std::shared_ptr<const domain::sla::message_catalogue> messages;
  // Customer notifications (actors/notification_actor.hpp).
  notification_options notifications;
  std::shared_ptr<notification_sink> notification_target;  // nullptr: notifications stay in the outbox
  std::chrono::milliseconds outbox_max_sleep{60'000};       // 0: only kicks and check_outbox()
};

struct event_log_figures {
  std::uint64_t batches = 0;  // durable writes, one fsync each
  std::uint64_t events = 0;
  std::uint64_t appends = 0;  // append requests
  // Durable writes by size in events: batch_sizes[i] counts those of at most
  // batch_size_bounds[i] events and more than the bound before; the last entry
  // those above every bound. Not cumulative; sums to `batches`.
  std::vector<std::uint64_t> batch_size_bounds;  // 1, 2, 4, …, 4096
  std::vector<std::uint64_t> batch_sizes;        // batch_size_bounds.size() + 1 entries
};

struct startup_report {
  std::uint64_t last_seq = 0;
  std::uint64_t snapshot_seq = 0;
  std::uint64_t replayed_events = 0;
  std::size_t active_tokens = 0;  // 0 on a first start: time to issue a bootstrap admin token
  std::size_t equipment = 0;      // records in the registry; 0: report reference checks are off
};

class runtime {
 public:
  [[nodiscard]] static domain::expected<std::unique_ptr<runtime>> start(runtime_options options);
  ~runtime();
  runtime(const runtime&) = delete;
  runtime& operator=(const runtime&) = delete;

  client& api();
  const startup_report& startup() const;
  // Group-commit figures of the store since start; zeros for the memory store.
  event_log_figures log_figures() const;
  // Which of this year and the next (local, by the runtime's clock) the
  // working calendar has holidays for. Cheap; safe from any thread.
  domain::calendar_coverage calendar_coverage() const;

  // Checks the monthly cycle's clock now and logs every reminder and late
  // notice that is due; answers what it logged. Waits for the answer.
  [[nodiscard]] domain::expected<std::vector<domain::cycle_notice>> check_cycle();

  // Issues the monthly restricted list now if its instant (the configured
  // working day after last month's end, at the configured local time) has
  // come and the schedule has not issued it yet; answers what it issued.
  // Waits for the answer. Works with the publication clock off (tests).
  [[nodiscard]] domain::expected<std::vector<domain::capacity::publication>> check_publication();

  // Checks the SLA clocks now and logs every warning and breach that is due
  // (with the analysis records and callbacks they open); answers the
  // signals. Waits for the answer.
  [[nodiscard]] domain::expected<std::vector<domain::sla::clock_signal>> check_sla();

  // Sends every notification due now and waits until each attempt's outcome
  // is logged; answers how many attempts ended since the last check.
  [[nodiscard]] domain::expected<std::size_t> check_outbox();

  // Idempotent.
  void stop();

 private:
  struct impl;
  explicit runtime(std::unique_ptr<impl> p);
  std::unique_ptr<impl> impl_;
};

}  // namespace gridcoord::actors
