// The writes of the SLA work (gateways/detail/sla_routes.hpp):
//   POST /v1/outages, /v1/outages/{id}/updates | crew-arrived | restored | customers-notified
//   POST /v1/planned-outages
//   POST /v1/complaints, /v1/complaints/{id}/forward
//   POST /v1/work/{department}/complaints/{id}/acknowledge | result
//   POST /v1/callbacks/{id}/attempts
//   POST /v1/work/{department}/analyses/{id}/close
//   POST /v1/outage-feed (JSON lines)
#include "gateways/detail/sla_routes.hpp"

#include <algorithm>
#include <functional>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/finite_numbers.hpp"
#include "domain/json.hpp"
#include "domain/sla/events.hpp"
#include "domain/sla/limits.hpp"
#include "gateways/detail/route_support.hpp"
#include "gateways/request_hash.hpp"
#include "gateways/sla_codec.hpp"
#include "gateways/uri.hpp"

namespace gridcoord::gateways::detail {

namespace json = boost::json;
namespace sla = domain::sla;
using domain::errc;

domain::expected<actors::sla_writer> sla_writer_of(const request_context& ctx) {
  auto key = idempotency_key_of(ctx);
  if (!key) return unexpected{key.error()};
  auto [path, query] = split_target(std::string_view(ctx.http.target().data(), ctx.http.target().size()));
  std::string hash;
  if (ctx.body || ctx.csv) hash = body_hash(ctx, "POST", path);
  else hash = request_hash("POST", path, std::string_view(ctx.http.body()));
  return actors::sla_writer{caller_id(ctx), origin_of(ctx), std::move(*key), std::move(hash)};
}

domain::expected<std::uint64_t> item_id_of(const request_context& ctx) {
  return integer_param(ctx.param("id"), "the id", 1, std::numeric_limits<std::uint64_t>::max());
}

namespace {

constexpr std::string_view feed_types = "outage.started, outage.updated, crew.arrived, power.restored";

bool is_feed_type(std::string_view t) {
  return t == "outage.started" || t == "outage.updated" || t == "crew.arrived" || t == "power.restored";
}

// "event_id: is required …; at: must be …".
std::string reasons_of(const domain::error& e) {
  if (e.details.empty()) return e.message;
  std::string out;
  for (const auto& i : e.details) {
    if (!out.empty()) out += "; ";
    out += i.field.empty() ? i.reason : fmt::format("{}: {}", i.field, i.reason);
  }
  return out;
}

// One line's object as the request it stands for, or why it is rejected.
void read_feed_line(std::size_t line, const json::value& v, parsed_feed& out) {
  if (!v.is_object()) return out.rejected.push_back({line, "rejected", "", "the line is not a JSON object"});
  body_reader b(&v, "feed line",
                {"event_id", "type", "outage_ref", "equipment", "at", "cause", "etr", "description"});
  actors::feed_line l;
  l.line = line;
  l.event_id = b.text("event_id", true, domain::text_kind::identifier);
  l.type = b.text("type", true, domain::text_kind::name);
  if (!l.type.empty() && !is_feed_type(l.type))
    b.issue(domain::rule::not_one_of, "type", l.type, fmt::format("must be one of {}", feed_types));
  l.outage_ref = b.text("outage_ref", true, domain::text_kind::identifier);
  l.equipment = b.ids("equipment", false);
  l.at = b.time("at", false);
  l.cause = b.optional_text("cause", domain::text_kind::name);
  l.etr = b.time("etr", false);
  l.description = b.text("description", false, domain::text_kind::free_text);
  if (auto s = b.finish(); !s) return out.rejected.push_back({line, "rejected", "", reasons_of(s.error())});
  out.lines.push_back(std::move(l));
}

domain::status too_many_lines() {
  return domain::fail(errc::too_large, fmt::format("the feed takes at most {} lines in one request; send the rest "
                                                   "in another",
                                                   max_feed_lines));
}

}  // namespace

domain::expected<parsed_feed> parse_feed(std::string_view text) {
  parsed_feed out;
  std::size_t number = 0, count = 0;
  while (!text.empty()) {
    auto end = text.find('\n');
    auto line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (++count > max_feed_lines) return unexpected{too_many_lines().error()};
    std::error_code ec;
    auto v = json::parse(line, ec);
    if (ec) out.rejected.push_back({number, "rejected", "", fmt::format("the line is not JSON: {}", ec.message())});
    else if (auto finite = domain::check_finite(v); !finite)
      out.rejected.push_back({number, "rejected", "", reasons_of(finite.error())});
    else read_feed_line(number, v, out);
  }
  return out;
}

domain::expected<parsed_feed> parse_feed(const json::value& body) {
  parsed_feed out;
  if (!body.is_array()) {
    read_feed_line(1, body, out);
    return out;
  }
  const auto& lines = body.get_array();
  if (lines.size() > max_feed_lines) return unexpected{too_many_lines().error()};
  for (std::size_t i = 0; i < lines.size(); ++i) read_feed_line(i + 1, lines[i], out);
  return out;
}

actors::feed_results merge_feed(actors::feed_results from_actor, std::vector<actors::feed_result> rejected) {
  auto& all = from_actor.results;
  all.insert(all.end(), std::make_move_iterator(rejected.begin()), std::make_move_iterator(rejected.end()));
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
  return from_actor;
}

route_handler post_outage_feed(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto writer = sla_writer_of(ctx);
    if (!writer) return done(error_response(writer.error()));
    domain::expected<parsed_feed> feed = parsed_feed{};
    if (ctx.body) {
      feed = parse_feed(*ctx.body);
    } else {
      auto type = ctx.header("Content-Type").value_or("");
      type = type.substr(0, type.find(';'));
      if (!ctx.http.body().empty() && type != "application/x-ndjson" && type != "text/plain")
        return done(error_response(protocol_error::unsupported_media_type,
                                   "the outage feed takes JSON lines (Content-Type: application/x-ndjson or "
                                   "text/plain), or JSON (application/json): one line object or an array of them"));
      feed = parse_feed(std::string_view(ctx.http.body()));
    }
    if (!feed) return done(error_response(feed.error()));
    actors::feed_batch batch{std::move(*writer), std::move(feed->lines)};
    client.sla(actors::sla_request{std::move(batch)},
               reply_with<actors::sla_answer>(std::move(done), [rejected = std::move(feed->rejected)](
                                                                   const actors::sla_answer& a) {
                 auto all = merge_feed(answer_as<actors::feed_results>(a), rejected);
                 return json_response(200, json::value_from(all));
               }));
  };
}

