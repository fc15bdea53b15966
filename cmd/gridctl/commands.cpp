#include "cmd/gridctl/commands.hpp"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include <boost/json/object.hpp>
#include <fmt/format.h>

#include "cmd/gridctl/catalogue_view.hpp"
#include "cmd/gridctl/cycle_view.hpp"
#include "cmd/gridctl/health_view.hpp"
#include "cmd/gridctl/report_view.hpp"
#include "cmd/gridctl/request_support.hpp"
#include "cmd/gridctl/sla_commands.hpp"
#include "domain/json.hpp"

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

built submit_report(const arguments& a) {
  if (!a.has("--file") && !a.has("--csv"))
    return unexpected{std::string("give the rows with --file (JSON) or --csv (CSV)")};
  if (a.has("--charset") && !a.has("--csv")) return unexpected{std::string("--charset goes with --csv")};
  auto req = a.has("--csv") ? csv_file_body(a, "PUT") : json_file_body(a, "--file", "rows", "PUT");
  if (!req) return req;
  req->target = fmt::format("/v1/reports/{}/{}/{}", enc(a, "DEPT"), enc(a, "KIND"), enc(a, "MONTH"));
  add_idempotency_key(a, *req);
  return req;
}

// FILE as JSON {"equipment":[…]}, or with --csv as a CSV file; sent as written.
built import_equipment(const arguments& a) {
  if (a.has("--charset") && !a.has("--csv")) return unexpected{std::string("--charset goes with --csv")};
  auto req = a.has("--csv") ? csv_file_body(a, "POST", "FILE") : json_file_body(a, "FILE", "equipment", "POST");
  if (!req) return req;
  req->target = "/v1/equipment/imports";
  add_idempotency_key(a, *req);
  return req;
}

built run_batch(const arguments& a) {
  auto req = json_file_body(a, "--file", "operations", "POST");
  if (!req) return req;
  req->target = "/v1/batch";
  add_idempotency_key(a, *req);
  return req;
}

built get_report(const arguments& a) {
  auto target = fmt::format("/v1/reports/{}/{}/{}", enc(a, "DEPT"), enc(a, "KIND"), enc(a, "MONTH"));
  return get(with_query(std::move(target), a, {{"version", "--version"}}));
}

built acknowledge(const arguments& a) {
  client::http_request req{"POST", fmt::format("/v1/departments/{}/inbox/{}/ack", enc(a, "DEPT"), enc(a, "ITEM")),
                           {}, {}};
  if (a.has("--by")) req.body = domain::to_text(json::object{{"by", a.at("--by")}});
  return req;
}

built create_token(const arguments& a) {
  json::object body{{"role", a.at("--role")}};
  if (a.has("--description")) body["description"] = a.at("--description");
  if (a.has("--expires-at")) body["expires_at"] = a.at("--expires-at");
  return client::http_request{"POST", "/v1/tokens", domain::to_text(body), {}};
}

// A positive number (kVA, a demand factor) given as text; `what` names it.
expected<double, std::string> positive_number(const arguments& a, std::string_view name, std::string_view what) {
  const auto& text = a.at(name);
  char* end = nullptr;
  double d = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !(d > 0))
    return unexpected{fmt::format("{} must be a number above 0, not \"{}\"", what, text)};
  return d;
}

// POST /v1/prechecks {"point","load_kva","month","demand_factor"?}.
built precheck(const arguments& a) {
  auto kva = positive_number(a, "KVA", "KVA");
  if (!kva) return unexpected{kva.error()};
  json::object body{{"point", a.at("POINT")}, {"load_kva", *kva}, {"month", a.at("--month")}};
  if (a.has("--demand-factor")) {
    auto f = positive_number(a, "--demand-factor", "--demand-factor");
    if (!f) return unexpected{f.error()};
    body["demand_factor"] = *f;
  }
  return client::http_request{"POST", "/v1/prechecks", domain::to_text(body), {}};
}

// POST /v1/applications {"id","customer","point","requested_kva","month","demand_factor"?}.
built submit_application(const arguments& a) {
  auto kva = positive_number(a, "--kva", "--kva");
  if (!kva) return unexpected{kva.error()};
  json::object body{{"id", a.at("ID")}, {"customer", a.at("--customer")}, {"point", a.at("--point")},
                    {"requested_kva", *kva}, {"month", a.at("--month")}};
  if (a.has("--demand-factor")) {
    auto f = positive_number(a, "--demand-factor", "--demand-factor");
    if (!f) return unexpected{f.error()};
    body["demand_factor"] = *f;
  }
  return client::http_request{"POST", "/v1/applications", domain::to_text(body), {}};
}

