#pragma once
// domain/sla/messages.hpp — what a customer is told, from templates: one per
// message kind and language (config/messages.toml; docs/notifications.md,
// "What the customer reads").
//
// A template is text with named placeholders, "{customer_name}"; "{{" and
// "}}" write a brace. parse_template checks it against the placeholders its
// kind knows (placeholders_of), so a template that names a value its kind
// does not have is refused when the file is read, not when a customer is
// told. render fills a template with the time in the configured zone, in the
// language's one format (format_message_time), and the language's words for
// what is not known yet (an ETR, a cause). measure_sms counts what an SMS
// counts: GSM 03.38 septets when every character is in the GSM alphabet,
// otherwise UTF-16 units (a Chinese character is one, an emoji two); one
// segment holds 160 septets or 70 units, a message of several segments 153
// or 67 each (the rest carries the concatenation header).
// [Threading] Pure functions and values; a catalogue is immutable once made
//             and may be shared between threads.
// [Errors]    parse_template answers a sentence for a person (the config
//             loader adds the file, line and key); render cannot fail.
// [Limits]    Four kinds, two languages (zh-CN, en). Invalid UTF-8 in a
//             value is counted a unit a byte, as non-GSM.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"
#include "domain/clock.hpp"
#include "domain/equipment.hpp"
#include "domain/language.hpp"
#include "domain/sla/outbox.hpp"

namespace gridcoord::domain::sla {

// What a message is about. planned_outage_notice is E4b's (a planned
// outage's notice to customers): its template is checked and rendered, and
// sent once E4b is built.
enum class message_kind : std::uint8_t { outage_notice, etr_update, restoration, planned_outage_notice };
inline constexpr std::array all_message_kinds{message_kind::outage_notice, message_kind::etr_update,
                                              message_kind::restoration, message_kind::planned_outage_notice};
std::string_view to_string(message_kind k) noexcept;
std::optional<message_kind> parse_message_kind(std::string_view text) noexcept;
message_kind message_kind_of(notification_kind k) noexcept;

// The languages of domain/language.hpp, each once.
inline constexpr std::array all_languages{domain::language::zh_cn, domain::language::en};

enum class placeholder : std::uint8_t {
  signature,       // the company's signature, "【蓝海供电】"
  contact,         // the contact line, "如有疑问请致电95598。"
  customer_name,   // the registry's name of the customer
  equipment_name,  // the outage's equipment above the customer: its id ("F-222")
  equipment_kind,  // its kind in the language's words ("线路")
  region,          // its display region ("蓝海市临港镇")
  started_at,      // the outage's start
  etr,             // the estimated restoration; the language's etr_unknown when there is none
  cause,           // the cause dispatch found; the language's cause_unknown when there is none
  restored_at,     // when power came back
  starts_at,       // a planned outage's start
  ends_at,         // a planned outage's end
};
std::string_view to_string(placeholder p) noexcept;  // "customer_name"

// The placeholders a template of kind `k` may use.
std::vector<placeholder> placeholders_of(message_kind k);

struct message_template {
  struct piece {
    std::string literal;               // written as it is (braces unescaped)
    std::optional<placeholder> value;  // then this value, when set
    friend bool operator==(const piece&, const piece&) = default;
  };
  std::vector<piece> pieces;
  friend bool operator==(const message_template&, const message_template&) = default;
};

// The template `text` for kind `k`, or why not: a "{" without its "}", a "}"
// without a "{" (write "{{" and "}}" for braces), an empty or unknown name, a
// placeholder the kind does not know (the answer lists those it does).
[[nodiscard]] gridcoord::expected<message_template, std::string> parse_template(std::string_view text, message_kind k);

// The words of one language, and how many SMS segments its messages may take.
struct language_texts {
  unsigned max_sms_segments = 2;
  std::string signature;      // may be empty
  std::string contact;        // may be empty
  std::string etr_unknown;    // "待定"
  std::string cause_unknown;  // "正在查明"
  std::array<std::string, 4> equipment_kinds;      // by domain::equipment_kind
  std::array<message_template, 4> templates;       // by message_kind
};

// Stand-ins for the longest values a template will realistically get: the
// start check renders every template with them (and each equipment kind's
// words, and times with two-digit days) and refuses one over its language's
// max_sms_segments.
struct length_check_values {
  std::string customer_name, equipment_name, region, cause;
};

struct message_catalogue {
  domain::language language = domain::language::zh_cn;  // the one customers are written in
  length_check_values check;
  std::array<std::optional<language_texts>, 2> texts;  // by language; `language`'s is set

  const language_texts* texts_of(domain::language l) const noexcept {
    const auto& t = texts[static_cast<std::size_t>(l)];
    return t ? &*t : nullptr;
  }
};

// The values a message is written from; an unset one is written as the
// language's words for it (etr, cause) or as nothing.
struct message_values {
  std::string customer_name;
  std::string equipment_name;
  std::optional<equipment_kind> kind;
  std::string region;
  std::optional<std::string> cause;
  std::optional<time_point> started_at, etr, restored_at, starts_at, ends_at;
};

// A time as a customer reads it, in `zone`: zh-CN "12月7日 08:25" (the
// configured zone's wall clock, no year, no offset: short for an SMS); en
// "2026-12-07 08:25 (+08:00)" (domain/local_time.hpp's format).
std::string format_message_time(time_point t, std::string_view zone, domain::language l);

// Template `k` of `texts` filled with `v`, times in `zone`.
std::string render(const language_texts& texts, domain::language l, message_kind k, const message_values& v,
                   std::string_view zone);

struct sms_length {
  std::size_t units = 0;  // GSM septets (an extension character is two), or UTF-16 units
  bool gsm = true;        // every character is in the GSM 03.38 alphabet
  unsigned segments = 1;  // 1 up to 160 septets / 70 units, else ceil(units / 153 or 67)
  friend bool operator==(const sms_length&, const sms_length&) = default;
};
sms_length measure_sms(std::string_view utf8);

// The most segments template `k` of language `l` takes rendered with the
// catalogue's stand-ins and every equipment kind's words.
unsigned longest_segments(const message_catalogue& c, domain::language l, message_kind k);

// What a notification carries: the text, its language and, for channel
// "sms", its segments (0 for the other channels) and whether they are over
// the language's max_sms_segments (sent whole all the same).
struct written_message {
  std::string text;
  domain::language language = domain::language::zh_cn;
  unsigned segments = 0;
  bool too_long = false;
};
written_message write_message(const message_catalogue& c, message_kind k, std::string_view channel,
                              const message_values& v, std::string_view zone);

}  // namespace gridcoord::domain::sla
