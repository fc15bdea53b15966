// measure_sms of domain/sla/messages.hpp: the length of a text as an SMS.
#include <algorithm>
#include <string_view>

#include "domain/sla/messages.hpp"

namespace gridcoord::domain::sla {

namespace {

// The GSM 03.38 default alphabet, as Unicode code points (ESC left out).
constexpr char32_t gsm_basic[] = {
    U'@', U'£', U'$', U'¥', U'è', U'é', U'ù', U'ì', U'ò', U'Ç', U'\n', U'Ø', U'ø', U'\r', U'Å', U'å',
    U'Δ', U'_', U'Φ', U'Γ', U'Λ', U'Ω', U'Π', U'Ψ', U'Σ', U'Θ', U'Ξ', U'Æ', U'æ', U'ß', U'É', U' ',
    U'!', U'"', U'#', U'¤', U'%', U'&', U'\'', U'(', U')', U'*', U'+', U',', U'-', U'.', U'/', U':',
    U';', U'<', U'=', U'>', U'?', U'¡', U'Ä', U'Ö', U'Ñ', U'Ü', U'§', U'¿', U'ä', U'ö', U'ñ', U'ü', U'à'};
// The extension table: each takes two septets (ESC and the character).
constexpr char32_t gsm_extension[] = {U'\f', U'^', U'{', U'}', U'\\', U'[', U'~', U']', U'|', U'€'};

// Septets a code point takes in GSM 03.38: 1, 2, or 0 when it is not in the alphabet.
unsigned gsm_septets(char32_t c) {
  if ((c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z')) return 1;
  if (std::find(std::begin(gsm_basic), std::end(gsm_basic), c) != std::end(gsm_basic)) return 1;
  if (std::find(std::begin(gsm_extension), std::end(gsm_extension), c) != std::end(gsm_extension)) return 2;
  return 0;
}

// The code point at text[i] and its length in bytes; a byte that does not
// start a valid sequence is itself, one byte long, marked invalid.
struct decoded {
  char32_t point = 0;
  std::size_t bytes = 1;
  bool valid = true;
};

decoded decode_at(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = lead >= 0xF5 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || i + length > text.size()) return {lead, 1, false};
  char32_t point = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {lead, 1, false};
    point = (point << 6) | (byte(i + k) & 0x3F);
  }
  return {point, length, true};
}

unsigned segments_of(std::size_t units, std::size_t single, std::size_t part) {
  if (units <= single) return 1;
  return static_cast<unsigned>((units + part - 1) / part);
}

}  // namespace

sms_length measure_sms(std::string_view utf8) {
  std::size_t septets = 0, utf16 = 0;
  bool gsm = true;
  for (std::size_t i = 0; i < utf8.size();) {
    auto d = decode_at(utf8, i);
    i += d.bytes;
    utf16 += d.valid && d.point > 0xFFFF ? 2 : 1;
    auto s = d.valid ? gsm_septets(d.point) : 0;
    gsm = gsm && s > 0;
    septets += s;
  }
  if (gsm) return {septets, true, segments_of(septets, 160, 153)};
  return {utf16, false, segments_of(utf16, 70, 67)};
}

}  // namespace gridcoord::domain::sla
