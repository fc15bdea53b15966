// The catalogue's part for the capacity register, new-connection applications
// and the published list of restricted areas (domain/message_catalogue.hpp).
#include <array>

#include "domain/message_catalogue.hpp"

namespace gridcoord::domain::catalogue_parts {

namespace {

constexpr std::array entries{
    // Capacity queries and prechecks.
    catalogue_entry{"no equipment {} in the capacity register", "容量台账中没有设备 {0}"},
    catalogue_entry{"capacity is projected for {} to {}: {} is outside that horizon",
                    "容量只预测 {0} 至 {1}：{2} 不在此范围内"},
    catalogue_entry{"load_kva must be 0 or more", "load_kva 须不小于 0"},
    catalogue_entry{"demand_factor must be above 0 and at most 1", "demand_factor 须大于 0 且不大于 1"},
    catalogue_entry{"the body must be a JSON object with point, load_kva, month",
                    "请求体须为含 point、load_kva、month 的 JSON 对象"},
    // Why a load does not fit (domain/capacity/model.cpp, query.cpp): the holes of
    // "application {} does not fit: {m}".
    catalogue_entry{"{} kVA counted is more than the {} kVA available at {} in {}; {} is the binding constraint",
                    "计入的 {0} kVA 超过了 {2} 在 {3} 的可开放容量 {1} kVA；制约设备为 {4}"},
    catalogue_entry{"{} has {} kVA of headroom in {}, at or below the {} kVA minimum",
                    "{0} 在 {2} 的裕度为 {1} kVA，不高于最低要求 {3} kVA"},
    catalogue_entry{"{} was overloaded in {} (M4)", "{0} 在 {1} 过载（M4）"},
    catalogue_entry{"{} is projected at {} % of its rating in {}, above its {} % heavy-load threshold",
                    "{0} 在 {2} 的预计负载率为额定容量的 {1} %，高于其重载阈值 {3} %"},

    // Applications.
    catalogue_entry{"no application {}", "没有接入申请 {0}"},
    catalogue_entry{"application {} is {m}: it cannot be {m}", "接入申请 {0} 当前为{1}状态，不能再改为{2}"},
    catalogue_entry{"application {} was already submitted with other details", "接入申请 {0} 已经以不同的内容提交过"},
    catalogue_entry{"application {} does not fit: {m}", "接入申请 {0} 容量不足：{1}"},
    catalogue_entry{"the body must be a JSON object with {}", "请求体须为含 {0} 的 JSON 对象"},
    catalogue_entry{"a refusal needs a reason", "驳回须写明理由"},
    catalogue_entry{"an approval takes no body (or {{}})", "批准不需要请求体（或为 {{}}）"},

    // Publications.
    catalogue_entry{"nothing has been published yet", "尚未发布任何内容"},
    catalogue_entry{"no publication {}", "没有第 {0} 次发布"},
};

}  // namespace

std::span<const catalogue_entry> capacity() { return entries; }

}  // namespace gridcoord::domain::catalogue_parts
