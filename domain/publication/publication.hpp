#pragma once
// domain/publication/publication.hpp — the published restricted list (M6).
//
// Marketing publishes, monthly and on demand, the connection points where new
// connections are restricted: every feeder (and distribution transformer)
// whose status is red in the month after the period, with its available
// capacity, binding equipment, reason and expected relief. Each publication
// is numbered (1, 2, …), logged as one "publication.issued" event in stream
// "publication" and kept; it is rendered as JSON and CSV for machines and as
// a self-contained HTML page (no external assets, no script) for the public,
// business halls and the website, in zh-CN or en (domain/language.hpp).
// [Threading] Pure; safe from any thread.
// [Errors]    decode_publication answers errc::internal for an unreadable payload.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/capacity/types.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/language.hpp"

namespace gridcoord::domain::capacity {

inline constexpr std::string_view publication_stream = "publication";
inline constexpr std::string_view publication_issued_type = "publication.issued";

struct publication {
  std::uint32_t number = 0;        // 1, 2, … in the order issued
  month period{};                  // the month whose end it follows
  month restricted_month{};        // the month the list is for: period + 1
  time_point issued_at{};
  std::string issued_by;           // "schedule" or the token's subject
  std::optional<month> as_of;      // latest M4 month the list used
  std::vector<constrained_point> entries;  // red points, by region then point
  std::vector<report_ref> sources;
  friend bool operator==(const publication&, const publication&) = default;
};

// The event payload (and GET /v1/publications/{n}'s JSON body):
// {"number","period","restricted_month","issued_at","issued_by","as_of",
//  "entries":[{"region","point","kind","area_class","available_kva","binding",
//  "reason","expected_relief_month","cause","cause_element","cause_kind"}],
//  "sources":[{"kind","month","version"}]}.
// Months are "YYYY-MM", as_of and expected_relief_month null when absent,
// issued_at RFC 3339 UTC; numbers as people write them (domain/json.hpp).
// cause is limit_cause's text; cause_element and cause_kind are null when the
// cause is "none". A payload written before causes were recorded has no cause
// fields: it reads with cause none.
// Entries carry no status: every entry is red, and decode sets light::red.
// decode(encode(p)) == p for every p whose entries are red and whose entries
// with cause none have an empty cause_element and cause_kind feeder.
std::string encode_publication(const publication& p);
[[nodiscard]] expected<publication> decode_publication(std::string_view payload);

// One line per entry under a header line: region,point,kind,area_class,
// available_kva,binding,reason,expected_relief_month,as_of,cause,
// cause_element,cause_kind (RFC 4180 quoting, UTF-8 with a byte-order mark so
// spreadsheets read Chinese region names, CRLF after every line as RFC 4180
// and spreadsheets expect). The same in every language: the columns are the
// JSON fields. Absent months, and cause_element and cause_kind with cause
// none, are empty fields; as_of is the publication's, repeated on every line.
// A text field that a spreadsheet would read as a formula (it begins with =,
// +, -, @, a tab or a carriage return: a region or an equipment id as
// registered) is quoted and begins with an apostrophe, "'=HYPERLINK(…)", so it
// is shown as text and never run (OWASP's rule for CSV injection). Numbers
// are written as numbers: -120.5 stays a number.
std::string render_csv(const publication& p);

// Who publishes the list and how to reach them, in one language.
struct publisher {
  std::string issuer;   // e.g. "蓝海供电公司 营销部"; "" = no issuer line
  std::string contact;  // a phone number, an address; "" = no contact line
  friend bool operator==(const publisher&, const publisher&) = default;
};

// What the pages say besides the publication itself.
struct page_settings {
  language default_language = language::zh_cn;  // when a reader asks for none
  publisher zh_cn;
  publisher en;
  std::string zone = "Asia/Shanghai";  // IANA zone the issue time is written in
  const publisher& by(language l) const noexcept { return l == language::en ? en : zh_cn; }
  friend bool operator==(const page_settings&, const page_settings&) = default;
};

// A whole HTML5 document in `lang` (<html lang="zh-CN"> or "en"), for the
// public: a title and an introduction in plain words (what the list is, what
// "restricted" means for someone who wants to connect, what to do), the
// issuer and contact, the issue time in s.zone with its offset
// (domain/local_time.hpp), the month the list is for and its data's "as of"
// month, every entry with its reason in plain words and its expected relief,
// a glossary of the terms used, and the sources. A table at wide widths,
// one card per entry below 600 CSS pixels; readable printed on A4. UTF-8,
// inline CSS, no script, no external resource; every text from the
// publication and the settings is HTML-escaped (& < > " ').
std::string render_html(const publication& p, const page_settings& s, language lang);

}  // namespace gridcoord::domain::capacity
