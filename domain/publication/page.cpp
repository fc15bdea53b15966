// domain/publication/page.cpp — the restricted list as a page for the public
// (render_html), in the words of detail/page_words.hpp.
#include <fmt/format.h>

#include "domain/local_time.hpp"
#include "domain/publication/detail/page_words.hpp"
#include "domain/publication/publication.hpp"

namespace gridcoord::domain::capacity {

namespace {

using detail::page_words;

// & < > " ' as character references; everything else (UTF-8 included) as is.
std::string html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// A table at wide widths; below 600 CSS pixels every row is a card whose
// cells carry their column's label (data-label), the header row hidden but
// left for screen readers. Long words (ids, addresses) wrap rather than
// widen the page.
constexpr std::string_view page_style =
    "*{box-sizing:border-box}"
    "body{font-family:system-ui,-apple-system,\"Segoe UI\",\"Noto Sans\",\"Noto Sans CJK SC\",\"PingFang SC\","
    "\"Microsoft YaHei\",sans-serif;margin:0 auto;max-width:62rem;padding:1.5rem 1rem;color:#111;background:#fff;"
    "line-height:1.5;overflow-wrap:anywhere}"
    "h1{font-size:1.6rem;margin:0 0 .25rem;line-height:1.25}h2{font-size:1.2rem;margin:1.75rem 0 .5rem}"
    ".month{font-size:1.1rem;margin:0 0 1rem}.lead{font-size:1.05rem}"
    "dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0}"
    "dl.meta dt{font-weight:600}dl.meta dd{margin:0}"
    "table{border-collapse:collapse;width:100%;font-size:.95rem}"
    "th,td{border:1px solid #999;padding:.4rem .5rem;text-align:left;vertical-align:top}"
    "th{background:#eee}td.num{text-align:right;white-space:nowrap}"
    "tr{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}"
    ".empty{font-size:1.1rem;padding:1rem;border:1px solid #999}.contact{font-size:1.1rem;font-weight:600}"
    "dl.terms dt{font-weight:600;margin-top:.5rem}dl.terms dd{margin:0}"
    "footer{margin-top:2rem;padding-top:.5rem;border-top:1px solid #ccc;font-size:.85rem;color:#444}"
    "@media screen and (max-width:600px){body{padding:1rem .75rem}h1{font-size:1.35rem}"
    "dl.meta{grid-template-columns:1fr;gap:0}dl.meta dd{margin:0 0 .4rem}"
    "table,tbody,tr,td{display:block;width:100%}"
    "thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
    "tr{border:1px solid #999;border-radius:.4rem;margin:0 0 .75rem;padding:.5rem .75rem}"
    "td{border:0;padding:.15rem 0}td.num{text-align:left;white-space:normal}"
    "td::before{content:attr(data-label);display:block;font-size:.8rem;color:#555}}"
    "@page{size:A4;margin:15mm}"
    "@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}th{background:none}}";

// "2026-12-03T01:00:00Z": HTML's datetime allows at most three fraction digits.
std::string machine_time(time_point t) { return format_rfc3339(t).substr(0, 19) + "Z"; }

void append_meta(std::string& out, const publication& p, const publisher& by, const page_settings& s,
                 language lang) {
  const auto& w = detail::words_for(lang);
  out += "<dl class=\"meta\">\n";
  if (!by.issuer.empty()) out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", w.issuer, html(by.issuer));
  if (!by.contact.empty()) out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", w.contact, html(by.contact));
  out += fmt::format("<dt>{}</dt><dd><time datetime=\"{}\">{}</time></dd>\n", w.issued, machine_time(p.issued_at),
                     html(format_local(p.issued_at, s.zone)));
  out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", w.as_of,
                     p.as_of ? detail::month_words(*p.as_of, lang) : std::string(w.no_as_of));
  out += fmt::format("<dt>{}</dt><dd>{}{}{}</dd>\n</dl>\n", w.number, w.number_before, p.number, w.number_after);
}

void append_row(std::string& out, const constrained_point& e, const page_words& w, language lang) {
  out += fmt::format("<tr><td data-label=\"{}\">{}</td>", w.col_region, html(e.region));
  out += fmt::format("<td data-label=\"{}\">{}</td>", w.col_point, html(e.point));
  out += fmt::format("<td data-label=\"{}\">{}</td>", w.col_kind, detail::kind_words(e.kind, lang, true));
  out += fmt::format("<td class=\"num\" data-label=\"{}\">{}</td>", w.col_available,
                     html(detail::available_words(e.available_kva, lang)));
  out += fmt::format("<td data-label=\"{}\">{}</td>", w.col_reason, html(detail::reason_words(e, lang)));
  out += fmt::format("<td data-label=\"{}\">{}</td></tr>\n", w.col_relief, detail::relief_words(e.relief, lang));
}

void append_list(std::string& out, const publication& p, language lang) {
  const auto& w = detail::words_for(lang);
  out += fmt::format("<h2>{}</h2>\n", w.list_heading);
  if (p.entries.empty()) {
    out += fmt::format("<p class=\"empty\">{}{}{}</p>\n", w.empty_before,
                       detail::month_words(p.restricted_month, lang), w.empty_after);
    return;
  }
  out += fmt::format(
      "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
      "<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
      w.col_region, w.col_point, w.col_kind, w.col_available, w.col_reason, w.col_relief);
  for (const auto& e : p.entries) append_row(out, e, w, lang);
  out += "</tbody>\n</table>\n";
}

void append_what_to_do(std::string& out, const publisher& by, const page_words& w) {
  out += fmt::format("<h2>{}</h2>\n<p>{}</p>\n", w.todo_heading, w.todo_text);
  if (by.contact.empty()) out += fmt::format("<p class=\"contact\">{}</p>\n", w.todo_no_contact);
  else out += fmt::format("<p class=\"contact\">{}{}</p>\n", w.todo_contact, html(by.contact));
}

void append_terms(std::string& out, const page_words& w) {
  out += fmt::format("<h2>{}</h2>\n<dl class=\"terms\">\n", w.terms_heading);
  for (const auto& [term, meaning] : w.terms) out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", term, meaning);
  out += "</dl>\n";
}

void append_sources(std::string& out, const publication& p, language lang) {
  const auto& w = detail::words_for(lang);
  out += "<footer>\n<p>";
  if (p.sources.empty()) {
    out += w.no_sources;
  } else {
    out += w.sources_before;
    for (std::size_t i = 0; i < p.sources.size(); ++i) {
      if (i > 0) out += w.separator;
      out += html(detail::source_words(p.sources[i], lang));
    }
    out += lang == language::en ? "." : "。";
  }
  out += "</p>\n</footer>\n";
}

}  // namespace

std::string render_html(const publication& p, const page_settings& s, language lang) {
  const auto& w = detail::words_for(lang);
  const auto& by = s.by(lang);
  const auto month = detail::month_words(p.restricted_month, lang);
  std::string out;
  out += fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{} — {}</title>\n<style>{}</style>\n</head>\n<body>\n",
      to_string(lang), w.title, month, page_style);
  out += fmt::format("<header>\n<h1>{}</h1>\n<p class=\"month\">{}{}<strong>{}</strong></p>\n</header>\n", w.title,
                     w.for_month, lang == language::en ? " " : "：", month);
  out += fmt::format("<p class=\"lead\">{}<strong>{}</strong>{}</p>\n", w.intro_before, month, w.intro_after);
  append_meta(out, p, by, s, lang);
  append_list(out, p, lang);
  append_what_to_do(out, by, w);
  append_terms(out, w);
  append_sources(out, p, lang);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace gridcoord::domain::capacity
