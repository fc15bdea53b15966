// gridctl equipment import / list / get: the requests they build, and the
// command layer in-process against the real runtime and HTTP server.
#include <catch2/catch.hpp>

#include <fstream>

#include "cmd/gridctl/commands.hpp"
#include "tests/gridctl/support/gridctl_runner.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/system/live_server.hpp"

using namespace gridcoord;
using testing::gridctl_runner;
using testing::lines_of;

namespace {

const std::string example_csv = GRIDCOORD_SOURCE_DIR "/docs/examples/equipment.csv";

struct fixture {
  testing::live_server server;
  std::map<std::string, std::string> env_for(const std::string& token) {
    return {{"GRIDCOORD_URL", "http://127.0.0.1:" + std::to_string(server.server->port())},
            {"GRIDCOORD_TOKEN", token}};
  }
  gridctl_runner admin{env_for(server.admin)};
  gridctl_runner as(const std::string& role) { return gridctl_runner{env_for(server.issue(role))}; }
};

gridctl::client::http_request built(const std::string& words, gridctl::arguments args) {
  const auto* cmd = gridctl::find_command(words);
  REQUIRE(cmd);
  args.read_file = [](const std::string& path) -> expected<std::string, std::string> {
    std::ifstream in(path, std::ios::binary);
    if (!in) return unexpected{std::string("cannot read ") + path};
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  auto req = cmd->build(args);
  INFO((req ? "" : req.error()));
  REQUIRE(req);
  return *req;
}

}  // namespace

TEST_CASE("equipment commands build their requests", "[gridctl][equipment][commands]") {
  auto csv = built("equipment import", {{{"FILE", example_csv}, {"--csv", "true"}, {"--idempotency-key", "k"}}, {}});
  CHECK(csv.method == "POST");
  CHECK(csv.target == "/v1/equipment/imports");
  CHECK(csv.content_type == "text/csv");
  CHECK(csv.body.starts_with("id,kind,parent,area_class,region,rating_kva\r\n"));
  CHECK(csv.headers == gridctl::client::header_list{{"Idempotency-Key", "k"}});
  auto list = built("equipment list", {{{"--kind", "feeder"}, {"--parent", "SS-07/T1"}, {"--region", "蓝海市港区"}}, {}});
  CHECK(list.target == "/v1/equipment?kind=feeder&parent=SS-07%2FT1&region=%E8%93%9D%E6%B5%B7%E5%B8%82%E6%B8%AF%E5%8C%BA");
  CHECK(built("equipment get", {{{"ID", "SS-07/T1"}}, {}}).target == "/v1/equipment/SS-07%2FT1");
  auto history = built("equipment history", {{{"ID", "SS-07/T1"}}, {}});
  CHECK(history.method == "GET");
  CHECK(history.target == "/v1/equipment/SS-07%2FT1/history");

  testing::temp_dir dir;
  auto wrong = dir.str() + "/wrong.json";
  std::ofstream(wrong) << R"({"rows":[]})";
  const auto* cmd = gridctl::find_command("equipment import");
  gridctl::arguments a{{{"FILE", wrong}}, [](const std::string& p) -> expected<std::string, std::string> {
                         std::ifstream in(p);
                         return std::string(std::istreambuf_iterator<char>(in), {});
                       }};
  auto refused = cmd->build(a);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().find(R"({"equipment":[…]})") != std::string::npos);
}

TEST_CASE("gridctl imports the example registry, lists and gets it", "[gridctl][live][equipment]") {
  fixture f;
  auto production = f.as("liaison:production");
  auto imported = production({"equipment", "import", example_csv, "--csv"});
  INFO(imported.err);
  REQUIRE(imported.code == 0);
  CHECK(imported.json().at("added") == 14);

  auto feeders = f.admin({"equipment", "list", "--kind", "feeder", "--parent", "SS-07/T2"});
  REQUIRE(feeders.code == 0);
  auto items = feeders.json().at("equipment").as_array();
  REQUIRE(items.size() == 2);
  CHECK(items[0].at("id") == "F-222");
  CHECK(items[1].at("id") == "F-310");

  auto all = f.admin({"equipment", "list", "--all", "--limit", "4"});
  INFO(all.err);
  REQUIRE(all.code == 0);
  CHECK(all.json().at("equipment").as_array().size() == 14);

  auto one = f.admin({"equipment", "get", "SS-07/T1"});
  REQUIRE(one.code == 0);
  CHECK(one.json().at("region") == "蓝海市东港区");
  CHECK(one.json().at("version") == 1);
  CHECK(f.admin({"equipment", "get", "F-999"}).code == 5);

  auto again = production({"equipment", "import", example_csv, "--csv"});
  REQUIRE(again.code == 0);
  CHECK(again.json().at("unchanged") == 14);
  auto history = f.admin({"equipment", "history", "SS-07/T1"});
  INFO(history.err);
  REQUIRE(history.code == 0);
  auto versions = history.json().at("versions").as_array();
  REQUIRE(versions.size() == 1);
  CHECK(versions[0].at("version") == 1);
  CHECK(versions[0].at("seq") == imported.json().at("seq"));
  CHECK(versions[0].at("record").at("region") == "蓝海市东港区");
  CHECK(f.admin({"equipment", "history", "F-999"}).code == 5);

  auto table = f.admin({"--table", "equipment", "list", "--region", "蓝海市外岛"});
  REQUIRE(table.code == 0);
  CHECK(table.out.find("LH-F12") != std::string::npos);
}

TEST_CASE("a refused import exits 4 with every issue; another department's liaison exits 3",
          "[gridctl][live][equipment][errors]") {
  fixture f;
  f.admin.input = R"({"equipment":[
    {"id":"F1","kind":"feeder","parent":"T9","area_class":"urban","region":"R","rating_kva":1},
    {"id":"F1","kind":"feeder","parent":"T9","area_class":"urban","region":"R","rating_kva":0}]})";
  auto r = f.admin({"equipment", "import", "-"});
  CHECK(r.code == 4);
  auto lines = lines_of(r.err);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].starts_with("gridctl: validation_failed (422): 4 problem(s) in the equipment import"));
  CHECK(lines[1] == R"(  row 1, parent = "T9": no equipment T9 in the registry or in this import)");
  auto marketing = f.as("liaison:marketing");
  marketing.input = f.admin.input;
  CHECK(marketing({"equipment", "import", "-"}).code == 3);
}
