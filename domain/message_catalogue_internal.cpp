// The catalogue's part for the server's own failures: stored data it cannot
// read, the event store, and what it reports when it starts (a client sees
// these as a 500 or 503, or an operator in the log) (domain/message_catalogue.hpp).
// The technical words inside (a RocksDB status, a system error) are the
// system's own and stay as they are.
#include <array>

#include "domain/message_catalogue.hpp"

namespace gridcoord::domain::catalogue_parts {

namespace {

constexpr std::array entries{
    // Stored data.
    catalogue_entry{"a stored {} event is unreadable: {m}", "一条已存储的 {0} 事件无法读取：{1}"},
    catalogue_entry{"a stored {} event is not a JSON object", "一条已存储的 {0} 事件不是 JSON 对象"},
    catalogue_entry{"a stored {} event lacks a field or has a wrong one", "一条已存储的 {0} 事件缺少字段或有字段有误"},
    catalogue_entry{"a stored {} event names the unknown message {}", "一条已存储的 {0} 事件提到了未知的消息 {1}"},
    catalogue_entry{"a stored {m} is unreadable: {m}", "一条已存储的{0}无法读取：{1}"},
    catalogue_entry{"a stored event names {} {}, which no earlier event created",
                    "一条已存储的事件提到了 {0} {1}，但之前没有事件创建过它"},
    catalogue_entry{"a stored signal names a clock of {} that no event opened",
                    "一条已存储的信号提到了 {0} 的一个时钟，但没有事件开启过它"},
    catalogue_entry{"a department snapshot is unreadable: {m}", "部门快照无法读取：{0}"},
    catalogue_entry{"the equipment snapshot is unreadable: {m}", "设备快照无法读取：{0}"},
    catalogue_entry{"the token snapshot is unreadable: {m}", "令牌快照无法读取：{0}"},
    catalogue_entry{"the snapshot's cycle book is unreadable: {m}", "快照中的报送周期记录无法读取：{0}"},
    catalogue_entry{"the snapshot is unreadable", "快照无法读取"},
    catalogue_entry{"the SLA snapshot is unreadable", "时限工作快照无法读取"},
    catalogue_entry{"the work book snapshot is unreadable", "工作簿快照无法读取"},
    catalogue_entry{"the outbox snapshot is unreadable", "通知发件箱快照无法读取"},
    catalogue_entry{"the customer snapshot is unreadable", "客户快照无法读取"},
    catalogue_entry{"the capacity snapshot is not an image of this format and machine",
                    "容量快照不是本格式、本机器的映像"},
    catalogue_entry{"the capacity snapshot was built with other capacity settings", "容量快照是按另一套容量设置生成的"},
    catalogue_entry{"the capacity snapshot ends early or runs on", "容量快照提前结束或有多余内容"},
    catalogue_entry{"the capacity snapshot holds an index that points nowhere", "容量快照中有指向不存在项的索引"},
    catalogue_entry{"the capacity snapshot is too short", "容量快照过短"},
    catalogue_entry{"the capacity snapshot's applications or publications are unreadable",
                    "容量快照中的接入申请或发布记录无法读取"},
    catalogue_entry{"the snapshot is not JSON", "快照不是 JSON"},
    catalogue_entry{"the snapshot lacks a department", "快照中缺少部门"},
    catalogue_entry{"event {} cannot be applied: {m}", "事件 {0} 无法应用：{1}"},
    catalogue_entry{"event {} does not hold equipment {}", "事件 {0} 中没有设备 {1}"},
    catalogue_entry{"row {} of {} {} v{} has no valid {}", "{1} {2} 第 {3} 版第 {0} 行没有有效的 {4}"},
    catalogue_entry{"row {} of {} {} v{} has {} cells, not {}", "{1} {2} 第 {3} 版第 {0} 行有 {4} 个单元格，而不是 {5} 个"},
    catalogue_entry{"no step", "没有可执行的步骤"},
    catalogue_entry{"unexpected internal error", "意外的内部错误"},

    // The event store.
    catalogue_entry{"the event log is not accepting writes now", "事件日志暂不接受写入"},
    catalogue_entry{"the event log failed: {m}", "事件日志出错：{0}"},
    catalogue_entry{"the event store is closed", "事件存储已关闭"},
    catalogue_entry{"the event store failed an earlier write", "事件存储先前有一次写入失败"},
    catalogue_entry{"the event log does not start at seq 1", "事件日志不是从序号 1 开始"},
    catalogue_entry{"event log without a format version", "事件日志没有格式版本"},
    catalogue_entry{"unknown event log format version '{}'", "未知的事件日志格式版本“{0}”"},
    catalogue_entry{"stream index names a missing event", "流索引指向一个不存在的事件"},
    catalogue_entry{"stream name contains NUL", "流名称中含有 NUL 字符"},
    catalogue_entry{"durable write failed: {}", "持久写入失败：{0}"},
    catalogue_entry{"an append needs events or an idempotency key", "追加写入须有事件或幂等键"},
    catalogue_entry{"empty idempotency key", "幂等键为空"},
    catalogue_entry{"{} events in one append", "一次追加写入了 {0} 个事件"},
    catalogue_entry{"{} bytes of payload", "有效载荷为 {0} 字节"},
    catalogue_entry{"undecodable {}", "无法解码的{0}"},
    catalogue_entry{"no event {}", "没有事件 {0}"},
    catalogue_entry{"no snapshot {}", "没有快照 {0}"},
    catalogue_entry{"no idempotency record under that key", "该键下没有幂等记录"},
    catalogue_entry{"creating {}: {}", "创建 {0} 时出错：{1}"},

    // Starting the server, and its targets.
    catalogue_entry{"cannot open the event store in {}: {m}", "无法打开 {0} 中的事件存储：{1}"},
    catalogue_entry{"cannot read the event log: {m}", "无法读取事件日志：{0}"},
    catalogue_entry{"the built-in {} is missing", "缺少内置的 {0}"},
    catalogue_entry{"the HTTP server was already started", "HTTP 服务器已经启动"},
    catalogue_entry{"the TLS {} {} {}", "TLS 设置有误：{0} {1} {2}"},
    catalogue_entry{"{} {}:{} failed: {}", "{0} {1}:{2} 失败：{3}"},
    catalogue_entry{"notifications.endpoint \"{}\" is not an http:// or https:// URL{}",
                    "notifications.endpoint“{0}”不是 http:// 或 https:// URL{1}"},
    catalogue_entry{"notifications.connections must be at least 1", "notifications.connections 须不小于 1"},
    catalogue_entry{"notifications.timeout must be above zero", "notifications.timeout 须大于 0"},
    catalogue_entry{"notifications: {}", "notifications 设置有误：{0}"},
    catalogue_entry{"publication.post_url \"{}\" is not an http:// or https:// URL{}",
                    "publication.post_url“{0}”不是 http:// 或 https:// URL{1}"},
    catalogue_entry{"cannot create directory {}: it exists and is not a directory", "无法创建目录 {0}：它已存在且不是目录"},
    catalogue_entry{"cannot create directory {}: {}", "无法创建目录 {0}：{1}"},
    catalogue_entry{"cannot open directory {}: {}", "无法打开目录 {0}：{1}"},
    catalogue_entry{"cannot fsync directory {}: {}", "无法同步（fsync）目录 {0}：{1}"},
    catalogue_entry{"cannot write {}: {}", "无法写入 {0}：{1}"},
    catalogue_entry{"cannot create {}: {}", "无法创建 {0}：{1}"},
    catalogue_entry{"cannot fsync {}: {}", "无法同步（fsync）{0}：{1}"},
    catalogue_entry{"cannot close {}: {}", "无法关闭 {0}：{1}"},
    catalogue_entry{"cannot rename {} to {}: {}", "无法将 {0} 重命名为 {1}：{2}"},
};

}  // namespace

std::span<const catalogue_entry> internal() { return entries; }

}  // namespace gridcoord::domain::catalogue_parts
