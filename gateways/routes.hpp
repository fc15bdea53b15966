#pragma once
// gateways/routes.hpp — the /v1 JSON API: every endpoint in one table.
//
//   GET  /v1/health
//   PUT  /v1/reports/{department}/{kind}/{month}
//   GET  /v1/reports/{department}/{kind}/{month}[?version=N]
//   GET  /v1/departments/{department}/inbox
//   POST /v1/departments/{department}/inbox/{item}/ack
//   GET  /v1/events[?after=SEQ&limit=N]
//
// docs/api.md describes each one; docs/openapi.json is the machine form.
// [Threading] Routes call `client` from the session's strand and answer from
//             the actor system's threads through `respond`.
// [Limits]    `client` must outlive the router.
#include "actors/client.hpp"
#include "config/settings.hpp"
#include "gateways/router.hpp"

namespace gridcoord::gateways {

// `settings` gives what the routes say besides the data (the publication
// pages' language, publishers and zone); they keep a copy.
void register_routes(router& r, actors::client& client, const config::server_settings& settings);

}  // namespace gridcoord::gateways
