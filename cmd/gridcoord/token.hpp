#pragma once
// cmd/gridcoord/token.hpp — `gridcoord token create --role ROLE`: issues a
// token on the server's host, straight into the store (the server must be
// stopped: the store admits one process; while it runs, use POST /v1/tokens).
#include <string>

#include "config/settings.hpp"

namespace gridcoord::cmd {

// Prints the token once on stdout; returns the process exit code
// (0 issued, 1 the store cannot be opened, 2 an unknown role).
int create_token_on_host(const config::settings& settings, const std::string& role,
                         const std::string& description);

}  // namespace gridcoord::cmd
