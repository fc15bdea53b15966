#pragma once
// domain/publication/publication.hpp — the published restricted list (M6).
//
// Marketing publishes, monthly and on demand, the connection points where new
// connections are restricted: every feeder (and distribution transformer)
// whose status is red in the month after the period, with its available
// capacity, binding equipment, reason and expected relief. Each publication
// is numbered (1, 2, …), logged as one "publication.issued" event in stream
// "publication" and kept; it is rendered as JSON, CSV and a self-contained
// HTML page (no external assets, no script) for business halls and the website.
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
//  "reason","expected_relief_month"}],"sources":[{"kind","month","version"}]}.
// Months are "YYYY-MM", as_of and expected_relief_month null when absent,
// issued_at RFC 3339 UTC; numbers as people write them (domain/json.hpp).
// Entries carry no status: every entry is red, and decode sets light::red.
// decode(encode(p)) == p for every p whose entries are red.
std::string encode_publication(const publication& p);
[[nodiscard]] expected<publication> decode_publication(std::string_view payload);

// One line per entry under a header line: region,point,kind,area_class,
// available_kva,binding,reason,expected_relief_month,as_of (RFC 4180 quoting,
// UTF-8 with a byte-order mark so spreadsheets read Chinese region names,
// CRLF after every line as RFC 4180 and spreadsheets expect). Absent months
// are empty fields; as_of is the publication's, repeated on every line.
std::string render_csv(const publication& p);
// A whole HTML5 document: title, "as of", a table of the entries (escaped),
// the sources and the number; readable printed on A4. lang="en", UTF-8, inline
// CSS; every text from the publication is HTML-escaped (& < > " ').
std::string render_html(const publication& p);

}  // namespace gridcoord::domain::capacity
