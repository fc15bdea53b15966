#pragma once
// actors/cycle_messages.hpp — the messages of the monthly cycle (the cycle
// actor, and what it asks of the department actors). Plain structs with an
// `inspect` function, registered in actors/registration.cpp like those of
// actors/messages.hpp.
#include <caf/meta/type_name.hpp>

#include "actors/detail/inspect_cycle.hpp"
#include "domain/cycle.hpp"

namespace gridcoord::actors {

// Check the clock now: log every reminder and late notice that is due. The
// answer is what this check logged (empty when nothing was due).
struct cycle_check {
  friend bool operator==(const cycle_check&, const cycle_check&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, cycle_check&) {
  return f(caf::meta::type_name("cycle_check"));
}

// The cycle actor's own wake-up (a delayed message): a check nobody waits for.
struct cycle_wake {
  std::uint64_t generation = 0;  // only the latest scheduled wake-up checks
  friend bool operator==(const cycle_wake&, const cycle_wake&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, cycle_wake& x) {
  return f(caf::meta::type_name("cycle_wake"), x.generation);
}

// The status matrix of one month.
struct cycle_query {
  domain::month period{};
  friend bool operator==(const cycle_query&, const cycle_query&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, cycle_query& x) {
  domain::month_box period{x.period};
  return f(caf::meta::type_name("cycle_query"), period);
}

// To a department: the reports it sent for the months from..to.
struct sent_summary_query {
  domain::month from{};
  domain::month to{};
  friend bool operator==(const sent_summary_query&, const sent_summary_query&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, sent_summary_query& x) {
  domain::month_box from{x.from};
  domain::month_box to{x.to};
  return f(caf::meta::type_name("sent_summary_query"), from, to);
}

}  // namespace gridcoord::actors
