// The capacity register through the real actors: equipment imported, dispatch's
// M4 and planning's M2 submitted as reports, applications approved and refused,
// the M5 finding filed, the restricted list published — and all of it rebuilt
// from the log after a restart. Numbers computed by hand below.
#include <catch2/catch.hpp>

#include <condition_variable>
#include <cstring>
#include <mutex>

#include <boost/json/parse.hpp>

#include "actors/runtime.hpp"
#include "domain/report.hpp"
#include "tests/actors/support/runtime_fixture.hpp"
#include "tests/support/rocksdb_dir.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using testing::await;
namespace cap = domain::capacity;
using domain::department;

namespace {

using testing::open_store;

// Default standards (load_standard{}): planning limit 80 %, heavy 80 %,
// overload 100 %, demand factor 1.
const char* tree = R"({"equipment":[
  {"id":"S1","kind":"substation","area_class":"urban","region":"东城区","rating_kva":126000},
  {"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"东城区","rating_kva":63000},
  {"id":"F1","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":10000},
  {"id":"F2","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":10000}]})";

// October's peaks: limits F 8,000, T1 50,400, S1 100,800 → headroom F1 1,000,
// F2 6,000, T1 10,400, S1 40,800.
const char* october_m4 = R"({"rows":[
  {"equipment_id":"S1","peak_load_kva":60000,"load_rate_pct":47.6,"hours_above_heavy_h":0,"hours_above_overload_h":0},
  {"equipment_id":"T1","peak_load_kva":40000,"load_rate_pct":63.5,"hours_above_heavy_h":0,"hours_above_overload_h":0},
  {"equipment_id":"F1","peak_load_kva":7000,"load_rate_pct":70,"hours_above_heavy_h":0,"hours_above_overload_h":0},
  {"equipment_id":"F2","peak_load_kva":2000,"load_rate_pct":20,"hours_above_heavy_h":0,"hours_above_overload_h":0}]})";

// F1 uprated to 15,000 kVA from 2027-02: its limit becomes 12,000, headroom 5,000.
const char* uprate_m2 = R"({"rows":[
  {"row_type":"reinforcement","equipment_id":"F1","action":"uprate","rating_kva":15000,"in_service_month":"2027-02"}]})";

const domain::month october{std::chrono::year{2026}, std::chrono::October};
const domain::month november{std::chrono::year{2026}, std::chrono::November};
const domain::month march27{std::chrono::year{2027}, std::chrono::March};

actors::runtime_options options(const domain::clock* clock, std::string data_dir = "") {
  actors::runtime_options o;
  o.clock = clock;
  o.data_dir = std::move(data_dir);
  o.scheduler_threads = 2;
  o.snapshot_check_interval = std::chrono::milliseconds{0};
  o.capacity.minimum_available_kva = 3000;
  return o;
}

void import_tree(actors::client& api) {
  auto draft = domain::read_import_json(boost::json::parse(tree));
  REQUIRE(draft);
  auto r = await<actors::equipment_receipt>([&](auto done) {
    api.import_equipment({std::move(*draft), "tk_production", "", "", ""}, done);
  });
  REQUIRE(r);
}

void submit(actors::client& api, department sender, std::string_view kind, domain::month m, const char* body) {
  const auto* k = domain::find_report_kind(kind);
  auto rows = domain::parse_rows(*k, m, boost::json::parse(body));
  REQUIRE(rows);
  actors::report_submission s{sender, k->id, m, std::move(*rows), "tk_test", "", "", ""};
  REQUIRE(await<actors::submit_receipt>([&](auto done) { api.submit_report(std::move(s), done); }));
}

cap::point_capacity capacity_of(actors::client& api, std::string point, domain::month m) {
  auto c = await<std::vector<cap::point_capacity>>([&](auto done) { api.capacity(point, m, false, done); });
  REQUIRE(c);
  REQUIRE(c->size() == 1);
  return c->front();
}

domain::expected<actors::application_outcome> step(actors::client& api, actors::application_command c) {
  return await<actors::application_outcome>([&](auto done) { api.application_step(std::move(c), done); });
}

