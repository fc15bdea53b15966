// gridctl — the administrators' command-line client of a gridcoord server.
// Everything but the process's streams and environment is in app.cpp.
#include <cstdlib>
#include <iostream>

#include "cmd/gridctl/app.hpp"

int main(int argc, char** argv) {
  using namespace gridcoord::gridctl;
  console io{std::cin, std::cout, std::cerr, [](std::string_view name) -> std::optional<std::string> {
               const char* v = std::getenv(std::string(name).c_str());
               if (!v) return std::nullopt;
               return std::string(v);
             }};
  int code = run(std::vector<std::string>(argv, argv + argc), io);
  std::cout.flush();
  return code;
}
