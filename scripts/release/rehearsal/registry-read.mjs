// Reads what the local registry really holds: packuments, published manifests (the dependency
// ranges pnpm wrote in place of `workspace:`), and the file list of a published tarball.
import { gunzipSync } from 'node:zlib'

/** The packument of `name`, or null when the registry does not have the package. */
export async function packument(registry, name) {
  const res = await fetch(new URL(name.replace('/', '%2f'), registry))
  if (res.status === 404) return null
  if (!res.ok) throw new Error(`GET ${name} from ${registry}: ${res.status}`)
  return res.json()
}

/** The manifest of `name@version` as published, or null. */
export async function publishedManifest(registry, name, version) {
  return (await packument(registry, name))?.versions?.[version] ?? null
}

/** The paths inside the published tarball of `name@version` (`package/` prefix removed). */
export async function tarballFiles(registry, name, version) {
  const manifest = await publishedManifest(registry, name, version)
  if (!manifest) throw new Error(`${name}@${version} is not on ${registry}`)
  const res = await fetch(manifest.dist.tarball)
  if (!res.ok) throw new Error(`GET ${manifest.dist.tarball}: ${res.status}`)
  const tar = gunzipSync(Buffer.from(await res.arrayBuffer()))
  const files = []
  // ustar: a 512-byte header (name at 0, octal size at 124, type at 156, prefix at 345) per entry.
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0; ) {
    const field = (from, len) =>
      tar
        .subarray(at + from, at + from + len)
        .toString('utf8')
        .replace(/\0.*$/s, '')
    const size = Number.parseInt(field(124, 12).trim() || '0', 8)
    const name = [field(345, 155), field(0, 100)].filter(Boolean).join('/')
    if (field(156, 1) === '0' || field(156, 1) === '') files.push(name.replace(/^package\//, ''))
    at += 512 + Math.ceil(size / 512) * 512
  }
  return files.sort()
}

/** `name range` for each @amigo-ai dependency of a published manifest. */
export const internalDependencies = (manifest) =>
  Object.entries(manifest?.dependencies ?? {}).filter(([dep]) => dep.startsWith('@amigo-ai/'))
