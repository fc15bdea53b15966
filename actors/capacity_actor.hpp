#pragma once
// actors/capacity_actor.hpp — the capacity register, new-connection
// applications and the published restricted list (M6).
//
// The actor keeps a capacity model (domain/capacity/model.hpp), the
// application book and the publications as a projection of the event log
// (equipment imports, report versions of M1–M4, application and publication
// events): it follows the log through its feed (actors/event_feed.hpp) and
// takes what the feed holds before answering anything, so an answer always
// reflects every write acknowledged before the question, whoever made it.
// Its own writes (application steps, publications) are appended and then
// taken from the feed the same way (the log publishes them before answering).
//
// Snapshots (actors/projection_snapshot.hpp, "capacity", gridcoord.capacity/1):
// the model's binary image with the applications and publications, taken when
// as many rows were applied since the last as the model holds equipment (an
// equipment import counts its rows, a report its rows, other events one), on
// the writer's budget, and at a clean stop. A start loads it and reads only
// the log after it; one built with other capacity settings, or unreadable, is
// logged and the whole log read instead.
//
// A refusal for lack of capacity files an M5 finding: a new version of
// marketing's connection_restrictions report of the refusal's (local) month,
// holding the report's rows plus this application's, submitted through the
// coordinator under idempotency key "m5-finding/<application>", so a retry
// files it once.
//
// Publications: issued on demand, and by the clock on the configured working
// day after each month end at the configured local time (for months from the
// one the installation began in). Each is logged, then handed to the sink (a
// directory, an HTTP POST) on a detached thread; a failed delivery is retried
// at the next wake-up. With max_sleep 0 the clock is off (tests issue).
// [Threading] State is touched only by the actor; the clock and calendar are
//             shared, read-only; the sink is called on detached threads, one
//             delivery at a time.
// [Errors]    Queries answer not_found for an unknown point or application,
//             invalid_request for a month outside the horizon (from this
//             month on); steps answer the book's errors (conflict for a
//             transition the state does not allow) and conflict when an
//             approval does not fit the available capacity.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <caf/typed_event_based_actor.hpp>

#include "actors/event_feed.hpp"
#include "actors/projection_snapshot.hpp"
#include "actors/interfaces.hpp"
#include "actors/publication_port.hpp"
#include "domain/capacity/applications.hpp"
#include "domain/capacity/model.hpp"
#include "domain/clock.hpp"
#include "domain/publication/publication.hpp"
#include "domain/reporting_calendar.hpp"

namespace gridcoord::actors {

struct capacity_options {
  domain::capacity::settings settings;
  std::shared_ptr<const domain::reporting_calendar> calendar;
  publication_schedule publication;
  std::shared_ptr<publication_sink> sink;  // nullptr: publications are only logged
  projection_snapshots snapshots;          // writer nullptr: none (the whole log is read at start)
};

struct capacity_state {
  capacity_options options;
  std::unique_ptr<domain::capacity::model> model;
  domain::capacity::application_book applications;
  std::vector<domain::capacity::publication> publications;  // by number
  log_follower follower;
  event_log_actor log;
  coordinator_actor coordinator;
  const domain::clock* clock = nullptr;
  std::set<std::uint32_t> undelivered;  // publication numbers the sink has not taken yet
  bool delivering = false;
  std::uint64_t wake_generation = 0;
  std::uint64_t snapshot_seq = 0;       // the event the last snapshot (stored or loaded) covers
  std::uint64_t rows_since_snapshot = 0;  // rows applied since it (an event counts one besides): the cadence's measure
  static inline const char* name = "capacity";
};

using capacity_pointer = capacity_actor::stateful_pointer<capacity_state>;

// `log` takes the appends; the actor follows the log through a feed of
// `publisher`, reading what came before the feed from `store`.
capacity_actor::behavior_type capacity(capacity_pointer self, capacity_options options, event_log_actor log,
                                       coordinator_actor coordinator, const domain::clock* clock,
                                       const storage::event_store* store, std::shared_ptr<log_publisher> publisher);

}  // namespace gridcoord::actors
