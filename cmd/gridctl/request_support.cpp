#include "cmd/gridctl/request_support.hpp"

#include <algorithm>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "domain/csv_encoding.hpp"
#include "domain/json.hpp"

namespace gridcoord::gridctl {

namespace json = boost::json;

std::string enc(const arguments& a, std::string_view name) { return client::encode_component(a.at(name)); }

std::string with_query(std::string target, const arguments& a,
                       std::initializer_list<std::pair<std::string_view, std::string_view>> params) {
  char sep = '?';
  for (const auto& [key, arg] : params) {
    if (!a.has(arg)) continue;
    target += fmt::format("{}{}={}", sep, key, enc(a, arg));
    sep = '&';
  }
  return target;
}

client::http_request get(std::string target) { return {"GET", std::move(target), {}, {}}; }

void add_idempotency_key(const arguments& a, client::http_request& req) {
  if (a.has("--idempotency-key")) req.headers.emplace_back("Idempotency-Key", a.at("--idempotency-key"));
}

client::http_request json_write(const arguments& a, std::string method, std::string target,
                                const json::object& body) {
  client::http_request req{std::move(method), std::move(target), domain::to_text(body), {}};
  add_idempotency_key(a, req);
  return req;
}

built json_file_body(const arguments& a, std::string_view arg, std::string_view list, std::string method) {
  const auto& path = a.at(arg);
  auto where = path == "-" ? std::string("standard input") : path;
  auto text = a.read_file(path);
  if (!text) return unexpected{text.error()};
  std::error_code ec;
  auto doc = json::parse(*text, ec);
  if (ec) return unexpected{fmt::format("{}: not JSON ({})", where, ec.message())};
  const auto* items = doc.is_object() ? doc.get_object().if_contains(list) : nullptr;
  if (!items || !items->is_array())
    return unexpected{fmt::format("{}: the file must hold {{\"{}\":[…]}}", where, list)};
  return client::http_request{std::move(method), {}, std::move(*text), {}};
}

argument csv_charset_argument() {
  return {"--charset", "the CSV file's encoding: utf-8, gb18030, gbk or gb2312 (default: the server detects UTF-8 "
                       "or GB18030 and says which)"};
}

built csv_file_body(const arguments& a, std::string method, std::string_view arg) {
  std::string content_type = "text/csv";
  if (a.has("--charset")) {
    const auto& charset = a.at("--charset");
    if (!domain::parse_charset(charset))
      return unexpected{fmt::format("--charset must be {}, not {}", domain::accepted_charsets(), charset)};
    content_type += "; charset=" + charset;
  }
  auto text = a.read_file(a.at(arg));
  if (!text) return unexpected{text.error()};
  client::http_request req{std::move(method), {}, std::move(*text), {}};
  req.content_type = std::move(content_type);
  return req;
}

bool looks_like_rfc3339(std::string_view t) {
  auto digits = [&](std::size_t from, std::size_t n) {
    return t.size() >= from + n &&
           std::all_of(t.begin() + from, t.begin() + from + n, [](char c) { return c >= '0' && c <= '9'; });
  };
  // YYYY-MM-DDTHH:MM:SS
  if (!digits(0, 4) || t.size() < 20 || t[4] != '-' || !digits(5, 2) || t[7] != '-' || !digits(8, 2) ||
      (t[10] != 'T' && t[10] != 't') || !digits(11, 2) || t[13] != ':' || !digits(14, 2) || t[16] != ':' ||
      !digits(17, 2))
    return false;
  std::size_t i = 19;
  if (t[i] == '.') {
    std::size_t from = ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == from) return false;
  }
  auto zone = t.substr(i);
  if (zone == "Z" || zone == "z") return true;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits(i + 1, 2) && zone[3] == ':' &&
         digits(i + 4, 2);
}

}  // namespace gridcoord::gridctl
