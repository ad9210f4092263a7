#!/usr/bin/env node
// Runs Electronegativity over main/ for the Electron version we ship and fails on any HIGH or MEDIUM finding.
// Its exit code says nothing about findings, so its output files are read instead. It writes CSV (which has the
// severity) with two unordered async writes, header then rows, so a row list can come out truncated; SARIF is
// written in one go but carries no severity. Both are produced and every SARIF finding must have its CSV row
// (the CSV is produced again when it came out short).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const scanner = require.resolve('@doyensec/electronegativity/dist/index.js');
const hook = path.join(root, 'test/electron/electronegativity-typescript.cjs');
const input = process.argv[2] ?? 'main';

function scan(outFile) {
  return new Promise((resolve, reject) => {
    const args = ['-r', hook, scanner, '-i', input, '-e', electronVersion, '-r', '-v', 'false', '-o', outFile];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`electronegativity exited ${code}: ${stderr}`))));
  });
}

/** RFC 4180: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-eng-'));
try {
  const csvFile = path.join(dir, 'findings.csv');
  const sarifFile = path.join(dir, 'findings.sarif');
  await scan(sarifFile);
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
  const results = sarif.runs[0].results;
  const locate = (r) => {
    const uri = r.locations[0].physicalLocation.artifactLocation.uri;
    return { id: r.ruleId, file: uri === 'file:///' ? 'N/A' : uri, line: r.locations[0].physicalLocation.region.startLine };
  };
  const rowFor = (findings, r) => {
    const { id, file, line } = locate(r);
    return findings.find((f) => f.id === id && f.file === file && (f.line === line || (f.line === 0 && line === 1)));
  };
  // The CSV loses rows when its two writes land out of order (more often on a busy machine): scan again until it
  // accounts for every finding the SARIF file lists, a few times at most.
  let findings = [];
  for (let attempt = 1; attempt <= 4; attempt++) {
    await scan(csvFile);
    findings = parseCsv(readFileSync(csvFile, 'utf8'))
      .slice(1)
      .map(([id, severity, confidence, file, location, , description]) => ({ id, severity, confidence, file, line: Number(location?.split(':')[0]), description }));
    if (results.every((r) => rowFor(findings, r))) break;
  }

  const problems = [];
  for (const r of results) {
    if (rowFor(findings, r)) continue;
    const { id, file, line } = locate(r);
    problems.push(`${id} at ${file}:${line} has no CSV row, so its severity is unknown`);
  }
  for (const f of findings) {
    const where = `${f.file}:${f.line}`;
    const line = `${f.severity.padEnd(13)} ${f.id} ${where} — ${f.description}`;
    console.log(line);
    if (f.severity === 'HIGH' || f.severity === 'MEDIUM') problems.push(line);
  }
  console.log(`electronegativity (Electron ${electronVersion}, ${input}/): ${findings.length} finding(s), ${problems.length} blocking`);
  for (const p of problems) console.error(`✗ ${p}`);
  process.exitCode = problems.length === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
