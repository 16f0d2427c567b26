#include "format/format.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "format/lines.hpp"
#include "format/tokens.hpp"
#include "syntax/layout_tree.hpp"

// How it works: the grammar's own parse gives the layout tree (which statements, fields and block
// lines there are, and where), the tokenizer gives every token with the comments and line breaks
// between them (the grammar skips comments, so they come from this second pass over the text).
// Each item of the tree becomes one or more lines of tokens joined with canonical spacing; runs of
// similar lines are then aligned (lines.cpp). Tokens are copied as written: numbers, strings,
// names and comments never change, only the whitespace between them.

namespace iku::format {

namespace {

using detail::line;
using syntax::layout_node;

constexpr int indent_step = 2;
// `polaritas` is the longest field keyword whose value is aligned: values start after it and a space.
constexpr std::size_t field_value_column = 10;

bool one_of(std::string_view kind, std::initializer_list<std::string_view> kinds) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

// Nodes that only mark a place inside a line; every other node is a line (or a block) of its parent.
bool is_marker(const layout_node& n) {
  return one_of(n.kind, {"sub_op", "call", "skala_rule_label", "syarat_message", "desimal_capaian_value", "paren",
                         "neg", "negation", "conditional"});
}

// Fields whose value starts in the same column in every indikator.
bool aligned_field(std::string_view kind) {
  return one_of(kind, {"satuan_field", "polaritas_field", "rumus_field", "desimal_field", "bobot_field", "skala_field"});
}

// Lines whose value (an expression, a program list) keeps the line breaks the author wrote in it.
bool keeps_breaks(std::string_view kind) {
  return one_of(kind, {"rumus_field", "syarat_field", "program_field", "bantu_stmt", "polaritas_capaian",
                       "polaritas_tercapai", "agregat_nilai", "efisiensi_serapan", "efisiensi_efisien", "skala_rule"});
}

// The index of a line's first value token: continuation lines start in its column.
std::size_t value_index(std::string_view kind) {
  if (kind == "bantu_stmt") return 3;
  if (one_of(kind, {"polaritas_capaian", "polaritas_tercapai", "agregat_nilai", "efisiensi_serapan",
                    "efisiensi_efisien", "skala_rule"}))
    return 2;
  return 1;
}

struct alignment {
  std::string_view name;
  std::vector<std::size_t> splits;  // token indexes where a new cell starts
  std::vector<int> gaps;
};

// How a one-line item is cut into cells that line up with its neighbours of the same class.
alignment alignment_of(std::string_view kind) {
  if (one_of(kind, {"target_block", "realisasi_block"})) return {"target", {}, {}};  // cut at its `{`
  if (one_of(kind, {"anggaran_stmt", "belanja_stmt", "terbitan_stmt", "wilayah_stmt"})) return {"budget", {1, 2}, {1, 1}};
  if (kind == "data_stmt") return {"data", {1, 2, 3}, {1, 1, 1}};
  if (kind == "skala_rule") return {"skala", {1, 2}, {1, 2}};
  if (one_of(kind, {"polaritas_capaian", "polaritas_tercapai", "agregat_nilai", "efisiensi_serapan",
                    "efisiensi_efisien"}))
    return {"assign", {1}, {1}};
  if (kind == "bantu_stmt") return {"bantu", {1, 2}, {1, 1}};
  if (kind == "tujuan_stmt") return {"tujuan", {1, 2}, {1, 1}};
  return {};
}

class printer {
 public:
  printer(std::string_view text, const layout_node& root) : text_(text), tokens_(tokenize(text)) { mark(root); }

  std::vector<line> print(const layout_node& root) {
    std::vector<line> out;
    sequence(root, 0, tokens_.size(), 0, out);
    return out;
  }

 private:
  std::string_view text_;
  std::vector<token> tokens_;
  std::set<std::uint32_t> binary_minus_, calls_, rule_labels_, syarat_messages_, desimal_capaian_, entries_;

  void mark(const layout_node& n) {
    if (n.is("sub_op")) binary_minus_.insert(n.begin);
    if (n.is("call")) calls_.insert(n.begin);
    if (n.is("skala_rule_label")) rule_labels_.insert(n.begin);
    if (n.is("syarat_message")) syarat_messages_.insert(n.begin);
    if (n.is("desimal_capaian_value")) desimal_capaian_.insert(n.begin);
    if (n.is("target_entry") || n.is("akhir_entry")) entries_.insert(n.begin);
    for (const layout_node& c : n.children) mark(c);
  }

  std::string_view text_of(const token& t) const { return text_.substr(t.begin, t.end - t.begin); }
  bool is_comment(std::size_t i) const { return tokens_[i].kind == token_kind::comment; }
  bool is_punct(std::size_t i, std::string_view p) const {
    return tokens_[i].kind == token_kind::punct && text_of(tokens_[i]) == p;
  }

