#pragma once
// gateways/detail/strand_hold.hpp — how a callback that runs on another
// thread (an actor's reply) holds an object served on a strand: the object,
// and tracked work on its strand, so the io_context keeps running until the
// callback has posted back to it and has been destroyed.
//
// Members are destroyed in reverse order: `object` before `work`. When the
// last copy of the callback dies on a foreign thread after the server began
// stopping, the object (a session and its socket) is destroyed while the
// io_context still counts the work, and only then is the work released;
// holding them the other way round let the io_context be destroyed under
// the object's destructor.
// [Threading] The hold is shared by the callback's copies; post() may be
//             called from any thread.
#include <memory>
#include <utility>

#include <boost/asio/execution.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>

namespace gridcoord::gateways::detail {

template <class T, class Executor>
struct strand_hold {
  using work_executor = decltype(boost::asio::prefer(std::declval<Executor>(),
                                                     boost::asio::execution::outstanding_work.tracked));
  work_executor work;        // destroyed last
  std::shared_ptr<T> object;

  // Runs `f(object)` on the strand.
  template <class F>
  void post(F f) const {
    boost::asio::post(work, [object = object, f = std::move(f)]() mutable { f(*object); });
  }
};

// A shared hold on `object`, served on `executor`.
template <class T, class Executor>
std::shared_ptr<const strand_hold<T, Executor>> hold_on_strand(std::shared_ptr<T> object, const Executor& executor) {
  return std::make_shared<const strand_hold<T, Executor>>(strand_hold<T, Executor>{
      boost::asio::prefer(executor, boost::asio::execution::outstanding_work.tracked), std::move(object)});
}

}  // namespace gridcoord::gateways::detail
