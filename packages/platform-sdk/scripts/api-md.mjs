#!/usr/bin/env node
// Writes api.md (the package surface: client, resources with each method's HTTP method and path, and
// every exported name) from the TypeScript sources, using the compiler API. `--check` compares instead
// of writing and exits 1 when api.md is stale. Both modes also check that every auto-paging method
// clamps `limit` to the maximum its operation declares in openapi.json.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const repoRoot = join(pkgDir, '..', '..')
const src = (...p) => join(pkgDir, 'src', ...p)
const check = process.argv.includes('--check')
const problems = []

// ---------- syntax helpers ----------
const parse = (file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
const importsOf = (sf) => {
  const map = new Map()
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause?.namedBindings) continue
    const from = st.moduleSpecifier.text
    const bindings = st.importClause.namedBindings
    if (ts.isNamedImports(bindings)) for (const el of bindings.elements) map.set(el.name.text, from)
  }
  return map
}
const resolveLocal = (fromFile, spec) => join(dirname(fromFile), `${spec}.ts`)
const findClass = (sf, name) => sf.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === name)
const isPublic = (member) =>
  !(ts.getCombinedModifierFlags(member) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) &&
  !(member.name && ts.isPrivateIdentifier(member.name))

const paramList = (fn) =>
  fn.parameters.map((p) => `${p.name.getText()}${p.questionToken || p.initializer ? '?' : ''}`).join(', ')

// Realtime helpers a resource method delegates to, and the endpoint each one talks to.
const REALTIME = {
  deferredSubscription: ['GET (SSE)', '/v1/{workspace_id}/events/stream'],
  deferredObservation: ['WebSocket', '/v1/{workspace_id}/observers/{call_sid}/ws'],
  textStreamUrl: ['WebSocket URL (no request)', '/agent/text-stream'],
}

/**
 * The HTTP calls one method body makes: `this._op(m, path)`; `this._autoPage((query) =>
 * this.list(query, options), params, maxPageSize)`, the calls of that one-page method marked as
 * paging; realtime helpers; private helpers of the class, followed.
 */
function callsIn(node, klass) {
  const found = []
  const visit = (n) => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : ''
      const [m, rawPath] = n.arguments
      // `workspacePath('/v1/workspaces/{workspace_id}…', id)` keeps the spec template as its first argument.
      const p =
        rawPath &&
        ts.isCallExpression(rawPath) &&
        rawPath.expression.getText() === 'workspacePath' &&
        rawPath.arguments[0]
          ? rawPath.arguments[0]
          : rawPath
      if (name === '_autoPage') {
        const max = n.arguments[2]
        const maxPageSize = max && ts.isNumericLiteral(max) ? Number(max.text) : undefined
        if (maxPageSize === undefined) problems.push(`${klass.name}: _autoPage without a literal maxPageSize`)
        const pages = m && ts.isArrowFunction(m) ? callsIn(m, klass) : []
        if (pages.length !== 1)
          problems.push(`${klass.name}: _autoPage over ${pages.length} calls (one expected)`)
        for (const call of pages) found.push({ ...call, paging: true, maxPageSize })
        return
      }
      if (name === '_op' && m && p && ts.isStringLiteral(m) && ts.isStringLiteral(p)) {
        // Paths of the configured workspace are written without `/v1/{workspace_id}/` (WorkspacePath).
        const path = p.text.startsWith('/') ? p.text : `/v1/{workspace_id}/${p.text}`
        found.push({ method: m.text.toUpperCase(), path, paging: false })
      } else if (name in REALTIME) {
        const [method, path] = REALTIME[name]
        found.push({ method, path })
      } else if (
        ts.isPropertyAccessExpression(callee) &&
        callee.expression.kind === ts.SyntaxKind.ThisKeyword
      ) {
        // A helper or the one-page method of the same class (tokens' `_postToken`): follow it.
        const helper = klass.decl.members.find(
          (mm) => ts.isMethodDeclaration(mm) && mm.name.getText() === name,
        )
        if (helper && helper !== node) found.push(...callsIn(helper, klass))
      }
    }
    ts.forEachChild(n, visit)
  }
  visit(node.body ?? node)
  return found
}

