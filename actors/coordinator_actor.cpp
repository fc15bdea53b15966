#include "actors/coordinator_actor.hpp"

#include <caf/all.hpp>
#include <fmt/format.h>

#include "actors/batch_run.hpp"
#include "actors/error.hpp"
#include "domain/calendar_coverage.hpp"

namespace gridcoord::actors {

namespace {

using domain::errc;

const char* const server_version = "0.1.0";

caf::result<submit_receipt> route_submission(coordinator_pointer self, report_submission& sub) {
  const auto* kind = domain::find_report_kind(sub.kind);
  if (!kind) return to_caf(errc::not_found, fmt::format("there is no report kind '{}'", sub.kind));
  if (kind->sender != sub.sender)
    return to_caf(errc::forbidden, fmt::format("{} reports ({}) are sent by {}, not by {}", kind->id,
                                               kind->flow, to_string(kind->sender),
                                               to_string(sub.sender)));
  domain::report_version header{sub.sender, sub.kind, sub.period, 0, kind->recipients,
                                sub.submitted_by, sub.rows.size(), {}};
  auto rp = self->make_response_promise<submit_receipt>();
  self->request(self->state.departments.at(sub.sender), caf::infinite, std::move(sub))
      .then([self, rp, header](submit_receipt& r) mutable {
        header.version = r.version;
        for (auto d : r.recipients)  // delivering twice (a replay) changes nothing
          self->send(self->state.departments.at(d), delivery{r.seq, r.accepted_at, header});
        rp.deliver(std::move(r));
      }, [rp](caf::error& e) mutable { rp.deliver(e); });
  return rp;
}

// The recipient's actor acknowledges; the sender's actor is told, so that the
// sender sees who has acknowledged its version.
caf::result<domain::inbox_item> route_ack(coordinator_pointer self, ack_request& a) {
  auto rp = self->make_response_promise<domain::inbox_item>();
  auto recipient = a.recipient;
  self->request(self->state.departments.at(recipient), caf::infinite, std::move(a))
      .then([self, rp, recipient](domain::inbox_item& item) mutable {
        tell_sender(self, recipient, item);
        rp.deliver(std::move(item));
      }, [rp](caf::error& e) mutable { rp.deliver(e); });
  return rp;
}

caf::result<std::vector<event_view>> read_feed(coordinator_pointer self, read_events& q) {
  auto rp = self->make_response_promise<std::vector<event_view>>();
  self->request(self->state.log, caf::infinite, std::move(q))
      .then([rp](std::vector<storage::event>& events) mutable {
        std::vector<event_view> out;
        out.reserve(events.size());
        for (auto& e : events)
          out.push_back({e.seq, std::move(e.stream), std::move(e.type), e.time, std::move(e.actor),
                         std::move(e.payload), std::move(e.origin)});
        rp.deliver(std::move(out));
      }, [rp](caf::error& e) mutable { rp.deliver(e); });
  return rp;
}

caf::result<health_report> health(coordinator_pointer self) {
  auto rp = self->make_response_promise<health_report>();
  auto coverage = domain::coverage_around(self->state.calendar->calendar(), self->state.clock->now());
  self->request(self->state.log, caf::infinite, log_status_query{})
      .then([rp, coverage](std::uint64_t last) mutable {
              rp.deliver(health_report{true, last, server_version, std::move(coverage)});
            },
            [rp](caf::error& e) mutable { rp.deliver(e); });
  return rp;
}

}  // namespace

void tell_sender(coordinator_pointer self, domain::department recipient, const domain::inbox_item& item) {
  if (item.ack)
    self->send(self->state.departments.at(item.from), ack_notice{recipient, item.id, item.ack->by, item.ack->at, item.ack->person});
}

coordinator_actor::behavior_type coordinator(coordinator_pointer self,
                                             std::map<domain::department, department_actor> departments,
                                             event_log_actor log, security_actor security,
                                             cycle_actor cycle,
                                             std::shared_ptr<const domain::reporting_calendar> calendar,
                                             const domain::clock* clock) {
  self->state.departments = std::move(departments);
  self->state.log = std::move(log);
  self->state.security = std::move(security);
  self->state.cycle = std::move(cycle);
  self->state.calendar = std::move(calendar);
  self->state.clock = clock;
  return {
      [self](report_submission& sub) { return route_submission(self, sub); },
      [self](report_query& q) { return self->delegate(self->state.departments.at(q.sender), q); },
      [self](inbox_query& q) { return self->delegate(self->state.departments.at(q.recipient), q); },
      [self](ack_request& a) { return route_ack(self, a); },
      [self](read_events& q) { return read_feed(self, q); },
      [self](log_status_query) { return health(self); },
      [self](audit_query& q) { return self->delegate(self->state.log, q); },
      [self](token_request& r) { return self->delegate(self->state.security, r); },
      [self](revoke_request& r) { return self->delegate(self->state.security, r); },
      [self](token_list_query q) { return self->delegate(self->state.security, q); },
      [self](batch_submission& b) { return run_batch(self, b); },
      [self](cycle_query& q) { return self->delegate(self->state.cycle, q); },
  };
}

}  // namespace gridcoord::actors
