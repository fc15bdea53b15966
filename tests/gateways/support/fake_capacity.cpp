// The fake client's capacity calls: the gateway tests cover the other
// routes; the capacity routes run against the real capacity actor in
// tests/actors/capacity_flow_test.cpp and tests/system/.
#include "tests/gateways/support/fake_client.hpp"

namespace gridcoord::testing {

namespace {

template <class T>
void no_capacity(actors::reply<T>& done) {
  done(unexpected{domain::error{domain::errc::unavailable, "the fake client has no capacity register", {}}});
}

}  // namespace

void fake_client::capacity(std::string, domain::month, bool,
                           actors::reply<std::vector<domain::capacity::point_capacity>> done) {
  no_capacity(done);
}
void fake_client::precheck(domain::capacity::precheck_request, actors::reply<domain::capacity::precheck_result> done) {
  no_capacity(done);
}
void fake_client::constrained(domain::capacity::constrained_filter,
                              actors::reply<domain::capacity::constrained_page> done) {
  no_capacity(done);
}
void fake_client::heat_map(domain::month, actors::reply<std::vector<domain::capacity::region_heat>> done) {
  no_capacity(done);
}
void fake_client::application_step(actors::application_command, actors::reply<actors::application_outcome> done) {
  no_capacity(done);
}
void fake_client::get_application(std::string, actors::reply<domain::capacity::application> done) {
  no_capacity(done);
}
void fake_client::list_applications(actors::application_list,
                                    actors::reply<std::vector<domain::capacity::application>> done) {
  no_capacity(done);
}
void fake_client::publish(actors::publication_issue, actors::reply<actors::publication_receipt> done) {
  no_capacity(done);
}
void fake_client::get_publication(std::uint32_t, actors::reply<domain::capacity::publication> done) {
  std::lock_guard lock(mutex_);
  if (!publication_) return no_capacity(done);
  later([done, p = *publication_] { done(p); });
}

void fake_client::set_publication(domain::capacity::publication p) {
  std::lock_guard lock(mutex_);
  publication_ = std::move(p);
}

}  // namespace gridcoord::testing
