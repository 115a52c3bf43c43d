// World model: filter entities, open one with its timeline, and run a semantic search.
import { AmigoClient } from '@amigo-ai/platform-sdk'
import { type ExampleEnv, runExample } from '../_shared/connect'

/** The parts of a search hit this example reads. */
interface SearchHit {
  id?: string
  display_name?: string
  score?: number
}

export async function main(env: ExampleEnv, query = 'Jane Doe') {
  const client = new AmigoClient(env)

  // `listEntities` is a filtered listing (exact type, text match); good for "find this record".
  const { entities } = await client.world.listEntities({ q: query, entity_type: ['patient'], limit: 5 })
  console.log(`listEntities("${query}"): ${entities.map((e) => e.display_name).join(', ') || 'none'}`)

  const first = entities[0]
  let timelineEvents = 0
  if (first) {
    const entity = await client.world.getEntity(first.id)
    const timeline = await client.world.getTimeline(first.id, { limit: 5 })
    timelineEvents = timeline.events.length
    console.log(`${entity.display_name} (${entity.entity_type}): ${timelineEvents} recent timeline events`)
  }

  // `search` ranks by meaning rather than by exact text, so near misses still come back.
  const results = await client.world.search({ q: query, entity_type: 'patient', limit: 5 })
  // The API describes this answer only as a JSON object, so read the fields defensively.
  const hits = Array.isArray(results.results) ? (results.results as SearchHit[]) : []
  for (const hit of hits) console.log(`  ${hit.display_name ?? hit.id} (score ${hit.score ?? '?'})`)

  return { matches: entities.length, firstName: first?.display_name, timelineEvents, searchHits: hits.length }
}

await runExample(import.meta.url, main)
