#pragma once
// gateways/detail/beast.hpp — the one way gridcoord code includes Boost.Beast
// and Boost.Asio. Include it before any other Beast or Asio header.
//
// g++ 12 at -O2 reports -Wnull-dereference false positives inside Asio's
// any_executor comparisons (std::shared_ptr::get via strand ==). The templates
// are instantiated in our files, so SYSTEM includes do not silence them; but
// the diagnostic state of a header's code is that of the place where it was
// first included, so including Beast and Asio here, between push and pop,
// silences them inside those headers and nowhere else: our own code keeps
// -Wnull-dereference.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/asio/connect.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/beast/http/write.hpp>
#pragma GCC diagnostic pop
