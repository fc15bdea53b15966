#include "domain/csv.hpp"

#include <fmt/format.h>

#include "domain/csv_encoding.hpp"

namespace gridcoord::domain {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// The length of the line break at s[i] (CRLF 2, LF or CR 1), 0 when none.
std::size_t break_length(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '\n') return 1;
  if (s[i] == '\r') return i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
  return 0;
}

// Reads records one at a time, counting physical lines.
class parser {
 public:
  explicit parser(std::string_view s) : s_(s) {}

  bool at_end() const { return pos_ >= s_.size(); }
  bool at_blank_line() const { return break_length(s_, pos_) > 0; }
  std::size_t line() const { return line_; }
  void skip_line() {
    pos_ += break_length(s_, pos_);
    ++line_;
  }

  // REQUIRES: !at_end().
  status read_record(csv_record& out) {
    out.line = line_;
    out.fields.clear();
    for (;;) {
      if (out.fields.size() == max_csv_columns)
        return fail(errc::too_large,
                    fmt::format("line {} has more than {} fields", out.line, max_csv_columns));
      std::string& field = out.fields.emplace_back();
      if (at_end()) return {};  // a last field that is empty: "a,b,"
      if (s_[pos_] == '"') {
        if (auto st = read_quoted(field, out.fields.size()); !st) return st;
      } else {
        read_plain(field);
      }
      if (at_end()) return {};
      if (s_[pos_] != ',') break;
      ++pos_;
    }
    skip_line();
    return {};
  }

 private:
  void read_plain(std::string& out) {
    auto end = s_.find_first_of(",\r\n", pos_);
    if (end == std::string_view::npos) end = s_.size();
    out.assign(s_.substr(pos_, end - pos_));
    pos_ = end;
  }

  // REQUIRES: s_[pos_] == '"'.
  status read_quoted(std::string& out, std::size_t field_number) {
    std::size_t opened_on = line_;
    ++pos_;
    for (;;) {
      auto next = s_.find_first_of("\"\r\n", pos_);
      if (next == std::string_view::npos)
        return fail(errc::invalid_request,
                    fmt::format("line {}: the quoted field {} that starts on this line is never "
                                "closed; a quote inside a quoted field is written twice (\"\")",
                                opened_on, field_number));
      out.append(s_.substr(pos_, next - pos_));
      pos_ = next;
      if (s_[pos_] != '"') {  // a line break inside the field: kept as written
        std::size_t br = break_length(s_, pos_);
        out.append(s_.substr(pos_, br));
        pos_ += br;
        ++line_;
      } else if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {
        out += '"';
        pos_ += 2;
      } else {
        ++pos_;
        break;
      }
    }
    while (!at_end() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
    if (!at_end() && s_[pos_] != ',' && !at_blank_line())
      return fail(errc::invalid_request,
                  fmt::format("line {}: field {} has text after its closing quote; a quote inside a "
                              "quoted field is written twice (\"\")",
                              line_, field_number));
    return {};
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

status check_start(std::string_view original, std::string_view text) {
  if (original.size() > max_csv_bytes)
    return fail(errc::too_large, fmt::format("a CSV file holds at most {} bytes", max_csv_bytes));
  if (text.find_first_not_of("\r\n") == std::string_view::npos)
    return fail(errc::invalid_request,
                "the file is empty: its first line must be the header naming the fields");
  if (break_length(text, 0))
    return fail(errc::invalid_request,
                "line 1 is blank: the first line must be the header naming the fields");
  return check_utf8(text, original.size() - text.size());
}

// Every data row whose field count differs from the header's, at once.
status check_widths(const csv_file& f) {
  std::vector<issue> issues;
  for (std::size_t i = 0; i < f.rows.size(); ++i) {
    const auto& r = f.rows[i];
    if (r.fields.size() != f.header.fields.size())
      issues.push_back({rule::wrong_count, i + 1, "", "",
                        fmt::format("line {} has {} field(s); the header (line {}) has {}", r.line,
                                    r.fields.size(), f.header.line, f.header.fields.size()),
                        r.line});
  }
  if (issues.empty()) return {};
  auto message = fmt::format("{} line(s) do not have the header's {} fields, the first is line {}; "
                             "nothing was stored",
                             issues.size(), f.header.fields.size(), f.rows[*issues[0].row - 1].line);
  return fail(errc::invalid_request, std::move(message), std::move(issues));
}

}  // namespace

expected<csv_file> read_csv(std::string_view original) {
  std::string_view text = original;
  if (text.starts_with(utf8_bom)) text.remove_prefix(utf8_bom.size());
  if (auto st = check_start(original, text); !st) return unexpected{st.error()};
  parser p(text);
  csv_file out;
  if (auto st = p.read_record(out.header); !st) return unexpected{st.error()};
  std::size_t first_blank = 0;
  while (!p.at_end()) {
    if (p.at_blank_line()) {
      if (!first_blank) first_blank = p.line();
      p.skip_line();
      continue;
    }
    if (first_blank)
      return fail(errc::invalid_request,
                  fmt::format("line {} is blank; remove blank lines between the rows", first_blank));
    if (out.rows.size() == max_csv_rows)
      return fail(errc::too_large, fmt::format("a report holds at most {} rows", max_csv_rows));
    if (auto st = p.read_record(out.rows.emplace_back()); !st) return unexpected{st.error()};
  }
  if (auto st = check_widths(out); !st) return unexpected{st.error()};
  return out;
}

}  // namespace gridcoord::domain
