// API reports: the exact public surface of every published package, one report per typed entry
// point, committed as `packages/<dir>/api/<entry>.api.md` so that a change to what users can import
// shows up in review (and needs a changeset). The reports are made by api-extractor from the BUILT
// declaration files (`dist/*.d.ts`, what users get), so run `pnpm build` first.
//
//   node scripts/api-reports.mjs [--check]   fail when a report differs, is missing or is stale
//   node scripts/api-reports.mjs --update    write the reports (`pnpm api:update`)
//   --root <dir>                             another checkout (a throwaway copy, for the tests)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor'
import { publicPackages, repoRoot } from './lib/workspace.mjs'

const REPORT_DIR = 'api'

/**
 * The typed entry points of a package: one per distinct ESM declaration file its `exports` reach.
 * A subpath's main report is named after it (`.` is `index`, `./lite` is `lite`); a declaration
 * file reached only through another condition (the `browser` build of `.`) is named
 * `<entry>.<condition>`. A package without typed exports (a bin-only CLI) has none.
 */
function entryPoints(pkg) {
  const entries = []
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (subpath === './package.json') continue
    const entry = subpath === '.' ? 'index' : subpath.replace(/^\.\//, '').replaceAll('/', '.')
    const files = typesByCondition(target)
    const main = files.find((f) => f.conditions.join() === 'import' || !f.conditions.length) ?? files[0]
    if (!main) continue
    entries.push({ name: entry, subpath, file: main.file })
    for (const { file, conditions } of files) {
      if (entries.some((e) => e.file === file)) continue
      entries.push({ name: `${entry}.${conditions[0]}`, subpath, condition: conditions[0], file })
    }
  }
  return entries
}

