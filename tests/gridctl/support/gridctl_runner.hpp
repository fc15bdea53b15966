#pragma once
// tests/gridctl/support/gridctl_runner.hpp — gridctl's command layer run
// in-process: argv in; exit code, stdout and stderr out. The environment is a
// map (nothing leaks in from the test's own), standard input a string, and
// waits (a 429's Retry-After) are recorded instead of slept.
#include <chrono>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "cmd/gridctl/app.hpp"

namespace gridcoord::testing {

struct gridctl_result {
  int code = -1;
  std::string out;
  std::string err;
  boost::json::value json() const { return boost::json::parse(out); }
};

struct gridctl_runner {
  std::map<std::string, std::string> env;
  std::string input;
  std::vector<std::chrono::milliseconds> waits;

  gridctl_runner() = default;
  explicit gridctl_runner(std::map<std::string, std::string> e) : env(std::move(e)) {}

  gridctl::console console_for(std::istream& in, std::ostream& out, std::ostream& err) {
    return {in, out, err,
            [this](std::string_view name) -> std::optional<std::string> {
              auto it = env.find(std::string(name));
              if (it == env.end()) return std::nullopt;
              return it->second;
            },
            [this](std::chrono::milliseconds d) { waits.push_back(d); }};
  }

  gridctl_result operator()(std::vector<std::string> args) {
    args.insert(args.begin(), "gridctl");
    std::istringstream in(input);
    std::ostringstream out, err;
    auto io = console_for(in, out, err);
    gridctl_result r;
    r.code = gridctl::run(args, io);
    r.out = out.str();
    r.err = err.str();
    return r;
  }
};

// The lines of `text`, without their '\n'.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace gridcoord::testing
