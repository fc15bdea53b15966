#include "cmd/gridcoord/publication_delivery.hpp"

#include <utility>

#include <fmt/format.h>

namespace gridcoord::cmd {

namespace {

domain::status post_status(const gateways::post_outcome& o, std::uint32_t number) {
  if (o.delivered) return {};
  return domain::fail(domain::errc::unavailable, fmt::format("publication {}: POST failed: {}", number, o.problem));
}

}  // namespace

publication_delivery::publication_delivery(gateways::publication_target target) : target_(std::move(target)) {}

domain::status publication_delivery::deliver(const domain::capacity::publication& p) {
  std::lock_guard lock(mutex_);
  if (post_pending_.contains(p.number)) {
    auto s = post_status(target_.post(p), p.number);
    if (s) post_pending_.erase(p.number);
    return s;
  }
  auto published = target_.publish(p);
  if (!published) return unexpected{published.error()};
  if (!published->post_pending()) return {};
  post_pending_.insert(p.number);
  return post_status(*published->post, p.number);
}

std::string describe(const gateways::publication_target_options& o) {
  auto files = o.directory.empty() ? std::string("no files") : fmt::format("directory {}", o.directory);
  auto post = o.post_url.empty() ? std::string("no POST")
                                 : fmt::format("POST to {} (timeout {} ms)", o.post_url, o.timeout.count());
  return fmt::format("{}, {}", files, post);
}

}  // namespace gridcoord::cmd
