// fuzz/event_payload.cpp — stored event payloads and snapshots, replayed.
//
// Input: lines "TYPE PAYLOAD", each one event of the log as the projections
// see it ("report.submitted {...}", "inbox.acknowledged {...}",
// "token.created {...}", "outage.reported {...}", ...); a line "snapshot
// JSON" stands for the snapshot recovery starts from. The events are applied
// in order, as recovery and the actors apply them, to the projection (books,
// tokens, equipment, the cycle), the SLA work book, the outbox, the customer
// registry and the application book; each payload also goes through every
// decoder of a stored payload (decode_report_header, decode_report,
// decode_item_acknowledged, decode_import, decode_customer_import, the
// outbox's decoders, decode_publication, decode_origin). A projection stops at
// its first unreadable event, as recovery does.
// Checks: the snapshot of the state reached reads back to the same state
// (projection::from_json(to_json()) ==), as recovery from a snapshot relies on,
// and so do the work book, the outbox and the customer registry (the SLA and
// notification actors' snapshots).
#include <string>
#include <string_view>
#include <system_error>

#include <boost/json/parse.hpp>

#include "domain/book.hpp"
#include "domain/json.hpp"
#include "domain/capacity/applications.hpp"
#include "domain/equipment.hpp"
#include "domain/origin.hpp"
#include "domain/projection.hpp"
#include "domain/publication/publication.hpp"
#include "domain/report.hpp"
#include "domain/sla/customers.hpp"
#include "domain/sla/outbox.hpp"
#include "domain/sla/work.hpp"
#include "fuzz/fuzz_target.hpp"

namespace {

namespace json = boost::json;
namespace domain = gridcoord::domain;
namespace sla = gridcoord::domain::sla;
using gridcoord::fuzz::check;

struct replay {
  domain::projection state = domain::projection::empty();
  sla::work_book work;
  sla::outbox outbox;
  sla::customer_registry customers;
  gridcoord::domain::capacity::application_book applications;
  bool state_ok = true, work_ok = true, outbox_ok = true, customers_ok = true, applications_ok = true;

  void apply(std::string_view type, std::uint64_t seq, domain::time_point at, std::string_view payload) {
    if (state_ok) state_ok = state.apply_event(type, seq, at, payload).has_value();
    if (work_ok) work_ok = work.apply_event(type, at, payload).has_value();
    if (outbox_ok) outbox_ok = outbox.apply_event(type, payload).has_value();
    if (customers_ok) customers_ok = customers.apply_event(type, seq, payload, state.equipment).has_value();
    if (applications_ok) applications_ok = applications.apply_event(type, seq, payload).has_value();
  }

  void restore(std::string_view snapshot) {
    std::error_code ec;
    auto doc = json::parse(snapshot, ec);
    if (ec) return;
    if (auto restored = domain::projection::from_json(doc)) {
      state = std::move(*restored);
      state_ok = true;
    }
  }
};

void decode_all(std::string_view payload) {
  (void)domain::decode_report_header(payload);
  (void)domain::decode_report(payload);
  (void)domain::decode_item_acknowledged(payload);
  (void)domain::decode_import(payload);
  (void)domain::find_in_import(payload, "FD-01");
  (void)sla::decode_customer_import(payload);
  (void)sla::decode_notification(payload);
  (void)sla::decode_attempt_failed(payload);
  (void)sla::decode_delivered(payload);
  (void)sla::decode_dead_lettered(payload);
  (void)domain::capacity::decode_publication(payload);
  (void)domain::decode_origin(payload);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = gridcoord::fuzz::as_text(data, size);
  replay r;
  // 2026-10-08T01:00:00Z, a second per event.
  domain::time_point at{std::chrono::seconds(1'791'421'200)};
  std::uint64_t seq = 0;
  while (!text.empty()) {
    auto end = text.find('\n');
    auto line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    auto space = line.find(' ');
    auto type = line.substr(0, space);
    auto payload = space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
    decode_all(payload);
    if (type == "snapshot") {
      r.restore(payload);
      continue;
    }
    r.apply(type, ++seq, at, payload);
    at += std::chrono::seconds(1);
  }
  if (r.state_ok) {
    auto again = domain::projection::from_json(r.state.to_json());
    check(again.has_value(), "a projection's snapshot does not read back");
    check(*again == r.state, "a projection's snapshot reads back as another state");
  }
  // The SLA actor's and the notification actor's snapshots, through text as stored.
  auto through_text = [](const json::value& v) { return json::parse(domain::to_text(v)); };
  if (r.work_ok) {
    auto again = sla::work_book::from_json(through_text(r.work.to_json()));
    check(again.has_value(), "a work book's snapshot does not read back");
    check(*again == r.work, "a work book's snapshot reads back as another book");
  }
  if (r.outbox_ok) {
    auto again = sla::outbox::from_json(through_text(r.outbox.to_json()));
    check(again.has_value(), "an outbox's snapshot does not read back");
    check(*again == r.outbox, "an outbox's snapshot reads back as another outbox");
  }
  if (r.customers_ok && r.state_ok) {
    auto again = sla::customer_registry::from_json(through_text(r.customers.to_json()), r.state.equipment);
    check(again.has_value(), "a customer registry's snapshot does not read back");
    check(*again == r.customers, "a customer registry's snapshot reads back as another registry");
  }
  return 0;
}