actors::application_command submission(std::string id, std::string point, double kva, domain::month m) {
  actors::application_command c;
  c.action = actors::application_action::submit;
  c.draft.id = std::move(id);
  c.draft.customer = "蓝海化工";
  c.draft.point = std::move(point);
  c.draft.requested_kva = kva;
  c.draft.connect_month = m;
  c.by = "tk_marketing";
  return c;
}

actors::application_command decision(actors::application_action a, std::string id, std::string reason = "",
                                     bool lack = false) {
  actors::application_command c;
  c.action = a;
  c.id = std::move(id);
  c.reason = std::move(reason);
  c.lack_of_capacity = lack;
  c.by = "tk_marketing";
  return c;
}

void feed_network(actors::client& api) {
  import_tree(api);
  submit(api, department::dispatch, "load_statistics", october, october_m4);
  submit(api, department::planning, "regional_development", october, uprate_m2);
}

// The network fed, application A1 (2,000 kVA on F1 from March 2027) approved
// and October's list published; answers F1's capacity in March 2027.
cap::point_capacity register_with_a1(actors::client& api) {
  feed_network(api);
  REQUIRE(step(api, submission("A1", "F1", 2000, march27)));
  REQUIRE(step(api, decision(actors::application_action::approve, "A1")));
  REQUIRE(await<actors::publication_receipt>([&](auto done) { api.publish({october, "tk_marketing"}, done); }));
  return capacity_of(api, "F1", march27);
}

// What register_with_a1 made, after a restart: F1's capacity as it answered,
// A1 approved, October's list with its one entry.
bool has_register_with_a1(actors::client& api, const cap::point_capacity& f1) {
  auto a1 = await<cap::application>([&](auto done) { api.get_application("A1", done); });
  auto p = await<cap::publication>([&](auto done) { api.get_publication(1, done); });
  return capacity_of(api, "F1", march27) == f1 && a1 && a1->state == cap::application_state::approved && p &&
         p->entries.size() == 1;
}

}  // namespace

TEST_CASE("capacity follows the reports, approvals move the binding constraint, a refusal files an M5 finding",
          "[actors][capacity]") {
  domain::manual_clock clock{testing::t0};  // 2026-11-02
  auto rt = actors::runtime::start(options(&clock));
  REQUIRE(rt);
  auto& api = (*rt)->api();
  feed_network(api);

  auto before = capacity_of(api, "F1", march27);
  CHECK(before.available_kva == Approx(5000));  // F1's uprated limit 12,000 − 7,000
  CHECK(before.binding == "F1");
  CHECK(before.as_of == october);
  REQUIRE(before.path.size() == 3);
  CHECK(before.path[1].headroom_kva == Approx(10400));

  // A1: 2,000 kVA at F1 from 2027-03 fits, and is approved.
  auto a1 = step(api, submission("A1", "F1", 2000, march27));
  REQUIRE(a1);
  CHECK(a1->changed);
  REQUIRE(a1->precheck);
  CHECK(a1->precheck->fits);
  REQUIRE(step(api, decision(actors::application_action::approve, "A1")));
  auto again = step(api, decision(actors::application_action::approve, "A1"));
  REQUIRE(again);
  CHECK_FALSE(again->changed);  // approval is idempotent: counted once
  CHECK(capacity_of(api, "F1", march27).available_kva == Approx(3000));  // 5,000 − 2,000

  // A2: 5,500 kVA at F2 leaves T1 10,400 − 2,000 − 5,500 = 2,900: now T1 binds F1.
  REQUIRE(step(api, submission("A2", "F2", 5500, march27)));
  REQUIRE(step(api, decision(actors::application_action::approve, "A2")));
  auto after = capacity_of(api, "F1", march27);
  CHECK(after.available_kva == Approx(2900));
  CHECK(after.binding == "T1");
  CHECK(after.status == cap::light::red);  // at or below the 3,000 kVA minimum

  // A3 (3,000 kVA at F1) does not fit: approving it is refused, and refusing it
  // for lack of capacity files marketing's M5 finding naming T1.
  REQUIRE(step(api, submission("A3", "F1", 3000, march27)));
  auto no = step(api, decision(actors::application_action::approve, "A3"));
  REQUIRE_FALSE(no);
  CHECK(no.error().code == domain::errc::conflict);
  auto refused = step(api, decision(actors::application_action::refuse, "A3", "T1 is full until 2028", true));
  REQUIRE(refused);
  CHECK(refused->application.state == cap::application_state::refused);
  CHECK(refused->application.limiting_equipment == "T1");
  REQUIRE(refused->finding_version);
  CHECK(*refused->finding_version == 1);
  CHECK(capacity_of(api, "F1", march27).available_kva == Approx(2900));  // a refusal changes nothing
  auto m5 = await<actors::report_document>([&](auto done) {
    api.get_report(department::marketing, "connection_restrictions", november, std::nullopt, done);
  });
  REQUIRE(m5);
  auto v = domain::decode_report(m5->payload);
  REQUIRE(v);
  REQUIRE(v->rows.size() == 1);
  CHECK(v->submitted_by == "gridcoord (application A3 refused by tk_marketing)");
  auto kind = domain::find_report_kind("connection_restrictions");
  auto row = domain::rows_to_json(*kind, v->rows).at(0).as_object();
  CHECK(row.at("application_id") == "A3");
  CHECK(row.at("feeder") == "F1");
  CHECK(row.at("limiting_equipment_id") == "T1");
  CHECK(row.at("outcome") == "refused");

  // Energizing needs an approval first.
  actors::application_command energize = decision(actors::application_action::energize, "A3");
  energize.energized_on = domain::local_date{std::chrono::year{2027}, std::chrono::March, std::chrono::day{3}};
  auto not_approved = step(api, energize);
  REQUIRE_FALSE(not_approved);
  CHECK(not_approved.error().code == domain::errc::conflict);
  energize.id = "A1";
  auto energized = step(api, energize);
  REQUIRE(energized);
  CHECK(energized->application.state == cap::application_state::energized);
  CHECK(capacity_of(api, "F1", march27).available_kva == Approx(2900));  // still counted
}

