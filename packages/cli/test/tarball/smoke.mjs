// Runs against the packed tarball (scripts/check-tarballs.mjs), in a project that installed it: the
// `amigo` bin answers --version and --help, and a signed delivery made by `webhooks trigger --print`
// (which loads the installed mock and its shipped spec) verifies with `webhooks verify`.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const bin = join(process.cwd(), 'node_modules', '.bin', 'amigo')
const pkg = JSON.parse(readFileSync(join(process.cwd(), 'node_modules/@amigo-ai/cli/package.json'), 'utf8'))
const amigo = (args, input) => {
  const r = spawnSync(bin, args, {
    encoding: 'utf8',
    input,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  })
  if (r.error) throw r.error
  return r
}

const version = amigo(['--version'])
if (version.status !== 0 || version.stdout.trim() !== pkg.version)
  throw new Error(`amigo --version: ${version.status} ${version.stdout}${version.stderr}`)
const help = amigo(['--help'])
for (const name of ['login', 'whoami', 'api', 'events', 'webhooks', 'mock'])
  if (help.status !== 0 || !help.stdout.includes(`  ${name} `))
    throw new Error(`amigo --help lacks ${name}:\n${help.stdout}`)
const delivery = amigo(['webhooks', 'trigger', 'call.ended', '--print', '--secret', 'whsec_smoke_cli'])
if (delivery.status !== 0) throw new Error(`trigger --print: ${delivery.stderr}`)
const verified = amigo(['webhooks', 'verify', '--secret', 'whsec_smoke_cli'], delivery.stdout)
if (verified.status !== 0 || !verified.stdout.includes('verified: call.ended'))
  throw new Error(`verify: ${verified.status} ${verified.stdout}${verified.stderr}`)
const unknown = amigo(['frobnicate'])
if (unknown.status !== 2) throw new Error(`unknown command exited ${unknown.status}`)
console.log(`amigo ${pkg.version}: --version, --help, trigger --print | verify, usage error ok`)
