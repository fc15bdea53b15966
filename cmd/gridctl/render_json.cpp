#include "cmd/gridctl/render_json.hpp"

#include <sstream>

#include <boost/json/serialize.hpp>

#include "domain/json.hpp"

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

constexpr std::size_t line_width = 80;

bool is_container(const json::value& v) { return v.is_array() || v.is_object(); }

bool is_flat(const json::value& v) {
  if (v.is_array()) {
    for (const auto& e : v.get_array())
      if (is_container(e)) return false;
  } else if (v.is_object()) {
    for (const auto& kv : v.get_object())
      if (is_container(kv.value())) return false;
  }
  return true;
}

bool is_empty_container(const json::value& v) {
  return (v.is_array() && v.get_array().empty()) || (v.is_object() && v.get_object().empty());
}

void write_indent(std::ostream& out, int depth) {
  for (int i = 0; i < depth; ++i) out << "  ";
}

void write_array(std::ostream& out, const json::array& a, int depth) {
  out << '[';
  bool first = true;
  for (const auto& e : a) {
    out << (first ? "\n" : ",\n");
    first = false;
    write_indent(out, depth + 1);
    write_pretty(out, e, depth + 1);
  }
  out << '\n';
  write_indent(out, depth);
  out << ']';
}

void write_object(std::ostream& out, const json::object& o, int depth) {
  out << '{';
  bool first = true;
  for (const auto& kv : o) {
    out << (first ? "\n" : ",\n");
    first = false;
    write_indent(out, depth + 1);
    out << json::serialize(kv.key()) << ": ";
    write_pretty(out, kv.value(), depth + 1);
  }
  out << '\n';
  write_indent(out, depth);
  out << '}';
}

}  // namespace

std::string one_line(const json::value& v) {
  if (v.is_array()) {
    std::string out = "[";
    for (const auto& e : v.get_array()) out += (out.size() > 1 ? ", " : "") + one_line(e);
    return out + "]";
  }
  if (v.is_object()) {
    std::string out = "{";
    for (const auto& kv : v.get_object())
      out += (out.size() > 1 ? ", " : "") + json::serialize(kv.key()) + ": " + one_line(kv.value());
    return out + "}";
  }
  return domain::to_text(v);
}

void write_pretty(std::ostream& out, const json::value& v, int depth) {
  if (!is_container(v) || is_empty_container(v)) {
    out << domain::to_text(v);
    return;
  }
  if (is_flat(v)) {
    auto line = one_line(v);
    if (line.size() + static_cast<std::size_t>(depth) * 2 <= line_width) {
      out << line;
      return;
    }
  }
  if (v.is_array()) {
    write_array(out, v.get_array(), depth);
  } else {
    write_object(out, v.get_object(), depth);
  }
}

std::string pretty(const json::value& v) {
  std::ostringstream out;
  write_pretty(out, v);
  return out.str();
}

}  // namespace gridcoord::gridctl
