#include "format/tokens.hpp"

namespace iku::format {

namespace {

bool word_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool word_char(char c) { return word_start(c) || digit(c); }

}  // namespace

std::vector<token> tokenize(std::string_view text) {
  std::vector<token> out;
  std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  int newlines = 0;
  std::uint32_t column = 0;
  auto advance_column = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      if (text[k] == '\t') column = (column / 8 + 1) * 8;
      else if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++column;
    }
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      ++newlines;
      column = 0;
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c == ' ' || c == '\t') {
      advance_column(i, i + 1);
      ++i;
      continue;
    }
    token t;
    t.begin = static_cast<std::uint32_t>(i);
    t.newlines_before = newlines;
    t.column = column;
    std::size_t j = i + 1;
    if (c == '#') {
      t.kind = token_kind::comment;
      while (j < text.size() && text[j] != '\n' && text[j] != '\r') ++j;
    } else if (c == '"') {
      t.kind = token_kind::string;
      while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
      j = std::min(j + 1, text.size());
    } else if (digit(c)) {
      t.kind = token_kind::number;
      while (j < text.size() && digit(text[j])) ++j;
      if (j + 1 < text.size() && text[j] == '.' && digit(text[j + 1])) {
        ++j;
        while (j < text.size() && digit(text[j])) ++j;
      }
    } else if (word_start(c)) {
      t.kind = token_kind::word;
      while (j < text.size() && word_char(text[j])) ++j;
    } else {
      t.kind = token_kind::punct;
      std::string_view two = text.substr(i, 2);
      if (two == "<=" || two == ">=" || two == "==" || two == "!=" || two == "..") j = i + 2;
    }
    t.end = static_cast<std::uint32_t>(j);
    advance_column(i, j);
    out.push_back(t);
    newlines = 0;
    i = j;
  }
  return out;
}

}  // namespace iku::format
