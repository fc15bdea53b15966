#pragma once
// cmd/gridcoord/demo.hpp — demo data for the fictional city of Lanhai, loaded
// through the same client API a user's requests take, and the hints printed
// for a person trying the server.
#include <cstdint>
#include <string>

#include "actors/client.hpp"

namespace gridcoord::cmd {

// Submits the demo reports unless the log already holds events.
// Returns the number of reports submitted, or an error.
[[nodiscard]] domain::expected<int> load_demo_data(actors::client& api, std::uint64_t last_seq);

// What to try next, with curl commands against `base_url` using `token`.
std::string demo_hints(const std::string& base_url, const std::string& token);

}  // namespace gridcoord::cmd
