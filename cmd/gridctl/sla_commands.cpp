#include "cmd/gridctl/sla_commands.hpp"

#include <string>
#include <utility>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <fmt/format.h>

#include "cmd/gridctl/request_support.hpp"
#include "cmd/gridctl/sla_view.hpp"

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

const argument idempotency_key{"--idempotency-key", "key that makes a retry apply once (1 to 200 characters)"};

json::array texts(const std::vector<std::string>& values) {
  json::array out;
  for (const auto& v : values) out.emplace_back(v);
  return out;
}

// body[key] = the value of `arg`, when it was given.
void put(json::object& body, std::string_view key, const arguments& a, std::string_view arg) {
  if (a.has(arg)) body[key] = a.at(arg);
}

// POST /v1/outages {"equipment":[…],"started_at"?,"description"?}.
built report_outage(const arguments& a) {
  json::object body{{"equipment", texts(a.all("EQUIPMENT"))}};
  put(body, "started_at", a, "--started");
  put(body, "description", a, "--description");
  return json_write(a, "POST", "/v1/outages", body);
}

// POST /v1/outages/{id}/updates {"cause"?,"etr"?,"equipment_added"?}: at least one.
built update_outage(const arguments& a) {
  json::object body;
  put(body, "cause", a, "--cause");
  put(body, "etr", a, "--etr");
  if (a.has("--add-equipment")) body["equipment_added"] = texts(a.all("--add-equipment"));
  if (body.empty()) return unexpected{std::string("give what changed: --cause, --etr or --add-equipment")};
  return json_write(a, "POST", fmt::format("/v1/outages/{}/updates", enc(a, "ID")), body);
}

// POST /v1/outages/{id}/{step} {"at"?}: crew-arrived, restored.
built outage_moment(const arguments& a, std::string_view step) {
  json::object body;
  put(body, "at", a, "--at");
  return json_write(a, "POST", fmt::format("/v1/outages/{}/{}", enc(a, "ID"), step), body);
}

// POST /v1/outage-feed: FILE's JSON lines as written, as application/x-ndjson.
built send_feed(const arguments& a) {
  const auto& path = a.at("FILE");
  auto text = a.read_file(path);
  if (!text) return unexpected{text.error()};
  if (text->find_first_not_of(" \t\r\n") == std::string::npos)
    return unexpected{fmt::format("{}: no events: give one JSON object a line",
                                  path == "-" ? std::string("standard input") : path)};
  client::http_request req{"POST", "/v1/outage-feed", std::move(*text), {}};
  req.content_type = "application/x-ndjson";
  add_idempotency_key(a, req);
  return req;
}

built notice_planned(const arguments& a) {
  json::object body{{"kind", a.at("--kind")}, {"equipment", texts(a.all("EQUIPMENT"))},
                    {"starts_at", a.at("--starts")}, {"ends_at", a.at("--ends")}};
  put(body, "description", a, "--description");
  return json_write(a, "POST", "/v1/planned-outages", body);
}

built register_complaint(const arguments& a) {
  json::object body{{"category", a.at("--category")}};
  put(body, "customer_id", a, "--customer");
  put(body, "customer_name", a, "--name");
  put(body, "contact", a, "--contact");
  body["text"] = a.at("--text");
  return json_write(a, "POST", "/v1/complaints", body);
}

// POST /v1/work/{department}/{kind}/{id}/{step}.
built department_step(const arguments& a, std::string_view kind, std::string_view step, const json::object& body) {
  return json_write(a, "POST", fmt::format("/v1/work/{}/{}/{}/{}", enc(a, "--department"), kind, enc(a, "ID"), step),
                    body);
}

// POST /v1/callbacks/{id}/attempts {"outcome","satisfaction"?,"satisfied"?,"note"?}.
built attempt_callback(const arguments& a) {
  const auto& outcome = a.at("--outcome");
  if (outcome != "reached" && outcome != "no_answer")
    return unexpected{fmt::format("--outcome must be reached or no_answer, not \"{}\"", outcome)};
  if (outcome == "no_answer" && (a.has("--satisfaction") || a.has("--dissatisfied")))
    return unexpected{std::string("--satisfaction and --dissatisfied are for a customer reached")};
  json::object body{{"outcome", outcome}};
  if (a.has("--satisfaction")) {
    auto score = std::stoull(a.at("--satisfaction"));  // a whole number: checked by its kind
    if (score < 1 || score > 5)
      return unexpected{fmt::format("--satisfaction must be 1 to 5, not {}", a.at("--satisfaction"))};
    body["satisfaction"] = score;
  }
  if (a.has("--dissatisfied")) body["satisfied"] = false;
  put(body, "note", a, "--note");
  return json_write(a, "POST", fmt::format("/v1/callbacks/{}/attempts", enc(a, "ID")), body);
}

