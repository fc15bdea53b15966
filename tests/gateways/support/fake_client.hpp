#pragma once
// tests/gateways/support/fake_client.hpp — an in-memory actors::client.
//
// Answers every call later, from a worker thread of its own (as the actor
// system does), so the gateway's posting back to its strand is exercised.
// Submissions are versioned per stream and idempotency keys are honoured
// (same key + same request_hash -> replay, other hash -> conflict).
// hold() parks answers until release(), to test in-flight requests.
// [Threading] Every member is safe from any thread.
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "actors/client.hpp"
#include "domain/token_book.hpp"

namespace gridcoord::testing {

class fake_client final : public actors::client {
 public:
  fake_client();
  ~fake_client() override;

  void submit_report(actors::report_submission s, actors::reply<actors::submit_receipt> done) override;
  void get_report(domain::department sender, std::string kind, domain::month period,
                  std::optional<std::uint32_t> version, actors::reply<actors::report_document> done) override;
  void inbox(domain::department recipient, domain::inbox_filter filter,
             actors::reply<domain::inbox_page> done) override;
  void acknowledge(domain::department recipient, domain::item_id item, std::string by,
                   std::string origin, actors::reply<domain::inbox_item> done) override;
  void events(std::uint64_t after, std::size_t limit, actors::reply<std::vector<actors::event_view>> done) override;
  // Waits until add_event adds an event after `after` (at once when one is there).
  std::uint64_t when_events_after(std::uint64_t after, std::function<void()> then) override;
  void cancel_wait(std::uint64_t id) override;
  std::size_t waits() const;  // registered and not yet run
  std::size_t events_calls() const;
  void health(actors::reply<actors::health_report> done) override;
  // Answers the matrix set_cycle gave, for any month; records the month asked.
  void cycle(domain::month period, actors::reply<domain::cycle_matrix> done) override;
  void create_token(actors::token_request request, actors::reply<domain::issued_token> done) override;
  void revoke_token(std::string id, std::string by, std::string origin,
                    actors::reply<domain::token_record> done) override;
  void audit(actors::audit_query query, actors::reply<actors::audit_page> done) override;
  void list_tokens(actors::reply<std::vector<domain::token_record>> done) override;
  // Records the batch; answers one outcome per operation with seqs 1, 2, …
  void run_batch(actors::batch_submission batch, actors::reply<actors::batch_receipt> done) override;
  domain::expected<domain::principal> authenticate(std::string_view bearer) const override;
  // fixed_time until set_now moves it (a token's expiry is checked against it).
  domain::time_point now() const override;
  void set_now(domain::time_point t);
  // The equipment calls run the domain registry's own checks (fake_equipment.cpp).
  void import_equipment(actors::equipment_import import, actors::reply<actors::equipment_receipt> done) override;
  void get_equipment(std::string id, actors::reply<domain::equipment> done) override;
  void list_equipment(domain::equipment_filter filter, actors::reply<domain::equipment_page> done) override;
  void get_equipment_history(std::string id, actors::reply<actors::equipment_history> done) override;
  std::shared_ptr<const domain::equipment_registry> equipment_view() const override;
  // The SLA actor's logic is tested in tests/actors and tests/system; this
  // records each request and answers what set_sla_answer gave (errc::unavailable
  // before any), so the gateway's parsing and JSON are tested (fake_sla.cpp).
  void sla(actors::sla_request request, actors::reply<actors::sla_answer> done) override;

  // The capacity register is the capacity actor's (tests/actors, tests/system):
  // these answer errc::unavailable (fake_capacity.cpp), but get_publication
  // answers what set_publication gave, for any number.
  void capacity(std::string point, domain::month period, bool horizon,
                actors::reply<std::vector<domain::capacity::point_capacity>> done) override;
  void precheck(domain::capacity::precheck_request request,
                actors::reply<domain::capacity::precheck_result> done) override;
  void constrained(domain::capacity::constrained_filter filter,
                   actors::reply<domain::capacity::constrained_page> done) override;
  void heat_map(domain::month period, actors::reply<std::vector<domain::capacity::region_heat>> done) override;
  void application_step(actors::application_command command, actors::reply<actors::application_outcome> done) override;
  void get_application(std::string id, actors::reply<domain::capacity::application> done) override;
  void list_applications(actors::application_list query,
                         actors::reply<std::vector<domain::capacity::application>> done) override;
  void publish(actors::publication_issue request, actors::reply<actors::publication_receipt> done) override;
  void get_publication(std::uint32_t number, actors::reply<domain::capacity::publication> done) override;

  // A valid admin token, known to every fake_client.
  static const std::string& admin_token();

  // Set-up and inspection.
  std::vector<actors::report_submission> submissions() const;
  std::vector<actors::batch_submission> batches() const;
  void add_inbox_item(domain::department recipient, domain::inbox_item item);
  void add_event(actors::event_view e);
  void set_health(actors::health_report h);
  void set_cycle(domain::cycle_matrix m);
  void set_publication(domain::capacity::publication p);
  std::optional<domain::month> last_cycle_month() const;
  void fail_next_call(domain::error e);  // the next call of any kind answers this
  std::pair<std::uint64_t, std::size_t> last_events_query() const;
  void set_sla_answer(actors::sla_answer a);            // every sla() call answers this from now on
  std::optional<actors::sla_request> last_sla_request() const;
  std::size_t sla_calls() const;

  void hold();                                   // park answers from now on
  void wait_until_held(std::size_t calls);       // until `calls` answers are parked
  void release();                                // answer everything parked, stop parking

  static inline const domain::time_point fixed_time{std::chrono::seconds{1'790'000'000}};

 private:
  void later(std::function<void()> task);
  std::optional<domain::error> take_failure();
  void work();

  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::function<void()>> parked_;
  bool holding_ = false;
  bool done_ = false;
  std::optional<domain::error> next_failure_;
  std::vector<actors::report_submission> submissions_;
  std::vector<actors::batch_submission> batches_;
  std::map<std::string, std::vector<actors::report_document>> reports_;  // by stream
  std::map<std::string, std::vector<domain::version_entry>> versions_;   // by stream
  std::map<std::string, actors::submit_receipt> by_key_;                 // by idempotency key
  std::map<std::string, std::string> key_hash_;
  std::map<domain::department, std::vector<domain::inbox_item>> inboxes_;
  std::vector<actors::event_view> events_;
  std::map<std::uint64_t, std::pair<std::uint64_t, std::function<void()>>> waits_;  // id: (after, then)
  std::uint64_t next_wait_ = 1;
  actors::health_report health_{true, 42, "0.1.0-test", {{2026}, {2027}}};
  domain::cycle_matrix cycle_;
  std::optional<domain::capacity::publication> publication_;
  std::optional<domain::month> last_cycle_month_;
  domain::token_book tokens_;
  domain::time_point now_ = fixed_time;
  std::pair<std::uint64_t, std::size_t> last_events_query_{};
  std::size_t events_calls_ = 0;
  std::optional<actors::sla_answer> sla_answer_;
  std::optional<actors::sla_request> last_sla_;
  std::size_t sla_calls_ = 0;
  std::uint64_t seq_ = 100;
  std::shared_ptr<const domain::equipment_registry> equipment_ = std::make_shared<domain::equipment_registry>();
  std::map<std::uint64_t, std::pair<std::string, std::string>> equipment_events_;  // seq: (by, payload)
  std::map<std::string, std::pair<std::string, actors::equipment_receipt>> equipment_keys_;  // key -> hash, receipt
  std::thread worker_;  // last: starts after every other member exists
};

}  // namespace gridcoord::testing
