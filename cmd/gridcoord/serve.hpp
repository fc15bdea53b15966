#pragma once
// cmd/gridcoord/serve.hpp — `gridcoord serve`: the server until SIGINT/SIGTERM.
#include <string>

#include "config/settings.hpp"

namespace gridcoord::cmd {

struct serve_options {
  config::settings settings;
  bool demo = false;
};

// Runs the server; returns the process exit code.
int serve(const serve_options& options);

}  // namespace gridcoord::cmd
