#pragma once
// cmd/gridctl/app.hpp — gridctl as a function: the command line in, the exit
// code out, the answer on io.out, problems on io.err. main() calls it with the
// process's streams; tests call it with string streams.
//
// Builds the CLI11 parser from the command table (commands.hpp), resolves the
// connection (connection.hpp), then runs the command (execute.hpp).
// [Threading] Each call is independent; one call per console at a time.
// [Errors]    Answers an exit code of exit_codes.hpp; never throws. --help and
//             --version answer 0.
#include <string>
#include <variant>
#include <vector>

#include "cmd/gridctl/commands.hpp"
#include "cmd/gridctl/connection.hpp"
#include "cmd/gridctl/console.hpp"

namespace gridcoord::gridctl {

// A command line, understood: the command, its arguments and the global options.
struct invocation {
  const command* cmd = nullptr;
  arguments args;  // read_file reads through the console given to parse_command_line
  connection_flags conn;
  bool table = false;
  double timeout_s = 30;
};

// The invocation argv asks for, or the exit code when there is nothing to run
// (--help, --version: 0; a usage error: 2, already told on io.err).
std::variant<invocation, int> parse_command_line(const std::vector<std::string>& argv, console& io);

// argv[0] is the program name, as in main().
int run(const std::vector<std::string>& argv, console& io);

}  // namespace gridcoord::gridctl
