#pragma once
// cmd/gridcoord/publication_delivery.hpp — the capacity actor's publication
// sink (actors/publication_port.hpp) over the gateway's publication target
// (gateways/publication_target.hpp): the server binary joins the two, so that
// neither actors/ nor gateways/ depends on the other.
//
// deliver() writes the files and POSTs (when a post_url is set). When the
// files are written but the POST got no 2xx, it answers unavailable (naming
// what the POST got), and the actor's retry of the same publication POSTs
// again without rewriting the files.
// [Threading] deliver() may be called from any thread; calls are serialised.
// [Errors]    The target's error (errc::internal naming the path) when a file
//             cannot be written; errc::unavailable when the POST failed.
#include <cstdint>
#include <mutex>
#include <set>
#include <string>

#include "actors/publication_port.hpp"
#include "gateways/publication_target.hpp"

namespace gridcoord::cmd {

class publication_delivery final : public actors::publication_sink {
 public:
  explicit publication_delivery(gateways::publication_target target);

  [[nodiscard]] domain::status deliver(const domain::capacity::publication& p) override;

 private:
  std::mutex mutex_;
  gateways::publication_target target_;
  std::set<std::uint32_t> post_pending_;  // numbers whose files are written and whose POST is owed
};

// Where publications go, in words, for the start-up log line, e.g.
// "directory ./var/publication, POST to https://example/restricted".
std::string describe(const gateways::publication_target_options& o);

}  // namespace gridcoord::cmd
