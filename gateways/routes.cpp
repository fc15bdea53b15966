#include "gateways/routes.hpp"

#include "gateways/detail/handlers.hpp"
#include "gateways/detail/sla_routes.hpp"
#include "gateways/publication_target.hpp"

namespace gridcoord::gateways {

namespace {

using domain::operation, domain::operation_kind;

std::optional<domain::department> department_of(const request_context& ctx) {
  return domain::parse_department(ctx.param("department"));
}

// The access rule of a route: the operation it performs on the department
// named in its path (when it names one).
access_rule rule(operation_kind kind) {
  return [kind](const request_context& ctx) {
    return operation{kind, department_of(ctx), std::string(ctx.param("kind"))};
  };
}

// The SLA work and the customers (detail/sla_routes.hpp).
void register_sla_routes(router& r, actors::client& client) {
  using http_verb::get, http_verb::post;
  using k = operation_kind;
  r.add(post, "/v1/outages", rule(k::report_outages), detail::post_outage(client));
  r.add(get, "/v1/outages", rule(k::read_work), detail::get_sla_items(client, "outage"));
  r.add(get, "/v1/outages/{id}", rule(k::read_work), detail::get_sla_item(client, "outage"));
  r.add(post, "/v1/outages/{id}/updates", rule(k::report_outages), detail::post_outage_update(client));
  r.add(post, "/v1/outages/{id}/crew-arrived", rule(k::report_outages), detail::post_crew_arrived(client));
  r.add(post, "/v1/outages/{id}/restored", rule(k::report_outages), detail::post_restored(client));
  r.add(post, "/v1/outages/{id}/customers-notified", rule(k::serve_customers),
        detail::post_customers_notified(client));
  r.add(post, "/v1/outage-feed", rule(k::report_outages), detail::post_outage_feed(client),
        body_types::json_or_lines);
  r.add(post, "/v1/planned-outages", rule(k::report_outages), detail::post_planned_outage(client));
  r.add(get, "/v1/planned-outages", rule(k::read_work), detail::get_sla_items(client, "planned"));
  r.add(get, "/v1/planned-outages/{id}", rule(k::read_work), detail::get_sla_item(client, "planned"));
  r.add(post, "/v1/complaints", rule(k::serve_customers), detail::post_complaint(client));
  r.add(get, "/v1/complaints", rule(k::read_work), detail::get_sla_items(client, "complaint"));
  r.add(get, "/v1/complaints/{id}", rule(k::read_work), detail::get_sla_item(client, "complaint"));
  r.add(post, "/v1/complaints/{id}/forward", rule(k::serve_customers), detail::post_complaint_forward(client));
  r.add(post, "/v1/work/{department}/complaints/{id}/acknowledge", rule(k::handle_work),
        detail::post_complaint_acknowledge(client));
  r.add(post, "/v1/work/{department}/complaints/{id}/result", rule(k::handle_work),
        detail::post_complaint_result(client));
  r.add(get, "/v1/callbacks", rule(k::read_work), detail::get_sla_items(client, "callback"));
  r.add(get, "/v1/callbacks/{id}", rule(k::read_work), detail::get_sla_item(client, "callback"));
  r.add(post, "/v1/callbacks/{id}/attempts", rule(k::serve_customers), detail::post_callback_attempt(client));
  r.add(get, "/v1/analyses", rule(k::read_work), detail::get_sla_items(client, "analysis"));
  r.add(get, "/v1/analyses/{id}", rule(k::read_work), detail::get_sla_item(client, "analysis"));
  r.add(post, "/v1/work/{department}/analyses/{id}/close", rule(k::handle_work),
        detail::post_analysis_close(client));
  r.add(get, "/v1/work/{department}", rule(k::read_work), detail::get_open_work(client));
  r.add(get, "/v1/breaches", rule(k::read_work), detail::get_breaches(client));
  r.add(get, "/v1/sla/figures", rule(k::read_work), detail::get_sla_figures(client));
  r.add(post, "/v1/customers", rule(k::serve_customers), detail::post_customers(client), body_types::json_or_csv);
  r.add(get, "/v1/customers", rule(k::read_customers), detail::get_customers(client));
  r.add(get, "/v1/customers/{id}", rule(k::read_customers), detail::get_customer(client));
  r.add(get, "/v1/notifications", rule(k::read_customers), detail::get_notifications(client));
}

}  // namespace

void register_routes(router& r, actors::client& client, const config::server_settings& settings) {
  using http_verb::get, http_verb::put, http_verb::post, http_verb::delete_;
  using k = operation_kind;
  r.add(get, "/v1/health", rule(k::read_public), detail::get_health(client));
  r.add(put, "/v1/reports/{department}/{kind}/{month}", rule(k::submit_report), detail::put_report(client),
        body_types::json_or_csv);
  r.add(get, "/v1/reports/{department}/{kind}/{month}", rule(k::read_report), detail::get_report(client));
  r.add(get, "/v1/reports/{department}/{kind}/{month}/diff", rule(k::read_report), detail::get_report_diff(client));
  r.add(get, "/v1/report-kinds", rule(k::read_catalogue), detail::get_report_kinds());
  r.add(get, "/v1/report-kinds/{kind}", rule(k::read_catalogue), detail::get_report_kind());
  r.add(get, "/v1/validation-rules", rule(k::read_catalogue), detail::get_validation_rules());
  r.add(get, "/v1/departments/{department}/inbox", rule(k::read_inbox), detail::get_inbox(client));
  r.add(post, "/v1/departments/{department}/inbox/{item}/ack", rule(k::acknowledge),
        detail::post_ack(client));
  r.add(post, "/v1/batch", rule(k::run_batch), detail::post_batch(client));
  r.add(post, "/v1/equipment/imports", rule(k::import_equipment), detail::post_equipment_import(client),
        body_types::json_or_csv);
  r.add(get, "/v1/equipment", rule(k::read_equipment), detail::get_equipment_list(client));
  r.add(get, "/v1/equipment/{id}", rule(k::read_equipment), detail::get_equipment(client));
  r.add(get, "/v1/equipment/{id}/history", rule(k::read_equipment), detail::get_equipment_history(client));
  r.add(get, "/v1/cycle/{month}", rule(k::read_cycle), detail::get_cycle(client));
  r.add(get, "/v1/capacity", rule(k::read_capacity), detail::get_constrained(client));
  r.add(get, "/v1/capacity/{id}", rule(k::read_capacity), detail::get_capacity(client));
  r.add(get, "/v1/heat-map/{month}", rule(k::read_capacity), detail::get_heat_map(client));
  r.add(post, "/v1/prechecks", rule(k::read_capacity), detail::post_precheck(client));
  r.add(post, "/v1/applications", rule(k::manage_applications), detail::post_application(client));
  r.add(get, "/v1/applications", rule(k::read_capacity), detail::get_applications(client));
  r.add(get, "/v1/applications/{id}", rule(k::read_capacity), detail::get_application(client));
  r.add(post, "/v1/applications/{id}/approve", rule(k::manage_applications), detail::post_application_approve(client));
  r.add(post, "/v1/applications/{id}/refuse", rule(k::manage_applications), detail::post_application_refuse(client));
  r.add(post, "/v1/applications/{id}/energize", rule(k::manage_applications),
        detail::post_application_energize(client));
  r.add(post, "/v1/publications", rule(k::manage_applications), detail::post_publication(client));
  r.add(get, "/v1/publications/{number}", rule(k::read_public),
        detail::get_publication(client, page_settings_of(settings.publication_page, settings.time_zone)));
  r.add(get, "/v1/events", rule(k::read_events), detail::get_events(client));
  r.add(get, "/v1/stream", rule(k::read_events), detail::get_stream(client));
  r.add(get, "/v1/audit", rule(k::read_events), detail::get_audit(client));
  r.add(post, "/v1/tokens", rule(k::manage_tokens), detail::post_token(client));
  r.add(get, "/v1/tokens", rule(k::manage_tokens), detail::get_tokens(client));
  r.add(delete_, "/v1/tokens/{id}", rule(k::manage_tokens), detail::delete_token(client));
  register_sla_routes(r, client);
}

}  // namespace gridcoord::gateways
