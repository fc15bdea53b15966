// Every gridctl command line shown in docs/sla.md, and in the SLA and customer
// sections of docs/gridctl.md, is one gridctl accepts and can build a request
// for: the guides cannot drift from the commands.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/gridctl/support/parsed_command.hpp"

using namespace gridcoord;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The lines of the ```sh blocks of `markdown` that start with "gridctl ",
// continuation lines (ending in "\") joined.
std::vector<std::string> gridctl_lines(const std::string& markdown) {
  std::vector<std::string> out;
  std::istringstream in(markdown);
  std::string line, pending;
  bool in_sh = false;
  while (std::getline(in, line)) {
    if (line.starts_with("```")) {
      in_sh = line == "```sh";
      continue;
    }
    if (!in_sh) continue;
    if (!pending.empty() || line.starts_with("gridctl ")) pending += line;
    if (pending.empty()) continue;
    if (pending.ends_with("\\")) {
      pending.pop_back();
      continue;
    }
    out.push_back(pending);
    pending.clear();
  }
  return out;
}

// The words of a shell line up to a comment, a pipe or a ";" (quotes as sh reads them).
std::vector<std::string> words_of(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool have = false;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
      else word += c;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      have = true;
    } else if (c == ' ' || c == '\t') {
      if (have) words.push_back(word);
      word.clear();
      have = false;
    } else if (c == '#' || c == '|' || c == ';') {
      break;
    } else {
      word += c;
      have = true;
    }
  }
  if (have) words.push_back(word);
  // A time the guide computes with date(1) ("$(date -u -d '3 min ago' +%FT%TZ)"),
  // as the shell would hand it over: an RFC 3339 time.
  for (auto& w : words)
    if (w.starts_with("$(date ")) w = "2026-12-01T09:30:00Z";
  return words;
}

void check_every_line(const std::string& doc, const std::vector<std::string>& groups) {
  auto lines = gridctl_lines(read(std::string(GRIDCOORD_SOURCE_DIR) + "/" + doc));
  std::size_t checked = 0;
  for (const auto& line : lines) {
    auto words = words_of(line);
    REQUIRE(words.size() >= 2);
    if (std::find(groups.begin(), groups.end(), words[1]) == groups.end()) continue;
    words.erase(words.begin());
    testing::parsed p(words, R"({"customers":[]})");
    INFO(doc << ": " << line << "\n" << p.err.str());
    REQUIRE(p.code == -1);
    if (!p.inv.args.has("FILE")) CHECK(p.build());  // files named in the guides are the reader's
    ++checked;
  }
  CHECK(checked >= 10);
}

const std::vector<std::string> sla_groups{"outage", "feed",  "planned",     "complaint", "callback",
                                          "analysis", "work", "breaches", "sla-figures", "customers",
                                          "customer", "notifications"};

}  // namespace

TEST_CASE("every gridctl line of the SLA guide is a command line gridctl accepts", "[gridctl][sla][docs]") {
  check_every_line("docs/sla.md", sla_groups);
}

TEST_CASE("every SLA and customer gridctl line of the gridctl guide is one gridctl accepts", "[gridctl][sla][docs]") {
  check_every_line("docs/gridctl.md", sla_groups);
}
