// GET /v1/report-kinds and GET /v1/report-kinds/{kind}: the catalogue of
// report kinds (domain/report_kind.hpp), static data answered at once.
#include <boost/json/value_from.hpp>

#include "gateways/codecs.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/route_support.hpp"

namespace gridcoord::gateways::detail {

namespace json = boost::json;

route_handler get_report_kinds() {
  return [](const request_context&, respond done) {
    json::array kinds;
    for (const auto& k : domain::report_catalogue()) kinds.push_back(json::value_from(k));
    done(json_response(200, json::object{{"kinds", std::move(kinds)}}));
  };
}

route_handler get_report_kind() {
  return [](const request_context& ctx, respond done) {
    auto kind = kind_param(ctx.param("kind"));
    if (!kind) return done(error_response(kind.error()));
    done(json_response(200, json::value_from(**kind)));
  };
}

}  // namespace gridcoord::gateways::detail