namespace {

// Where an item is read: "outage/17" -> "/v1/outages/17".
std::string location_of(std::string_view item) {
  auto slash = item.find('/');
  auto kind = item.substr(0, slash);
  std::string_view collection = kind == "planned" ? "planned-outages" : kind == "analysis" ? "analyses" : "";
  auto plural = collection.empty() ? std::string(kind) + "s" : std::string(collection);
  return fmt::format("/v1/{}/{}", plural, item.substr(slash + 1));
}

http_response item_response(const actors::sla_answer& a, domain::sla::disclosure who) {
  const auto& item = answer_as<actors::sla_item>(a);
  bool made = item.created && item.changed;
  auto res = json_response(made ? 201 : 200, actors::item_json(item, who));
  if (made) res.headers.emplace_back("Location", location_of(item.item));
  return res;
}

// What a route reads from its context into the request it sends.
using request_of = std::function<domain::expected<actors::sla_request>(const request_context&, actors::sla_writer)>;

// A write: the writer, the request, one call, the item answered.
route_handler sla_write(actors::client& client, request_of read) {
  return [&client, read = std::move(read)](const request_context& ctx, respond done) {
    auto writer = sla_writer_of(ctx);
    if (!writer) return done(error_response(writer.error()));
    auto request = read(ctx, std::move(*writer));
    if (!request) return done(error_response(request.error()));
    auto who = domain::sla::disclosure_for(ctx.caller->granted);
    client.sla(std::move(*request), reply_with<actors::sla_answer>(std::move(done), [who](const actors::sla_answer& a) {
                 return item_response(a, who);
               }));
  };
}

const json::value* body_of(const request_context& ctx) { return ctx.body ? &*ctx.body : nullptr; }

// A step on item {id} (of the department in the path, when Request has
// one), its body read by fill(body_reader&, Request&); the id's error first,
// then every issue of the body at once. A step that needs a field refuses an
// empty body (400); one whose fields are all optional reads it as {}.
template <class Request, class Fill>
route_handler item_step(actors::client& client, std::string_view what, std::vector<std::string_view> known,
                        empty_body empty, Fill fill) {
  return sla_write(client, [what = std::string(what), known = std::move(known), empty, fill](
                               const request_context& ctx, actors::sla_writer w) -> domain::expected<actors::sla_request> {
    auto id = item_id_of(ctx);
    if (!id) return unexpected{id.error()};
    Request r;
    r.writer = std::move(w);
    r.id = *id;
    if constexpr (requires { r.department; }) {
      auto d = department_param(ctx.param("department"));
      if (!d) return unexpected{d.error()};
      r.department = *d;
    }
    body_reader b(body_of(ctx), what, known, empty);
    fill(b, r);
    if (auto s = b.finish(); !s) return unexpected{s.error()};
    return actors::sla_request{std::move(r)};
  });
}

// A body read whole into a new Request; an empty body is 400.
template <class Request, class Fill>
route_handler new_item(actors::client& client, std::string_view what, std::vector<std::string_view> known, Fill fill) {
  return sla_write(client, [what = std::string(what), known = std::move(known), fill](
                               const request_context& ctx, actors::sla_writer w) -> domain::expected<actors::sla_request> {
    Request r;
    r.writer = std::move(w);
    body_reader b(body_of(ctx), what, known, empty_body::refused);
    fill(b, r);
    if (auto s = b.finish(); !s) return unexpected{s.error()};
    return actors::sla_request{std::move(r)};
  });
}

void no_fields(body_reader&, auto&) {}

constexpr std::string_view categories = "power_quality, supply_capacity, new_connection, outage";

}  // namespace

