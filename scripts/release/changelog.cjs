// How `changeset version` writes each CHANGELOG.md entry (.changeset/config.json "changelog"):
// the changeset's text as its author wrote it for users, and one line naming the new versions of
// the @amigo-ai packages a release moved to. No commit hashes: readers of a package's CHANGELOG on
// npm cannot follow them.

/** One bullet per changeset: its summary, continuation lines indented under the bullet. */
async function getReleaseLine(changeset) {
  const lines = changeset.summary
    .trim()
    .split('\n')
    .map((line) => line.trimEnd())
  return [`- ${lines[0]}`, ...lines.slice(1).map((line) => (line ? `  ${line}` : ''))].join('\n')
}

/** One bullet listing the workspace dependencies whose new versions this release uses. */
async function getDependencyReleaseLine(_changesets, dependenciesUpdated) {
  if (dependenciesUpdated.length === 0) return ''
  const names = dependenciesUpdated.map((dep) => `\`${dep.name}\` ${dep.newVersion}`)
  return `- Uses ${names.join(', ')}.`
}

module.exports = { getReleaseLine, getDependencyReleaseLine }
