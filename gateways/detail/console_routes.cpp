// GET /, GET /console, GET /console/{path...}: the web console; GET /v1/me: who
// the caller is, for the console's first screen.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/json/object.hpp>
#include <fmt/format.h>

#include "domain/auth.hpp"
#include "gateways/console_assets.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/route_support.hpp"

namespace gridcoord::gateways::detail {

namespace json = boost::json;

namespace {

// Scripts, styles, images and requests from this origin only; no inline code,
// no frames, no plugins. The console needs nothing else.
constexpr std::string_view content_security_policy =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";
constexpr std::string_view index_path = "index.html";

struct found_file {
  std::string content_type;
  std::string body;
  std::string etag;
};

access_rule public_access() {
  return [](const request_context&) { return domain::operation{domain::operation_kind::read_public, {}, {}}; };
}

// A relative path that stays inside the console: no empty, "." or ".."
// segment, no backslash or NUL. The path may end with "/" (a folder: index).
bool safe_relative(std::string_view path) {
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) return false;
  while (!path.empty()) {
    auto slash = path.find('/');
    auto segment = path.substr(0, slash);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return true;
}

// The Content-Type of a file read from a development folder, by extension.
std::string_view content_type_by_extension(std::string_view path) {
  for (const auto& a : console_assets())
    if (a.path.substr(a.path.rfind('.') + 1) == path.substr(path.rfind('.') + 1)) return a.content_type;
  return "application/octet-stream";
}

std::optional<found_file> embedded(std::string_view path) {
  for (const auto& a : console_assets())
    if (a.path == path) return found_file{std::string(a.content_type), std::string(a.body), std::string(a.etag)};
  return std::nullopt;
}

// `path` under the development folder `dir`; the embedded vendor files stay
// embedded (the folder holds only the console's own files).
std::optional<found_file> from_disk(const std::string& dir, std::string_view path) {
  if (path.starts_with("vendor/")) return embedded(path);
  std::ifstream in(std::filesystem::path(dir) / std::string(path), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto body = std::move(bytes).str();
  auto etag = fmt::format("\"dev-{:x}-{}\"", std::hash<std::string>{}(body), body.size());
  return found_file{std::string(content_type_by_extension(path)), std::move(body), std::move(etag)};
}

http_response asset_response(const request_context& ctx, found_file file) {
  http_response res;
  res.headers = {{"Content-Type", file.content_type},
                 {"ETag", file.etag},
                 {"Cache-Control", "no-cache"},
                 {"Content-Security-Policy", std::string(content_security_policy)},
                 {"X-Content-Type-Options", "nosniff"},
                 {"Referrer-Policy", "no-referrer"}};
  if (auto match = ctx.header("If-None-Match"); match && *match == file.etag) {
    res.status = 304;
    return res;
  }
  res.body = std::move(file.body);
  return res;
}

http_response redirect(std::string location) {
  http_response res;
  res.status = 302;
  res.headers = {{"Location", std::move(location)}, {"Content-Type", "text/plain; charset=utf-8"}};
  res.body = "the console is at /console/\n";
  return res;
}

// A path whose last segment has an extension names a file: missing, it is a
// 404 (a broken module must not get the index page). Any other path is a
// place in the console, which the index page's router shows.
bool names_a_file(std::string_view path) {
  auto last = path.substr(path.rfind('/') + 1);
  return last.find('.') != std::string_view::npos;
}

route_handler get_console(std::string dir) {
  return [dir = std::move(dir)](const request_context& ctx, respond done) {
    std::string path(ctx.param("path"));
    if (!safe_relative(path.ends_with('/') ? std::string_view(path).substr(0, path.size() - 1) : path))
      return done(error_response(domain::errc::not_found, "no such file in the console"));
    if (path.empty() || path.ends_with('/') || !names_a_file(path)) path = std::string(index_path);
    auto file = dir.empty() ? embedded(path) : from_disk(dir, path);
    if (!file) return done(error_response(domain::errc::not_found, fmt::format("no file /console/{} in the console", path)));
    done(asset_response(ctx, std::move(*file)));
  };
}

route_handler get_me(std::string time_zone) {
  return [time_zone = std::move(time_zone)](const request_context& ctx, respond done) {
    const auto& caller = *ctx.caller;
    json::object me{{"token_id", caller.token_id},
                    {"role", domain::to_string(caller.granted)},
                    {"description", caller.description},
                    {"time_zone", time_zone}};
    if (auto dept = domain::home_department(caller.granted)) me["department"] = domain::to_string(*dept);
    done(json_response(200, me));
  };
}

}  // namespace

void add_console_routes(router& r, const config::server_settings& settings) {
  auto any_caller = [](const request_context&) {
    return domain::operation{domain::operation_kind::read_catalogue, {}, {}};
  };
  r.add(http_verb::get, "/v1/me", any_caller, get_me(settings.time_zone));
  r.add(http_verb::get, "/", public_access(),
        [](const request_context&, respond done) { done(redirect("/console/")); });
  r.add(http_verb::get, "/console", public_access(),
        [](const request_context&, respond done) { done(redirect("/console/")); });
  r.add(http_verb::get, "/console/{path...}", public_access(), get_console(settings.console_dir));
}

}  // namespace gridcoord::gateways::detail
