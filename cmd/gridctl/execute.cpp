#include "cmd/gridctl/execute.hpp"

#include <functional>
#include <thread>
#include <variant>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "cmd/gridctl/error_report.hpp"
#include "cmd/gridctl/local_times.hpp"
#include "cmd/gridctl/render_json.hpp"
#include "cmd/gridctl/render_table.hpp"
#include "cmd/gridctl/stream.hpp"
#include "domain/json.hpp"
#include "domain/local_time.hpp"

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

struct answer {
  client::http_response response;
  json::value body;  // null when the body is empty or not JSON
  bool is_json = false;
};

using call_result = std::variant<answer, exit_code>;

exit_code complain(console& io, std::string_view message, exit_code code) {
  io.err << "gridctl: " << message << "\n";
  return code;
}

// The Retry-After of a 429 worth waiting for, else nullopt.
std::optional<std::chrono::seconds> retry_delay(const client::http_response& res) {
  if (res.status != 429) return std::nullopt;
  auto header = res.header("Retry-After");
  if (!header || header->empty() || header->size() > 6 ||
      header->find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  std::chrono::seconds delay{std::stoi(*header)};
  if (delay > max_retry_after) return std::nullopt;
  return delay;
}

void pause(console& io, std::chrono::milliseconds d) {
  if (io.sleep) return io.sleep(d);
  std::this_thread::sleep_for(d);
}

call_result call(call_context& ctx, client::http_request req, console& io) {
  if (!ctx.token.empty()) req.headers.emplace_back("Authorization", "Bearer " + ctx.token);
  req.headers.emplace_back("Accept-Language", ctx.language);
  auto sent = ctx.http.send(req);
  for (int retry = 1; sent && retry <= max_rate_retries; ++retry) {
    auto delay = retry_delay(*sent);
    if (!delay) break;
    io.err << fmt::format("gridctl: rate limited by the server; retrying in {} s\n", delay->count());
    pause(io, *delay);
    sent = ctx.http.send(req);
  }
  if (!sent) return complain(io, sent.error().message, exit_code::server);
  answer a{std::move(*sent), nullptr, false};
  std::error_code ec;
  if (!a.response.body.empty()) a.body = json::parse(a.response.body, ec);
  a.is_json = !a.response.body.empty() && !ec;
  if (!a.is_json) a.body = nullptr;
  return a;
}

// The zone GET /v1/me names, or UTC with a warning.
std::string ask_zone(call_context& ctx, console& io) {
  auto result = call(ctx, client::http_request{"GET", "/v1/me", "", {}}, io);
  std::string why = "GET /v1/me did not answer";
  if (const auto* a = std::get_if<answer>(&result)) {
    const auto* o = a->body.if_object();
    const auto* zone = o && a->response.status == 200 ? o->if_contains("time_zone") : nullptr;
    if (zone && zone->is_string() && domain::is_known_zone(zone->get_string())) return std::string(zone->get_string());
    why = a->response.status == 200 ? std::string("GET /v1/me names no time zone this machine knows")
                                    : fmt::format("GET /v1/me answered {}", a->response.status);
  }
  io.err << fmt::format("gridctl: warning: times are shown in UTC: {}; --zone or $GRIDCOORD_ZONE sets the zone\n",
                        why);
  return "UTC";
}

// An answer as --table shows it: through the command's view (if any), its
// times in the zone; the zone is asked for only when the answer holds a time.
std::string for_people(const table_view_fn& view, const json::value& body, call_context& ctx, console& io) {
  view_context vc;
  if (holds_times(body)) vc.zone = zone_for_people(ctx, io);
  return render_for_people(localize_times(view ? view(body, vc) : body, vc));
}

void show(const table_view_fn& view, const json::value& body, call_context& ctx, console& io) {
  if (ctx.table) {
    io.out << for_people(view, body, ctx, io);
  } else {
    write_pretty(io.out, body);
    io.out << "\n";
  }
}

// A non-2xx answer, or a 2xx one that is not JSON.
exit_code show_failure(const answer& a, call_context& ctx, console& io) {
  auto code = exit_code_for_status(a.response.status);
  if (code == exit_code::ok) {
    io.out << a.response.body;
    io.err << fmt::format("gridctl: the server answered {} with something that is not JSON\n", a.response.status);
    return exit_code::server;
  }
  if (a.is_json && !is_error_envelope(a.body)) show({}, a.body, ctx, io);
  io.err << describe_failure(a.response.status, a.response.reason, a.body);
  if (a.response.status == 401 && ctx.token.empty())
    io.err << "gridctl: no token is configured: use --token, $GRIDCOORD_TOKEN or `token` in the config file\n";
  return code;
}

exit_code once(const command& cmd, const arguments& args, call_context& ctx, console& io) {
  auto req = cmd.build(args);
  if (!req) return complain(io, req.error(), exit_code::usage);
  auto result = call(ctx, std::move(*req), io);
  if (auto* code = std::get_if<exit_code>(&result)) return *code;
  const auto& a = std::get<answer>(result);
  bool ok = exit_code_for_status(a.response.status) == exit_code::ok;
  if (ok && a.response.body.empty()) return exit_code::ok;  // 204 No Content, say
  if (auto type = a.response.header("Content-Type"); ok && !a.is_json && type && type->starts_with("text/")) {
    io.out << a.response.body;  // a document the server says is text (the CSV or HTML of a publication)
    return exit_code::ok;
  }
  if (!ok || !a.is_json) return show_failure(a, ctx, io);
  show(cmd.table_view, a.body, ctx, io);
  return exit_code::ok;
}

// The items of every page, streamed as JSON or gathered into one table.
struct page_writer {
  const paging& spec;
  call_context& ctx;
  console& io;
  std::ostream& out;
  const table_view_fn& view;  // the command's table_view; may be empty
  json::array gathered;
  std::uint64_t count = 0;

  void add(const json::value& item) {
    if (ctx.table) {
      gathered.push_back(item);
    } else {
      out << (count == 0 ? fmt::format("{{\n  {}: [\n    ", domain::to_text(json::string(spec.list_field))) : ",\n    ");
      write_pretty(out, item, 2);
    }
    ++count;
  }
  void finish(const json::value& cursor) {
    if (ctx.table) {
      json::object whole{{spec.cursor_field, cursor}};
      whole[spec.list_field] = std::move(gathered);
      out << for_people(view, whole, ctx, io);
      return;
    }
    if (count == 0) out << fmt::format("{{\n  {}: []", domain::to_text(json::string(spec.list_field)));
    else out << "\n  ]";
    out << fmt::format(",\n  {}: {}\n}}\n", domain::to_text(json::string(spec.cursor_field)), domain::to_text(cursor));
  }
};

struct page {
  json::array items;
  json::value cursor;
  bool end = false;  // the answer's end_field, when the paging has one
};

// One page of a paged list, or the exit code of its failure (already reported).
std::variant<page, exit_code> fetch_page(const command& cmd, const arguments& args, call_context& ctx,
                                         console& io) {
  const auto& spec = *cmd.pages;
  auto req = cmd.build(args);
  if (!req) return complain(io, req.error(), exit_code::usage);
  auto result = call(ctx, std::move(*req), io);
  if (auto* code = std::get_if<exit_code>(&result)) return *code;
  auto& a = std::get<answer>(result);
  if (exit_code_for_status(a.response.status) != exit_code::ok || !a.is_json) return show_failure(a, ctx, io);
  auto* body = a.body.if_object();
  auto* items = body ? body->if_contains(spec.list_field) : nullptr;
  auto* next = body ? body->if_contains(spec.cursor_field) : nullptr;
  if (!items || !items->is_array() || !next)
    return complain(io, fmt::format("the answer has no {} or no {}", spec.list_field, spec.cursor_field),
                    exit_code::server);
  const auto* end = spec.end_field.empty() ? nullptr : body->if_contains(spec.end_field);
  bool last = end && end->is_bool() && end->get_bool();
  return page{std::move(items->get_array()), std::move(*next), last};
}

exit_code all_pages(const command& cmd, arguments args, call_context& ctx, console& io) {
  const auto& spec = *cmd.pages;
  std::uint64_t size = args.has(spec.size_arg) ? std::stoull(args.at(spec.size_arg)) : spec.page_size;
  args.values[spec.size_arg] = std::to_string(size);
  args.values.try_emplace(spec.cursor_arg, "0");  // from the start unless given
  page_writer writer{spec, ctx, io, io.out, cmd.table_view, {}};
  json::value cursor = std::stoull(args.at(spec.cursor_arg));
  for (int n = 1;; ++n) {
    auto fetched = fetch_page(cmd, args, ctx, io);
    if (auto* code = std::get_if<exit_code>(&fetched)) return *code;
    auto& p = std::get<page>(fetched);
    for (const auto& item : p.items) writer.add(item);
    if (!p.items.empty() && domain::value_text(p.cursor) == args.at(spec.cursor_arg))
      return complain(io, fmt::format("the server's {} does not advance", spec.cursor_field), exit_code::server);
    cursor = std::move(p.cursor);
    args.values[spec.cursor_arg] = domain::value_text(cursor);
    if (spec.end_field.empty() ? p.items.size() < size : p.end) break;
    if (n % progress_every_pages == 0)
      io.err << fmt::format("gridctl: {} {} so far ({} {})\n", writer.count, spec.list_field, spec.cursor_field,
                            domain::value_text(cursor));
  }
  writer.finish(cursor);
  return exit_code::ok;
}

}  // namespace

const std::string& zone_for_people(call_context& ctx, console& io) {
  if (!ctx.zone.empty()) return ctx.zone;
  if (!ctx.server_zone) ctx.server_zone = ask_zone(ctx, io);
  return *ctx.server_zone;
}

exit_code execute(const command& cmd, const arguments& args, call_context& ctx, console& io) {
  if (cmd.streams) return run_stream(cmd, args, ctx, io);
  if (cmd.pages && args.has("--all")) return all_pages(cmd, args, ctx, io);
  return once(cmd, args, ctx, io);
}

}  // namespace gridcoord::gridctl
