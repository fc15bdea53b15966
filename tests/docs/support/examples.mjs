// Reading the ```sh examples out of markdown (tests/docs/examples_test.mjs says what is run
// and how): the blocks with their "not run" markers, and each block's commands with the
// status its expectation comment names.
// [Errors] blocks() throws naming the file and line of a marker without a reason or a block.
import { readdirSync } from 'node:fs';
import path from 'node:path';

const MARKER = /^<!--\s*example:\s*not run(?:\s*\((.*)\))?\s*-->$/;
const EXPECTATION = /#\s*([1-5]\d\d)(?=$|\s*[{(["…]|\s+[a-z_]+\s*[{(])/;

export function documents(ROOT) {
  const docs = readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort();
  return (process.env.EXAMPLES_ONLY ?? ['README.md', ...docs.map((f) => `docs/${f}`)].join(','))
    .split(',').filter(Boolean);
}

// The ```sh blocks of a markdown text: { line, body: [lines], skip: reason | null }.
export function blocks(text, name) {
  const lines = text.split('\n');
  const found = [];
  let pending = null;   // a marker waiting for its block
  for (let i = 0; i < lines.length; ++i) {
    const line = lines[i].trim();
    const marker = MARKER.exec(line);
    if (marker) {
      if (!marker[1]) throw new Error(`${name}:${i + 1}: "example: not run" needs a reason in parentheses`);
      pending = { reason: marker[1], line: i + 1 };
      continue;
    }
    if (!line.startsWith('```')) {
      if (line && pending) throw new Error(`${name}:${pending.line}: the marker is not right before a block`);
      continue;
    }
    let j = i + 1;
    while (j < lines.length && lines[j].trim() !== '```') ++j;
    if (line === '```sh') found.push({ line: i + 1, body: lines.slice(i + 1, j), skip: pending?.reason ?? null });
    else if (pending) throw new Error(`${name}:${pending.line}: the marker is before a block that is not sh`);
    pending = null;
    i = j;
  }
  if (pending) throw new Error(`${name}:${pending.line}: the marker is before no block`);
  return found;
}

// Whether `text` leaves a quote open or continues on the next line (after what came before).
function scan(state, text) {
  for (let k = 0; k < text.length; ++k) {
    const c = text[k];
    if (state.quote === "'") { if (c === "'") state.quote = null; continue; }
    if (state.quote === "$'") { if (c === '\\') ++k; else if (c === "'") state.quote = null; continue; }
    if (c === '\\') { ++k; continue; }
    if (state.quote === '"') { if (c === '"') state.quote = null; continue; }
    if (c === '#' && (k === 0 || /\s/.test(text[k - 1]))) break;   // a comment to the line's end
    if (c === '$' && text[k + 1] === "'") { state.quote = "$'"; ++k; continue; }
    if (c === "'" || c === '"') state.quote = c;
  }
  return state;
}

// The status an expectation comment names, and the strings it quotes that the answer must
// hold: each "…" literal up to an ellipsis ("5 problem(s) ..." → "5 problem(s)"), so that a
// count or a code the example shows is checked too.
function expectation(match, comment) {
  const literals = [...comment.slice(match.index).matchAll(/"([^"]*)"/g)]
    .map((m) => m[1].split(/\s*(?:\.\.\.|…)/)[0]).filter((text) => text.length > 0);
  return { expect: Number(match[1]), literals };
}

// A block's commands: { text, line, expect } with continuation lines, quotes spanning lines and
// if … fi joined; `expect` from an expectation comment on the command or the line after it.
export function commands(body, firstLine) {
  const out = [];
  let current = null;
  let depth = 0;
  const state = { quote: null };
  body.forEach((raw, index) => {
    const line = /^\s*(export\s+)?[A-Z_]+=gct_…/.test(raw) ? 'true   # the token the harness set' : raw;
    const trimmed = line.trim();
    if (!current) {
      if (!trimmed) return;
      if (trimmed.startsWith('#')) {
        const e = EXPECTATION.exec(trimmed);
        if (e && out.length && out.at(-1).expect === null) Object.assign(out.at(-1), expectation(e, trimmed));
        return;
      }
      current = { text: '', line: firstLine + 1 + index, expect: null, literals: [] };
    }
    current.text += (current.text ? '\n' : '') + line;
    scan(state, line);
    if (!state.quote) {
      if (/^(if|case|while|for)\b/.test(trimmed)) ++depth;
      if (/^(fi|esac|done)\b/.test(trimmed)) --depth;
    }
    const continues = state.quote || depth > 0 || /\\$/.test(line) || /(\||&&)\s*$/.test(line);
    if (!continues) {
      const comment = /\s(#\s.*)$/.exec(line);
      const e = comment && EXPECTATION.exec(comment[1]);
      if (e) Object.assign(current, expectation(e, comment[1]));
      out.push(current);
      current = null;
    }
  });
  if (current) out.push(current);
  return out;
}