/** Every `.d.ts` under an exports target, with the conditions leading to it, in declaration order. */
function typesByCondition(target, conditions = []) {
  if (typeof target !== 'object' || target === null) return []
  return Object.entries(target).flatMap(([key, value]) => {
    if (key === 'types' && typeof value === 'string' && value.endsWith('.d.ts'))
      return [{ file: value.replace(/^\.\//, ''), conditions }]
    return typesByCondition(value, [...conditions, key])
  })
}

// Messages. The reports are the contract, so what api-extractor finds about a declaration is
// written INTO the report next to it (`addToApiReportFile`) rather than failing the run: an
// `ae-forgotten-export` (a type users meet but cannot import by name) is then visible in review
// and changes the report when it appears or goes away. We use no release tags (everything exported
// is public), so `ae-missing-release-tag` is off. The doc comments are written for editors' hovers,
// not for a TSDoc site, so TSDoc syntax messages are off. A compiler error in a declaration file
// (with skipLibCheck only syntax and configuration errors remain) fails the run.
const messages = {
  compilerMessageReporting: { default: { logLevel: 'error' } },
  extractorMessageReporting: {
    default: { logLevel: 'warning', addToApiReportFile: true },
    'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
    'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
    'ae-wrong-input-file-type': { logLevel: 'error' },
  },
  tsdocMessageReporting: { default: { logLevel: 'none' } },
}

// The declaration files are checked by the build, the type-checked examples and, as installed, under
// NodeNext with skipLibCheck false (scripts/lib/typecheck-consumer.mjs); here the program only has
// to resolve them, so skipLibCheck keeps one program over every package (the umbrella's generated
// types alone are 1.2 MB) at a few seconds. Bundler resolution picks the same `import` types as
// NodeNext.
const compilerOptions = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: [],
  skipLibCheck: true,
  noEmit: true,
}

/** The api-extractor configuration for one entry point: the report only, written to `outDir`. */
function prepareConfig({ dir }, entry, outDir) {
  const mainEntryPointFilePath = join(dir, entry.file)
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: dir,
      mainEntryPointFilePath,
      compiler: { overrideTsconfig: { compilerOptions, files: [mainEntryPointFilePath] } },
      apiReport: {
        enabled: true,
        reportFileName: `${entry.name}.api.md`,
        reportFolder: outDir,
        reportTempFolder: outDir,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages,
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(dir, 'package.json'),
  })
}

/**
 * Runs api-extractor on every entry point of `packages` (from `publicPackages`) with one shared
 * TypeScript program. Returns `reports` (`{ name, dir, entry, file, text }`), `skipped` (packages
 * without typed exports) and `problems` (messages that fail the run).
 */
function generateReports(packages) {
  const outDir = mkdtempSync(join(tmpdir(), 'api-reports-'))
  try {
    const jobs = []
    const skipped = []
    const problems = []
    for (const p of packages) {
      const entries = entryPoints(p.pkg)
      if (!entries.length) skipped.push(p.name)
      for (const entry of entries) {
        if (existsSync(join(p.dir, entry.file)))
          jobs.push({ p, entry, config: prepareConfig(p, entry, join(outDir, p.name)) })
        else problems.push(`${p.name} (${entry.name}): ${entry.file} is not built (run \`pnpm build\`)`)
      }
    }
    const compilerState = jobs.length
      ? CompilerState.create(jobs[0].config, {
          additionalEntryPoints: jobs.map((j) => j.config.mainEntryPointFilePath),
        })
      : undefined
    const reports = jobs.map(({ p, entry, config }) => {
      const label = `${p.name} (${entry.name})`
      const result = Extractor.invoke(config, {
        compilerState,
        localBuild: true,
        messageCallback: (m) => routeMessage(m, label, problems),
      })
      if (!result.succeeded) problems.push(`${label}: api-extractor failed (${result.errorCount} errors)`)
      const text = tidyReport(readFileSync(join(outDir, p.name, `${entry.name}.api.md`), 'utf8'))
      return { name: p.name, dir: p.dir, entry, file: join(p.dir, REPORT_DIR, `${entry.name}.api.md`), text }
    })
    return { reports, skipped, problems }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

// openapi-typescript's root interfaces. The umbrella exports them for typing raw calls, and in full
// they are 35,000 of its report's 37,000 lines, repeated in `/lite`: the report lists their
// members (one line per path and per operation) and leaves the bodies to the generated source
// (`src/generated/`, kept equal to openapi.json by `pnpm gen --check`), whose diff shows every
// schema change in review anyway.
const GENERATED_ROOTS = /^export interface (paths|operations|components|webhooks|\$defs) \{\n([\s\S]*?)^\}$/gm

/**
 * Makes a report depend on the surface alone: generated roots as member lists, and no positions in
 * the footer's messages (`dist/index.d.ts:547:5` moves when a doc comment above it grows; a shared
 * chunk's file name carries a content hash).
 */
function tidyReport(text) {
  return text
    .replace(GENERATED_ROOTS, (_, name, body) => {
      const members = body.match(/^ {4}[^\s/}][^:]*:/gm) ?? []
      const lines = members.map((m) => `${m} …;`)
      return `export interface ${name} {\n    // generated from openapi.json: members only\n${lines.join('\n')}\n}`
    })
    .replace(/^\/\/ [^\s]+\.d\.c?ts:\d+:\d+ - /gm, '// ')
}

/**
 * Keeps the console for what matters: a warning or error (one not written into the report) names
 * the entry and fails the run. The report is written to a temp folder that is also api-extractor's
 * "expected" folder, so its own "report changed" notices never fire: this script compares.
 */
function routeMessage(message, label, problems) {
  message.handled = true
  if (message.logLevel !== 'warning' && message.logLevel !== 'error') return
  const where = message.sourceFilePath
    ? ` (${basename(message.sourceFilePath)}:${message.sourceFileLine})`
    : ''
  problems.push(`${label}: ${message.logLevel} ${message.messageId}: ${message.text}${where}`)
}

/** Report files present under the packages' `api/` folders that no entry point produces. */
function staleReports(packages, reports) {
  const expected = new Set(reports.map((r) => r.file))
  return packages.flatMap(({ dir }) => {
    const folder = join(dir, REPORT_DIR)
    if (!existsSync(folder)) return []
    return readdirSync(folder)
      .filter((f) => f.endsWith('.api.md'))
      .map((f) => join(folder, f))
      .filter((f) => !expected.has(f))
  })
}

function main() {
  const { values } = parseArgs({
    options: { check: { type: 'boolean' }, update: { type: 'boolean' }, root: { type: 'string' } },
  })
  const root = values.root ? resolve(values.root) : repoRoot
  const started = Date.now()
  const packages = publicPackages(root)
  const { reports, skipped, problems } = generateReports(packages)
  for (const name of skipped) console.log(`- ${name}: no typed exports, no report`)
  if (problems.length) {
    for (const p of problems) console.error(`✗ ${p}`)
    process.exit(1)
  }
  const stale = staleReports(packages, reports)
  if (values.update) return update(root, reports, stale)
  if (!check(root, reports, stale)) process.exit(1)
  console.log(`✓ ${reports.length} API reports are current (${((Date.now() - started) / 1000).toFixed(1)}s)`)
}

function update(root, reports, stale) {
  for (const r of reports) {
    const before = existsSync(r.file) ? readFileSync(r.file, 'utf8') : undefined
    if (before !== r.text) {
      mkdirSync(dirname(r.file), { recursive: true })
      writeFileSync(r.file, r.text)
    }
    console.log(`${before === r.text ? '=' : '✎'} ${relative(root, r.file)}`)
  }
  for (const f of stale) {
    rmSync(f)
    console.log(`✗ removed ${relative(root, f)} (no such entry point)`)
  }
}

/** Prints what differs, with the diff, and what to do; true when every report is current. */
function check(root, reports, stale) {
  const differing = reports.filter((r) => !existsSync(r.file) || readFileSync(r.file, 'utf8') !== r.text)
  for (const r of differing) {
    const what = existsSync(r.file) ? 'differs from the built declarations' : 'is missing'
    console.error(`✗ ${r.name} ${entryLabel(r.entry)}: ${relative(root, r.file)} ${what}`)
    if (existsSync(r.file)) printDiff(r)
  }
  for (const f of stale) console.error(`✗ ${relative(root, f)}: no such entry point any more`)
  if (!differing.length && !stale.length) return true
  console.error(
    '\nThe public API changed. Run `pnpm api:update` (after `pnpm build`), review the report diff, and ' +
      'add a changeset (`pnpm changeset`) for each package whose surface changed.',
  )
  return false
}

/** The first lines of `git diff` between the committed report and the one just made (CI logs). */
function printDiff(report, maxLines = 40) {
  const dir = mkdtempSync(join(tmpdir(), 'api-report-diff-'))
  try {
    const actual = join(dir, basename(report.file))
    writeFileSync(actual, report.text)
    const args = ['diff', '--no-index', '--no-color', '-U1', report.file, actual]
    const out = spawnSync('git', args, { encoding: 'utf8' }).stdout ?? ''
    const lines = out.split('\n').slice(4).filter(Boolean)
    const more = lines.length > maxLines ? `\n  … ${lines.length - maxLines} more lines` : ''
    console.error(
      `${lines
        .slice(0, maxLines)
        .map((l) => `  ${l}`)
        .join('\n')}${more}`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const entryLabel = (e) => `"${e.subpath}"${e.condition ? ` (${e.condition} condition)` : ''}`

if (process.argv[1] === new URL(import.meta.url).pathname) main()
