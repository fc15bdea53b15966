#include "gateways/detail/client_tls.hpp"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <fmt/format.h>

namespace gridcoord::gateways::detail {

namespace net = boost::asio;

std::string trust_peers(net::ssl::context& ctx, const std::string& ca_file) {
  SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
  ctx.set_verify_mode(net::ssl::verify_peer);
  boost::beast::error_code ec;
  if (ca_file.empty()) ctx.set_default_verify_paths(ec);
  else ctx.load_verify_file(ca_file, ec);
  if (!ec) return "";
  if (ca_file.empty()) return "cannot load the system's CA certificates: " + ec.message();
  return fmt::format("cannot load the CA file {}: {}", ca_file, ec.message());
}

bool expect_peer_name(SSL* ssl, const std::string& host) {
  boost::beast::error_code not_ip;
  net::ip::make_address(host, not_ip);
  if (!not_ip) return X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host.c_str()) == 1;
  // SSL_set_tlsext_host_name without its old-style cast.
  bool sni = SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, const_cast<char*>(host.c_str()));
  return sni && SSL_set1_host(ssl, host.c_str()) == 1;
}

std::string handshake_failure(SSL* ssl, const boost::beast::error_code& ec) {
  long verify = SSL_get_verify_result(ssl);
  if (verify == X509_V_OK) return "TLS handshake failed: " + describe_tls_error(ec);
  return fmt::format("the server's certificate is not trusted: {}", X509_verify_cert_error_string(verify));
}

}  // namespace gridcoord::gateways::detail
