#pragma once
// actors/publication_port.hpp — where published restricted lists go, and when
// they are issued: the part of the capacity actor's configuration that the
// server binary and the gateways (which implement the sink) see. CAF-free.
#include <chrono>
#include <optional>

#include "domain/error.hpp"
#include "domain/month.hpp"
#include "domain/publication/publication.hpp"

namespace gridcoord::actors {

// Where a logged publication goes (gateways/publication_target implements it).
class publication_sink {
 public:
  virtual ~publication_sink() = default;
  // Writes or sends `p`; an error means "retry later".
  [[nodiscard]] virtual domain::status deliver(const domain::capacity::publication& p) = 0;
};

struct publication_schedule {
  unsigned working_days_after_month_end = 3;
  std::chrono::minutes local_time{9 * 60};
  std::chrono::milliseconds max_sleep{0};  // 0: no clock; > 0: check at least this often
  std::optional<domain::month> first_period;  // nullopt: the month of the actor's first start
};

}  // namespace gridcoord::actors
