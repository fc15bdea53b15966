#include "domain/origin.hpp"

#include <boost/json.hpp>

#include "domain/json.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

std::string encode(const request_origin& o) {
  if (o == request_origin{}) return {};
  json::object out{{"role", o.role}, {"remote", o.remote}, {"request_id", o.request_id}};
  if (!o.person.empty()) out["person"] = o.person;
  return to_text(out);
}

request_origin decode_origin(std::string_view text) {
  std::error_code ec;
  auto v = json::parse(text, ec);
  request_origin o;
  if (ec || !v.is_object()) return o;
  auto field = [&](const char* name) -> std::string {
    const auto* f = v.get_object().if_contains(name);
    return f && f->is_string() ? std::string(f->get_string()) : std::string();
  };
  o.role = field("role");
  o.remote = field("remote");
  o.request_id = field("request_id");
  o.person = field("person");
  return o;
}

}  // namespace gridcoord::domain