/** A resource class: its public methods (with HTTP calls) and its sub-resources (getters built on first access). */
function describeResource(file, className, label) {
  const sf = parse(file)
  const decl = findClass(sf, className)
  if (!decl) throw new Error(`${relative(pkgDir, file)}: class ${className} not found`)
  const klass = { decl, name: className }
  const imports = importsOf(sf)
  const methods = []
  const children = []
  for (const member of decl.members) {
    if (!isPublic(member)) continue
    if (ts.isMethodDeclaration(member)) {
      const name = member.name.getText()
      methods.push({ name, params: paramList(member), calls: callsIn(member, klass) })
    }
  }
  // Sub-resources are getters returning `this._sub(SubResourceClass)`.
  for (const member of decl.members) {
    if (!ts.isGetAccessorDeclaration(member) || !isPublic(member)) continue
    const returned = member.body?.statements.find(ts.isReturnStatement)?.expression
    if (!returned || !ts.isCallExpression(returned) || returned.expression.getText() !== 'this._sub') continue
    const prop = member.name.getText()
    const childClass = returned.arguments[0]?.getText()
    const from = imports.get(childClass)
    // A sub-resource class is either imported or declared in the same file.
    const childFile = from ? resolveLocal(file, from) : findClass(sf, childClass) ? file : undefined
    if (!childFile) continue
    children.push(describeResource(childFile, childClass, `${label}.${prop}`))
  }
  return { label, className, file: relative(pkgDir, file), methods, children }
}

// ---------- resources from the registry ----------
const registryFile = src('resources', 'registry.ts')
const registry = parse(registryFile)
const registryImports = importsOf(registry)
const registered = registry.statements
  .filter(ts.isVariableStatement)
  .flatMap((s) => s.declarationList.declarations)
  .find((d) => d.name.getText() === 'RESOURCES')
// `{ ... } satisfies ...`: the object literal is the expression inside.
const literal = ts.isSatisfiesExpression(registered.initializer)
  ? registered.initializer.expression
  : registered.initializer
const resources = literal.properties.map((prop) => {
  const className = prop.initializer.getText()
  return describeResource(
    resolveLocal(registryFile, registryImports.get(className)),
    className,
    `client.${prop.name.getText()}`,
  )
})

// ---------- auto-paging limits against the spec ----------
const spec = JSON.parse(readFileSync(join(repoRoot, 'openapi.json'), 'utf8'))
const limitMaximum = (method, path) => {
  const op = spec.paths?.[path]?.[method.toLowerCase()]
  if (!op) return { missing: true }
  const limit = (op.parameters ?? []).find((p) => p.in === 'query' && p.name === 'limit')
  return { maximum: limit?.schema?.maximum ?? limit?.schema?.anyOf?.find((s) => s.maximum)?.maximum }
}
const walk = (res, fn) => {
  fn(res)
  for (const child of res.children) walk(child, fn)
}
for (const res of resources)
  walk(res, (r) => {
    for (const m of r.methods)
      for (const c of m.calls) {
        if (!c.path.startsWith('/')) continue
        if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(c.method)) continue
        const { missing, maximum } = limitMaximum(c.method, c.path)
        if (missing) problems.push(`${r.label}.${m.name}: ${c.method} ${c.path} is not in openapi.json`)
        else if (c.paging && maximum !== c.maxPageSize)
          problems.push(
            `${r.label}.${m.name}: maxPageSize ${c.maxPageSize} but the spec's limit maximum is ${maximum}`,
          )
      }
  })

