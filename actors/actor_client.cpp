#include "actors/actor_client.hpp"

#include <caf/all.hpp>

#include "actors/error.hpp"

namespace gridcoord::actors {

namespace {

class actor_client final : public client {
 public:
  actor_client(caf::actor_system& system, coordinator_actor coordinator)
      : system_(system), coordinator_(std::move(coordinator)) {}

  void submit_report(report_submission submission, reply<submit_receipt> done) override {
    ask<submit_receipt>(std::move(submission), std::move(done));
  }

  void get_report(domain::department sender, std::string kind, domain::month period,
                  std::optional<std::uint32_t> version, reply<report_document> done) override {
    ask<report_document>(report_query{sender, std::move(kind), period, version.value_or(0)},
                         std::move(done));
  }

  void inbox(domain::department recipient, reply<std::vector<domain::inbox_item>> done) override {
    ask<std::vector<domain::inbox_item>>(inbox_query{recipient}, std::move(done));
  }

  void acknowledge(domain::department recipient, domain::item_id item, std::string by,
                   reply<domain::inbox_item> done) override {
    ask<domain::inbox_item>(ack_request{recipient, item, std::move(by)}, std::move(done));
  }

  void events(std::uint64_t after, std::size_t limit, reply<std::vector<event_view>> done) override {
    ask<std::vector<event_view>>(read_events{after, limit, {}}, std::move(done));
  }

  void health(reply<health_report> done) override {
    ask<health_report>(log_status_query{}, std::move(done));
  }

 private:
  template <class T, class Message>
  void ask(Message message, reply<T> done) {
    system_.spawn([coordinator = coordinator_, message = std::move(message),
                   done = std::move(done)](caf::event_based_actor* self) mutable {
      self->request(coordinator, request_timeout, std::move(message))
          .then([done](T& answer) { done(std::move(answer)); },
                [done](caf::error& e) { done(unexpected{to_domain(e)}); });
    });
  }

  caf::actor_system& system_;
  coordinator_actor coordinator_;
};

}  // namespace

std::unique_ptr<client> make_actor_client(caf::actor_system& system, coordinator_actor coordinator) {
  return std::make_unique<actor_client>(system, std::move(coordinator));
}

}  // namespace gridcoord::actors
