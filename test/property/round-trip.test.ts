/**
 * Property test: a framework of any shape the model holds, written as source files the way the
 * authoring guide says, reads back into exactly that model. Nothing is lost, added or moved.
 *
 * fast-check generates the model (levels with and without printed labels, shared titles,
 * sub-levels, conditional consent, domains and sub-domains, a domain titled differently at a
 * level, indicators with ages, resources, emphasis or links in their words and related
 * indicators at other levels, a level's own list under no domain, words under a list's heading,
 * lists and pages marked partial or missing in the source, contacts
 * with hours in words or times, links, a narrative page); `sourcesOf` writes its files; the
 * reader builds the model from them in this process (the Markdown parser without its worker, so
 * a thousand frameworks take seconds) and it must equal the generated one, with no message.
 *
 * Runs: 1,000 frameworks by default (THRESHOLDS_ROUND_TRIP_RUNS to change it); the seed is
 * printed with any counterexample, replay with THRESHOLDS_ROUND_TRIP_SEED=<seed>.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readBack, shape, sourcesOf } from './frameworks.ts'

const RUNS = Number(process.env.THRESHOLDS_ROUND_TRIP_RUNS ?? 1000)
const SEED = process.env.THRESHOLDS_ROUND_TRIP_SEED ? Number(process.env.THRESHOLDS_ROUND_TRIP_SEED) : undefined

describe('every shape of framework, written as sources and read back', () => {
  it(`gives the same model, with no message (${RUNS} frameworks)`, () => {
    fc.assert(
      fc.property(shape, (generated) => {
        const { framework, messages } = readBack(sourcesOf(generated))
        expect(messages).toEqual([])
        expect(framework).toEqual(JSON.parse(JSON.stringify(generated.framework)))
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    )
  })
})