// ---------- spec operations no resource method calls (reachable through client.GET/POST/...) ----------
const wrapped = new Set()
for (const res of resources)
  walk(res, (r) => {
    // Realtime entries carry a label such as `GET (SSE)`; the HTTP verb is its first word.
    for (const m of r.methods) for (const c of m.calls) wrapped.add(`${c.method.split(' ')[0]} ${c.path}`)
  })
const unwrapped = []
for (const [path, item] of Object.entries(spec.paths ?? {}))
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    const op = item?.[method]
    if (!op || wrapped.has(`${method.toUpperCase()} ${path}`)) continue
    unwrapped.push({
      tag: op.tags?.[0] ?? '',
      method: method.toUpperCase(),
      path,
      operationId: op.operationId ?? '',
    })
  }
unwrapped.sort(
  (a, b) => a.tag.localeCompare(b.tag) || a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
)

// ---------- exported names, via the type checker ----------
const configPath = join(pkgDir, 'tsconfig.json')
const parsed = ts.getParsedCommandLineOfConfigFile(
  configPath,
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
)
const program = ts.createProgram([src('index.ts'), src('env.d.ts')], parsed.options)
const checker = program.getTypeChecker()
const indexSymbol = checker.getSymbolAtLocation(program.getSourceFile(src('index.ts')))
const origin = (fileName) => {
  const rel = relative(join(repoRoot, 'packages'), fileName).split(/[\\/]/)[0]
  return (
    {
      core: '@amigo-ai/core',
      realtime: '@amigo-ai/realtime',
      webhooks: '@amigo-ai/webhooks',
      'auth-node': '@amigo-ai/auth-node',
    }[rel] ?? '@amigo-ai/platform-sdk'
  )
}
const kindOf = (symbol) => {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
  const f = target.flags
  const decl = target.declarations?.[0]
  const kind =
    f & ts.SymbolFlags.Class
      ? 'class'
      : f & ts.SymbolFlags.Function
        ? 'function'
        : f & ts.SymbolFlags.Variable
          ? 'const'
          : f & ts.SymbolFlags.Enum
            ? 'enum'
            : f & ts.SymbolFlags.Interface
              ? 'interface'
              : 'type'
  return { kind, from: decl ? origin(decl.getSourceFile().fileName) : '@amigo-ai/platform-sdk' }
}
const exported = new Map()
for (const symbol of checker.getExportsOfModule(indexSymbol)) {
  const { kind, from } = kindOf(symbol)
  if (!exported.has(from)) exported.set(from, new Map())
  const byKind = exported.get(from)
  if (!byKind.has(kind)) byKind.set(kind, [])
  byKind.get(kind).push(symbol.getName())
}

// ---------- render ----------
const lines = []
const out = (s = '') => lines.push(s)
out('# @amigo-ai/platform-sdk: API surface')
out()
out('Generated from the sources by `scripts/api-md.mjs` (TypeScript compiler API); do not edit by hand.')
out('Run `pnpm --filter @amigo-ai/platform-sdk api-md` after changing the public surface; the test suite')
out('fails while this file is stale.')
out()
out('## `AmigoClient`')
out()
out('| member | what it does |')
out('|---|---|')
out(
  '| `new AmigoClient(config)` | `apiKey`, `workspaceId` (required), `baseUrl`, `retry`, `maxRetries`, `timeout`, `headers`, `hooks`, `fetch`, `userAgent`, `agentBaseUrl`, `realtime` |',
)
for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])
  out(
    `| \`client.${m}(path, init?)\` | typed ${m} of any spec path; \`{workspace_id}\` filled from the config |`,
  )
