#pragma once
// cmd/gridctl/commands.hpp — every gridctl command, in one table.
//
// A command is its words ("report submit"), its arguments, and a function
// from the arguments to one HTTP request. Adding an endpoint is one entry in
// commands() (commands.cpp); app.cpp turns the table into CLI11 subcommands
// and execute.cpp sends the request and shows the answer.
// Arguments are checked by kind before `build` runs (whole numbers, months),
// so builders only assemble. A command with `pages` gets an --all flag that
// follows the answer's cursor until the end (execute.hpp).
// [Threading] The table is built once, on first use; then read-only.
// [Errors]    build answers a message for a person (exit code 2) when an
//             argument cannot be used: an unreadable file, a file that is not
//             the JSON the endpoint takes.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "cmd/gridctl/local_times.hpp"
#include "common/expected.hpp"
#include "gateways/client/http_client.hpp"

namespace gridcoord::gridctl {

namespace client = gateways::client;

enum class arg_kind {
  text,
  whole,  // a whole number from 0
  month,  // YYYY-MM
  file,   // a path, or "-" for standard input
  flag,   // no value
  seconds,  // a positive number of seconds, fractions allowed
  time,     // an RFC 3339 time with its offset: 2026-12-01T09:30:00+08:00
  list,     // one or more texts: the remaining positionals, or an option given once per value
};

struct argument {
  std::string name;  // positional "DEPT", or option "--version"
  std::string help;
  arg_kind kind = arg_kind::text;
  bool required = false;  // positionals are always required, unless `optional`
  bool optional = false;  // a positional that may be left out (the last one only)
  std::string excludes;   // an option that may not be given with this one
  bool positional() const { return !name.starts_with('-'); }
};

// The values given on the command line, by argument name; a flag given has
// the value "true". Arguments not given are absent. A list argument given has
// its values in `lists`, and in `values` joined by ", " (so `has` holds).
struct arguments {
  std::map<std::string, std::string, std::less<>> values;
  // The contents of a file argument; "-" reads standard input.
  std::function<expected<std::string, std::string>(const std::string& path)> read_file;
  std::map<std::string, std::vector<std::string>, std::less<>> lists;

  bool has(std::string_view name) const { return values.contains(name); }
  // REQUIRES: has(name)
  const std::string& at(std::string_view name) const { return values.find(name)->second; }
  // The values of a list argument; empty when it was not given.
  std::vector<std::string> all(std::string_view name) const {
    auto it = lists.find(name);
    return it == lists.end() ? std::vector<std::string>{} : it->second;
  }
};

// How --all walks a paged list: send, take `list_field`'s items, pass the
// answer's `cursor_field` back as argument `cursor_arg`, until a page holds
// fewer than the page size (`size_arg`, else `page_size`).
struct paging {
  std::string list_field;    // "events"
  std::string cursor_arg;    // "--after"
  std::string cursor_field;  // "next_after"
  std::string size_arg;      // "--limit"
  std::uint64_t page_size = 1000;
  std::string end_field;     // "end": the last page says so; "" = a short page is the last
};

using request_builder = std::function<expected<client::http_request, std::string>(const arguments&)>;

// With --table: the answer reshaped for render_for_people, its times in the
// context's zone (local_times.hpp).
using table_view_fn = std::function<boost::json::value(const boost::json::value&, const view_context&)>;

// A view that shows no times of its own, as a table_view (the times left in
// its answer are still written in the zone by localize_times).
inline table_view_fn without_times(boost::json::value (*view)(const boost::json::value&)) {
  return [view](const boost::json::value& answer, const view_context&) { return view(answer); };
}

struct command {
  std::vector<std::string> words;  // {"report", "submit"}
  std::string summary;
  std::vector<argument> args;
  request_builder build;
  std::optional<paging> pages;
  bool streams = false;  // an endless answer, read as it comes (stream.hpp)
  // With --table: the answer reshaped before render_for_people; none = as it is.
  table_view_fn table_view;
};

// Groups of commands ("report", "token") and what they are about.
struct command_group {
  std::string word;
  std::string summary;
};

const std::vector<command>& commands();
const std::vector<command_group>& command_groups();

// The command called `words` ("report submit"), or nullptr.
const command* find_command(std::string_view words);

// Whether `value` is acceptable for `kind`; the reason when it is not.
std::optional<std::string> check_value(arg_kind kind, std::string_view value);

}  // namespace gridcoord::gridctl
