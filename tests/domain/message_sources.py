#!/usr/bin/env python3
"""tests/domain/message_sources.py — the English texts the server answers clients with, read
from the C++ sources, so that a test can check that the Chinese catalogue
(domain/message_catalogue*.cpp) has an entry for each.

What counts as a text for a client (the sinks):
  * the message of an error: the second argument of a call or braced initialiser whose
    first argument names an error code, `errc::X` or `protocol_error::X` —
    fail(errc::X, "…"), error{errc::X, "…"}, error_response(errc::X, "…"),
    error_response(protocol_error::X, "…"), answer_and_close(protocol_error::X, "…");
  * the reason of a validation detail: in a braced issue {rule::X, row, field, value, "…"
    [, line]} the fifth element, and otherwise the last argument of a call or braced
    initialiser whose first argument names a rule, `rule::X` — add(rule::X, field, value, "…"),
    bad(rule::X, "…"), broken_bound{rule::X, "…"};
  * what the helpers listed in REASON_HELPERS return, and what ASSIGNED lists is assigned
    (texts built apart and handed to a sink, or held by a message).
A text is a string literal, adjacent literals, fmt::format("…", …) (each replacement field
becomes `{}`), a `+` of those and other expressions (each other expression becomes `{}`),
or a `?:` of those (both branches count). Anything else (a variable, a call) is "dynamic":
listed with its place, not checked.

Usage: message_sources.py ROOT            prints one JSON object per text:
         {"text": "must be at least {}", "sample": "must be at least ⟨1⟩", "kind": "reason",
          "at": "domain/report.cpp:37"}
       where `text` shows each value as {} and `sample` is the text with each value a marker
       ⟨n⟩ (a literal brace stays as it is in both);
       message_sources.py ROOT --dynamic  prints the dynamic sinks instead.
"""
import json
import os
import re
import sys

SOURCE_DIRS = ["domain", "actors", "gateways", "storage", "common"]
SKIP_DIRS = {"console", "client"}  # browser code; gridctl's client side
# The rules' own generic texts and the catalogue itself are not texts to translate.
SKIP_FILES = {"domain/validation_rule.cpp", "domain/localize.cpp"}
SKIP_PREFIXES = ("domain/message_catalogue",)

# file -> functions whose `return` texts (with any `x += "…"` before the return) are reasons
# or messages handed to a sink elsewhere.
REASON_HELPERS = {
    "domain/report.cpp": ["one_of"],
    "domain/sla/customers_io.cpp": ["address_problem"],
    "domain/capacity/query.cpp": ["reason"],
    "domain/report_csv.cpp": ["unknown_column_reason", "month_cell_reason"],
}
# file -> members a text is assigned to, `x.message = …;` (a message) or `x.reason = …;` (a
# reason, such as why a load does not fit, which a message then holds).
ASSIGNED = {
    "domain/batch.cpp": ["message"],
    "domain/capacity/model.cpp": ["reason"],
}
# String constants that messages embed (a hint shared by several messages): what it is ->
# the places it may be, (file, name); it must be found in at least one of them (a branch may
# move it: the CSV reader's hint moves to domain/csv_encoding.hpp with GB18030).
TEXT_CONSTANTS = {
    "the CSV reader's hint": [("domain/csv.cpp", "save_as_utf8"), ("domain/csv_encoding.hpp", "save_as_utf8_hint")],
}
# Calls that hand a text to a sink: function -> (kind, index of the text argument).
CALL_SINKS = {
    "not_now": ("message", 0),
}
# Calls that build a text: function -> how (a lead literal, then a space and a value).
TEXT_BUILDERS = {
    "fmt_allowed": "{0} " + "\ue000",
}


def strip_comments(src):
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            out.append(" " * ((n if j < 0 else j + 2) - i))
            i = n if j < 0 else j + 2
        elif c == '"' or c == "'":
            j = skip_quoted(src, i)
            out.append(src[i:j])
            i = j
        elif c == "R" and src.startswith('R"', i) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")
                                                      or src[i - 2:i] == "u8"):
            j = skip_raw(src, i + 1)
            out.append(src[i:j])
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def skip_quoted(src, i):
    q, j = src[i], i + 1
    while j < len(src) and src[j] != q:
        j += 2 if src[j] == "\\" else 1
    return j + 1


def skip_raw(src, i):  # src[i] == '"'
    open_paren = src.find("(", i)
    delim = src[i + 1:open_paren]
    end = src.find(")" + delim + '"', open_paren)
    return end + len(delim) + 2


