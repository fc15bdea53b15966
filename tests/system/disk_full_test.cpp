// A full disk under the real binary: writes answer 503 with nothing partial,
// reads go on, and writes resume once space returns. "Full" is below
// [storage] min_free_mb, here 32 MiB of a 160-MiB disk. The data directory is a
// size-limited tmpfs, which needs root (mount); elsewhere the test says it was
// skipped, and tests/storage/group_commit_test.cpp covers the same path
// (a write refused with no_space fails alone) without a real disk.
#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "tests/support/http_client.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/system/server_process.hpp"

using namespace gridcoord;
using testing::bootstrap_token;
using testing::http_client;
using testing::http_reply;
using testing::server_process;

namespace {

// A tmpfs of `megabytes` at `path`, unmounted when it goes; mounted() false
// when the machine does not let this process mount one.
class small_filesystem {
 public:
  small_filesystem(const std::string& path, int megabytes) : path_(path) {
    std::filesystem::create_directories(path);
    auto options = "size=" + std::to_string(megabytes) + "m";
    mounted_ = ::mount("tmpfs", path.c_str(), "tmpfs", 0, options.c_str()) == 0;
    if (!mounted_) why_ = std::strerror(errno);
  }
  ~small_filesystem() {
    if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  const std::string& why() const { return why_; }

 private:
  std::string path_;
  std::string why_;
  bool mounted_ = false;
};

// Writes `path` until the filesystem has at most `leave` bytes free.
void fill(const std::string& path, std::uintmax_t leave) {
  std::ofstream out(path, std::ios::binary);
  std::string block(1 << 16, 'x');
  auto dir = std::filesystem::path(path).parent_path();
  while (std::filesystem::space(dir).available > leave + block.size()) {
    out.write(block.data(), static_cast<std::streamsize>(block.size()));
    out.flush();
    if (!out) break;
  }
}

// An M1 report of `rows` rows, about 110 bytes each.
std::string big_report(int rows, int mark) {
  std::string body = R"({"rows":[)";
  for (int i = 0; i < rows; ++i) {
    if (i > 0) body += ',';
    body += R"({"customer":"蓝海钢铁 )" + std::to_string(mark) + "-" + std::to_string(i) +
            R"(","feeder":"LH-F07","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80})";
  }
  return body + "]}";
}

std::map<std::string, std::string> as(const std::string& token, std::string key = {}) {
  std::map<std::string, std::string> h{{"Authorization", "Bearer " + token}};
  if (!key.empty()) h["Idempotency-Key"] = std::move(key);
  return h;
}

const std::string report_path = "/v1/reports/marketing/large_customer_demand/2026-10";

}  // namespace

TEST_CASE("a full disk refuses writes with 503 and nothing partial and they resume when space returns",
          "[system][disk_full]") {
  testing::temp_dir dir;
  auto data = dir.str() + "/data";
  small_filesystem disk(data, 160);
  if (!disk.mounted()) {
    WARN("skipped: cannot mount a small tmpfs here (" << disk.why()
                                                     << "); the no_space path is covered by the group_commit tests");
    return;
  }
  auto store_dir = data + "/var";
  auto config = dir.str() + "/disk_full.toml";
  std::ofstream(config) << "[storage]\nmin_free_mb = 32\n";
  server_process server(GRIDCOORD_SERVER_BINARY, store_dir, dir.str() + "/server.log", {"--config", config});
  auto admin = bootstrap_token(server);
  http_client c("127.0.0.1", server.port());
  REQUIRE(c.request("PUT", report_path, big_report(10, 0), as(admin)).status == 201);
  auto filler = data + "/filler";
  fill(filler, 48u << 20);  // 48 MiB free: a dozen reports fit above the 32 MiB kept free

  // Write reports of about 1.5 MB until the disk refuses one.
  int acknowledged = 1;
  int refused_at = -1;
  http_reply refusal;
  for (int i = 1; i <= 200 && refused_at < 0; ++i) {
    auto r = c.request("PUT", report_path, big_report(12'000, i), as(admin, "fill-" + std::to_string(i)));
    if (r.status == 201) {
      ++acknowledged;
    } else {
      refused_at = i;
      refusal = r;
    }
  }
  REQUIRE(refused_at > 0);
  CHECK(acknowledged > 2);  // writes went through until the disk was full
  CHECK(refusal.status == 503);
  CHECK(refusal.headers["Retry-After"] == "5");
  auto error = refusal.json().at("error");
  CHECK(error.at("code") == "unavailable");
  CHECK(std::string(error.at("message").as_string()).find("disk") != std::string::npos);
  CHECK(server.log().find("is full") != std::string::npos);
  CHECK(server.log().find("Assertion") == std::string::npos);

  // Reads go on, and show nothing of the refused write.
  auto read = c.request("GET", report_path, "", as(admin));
  REQUIRE(read.status == 200);
  CHECK(read.json().at("version") == acknowledged);
  CHECK(c.request("GET", "/v1/health").status == 200);
  // Still full: refused again, still nothing partial.
  CHECK(c.request("PUT", report_path, big_report(10, 999), as(admin, "while-full")).status == 503);
  CHECK(c.request("GET", report_path, "", as(admin)).json().at("version") == acknowledged);

  // An operator frees space: the refused write, retried with its key, goes through.
  std::filesystem::remove(filler);
  auto retried = c.request("PUT", report_path, big_report(12'000, refused_at),
                           as(admin, "fill-" + std::to_string(refused_at)));
  CHECK(retried.status == 201);
  CHECK(retried.json().at("version") == acknowledged + 1);
  auto replay = c.request("PUT", report_path, big_report(12'000, refused_at),
                          as(admin, "fill-" + std::to_string(refused_at)));
  CHECK(replay.status == 200);  // once, not twice
  CHECK(replay.json().at("version") == acknowledged + 1);
  CHECK(server.stop(SIGTERM) == 0);
}
