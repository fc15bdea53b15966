#pragma once
// gateways/capacity_codec.hpp — the JSON of the capacity register's answers
// (docs/capacity.md shows each): boost::json::value_from(x) for every type
// below. Months YYYY-MM, kVA as people write them, absent values null.
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "actors/capacity_requests.hpp"
#include "domain/capacity/types.hpp"

namespace gridcoord::domain::capacity {

// Boost.JSON 1.81 finds tag_invoke by argument-dependent lookup only, so these
// live in the namespace of the types they convert.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const report_ref& r);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const committed_load& l);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const element_capacity& e);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const point_capacity& c);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const precheck_result& r);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const constrained_point& p);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const constrained_page& p);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const region_heat& h);

}  // namespace gridcoord::domain::capacity

namespace gridcoord::actors {

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const application_outcome& o);

}  // namespace gridcoord::actors
