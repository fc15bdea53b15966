#pragma once
// tests/support/self_signed.hpp — a throwaway self-signed certificate and its
// key, made with OpenSSL's API when a test starts, in a temp_dir removed
// afterwards. By default the certificate names CN=localhost and the subject
// alternative names DNS:localhost and IP:127.0.0.1 (other names can be given,
// for a certificate made out to another host), and is valid from now for one day.
// Its own file doubles as the CA file a client trusts.
// [Errors] Throws std::runtime_error when OpenSSL cannot make or write it.
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "tests/support/temp_dir.hpp"

namespace gridcoord::testing {

class self_signed {
 public:
  // `alt_names` in OpenSSL's subjectAltName syntax ("DNS:grid.example,IP:10.0.0.1").
  explicit self_signed(const std::string& common_name = "localhost",
                       const std::string& alt_names = "DNS:localhost,IP:127.0.0.1")
      : cert_file_(dir_.str() + "/cert.pem"), key_file_(dir_.str() + "/key.pem") {
    key_pointer key{EVP_EC_gen("P-256")};
    if (!key) throw std::runtime_error("self_signed: cannot make a key");
    cert_pointer cert{X509_new()};
    sign(cert.get(), key.get(), common_name, alt_names);
    write(key_file_, [&](FILE* f) { return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
    write(cert_file_, [&](FILE* f) { return PEM_write_X509(f, cert.get()); });
  }

  const std::string& cert_file() const { return cert_file_; }
  const std::string& key_file() const { return key_file_; }
  std::string dir() const { return dir_.str(); }

 private:
  struct free_key { void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); } };
  struct free_cert { void operator()(X509* c) const { X509_free(c); } };
  struct free_ext { void operator()(X509_EXTENSION* e) const { X509_EXTENSION_free(e); } };
  using key_pointer = std::unique_ptr<EVP_PKEY, free_key>;
  using cert_pointer = std::unique_ptr<X509, free_cert>;

  static void sign(X509* cert, EVP_PKEY* key, const std::string& common_name, const std::string& alt_names) {
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
    X509_set_pubkey(cert, key);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(common_name.c_str()), -1,
                               -1, 0);
    X509_set_issuer_name(cert, name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    add_extension(cert, ctx, NID_subject_alt_name, alt_names.c_str());
    add_extension(cert, ctx, NID_basic_constraints, "critical,CA:TRUE");
    if (X509_sign(cert, key, EVP_sha256()) == 0) throw std::runtime_error("self_signed: cannot sign");
  }

  static void add_extension(X509* cert, X509V3_CTX& ctx, int nid, const char* value) {
    std::unique_ptr<X509_EXTENSION, free_ext> ext{X509V3_EXT_conf_nid(nullptr, &ctx, nid, value)};
    if (!ext || X509_add_ext(cert, ext.get(), -1) == 0) throw std::runtime_error("self_signed: bad extension");
  }

  template <class Write>
  static void write(const std::string& path, Write w) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) throw std::runtime_error("self_signed: cannot create " + path);
    int ok = w(f);
    std::fclose(f);
    if (!ok) throw std::runtime_error("self_signed: cannot write " + path);
  }

  temp_dir dir_;
  std::string cert_file_;
  std::string key_file_;
};

}  // namespace gridcoord::testing
