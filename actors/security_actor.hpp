#pragma once
// actors/security_actor.hpp — issues and revokes API tokens.
//
// A token is logged as "token.created" (its hash, never its secret) and
// answered once with its secret; revoking logs "token.revoked" (revoking twice
// answers the first revocation). After each commit the directory the gateways
// authenticate against is replaced.
// [Errors] validation_failed for an unknown role; not_found for an unknown id.
#include <memory>

#include <caf/typed_event_based_actor.hpp>

#include "actors/interfaces.hpp"
#include "actors/token_directory.hpp"
#include "domain/clock.hpp"

namespace gridcoord::actors {

struct security_state {
  domain::token_book book;
  event_log_actor log;
  const domain::clock* clock = nullptr;
  std::shared_ptr<token_directory> directory;
  static inline const char* name = "security";
};

using security_pointer = security_actor::stateful_pointer<security_state>;

security_actor::behavior_type security(security_pointer self, domain::token_book book,
                                       event_log_actor log, const domain::clock* clock,
                                       std::shared_ptr<token_directory> directory);

}  // namespace gridcoord::actors
