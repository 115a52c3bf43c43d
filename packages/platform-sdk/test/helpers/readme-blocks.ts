// The TypeScript and JavaScript code blocks of the package READMEs (packages/<dir>/README.md), and
// which fixture of test/readme-examples/<dir>/ holds each one. The fixtures are what tsc checks; this
// keeps them the README's text, so a README edit that no fixture follows fails by README and block.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** One fenced code block of a README. */
interface ReadmeBlock {
  /** `packages/<dir>/README.md` */
  readme: string
  /** 1-based line of the block's first code line in the README. */
  line: number
  /** The heading the block sits under. */
  heading: string
  code: string
}

/** The fence languages whose blocks must compile (shell and other blocks are not checked). */
const codeLanguage = /^(ts|tsx|typescript|js|jsx|javascript|mjs|cjs)$/

/** Trailing spaces and trailing blank lines do not count when a sample is compared. */
export const normalizeSample = (code: string): string =>
  code
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')

/** Every TypeScript/JavaScript block of `packages/<dir>/README.md`, in order. */
function readmeCodeBlocks(repoRoot: string, dir: string): ReadmeBlock[] {
  const readme = `packages/${dir}/README.md`
  const lines = readFileSync(join(repoRoot, readme), 'utf8').split('\n')
  const blocks: ReadmeBlock[] = []
  let heading = '(before the first heading)'
  let open: { language: string; line: number; code: string[] } | undefined
  for (const [index, text] of lines.entries()) {
    if (open && /^```\s*$/.test(text)) {
      if (codeLanguage.test(open.language))
        blocks.push({ readme, line: open.line, heading, code: normalizeSample(open.code.join('\n')) })
      open = undefined
    } else if (open) open.code.push(text)
    else if (text.startsWith('```'))
      open = { language: /^```(\S*)/.exec(text)?.[1] ?? '', line: index + 2, code: [] }
    else if (/^#{1,6} /.test(text)) heading = text.trim()
  }
  return blocks
}

/** The package directories that have a README. */
const packagesWithReadme = (repoRoot: string): string[] =>
  readdirSync(join(repoRoot, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repoRoot, 'packages', entry.name, 'README.md')))
    .map((entry) => entry.name)
    .sort()

/** How a problem names a block: README, line, heading and first line. */
const describeBlock = (block: ReadmeBlock): string =>
  `${block.readme}:${block.line} (${block.heading}; starts "${block.code.split('\n')[0]}")`

/**
 * What is wrong between the README blocks and the fixtures of test/readme-examples/<dir>/ (empty when
 * each block is the sample of exactly one fixture and each fixture's sample is a block).
 * `sampleOf` reads a fixture's sample (the text below its marker).
 */
export function readmeFixtureProblems(
  repoRoot: string,
  fixturesDir: string,
  sampleOf: (file: string) => string,
): string[] {
  const problems: string[] = []
  for (const dir of packagesWithReadme(repoRoot)) {
    const blocks = readmeCodeBlocks(repoRoot, dir)
    const folder = join(fixturesDir, dir)
    const files = existsSync(folder)
      ? readdirSync(folder)
          .filter((f) => f.endsWith('.ts'))
          .sort()
      : []
    const samples = new Map(files.map((f) => [`${dir}/${f}`, sampleOf(join(folder, f))]))
    for (const block of blocks) {
      const holders = [...samples].filter(([, sample]) => sample === block.code).map(([file]) => file)
      if (holders.length === 0)
        problems.push(
          `${describeBlock(block)}: no fixture in test/readme-examples/${dir}/ holds this block as written; ` +
            'copy it below the "// ---- example ----" line of its fixture, then make the fixture compile',
        )
      else if (holders.length > 1)
        problems.push(`${describeBlock(block)}: held by several fixtures (${holders})`)
    }
    for (const [file, sample] of samples)
      if (!blocks.some((block) => block.code === sample))
        problems.push(
          `test/readme-examples/${file}: its sample is no longer a code block of packages/${dir}/README.md`,
        )
  }
  return problems
}

const marker = '// ---- example ----'

/**
 * tsc's output with each error in a package README fixture followed by where that line is in the
 * README (`  -> packages/webhooks/README.md:286`), or which block's declarations it is in.
 */
export function withReadmeLines(output: string, repoRoot: string, fixturesDir: string): string {
  const blocksOf = new Map<string, ReadmeBlock[]>()
  return output
    .split('\n')
    .map((text) => {
      const at = /^([\w-]+)\/([\w.-]+\.ts)\((\d+),\d+\)/.exec(text)
      if (!at || !existsSync(join(repoRoot, 'packages', at[1]!, 'README.md'))) return text
      const [, dir = '', file = '', line = ''] = at
      if (!blocksOf.has(dir)) blocksOf.set(dir, readmeCodeBlocks(repoRoot, dir))
      const fixture = readFileSync(join(fixturesDir, dir, file), 'utf8').split('\n')
      const markerLine = fixture.indexOf(marker) + 1
      const sample = normalizeSample(fixture.slice(markerLine).join('\n'))
      const block = blocksOf.get(dir)?.find((b) => b.code === sample)
      if (!block || markerLine === 0) return text
      const offset = Number(line) - markerLine - 1
      return offset < 0
        ? `${text}\n  -> in the declarations for ${describeBlock(block)}`
        : `${text}\n  -> ${block.readme}:${block.line + offset} (${block.heading})`
    })
    .join('\n')
}
