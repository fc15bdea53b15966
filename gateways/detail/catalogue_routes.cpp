// GET /v1/report-kinds and GET /v1/report-kinds/{kind}: the catalogue of
// report kinds (domain/report_kind.hpp); GET /v1/validation-rules: every rule a
// validation detail can name (domain/validation_rule.hpp), with its text in
// English ("message", as ever) and in each language ("messages": {"en", "zh-CN"}).
// Static data answered at once.
#include <boost/json/value_from.hpp>

#include "domain/localize.hpp"
#include "domain/validation_rule.hpp"
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

route_handler get_validation_rules() {
  return [](const request_context&, respond done) {
    json::array rules;
    using domain::language;
    for (auto r : domain::all_rules()) {
      json::object messages{{domain::to_string(language::en), domain::message_of(r, language::en)},
                            {domain::to_string(language::zh_cn), domain::message_of(r, language::zh_cn)}};
      rules.push_back(json::object{
          {"rule", domain::to_string(r)}, {"message", domain::message_of(r)}, {"messages", std::move(messages)}});
    }
    done(json_response(200, json::object{{"rules", std::move(rules)}}));
  };
}

}  // namespace gridcoord::gateways::detail
