// The standards file through the real server binary: a bad one stops the
// start with a non-zero exit, naming the file, the line and the key, before
// the store is opened.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "tests/support/temp_dir.hpp"
#include "tests/system/server_process.hpp"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Runs `gridcoord serve --config CONFIG` to its end, output to `log`; the
// exit code (128 + signal when killed). It listens on an address no interface
// has (192.0.2.1, TEST-NET-1), so a server that got past the standards file
// would fail at listening and exit instead of running on and hanging the test.
int run_serve(const std::string& config, const std::string& log) {
  pid_t pid = gridcoord::testing::spawn_logged(
      {GRIDCOORD_SERVER_BINARY, "serve", "--config", config, "--listen", "192.0.2.1:0"}, log);
  REQUIRE(pid > 0);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

TEST_CASE("a server given a bad standards file exits non-zero naming the file, line and key",
          "[system][standards]") {
  gridcoord::testing::temp_dir dir;
  auto shipped = read_file(std::string(GRIDCOORD_SOURCE_DIR) + "/config/standards.toml");
  const std::string from = "power_factor = 0.9";
  auto at = shipped.find(from);
  REQUIRE(at != std::string::npos);
  auto line = 1 + std::count(shipped.begin(), shipped.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  auto bad = shipped.replace(at, from.size(), "power_factor = 1.5");
  std::ofstream(dir.str() + "/bad-standards.toml", std::ios::binary) << bad;
  std::ofstream(dir.str() + "/gridcoord.toml") << "[storage]\ndata_dir = \"" << dir.str() << "/data\"\n"
                                               << "[standards]\nfile = \"" << dir.str() << "/bad-standards.toml\"\n";

  CHECK(run_serve(dir.str() + "/gridcoord.toml", dir.str() + "/server.log") == 1);
  auto log = read_file(dir.str() + "/server.log");
  CHECK(log.find(fmt::format("cannot load the standards file: {}/bad-standards.toml:{}: capacity.power_factor "
                             "must be a number above 0, at most 1",
                             dir.str(), line)) != std::string::npos);
  CHECK(log.find("listening on") == std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.str() + "/data/CURRENT"));
}