TEST_CASE("the restricted list is published from the capacity register and kept", "[actors][capacity][publication]") {
  domain::manual_clock clock{testing::t0};
  auto rt = actors::runtime::start(options(&clock));
  REQUIRE(rt);
  auto& api = (*rt)->api();
  auto none = await<cap::publication>([&](auto done) { api.get_publication(0, done); });
  REQUIRE_FALSE(none);
  CHECK(none.error().code == domain::errc::not_found);
  feed_network(api);

  // After October: November's list. F1 has 1,000 kVA (≤ 3,000) until its
  // uprate in 2027-02; F2 has 6,000.
  auto issued = await<actors::publication_receipt>(
      [&](auto done) { api.publish({october, "tk_marketing", "m6-2026-10", "h1"}, done); });
  REQUIRE(issued);
  CHECK_FALSE(issued->replayed);
  auto p = &issued->publication;
  CHECK(p->number == 1);
  CHECK(p->restricted_month == november);
  REQUIRE(p->entries.size() == 1);
  CHECK(p->entries[0].point == "F1");
  CHECK(p->entries[0].available_kva == Approx(1000));
  CHECK(p->entries[0].relief == domain::month{std::chrono::year{2027}, std::chrono::February});
  CHECK(p->as_of == october);
  auto latest = await<cap::publication>([&](auto done) { api.get_publication(0, done); });
  REQUIRE(latest);
  CHECK(*latest == *p);

  // The same key again answers publication 1 (nothing new); with another body, a conflict.
  auto repeat = await<actors::publication_receipt>(
      [&](auto done) { api.publish({october, "tk_marketing", "m6-2026-10", "h1"}, done); });
  REQUIRE(repeat);
  CHECK(repeat->replayed);
  CHECK(repeat->publication == *p);
  auto other = await<actors::publication_receipt>(
      [&](auto done) { api.publish({october, "tk_marketing", "m6-2026-10", "h2"}, done); });
  REQUIRE_FALSE(other);
  CHECK(other.error().code == domain::errc::conflict);
  auto second = await<actors::publication_receipt>([&](auto done) { api.publish({october, "tk_marketing"}, done); });
  REQUIRE(second);
  CHECK(second->publication.number == 2);
}

