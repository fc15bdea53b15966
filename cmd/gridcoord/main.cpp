// gridcoord — the coordination server of a power distribution company.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "cmd/gridcoord/demo.hpp"
#include "cmd/gridcoord/serve.hpp"
#include "cmd/gridcoord/simulate.hpp"
#include "cmd/gridcoord/token.hpp"
#include "config/settings.hpp"

using namespace gridcoord;

int main(int argc, char** argv) {
  CLI::App app{"gridcoord: planning, dispatch, production, marketing and customer service,\n"
               "coordinated through timed, durable reports and notices."};
  app.set_version_flag("--version", "gridcoord 0.1.0");
  app.require_subcommand(1);

  std::string config_file, listen, data_dir;
  bool demo = false;
  auto* serve = app.add_subcommand("serve", "run the server until SIGINT or SIGTERM");
  serve->add_option("--config", config_file, "settings file (TOML); see config/gridcoord.toml")
      ->check(CLI::ExistingFile);
  serve->add_option("--listen", listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  serve->add_option("--data-dir", data_dir, "directory of the embedded store (default ./var)");
  serve->add_flag("--demo", demo, "load demo data for the fictional city of Lanhai and print hints");
  std::string log_format, tls_cert, tls_key, console_dir;
  serve->add_option("--console-dir", console_dir,
                    "serve the web console from this folder (gateways/console) instead of the binary's copy: "
                    "for working on the console without rebuilding; overrides server.console_dir")
      ->check(CLI::ExistingDirectory);
  serve->add_option("--tls-cert", tls_cert, "PEM certificate file: serve HTTPS (with --tls-key); overrides tls.cert_file");
  serve->add_option("--tls-key", tls_key, "PEM private key file of --tls-cert; overrides tls.key_file");
  serve->add_option("--log-format", log_format, "json (one object a line) or text (for people); overrides log.format")
      ->check(CLI::IsMember({"json", "text"}));

  std::string role, description;
  auto* token = app.add_subcommand("token", "manage API tokens on the server's host")->require_subcommand(1);
  auto* token_create = token->add_subcommand("create", "issue a token (the server must be stopped)");
  token_create->add_option("--role", role, "admin, reader, planner, dispatcher, cs_agent or liaison:<department>")
      ->required();
  token_create->add_option("--description", description, "who or what the token is for");
  token_create->add_option("--config", config_file, "settings file (TOML)")->check(CLI::ExistingFile);
  token_create->add_option("--data-dir", data_dir, "directory of the embedded store (default ./var)");

  cmd::simulate_options sim;
  unsigned step_minutes = 1, tail_hours = 7 * 24;
  auto* simulate = app.add_subcommand("simulate", "replay a scenario of outages, complaints and callbacks on a "
                                                  "virtual clock and print the SLA results (docs/simulate.md)");
  simulate->add_option("SCENARIO", sim.scenario_file, "the scenario: one JSON object a line")
      ->required()
      ->check(CLI::ExistingFile);
  simulate->add_option("--time-limits", sim.time_limits_file, "the time-limits file (default config/time_limits.toml)");
  simulate->add_option("--profile", sim.profile, "the time-limit profile: document (default) or sgcc-2023");
  simulate->add_option("--step", step_minutes, "minutes of virtual time per tick (default 1)")
      ->check(CLI::Range(1u, 24u * 60u));
  simulate->add_option("--tail", tail_hours, "hours to run on after the last step (default 168)")
      ->check(CLI::Range(0u, 24u * 366u));

  CLI11_PARSE(app, argc, argv);

  if (simulate->parsed()) {
    sim.step = std::chrono::minutes{step_minutes};
    sim.tail = std::chrono::hours{tail_hours};
    return cmd::simulate(sim, std::cout, std::cerr);
  }

  cmd::serve_options options;
  if (!config_file.empty()) {
    auto loaded = config::load_settings(config_file);
    if (!loaded) {
      std::cerr << "gridcoord: " << loaded.error().message << "\n";
      return 2;
    }
    options.settings = std::move(*loaded);
  }
  if (!listen.empty() && !config::set_listen(options.settings, listen)) {
    std::cerr << "gridcoord: --listen wants HOST:PORT, got '" << listen << "'\n";
    return 2;
  }
  if (!data_dir.empty()) options.settings.storage.data_dir = data_dir;
  if (!log_format.empty()) options.settings.log.format = log_format;
  if (!console_dir.empty()) options.settings.server.console_dir = console_dir;
  if (auto tls = config::set_tls_files(options.settings, tls_cert, tls_key); !tls) {
    std::cerr << "gridcoord: " << tls.error().message << " (--tls-cert and --tls-key go together)\n";
    return 2;
  }
  options.demo = demo;
  if (demo) cmd::use_demo_publishers(options.settings);
  if (token_create->parsed()) return cmd::create_token_on_host(options.settings, role, description);
  return cmd::serve(options);
}
