import { spawnSync } from 'node:child_process';

export interface Measurement {
  wallSeconds: number;
  peakRssMb: number;
  exitCode: number;
}

/** Runs a command under GNU time: wall clock and peak resident memory of the whole process. */
export function measure(command: string, args: string[], options: { cwd?: string } = {}): Measurement {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    cwd: options.cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const lines = result.stderr.trim().split('\n');
  const kb = Number(lines.at(-1));
  if (!Number.isFinite(kb)) throw new Error(`could not measure ${command}: ${result.stderr}`);
  return { wallSeconds, peakRssMb: kb / 1024, exitCode: result.status ?? -1 };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
