#include "domain/message_catalogue.hpp"

#include <vector>

namespace gridcoord::domain {

std::span<const catalogue_entry> message_catalogue() {
  static const std::vector<catalogue_entry> joined = [] {
    std::vector<catalogue_entry> out;
    for (auto part : {catalogue_parts::requests(), catalogue_parts::reasons(), catalogue_parts::reports(),
                      catalogue_parts::capacity(), catalogue_parts::service(), catalogue_parts::internal(),
                      catalogue_parts::fallbacks()})
      out.insert(out.end(), part.begin(), part.end());
    return out;
  }();
  return joined;
}

std::span<const catalogue_entry> word_catalogue() { return catalogue_parts::words(); }

}  // namespace gridcoord::domain
