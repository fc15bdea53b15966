#include "domain/sla/messages.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "domain/local_time.hpp"

namespace gridcoord::domain::sla {

namespace {

constexpr std::array all_placeholders{placeholder::signature,     placeholder::contact,    placeholder::customer_name,
                                      placeholder::equipment_name, placeholder::equipment_kind, placeholder::region,
                                      placeholder::started_at,    placeholder::etr,        placeholder::cause,
                                      placeholder::restored_at,   placeholder::starts_at,  placeholder::ends_at};

std::optional<placeholder> parse_placeholder(std::string_view name) {
  for (auto p : all_placeholders)
    if (to_string(p) == name) return p;
  return std::nullopt;
}

std::string names_of(const std::vector<placeholder>& list) {
  std::string out;
  for (auto p : list) out += fmt::format("{}{{{}}}", out.empty() ? "" : ", ", to_string(p));
  return out;
}

// The placeholder named `name`, checked against kind `k`.
gridcoord::expected<placeholder, std::string> placeholder_in(std::string_view name, message_kind k) {
  if (name.empty()) return unexpected{std::string("has an empty placeholder {} (write {{ and }} for braces)")};
  auto p = parse_placeholder(name);
  auto known = placeholders_of(k);
  if (p && std::find(known.begin(), known.end(), *p) != known.end()) return *p;
  if (!p)
    return unexpected{fmt::format("has {{{}}}, which is not a placeholder; {} knows {}", name, to_string(k),
                                  names_of(known))};
  return unexpected{fmt::format("has {{{}}}, which {} does not have; it knows {}", name, to_string(k), names_of(known))};
}

std::string time_or(const std::optional<time_point>& t, std::string_view zone, domain::language l,
                    std::string_view otherwise) {
  return t ? format_message_time(*t, zone, l) : std::string(otherwise);
}

std::string value_of(placeholder p, const language_texts& texts, domain::language l, const message_values& v,
                     std::string_view zone) {
  switch (p) {
    case placeholder::signature: return texts.signature;
    case placeholder::contact: return texts.contact;
    case placeholder::customer_name: return v.customer_name;
    case placeholder::equipment_name: return v.equipment_name;
    case placeholder::equipment_kind: return v.kind ? texts.equipment_kinds[static_cast<std::size_t>(*v.kind)] : "";
    case placeholder::region: return v.region;
    case placeholder::started_at: return time_or(v.started_at, zone, l, "");
    case placeholder::etr: return time_or(v.etr, zone, l, texts.etr_unknown);
    case placeholder::cause: return v.cause && !v.cause->empty() ? *v.cause : texts.cause_unknown;
    case placeholder::restored_at: return time_or(v.restored_at, zone, l, "");
    case placeholder::starts_at: return time_or(v.starts_at, zone, l, "");
    case placeholder::ends_at: return time_or(v.ends_at, zone, l, "");
  }
  return {};
}

}  // namespace

std::string_view to_string(message_kind k) noexcept {
  switch (k) {
    case message_kind::outage_notice: return "outage_notice";
    case message_kind::etr_update: return "etr_update";
    case message_kind::restoration: return "restoration";
    case message_kind::planned_outage_notice: return "planned_outage_notice";
  }
  return "outage_notice";
}

std::optional<message_kind> parse_message_kind(std::string_view text) noexcept {
  for (auto k : all_message_kinds)
    if (to_string(k) == text) return k;
  return std::nullopt;
}

message_kind message_kind_of(notification_kind k) noexcept {
  switch (k) {
    case notification_kind::outage_notice: return message_kind::outage_notice;
    case notification_kind::etr_update: return message_kind::etr_update;
    case notification_kind::restoration: return message_kind::restoration;
  }
  return message_kind::outage_notice;
}

std::string_view to_string(placeholder p) noexcept {
  switch (p) {
    case placeholder::signature: return "signature";
    case placeholder::contact: return "contact";
    case placeholder::customer_name: return "customer_name";
    case placeholder::equipment_name: return "equipment_name";
    case placeholder::equipment_kind: return "equipment_kind";
    case placeholder::region: return "region";
    case placeholder::started_at: return "started_at";
    case placeholder::etr: return "etr";
    case placeholder::cause: return "cause";
    case placeholder::restored_at: return "restored_at";
    case placeholder::starts_at: return "starts_at";
    case placeholder::ends_at: return "ends_at";
  }
  return "signature";
}

std::vector<placeholder> placeholders_of(message_kind k) {
  using p = placeholder;
  std::vector<placeholder> out{p::signature, p::contact, p::customer_name, p::equipment_name, p::equipment_kind,
                               p::region};
  switch (k) {
    case message_kind::outage_notice:
    case message_kind::etr_update: out.insert(out.end(), {p::started_at, p::etr, p::cause}); break;
    case message_kind::restoration: out.insert(out.end(), {p::started_at, p::cause, p::restored_at}); break;
    case message_kind::planned_outage_notice: out.insert(out.end(), {p::starts_at, p::ends_at}); break;
  }
  return out;
}

gridcoord::expected<message_template, std::string> parse_template(std::string_view text, message_kind k) {
  message_template out;
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool doubled = i + 1 < text.size() && text[i + 1] == c;
    if ((c == '{' || c == '}') && doubled) {
      literal += c;
      ++i;
    } else if (c == '}') {
      return unexpected{fmt::format("has a \"}}\" at byte {} without its \"{{\" (write }}}} for a brace)", i + 1)};
    } else if (c == '{') {
      auto close = text.find('}', i + 1);
      auto open = text.find('{', i + 1);
      if (close == std::string_view::npos || open < close)
        return unexpected{fmt::format("has a \"{{\" at byte {} without its \"}}\" (write {{{{ for a brace)", i + 1)};
      auto p = placeholder_in(text.substr(i + 1, close - i - 1), k);
      if (!p) return unexpected{p.error()};
      out.pieces.push_back({std::move(literal), *p});
      literal.clear();
      i = close;
    } else {
      literal += c;
    }
  }
  if (!literal.empty() || out.pieces.empty()) out.pieces.push_back({std::move(literal), std::nullopt});
  return out;
}

