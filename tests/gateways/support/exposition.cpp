#include "tests/gateways/support/exposition.hpp"

#include <cmath>
#include <regex>
#include <set>
#include <stdexcept>

namespace gridcoord::testing {

namespace {

const std::regex sample_line{
    R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")"
    R"((?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? (\S+)$)"};
const std::regex help_line{R"(^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$)"};
const std::regex type_line{
    R"(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$)"};

bool parse_number(const std::string& text, double& out) {
  if (text == "+Inf" || text == "-Inf") {
    out = text == "+Inf" ? HUGE_VAL : -HUGE_VAL;
    return true;
  }
  try {
    std::size_t used = 0;
    out = std::stod(text, &used);
    return used == text.size();
  } catch (const std::exception&) {
    return false;
  }
}

// The family a sample belongs to: histograms own their _bucket, _sum, _count.
std::string family_of(const std::string& name, const std::map<std::string, std::string>& types) {
  for (std::string_view suffix : {"_bucket", "_sum", "_count"}) {
    if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    auto base = name.substr(0, name.size() - suffix.size());
    if (auto t = types.find(base); t != types.end() && (t->second == "histogram" || t->second == "summary"))
      return base;
  }
  return name;
}

}  // namespace

double exposition::value(const std::string& key) const {
  auto it = samples.find(key);
  return it == samples.end() ? 0 : it->second;
}

std::map<std::string, double> exposition::starting_with(std::string_view prefix) const {
  std::map<std::string, double> out;
  for (const auto& [k, v] : samples)
    if (std::string_view(k).substr(0, prefix.size()) == prefix) out.emplace(k, v);
  return out;
}

exposition parse_exposition(std::string_view text) {
  exposition e;
  std::set<std::string> finished;
  std::string current;
  std::size_t number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();  // (a missing final newline is tolerated)
    std::string line(text.substr(start, end - start));
    start = end + 1;
    ++number;
    auto problem = [&](const std::string& what) {
      e.problems.push_back(std::to_string(number) + ": " + what + ": " + line);
    };
    std::smatch m;
    if (std::regex_match(line, m, type_line)) {
      if (!e.types.emplace(m[1], m[2]).second) problem("family typed twice");
    } else if (std::regex_match(line, m, help_line)) {
      continue;
    } else if (std::regex_match(line, m, sample_line)) {
      double v = 0;
      if (!parse_number(m[3], v)) problem("value is not a number");
      auto family = family_of(m[1], e.types);
      if (!e.types.count(family)) problem("sample before its TYPE line");
      if (family != current) {
        if (finished.count(family)) problem("family's samples are not contiguous");
        if (!current.empty()) finished.insert(current);
        current = family;
      }
      if (!e.samples.emplace(m[1].str() + m[2].str(), v).second) problem("sample repeated");
    } else {
      problem("not a sample, HELP or TYPE line");
    }
  }
  return e;
}

}  // namespace gridcoord::testing
