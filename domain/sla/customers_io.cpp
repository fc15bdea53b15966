// Reading customer imports (JSON and CSV bodies) and the JSON of customers and
// of "customer.imported" events (docs/customers.md).
#include <algorithm>
#include <array>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/csv.hpp"
#include "domain/json.hpp"
#include "domain/report_csv.hpp"
#include "domain/report_kind.hpp"
#include "domain/sla/customers.hpp"
#include "domain/text_rules.hpp"

namespace gridcoord::domain::sla {

namespace json = boost::json;

namespace {

constexpr std::size_t max_id_bytes = 64;
constexpr std::string_view field_list = "id, name, tier, connection_point, contacts";
constexpr std::array<std::string_view, 4> channels = {"sms", "email", "phone", "webhook"};
enum field : std::size_t { f_id, f_name, f_tier, f_point, f_contacts };  // schema().fields order

// The row's fields as a report kind's schema, for the CSV header mapping.
const report_kind& schema() {
  static const report_kind s{.id = "customers",
                             .fields = {{.name = "id", .required = true},
                                        {.name = "name", .required = true},
                                        {.name = "tier", .required = true},
                                        {.name = "connection_point", .required = true},
                                        {.name = "contacts", .required = true}}};
  return s;
}

bool is_control(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF), or 0 when there is none.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i), lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  std::size_t n = 0;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4) n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  else return 0;
  if (i + n > s.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0, n = 0; i < s.size(); i += n)
    if ((n = utf8_length(s, i)) == 0) return false;
  return true;
}

// Why `address` is not one of `channel`'s, or "" when it is.
std::string address_problem(std::string_view channel, std::string_view a) {
  if (std::any_of(a.begin(), a.end(), [](char c) { return c == ' ' || is_control(c); }))
    return "must not hold spaces or control characters";
  if (channel == "sms" || channel == "phone") {
    bool digits = a.size() >= 9 && a.size() <= 16 && a[0] == '+' && std::all_of(a.begin() + 1, a.end(), is_digit);
    return digits ? "" : "must be an E.164 number: \"+\" then 8 to 15 digits (\"+8613800000000\")";
  }
  if (channel == "email") {
    auto at = a.find('@');
    if (at == std::string_view::npos || a.find('@', at + 1) != std::string_view::npos || at == 0)
      return "must be an e-mail address with exactly one \"@\" after a name (\"duty@example.cn\")";
    auto domain = a.substr(at + 1);
    auto dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || domain.back() == '.')
      return "must have a domain with a dot after the \"@\" (\"duty@example.cn\")";
    return "";
  }
  for (std::string_view scheme : {"http://", "https://"})
    if (a.starts_with(scheme) && a.size() > scheme.size() && a[scheme.size()] != '/') return "";
  return "must be an http:// or https:// URL with a host";
}

struct row_reader {
  std::size_t number;
  std::vector<issue>& out;
  const std::string* csv_contacts = nullptr;  // the CSV cell the contacts came from

  void add(rule broken, std::string field, std::string value, std::string reason) {
    out.push_back({broken, number, std::move(field), std::move(value), std::move(reason)});
  }

  // A present string field's text, or nullopt with its issue.
  std::optional<std::string_view> text(const std::string& field, const json::value& v) {
    if (!v.is_string()) add(rule::not_a_string, field, value_text(v), "must be a string");
    else if (v.get_string().empty()) add(rule::empty_text, field, "", "must not be empty");
    else return std::string_view(v.get_string());
    return std::nullopt;
  }

  void id(const std::string& field, std::string_view s, bool spaces_allowed, std::string& to) {
    if (s.size() > max_id_bytes)
      return add(rule::too_long, field, quoted_value(s), fmt::format("must be at most {} bytes", max_id_bytes));
    if (std::any_of(s.begin(), s.end(), [&](char c) { return is_control(c) || (c == ' ' && !spaces_allowed); }))
      return add(rule::forbidden_character, field, std::string(s),
                 spaces_allowed ? "must not hold control characters" : "must not hold spaces or control characters");
    to = s;
  }

  // The rules of every name (domain/text_rules.hpp): 200 characters, one line.
  void name(std::string_view s, std::string& to) {
    if (!valid_utf8(s)) return add(rule::not_utf8, "name", quoted_value(s), "must be UTF-8 text");
    if (auto broken = check_text("name", s, text_kind::name, number)) return out.push_back(std::move(*broken));
    to = s;
  }

  void tier(std::string_view s, customer_tier& to) {
    if (auto t = parse_customer_tier(s)) to = *t;
    else add(rule::not_one_of, "tier", std::string(s), "must be one of important, large");
  }