// `get` and `list` of an item kind at `path` ("/v1/complaints"); the list with
// --open when the route takes open=true, and --after, --limit and --all when it pages.
enum class list_options { all, open, open_paged };

void add_reads(std::vector<command>& out, std::string word, std::string what, std::string whats, std::string path,
               list_options opts) {
  bool paged = opts == list_options::open_paged;
  out.push_back({{word, "get"}, fmt::format("one {} with its clocks", what),
                 {{"ID", fmt::format("{} number", what), arg_kind::whole}},
                 [path](const arguments& a) -> built { return get(fmt::format("{}/{}", path, enc(a, "ID"))); },
                 std::nullopt, false, item_for_people});
  std::vector<argument> args;
  if (opts != list_options::all) args.push_back({"--open", fmt::format("only open {}", whats), arg_kind::flag});
  if (paged) {
    args.push_back({"--after", fmt::format("{} after this number", whats), arg_kind::whole});
    args.push_back({"--limit", "items per request, 1 to 1000 (server default 100; with --all 1000)", arg_kind::whole});
  }
  auto summary = opts == list_options::all ? whats + " by number" : whats + " by number, open ones only with --open";
  out.push_back({{word, "list"}, std::move(summary), std::move(args),
                 [path](const arguments& a) -> built {  // a flag given is "true": open=true
                   return get(with_query(path, a, {{"open", "--open"}, {"after", "--after"}, {"limit", "--limit"}}));
                 },
                 paged ? std::optional<paging>(paging{"items", "--after", "next_after", "--limit", 1000, "end"})
                       : std::nullopt,
                 false, items_for_people});
}

void add_outages(std::vector<command>& out) {
  const argument id{"ID", "outage number", arg_kind::whole};
  out.push_back({{"outage", "report"}, "report an unplanned outage (E1): its equipment and start",
                 {{"EQUIPMENT", "equipment ids out of supply, e.g. F-101 DT-2231", arg_kind::list},
                  {"--started", "when it started, RFC 3339 (default: now); may be before the report", arg_kind::time},
                  {"--description", "what is known, in words"}, idempotency_key},
                 report_outage, std::nullopt, false, item_for_people});
  out.push_back({{"outage", "update"}, "the cause, the estimated restoration time or more equipment (E2)",
                 {id, {"--cause", "the cause, in words"},
                  {"--etr", "estimated restoration time, RFC 3339", arg_kind::time},
                  {"--add-equipment", "equipment also out of supply; once per id", arg_kind::list}, idempotency_key},
                 update_outage, std::nullopt, false, item_for_people});
  out.push_back({{"outage", "arrived"}, "the crew is on site (E5)",
                 {id, {"--at", "when, RFC 3339 (default: now)", arg_kind::time}, idempotency_key},
                 [](const arguments& a) { return outage_moment(a, "crew-arrived"); }, std::nullopt, false,
                 item_for_people});
  out.push_back({{"outage", "restored"}, "power is restored (E5); opens the callback obligation (E9)",
                 {id, {"--at", "when, RFC 3339 (default: now)", arg_kind::time}, idempotency_key},
                 [](const arguments& a) { return outage_moment(a, "restored"); }, std::nullopt, false,
                 item_for_people});
  out.push_back({{"outage", "notified"}, "customer service told the affected customers another way (completes E3)",
                 {id, {"--note", "how they were told", arg_kind::text, true}, idempotency_key},
                 [](const arguments& a) -> built {
                   return json_write(a, "POST", fmt::format("/v1/outages/{}/customers-notified", enc(a, "ID")),
                                     {{"note", a.at("--note")}});
                 },
                 std::nullopt, false, item_for_people});
  add_reads(out, "outage", "outage", "outages", "/v1/outages", list_options::open_paged);
  out.push_back({{"feed"}, "send outage-system events (JSON lines), applied once per event_id; a result per line",
                 {{"FILE", "JSON lines file, one event a line; - reads standard input", arg_kind::file},
                  idempotency_key},
                 send_feed, std::nullopt, false, without_times(feed_for_people)});
}