route_handler post_outage(actors::client& client) {
  return new_item<actors::report_outage>(client, "outage report", {"equipment", "started_at", "description"},
                                         [](body_reader& b, actors::report_outage& r) {
                                           r.equipment = b.ids("equipment", true);
                                           r.started_at = b.time("started_at", false);
                                           r.description = b.text("description", false, domain::text_kind::free_text);
                                         });
}

route_handler post_outage_update(actors::client& client) {
  return item_step<actors::update_outage>(
      client, "outage update", {"cause", "etr", "equipment_added"}, empty_body::refused, [](body_reader& b, actors::update_outage& r) {
        r.cause = b.optional_text("cause", domain::text_kind::name);
        if (r.cause && r.cause->empty()) b.issue(domain::rule::empty_text, "cause", "", "must not be empty");
        r.etr = b.time("etr", false);
        r.equipment_added = b.ids("equipment_added", false);
        if (!b.has("cause") && !b.has("etr") && !b.has("equipment_added"))
          b.issue(domain::rule::at_least_one_of, "", "", "give a cause, an etr or equipment_added");
      });
}

route_handler post_crew_arrived(actors::client& client) {
  return item_step<actors::record_crew_arrival>(client, "crew arrival", {"at"}, empty_body::reads_as_object,
                                                [](body_reader& b, auto& r) { r.at = b.time("at", false); });
}

route_handler post_restored(actors::client& client) {
  return item_step<actors::restore_outage>(client, "restoration", {"at"}, empty_body::reads_as_object,
                                           [](body_reader& b, auto& r) { r.at = b.time("at", false); });
}