  std::string comment_text(const token& t) const {
    std::string_view c = text_of(t);
    while (!c.empty() && (c.back() == ' ' || c.back() == '\t')) c.remove_suffix(1);
    return std::string(c);
  }

  std::size_t token_at(std::uint32_t offset) const {
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                               [](const token& t, std::uint32_t o) { return t.begin < o; });
    return static_cast<std::size_t>(it - tokens_.begin());
  }

  // Spaces between two tokens of one line.
  int gap(std::size_t prev, std::size_t cur) const {
    const token& p = tokens_[prev];
    const token& c = tokens_[cur];
    if (is_punct(cur, ",") || is_punct(cur, ":") || is_punct(cur, ")")) return 0;
    if (is_punct(prev, "(") || is_punct(prev, "..") || is_punct(cur, "..")) return 0;
    if (is_punct(cur, "(") && p.kind == token_kind::word && calls_.count(p.begin)) return 0;
    if (is_punct(prev, "-") && !binary_minus_.count(p.begin)) return 0;  // a sign
    if (syarat_messages_.count(c.begin) || syarat_messages_.count(p.begin)) return 2;  // syarat C  "pesan"  tahun Y
    if (entries_.count(c.begin) && !is_punct(prev, "{")) return 2;  // 2022: 43.28  2023: 43.43
    return 1;
  }

  // ---- a run of items (the statements of the file, the lines of a block) -----------------
  // Tokens [from, to) hold the items (children of `parent` that are lines) and comments.
  void sequence(const layout_node& parent, std::size_t from, std::size_t to, int indent, std::vector<line>& out) {
    std::vector<const layout_node*> items;
    for (const layout_node& c : parent.children)
      if (!is_marker(c)) items.push_back(&c);
    bool at_top = parent.is("file");
    std::size_t pos = from;
    bool first_line = true;
    const layout_node* previous = nullptr;
    for (std::size_t k = 0; k < items.size(); ++k) {
      std::size_t first = token_at(items[k]->begin);
      std::size_t next = k + 1 < items.size() ? token_at(items[k + 1]->begin) : to;
      std::size_t last = next;  // past the item's last token that is not a comment
      while (last > first && is_comment(last - 1)) --last;
      std::size_t group_start = out.size();
      for (; pos < first; ++pos) own_line_comment(pos, indent, first_line, out);
      std::size_t item_start = out.size();
      item(*items[k], first, last, indent, out);
      if (!first_line) out[item_start].blank_before = tokens_[first].newlines_before >= 2;
      // One blank line between blocks: around every block of the file, between indikator of a sasaran.
      bool forced = previous && ((at_top && (block(*previous) || block(*items[k]))) ||
                                 (previous->is("indikator_block") && items[k]->is("indikator_block")));
      if (forced) out[group_start].blank_before = true;
      if (first_line) out[group_start].blank_before = false;
      first_line = false;
      pos = last;
      if (pos < to && is_comment(pos) && tokens_[pos].newlines_before == 0) {
        out.back().comment = comment_text(tokens_[pos]);
        out.back().comment_column = tokens_[pos].column;
        ++pos;
      }
      previous = items[k];
    }
    for (; pos < to; ++pos) own_line_comment(pos, indent, first_line, out);
  }

  void own_line_comment(std::size_t i, int indent, bool& first_line, std::vector<line>& out) {
    line l;
    l.indent = indent;
    l.cells.push_back(comment_text(tokens_[i]));
    l.blank_before = !first_line && tokens_[i].newlines_before >= 2;
    first_line = false;
    out.push_back(std::move(l));
  }

  bool block(const layout_node& n) const {
    return one_of(n.kind, {"sasaran_block", "indikator_block", "polaritas_def", "skala_stmt", "agregat_stmt",
                           "efisiensi_stmt"}) &&
           has_brace(n);
  }

  bool has_brace(const layout_node& n) const {
    for (std::size_t i = token_at(n.begin); i < tokens_.size() && tokens_[i].begin < n.end; ++i)
      if (is_punct(i, "{")) return true;
    return false;
  }

  // A target list is printed on one line unless a comment is inside it.
  bool one_line_list(const layout_node& n, std::size_t first, std::size_t last) const {
    if (!n.is("target_block") && !n.is("realisasi_block")) return false;
    for (std::size_t i = first; i < last; ++i)
      if (is_comment(i)) return false;
    return true;
  }

  // ---- one item: tokens [first, last) -----------------------------------------------------
  void item(const layout_node& n, std::size_t first, std::size_t last, int indent, std::vector<line>& out) {
    bool list = (n.is("target_block") || n.is("realisasi_block")) && has_brace(n);  // not `target pk dari data x`
    if (!block(n) && (!list || one_line_list(n, first, last))) {
      tokens_line(n.kind, first, last, indent, out);
      return;
    }
    std::size_t open = first;
    while (!is_punct(open, "{")) ++open;
    tokens_line(n.kind, first, open + 1, indent, out);
    std::size_t body = open + 1;
    if (body < last && is_comment(body) && tokens_[body].newlines_before == 0) {
      out.back().comment = comment_text(tokens_[body]);
      out.back().comment_column = tokens_[body].column;
      ++body;
    }
    std::size_t close = last - 1;  // the `}`
    out.back().align_class = {};
    sequence(n, body, close, indent + indent_step, out);
    line end;
    end.indent = indent;
    end.cells.push_back("}");
    out.push_back(std::move(end));
  }

