#pragma once
// actors/detail/sla_views.hpp — the SLA actor's answers to reads, built from
// its state (actors/sla_actor.hpp).
// [Errors] not_found for an unknown item, customer or kind.
#include <string>

#include "actors/sla_actor.hpp"
#include "actors/sla_requests.hpp"

namespace gridcoord::actors::detail {

// `item` ("outage/17") with its clocks. REQUIRES: the book holds it.
sla_answer item_view(const sla_state& st, const std::string& item, bool created, bool changed);

domain::expected<sla_answer> read(const sla_state& st, const get_customer& q);
domain::expected<sla_answer> read(const sla_state& st, const list_customers& q);
domain::expected<sla_answer> read(const sla_state& st, const list_notifications& q);
domain::expected<sla_answer> read(const sla_state& st, const get_item& q);
domain::expected<sla_answer> read(const sla_state& st, const list_items& q);
domain::expected<sla_answer> read(const sla_state& st, const list_open_work& q);
domain::expected<sla_answer> read(const sla_state& st, const list_breaches& q);
domain::expected<sla_answer> read(const sla_state& st, const get_figures& q);

// A customer import's summary as its idempotency record keeps it.
std::string encode_summary(const domain::sla::customer_import_summary& s);
domain::sla::customer_import_summary decode_summary(const std::string& text);

}  // namespace gridcoord::actors::detail
