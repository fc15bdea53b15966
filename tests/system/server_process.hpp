#pragma once
// tests/system/server_process.hpp — the real gridcoord binary as a child
// process: started on an ephemeral port, stopped with a signal.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace gridcoord::testing {

// Starts args[0] with `args`, its standard output and error to `log_path`;
// the child's pid, or -1 when it could not be started.
inline pid_t spawn_logged(std::vector<std::string> args, const std::string& log_path) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  return rc == 0 ? pid : -1;
}

class server_process {
 public:
  // Starts `binary serve --data-dir DIR --listen 127.0.0.1:0` and `more` arguments
  // ("--config", FILE), output to `log_path`, and waits until it says which
  // port it listens on.
  server_process(const std::string& binary, const std::string& data_dir, std::string log_path,
                 std::vector<std::string> more = {})
      : log_path_(std::move(log_path)) {
    std::vector<std::string> args{binary, "serve", "--data-dir", data_dir, "--listen", "127.0.0.1:0"};
    args.insert(args.end(), more.begin(), more.end());
    pid_ = spawn_logged(std::move(args), log_path_);
    if (pid_ < 0) throw std::runtime_error("cannot start " + binary);
    port_ = wait_for_port();
  }
  ~server_process() {
    if (pid_ > 0) stop(SIGKILL);
  }

  unsigned short port() const { return port_; }

  // Sends `sig` and returns the exit code (or 128 + signal when killed).
  int stop(int sig = SIGTERM) {
    kill(pid_, sig);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  std::string log() const {
    std::ifstream in(log_path_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  // Polls the log for the "listening" line; bounded, and fails fast if the child exits.
  unsigned short wait_for_port() {
    static const std::regex listening{R"(listening on http://127\.0\.0\.1:(\d+))"};
    for (int i = 0; i < 3000; ++i) {
      std::smatch m;
      auto text = log();
      if (std::regex_search(text, m, listening)) return static_cast<unsigned short>(std::stoi(m[1]));
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        throw std::runtime_error("the server exited during start-up:\n" + text);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    throw std::runtime_error("the server did not start listening within 30 s:\n" + log());
  }

  std::string log_path_;
  pid_t pid_ = -1;
  unsigned short port_ = 0;
};

// The administrator token a first start prints once; throws when the log has none.
inline std::string bootstrap_token(const server_process& server) {
  static const std::regex token{R"(gct_[0-9a-f]{16}_[0-9a-f]{64})"};
  std::smatch m;
  auto log = server.log();
  if (!std::regex_search(log, m, token)) throw std::runtime_error("no token in the server's log:\n" + log);
  return m[0];
}

}  // namespace gridcoord::testing