  void one_contact(std::size_t k, const json::value& v, std::vector<contact>& to) {
    auto prefix = fmt::format("contacts[{}]", k);
    const auto* o = v.if_object();
    if (!o && csv_contacts)
      return add(rule::malformed, prefix, value_text(v),
                 "must be channel:address (\"sms:+8613800000000\"), entries separated by \";\"");
    if (!o)
      return add(rule::not_an_object, prefix, value_text(v), "a contact must be an object {\"channel\", \"address\"}");
    std::size_t before = out.size();
    const json::value* given[2] = {o->if_contains("channel"), o->if_contains("address")};
    for (const auto& kv : *o)
      if (kv.key() != "channel" && kv.key() != "address")
        add(rule::unknown_field, fmt::format("{}.{}", prefix, std::string_view(kv.key())), value_text(kv.value()),
            "is not a field of a contact (channel, address)");
    std::optional<std::string_view> channel, address;
    for (int f = 0; f < 2; ++f) {
      auto field = fmt::format("{}.{}", prefix, f == 0 ? "channel" : "address");
      if (!given[f] || given[f]->is_null()) add(rule::required, field, "", "is required");
      else (f == 0 ? channel : address) = text(field, *given[f]);
    }
    if (channel && std::find(channels.begin(), channels.end(), *channel) == channels.end()) {
      add(rule::not_one_of, prefix + ".channel", std::string(*channel), "must be one of sms, email, phone, webhook");
      channel.reset();
    }
    if (address) {
      if (auto broken = check_text(prefix + ".address", *address, text_kind::name, number)) {
        out.push_back(std::move(*broken));
        address.reset();
      }
    }
    if (channel && address) {
      if (auto why = address_problem(*channel, *address); !why.empty())
        add(rule::malformed, prefix + ".address", std::string(*address),
            fmt::format("{} for channel {}", why, *channel));
    }
    if (out.size() == before) to.push_back({std::string(*channel), std::string(*address)});
  }

  void contacts(const json::value& v, std::vector<contact>& to) {
    const auto* a = v.if_array();
    if (!a) return add(rule::not_a_list, "contacts", value_text(v), "must be an array of {\"channel\", \"address\"}");
    if (a->empty() || a->size() > max_contacts)
      return add(rule::wrong_count, "contacts", csv_contacts ? *csv_contacts : value_text(v),
                 fmt::format("must hold 1 to {} contacts, not {}", max_contacts, a->size()));
    for (std::size_t k = 0; k < a->size(); ++k) one_contact(k + 1, (*a)[k], to);
  }

  void read(std::size_t f, const json::value& v, customer& c) {
    const auto& field = schema().fields[f].name;
    if (f == f_contacts) return contacts(v, c.contacts);
    auto s = text(field, v);
    if (!s) return;
    switch (f) {
      case f_id: return id(field, *s, false, c.id);
      case f_name: return name(*s, c.name);
      case f_tier: return tier(*s, c.tier);
      default: return id(field, *s, true, c.connection_point);
    }
  }
};

// Row `n` of a body, or its issues in `out`.
std::optional<customer> read_row(const json::value& v, std::size_t n, std::vector<issue>& out,
                                 const std::string* csv_contacts = nullptr) {
  const auto* o = v.if_object();
  if (!o) {
    out.push_back({rule::not_an_object, n, "", value_text(v), "a row must be an object of field: value"});
    return std::nullopt;
  }
  std::size_t before = out.size();
  row_reader reader{n, out, csv_contacts};
  for (const auto& kv : *o)
    if (!schema().field_index(kv.key()))
      reader.add(rule::unknown_field, std::string(kv.key()), value_text(kv.value()),
                 fmt::format("is not a field of a customer ({})", field_list));
  customer c;
  const auto& fields = schema().fields;
  for (std::size_t f = 0; f < fields.size(); ++f) {
    const json::value* given = o->if_contains(fields[f].name);
    if (!given || given->is_null()) reader.add(rule::required, fields[f].name, "", "is required");
    else reader.read(f, *given, c);
  }
  if (out.size() != before) return std::nullopt;
  return c;
}

// The rows of a body; `csv_contacts[i]` is row i's contacts cell when the rows came from a CSV file.
expected<std::vector<customer>> read_rows(const json::array& rows, const std::vector<std::string>& csv_contacts = {}) {
  if (rows.size() > max_customer_import_rows)
    return fail(errc::too_large, fmt::format("an import holds at most {} customers", max_customer_import_rows));
  if (rows.empty()) return fail(errc::invalid_request, "the import holds no customers");
  std::vector<customer> out;
  std::vector<issue> issues;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (auto c = read_row(rows[i], i + 1, issues, csv_contacts.empty() ? nullptr : &csv_contacts[i]))
      out.push_back(std::move(*c));
  if (!issues.empty()) {
    auto message = fmt::format("{} problem(s) in the customer import; nothing was imported", issues.size());
    return fail(errc::validation_failed, std::move(message), std::move(issues));
  }
  return out;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// A CSV contacts cell as the array a JSON body would hold; an entry without
// "channel:" stays a string, which the row reader names.
json::array csv_contacts(std::string_view cell) {
  json::array a;
  for (std::size_t start = 0; start <= cell.size();) {
    auto end = std::min(cell.find(';', start), cell.size());
    auto entry = trimmed(cell.substr(start, end - start));
    start = end + 1;
    auto colon = entry.find(':');
    if (colon == std::string_view::npos) a.emplace_back(json::string(entry));
    else a.push_back(json::object{{"channel", trimmed(entry.substr(0, colon))}, {"address", trimmed(entry.substr(colon + 1))}});
  }
  return a;
}

// The columns of every required field, or one issue per missing one.
status check_columns(const std::vector<std::size_t>& columns) {
  std::vector<issue> issues;
  for (std::size_t f = 0; f < schema().fields.size(); ++f)
    if (std::find(columns.begin(), columns.end(), f) == columns.end())
      issues.push_back({rule::missing_column, std::nullopt, schema().fields[f].name, "",
                        fmt::format("is a required column; the header names {}", field_list)});
  if (issues.empty()) return {};
  return fail(errc::validation_failed, "the CSV header lacks required columns", std::move(issues));
}

void append_customer(std::string& out, const customer& c) {
  out += R"({"id":)";
  append_text(out, json::string_view(c.id));
  out += R"(,"name":)";
  append_text(out, json::string_view(c.name));
  out += R"(,"tier":")";
  out += to_string(c.tier);
  out += R"(","connection_point":)";
  append_text(out, json::string_view(c.connection_point));
  out += R"(,"contacts":[)";
  for (std::size_t k = 0; k < c.contacts.size(); ++k) {
    out += k > 0 ? R"(,{"channel":)" : R"({"channel":)";
    append_text(out, json::string_view(c.contacts[k].channel));
    out += R"(,"address":)";
    append_text(out, json::string_view(c.contacts[k].address));
    out += '}';
  }
  out += "]}";
}

}  // namespace

