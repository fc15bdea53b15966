#include "domain/projection.hpp"

#include <fmt/format.h>

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

expected<std::map<department, department_book>> books_from_json(const json::array& a) {
  auto out = projection::empty().books;
  std::size_t seen = 0;
  for (const auto& v : a) {
    auto book = department_book::from_json(v);
    if (!book) return unexpected{book.error()};
    out.insert_or_assign(book->owner(), std::move(*book));
    ++seen;
  }
  if (seen != all_departments.size()) return fail(errc::internal, "the snapshot lacks a department");
  return out;
}

}  // namespace

projection projection::empty() {
  projection p;
  for (auto d : all_departments) p.books.emplace(d, department_book{d});
  return p;
}

status projection::apply_event(std::string_view type, std::uint64_t seq, time_point at,
                               std::string_view payload) {
  for (auto& [d, book] : books)
    if (auto st = book.apply_event(type, seq, at, payload); !st) return st;
  if (auto st = cycle.apply_event(type, seq, at, payload); !st) return st;
  if (auto st = tokens.apply_event(type, at, payload); !st) return st;
  return equipment.apply_event(type, seq, at, payload);
}

json::value projection::to_json() const {
  json::array a;
  for (const auto& [d, book] : books) a.push_back(book.to_json());
  return json::object{{"books", std::move(a)}, {"tokens", tokens.to_json()}, {"cycle", cycle.to_json()},
                      {"equipment", equipment.to_json()}};
}

expected<projection> projection::from_json(const json::value& v) {
  projection p;
  const json::array* books = v.if_array();
  if (const auto* o = v.if_object()) {
    const auto* b = o->if_contains("books");
    const auto* t = o->if_contains("tokens");
    if (!b || !b->is_array() || !t) return fail(errc::internal, "the snapshot is unreadable");
    books = &b->get_array();
    auto tokens = token_book::from_json(*t);
    if (!tokens) return unexpected{tokens.error()};
    p.tokens = std::move(*tokens);
    if (const auto* e = o->if_contains("equipment")) {
      auto registry = equipment_registry::from_json(*e);
      if (!registry) return unexpected{registry.error()};
      p.equipment = std::move(*registry);
    }
    if (const auto* c = o->if_contains("cycle")) {
      auto book = cycle_book::from_json(*c);
      if (!book) return unexpected{book.error()};
      p.cycle = std::move(*book);
    }
  }
  if (!books) return fail(errc::internal, "the snapshot is unreadable");
  auto parsed = books_from_json(*books);
  if (!parsed) return unexpected{parsed.error()};
  p.books = std::move(*parsed);
  return p;
}

}  // namespace gridcoord::domain
