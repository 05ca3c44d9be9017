// validate.mjs runs the Khronos glTF validator over GLB files and exits
// non-zero when any file has an error, so that `make test` catches a model
// that a browser loader might reject.
//
// Usage: node validate.mjs PATH...   (each PATH is a .glb file or a folder
// whose *.glb files are validated, in name order)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as validator from 'gltf-validator';

const severityNames = ['error', 'warning', 'info', 'hint'];

function collect(paths) {
  const files = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.toLowerCase().endsWith('.glb')) files.push(join(p, name));
      }
    } else {
      files.push(p);
    }
  }
  return files;
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('usage: node validate.mjs FILE.glb|FOLDER...');
    process.exit(2);
  }
  const files = collect(args);
  if (files.length === 0) {
    console.error(`no .glb files found in ${args.join(' ')}`);
    process.exit(1);
  }
  const totals = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  let failed = 0;
  for (const file of files) {
    const data = new Uint8Array(readFileSync(file));
    let report;
    try {
      report = await validator.validateBytes(data, {
        uri: basename(file),
        format: 'glb',
        maxIssues: 0,
        writeTimestamp: false,
        // A merchant's or our own model must carry everything inside the GLB:
        // any external resource is reported as missing.
        externalResourceFunction: (uri) => Promise.reject(`external resource ${uri} is not allowed`),
      });
    } catch (err) {
      console.log(`FAIL ${file}: validator could not read it: ${err}`);
      totals.errors++;
      failed++;
      continue;
    }
    const i = report.issues;
    totals.errors += i.numErrors;
    totals.warnings += i.numWarnings;
    totals.infos += i.numInfos;
    totals.hints += i.numHints;
    const status = i.numErrors > 0 ? 'FAIL' : 'ok  ';
    if (i.numErrors > 0) failed++;
    console.log(`${status} ${file} (${data.length} bytes): ${i.numErrors} errors, ${i.numWarnings} warnings, ${i.numInfos} infos, ${i.numHints} hints`);
    for (const m of i.messages) {
      if (m.severity <= 1) {
        console.log(`     ${severityNames[m.severity]} ${m.code} at ${m.pointer ?? ''}: ${m.message}`);
      }
    }
  }
  console.log(`glTF validator ${validator.version()}: ${files.length} files, ${failed} failed; ${totals.errors} errors, ${totals.warnings} warnings, ${totals.infos} infos, ${totals.hints} hints`);
  process.exit(failed > 0 ? 1 : 0);
}

main();