void add_planned_and_complaints(std::vector<command>& out) {
  out.push_back({{"planned", "notice"}, "notice of a planned outage or temporary maintenance (E4)",
                 {{"EQUIPMENT", "equipment ids to be switched off", arg_kind::list},
                  {"--kind", "planned (7 days' notice) or temporary (24 h)", arg_kind::text, true},
                  {"--starts", "when it starts, RFC 3339", arg_kind::time, true},
                  {"--ends", "when it ends, RFC 3339", arg_kind::time, true},
                  {"--description", "the work, in words"}, idempotency_key},
                 notice_planned, std::nullopt, false, item_for_people});
  add_reads(out, "planned", "planned outage", "planned outages", "/v1/planned-outages", list_options::all);
  const argument id{"ID", "complaint number", arg_kind::whole};
  const argument dept{"--department", "the department answering: production, planning, marketing or dispatch",
                      arg_kind::text, true};
  out.push_back({{"complaint", "register"}, "register a customer's complaint or request (E6)",
                 {{"--category", "power_quality, supply_capacity, new_connection or outage", arg_kind::text, true},
                  {"--customer", "customer id in the registry"}, {"--name", "the customer's name"},
                  {"--contact", "how to reach the customer"},
                  {"--text", "what the customer said", arg_kind::text, true}, idempotency_key},
                 register_complaint, std::nullopt, false, item_for_people});
  out.push_back({{"complaint", "forward"}, "forward a complaint to the department of its category (E6)",
                 {id, idempotency_key},
                 [](const arguments& a) -> built {
                   return json_write(a, "POST", fmt::format("/v1/complaints/{}/forward", enc(a, "ID")), {});
                 },
                 std::nullopt, false, item_for_people});
  out.push_back({{"complaint", "ack"}, "the responsible department takes the complaint over",
                 {id, dept, idempotency_key},
                 [](const arguments& a) { return department_step(a, "complaints", "acknowledge", {}); },
                 std::nullopt, false, item_for_people});
  out.push_back({{"complaint", "result"}, "the responsible department's handling result (E7); opens the callback",
                 {id, dept, {"--text", "the result, as the customer will hear it", arg_kind::text, true},
                  idempotency_key},
                 [](const arguments& a) {
                   return department_step(a, "complaints", "result", {{"result", a.at("--text")}});
                 },
                 std::nullopt, false, item_for_people});
  add_reads(out, "complaint", "complaint", "complaints", "/v1/complaints", list_options::open);
}

void add_callbacks_and_work(std::vector<command>& out) {
  out.push_back({{"callback", "attempt"}, "record a callback attempt (E9): no answer is an attempt, not a callback",
                 {{"ID", "callback number", arg_kind::whole},
                  {"--outcome", "reached or no_answer", arg_kind::text, true},
                  {"--satisfaction", "the customer's score, 1 to 5", arg_kind::whole},
                  {"--dissatisfied", "the customer is not satisfied: escalates a complaint (E8)", arg_kind::flag},
                  {"--note", "what was said"}, idempotency_key},
                 attempt_callback, std::nullopt, false, item_for_people});
  add_reads(out, "callback", "callback", "callbacks", "/v1/callbacks", list_options::open);
  out.push_back({{"analysis", "close"}, "close an analysis of a breached repair step with its finding",
                 {{"ID", "analysis number", arg_kind::whole},
                  {"--department", "the department closing it (production)", arg_kind::text, true},
                  {"--finding", "what was found, and what is done about it", arg_kind::text, true},
                  idempotency_key},
                 [](const arguments& a) {
                   return department_step(a, "analyses", "close", {{"finding", a.at("--finding")}});
                 },
                 std::nullopt, false, item_for_people});
  add_reads(out, "analysis", "analysis", "analyses", "/v1/analyses", list_options::open);
  out.push_back({{"work"}, "a department's open steps, most urgent first, with the time left; its open analyses",
                 {{"DEPARTMENT", "planning, dispatch, production, marketing or customer_service"}},
                 [](const arguments& a) -> built { return get(fmt::format("/v1/work/{}", enc(a, "DEPARTMENT"))); },
                 std::nullopt, false, work_for_people});
  out.push_back({{"breaches"}, "missed time limits, oldest first",
                 {{"--department", "only those counted against this department"},
                  {"--month", "only those of this month (local time)", arg_kind::month}},
                 [](const arguments& a) -> built {
                   return get(with_query("/v1/breaches", a, {{"department", "--department"}, {"month", "--month"}}));
                 },
                 std::nullopt, false, breaches_for_people});
  out.push_back({{"sla-figures"}, "breaches per department and month, and callback rates and satisfaction",
                 {{"--month", "only this month", arg_kind::month}},
                 [](const arguments& a) -> built { return get(with_query("/v1/sla/figures", a, {{"month", "--month"}})); },
                 std::nullopt, false, without_times(figures_for_people)});
}

}  // namespace

std::vector<command> sla_commands() {
  std::vector<command> out;
  add_outages(out);
  add_planned_and_complaints(out);
  add_callbacks_and_work(out);
  return out;
}

}  // namespace gridcoord::gridctl
