#!/usr/bin/env node
// Start-up benchmark: process spawn -> initialize response received, over stdio, no dependencies.
// usage: node bench/startup.mjs [path/to/citelsp.dll] [runs]   (default: the Release build, 15 runs)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFrames, writeFrame } from './lsp-frames.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dll = process.argv[2] ?? path.join(root, 'server/CiteLsp.Server/bin/Release/net10.0/citelsp.dll');
const runs = Number(process.argv[3] ?? 15);

function once() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('dotnet', [dll], { stdio: ['pipe', 'pipe', 'ignore'] });
    readFrames(child.stdout, (message) => {
      if (message.id !== 1) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      child.stdin.end();
      child.on('exit', () => resolve(ms));
    });
    child.on('error', reject);
    writeFrame(child.stdin, { id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  });
}

const times = [];
for (let i = 0; i < runs; i++) times.push(await once());
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`${dll}`);
console.log(`start-up (spawn -> initialize response), ${runs} runs: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms`);
