#pragma once
// gateways/detail/handlers.hpp — one factory per endpoint; gateways/routes.cpp
// puts them in the table. Each returns a route that validates what the gateway
// can (path, query, headers, body), calls `client` once, and maps its reply.
// [Errors] Validation failures answer at once, without calling `client`.
#include <memory>

#include "actors/client.hpp"
#include "config/settings.hpp"
#include "domain/publication/publication.hpp"
#include "gateways/metrics.hpp"
#include "gateways/router.hpp"

namespace gridcoord::gateways::detail {

// detail/system_routes.cpp
route_handler get_health(actors::client& client);
route_handler get_events(actors::client& client);

// detail/system_routes.cpp: GET /metrics and GET /v1/openapi.json, both
// anonymous. The scrape asks `client` for every department's inbox and answers
// when all have replied (a department that fails is left out of the gauge).
route_handler get_metrics(actors::client& client, std::shared_ptr<const http_metrics> metrics,
                          metrics_source source);
route_handler get_openapi();
void add_observability_routes(router& r, actors::client& client,
                              std::shared_ptr<const http_metrics> metrics, metrics_source source);

// detail/console_routes.cpp: GET / and GET /console (redirects to /console/),
// GET /console/{path...} (the embedded console, or settings.console_dir's files;
// anonymous; a path that is not a file answers the index page) and GET /v1/me
// (the caller's token id, role, department, description and the server's time
// zone; any authenticated role).
void add_console_routes(router& r, const config::server_settings& settings);

// detail/report_routes.cpp
route_handler put_report(actors::client& client);
route_handler get_report(actors::client& client);

// detail/catalogue_routes.cpp: the report kinds and the validation rules, from
// domain/, without `client`.
route_handler get_report_kinds();
route_handler get_report_kind();
route_handler get_validation_rules();

// detail/report_diff_route.cpp: GET /v1/reports/{department}/{kind}/{month}/diff
route_handler get_report_diff(actors::client& client);

// detail/inbox_routes.cpp
route_handler get_inbox(actors::client& client);
route_handler post_ack(actors::client& client);

// detail/stream_routes.cpp: GET /v1/stream (Server-Sent Events, detail/event_stream.hpp).
// Answers an http_response whose `stream` the session hands the connection to.
route_handler get_stream(actors::client& client);

// detail/batch_routes.cpp: POST /v1/batch. Each operation is a sub-request
// {"method","path","body"} to one of the write routes below, authorized for the
// caller and validated as that route would; the batch runs all or nothing.
route_handler post_batch(actors::client& client);

// A sub-request of a batch as the operation its route performs; the context's
// params and body are the sub-request's. Errors as the route answers them.
// A report's equipment is checked against `registry` (domain/references.hpp).
[[nodiscard]] domain::expected<actors::batch_operation> report_operation(const request_context& ctx,
                                                                         const domain::equipment_registry& registry);
[[nodiscard]] domain::expected<actors::batch_operation> ack_operation(const request_context& ctx);
[[nodiscard]] domain::expected<actors::batch_operation> token_operation(const request_context& ctx);
[[nodiscard]] domain::expected<actors::batch_operation> revoke_operation(const request_context& ctx);

// detail/equipment_routes.cpp: the equipment registry.
route_handler post_equipment_import(actors::client& client);
route_handler get_equipment_list(actors::client& client);
route_handler get_equipment(actors::client& client);
route_handler get_equipment_history(actors::client& client);

// detail/cycle_routes.cpp: GET /v1/cycle/{month}, the monthly cycle's status matrix.
route_handler get_cycle(actors::client& client);

// detail/capacity_routes.cpp: the capacity register, applications, publications.
route_handler get_capacity(actors::client& client);
route_handler get_constrained(actors::client& client);
route_handler get_heat_map(actors::client& client);
route_handler post_precheck(actors::client& client);
route_handler post_application(actors::client& client);
route_handler post_application_approve(actors::client& client);
route_handler post_application_refuse(actors::client& client);
route_handler post_application_energize(actors::client& client);
route_handler get_application(actors::client& client);
route_handler get_applications(actors::client& client);
route_handler post_publication(actors::client& client);
// ?lang=zh-CN|en picks the page's language (pages.default_language when absent).
route_handler get_publication(actors::client& client, domain::capacity::page_settings pages);

// detail/audit_routes.cpp
route_handler get_audit(actors::client& client);

// detail/token_routes.cpp
route_handler post_token(actors::client& client);
route_handler get_tokens(actors::client& client);
route_handler delete_token(actors::client& client);

}  // namespace gridcoord::gateways::detail
