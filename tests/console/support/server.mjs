// The real gridcoord binary for the console's browser tests: a demo server on a fresh data
// directory and a free port, its administrator token, and helpers for the JSON API.
//
// [Lifecycle] startServer() spawns `gridcoord serve --demo` (GRIDCOORD_BIN) on a new temporary
//   data directory and port 0, reads the address and token from the hints it prints on stdout,
//   then polls GET /v1/health (bounded) until it answers 200. stop() sends SIGTERM and, if the
//   process has not exited within STOP_GRACE_MS, SIGKILL. restart() starts it again on the same
//   data directory and port (the browser's page keeps its origin); the demo prints a new
//   administrator token each start. dispose() stops it and removes the data directory.
//   With GRIDCOORD_CONSOLE_DIR set (e.g. gateways/console), the console's files are served from
//   that folder (--console-dir) rather than from the binary: for working on the console.
// [Errors] Every helper throws an Error naming what failed, with the server's recent output.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const START_TIMEOUT_MS = 30_000;   // from spawn to the hints on stdout
const HEALTH_POLLS = 100;          // then at most this many health checks ...
const HEALTH_POLL_MS = 50;         // ... this far apart
const STOP_GRACE_MS = 10_000;      // SIGTERM, then SIGKILL after this

// Servers still running when this process exits (a failed test, an uncaught error) are killed
// rather than left behind on their port.
const running = new Set();
process.once('exit', () => { for (const child of running) child.kill('SIGKILL'); });

export function gridcoordBin() {
  const bin = process.env.GRIDCOORD_BIN;
  if (!bin) throw new Error('GRIDCOORD_BIN is not set: run through ctest, or export GRIDCOORD_BIN=build/cmd/gridcoord/gridcoord');
  return bin;
}

class Server {
  constructor(dataDir) {
    this.dataDir = dataDir;
    this.port = 0;
    this.base = '';
    this.adminToken = '';
    this.child = null;
    this.output = [];     // the last lines of stdout and stderr, for error messages
  }

  recentOutput() { return this.output.slice(-40).join('\n'); }

  remember(stream, text) {
    for (const line of text.split('\n')) if (line.trim()) this.output.push(`[${stream}] ${line}`);
    if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
  }

  async start(extraArgs = []) {
    if (this.child) throw new Error('gridcoord is already running');
    const args = ['serve', '--demo', '--data-dir', this.dataDir,
                  '--listen', `127.0.0.1:${this.port}`, '--log-format', 'text', ...extraArgs];
    // While working on the console: its files from disk instead of the binary's copy.
    if (process.env.GRIDCOORD_CONSOLE_DIR) args.push('--console-dir', process.env.GRIDCOORD_CONSOLE_DIR);
    const child = spawn(gridcoordBin(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    running.add(child);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (t) => this.remember('stderr', t));
    child.stdout.setEncoding('utf8');
    let stdout = '';
    const hints = new Promise((resolve, reject) => {
      child.stdout.on('data', (t) => {
        this.remember('stdout', t);
        stdout += t;
        const base = /running at (https?:\/\/[^\s]+)/.exec(stdout);
        const token = /export TOKEN=(gct_\S+)/.exec(stdout);
        if (base && token) resolve({ base: base[1], token: token[1] });
      });
      child.once('error', reject);
      this.exited.then(({ code, signal }) =>
        reject(new Error(`gridcoord exited (code ${code}, signal ${signal}) before it was ready`)));
    });
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`gridcoord printed no address and token within ${START_TIMEOUT_MS} ms`)),
                         START_TIMEOUT_MS);
    });
    try {
      const { base, token } = await Promise.race([hints, timeout]);
      this.base = base;
      this.port = Number(new URL(base).port);
      this.adminToken = token;
      await this.waitHealthy();
    } catch (e) {
      await this.stop();
      throw new Error(`${e.message}\n${gridcoordBin()} ${args.join(' ')}\n${this.recentOutput()}`);
    } finally {
      clearTimeout(timer);
    }
    return this;
  }

  async waitHealthy() {
    let last = '';
    for (let i = 0; i < HEALTH_POLLS; ++i) {
      try {
        const r = await fetch(`${this.base}/v1/health`);
        if (r.status === 200) return;
        last = `status ${r.status}`;
      } catch (e) {
        last = e.cause?.code ?? e.message;
      }
      await delay(HEALTH_POLL_MS);   // the interval of a bounded poll, not a wait for time
    }
    throw new Error(`GET /v1/health did not answer 200 after ${HEALTH_POLLS} polls (last: ${last})`);
  }

  async stop() {
    const child = this.child;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      let timer;
      const grace = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), STOP_GRACE_MS); });
      const outcome = await Promise.race([this.exited, grace]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        this.remember('test', `no exit ${STOP_GRACE_MS} ms after SIGTERM: SIGKILL`);
        child.kill('SIGKILL');
        await this.exited;
      }
    }
    this.child = null;
  }

  // Starts again on the same data directory and port (the store's history is kept).
  async restart() {
    await this.stop();
    return this.start();
  }

  async dispose() {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  // --- the JSON API -------------------------------------------------------------------------

  // Calls the API and answers { status, headers, body } (body parsed when JSON). `token`
  // defaults to the administrator's; pass null to send none.
  async call(method, route, { token = this.adminToken, body, headers = {}, raw } = {}) {
    const h = { ...headers };
    if (token) h.Authorization = `Bearer ${token}`;
    let payload;
    if (raw !== undefined) payload = raw;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['Content-Type'] ??= 'application/json';
    }
    const r = await fetch(`${this.base}${route}`, { method, headers: h, body: payload, redirect: 'manual' });
    const text = await r.text();
    let parsed = text;
    if ((r.headers.get('content-type') ?? '').startsWith('application/json') && text) parsed = JSON.parse(text);
    return { status: r.status, headers: r.headers, body: parsed };
  }

  // Like call, but throws unless the status is one of `expect` (default: any 2xx).
  async api(method, route, options = {}) {
    const r = await this.call(method, route, options);
    const ok = options.expect ? [].concat(options.expect).includes(r.status) : r.status >= 200 && r.status < 300;
    if (!ok) throw new Error(`${method} ${route} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  // Issues a token for `role` and answers { id, token, role, description }.
  async createToken(role, description) {
    const t = await this.api('POST', '/v1/tokens', { body: { role, description }, expect: 201 });
    return { id: t.id, token: t.token, role: t.role, description: t.description };
  }

  async lastSeq() {
    return (await this.api('GET', '/v1/health', { token: null })).last_seq;
  }
}

// Starts a demo server on a fresh temporary data directory and a free port.
export async function startServer() {
  const dir = mkdtempSync(path.join(tmpdir(), 'gridcoord-console-'));
  const server = new Server(dir);
  try {
    return await server.start();
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
