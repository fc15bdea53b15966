// `gridcoord simulate`: the real binary replays docs/examples/scenario-month.jsonl
// on its virtual clock and prints what docs/simulate.md shows; a bad scenario
// is refused line by line.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <fstream>
#include <sstream>

#include "tests/support/temp_dir.hpp"
#include "tests/system/server_process.hpp"

using namespace gridcoord;

namespace {

struct run_result {
  int exit_code = -1;
  std::string output;
};

run_result simulate(std::vector<std::string> args, const std::string& log) {
  args.insert(args.begin(), {GRIDCOORD_SERVER_BINARY, "simulate"});
  auto pid = testing::spawn_logged(std::move(args), log);
  REQUIRE(pid > 0);
  int status = 0;
  waitpid(pid, &status, 0);
  std::ifstream in(log);
  std::stringstream s;
  s << in.rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, s.str()};
}

}  // namespace

TEST_CASE("simulate replays the example month and counts each department's warnings and breaches",
          "[system][simulate]") {
  testing::temp_dir dir;
  auto r = simulate({GRIDCOORD_SOURCE_DIR "/docs/examples/scenario-month.jsonl", "--step", "5"},
                    dir.str() + "/out.txt");
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("dispatch                   0         3") != std::string::npos);
  CHECK(r.output.find("production                14         4") != std::string::npos);
  CHECK(r.output.find("customer_service           8         3") != std::string::npos);
  CHECK(r.output.find("outage/2      restoration         E5  production") != std::string::npos);
  CHECK(r.output.find("outage/3      restoration") == std::string::npos);
  CHECK(r.output.find("analyses still open: 2") != std::string::npos);
  CHECK(r.output.find("notifications: 10 delivered, 0 pending, 0 dead letters") != std::string::npos);
}

TEST_CASE("the SGCC profile's shorter restoration limit breaches where the document's does not",
          "[system][simulate]") {
  testing::temp_dir dir;
  auto r = simulate({GRIDCOORD_SOURCE_DIR "/docs/examples/scenario-month.jsonl", "--step", "5", "--profile",
                     "sgcc-2023", "--time-limits", GRIDCOORD_SOURCE_DIR "/config/time_limits.toml"},
                    dir.str() + "/out.txt");
  INFO(r.output);
  CHECK(r.exit_code == 0);
  // Outage 3 on the remote LH-F12: crew at 04:10, power back at 08:40 (4 h 30 min) —
  // within the document's 5 h, beyond SGCC's 4 h.
  CHECK(r.output.find("profile sgcc-2023") != std::string::npos);
  CHECK(r.output.find("production                15         5") != std::string::npos);
  CHECK(r.output.find("outage/3      restoration         E5  production        due 2027-03-29T00:10:00") !=
        std::string::npos);
  CHECK(r.output.find("analyses still open: 3") != std::string::npos);
}

TEST_CASE("a scenario with bad lines is refused before anything runs, every bad line named", "[system][simulate]") {
  testing::temp_dir dir;
  auto file = dir.str() + "/bad.jsonl";
  std::ofstream(file) << R"({"at":"2027-03-01T08:00:00+08:00","do":"outage","equipment":["F-101"]})" "\n"
                      << R"({"at":"2027-02-28T07:00:00Z","do":"outage","equipment":["F-101"]})" "\n"
                      << R"({"at":"2027-03-02T07:00:00Z","do":"complaint","category":"billing","text":"x"})" "\n"
                      << "not json\n";
  auto r = simulate({file}, dir.str() + "/out.txt");
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("line 2: at '2027-02-28T07:00:00.000000Z' is earlier than the line before") !=
        std::string::npos);
  CHECK(r.output.find("line 3: category 'billing' is not a complaint category") != std::string::npos);
  CHECK(r.output.find("line 4:  is not a JSON object") != std::string::npos);
}
