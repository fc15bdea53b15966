#include "cmd/gridctl/app.hpp"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <list>
#include <map>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cmd/gridctl/commands.hpp"
#include "cmd/gridctl/execute.hpp"
#include "cmd/gridctl/exit_codes.hpp"

#ifndef GRIDCTL_VERSION
#define GRIDCTL_VERSION "0.0.0"
#endif

namespace gridcoord::gridctl {

namespace {

constexpr std::string_view description =
    "gridctl: the administrators' command-line client of a gridcoord server.\n"
    "Talks http, or https with the server's certificate checked (--ca-file to trust a private CA).";

constexpr std::string_view connection_help =
    "Connection (the first that is given wins):\n"
    "  server URL   --url, $GRIDCOORD_URL, `url` in the config file, else http://127.0.0.1:8080\n"
    "  token        --token, $GRIDCOORD_TOKEN, `token` in the config file, else none\n"
    "  CA file      --ca-file, $GRIDCOORD_CA_FILE, `ca_file` in the config file, else the system's CAs\n"
    "  time zone    --zone, $GRIDCOORD_ZONE, `zone` in the config file, else the server's (--table times)\n"
    "  language     --lang, $GRIDCOORD_LANG, `lang` in the config file, else the locale ($LC_ALL, $LC_MESSAGES,\n"
    "               $LANG: zh_CN.UTF-8 -> zh-CN), else en: the language of the server's error messages\n"
    "  config file  --config, $GRIDCTL_CONFIG, else ~/.config/gridctl/config.toml (TOML:\n"
    "               url = \"https://…\"  token = \"gct_…\"  ca_file = \"/…/ca.pem\"  zone = \"Asia/Shanghai\"\n"
    "               lang = \"zh-CN\")\n"
    "Output: the server's JSON, indented; --table for aligned columns, times in the zone with its\n"
    "offset (2026-12-08 00:00 (+08:00)). Errors go to stderr.\n\n";

// One command of the table as CLI11 sees it: its subcommand, and where the
// values of its arguments land.
struct binding {
  const command* cmd = nullptr;
  CLI::App* app = nullptr;
  std::map<std::string, CLI::Option*> options;
  std::map<std::string, std::string> values;
  std::map<std::string, std::vector<std::string>> lists;
};

int usage_error(console& io, std::string_view message) {
  io.err << "gridctl: " << message << "\n";
  return to_int(exit_code::usage);
}

std::string_view type_name(arg_kind kind) {
  switch (kind) {
    case arg_kind::whole: return "N";
    case arg_kind::month: return "YYYY-MM";
    case arg_kind::file: return "FILE";
    case arg_kind::seconds: return "SECONDS";
    case arg_kind::time: return "TIME";
    default: return "TEXT";
  }
}

CLI::Validator validator_for(arg_kind kind) {
  return CLI::Validator([kind](std::string& v) { return check_value(kind, v).value_or(""); }, "");
}

void add_argument(binding& b, const argument& a) {
  CLI::Option* opt = nullptr;
  if (a.kind == arg_kind::flag) {
    opt = b.app->add_flag(a.name, a.help);
  } else if (a.kind == arg_kind::list) {
    // A positional list takes every value left; an option takes one value each time it is given.
    opt = b.app->add_option(a.name, b.lists[a.name], a.help);
    opt->type_name("TEXT")->check(validator_for(arg_kind::text));
    if (!a.positional()) opt->allow_extra_args(false);
    if (a.required || (a.positional() && !a.optional)) opt->required();
  } else {
    opt = b.app->add_option(a.name, b.values[a.name], a.help);
    opt->type_name(std::string(type_name(a.kind)))->check(validator_for(a.kind));
    if (a.required || (a.positional() && !a.optional)) opt->required();
  }
  b.options[a.name] = opt;
}

// The subcommand for `words` minus the last word, made on first use.
CLI::App* parent_of(CLI::App& app, const std::vector<std::string>& words, std::map<std::string, CLI::App*>& groups) {
  CLI::App* parent = &app;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    auto& group = groups[words[i]];
    if (!group) {
      std::string summary;
      for (const auto& g : command_groups())
        if (g.word == words[i]) summary = g.summary;
      group = parent->add_subcommand(words[i], summary);
      group->require_subcommand(1);
    }
    parent = group;
  }
  return parent;
}

void add_commands(CLI::App& app, std::list<binding>& bindings) {
  std::map<std::string, CLI::App*> groups;
  for (const auto& cmd : commands()) {
    auto& b = bindings.emplace_back();
    b.cmd = &cmd;
    b.app = parent_of(app, cmd.words, groups)->add_subcommand(cmd.words.back(), cmd.summary);
    for (const auto& a : cmd.args) add_argument(b, a);
    for (const auto& a : cmd.args)
      if (!a.excludes.empty()) b.options.at(a.name)->excludes(b.options.at(a.excludes));
    if (cmd.pages)
      add_argument(b, {"--all", fmt::format("follow {} to the end; progress on stderr", cmd.pages->cursor_field),
                       arg_kind::flag});
  }
}

void add_globals(CLI::App& app, invocation& g) {
  app.add_option("--url", g.conn.url, "server URL, http://HOST:PORT or https://HOST:PORT");
  app.add_option("--token", g.conn.token, "API token (prefer $GRIDCOORD_TOKEN or the config file)");
  app.add_option("--config", g.conn.config, "config file (TOML)");
  app.add_option("--ca-file", g.conn.ca_file, "https: PEM CA certificates to trust instead of the system's");
  app.add_flag("--table", g.table, "show lists as aligned columns, single answers as key/value lines");
  app.add_option("--zone", g.conn.zone, "--table times in this IANA zone, e.g. Asia/Shanghai (default: the server's)");
  app.add_option("--lang", g.conn.lang, "the server's error messages in zh-CN or en (default: the locale's)");
  app.add_option("--timeout", g.timeout_s, "seconds to wait for each answer (default 30)")
      ->check(CLI::PositiveNumber);
}

arguments collect(const binding& b, console& io) {
  arguments out;
  for (const auto& a : b.cmd->args) {
    const auto* opt = b.options.at(a.name);
    if (opt->count() == 0) continue;
    if (a.kind == arg_kind::list) {
      const auto& items = b.lists.at(a.name);
      std::string joined;
      for (const auto& i : items) joined += (joined.empty() ? "" : ", ") + i;
      out.values[a.name] = std::move(joined);
      out.lists[a.name] = items;
    } else {
      out.values[a.name] = a.kind == arg_kind::flag ? "true" : b.values.at(a.name);
    }
  }
  if (b.cmd->pages && b.options.at("--all")->count() > 0) out.values["--all"] = "true";
  out.read_file = [&io](const std::string& path) -> expected<std::string, std::string> {
    std::ostringstream text;
    if (path == "-") {
      text << io.in.rdbuf();
      return text.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return unexpected{fmt::format("cannot read {}: {}", path, std::strerror(errno))};
    text << in.rdbuf();
    return text.str();
  };
  return out;
}

}  // namespace

std::variant<invocation, int> parse_command_line(const std::vector<std::string>& argv, console& io) {
  CLI::App app{std::string(description), "gridctl"};
  app.set_version_flag("--version", "gridctl " GRIDCTL_VERSION);
  app.footer(std::string(connection_help) + std::string(exit_code_help()) + "\nSee docs/gridctl.md.");
  app.require_subcommand(1);
  app.fallthrough();
  invocation out;
  add_globals(app, out);
  std::list<binding> bindings;
  add_commands(app, bindings);
  std::vector<const char*> args;
  for (const auto& a : argv) args.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::ParseError& e) {
    return app.exit(e, io.out, io.err) == 0 ? 0 : to_int(exit_code::usage);
  }
  for (const auto& b : bindings) {
    if (!b.app->parsed()) continue;
    out.cmd = b.cmd;
    out.args = collect(b, io);
    return out;
  }
  return to_int(exit_code::usage);  // unreachable: a subcommand is required
}