TOKEN = re.compile(r'''
    (?P<raw>(?:u8)?R"(?P<delim>[^(\s]*)\((?P<rawbody>.*?)\)(?P=delim)")
  | (?P<str>(?:u8|u|U|L)?"(?:[^"\\\n]|\\.)*")
  | (?P<chr>'(?:[^'\\\n]|\\.)*')
  | (?P<id>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<num>\d[\w.']*)
  | (?P<op>::|->|&&|\|\||<<|>>|[-+*/%=!<>&|^~?:;,.(){}\[\]#])
  | (?P<ws>\s+)
''', re.S | re.X)

ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "0": "\0", "r": "\r"}


def decode(literal):
    body = literal[literal.index('"') + 1:-1]
    out, i = [], 0
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt == "x":
                m = re.match(r"[0-9A-Fa-f]+", body[i + 2:])
                out.append(chr(int(m.group(0), 16)))
                i += 2 + len(m.group(0))
                continue
            out.append(ESCAPES.get(nxt, nxt))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def tokenize(src):
    toks, pos = [], 0
    line = 1
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            pos += 1
            continue
        kind = m.lastgroup if m.lastgroup not in ("delim", "rawbody") else "raw"
        text = m.group(0)
        if m.group("raw"):
            kind = "raw"
        if kind != "ws":
            value = None
            if kind == "str":
                value = decode(text)
            elif kind == "raw":
                value = m.group("rawbody")
                kind = "str"
            toks.append((kind, text, value, line))
        line += text.count("\n")
        pos = m.end()
    return toks


OPEN = {"(": ")", "{": "}", "[": "]"}


def group_end(toks, i):
    """Index of the token closing the bracket at toks[i]."""
    depth = 0
    for j in range(i, len(toks)):
        t = toks[j][1]
        if toks[j][0] == "op" and t in OPEN:
            depth += 1
        elif toks[j][0] == "op" and t in (")", "}", "]"):
            depth -= 1
            if depth == 0:
                return j
    return len(toks) - 1


def split_top(toks, sep):
    parts, cur, depth = [], [], 0
    for t in toks:
        if t[0] == "op" and t[1] in OPEN:
            depth += 1
        elif t[0] == "op" and t[1] in (")", "}", "]"):
            depth -= 1
        if depth == 0 and t[0] == "op" and t[1] == sep:
            parts.append(cur)
            cur = []
        else:
            cur.append(t)
    parts.append(cur)
    return parts


def args_of(toks, i):
    end = group_end(toks, i)
    inner = toks[i + 1:end]
    return ([] if not inner else split_top(inner, ",")), end


def texts(tokens):
    b = [t[1] for t in tokens]
    return b


def names(arg, what):
    """Whether arg (a token list) names `what::X` without calling anything."""
    b = texts(arg)
    if "{" in b or ";" in b:
        return False
    depth = 0
    for k, t in enumerate(b):
        depth += t in OPEN
        depth -= t in (")", "}", "]")
        if depth == 0 and t == what and k + 2 < len(b) and b[k + 1] == "::" and (k + 3 == len(b) or b[k + 3] != "("):
            return True
    return False


FIELD = re.compile(r"\{\{|\}\}|\{[^{}]*\}")
HOLE = "\ue000"  # where a value goes, in a text as this script returns it


def format_pattern(s):
    return FIELD.sub(lambda m: {"{{": "{", "}}": "}"}.get(m.group(0), HOLE), s)


def strip_wrapping(arg):
    b = texts(arg)
    while len(b) >= 3 and b[0] == "std" and b[1] == "::" and b[2] in ("move", "string", "string_view") and \
            len(arg) > 4 and arg[3][1] == "(" and group_end(arg, 3) == len(arg) - 1:
        arg = arg[4:-1]
        b = texts(arg)
    while arg and arg[0][1] == "(" and group_end(arg, 0) == len(arg) - 1:
        arg = arg[1:-1]
    return arg