  // The tokens of one line (more when a comment or a line break of a value is inside).
  void tokens_line(std::string_view kind, std::size_t first, std::size_t last, int indent, std::vector<line>& out) {
    alignment cut = alignment_of(kind);
    bool pad_keyword = aligned_field(kind) && !(kind == "desimal_field" && last - first > 1 &&
                                                desimal_capaian_.count(tokens_[first + 1].begin));
    std::size_t values_at = value_index(kind);
    std::size_t line_start = out.size();
    line cur;
    cur.indent = indent;
    cur.cells.emplace_back();
    // Until the value's column is known: where an aligned field's value goes, else 4 further in.
    int continuation = indent + (pad_keyword ? static_cast<int>(field_value_column) : 4);
    std::uint32_t first_column = tokens_[first].column;
    bool fresh = true;  // nothing on `cur` yet
    std::size_t index = 0, prev = first;
    auto flush = [&] {
      out.push_back(std::move(cur));
      cur = line{};
      cur.indent = continuation;
      cur.cells.emplace_back();
      fresh = true;
    };
    for (std::size_t i = first; i < last; ++i) {
      const token& t = tokens_[i];
      if (t.kind == token_kind::comment) {
        if (!fresh && t.newlines_before == 0) {
          cur.comment = comment_text(t);
          cur.comment_column = t.column;
        } else {
          if (!fresh) flush();
          cur.cells.back() = comment_text(t);
        }
        flush();
        continue;
      }
      bool cell_split = std::find(cut.splits.begin(), cut.splits.end(), index) != cut.splits.end() ||
                        (cut.name == "target" && is_punct(i, "{"));
      if (!fresh && keeps_breaks(kind) && index > values_at && t.newlines_before > 0) flush();
      if (!fresh) {
        if (cell_split) {
          auto which = std::find(cut.splits.begin(), cut.splits.end(), index);
          cur.gaps.push_back(which != cut.splits.end() ? cut.gaps[static_cast<std::size_t>(which - cut.splits.begin())] : 1);
          cur.written_at.push_back(t.column >= first_column ? t.column - first_column : 0);
          cur.cells.emplace_back();
        } else {
          cur.cells.back() += std::string(static_cast<std::size_t>(gap(prev, i)), ' ');
        }
      }
      if (index == values_at) continuation = static_cast<int>(column_of(cur));
      cur.cells.back() += text_of(t);
      if (index == 0 && pad_keyword && cur.cells.back().size() < field_value_column)
        cur.cells.back() += std::string(field_value_column - 1 - cur.cells.back().size(), ' ');
      fresh = false;
      prev = i;
      ++index;
    }
    if (!fresh) out.push_back(std::move(cur));
    // Only a line alone aligns with its neighbours; a broken one is one cell.
    if (out.size() == line_start + 1 && !cut.name.empty()) {
      out.back().align_class = cut.name;
    } else {
      for (std::size_t k = line_start; k < out.size(); ++k) merge_cells(out[k]);
    }
  }

  // The column the next text on `l` starts at.
  static std::size_t column_of(const line& l) {
    std::size_t c = static_cast<std::size_t>(l.indent);
    for (std::size_t k = 0; k < l.cells.size(); ++k) {
      for (char ch : l.cells[k]) c += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
      if (k + 1 < l.cells.size()) c += static_cast<std::size_t>(l.gaps[k]);
    }
    return c;
  }

  static void merge_cells(line& l) {
    std::string all;
    for (std::size_t k = 0; k < l.cells.size(); ++k) {
      all += l.cells[k];
      if (k + 1 < l.cells.size()) all += std::string(static_cast<std::size_t>(l.gaps[k]), ' ');
    }
    l.cells = {all};
    l.gaps.clear();
    l.written_at.clear();
  }
};

}  // namespace

std::optional<std::string> format_text(std::string_view text) {
  std::optional<syntax::layout_node> root = syntax::layout_of(text);
  if (!root) return std::nullopt;
  printer p(text, *root);
  std::vector<line> lines = p.print(*root);
  detail::align(lines);
  std::string body = detail::render(lines);
  bool bom = text.substr(0, 3) == "\xEF\xBB\xBF";
  std::size_t eol = text.find_first_of("\r\n");
  bool crlf = eol != std::string_view::npos && text.substr(eol, 2) == "\r\n";
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  for (char c : body) {
    if (c == '\n' && crlf) out += '\r';
    out += c;
  }
  return out;
}

}  // namespace iku::format