namespace {

int run_command(const invocation& inv, console& io) {
  auto conn = resolve_connection(inv.conn, io.env);
  if (!conn) return usage_error(io, conn.error());
  for (const auto& w : conn->warnings) io.err << "gridctl: warning: " << w << "\n";
  auto where = client::parse_url(conn->url);
  if (!where) return usage_error(io, fmt::format("{} (the URL came from {})", where.error(), conn->url_origin));
  auto timeout = std::chrono::milliseconds(std::max<long long>(1, std::llround(inv.timeout_s * 1000)));
  client::http_client http(*where, {timeout, "gridctl/" GRIDCTL_VERSION, conn->ca_file});
  call_context ctx{http, conn->token, inv.table, conn->zone, std::nullopt, conn->language};
  return to_int(execute(*inv.cmd, inv.args, ctx, io));
}

}  // namespace

int run(const std::vector<std::string>& argv, console& io) {
  try {
    auto parsed = parse_command_line(argv, io);
    if (auto* code = std::get_if<int>(&parsed)) return *code;
    return run_command(std::get<invocation>(parsed), io);
  } catch (const std::exception& e) {
    io.err << "gridctl: unexpected failure: " << e.what() << "\n";
    return to_int(exit_code::internal);
  }
}

}  // namespace gridcoord::gridctl
