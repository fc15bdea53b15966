#pragma once
// domain/local_time.hpp — times and rates as a person reads them.
//
// Every time shown to a person (gridctl's tables, publications, customer
// messages, the bulletin, the console) is written in the configured zone with
// its offset, in one format: "2026-12-08 00:00 (+08:00)", with seconds only
// where they matter ("2026-12-08 00:00:05 (+08:00)"). The JSON API keeps RFC
// 3339 in UTC (domain/clock.hpp); this is for people only.
// [Threading] Pure functions; safe from any thread. The zone rules are the
//             system tzdata, read once per process on first use.
// [Errors]    An unknown zone name is written in UTC ("… (+00:00)") rather
//             than failing: the zone was checked when the settings were read.
#include <string>
#include <string_view>

#include "domain/clock.hpp"

namespace gridcoord::domain {

enum class time_detail { minutes, seconds };

// "2026-12-08 00:00 (+08:00)" for 2026-12-07T16:00:00Z in "Asia/Shanghai".
std::string format_local(time_point t, std::string_view zone, time_detail detail = time_detail::minutes);

// "2026-12-08 00:00" without the offset, for a column whose header names it.
std::string format_local_bare(time_point t, std::string_view zone, time_detail detail = time_detail::minutes);

// The zone's offset at `t`: "+08:00".
std::string local_offset(time_point t, std::string_view zone);

// Whether the system's tzdata knows `zone` ("Asia/Shanghai", "UTC").
bool is_known_zone(std::string_view zone);

// A share as a person reads it: 1.0 -> "100 %", 0.875 -> "87.5 %", 0 -> "0 %"
// (at most one decimal, none when it is .0).
std::string format_rate(double share);

}  // namespace gridcoord::domain
