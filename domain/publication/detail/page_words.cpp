// domain/publication/detail/page_words.cpp — the page's texts in zh-CN and en.
#include "domain/publication/detail/page_words.hpp"

#include <cmath>

#include <fmt/format.h>

#include "domain/json.hpp"

namespace gridcoord::domain::capacity::detail {

namespace {

const page_words zh_words{
    .title = "新装、增容用电受限区域",
    .for_month = "适用月份",
    .intro_before = "下表列出的接入点，为其供电的线路或变压器在",
    .intro_after = "已没有足够的余量。在这些地方新装用电，或者为已有的用电增加容量（增容），"
                   "要等电网改造完成或用电负荷下降以后才能接入。已经在用的电不受影响。",
    .issuer = "发布单位",
    .contact = "联系方式",
    .issued = "发布时间",
    .as_of = "负荷数据截至",
    .no_as_of = "尚无负荷统计",
    .number = "公示编号",
    .number_before = "第 ",
    .number_after = " 期，替代此前各期",
    .list_heading = "受限的接入点",
    .empty_before = "",
    .empty_after = "没有受限的接入点：各地都可以照常申请新装和增容用电。",
    .col_region = "区域",
    .col_point = "接入点",
    .col_kind = "类型",
    .col_available = "可开放容量（千伏安）",
    .col_reason = "受限原因",
    .col_relief = "预计解除时间",
    .todo_heading = "如何办理",
    .todo_text = "如果您计划在上述接入点新装用电或增容，请在提出申请前与我们联系。我们会核实您需要的容量，"
                 "告诉您预计可以接入的时间，或者其他可行的接入方案。名单以外的地方可以照常申请。",
    .todo_contact = "联系方式：",
    .todo_no_contact = "请到就近的供电营业厅咨询。",
    .terms_heading = "名词解释",
    .terms = {{"受限", "接入点已没有足够的供电余量，新装或增容用电暂时不能接入，要等电网改造完成或负荷下降以后。"
                       "已经在用的电不受影响。"},
              {"接入点", "新用户接到电网上的位置：一条馈线，或一台配变。"},
              {"可开放容量", "在不超过设备安全限值的前提下，这个接入点还能增加的用电容量，单位是千伏安。"
                             "“无”表示已经超出限值。"},
              {"馈线", "从变电站出发、向一片街区或村镇送电的配电线路。"},
              {"配变", "配电变压器：把线路上的电压降到用户使用的电压，直接向附近的用户供电。"},
              {"主变", "主变压器：变电站里的大型变压器，同时为多条馈线供电。"},
              {"过载", "设备的负荷超过它的额定能力，并且持续了标准规定的时间；依据最近一个月的负荷统计判断。"},
              {"预计解除时间", "按目前的电网改造计划和负荷预测，这个接入点不再受限的第一个月份。计划会调整，"
                               "以最新一期公示为准。“暂无计划”表示规划期内还没有解除的安排。"},
              {"千伏安（kVA）", "衡量用电容量的单位，与千瓦（kW）相近。"}},
    .sources_before = "计算依据：",
    .no_sources = "计算时尚无任何报表。",
    .separator = "；",
};

const page_words en_words{
    .title = "Where new electricity connections are restricted",
    .for_month = "For",
    .intro_before = "At the connection points listed below, the power lines or transformers that supply them have no "
                    "spare capacity in ",
    .intro_after = ". A new connection there, or more capacity for an existing one, can only be connected once the "
                   "grid has been reinforced or the load has fallen. Electricity already in use is not affected.",
    .issuer = "Published by",
    .contact = "Contact",
    .issued = "Issued",
    .as_of = "Load data as of",
    .no_as_of = "no load statistics yet",
    .number = "Publication",
    .number_before = "No. ",
    .number_after = "; it replaces every earlier list",
    .list_heading = "Restricted connection points",
    .empty_before = "No connection point is restricted in ",
    .empty_after = ": new connections and more capacity can be applied for as usual everywhere.",
    .col_region = "Area",
    .col_point = "Connection point",
    .col_kind = "Type",
    .col_available = "Capacity available (kVA)",
    .col_reason = "Why it is restricted",
    .col_relief = "Expected to ease",
    .todo_heading = "What to do",
    .todo_text = "If you plan a new connection, or more capacity, at one of these connection points, please contact "
                 "us before you apply. We will check the capacity you need and tell you when it can be connected, "
                 "or what else can be done. Places not on the list can apply as usual.",
    .todo_contact = "Contact: ",
    .todo_no_contact = "Please ask at your nearest business hall of the power supply company.",
    .terms_heading = "The terms used",
    .terms = {{"Restricted", "the connection point has no spare capacity, so a new connection or more capacity "
                             "there must wait until the grid is reinforced or the load falls. Electricity already "
                             "in use is not affected."},
              {"Connection point", "where a new customer is connected to the grid: a feeder, or a distribution "
                                   "transformer."},
              {"Capacity available", "how much more load the connection point can take without going over its "
                                     "equipment's safe limit, in kVA. \"None\" means it is already over the limit."},
              {"Feeder", "a distribution line that carries electricity from a substation to a neighbourhood or a "
                         "village."},
              {"Distribution transformer", "lowers the line's voltage to the voltage customers use, and supplies the "
                                           "customers near it."},
              {"Main transformer", "a substation's large transformer, which supplies several feeders."},
              {"Overloaded", "the equipment carried more than its rating for longer than the standard allows, in "
                             "the latest month of load statistics."},
              {"Expected to ease", "the first month in which the connection point is no longer restricted, by the "
                                   "reinforcements planned and the load expected today. Plans change: the newest "
                                   "list is the one that counts. \"Not yet planned\": no relief is planned within "
                                   "the planning horizon."},
              {"kVA (kilovolt-ampere)", "the unit of connection capacity; close to a kilowatt (kW)."}},
    .sources_before = "Computed from: ",
    .no_sources = "No report was used.",
    .separator = "; ",
};

constexpr std::string_view month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};

std::string amount(double kva) {
  std::string out;
  append_text(out, kva);
  return out;
}

// The report kinds a capacity answer is computed from, in plain words; any
// other kind by its id.
std::string report_words(std::string_view kind, language l) {
  struct named {
    std::string_view id, zh, en;
  };
  static constexpr named names[] = {
      {"load_statistics", "负荷统计", "load statistics"},
      {"equipment_load_standards", "设备负荷标准", "equipment load standards"},
      {"large_customer_demand", "大客户用电需求", "large customers' demand"},
      {"regional_development", "区域发展与电网改造计划", "regional development and grid reinforcement plans"},
  };
  for (const auto& n : names)
    if (n.id == kind) return std::string(l == language::en ? n.en : n.zh);
  return std::string(kind);
}

}  // namespace

