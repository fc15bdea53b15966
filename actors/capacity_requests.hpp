#pragma once
// actors/capacity_requests.hpp — the requests and answers of new-connection
// applications and publications that travel through the client facade
// (actors/client.hpp) to the capacity actor. CAF-free.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/capacity/applications.hpp"
#include "domain/capacity/model.hpp"
#include "domain/month.hpp"
#include "domain/publication/publication.hpp"

namespace gridcoord::actors {

enum class application_action : std::uint8_t { submit, approve, refuse, energize };

// One step of an application's life (domain/capacity/applications.hpp).
struct application_command {
  application_action action = application_action::submit;
  domain::capacity::application draft;    // submit
  std::string id;                          // approve, refuse, energize
  std::string reason;                      // refuse
  bool lack_of_capacity = false;           // refuse
  domain::local_date energized_on{};       // energize
  std::string by;                          // who (token subject)
  std::string origin;                      // kept with the event
};

// The application after the step; `changed` false for a repeat (nothing
// logged). A submission and an approval carry the precheck they were decided
// on; a refusal for lack of capacity the M5 finding it filed (its report
// version), or why filing it failed.
struct application_outcome {
  domain::capacity::application application;
  bool changed = false;
  std::optional<domain::capacity::precheck_result> precheck;
  std::optional<std::uint32_t> finding_version;  // marketing's M5 report of the refusal's month
  std::string finding_error;
};

struct application_get {
  std::string id;
};

struct application_list {
  std::optional<domain::capacity::application_state> state;
  std::string after;
  std::size_t limit = 100;
};

// Issue a publication of the restricted list now (period: the month it
// follows; nullopt: the month before the current one).
struct publication_issue {
  std::optional<domain::month> period;
  std::string by;
  std::string idempotency_key;  // "" when the request carried none
  std::string request_hash;
};

// The publication issued, or for a repeated idempotency key the one the key
// issued first (replayed: nothing new was logged).
struct publication_receipt {
  domain::capacity::publication publication;
  bool replayed = false;
};

}  // namespace gridcoord::actors
