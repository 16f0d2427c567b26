#include "report/sha256.hpp"

#include <cstdint>
#include <stdexcept>

#include <fmt/format.h>

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <bcrypt.h>
#else
#include <nettle/sha2.h>
#endif

namespace iku::report {

namespace {

std::string hex_of(const std::uint8_t* digest, std::size_t size) {
  std::string out;
  for (std::size_t i = 0; i < size; ++i) out += fmt::format("{:02x}", digest[i]);
  return out;
}

}  // namespace

#ifdef _WIN32

struct sha256::state {
  BCRYPT_ALG_HANDLE alg = nullptr;
  BCRYPT_HASH_HANDLE hash = nullptr;
};

sha256::sha256() : s_(std::make_unique<state>()) {
  if (BCryptOpenAlgorithmProvider(&s_->alg, BCRYPT_SHA256_ALGORITHM, nullptr, 0) < 0 ||
      BCryptCreateHash(s_->alg, &s_->hash, nullptr, 0, nullptr, 0, 0) < 0)
    throw std::runtime_error("Windows CNG: SHA-256 is not available");
}

sha256::~sha256() {
  if (s_->hash) BCryptDestroyHash(s_->hash);
  if (s_->alg) BCryptCloseAlgorithmProvider(s_->alg, 0);
}

sha256& sha256::add(std::string_view bytes) {
  // BCryptHashData takes at most 4 GiB at once (a ULONG).
  constexpr std::size_t chunk = std::size_t{1} << 30;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) {
    std::string_view part = bytes.substr(at, chunk);
    BCryptHashData(s_->hash, reinterpret_cast<PUCHAR>(const_cast<char*>(part.data())), static_cast<ULONG>(part.size()), 0);
  }
  return *this;
}

std::string sha256::hex() {
  std::uint8_t digest[32];
  BCryptFinishHash(s_->hash, digest, sizeof digest, 0);
  return hex_of(digest, sizeof digest);
}

#else

struct sha256::state {
  sha256_ctx ctx;
};

sha256::sha256() : s_(std::make_unique<state>()) { sha256_init(&s_->ctx); }
sha256::~sha256() = default;

sha256& sha256::add(std::string_view bytes) {
  sha256_update(&s_->ctx, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  return *this;
}

std::string sha256::hex() {
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&s_->ctx, SHA256_DIGEST_SIZE, digest);
  return hex_of(digest, SHA256_DIGEST_SIZE);
}

#endif

}  // namespace iku::report
