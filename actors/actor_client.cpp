#include "actors/actor_client.hpp"

#include <mutex>
#include <unordered_map>

#include <caf/all.hpp>

#include "actors/error.hpp"

namespace gridcoord::actors {

namespace {

// Calls `done` exactly once: with the answer, or when dropped unanswered
// (the bridge stopped), with errc::unavailable.
template <class T>
class answer_once {
 public:
  explicit answer_once(reply<T> done) : done_(std::move(done)) {}
  ~answer_once() {
    if (done_) done_(unexpected{domain::error{domain::errc::unavailable, "gridcoord is stopping", {}}});
  }
  answer_once(const answer_once&) = delete;
  answer_once& operator=(const answer_once&) = delete;
  void operator()(domain::expected<T> r) {
    if (!done_) return;
    auto done = std::move(done_);
    done_ = nullptr;
    done(std::move(r));
  }

 private:
  reply<T> done_;
};

// Calls waiting for the bridge, by ticket.
class call_queue {
 public:
  using call = std::function<void(caf::event_based_actor*)>;
  // 0 when closed: `c` is dropped (and so answered unavailable).
  std::uint64_t put(call c) {
    std::lock_guard lock(mutex_);
    if (closed_) return 0;
    calls_.emplace(next_, std::move(c));
    return next_++;
  }
  void close() {
    std::unordered_map<std::uint64_t, call> dropped;
    std::lock_guard lock(mutex_);
    closed_ = true;
    dropped.swap(calls_);
  }
  call take(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    auto node = calls_.extract(id);
    return node ? std::move(node.mapped()) : call{};
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::uint64_t, call> calls_;
  std::uint64_t next_ = 1;
  bool closed_ = false;
};

class actor_client final : public client {
 public:
  actor_client(caf::actor_system& system, coordinator_actor coordinator,
               std::shared_ptr<const token_directory> directory, registry_actor registry,
               std::shared_ptr<const equipment_directory> equipment, capacity_actor capacity, sla_actor sla,
               std::shared_ptr<log_publisher> publisher)
      : coordinator_(std::move(coordinator)),
        directory_(std::move(directory)),
        registry_(std::move(registry)),
        equipment_(std::move(equipment)),
        capacity_(std::move(capacity)),
        sla_(std::move(sla)),
        publisher_(std::move(publisher)),
        queue_(std::make_shared<call_queue>()) {
    bridge_ = system.spawn([queue = queue_](caf::event_based_actor* self) -> caf::behavior {
      return {[queue, self](std::uint64_t ticket) {
        if (auto c = queue->take(ticket)) c(self);
      }};
    });
  }

  caf::actor bridge() const { return bridge_; }
  void close() { queue_->close(); }

  void submit_report(report_submission submission, reply<submit_receipt> done) override {
    ask<submit_receipt>(std::move(submission), std::move(done));
  }

  void get_report(domain::department sender, std::string kind, domain::month period,
                  std::optional<std::uint32_t> version, reply<report_document> done) override {
    ask<report_document>(report_query{sender, std::move(kind), period, version.value_or(0)},
                         std::move(done));
  }

  void inbox(domain::department recipient, domain::inbox_filter filter, reply<domain::inbox_page> done) override {
    ask<domain::inbox_page>(inbox_query{recipient, std::move(filter)}, std::move(done));
  }

  void acknowledge(domain::department recipient, domain::item_id item, std::string by,
                   std::string origin, reply<domain::inbox_item> done) override {
    ask<domain::inbox_item>(ack_request{recipient, item, std::move(by), std::move(origin)},
                            std::move(done));
  }

  void run_batch(batch_submission batch, reply<batch_receipt> done) override {
    ask<batch_receipt>(std::move(batch), std::move(done));
  }

  void events(std::uint64_t after, std::size_t limit, reply<std::vector<event_view>> done) override {
    ask<std::vector<event_view>>(read_events{after, limit, {}, max_event_page_bytes}, std::move(done));
  }

  std::uint64_t when_events_after(std::uint64_t after, std::function<void()> then) override {
    return publisher_->when_after(after, std::move(then));
  }

  void cancel_wait(std::uint64_t id) override { publisher_->cancel(id); }

  void health(reply<health_report> done) override {
    ask<health_report>(log_status_query{}, std::move(done));
  }

  void cycle(domain::month period, reply<domain::cycle_matrix> done) override {
    ask<domain::cycle_matrix>(cycle_query{period}, std::move(done));
  }

  void audit(audit_query query, reply<audit_page> done) override {
    ask<audit_page>(std::move(query), std::move(done));
  }

  void create_token(token_request request, reply<domain::issued_token> done) override {
    ask<domain::issued_token>(std::move(request), std::move(done));
  }

  void revoke_token(std::string id, std::string by, std::string origin,
                    reply<domain::token_record> done) override {
    ask<domain::token_record>(revoke_request{std::move(id), std::move(by), std::move(origin)},
                              std::move(done));
  }

