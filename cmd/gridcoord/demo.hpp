#pragma once
// cmd/gridcoord/demo.hpp — demo data for the fictional city of Lanhai, loaded
// through the same client API a user's requests take, and the hints printed
// for a person trying the server.
#include <cstdint>
#include <string>
#include <string_view>

#include "actors/client.hpp"
#include "config/settings.hpp"

namespace gridcoord::cmd {

// Imports the demo's equipment registry (docs/examples/equipment.csv),
// submits the demo reports, checked against it, imports the customers
// (docs/examples/customers.csv) and reports an outage on F-222 that started
// a few minutes ago, unless the log already holds events (once per store).
// Returns the number of reports submitted, or an error.
[[nodiscard]] domain::expected<int> load_demo_data(actors::client& api, std::uint64_t last_seq);

// docs/examples/equipment.csv as built into the binary.
std::string_view demo_equipment_csv() noexcept;
// docs/examples/customers.csv as built into the binary.
std::string_view demo_customers_csv() noexcept;

// Gives the publication pages the fictional Lanhai power supply company as
// issuer and contact in each language, where the settings leave them empty
// (s.publication.page and the server's copy).
void use_demo_publishers(config::settings& s);

// What to try next, with curl commands against `base_url` using `token`.
std::string demo_hints(const std::string& base_url, const std::string& token);

}  // namespace gridcoord::cmd