def interpret(arg, trace=None):
    """The patterns an expression yields (list of str), or None when dynamic. `trace`
    finds what a lone identifier was declared with (see traced)."""
    arg = strip_wrapping(arg)
    if not arg:
        return None
    if len(arg) == 1 and arg[0][0] == "id" and trace:
        return trace(arg[0])
    b0 = texts(arg)
    if len(arg) > 2 and b0[0] in TEXT_BUILDERS and b0[1] == "(" and group_end(arg, 1) == len(arg) - 1:
        inner, _ = args_of(arg, 1)
        if inner and all(t[0] == "str" for t in inner[0]):
            lead = "".join(t[2] for t in inner[0])
            return [TEXT_BUILDERS[b0[0]].format(lead)]
        return None
    # cond ? a : b
    depth, q = 0, None
    for k, t in enumerate(arg):
        if t[0] == "op" and t[1] in OPEN:
            depth += 1
        elif t[0] == "op" and t[1] in (")", "}", "]"):
            depth -= 1
        elif depth == 0 and t[1] == "?" and q is None:
            q = k
    if q is not None:
        rest = arg[q + 1:]
        depth, colon = 0, None
        nested = 0
        for k, t in enumerate(rest):
            if t[0] == "op" and t[1] in OPEN:
                depth += 1
            elif t[0] == "op" and t[1] in (")", "}", "]"):
                depth -= 1
            elif depth == 0 and t[1] == "?":
                nested += 1
            elif depth == 0 and t[1] == ":":
                if nested == 0:
                    colon = k
                    break
                nested -= 1
        if colon is None:
            return None
        a, b = interpret(rest[:colon], trace), interpret(rest[colon + 1:], trace)
        out = (a or []) + (b or [])
        return out or None
    operands = split_top(arg, "+")
    if len(operands) > 1:
        pieces, any_text = [], False
        for o in operands:
            p = interpret(o, trace)
            if p and len(p) == 1:
                pieces.append(p[0])
                any_text = True
            else:
                pieces.append(HOLE)
        return ["".join(pieces)] if any_text else None
    if all(t[0] == "str" for t in arg):
        return ["".join(t[2] for t in arg)]
    b = texts(arg)
    if b[:4] == ["fmt", "::", "format", "("] and group_end(arg, 3) == len(arg) - 1:
        inner, _ = args_of(arg, 3)
        if inner and all(t[0] == "str" for t in inner[0]):
            return [format_pattern("".join(t[2] for t in inner[0]))]
    return None


def place(path, tok):
    return f"{path}:{tok[3]}"


def statement_end(toks, k):
    depth = 0
    for j in range(k, len(toks)):
        t = toks[j][1]
        if toks[j][0] == "op" and t in OPEN:
            depth += 1
        elif toks[j][0] == "op" and t in (")", "}", "]"):
            depth -= 1
        elif depth == 0 and t == ";":
            return j
    return len(toks)


def declaration(toks, name, before, after=0):
    """The right side of the nearest `T name = …;` before token index `before`."""
    for k in range(before - 1, max(after, 1) - 1, -1):
        if toks[k][1] == name and toks[k][0] == "id" and k + 1 < len(toks) and toks[k + 1][1] == "=" \
                and toks[k - 1][0] == "id" and toks[k - 1][1] not in ("return",):
            return k, toks[k + 2:statement_end(toks, k + 2)]
    return None, None


def traced(toks, at, after=0):
    """A tracer for interpret(): a lone identifier is read as its declaration's value, and each
    `name += "…"` between the declaration and `at` gives a variant with that text appended."""
    def trace(tok):
        k, rhs = declaration(toks, tok[1], at, after)
        if rhs is None:
            return None
        base = interpret(rhs)
        if not base:
            return None
        out = list(base)
        for j in range(k, at):
            if toks[j][1] == tok[1] and j + 1 < len(toks) and toks[j + 1][1] == "+=":
                extra = interpret(toks[j + 2:statement_end(toks, j + 2)])
                out += [b + e for b in base for e in extra or []]
        return out
    return trace


