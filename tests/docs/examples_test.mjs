// Every ```sh example of README.md and docs/*.md, run as written against a fresh demo server
// (`gridcoord serve --demo`, GRIDCOORD_BIN), one server per file, the file's examples in document
// order in one shell, so that what one example makes the next can use.
//
// [Substitutions] http://127.0.0.1:8080 (and 127.0.0.1:8080) become the server's address; B,
//   TOKEN, GRIDCOORD_URL and GRIDCOORD_TOKEN are set to the server's address and the
//   administrator token the demo printed, and a line that assigns a placeholder token (`gct_…`)
//   keeps that value. The commands run in a scratch directory where docs/ is the repository's and
//   build/ the build tree's (from GRIDCOORD_BIN), with gridctl on PATH (ctest sets it).
// [Checks] A command fails when it exits non-zero (pipefail: any stage of a pipe), when one of
//   its curls answers 5xx, or when an expectation comment (`# 201 …`, `# 422 {…}`, on the
//   command's line or the line after it) names another status than its last curl answered.
// [Skipped] A block preceded by `<!-- example: not run (why) -->` is not run (it starts a
//   server, needs TLS files, names a placeholder, runs until Ctrl-C …); the test prints how many
//   it skipped and why. A block without a reason is an error, as is a marker on no block.
// [Limits] FILE_TIMEOUT_MS per file; a command that hangs is named as the first not finished.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { gridcoordBin, startServer } from '../console/support/server.mjs';
import { blocks, commands, documents } from './support/examples.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILE_TIMEOUT_MS = 60_000;

const PRELUDE = `
set -o pipefail
curl() {
  local headers rc status
  headers=$(mktemp -p "$GC_EXAMPLES_DIR")
  command curl -D "$headers" "$@"; rc=$?
  status=$(grep -a '^HTTP/' "$headers" | tail -n1 | cut -d' ' -f2)
  [ -n "$status" ] || status=000
  echo "$status" >> "$GC_EXAMPLES_DIR/statuses"
  rm -f "$headers"
  return $rc
}
gc_done() {
  local rc=$1 id=$2 statuses
  statuses=$(paste -sd, "$GC_EXAMPLES_DIR/statuses" 2>/dev/null)
  : > "$GC_EXAMPLES_DIR/statuses"
  [ -n "$statuses" ] || statuses=-
  echo "$id $rc $statuses" >> "$GC_EXAMPLES_DIR/results"
  printf '\n@@gc-done %s\n' "$id"; printf '\n@@gc-done %s\n' "$id" >&2
}
`;

function substitute(text, base) {
  return text.replaceAll('http://127.0.0.1:8080', base).replaceAll('127.0.0.1:8080', base.replace(/^https?:\/\//, ''));
}

// Runs a file's commands in one bash; answers [{ command, rc, statuses, stdout, stderr }] in order,
// missing the commands that did not finish.
function runAll(cmds, server, scratch) {
  const script = [PRELUDE];
  cmds.forEach((c, id) => script.push(substitute(c.text, server.base), `gc_done $? ${id}`));
  writeFileSync(path.join(scratch, 'script.sh'), script.join('\n') + '\n');
  const env = { ...process.env, GC_EXAMPLES_DIR: scratch, B: server.base, TOKEN: server.adminToken,
                GRIDCOORD_URL: server.base, GRIDCOORD_TOKEN: server.adminToken };
  const r = spawnSync('bash', [path.join(scratch, 'script.sh')],
                      { cwd: path.join(scratch, 'work'), env, encoding: 'utf8', timeout: FILE_TIMEOUT_MS,
                        stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  const split = (text) => (text ?? '').split(/\n@@gc-done \d+\n/);
  const outs = split(r.stdout), errs = split(r.stderr);
  const resultsFile = path.join(scratch, 'results');
  const lines = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8').trim().split('\n').filter(Boolean) : [];
  return { timedOut: r.error?.code === 'ETIMEDOUT', results: lines.map((l, i) => {
    const [id, rc, statuses] = l.split(' ');
    return { command: cmds[Number(id)], rc: Number(rc), statuses: statuses === '-' ? [] : statuses.split(',').map(Number),
             stdout: outs[i] ?? '', stderr: errs[i] ?? '' };
  }) };
}

function problemsOf({ command, rc, statuses, stdout }) {
  const problems = [];
  if (rc !== 0) problems.push(`exit code ${rc}`);
  for (const s of statuses) if (s >= 500) problems.push(`a curl answered ${s}`);
  if (command.expect !== null && statuses.length && statuses.at(-1) !== command.expect)
    problems.push(`the example says ${command.expect}, the server answered ${statuses.at(-1)}`);
  if (command.expect !== null && statuses.length)
    for (const text of command.literals)
      if (!stdout.includes(text)) problems.push(`the example shows "${text}", the answer does not have it`);
  return problems;
}

function scratchDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'gridcoord-examples-'));
  const work = path.join(dir, 'work');
  spawnSync('mkdir', [work]);
  symlinkSync(path.join(ROOT, 'docs'), path.join(work, 'docs'));
  symlinkSync(path.resolve(path.dirname(gridcoordBin()), '../..'), path.join(work, 'build'));
  return dir;
}

const skipped = [];

for (const name of documents(ROOT)) {
  test(`the examples of ${name} work against the demo as written`, async (t) => {
    const found = blocks(readFileSync(path.join(ROOT, name), 'utf8'), name);
    for (const b of found) if (b.skip) skipped.push(`${name}:${b.line} (${b.skip})`);
    const cmds = found.filter((b) => !b.skip).flatMap((b) => commands(b.body, b.line));
    if (!cmds.length) return t.skip('no example to run');
    const server = await startServer();
    const scratch = scratchDir();
    try {
      const { timedOut, results } = runAll(cmds, server, scratch);
      const failures = [];
      for (const r of results) {
        const problems = problemsOf(r);
        if (problems.length)
          failures.push(`${name}:${r.command.line}: ${problems.join('; ')}\n  $ ${r.command.text.replaceAll('\n', '\n    ')}\n` +
                        `  stdout: ${r.stdout.trim().slice(0, 600)}\n  stderr: ${r.stderr.trim().slice(0, 600)}`);
      }
      if (results.length < cmds.length) {
        const stuck = cmds[results.length];
        failures.push(`${name}:${stuck.line}: ${timedOut ? `did not finish within ${FILE_TIMEOUT_MS} ms` : 'the shell stopped here'}` +
                      `\n  $ ${stuck.text}`);
      }
      t.diagnostic(`${results.length} of ${cmds.length} commands ran, ${failures.length} failed`);
      assert.equal(failures.length, 0, `\n${failures.join('\n\n')}\n\nserver output:\n${server.recentOutput()}`);
    } finally {
      await server.dispose();
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

test('the blocks not run are listed', () => {
  console.log(`${skipped.length} example block(s) not run:\n  ${skipped.join('\n  ')}`);
});