out('| `client.withOptions(options)` | a client whose every call carries these options |')
out()
out('Every resource (and sub-resource) below also has `withOptions(options)`, and every method takes')
out(
  'per-call `RequestOptions` (`timeout`, `maxRetries`, `headers`, `signal`, `idempotencyKey`) as its last argument.',
)
out('Auto-paging methods clamp the requested `limit` to the page size the operation allows.')
out('Each resource and sub-resource is built on first access and then reused.')
out()
out('## `@amigo-ai/platform-sdk/lite`')
out()
out(
  '`createAmigo(config)` (the same config as `AmigoClient`) returns `{ transport, connection }`, from which',
)
out('any resource class below is built on its own: `new AgentsResource(createAmigo(config))`. The entry also')
out('exports every resource class and type of this package and everything of `@amigo-ai/core`.')
out()
out('## Resources')
const renderResource = (res) => {
  out()
  out(`### \`${res.label}\` (\`${res.className}\`, ${res.file})`)
  out()
  if (res.methods.length) {
    out('| method | HTTP | path |')
    out('|---|---|---|')
    for (const m of res.methods) {
      const calls = m.calls.length ? m.calls : [{ method: '—', path: '—' }]
      const http = [
        ...new Set(calls.map((c) => c.method + (c.paging ? ` (pages of ≤ ${c.maxPageSize})` : ''))),
      ].join(', ')
      const paths = [...new Set(calls.map((c) => (c.path === '—' ? '—' : `\`${c.path}\``)))].join(', ')
      out(`| \`${m.name}(${m.params})\` | ${http} | ${paths} |`)
    }
  }
  if (res.children.length) {
    out()
    out(`Sub-resources: ${res.children.map((c) => `\`${c.label}\``).join(', ')}.`)
  }
  for (const child of res.children) renderResource(child)
}
for (const res of resources) renderResource(res)
out()
out(`## Spec operations without a resource method (${unwrapped.length})`)
out()
out('No resource method wraps these operations (the official SDK has none for them either). They are')
out("fully typed through the low-level helpers, e.g. `client.GET('/v1/{workspace_id}/use-cases')` or")
out("`client.POST('/v1/{workspace_id}/voiceprints/verify', { body })`: path, query, body and result types")
out('come from the generated spec, and `{workspace_id}` is filled from the config. The identity routes')
out(
  '(`/device/code`, `/self`, `/self/profile`) are used by the device-code login helpers of `@amigo-ai/auth-node`.',
)
out()
out('| tag | HTTP | path | operationId |')
out('|---|---|---|---|')
for (const u of unwrapped) out(`| ${u.tag} | ${u.method} | \`${u.path}\` | \`${u.operationId}\` |`)
out()
out('## Exported names')
const order = [
  '@amigo-ai/platform-sdk',
  '@amigo-ai/core',
  '@amigo-ai/realtime',
  '@amigo-ai/webhooks',
  '@amigo-ai/auth-node',
]
const kinds = ['class', 'function', 'const', 'enum', 'interface', 'type']
for (const from of order) {
  const byKind = exported.get(from)
  if (!byKind) continue
  out()
  out(from === '@amigo-ai/platform-sdk' ? '### Defined in this package' : `### Re-exported from \`${from}\``)
  out()
  for (const kind of kinds) {
    const names = byKind.get(kind)
    if (!names?.length) continue
    out(
      `- ${kind === 'class' ? 'classes' : kind === 'const' ? 'constants' : `${kind}s`}: ${names
        .sort()
        .map((n) => `\`${n}\``)
        .join(', ')}`,
    )
  }
}
out()
const text = lines.join('\n')

const target = join(pkgDir, 'api.md')
if (problems.length) {
  for (const p of problems) console.error(`✗ ${p}`)
  process.exit(1)
}
if (check) {
  let current = ''
  try {
    current = readFileSync(target, 'utf8')
  } catch {}
  if (current !== text) {
    console.error('✗ api.md is stale: run `pnpm --filter @amigo-ai/platform-sdk api-md`')
    process.exit(1)
  }
  console.log('✓ api.md is up to date')
} else {
  writeFileSync(target, text)
  console.log(`wrote ${relative(process.cwd(), target)}`)
}
