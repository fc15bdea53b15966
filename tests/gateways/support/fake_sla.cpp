// The fake client's SLA calls: the SLA routes run against the real SLA actor
// in tests/actors/ and tests/system/.
#include "tests/gateways/support/fake_client.hpp"

namespace gridcoord::testing {

void fake_client::sla(actors::sla_request, actors::reply<actors::sla_answer> done) {
  done(unexpected{domain::error{domain::errc::unavailable, "the fake client has no SLA actor", {}}});
}

}  // namespace gridcoord::testing
