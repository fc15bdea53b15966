// The message catalogue is well formed (domain/message_catalogue.hpp): every
// pattern and template parses, every template uses every hole and is Chinese,
// and no entry hides a later one. That it covers the sources is checked by
// message_coverage.py (ctest -R message_catalogue_coverage).
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "domain/message_catalogue.hpp"
#include "domain/message_pattern.hpp"

using namespace gridcoord::domain;

namespace {

bool has_han(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE4 && c <= 0xE9) return true;  // U+4000..U+9FFF in UTF-8
  }
  return false;
}

// The pattern filled with markers no real text holds.
std::string sample_of(const message_pattern& p) {
  std::vector<std::string> values;
  for (std::size_t i = 0; i < p.holes(); ++i) values.push_back("\u27e8" + std::to_string(i + 1) + "\u27e9");
  return p.fill(values);
}

void check_table(std::span<const catalogue_entry> table) {
  std::vector<message_pattern> seen;
  for (const auto& e : table) {
    INFO(e.en);
    auto p = message_pattern::parse(e.en);
    REQUIRE(p);
    auto refs = template_references(e.zh_cn);
    REQUIRE(refs);
    std::set<std::size_t> used(refs->begin(), refs->end());
    CHECK(used.size() == p->holes());
    CHECK((used.empty() || *used.rbegin() + 1 == p->holes()));
    CHECK(has_han(e.zh_cn));
    auto sample = sample_of(*p);
    for (const auto& earlier : seen) CHECK_FALSE(earlier.match(sample));
    seen.push_back(std::move(*p));
  }
}

}  // namespace

TEST_CASE("every catalogue entry parses, uses each of its holes, is Chinese and is not hidden by an earlier one",
          "[domain][message_catalogue]") {
  CHECK(message_catalogue().size() > 250);
  check_table(message_catalogue());
}

TEST_CASE("every word table entry parses, uses each of its holes, is Chinese and is not hidden by an earlier one",
          "[domain][message_catalogue]") {
  check_table(word_catalogue());
}
