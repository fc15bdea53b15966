#include "domain/json.hpp"

#include <algorithm>
#include <cmath>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

void append_number(std::string& out, double d) {
  if (!std::isfinite(d)) {  // JSON has no NaN or infinity
    out += "null";
    return;
  }
  if (d == 0) {  // -0.0 too: "-0" would read back as the integer 0, and write as "0"
    out += '0';
    return;
  }
  fmt::format_to(std::back_inserter(out), "{}", d);
}

// Most strings need no escape: copied between quotes as they are, without the
// temporary string json::serialize returns (Boost.JSON escapes only '"', '\\'
// and control characters; UTF-8 is kept as is).
void append_string(std::string& out, json::string_view s) {
  bool plain = std::none_of(s.begin(), s.end(), [](char c) {
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
  });
  if (!plain) {
    out += json::serialize(s);
    return;
  }
  out += '"';
  out.append(s.data(), s.size());
  out += '"';
}

}  // namespace

void append_text(std::string& out, const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: out += "null"; return;
    case json::kind::bool_: out += v.get_bool() ? "true" : "false"; return;
    case json::kind::int64: fmt::format_to(std::back_inserter(out), "{}", v.get_int64()); return;
    case json::kind::uint64: fmt::format_to(std::back_inserter(out), "{}", v.get_uint64()); return;
    case json::kind::double_: append_number(out, v.get_double()); return;
    case json::kind::string: append_string(out, v.get_string()); return;
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& e : v.get_array()) {
        if (!first) out += ',';
        first = false;
        append_text(out, e);
      }
      out += ']';
      return;
    }
    case json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& kv : v.get_object()) {
        if (!first) out += ',';
        first = false;
        append_string(out, kv.key());
        out += ':';
        append_text(out, kv.value());
      }
      out += '}';
      return;
    }
  }
}

void append_text(std::string& out, json::string_view s) { append_string(out, s); }

void append_text(std::string& out, double d) { append_number(out, d); }

std::string value_text(const json::value& v) {
  return v.is_string() ? std::string(v.get_string()) : to_text(v);
}

std::string to_text(const json::value& v) {
  std::string out;
  append_text(out, v);
  return out;
}

}  // namespace gridcoord::domain