std::string_view to_string(customer_tier t) noexcept { return t == customer_tier::important ? "important" : "large"; }

std::optional<customer_tier> parse_customer_tier(std::string_view text) noexcept {
  if (text == "important") return customer_tier::important;
  if (text == "large") return customer_tier::large;
  return std::nullopt;
}

expected<std::vector<customer>> parse_customers_json(const json::value& body) {
  const json::value* rows = body.is_object() ? body.get_object().if_contains("customers") : nullptr;
  if (!rows || !rows->is_array())
    return fail(errc::invalid_request, R"(the body must be a JSON object with an array "customers")");
  std::vector<issue> issues;
  for (const auto& kv : body.get_object())
    if (kv.key() != "customers")
      issues.push_back({rule::unknown_field, std::nullopt, std::string(kv.key()), value_text(kv.value()),
                        R"(is not a field of an import (only "customers"))"});
  if (!issues.empty()) return fail(errc::validation_failed, "the import body has unknown fields", std::move(issues));
  return read_rows(rows->get_array());
}

expected<std::vector<customer>> parse_customers_csv(std::string_view text) {
  auto file = read_csv(text);
  if (!file) return unexpected{file.error()};
  auto columns = map_csv_header(schema(), file->header);
  if (!columns) return unexpected{columns.error()};
  if (auto ok = check_columns(*columns); !ok) return unexpected{ok.error()};
  if (file->rows.size() > max_customer_import_rows)
    return fail(errc::too_large, fmt::format("an import holds at most {} customers", max_customer_import_rows));
  json::array rows;
  rows.reserve(file->rows.size());
  std::vector<std::string> cells(file->rows.size());  // each row's contacts, as written
  for (std::size_t i = 0; i < file->rows.size(); ++i) {
    json::object o;
    const auto& fields = file->rows[i].fields;
    for (std::size_t c = 0; c < fields.size(); ++c) {
      if (fields[c].empty()) continue;  // absent: "is required"
      const auto& name = schema().fields[(*columns)[c]].name;
      if ((*columns)[c] == f_contacts) {
        cells[i] = fields[c];
        o[name] = csv_contacts(fields[c]);
      } else {
        o[name] = fields[c];
      }
    }
    rows.push_back(std::move(o));
  }
  return read_rows(rows, cells);
}

json::object customer_to_json(const customer& c) {
  json::array contacts;
  for (const auto& k : c.contacts) contacts.push_back(json::object{{"channel", k.channel}, {"address", k.address}});
  json::object o{{"id", c.id}, {"name", c.name}, {"tier", to_string(c.tier)}, {"connection_point", c.connection_point},
                 {"contacts", std::move(contacts)}};
  if (c.version > 0) {
    o["version"] = c.version;
    o["changed_seq"] = c.changed_seq;
  }
  return o;
}

std::string encode_customer_import(std::span<const customer> rows) {
  std::string out = R"({"customers":[)";
  out.reserve(rows.size() * 200);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) out += ',';
    append_customer(out, rows[i]);
  }
  out += "]}";
  return out;
}

expected<std::vector<customer>> decode_customer_import(std::string_view payload) {
  std::error_code ec;
  auto doc = json::parse(payload, ec);
  if (ec) return fail(errc::internal, "a stored customer import is unreadable: not JSON");
  auto rows = parse_customers_json(doc);
  if (!rows) {
    const auto& e = rows.error();
    auto why = e.details.empty() ? e.message : fmt::format("row {}: {} {}", e.details.front().row.value_or(0),
                                                           e.details.front().field, e.details.front().reason);
    return fail(errc::internal, fmt::format("a stored customer import is unreadable: {}", why));
  }
  return rows;
}

}  // namespace gridcoord::domain::sla
