#pragma once
// domain/department.hpp — the five departments that exchange reports and notices.
#include <array>
#include <optional>
#include <string_view>

namespace gridcoord::domain {

enum class department { planning, dispatch, production, marketing, customer_service };

inline constexpr std::array<department, 5> all_departments{
    department::planning, department::dispatch, department::production,
    department::marketing, department::customer_service};

// "planning", "dispatch", "production", "marketing", "customer_service".
std::string_view to_string(department d) noexcept;

// The department with that name; nullopt for anything else (case-sensitive).
std::optional<department> parse_department(std::string_view name) noexcept;

}  // namespace gridcoord::domain
