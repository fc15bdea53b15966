#pragma once
// actors/security_actor.hpp — issues and revokes API tokens.
//
// A token is logged as "token.created" (its hash, never its secret) and
// answered once with its secret; revoking logs "token.revoked" (revoking twice
// answers the first revocation). After each commit the directory the gateways
// authenticate against is replaced.
// In a batch it is a participant: batch_prepare generates the tokens and
// checks revocations, batch_commit applies them.
// [Errors] validation_failed for an unknown role; not_found for an unknown id.
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <caf/typed_event_based_actor.hpp>

#include "actors/interfaces.hpp"
#include "actors/token_directory.hpp"
#include "domain/clock.hpp"

namespace gridcoord::actors {

// A token event of a prepared batch, applied when the batch commits.
struct held_token_event {
  std::string type;
  std::string payload;
};

struct security_state {
  domain::token_book book;
  event_log_actor log;
  const domain::clock* clock = nullptr;
  std::shared_ptr<token_directory> directory;
  std::unordered_map<std::uint64_t, std::vector<held_token_event>> held;  // by batch id
  static inline const char* name = "security";
};

using security_pointer = security_actor::stateful_pointer<security_state>;

security_actor::behavior_type security(security_pointer self, domain::token_book book,
                                       event_log_actor log, const domain::clock* clock,
                                       std::shared_ptr<token_directory> directory);

}  // namespace gridcoord::actors