std::string format_message_time(time_point t, std::string_view zone, domain::language l) {
  if (l == domain::language::en) return format_local(t, zone);
  auto bare = format_local_bare(t, zone);  // "2026-12-07 08:25"
  auto number = [&](std::size_t at) { return std::stoi(bare.substr(at, 2)); };
  return fmt::format("{}月{}日 {}", number(5), number(8), bare.substr(11, 5));
}

std::string render(const language_texts& texts, domain::language l, message_kind k, const message_values& v,
                   std::string_view zone) {
  std::string out;
  for (const auto& piece : texts.templates[static_cast<std::size_t>(k)].pieces) {
    out += piece.literal;
    if (piece.value) out += value_of(*piece.value, texts, l, v, zone);
  }
  return out;
}

unsigned longest_segments(const message_catalogue& c, domain::language l, message_kind k) {
  const auto* texts = c.texts_of(l);
  if (!texts) return 0;
  // A day and a month of two digits in every zone: the longest time.
  auto t = time_point{std::chrono::sys_days{std::chrono::year{2026} / 12 / 27}} + std::chrono::hours{12};
  message_values v{c.check.customer_name, c.check.equipment_name, std::nullopt, c.check.region, c.check.cause,
                   t, t, t, t, t};
  unsigned most = 0;
  for (auto kind : {equipment_kind::substation, equipment_kind::main_transformer, equipment_kind::feeder,
                    equipment_kind::distribution_transformer}) {
    v.kind = kind;
    most = std::max(most, measure_sms(render(*texts, l, k, v, "UTC")).segments);
  }
  return most;
}

written_message write_message(const message_catalogue& c, message_kind k, std::string_view channel,
                              const message_values& v, std::string_view zone) {
  written_message out;
  out.language = c.language;
  const auto* texts = c.texts_of(c.language);
  if (!texts) return out;
  out.text = render(*texts, c.language, k, v, zone);
  if (channel == "sms") {
    out.segments = measure_sms(out.text).segments;
    out.too_long = out.segments > texts->max_sms_segments;
  }
  return out;
}

}  // namespace gridcoord::domain::sla