const page_words& words_for(language l) { return l == language::en ? en_words : zh_words; }

std::string month_words(month m, language l) {
  auto y = static_cast<int>(m.year());
  auto n = static_cast<unsigned>(m.month());
  if (l == language::en) return fmt::format("{} {}", month_names[(n - 1) % 12], y);
  return fmt::format("{}年{}月", y, n);
}

std::string kind_words(equipment_kind k, language l, bool first) {
  if (l == language::zh_cn) {
    switch (k) {
      case equipment_kind::substation: return "变电站";
      case equipment_kind::main_transformer: return "主变";
      case equipment_kind::feeder: return "馈线";
      case equipment_kind::distribution_transformer: return "配变";
    }
    return "馈线";
  }
  std::string s(to_string(k));
  for (char& c : s)
    if (c == '_') c = ' ';
  if (first && !s.empty()) s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string reason_words(const constrained_point& e, language l) {
  if (e.cause == limit_cause::none) return e.reason;
  bool zh = l == language::zh_cn;
  auto who = fmt::format("{} {}", kind_words(e.cause_kind, l, true), e.cause_element);
  switch (e.cause) {
    case limit_cause::no_headroom: return zh ? who + " 可开放容量不足" : who + " has no spare capacity left";
    case limit_cause::overloaded: return zh ? who + " 当前已过载" : who + " is overloaded now";
    case limit_cause::heavy_load: return zh ? who + " 负荷较重" : who + " is heavily loaded";
    case limit_cause::none: break;
  }
  return e.reason;
}

std::string available_words(double kva, language l) {
  if (kva >= 0) return amount(kva);
  auto over = amount(-kva);
  return l == language::en ? fmt::format("None ({} over)", over) : fmt::format("无（已超出 {}）", over);
}

std::string relief_words(const std::optional<month>& m, language l) {
  if (m) return month_words(*m, l);
  return l == language::en ? "Not yet planned" : "暂无计划";
}

std::string source_words(const report_ref& r, language l) {
  if (l == language::en)
    return fmt::format("{}, {} (version {})", report_words(r.kind, l), month_words(r.period, l), r.version);
  return fmt::format("{} {}（第 {} 版）", report_words(r.kind, l), month_words(r.period, l), r.version);
}

}  // namespace gridcoord::domain::capacity::detail
