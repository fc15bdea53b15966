#pragma once
// gateways/detail/server_state.hpp — what the listener and every session of one
// http_server share: the limits, the routes, and the table of open sessions.
// [Threading] limits(), routes() and labels() are immutable; metrics() is
//             thread-safe by itself; the session table is
//             guarded by a mutex, so admit/forget/begin_stop are safe from any thread.
// [Limits]    admit() refuses after begin_stop(), beyond max_connections_per_address
//             from one address, and beyond max_connections + reserved_connections;
//             between max_connections and that, a connection is admitted from
//             the reserve (it is served essential requests only: health and
//             administrators; router::admission::essential).
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "gateways/detail/route_labels.hpp"
#include "gateways/metrics.hpp"
#include "gateways/router.hpp"

namespace gridcoord::gateways::detail {

struct session_limits {
  std::size_t max_body_bytes = 0;
  std::size_t max_header_bytes = 0;
  std::chrono::milliseconds header_timeout{0};  // a fresh connection's first request head
  std::chrono::milliseconds read_timeout{0};
  std::chrono::milliseconds idle_timeout{0};
  std::chrono::milliseconds write_timeout{0};
  std::chrono::milliseconds linger_timeout{0};
  std::size_t max_connections = 0;
  std::size_t reserved_connections = 0;
  std::size_t max_connections_per_address = 0;
};

// How admit() takes a new connection.
enum class admittance { served, reserve, refused };

// An open connection, as the server's stop sees it (session<Stream>).
class connection {
 public:
  virtual ~connection() = default;
  virtual void shutdown() = 0;  // any thread: close when idle, else after the request in flight
};

class server_state {
 public:
  server_state(session_limits limits, router routes,
               std::shared_ptr<http_metrics> metrics = std::make_shared<http_metrics>())
      : limits_(limits), routes_(std::move(routes)), labels_(routes_.table()), metrics_(std::move(metrics)) {}

  const session_limits& limits() const noexcept { return limits_; }
  const router& routes() const noexcept { return routes_; }
  const route_labels& labels() const noexcept { return labels_; }
  http_metrics& metrics() const noexcept { return *metrics_; }

  // Registers a new connection from `address` (see [Limits]); a refused one is not registered.
  [[nodiscard]] admittance admit(const std::shared_ptr<connection>& s, const std::string& address);
  // Called by a session's destructor.
  void forget(const connection* s) noexcept;
  // From now on admit() refuses; answers the sessions still open.
  std::vector<std::shared_ptr<connection>> begin_stop();
  bool stopping() const;

 private:
  const session_limits limits_;
  const router routes_;
  const route_labels labels_;  // after routes_: built from its table
  const std::shared_ptr<http_metrics> metrics_;
  mutable std::mutex mutex_;
  struct open_connection {
    std::weak_ptr<connection> session;
    std::string address;
  };
  std::unordered_map<const connection*, open_connection> sessions_;
  std::unordered_map<std::string, std::size_t> per_address_;
  bool stopping_ = false;
};

}  // namespace gridcoord::gateways::detail
