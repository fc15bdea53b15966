// tests/domain/message_probe.cpp — the message catalogue asked about texts, for
// message_coverage.py: one text a line on stdin (JSON strings), one JSON object
// a line on stdout:
//   {"entry": 12, "zh": "…", "untranslated": ["…"]}   or   {"entry": null}
// `entry` is the index of the first catalogue entry the text matches; `zh` its
// translation (domain::translate); `untranslated` lists the texts of "{m}"
// holes that neither the catalogue nor the word table has (a hole holding a
// sample marker ⟨n⟩ is not listed: its words are not known here).
#include <iostream>
#include <string>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "domain/localize.hpp"
#include "domain/message_catalogue.hpp"
#include "domain/message_pattern.hpp"

namespace {

using namespace gridcoord::domain;
namespace json = boost::json;

bool known(std::string_view text) {
  for (auto table : {message_catalogue(), word_catalogue()})
    for (const auto& e : table)
      if (auto p = message_pattern::parse(e.en); p && p->match(text)) return true;
  return false;
}

json::object probe(std::string_view text) {
  const auto catalogue = message_catalogue();
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    auto p = message_pattern::parse(catalogue[i].en);
    if (!p) continue;
    auto holes = p->match(text);
    if (!holes) continue;
    json::array untranslated;
    for (std::size_t h = 0; h < holes->size(); ++h)
      if (p->nested(h) && (*holes)[h].find("\u27e8") == std::string_view::npos && !known((*holes)[h]))
        untranslated.emplace_back((*holes)[h]);
    return {{"entry", i}, {"zh", *translate(text, language::zh_cn)}, {"untranslated", std::move(untranslated)}};
  }
  return {{"entry", nullptr}};
}

}  // namespace

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    auto v = json::parse(line);
    std::cout << json::serialize(probe(v.as_string())) << "\n";
  }
  return 0;
}
