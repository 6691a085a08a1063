// Prints the built web app's JavaScript sizes (raw and gzip) and what a browser downloads before it
// can draw its first screen: the scripts index.html loads, their <link rel="modulepreload"> files and
// everything those import statically (a static import is fetched before the importing code runs).
// A screen that is loaded lazily (React.lazy) adds its chunk and that chunk's static imports: pass
// the chunk names' starts to count them too, e.g. PhoneApp for the phone mode's first screen.
//
//   node scripts/web-sizes.mjs [dist/web] [--first-screen PhoneApp,...]
// Also imported by bench/visits.bench.ts (printWebSizes).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// `import{a as b}from"./x.js"`, `import"./x.js"`, `export{c}from"./x.js"`: the static imports of a
// built chunk (dynamic `import("./x.js")` has a parenthesis and is left out).
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g;

function staticImportsOf(code) {
  return [...code.matchAll(STATIC_IMPORT)].map((match) => match[1].slice(2));
}

/**
 * Sizes of the build in `webDir`. `firstScreen`: starts of lazy chunk names (without the hash) that
 * the first screen also needs. Returns the per-file list, the initial set and its gzip total.
 */
export function webSizes(webDir, firstScreen = []) {
  const assets = join(webDir, "assets");
  const html = readFileSync(join(webDir, "index.html"), "utf8");
  const files = readdirSync(assets).filter((name) => name.endsWith(".js"));
  const sizeOf = new Map();
  const importsOf = new Map();
  for (const name of files) {
    const code = readFileSync(join(assets, name));
    sizeOf.set(name, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
    importsOf.set(name, staticImportsOf(code.toString("utf8")));
  }
  const fromHtml = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]);
  const lazyStarts = files.filter((name) => firstScreen.some((start) => name.startsWith(`${start}-`)));
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name) || !sizeOf.has(name)) return;
    initial.add(name);
    for (const next of importsOf.get(name)) visit(next);
  };
  for (const name of [...fromHtml, ...lazyStarts]) visit(name);
  const total = (names) => [...names].reduce((sum, name) => sum + sizeOf.get(name).gzip, 0);
  return {
    files: files.map((name) => ({ name, ...sizeOf.get(name), isInitial: initial.has(name) })),
    initial: [...initial],
    initialGzip: total(initial),
    allGzip: total(files),
  };
}

/** Prints the sizes, one line per file (largest first), then the totals. */
export function printWebSizes(webDir, firstScreen = [], log = console.log) {
  const sizes = webSizes(webDir, firstScreen);
  for (const file of sizes.files.sort((a, b) => b.gzip - a.gzip)) {
    log(
      `web build: ${file.name} ${kb(file.raw)}, gzip ${kb(file.gzip)}${file.isInitial ? " (initial)" : ""}`,
    );
  }
  log(`web build: ${sizes.files.length} JavaScript files, gzip ${kb(sizes.allGzip)} in all`);
  log(
    `web build: initial JavaScript gzip ${kb(sizes.initialGzip)} in ${sizes.initial.length} files` +
      `${firstScreen.length > 0 ? ` (index.html + ${firstScreen.join(", ")})` : " (index.html)"}`,
  );
  return sizes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--first-screen");
  const firstScreen = at >= 0 ? (args[at + 1] ?? "").split(",").filter(Boolean) : [];
  const webDir =
    args.find((arg, index) => !arg.startsWith("--") && (at < 0 || index !== at + 1)) ?? "dist/web";
  printWebSizes(webDir, firstScreen);
}
