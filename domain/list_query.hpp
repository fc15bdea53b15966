#pragma once
// domain/list_query.hpp — cursor pages of lists: inbox items and tokens.
//
// A page holds at most `limit` matches after the cursor, in the list's order
// (inbox items by id; tokens by id); `next_after` is the cursor of the next
// page and `end` says there is none.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/book.hpp"
#include "domain/token_book.hpp"

namespace gridcoord::domain {

inline constexpr std::uint64_t default_page_limit = 100;
inline constexpr std::uint64_t max_page_limit = 1000;

struct inbox_filter {
  item_id after = 0;
  std::uint64_t limit = default_page_limit;
  std::optional<bool> acknowledged;   // only acknowledged (true) or open (false) items
  std::optional<department> from;     // only items this department sent
  std::string kind;                   // only this report kind ("" = any)
};

struct inbox_page {
  std::vector<inbox_item> items;
  item_id next_after = 0;
  bool end = true;
  std::uint64_t open = 0;  // unacknowledged items in the whole inbox (from the book; 0 from a vector)
};

// `items` must be ordered by id (as department_book::inbox() returns them).
inbox_page select(const std::vector<inbox_item>& items, const inbox_filter& f);
// The same page read from the book: only the page is copied, and a filter of
// open items walks the book's index of them (department_book::visit_inbox).
inbox_page select(const department_book& book, const inbox_filter& f);

struct token_filter {
  std::string after;                  // token id; "" = from the first
  std::uint64_t limit = default_page_limit;
  std::optional<bool> active;         // only active (true) or revoked or expired (false) tokens
  std::string role;                   // only this role ("" = any)
  time_point now{};                   // what "expired" is measured against
};

struct token_page {
  std::vector<token_record> tokens;
  std::string next_after;
  bool end = true;
};

token_page select(std::vector<token_record> tokens, const token_filter& f);

}  // namespace gridcoord::domain
