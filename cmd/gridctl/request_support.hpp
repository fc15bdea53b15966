#pragma once
// cmd/gridctl/request_support.hpp — what the command tables (commands.cpp,
// sla_commands.cpp, customer_commands.cpp) share when they build a request:
// path pieces, queries, file bodies, JSON bodies and the idempotency key.
// [Threading] Pure, except that the file bodies read through
//             arguments::read_file.
// [Errors]    The builders answer a message for a person (exit code 2): an
//             unreadable file, a file that is not the JSON the endpoint takes.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include <boost/json/object.hpp>

#include "cmd/gridctl/commands.hpp"

namespace gridcoord::gridctl {

using built = expected<client::http_request, std::string>;

// Argument `name`, percent-encoded for a path or a query.
// REQUIRES: a.has(name)
std::string enc(const arguments& a, std::string_view name);

// `target` with "?key=value&…" for each {key, argument} that was given.
std::string with_query(std::string target, const arguments& a,
                       std::initializer_list<std::pair<std::string_view, std::string_view>> params);

client::http_request get(std::string target);

// `method target` with `body` as JSON, and the Idempotency-Key header when
// --idempotency-key was given.
client::http_request json_write(const arguments& a, std::string method, std::string target,
                                const boost::json::object& body);

// The Idempotency-Key header, when --idempotency-key was given.
void add_idempotency_key(const arguments& a, client::http_request& req);

// The file of `arg`, checked to be {"<list>":[…]}; sent as written.
built json_file_body(const arguments& a, std::string_view arg, std::string_view list, std::string method);

// --charset: the encoding of a CSV file, when the server is not to detect it.
argument csv_charset_argument();

// The file of `arg`, sent as written (bytes unchanged) as text/csv: with
// "; charset=" the --charset option when given (checked to be one the server
// reads, domain/csv_encoding.hpp), else with none, so that the server detects
// UTF-8 or GB18030 and says which in its answer.
built csv_file_body(const arguments& a, std::string method, std::string_view arg = "--csv");

// Whether `text` is an RFC 3339 time with an offset ("2026-12-01T09:30:00+08:00",
// "2026-12-01T01:30:00.5Z"); the calendar itself is the server's to check.
bool looks_like_rfc3339(std::string_view text);

}  // namespace gridcoord::gridctl