  void list_tokens(reply<std::vector<domain::token_record>> done) override {
    ask<std::vector<domain::token_record>>(token_list_query{}, std::move(done));
  }

  void import_equipment(equipment_import import, reply<equipment_receipt> done) override {
    ask_actor<equipment_receipt>(registry_, std::move(import), std::move(done));
  }

  void get_equipment(std::string id, reply<domain::equipment> done) override {
    ask_actor<domain::equipment>(registry_, equipment_get{std::move(id)}, std::move(done));
  }

  void list_equipment(domain::equipment_filter filter, reply<domain::equipment_page> done) override {
    ask_actor<domain::equipment_page>(registry_, equipment_list{std::move(filter)}, std::move(done));
  }

  void get_equipment_history(std::string id, reply<equipment_history> done) override {
    ask_actor<equipment_history>(registry_, equipment_history_query{std::move(id)}, std::move(done));
  }

  std::shared_ptr<const domain::equipment_registry> equipment_view() const override {
    return equipment_->current();
  }

  void capacity(std::string point, domain::month period, bool horizon,
                reply<std::vector<domain::capacity::point_capacity>> done) override {
    ask_actor<std::vector<domain::capacity::point_capacity>>(capacity_, capacity_query{std::move(point), period, horizon},
                                                             std::move(done));
  }

  void precheck(domain::capacity::precheck_request request, reply<domain::capacity::precheck_result> done) override {
    ask_actor<domain::capacity::precheck_result>(capacity_, precheck_query{std::move(request)}, std::move(done));
  }

  void constrained(domain::capacity::constrained_filter filter,
                   reply<domain::capacity::constrained_page> done) override {
    ask_actor<domain::capacity::constrained_page>(capacity_, constrained_query{std::move(filter)}, std::move(done));
  }

  void heat_map(domain::month period, reply<std::vector<domain::capacity::region_heat>> done) override {
    ask_actor<std::vector<domain::capacity::region_heat>>(capacity_, heat_map_query{period}, std::move(done));
  }

  void application_step(application_command command, reply<application_outcome> done) override {
    ask_actor<application_outcome>(capacity_, std::move(command), std::move(done));
  }

  void get_application(std::string id, reply<domain::capacity::application> done) override {
    ask_actor<domain::capacity::application>(capacity_, application_get{std::move(id)}, std::move(done));
  }

  void list_applications(application_list query, reply<std::vector<domain::capacity::application>> done) override {
    ask_actor<std::vector<domain::capacity::application>>(capacity_, std::move(query), std::move(done));
  }

  void publish(publication_issue request, reply<publication_receipt> done) override {
    ask_actor<publication_receipt>(capacity_, std::move(request), std::move(done));
  }

  void get_publication(std::uint32_t number, reply<domain::capacity::publication> done) override {
    ask_actor<domain::capacity::publication>(capacity_, publication_get{number}, std::move(done));
  }

  void sla(sla_request request, reply<sla_answer> done) override {
    ask_actor<sla_answer>(sla_, sla_call{std::move(request)}, std::move(done));
  }

  domain::expected<domain::principal> authenticate(std::string_view bearer) const override {
    return directory_->verify(bearer);
  }

  domain::time_point now() const override { return directory_->now(); }

 private:
  template <class T, class Message>
  void ask(Message message, reply<T> done) {
    ask_actor<T>(coordinator_, std::move(message), std::move(done));
  }

  template <class T, class Destination, class Message>
  void ask_actor(const Destination& destination, Message message, reply<T> done) {
    auto answer = std::make_shared<answer_once<T>>(std::move(done));
    auto ticket = queue_->put([destination, message = std::move(message),
                               answer](caf::event_based_actor* self) mutable {
      self->request(destination, request_timeout, std::move(message))
          .then([answer](T& r) { (*answer)(std::move(r)); },
                [answer](caf::error& e) { (*answer)(unexpected{to_domain(e)}); });
    });
    if (ticket != 0) caf::anon_send(bridge_, ticket);
  }

  coordinator_actor coordinator_;
  std::shared_ptr<const token_directory> directory_;
  registry_actor registry_;
  std::shared_ptr<const equipment_directory> equipment_;
  capacity_actor capacity_;
  sla_actor sla_;
  std::shared_ptr<log_publisher> publisher_;
  std::shared_ptr<call_queue> queue_;
  caf::actor bridge_;
};

}  // namespace

client_handle make_actor_client(caf::actor_system& system, coordinator_actor coordinator,
                                std::shared_ptr<const token_directory> directory, registry_actor registry,
                                std::shared_ptr<const equipment_directory> equipment, capacity_actor capacity,
                                sla_actor sla, std::shared_ptr<log_publisher> publisher) {
  auto c = std::make_unique<actor_client>(system, std::move(coordinator), std::move(directory),
                                          std::move(registry), std::move(equipment), std::move(capacity),
                                          std::move(sla), std::move(publisher));
  auto bridge = c->bridge();
  auto close = [raw = c.get()] { raw->close(); };
  return {std::move(c), std::move(bridge), std::move(close)};
}

}  // namespace gridcoord::actors