route_handler post_customers_notified(actors::client& client) {
  return item_step<actors::notify_customers>(client, "customers-notified note", {"note"}, empty_body::refused,
                                             [](body_reader& b, auto& r) { r.note = b.text("note", true, domain::text_kind::free_text); });
}

route_handler post_planned_outage(actors::client& client) {
  return new_item<actors::notice_planned_outage>(
      client, "planned-outage notice", {"kind", "equipment", "starts_at", "ends_at", "description"},
      [](body_reader& b, actors::notice_planned_outage& r) {
        if (auto k = b.choice("kind", sla::parse_planned_kind, "planned, temporary")) r.kind = *k;
        r.equipment = b.ids("equipment", true);
        auto starts = b.time("starts_at", true);
        auto ends = b.time("ends_at", true);
        if (starts) r.starts_at = *starts;
        if (ends) r.ends_at = *ends;
        if (starts && ends && *ends <= *starts)
          b.issue(domain::rule::out_of_order, "ends_at", domain::format_rfc3339(*ends), "must be after starts_at");
        r.description = b.text("description", false, domain::text_kind::free_text);
      });
}

route_handler post_complaint(actors::client& client) {
  return new_item<actors::register_complaint>(
      client, "complaint", {"category", "customer_id", "customer_name", "contact", "text"},
      [](body_reader& b, actors::register_complaint& r) {
        if (auto c = b.choice("category", sla::parse_complaint_category, categories)) r.category = *c;
        r.customer_id = b.text("customer_id", false, domain::text_kind::identifier);
        r.customer_name = b.text("customer_name", false, domain::text_kind::name);
        r.contact = b.text("contact", false, domain::text_kind::name);
        r.text = b.text("text", true, domain::text_kind::free_text);
        if (r.customer_id.empty() && r.customer_name.empty())
          b.issue(domain::rule::at_least_one_of, "customer_name", "", "give a customer_id or the customer's name");
      });
}

route_handler post_complaint_forward(actors::client& client) {
  return item_step<actors::forward_complaint>(client, "forward", {}, empty_body::reads_as_object, [](body_reader& b, auto& r) { no_fields(b, r); });
}

route_handler post_complaint_acknowledge(actors::client& client) {
  return item_step<actors::acknowledge_complaint>(client, "acknowledgement", {}, empty_body::reads_as_object,
                                                  [](body_reader& b, auto& r) { no_fields(b, r); });
}

route_handler post_complaint_result(actors::client& client) {
  return item_step<actors::resolve_complaint>(client, "handling result", {"result"}, empty_body::refused,
                                              [](body_reader& b, auto& r) { r.result = b.text("result", true, domain::text_kind::free_text); });
}

route_handler post_callback_attempt(actors::client& client) {
  return item_step<actors::attempt_callback>(
      client, "callback attempt", {"outcome", "satisfaction", "satisfied", "note"}, empty_body::refused,
      [](body_reader& b, actors::attempt_callback& r) {
        auto outcome = b.choice("outcome", sla::parse_callback_outcome, "no_answer, reached");
        if (outcome) r.outcome = *outcome;
        if (auto s = b.integer("satisfaction", 1, 5)) r.satisfaction = static_cast<unsigned>(*s);
        r.satisfied = b.boolean("satisfied").value_or(true);
        r.note = b.text("note", false, domain::text_kind::free_text);
        if (outcome == sla::callback_outcome::reached && !b.has("satisfaction"))
          b.issue(domain::rule::required_when, "satisfaction", "",
                  "is required when the customer was reached: a score from 1 to 5");
      });
}

route_handler post_analysis_close(actors::client& client) {
  return item_step<actors::close_analysis>(client, "analysis closing", {"finding"}, empty_body::refused,
                                           [](body_reader& b, auto& r) { r.finding = b.text("finding", true, domain::text_kind::free_text); });
}

}  // namespace gridcoord::gateways::detail