TEST_CASE("the capacity register, applications and publications are back after a restart",
          "[actors][capacity][recovery]") {
  testing::temp_dir dir;
  domain::manual_clock clock{testing::t0};
  cap::point_capacity before;
  {
    auto rt = actors::runtime::start(options(&clock, dir.path().string()));
    REQUIRE(rt);
    before = register_with_a1((*rt)->api());
  }
  auto rt = actors::runtime::start(options(&clock, dir.path().string()));
  REQUIRE(rt);
  auto& api = (*rt)->api();
  CHECK(has_register_with_a1(api, before));
}

namespace {

// Rewrites the capacity snapshot so that its model also holds feeder F-SNAP:
// equipment the log never held, which only a register read from the
// snapshot knows. The applications and publications are kept as they are.
void doctor_capacity_snapshot(const testing::temp_dir& dir, const cap::settings& settings) {
  auto store = open_store(dir);
  auto snap = store->get_snapshot("capacity");
  REQUIRE(snap);
  const std::string format = "gridcoord.capacity/1\n";
  REQUIRE(snap->data.starts_with(format));
  std::string_view body = std::string_view(snap->data).substr(format.size());
  std::uint64_t length = 0;
  std::memcpy(&length, body.data(), sizeof length);
  auto model = cap::model::from_snapshot(settings, body.substr(sizeof length, length));
  REQUIRE(model);
  model->upsert_equipment({{"F-SNAP", domain::equipment_kind::feeder, "T1", domain::area_class::urban, "东城区", 5000}});
  auto image = model->snapshot();
  std::uint64_t new_length = image.size();
  std::string data = format + std::string(reinterpret_cast<const char*>(&new_length), sizeof new_length) + image +
                     std::string(body.substr(sizeof length + length));
  REQUIRE(store->put_snapshot({"capacity", snap->seq, data}));
  store->close();
}

bool knows(actors::client& api, const std::string& point) {
  return await<std::vector<cap::point_capacity>>([&](auto done) { api.capacity(point, march27, false, done); })
      .has_value();
}

}  // namespace

TEST_CASE("a restart takes the capacity register from its snapshot and reads only the log after it; a snapshot "
          "of other settings or unreadable is ignored and the whole log read",
          "[actors][capacity][snapshot][recovery]") {
  testing::temp_dir dir;
  domain::manual_clock clock{testing::t0};
  cap::point_capacity before;
  {
    auto rt = std::move(*actors::runtime::start(options(&clock, dir.path().string())));
    before = register_with_a1(rt->api());
  }  // a clean stop snapshots the register
  doctor_capacity_snapshot(dir, options(&clock).capacity);
  {
    auto rt = std::move(*actors::runtime::start(options(&clock, dir.path().string())));
    auto& api = rt->api();
    CHECK(knows(api, "F-SNAP"));  // from the snapshot, not the log
    CHECK(has_register_with_a1(api, before));
    // The log after the snapshot is read on top of it.
    REQUIRE(step(api, submission("A2", "F2", 1000, march27)));
    REQUIRE(step(api, decision(actors::application_action::approve, "A2")));
    before = capacity_of(api, "F1", march27);  // T1 above it carries A2 now
  }
  {
    // Other settings: the snapshot (taken at the last stop, F-SNAP included)
    // is not used; the whole log is read.
    auto o = options(&clock, dir.path().string());
    o.capacity.minimum_available_kva = 2500;
    auto rt = std::move(*actors::runtime::start(o));
    CHECK_FALSE(knows(rt->api(), "F-SNAP"));
    CHECK(capacity_of(rt->api(), "F2", march27).path[0].committed_kva == 1000);  // A2, from the log
  }
  {
    auto store = open_store(dir);
    REQUIRE(store->put_snapshot({"capacity", store->last_seq(), "gridcoord.capacity/1\nnot an image"}));
    store->close();
  }
  auto rt = std::move(*actors::runtime::start(options(&clock, dir.path().string())));
  CHECK_FALSE(knows(rt->api(), "F-SNAP"));
  CHECK(capacity_of(rt->api(), "F1", march27) == before);
  CHECK(capacity_of(rt->api(), "F2", march27).path[0].committed_kva == 1000);
}

