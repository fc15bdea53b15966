#include "cmd/gridcoord/token.hpp"

#include <future>
#include <iostream>

#include "actors/runtime.hpp"

namespace gridcoord::cmd {

int create_token_on_host(const config::settings& s, const std::string& role,
                         const std::string& description) {
  if (!domain::parse_role(role)) {
    std::cerr << "gridcoord: unknown role '" << role
              << "'; use admin, reader, planner, dispatcher, cs_agent or liaison:<department>\n";
    return 2;
  }
  actors::runtime_options o;
  o.data_dir = s.storage.data_dir;
  o.scheduler_threads = 1;
  o.snapshot_check_interval = std::chrono::milliseconds{0};
  auto rt = actors::runtime::start(o);
  if (!rt) {
    std::cerr << "gridcoord: " << rt.error().message
              << "\n(is the server running? then issue tokens with POST /v1/tokens)\n";
    return 1;
  }
  std::promise<domain::expected<domain::issued_token>> answer;
  (*rt)->api().create_token({role, description, "host", "", {}}, [&](auto t) { answer.set_value(std::move(t)); });
  auto issued = answer.get_future().get();
  if (!issued) {
    std::cerr << "gridcoord: " << issued.error().message << "\n";
    return 1;
  }
  std::cout << "token " << issued->record.id << " (" << role << ") issued; it is shown only now:\n\n  "
            << issued->token << "\n";
  return 0;
}

}  // namespace gridcoord::cmd
