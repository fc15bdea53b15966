// The fake client's SLA calls: the request is recorded and the canned
// answer given (the SLA actor's own behaviour is tested in tests/actors/ and
// tests/system/).
#include "tests/gateways/support/fake_client.hpp"

namespace gridcoord::testing {

void fake_client::sla(actors::sla_request request, actors::reply<actors::sla_answer> done) {
  std::lock_guard lock(mutex_);
  last_sla_ = std::move(request);
  ++sla_calls_;
  if (auto f = take_failure()) return later([done, e = *f] { done(unexpected{e}); });
  if (!sla_answer_)
    return later([done] { done(unexpected{domain::error{domain::errc::unavailable, "no SLA answer was set", {}}}); });
  later([done, a = *sla_answer_] { done(a); });
}

void fake_client::set_sla_answer(actors::sla_answer a) {
  std::lock_guard lock(mutex_);
  sla_answer_ = std::move(a);
}

std::optional<actors::sla_request> fake_client::last_sla_request() const {
  std::lock_guard lock(mutex_);
  return last_sla_;
}

std::size_t fake_client::sla_calls() const {
  std::lock_guard lock(mutex_);
  return sla_calls_;
}

}  // namespace gridcoord::testing
