#include "bench/m1_report.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <random>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

namespace gridcoord::bench {

namespace {

constexpr std::array<std::string_view, 20> cn_places{"华东", "蓝海", "鑫源", "恒达", "江南", "滨海", "东方",
                                                     "新城", "金桥", "天合", "中泰", "宏远", "永盛", "瑞丰",
                                                     "长青", "海港", "星河", "明珠", "南湖", "北辰"};
constexpr std::array<std::string_view, 15> cn_trades{"钢构", "冷链", "化工", "纺织", "电子",
                                                     "食品", "物流", "数据中心", "制药", "水泥",
                                                     "造纸", "机械", "汽车零部件", "光伏", "新材料"};
constexpr std::array<std::string_view, 6> cn_forms{"有限公司", "股份有限公司", "集团", "科技有限公司",
                                                   "一期", "二期"};
constexpr std::array<std::string_view, 15> en_places{"Hengda", "Xinyuan", "Lanhai", "Huadong", "Jinqiao",
                                                     "Tianhe", "Zhongtai", "Hongyuan", "Harbour", "Eastfield",
                                                     "Riverside", "Golden Bridge", "Pearl", "Northstar",
                                                     "Summit"};
constexpr std::array<std::string_view, 14> en_trades{"Steel", "Semiconductor", "Cold Chain", "Chemicals",
                                                     "Textiles", "Logistics", "Data Center", "Pharma",
                                                     "Cement", "Paper", "Machinery", "Auto Parts", "Solar",
                                                     "Materials"};
constexpr std::array<std::string_view, 6> en_forms{"Co., Ltd.", "Group", "Industries", "Holdings", "Inc.",
                                                   "Phase 2"};
constexpr std::array<std::string_view, 12> areas{"Harbour",       "East Industrial Park", "Old Town",
                                                 "Riverside",     "Airport Zone",         "High-Tech Park",
                                                 "滨江新区",      "临港开发区",           "North Suburbs",
                                                 "West Logistics", "University Town",     "经济技术开发区"};
constexpr std::array<double, 16> kva_sizes{315,  400,  500,  630,  800,  1000, 1250, 1600,
                                           2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000};

template <class A>
std::string_view pick(const A& a, std::mt19937_64& rng) {
  return a[std::uniform_int_distribution<std::size_t>(0, a.size() - 1)(rng)];
}

std::string customer_name(std::mt19937_64& rng) {
  if (std::bernoulli_distribution(0.5)(rng))
    return fmt::format("{}{}{}", pick(cn_places, rng), pick(cn_trades, rng), pick(cn_forms, rng));
  return fmt::format("{} {} {}", pick(en_places, rng), pick(en_trades, rng), pick(en_forms, rng));
}

m1_row random_row(std::mt19937_64& rng, domain::month period) {
  m1_row r;
  r.customer = customer_name(rng);
  if (std::bernoulli_distribution(0.65)(rng))
    r.feeder = fmt::format("F-{}", std::uniform_int_distribution<int>(101, 999)(rng));
  else
    r.area = std::string(pick(areas, rng));
  if (std::bernoulli_distribution(0.6)(rng))
    r.demand_kw = std::round(std::uniform_real_distribution<double>(200, 20000)(rng) * 10) / 10;
  else
    r.demand_kva = kva_sizes[std::uniform_int_distribution<std::size_t>(0, kva_sizes.size() - 1)(rng)];
  auto ahead = std::chrono::months{std::uniform_int_distribution<int>(0, 36)(rng)};
  r.expected_month = domain::to_string(period + ahead);
  r.likelihood_pct = 5.0 * std::uniform_int_distribution<int>(1, 20)(rng);
  return r;
}

std::string key_of(const m1_row& r) {
  return fmt::format("{}|{}|{}|{}", r.customer, r.feeder, r.area, r.expected_month);
}

// "12,345.6": what a spreadsheet writes with thousands separators on.
std::string grouped(double d) {
  auto text = fmt::format("{}", d);
  auto digits = std::min(text.find('.'), text.size());
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && i < digits && (digits - i) % 3 == 0) out += ',';
    out += text[i];
  }
  return out;
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::vector<m1_row> make_m1_rows(std::size_t count, domain::month period) {
  std::mt19937_64 rng(20261201);
  std::unordered_set<std::string> keys;
  std::vector<m1_row> rows;
  rows.reserve(count);
  while (rows.size() < count) {
    auto r = random_row(rng, period);
    if (keys.insert(key_of(r)).second) rows.push_back(std::move(r));
  }
  return rows;
}

std::string m1_json(const std::vector<m1_row>& rows) {
  std::string out = R"({"rows":[)";
  for (const auto& r : rows) {
    if (&r != rows.data()) out += ',';
    out += fmt::format(R"({{"customer":"{}",)", r.customer);  // names hold no quote or backslash
    out += r.feeder.empty() ? fmt::format(R"("area":"{}",)", r.area) : fmt::format(R"("feeder":"{}",)", r.feeder);
    out += r.demand_kw > 0 ? fmt::format(R"("demand_kw":{},)", r.demand_kw)
                           : fmt::format(R"("demand_kva":{},)", r.demand_kva);
    out += fmt::format(R"("expected_month":"{}","likelihood_pct":{}}})", r.expected_month, r.likelihood_pct);
  }
  return out + "]}";
}

std::string m1_csv(const std::vector<m1_row>& rows) {
  std::string out = "customer,feeder,area,demand_kw,demand_kva,expected_month,likelihood_pct\r\n";
  for (const auto& r : rows) {
    out += fmt::format("{},{},{},{},{},{},{}\r\n", csv_field(r.customer), r.feeder, csv_field(r.area),
                       r.demand_kw > 0 ? csv_field(grouped(r.demand_kw)) : "",
                       r.demand_kva > 0 ? fmt::format("{}", r.demand_kva) : "", r.expected_month,
                       r.likelihood_pct);
  }
  return out;
}

}  // namespace gridcoord::bench
