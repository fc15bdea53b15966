#pragma once
// tests/gateways/support/http_receiver.hpp — a local HTTP/1.1 receiver on
// 127.0.0.1:0 for the outbound gateway tests, on a thread of its own.
//
// Each request gets the status `answer` chooses for it (given the request
// and its 0-based index over all connections); status 0 (hold) keeps the request
// unanswered until the receiver is destroyed. Connections are kept alive
// (unless keep_alive is false) and counted: accepted so far, and the most
// open at once. With tls_cert_file set, every connection is TLS with that
// certificate and key (tests/support/self_signed.hpp).
// [Threading] Every member may be called from any thread.
// [Errors]    None: a broken connection is dropped; the test sees what arrived.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "gateways/detail/tls.hpp"

namespace gridcoord::testing {

struct receiver_options {
  bool keep_alive = true;
  // Close the connection, without saying so, after answering this many requests on it.
  std::optional<std::size_t> silently_close_after;
  std::string tls_cert_file;  // "" = plain HTTP
  std::string tls_key_file;
};

class http_receiver {
 public:
  using request = boost::beast::http::request<boost::beast::http::string_body>;
  using answer_fn = std::function<unsigned(const request&, std::size_t index)>;

  using options = receiver_options;
  static constexpr unsigned hold = 0;  // the status that leaves a request unanswered

  explicit http_receiver(answer_fn answer, options o = {});
  // The n-th request gets statuses[n]; the last is repeated.
  explicit http_receiver(std::vector<unsigned> statuses, options o = {});
  ~http_receiver();
  http_receiver(const http_receiver&) = delete;
  http_receiver& operator=(const http_receiver&) = delete;

  std::uint16_t port() const;
  // "http://127.0.0.1:<port><path>" (https:// with TLS).
  std::string url(std::string_view path = "/hooks/gridcoord") const;

  std::vector<request> requests() const;
  std::size_t connections() const;     // accepted so far
  std::size_t most_open() const;       // at the same time
  // Waits until `n` requests have arrived, at most `limit`; false if they did not.
  bool wait_for_requests(std::size_t n, std::chrono::milliseconds limit) const;

 private:
  struct state;
  template <class Stream>
  struct session;
  void accept();

  std::shared_ptr<state> state_;
  std::thread thread_;
};

}  // namespace gridcoord::testing