def scan(path, src):
    toks = merge_ops(tokenize(strip_comments(src)))
    found, dynamic = [], []
    for i, t in enumerate(toks):
        if t[0] != "op" or t[1] not in ("(", "{"):
            continue
        args, _ = args_of(toks, i)
        callee = toks[i - 1][1] if i > 0 else ""
        if t[1] == "(" and callee in CALL_SINKS and len(args) > CALL_SINKS[callee][1]:
            kind, arg = CALL_SINKS[callee][0], args[CALL_SINKS[callee][1]]
        elif len(args) < 2 or not args[0]:
            continue
        elif names(args[0], "errc") or names(args[0], "protocol_error"):
            kind, arg = "message", args[1]
        elif names(args[0], "rule"):
            kind, arg = "reason", args[4] if t[1] == "{" and len(args) in (5, 6) else args[-1]
        elif t[1] == "{" and len(args) in (5, 6) and texts(args[1]) == ["std", "::", "nullopt"]:
            kind, arg = "reason", args[4]  # an issue whose rule is a variable: {broken, std::nullopt, …}
        else:
            continue
        if len(arg) == 1 and arg[0][0] == "num" or len(arg) == 3 and texts(arg)[:3] == ["std", "::", "string"] \
                or len(arg) == 4 and texts(arg)[1] == "::" and arg[3][0] == "id":
            continue  # a table's number; a parameter's declaration
        if texts(arg)[:1] and texts(arg)[0] in REASON_HELPERS.get(path, []):
            continue  # the helper's own texts are read where it is defined
        got = interpret(arg, traced(toks, i))
        where = place(path, t)
        if got is None:
            dynamic.append({"kind": kind, "at": where, "expr": " ".join(texts(arg))})
        else:
            found += [{"text": g, "kind": kind, "at": where} for g in got]
    for fn in REASON_HELPERS.get(path, []):
        found += helper_returns(path, toks, fn)
    for member in ASSIGNED.get(path, []):
        found += assigned(path, toks, member)
    for what, places in TEXT_CONSTANTS.items():
        for file, name in places:
            if file != path:
                continue
            k, rhs = declaration(toks, name, len(toks))
            got = interpret(rhs) if rhs else None
            if got:
                found += [{"text": g, "kind": "message", "at": place(path, toks[k]), "constant": what} for g in got]
    return found, dynamic


def merge_ops(toks):
    """`+=` as one token (the tokenizer reads `+` and `=`)."""
    out = []
    for t in toks:
        if out and t[1] == "=" and out[-1][1] == "+" and out[-1][0] == "op":
            out[-1] = ("op", "+=", None, out[-1][3])
        else:
            out.append(t)
    return out


def assigned(path, toks, member):
    out = []
    kind = "message" if member == "message" else "reason"
    for i in range(1, len(toks) - 2):
        if toks[i - 1][1] == "." and toks[i][1] == member and toks[i + 1][1] == "=":
            got = interpret(toks[i + 2:statement_end(toks, i + 2)], traced(toks, i))
            out += [{"text": g, "kind": kind, "at": place(path, toks[i])} for g in got or []]
    return out


def helper_returns(path, toks, fn):
    out = []
    for i in range(len(toks) - 2):
        if toks[i][1] == fn and toks[i + 1][1] == "(":
            close = group_end(toks, i + 1)
            while close + 1 < len(toks) and toks[close + 1][1] in ("const", "noexcept"):
                close += 1
            if close + 1 < len(toks) and toks[close + 1][1] == "{":
                end = group_end(toks, close + 1)
                body = toks[close + 2:end]
                for k, t in enumerate(body):
                    if t[1] == "return":
                        stop = next(j for j in range(k, len(body)) if body[j][1] == ";")
                        got = interpret(body[k + 1:stop], traced(toks, close + 2 + k, close + 2))
                        out += [{"text": g, "kind": "reason", "at": place(path, t)} for g in got or [] if g]
    return out


def sources(root):
    for d in SOURCE_DIRS:
        for base, dirs, files in os.walk(os.path.join(root, d)):
            dirs[:] = sorted(x for x in dirs if x not in SKIP_DIRS)
            for f in sorted(files):
                full = os.path.join(base, f)
                rel = os.path.relpath(full, root)
                if f.endswith((".cpp", ".hpp")) and rel not in SKIP_FILES and not rel.startswith(SKIP_PREFIXES):
                    yield rel, full


def sample_of(text):
    parts = text.split(HOLE)
    out = parts[0]
    for n, part in enumerate(parts[1:], 1):
        out += f"\u27e8{n}\u27e9" + part
    return out


def collect(root):
    """(texts, dynamic sinks) of every source under root."""
    texts, dynamic = [], []
    for rel, full in sources(root):
        with open(full, encoding="utf-8") as fh:
            found, dyn = scan(rel, fh.read())
        for item in found:
            raw = item["text"]
            texts.append({**item, "text": raw.replace(HOLE, "{}"), "sample": sample_of(raw)})
        dynamic += dyn
    for what, places in TEXT_CONSTANTS.items():
        if not any(t.get("constant") == what for t in texts):
            raise SystemExit(f"{what} is in none of {places}: say where it went in TEXT_CONSTANTS")
    return texts, dynamic


def main():
    texts, dynamic = collect(sys.argv[1])
    for item in (dynamic if "--dynamic" in sys.argv[2:] else texts):
        print(json.dumps(item, ensure_ascii=False))


if __name__ == "__main__":
    main()
