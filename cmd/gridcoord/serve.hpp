#pragma once
// cmd/gridcoord/serve.hpp — `gridcoord serve`: the server until SIGINT/SIGTERM.
#include <string>

#include "actors/client.hpp"
#include "config/settings.hpp"

namespace gridcoord::cmd {

struct serve_options {
  config::settings settings;
  bool demo = false;
};

// Runs the server; returns the process exit code.
int serve(const serve_options& options);

// On a first start (no active token) or in demo mode, issues an admin token and
// returns its text (to be shown once); otherwise returns "".
[[nodiscard]] domain::expected<std::string> bootstrap_token(actors::client& api, bool first_start,
                                                           bool demo);

}  // namespace gridcoord::cmd
