#include "gateways/detail/tls.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

namespace gridcoord::gateways::detail {

namespace ssl = boost::asio::ssl;

namespace {

gridcoord::unexpected<domain::error> unusable(std::string_view what, const std::string& path,
                                              std::string_view why) {
  return domain::fail(domain::errc::invalid_request, fmt::format("the TLS {} {} {}", what, path, why));
}

// Names the file when it cannot be opened at all, before OpenSSL's terser reason.
domain::status readable(std::string_view what, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (in) return {};
  return unusable(what, path, fmt::format("cannot be read: {}", std::strerror(errno)));
}

}  // namespace

domain::expected<std::shared_ptr<ssl::context>> make_server_context(const config::tls_settings& t) {
  auto ctx = std::make_shared<ssl::context>(ssl::context::tls_server);
  ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                   ssl::context::single_dh_use);
  SSL_CTX_set_min_proto_version(ctx->native_handle(), t.min_version == "1.3" ? TLS1_3_VERSION : TLS1_2_VERSION);
  if (auto ok = readable("certificate file", t.cert_file); !ok) return unexpected{ok.error()};
  if (auto ok = readable("key file", t.key_file); !ok) return unexpected{ok.error()};
  boost::system::error_code ec;
  ctx->use_certificate_chain_file(t.cert_file, ec);
  if (ec) return unusable("certificate file", t.cert_file, "holds no usable PEM certificate: " + ec.message());
  ctx->use_private_key_file(t.key_file, ssl::context::pem, ec);
  if (ec) return unusable("key file", t.key_file, "holds no usable PEM private key: " + ec.message());
  if (SSL_CTX_check_private_key(ctx->native_handle()) != 1)
    return unusable("key file", t.key_file, "does not match the certificate " + t.cert_file);
  return ctx;
}

std::string describe_tls_error(const boost::beast::error_code& ec) {
  if (ec.category() != boost::asio::error::get_ssl_category()) return ec.message();
  char reason[256] = {};
  ERR_error_string_n(static_cast<unsigned long>(ec.value()), reason, sizeof reason);
  return reason;
}

}  // namespace gridcoord::gateways::detail