built application_step(const arguments& a, std::string_view step, json::object body) {
  return client::http_request{"POST", fmt::format("/v1/applications/{}/{}", enc(a, "ID"), step),
                              domain::to_text(body), {}};
}

std::vector<command> build_table() {
  const argument dept{"DEPT", "department: planning, dispatch, production, marketing, customer_service"};
  const argument kind{"KIND", "report kind, e.g. large_customer_demand"};
  const argument month{"MONTH", "report month, YYYY-MM", arg_kind::month};
  argument csv_file{"--csv", "CSV file (UTF-8 or GB18030, a header naming the fields or their Chinese labels; "
                             "not with --file), sent as written; - reads standard input", arg_kind::file};
  csv_file.excludes = "--file";
  const argument charset = csv_charset_argument();
  std::vector<command> table{
      {{"health"}, "is the server up, how far is its log, which years its calendar has holidays for", {},
       [](const arguments&) -> built { return get("/v1/health"); }, std::nullopt, false,
       without_times(health_for_people)},
      {{"report", "submit"}, "submit a new version of a monthly report",
       {dept, kind, month, {"--file", "JSON file holding {\"rows\":[…]}; - reads standard input", arg_kind::file},
        csv_file, charset, {"--idempotency-key", "key that makes a retry apply once (1 to 200 characters)"}},
       submit_report},
      {{"report", "get"}, "read a report (the latest version unless --version)",
       {dept, kind, month, {"--version", "version number, from 1", arg_kind::whole}}, get_report, std::nullopt, false,
       without_times(report_for_people)},
      {{"report", "kinds"}, "the report kinds: who sends each to whom, its fields and rules",
       {{"KIND", "one report kind, e.g. load_statistics; all kinds when left out", arg_kind::text, false, true}},
       [](const arguments& a) -> built {
         return get(a.has("KIND") ? fmt::format("/v1/report-kinds/{}", enc(a, "KIND")) : "/v1/report-kinds");
       },
       std::nullopt, false, without_times(report_kinds_for_people)},
      {{"report", "diff"}, "what changed between two versions of a report (default: the last two)",
       {dept, kind, month, {"--from", "the older version (default: the one before --to)", arg_kind::whole},
        {"--to", "the newer version (default: the latest)", arg_kind::whole}},
       [](const arguments& a) -> built {
         auto target = fmt::format("/v1/reports/{}/{}/{}/diff", enc(a, "DEPT"), enc(a, "KIND"), enc(a, "MONTH"));
         return get(with_query(std::move(target), a, {{"from", "--from"}, {"to", "--to"}}));
       }},
      {{"cycle"}, "the month's reporting status: every department's reports, due dates, reminders, late notices",
       {month}, [](const arguments& a) -> built { return get(fmt::format("/v1/cycle/{}", enc(a, "MONTH"))); },
       std::nullopt, false, cycle_for_people},
      {{"inbox"}, "what other departments sent a department",
       {dept,
        {"--after", "items after this item number (default 0)", arg_kind::whole},
        {"--limit", "items per request, 1 to 1000 (server default 100; with --all 1000)", arg_kind::whole},
        {"--acknowledged", "true: only acknowledged items; false: only open ones"},
        {"--from", "only items sent by this department"},
        {"--kind", "only items of this report kind"}},
       [](const arguments& a) -> built {
         return get(with_query(fmt::format("/v1/departments/{}/inbox", enc(a, "DEPT")), a,
                               {{"after", "--after"}, {"limit", "--limit"}, {"acknowledged", "--acknowledged"},
                                {"from", "--from"}, {"kind", "--kind"}}));
       },
       paging{"items", "--after", "next_after", "--limit", 1000, "end"}},
      {{"ack"}, "acknowledge an inbox item",
       {dept, {"ITEM", "inbox item number", arg_kind::whole}, {"--by", "who acknowledges (default: the server decides)"}},
       acknowledge},
      {{"events"}, "the audit feed, in log order",
       {{"--after", "events after this sequence number (default 0)", arg_kind::whole},
        {"--limit", "events per request, 1 to 1000 (server default 100; with --all 1000)", arg_kind::whole}},
       [](const arguments& a) -> built {
         return get(with_query("/v1/events", a, {{"after", "--after"}, {"limit", "--limit"}}));
       },
       paging{"events", "--after", "next_after", "--limit", 1000}, false, event_log_for_people},
      {{"audit"}, "the audit trail: who wrote what, when, from where",
       {{"--after", "scan events after this sequence number (default 0)", arg_kind::whole},
        {"--limit", "matches per request, 1 to 1000 (server default 100; with --all 1000)", arg_kind::whole},
        {"--from", "events at or after this RFC 3339 time, e.g. 2026-11-01T00:00:00+08:00"},
        {"--to", "events before this RFC 3339 time"},
        {"--actor", "events written with this token id (tk_…)"},
        {"--entity", "a stream, or a stream prefix ending in / (report/marketing/), or tokens"}},
       [](const arguments& a) -> built {
         return get(with_query("/v1/audit", a,
                               {{"after", "--after"}, {"limit", "--limit"}, {"from", "--from"},
                                {"to", "--to"}, {"actor", "--actor"}, {"entity", "--entity"}}));
       },
       paging{"events", "--after", "next_after", "--limit", 1000, "end"}, false, event_log_for_people},
      {{"stream"}, "new events as they are logged, one JSON object a line; reconnects and resumes",
       {{"--after", "events after this sequence number (default 0: the whole log first)", arg_kind::whole},
        {"--limit", "exit after this many events", arg_kind::whole},
        {"--follow", "keep streaming until interrupted (the default)", arg_kind::flag},
        {"--until-idle", "exit once this many seconds pass without a new event", arg_kind::seconds}},
       [](const arguments& a) -> built { return get(with_query("/v1/stream", a, {{"after", "--after"}})); },
       std::nullopt, true},
      {{"batch"}, "several writes in one request, all applied or none",
       {{"--file", "JSON file holding {\"operations\":[{\"method\",\"path\",\"body\"},…]}; - reads standard input",
         arg_kind::file, true},
        {"--idempotency-key", "key that makes a retry apply once (1 to 200 characters)"}},
       run_batch},
      {{"equipment", "import"}, "import equipment into the registry (ids already there are replaced)",
       {{"FILE", "JSON file holding {\"equipment\":[…]} (or CSV with --csv); - reads standard input",
         arg_kind::file},
        {"--csv", "FILE is CSV (UTF-8 or GB18030, a header naming the fields), sent as written", arg_kind::flag},
        charset, {"--idempotency-key", "key that makes a retry apply once (1 to 200 characters)"}},
       import_equipment},
      {{"equipment", "list"}, "the equipment registry, by id",
       {{"--kind", "only substation, main_transformer, feeder or distribution_transformer"},
        {"--parent", "only equipment directly under this id"},
        {"--region", "only equipment in this region (exact text)"},
        {"--after", "equipment after this id"},
        {"--limit", "records per request, 1 to 1000 (server default 100; with --all 1000)", arg_kind::whole}},
       [](const arguments& a) -> built {
         return get(with_query("/v1/equipment", a,
                               {{"kind", "--kind"}, {"parent", "--parent"}, {"region", "--region"},
                                {"after", "--after"}, {"limit", "--limit"}}));
       },
       paging{"equipment", "--after", "next_after", "--limit", 1000, "end"}},
      {{"equipment", "get"}, "one record of the equipment registry", {{"ID", "equipment id, e.g. F12"}},
       [](const arguments& a) -> built { return get(fmt::format("/v1/equipment/{}", enc(a, "ID"))); }},
      {{"equipment", "history"}, "every version of one record, read from the log (version 1 first)",
       {{"ID", "equipment id, e.g. F12"}},
       [](const arguments& a) -> built { return get(fmt::format("/v1/equipment/{}/history", enc(a, "ID"))); }},
      {{"capacity"}, "how much load a connection point can still take in a month, and what limits it",
       {{"POINT", "equipment id of the connection point, e.g. F-101"},
        {"--month", "the month, YYYY-MM (this month to 23 months ahead)", arg_kind::month, true},
        {"--horizon", "every month of the horizon from --month", arg_kind::flag}},
       [](const arguments& a) -> built {
         auto target = fmt::format("/v1/capacity/{}?month={}", enc(a, "POINT"), enc(a, "--month"));
         if (a.has("--horizon")) target += "&horizon=true";
         return get(std::move(target));
       }},
      {{"precheck"}, "can KVA kVA connect at POINT in a month? (changes nothing)",
       {{"POINT", "equipment id of the connection point"},
        {"KVA", "the load, kVA"},
        {"--month", "the month it would connect, YYYY-MM", arg_kind::month, true},
        {"--demand-factor", "its demand factor, above 0 and at most 1 (default: the standard's)"}},
       precheck},
      {{"constrained"}, "connection points that are amber or red in a month, by id",
       {{"--month", "the month, YYYY-MM", arg_kind::month, true},
        {"--status", "the least status listed: amber (default) or red"},
        {"--kind", "only substation, main_transformer, feeder or distribution_transformer"},
        {"--region", "only this region (exact text)"},
        {"--after", "points after this id"},
        {"--limit", "points per request, 1 to 1000 (server default 100; with --all 1000)", arg_kind::whole}},
       [](const arguments& a) -> built {
         return get(with_query("/v1/capacity", a,
                               {{"month", "--month"}, {"status", "--status"}, {"kind", "--kind"},
                                {"region", "--region"}, {"after", "--after"}, {"limit", "--limit"}}));
       },
       paging{"items", "--after", "next_after", "--limit", 1000}},
      {{"heat-map"}, "per region: points green, amber and red in a month, and the least available capacity",
       {month}, [](const arguments& a) -> built { return get(fmt::format("/v1/heat-map/{}", enc(a, "MONTH"))); }},
      {{"application", "submit"}, "submit a new-connection application (marketing)",
       {{"ID", "the application number, e.g. NC-2026-0117"},
        {"--customer", "the customer", arg_kind::text, true},
        {"--point", "equipment id of the connection point", arg_kind::text, true},
        {"--kva", "the capacity applied for, kVA", arg_kind::text, true},
        {"--month", "from when, YYYY-MM", arg_kind::month, true},
        {"--demand-factor", "its demand factor, above 0 and at most 1 (default: the standard's)"}},
       submit_application},
      {{"application", "approve"}, "approve an application: reserves its capacity (a repeat changes nothing)",
       {{"ID", "the application number"}},
       [](const arguments& a) -> built { return application_step(a, "approve", {}); }},
      {{"application", "refuse"}, "refuse an application with a reason",
       {{"ID", "the application number"},
        {"--reason", "the reason, in words", arg_kind::text, true},
        {"--lack-of-capacity", "refused for lack of capacity: files an M5 finding", arg_kind::flag}},
       [](const arguments& a) -> built {
         return application_step(a, "refuse",
                                 {{"reason", a.at("--reason")}, {"lack_of_capacity", a.has("--lack-of-capacity")}});
       }},
      {{"application", "energize"}, "record the day an approved application was energized",
       {{"ID", "the application number"}, {"--on", "the date, YYYY-MM-DD", arg_kind::text, true}},
       [](const arguments& a) -> built { return application_step(a, "energize", {{"on", a.at("--on")}}); }},
      {{"application", "get"}, "one application", {{"ID", "the application number"}},
       [](const arguments& a) -> built { return get(fmt::format("/v1/applications/{}", enc(a, "ID"))); }},
      {{"application", "list"}, "applications by id",
       {{"--state", "only submitted, approved, refused or energized"},
        {"--after", "applications after this id"},
        {"--limit", "applications per request, 1 to 1000 (server default 100; with --all 1000)", arg_kind::whole}},
       [](const arguments& a) -> built {
         return get(with_query("/v1/applications", a, {{"state", "--state"}, {"after", "--after"}, {"limit", "--limit"}}));
       },
       paging{"items", "--after", "next_after", "--limit", 1000}},
      {{"publication", "issue"}, "publish the restricted list (M6) now",
       {{"--period", "the month it follows (default: last month)", arg_kind::month}},
       [](const arguments& a) -> built {
         json::object body;
         if (a.has("--period")) body["period"] = a.at("--period");
         return client::http_request{"POST", "/v1/publications", domain::to_text(body), {}};
       }},
      {{"publication", "get"}, "a publication of the restricted list (the latest unless NUMBER is given)",
       {{"NUMBER", "the publication number", arg_kind::whole, false, true},
        {"--format", "json (default), csv or html"},
        {"--lang", "the page's language with --format html: zh-CN or en (default: the server's setting)"}},
       [](const arguments& a) -> built {
         auto number = a.has("NUMBER") ? enc(a, "NUMBER") : std::string("latest");
         return get(with_query(fmt::format("/v1/publications/{}", number), a,
                               {{"format", "--format"}, {"lang", "--lang"}}));
       }},
      {{"token", "create"}, "issue an API token (shown once: keep it)",
       {{"--role", "admin, reader, planner, dispatcher, cs_agent or liaison:<department>", arg_kind::text, true},
        {"--description", "what the token is for, e.g. who holds it"},
        {"--expires-at", "refuse the token from this RFC 3339 time on (default: it never expires)", arg_kind::time}},
       create_token},
      {{"token", "list"}, "tokens issued, revoked and expired ones too unless --active true",
       {{"--after", "tokens after this id (tk_…)"},
        {"--limit", "tokens per request, 1 to 1000 (server default 100; with --all 1000)", arg_kind::whole},
        {"--active", "true: only active tokens; false: only revoked or expired ones"},
        {"--role", "only tokens with this role"}},
       [](const arguments& a) -> built {
         return get(with_query("/v1/tokens", a,
                               {{"after", "--after"}, {"limit", "--limit"}, {"active", "--active"}, {"role", "--role"}}));
       },
       paging{"tokens", "--after", "next_after", "--limit", 1000, "end"}},
      {{"token", "revoke"}, "revoke a token by its id (tk_…)", {{"ID", "token id, tk_…"}},
       [](const arguments& a) -> built {
         return client::http_request{"DELETE", fmt::format("/v1/tokens/{}", enc(a, "ID")), {}, {}};
       }},
  };
  for (auto* more : {&sla_commands, &customer_commands})
    for (auto& c : (*more)()) table.push_back(std::move(c));
  return table;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

const std::vector<command>& commands() {
  static const std::vector<command> table = build_table();
  return table;
}

const std::vector<command_group>& command_groups() {
  static const std::vector<command_group> groups{
      {"report", "monthly reports: submit, get, diff, and the kinds there are"},
      {"token", "API tokens (admin only): create, list, revoke"},
      {"equipment", "the equipment registry: import (JSON or CSV), list, get, history"},
      {"application", "new-connection applications (marketing): submit, approve, refuse, energize, get, list"},
      {"publication", "the published restricted list (M6): issue, get"},
      {"outage", "unplanned outages (E1, E2, E5): report, update, arrived, restored, notified, get, list"},
      {"planned", "planned outage and temporary maintenance notices (E4): notice, get, list"},
      {"complaint", "customers' complaints and requests (E6, E7): register, forward, ack, result, get, list"},
      {"callback", "callbacks to customers (E9): attempt, get, list"},
      {"analysis", "analyses of breached repair steps: close, get, list"},
      {"customers", "the registry of important and large customers: import (JSON or CSV), list"},
      {"customer", "one customer of the registry, with its notifications: get"},
  };
  return groups;
}

const command* find_command(std::string_view words) {
  const auto& all = commands();
  auto it = std::find_if(all.begin(), all.end(), [&](const command& c) { return joined(c.words) == words; });
  return it == all.end() ? nullptr : &*it;
}

std::optional<std::string> check_value(arg_kind kind, std::string_view value) {
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (kind == arg_kind::whole && (!digits(value) || value.size() > 19))
    return fmt::format("'{}' is not a whole number", value);
  if (kind == arg_kind::month) {
    bool shape = value.size() == 7 && value[4] == '-' && digits(value.substr(0, 4)) && digits(value.substr(5));
    int m = shape ? (value[5] - '0') * 10 + (value[6] - '0') : 0;
    if (m < 1 || m > 12) return fmt::format("'{}' is not a month (YYYY-MM)", value);
  }
  if (kind == arg_kind::text && value.empty()) return std::string("the value is empty");
  if (kind == arg_kind::time && !looks_like_rfc3339(value))
    return fmt::format("'{}' is not an RFC 3339 time with its offset (2026-12-01T09:30:00+08:00)", value);
  if (kind == arg_kind::seconds) {
    char* end = nullptr;
    std::string text(value);
    double s = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !(s > 0) || s > 1e6)
      return fmt::format("'{}' is not a number of seconds", value);
  }
  return std::nullopt;
}

}  // namespace gridcoord::gridctl