TEST_CASE("months outside the horizon and unknown points are refused", "[actors][capacity]") {
  domain::manual_clock clock{testing::t0};
  auto rt = actors::runtime::start(options(&clock));
  REQUIRE(rt);
  auto& api = (*rt)->api();
  import_tree(api);
  auto past = await<std::vector<cap::point_capacity>>([&](auto done) { api.capacity("F1", october, false, done); });
  REQUIRE_FALSE(past);
  CHECK(past.error().code == domain::errc::invalid_request);
  auto far = await<std::vector<cap::point_capacity>>([&](auto done) {
    api.capacity("F1", domain::month{std::chrono::year{2028}, std::chrono::November}, false, done);
  });
  REQUIRE_FALSE(far);  // 2026-11 + 24 months ends with 2028-10
  auto unknown = await<std::vector<cap::point_capacity>>([&](auto done) { api.capacity("F9", march27, false, done); });
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == domain::errc::not_found);
  auto bad_point = step(api, submission("A9", "F9", 100, march27));
  REQUIRE_FALSE(bad_point);
  CHECK(bad_point.error().code == domain::errc::validation_failed);
}

namespace {

// Records every delivery; fails the first `failures` of them. wait_for()
// blocks until that many deliveries were attempted (bounded; no sleeping).
class recording_sink final : public actors::publication_sink {
 public:
  explicit recording_sink(int failures) : failures_(failures) {}
  domain::status deliver(const cap::publication& p) override {
    std::lock_guard lock(mutex_);
    attempts_.push_back(p.number);
    changed_.notify_all();
    if (static_cast<int>(attempts_.size()) <= failures_)
      return domain::fail(domain::errc::unavailable, "the receiver is down");
    return {};
  }
  std::vector<std::uint32_t> attempts() {
    std::lock_guard lock(mutex_);
    return attempts_;
  }
  std::vector<std::uint32_t> wait_for(std::size_t n) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::seconds{10}, [&] { return attempts_.size() >= n; });
    return attempts_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::uint32_t> attempts_;
  int failures_;
};

}  // namespace

TEST_CASE("the monthly list is issued on the third working day after month end at 09:00 local, once, "
          "and a failed delivery is retried", "[actors][capacity][publication]") {
  // Monday to Friday in Asia/Shanghai: October 2026 ends on a Saturday, so the
  // third working day after it is Wednesday 4 November; 09:00 there is 01:00Z.
  const domain::time_point due = std::chrono::sys_days{std::chrono::year{2026} / 11 / 4} + std::chrono::hours{1};
  domain::manual_clock clock{testing::t0};
  auto sink = std::make_shared<recording_sink>(1);
  auto o = options(&clock);
  o.publication.first_period = october;
  o.publication_target = sink;
  auto rt = actors::runtime::start(o);
  REQUIRE(rt);
  feed_network((*rt)->api());

  clock.set(due - std::chrono::microseconds{1});
  auto early = (*rt)->check_publication();
  REQUIRE(early);
  CHECK(early->empty());

  clock.set(due);
  auto issued = (*rt)->check_publication();
  REQUIRE(issued);
  REQUIRE(issued->size() == 1);
  CHECK(issued->front().number == 1);
  CHECK(issued->front().period == october);
  CHECK(issued->front().issued_by == "schedule");
  CHECK(issued->front().issued_at == due);
  CHECK(sink->wait_for(1) == std::vector<std::uint32_t>{1});  // failed: the receiver is down

  // The next checks issue nothing (issued once) and retry the delivery once
  // the failure has reached the actor: checks are message round trips, so
  // this loop waits for that message without sleeping.
  clock.set(due + std::chrono::hours{1});
  for (int i = 0; i < 10'000 && sink->attempts().size() < 2; ++i) {
    auto again = (*rt)->check_publication();
    REQUIRE(again);
    CHECK(again->empty());
  }
  CHECK(sink->wait_for(2) == std::vector<std::uint32_t>{1, 1});  // retried, and delivered
}

TEST_CASE("a month that ended before the installation began is not published by the schedule",
          "[actors][capacity][publication]") {
  domain::manual_clock clock{testing::t0};  // the first event is logged in November
  auto rt = actors::runtime::start(options(&clock));
  REQUIRE(rt);
  import_tree((*rt)->api());
  clock.set(std::chrono::sys_days{std::chrono::year{2026} / 11 / 20});
  auto none = (*rt)->check_publication();
  REQUIRE(none);
  CHECK(none->empty());
}
